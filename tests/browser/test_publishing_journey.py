"""The whole publishing promise in a browser at 1280×800: an Author drafts a change to a live article and
submits it, a Clinical reviewer reads the draft and approves it, an Editor publishes it, then reverts it;
patients see each change only when it is published. Our own admin parts pass axe on the way."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from clinicians.models import Clinician
from publishing.roles import sync_roles

from .conftest import DESKTOP, sign_in
from .helpers import axe_violations

pytestmark = pytest.mark.browser
OUR_ADMIN_PARTS = [".editorial-status", ".preview-links", "#autosave-status", ".submit-row"]


@pytest.fixture(autouse=True)
def roles_and_reviews(transactional_db, settings):
    sync_roles()  # live-server tests empty every table after they run, roles included
    settings.CLINIC_REVIEW_REQUIRED_FOR = ["articles.article", "treatments.treatment"]


def public_text(browser, url):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        return page.locator("main").inner_text()
    finally:
        context.close()


def test_draft_submit_review_publish_and_revert_a_live_article(page, demo_site, browser):
    page.set_viewport_size(DESKTOP)
    article = Article.objects.get(slug="botox-facial-symmetry")
    change = f"{demo_site}/admin/articles/article/{article.pk}/change/"
    public = demo_site + article.get_absolute_url()
    original_summary = article.summary

    sign_in(page, demo_site, "Author")
    page.goto(change)
    page.get_by_label("Summary:", exact=True).fill("Why faces are rarely symmetrical, and how Botox can help.")
    page.locator(".ck-editor__editable").first.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Results fade after three to four months.")
    page.get_by_role("button", name="Submit for review").first.click()
    expect(page.locator(".messagelist")).to_contain_text("submitted for medical review")
    expect(page.locator(".editorial-status")).to_contain_text("In review")
    assert axe_violations(page, OUR_ADMIN_PARTS) == []
    assert original_summary in public_text(browser, public)  # patients see no change

    reviewer = sign_in(page, demo_site, "Clinical reviewer")
    Clinician.objects.filter(name="Dr Eleanor Hart").update(user=reviewer)
    page.goto(change)
    page.get_by_role("link", name="Approve: record medical review").click()
    with page.context.expect_page() as opened:
        page.locator("#content-main").get_by_role("link", name=article.title).click()
    expect(opened.value.get_by_text("Results fade after three to four months.")).to_be_visible()
    opened.value.close()
    assert axe_violations(page, ["#content-main"]) == []
    page.get_by_role("button", name="Record review").click()
    expect(page.locator(".messagelist")).to_contain_text("recorded, for its draft")

    sign_in(page, demo_site, "Editor")
    page.goto(change)
    expect(page.locator(".editorial-status")).to_contain_text("It has unpublished changes")
    page.get_by_role("button", name="Publish changes").first.click()
    expect(page.locator(".messagelist")).to_contain_text("published: patients see the changes now")
    assert "Results fade after three to four months." in public_text(browser, public)

    page.goto(f"{change.removesuffix('change/')}history/")
    page.locator("#change-history a[href*='/history/']").last.click()  # the oldest version
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("is now the draft")
    assert "Results fade after three to four months." in public_text(browser, public)  # still live until published

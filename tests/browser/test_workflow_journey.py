"""Roles, shareable previews and medical review, in a real browser."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from clinicians.models import Clinician
from publishing.roles import sync_roles

from .conftest import sign_in

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def roles(transactional_db):
    """Live-server tests empty every table after they run, roles included: make them again."""
    sync_roles()


def test_author_drafts_shares_a_preview_and_a_reviewer_signs_it_off(page, demo_site, browser):
    sign_in(page, demo_site, "Author")
    page.goto(f"{demo_site}/admin/articles/article/add/")
    expect(page.get_by_label("Status:")).to_have_count(0)  # authors cannot publish
    page.get_by_label("Title:", exact=True).press_sequentially("Choosing a practitioner")
    page.get_by_label("Summary:", exact=True).fill("What to ask before any injection.")
    page.locator(".ck-editor__editable").first.click()
    page.keyboard.type("Ask about their training and how they handle complications.")
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    page.get_by_role("button", name="Make a preview link of this version").click()
    expect(page.locator(".messagelist")).to_contain_text("Preview link made")
    preview_link = page.locator(".preview-links input[type=text]").first.input_value()
    outsider = browser.new_context()
    try:
        shared = outsider.new_page()
        shared.goto(preview_link)
        expect(shared.get_by_role("status")).to_contain_text("Preview — not published.")
        expect(shared.get_by_text("Ask about their training")).to_be_visible()
    finally:
        outsider.close()

    reviewer = sign_in(page, demo_site, "Clinical reviewer")
    Clinician.objects.filter(name="Dr Eleanor Hart").update(user=reviewer)
    article = Article.objects.get(slug="choosing-a-practitioner")
    page.goto(f"{demo_site}/admin/articles/article/{article.pk}/change/")
    page.get_by_role("link", name="Record medical review").click()
    expect(page.get_by_label("Medically reviewed by")).to_have_value(str(reviewer.clinician.pk))
    page.get_by_role("button", name="Record review").click()
    expect(page.locator(".messagelist")).to_contain_text("Medical review of “Choosing a practitioner” recorded")
    page.goto(demo_site + article.get_absolute_url())
    expect(page.locator(".review-line")).to_contain_text("Medically reviewed by Dr Eleanor Hart")

"""Each role signs in to a home page of its own work; an Editor imports redirects from a file."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article
from publishing.models import ReviewRequest, Status
from publishing.roles import sync_roles
from treatments.models import Treatment

from .conftest import DESKTOP, sign_in
from .helpers import axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def roles(transactional_db):
    """Live-server tests empty every table after they run, roles included: make them again."""
    sync_roles()


def an_authors_week(author):
    """What an Author's home holds on a working day: drafts, one sent back, one in review, what goes live next,
    and a treatment whose review is past its date."""
    credit = Article.objects.first().author
    reviewer = User.objects.create_user("dr-shah", first_name="Amira", last_name="Shah", is_staff=True)
    page = {"summary": "A plain summary.", "body": "<p>Text.</p>", "author": credit, "updated_by": author}
    in_review = Article.objects.create(title="Lip filler: what to expect", slug="lip-filler", status=Status.DRAFT,
                                       **page)
    sent_back = Article.objects.create(title="Skin boosters explained", slug="skin-boosters", status=Status.DRAFT,
                                       **page)
    Article.objects.create(title="Winter skin care", slug="winter-skin-care", status=Status.PUBLISHED,
                           publish_at=timezone.now() + timedelta(days=9), **page)
    content_type = ContentType.objects.get_for_model(Article)
    ReviewRequest.objects.create(content_type=content_type, object_id=in_review.pk, submitted_by=author,
                                 state=ReviewRequest.State.IN_REVIEW)
    ReviewRequest.objects.create(content_type=content_type, object_id=sent_back.pk, submitted_by=author,
                                 answered_by=reviewer, state=ReviewRequest.State.CHANGES_REQUESTED,
                                 comment="Please add how long the redness lasts, and who should not have it.")
    Treatment.objects.filter(slug="rhinoplasty").update(last_reviewed=timezone.localdate() - timedelta(days=400))


def test_an_author_starts_from_their_own_work(page, demo_site):
    page.set_viewport_size(DESKTOP)
    author = sign_in(page, demo_site, "Author")
    an_authors_week(author)
    page.reload()
    main = page.locator("#content-main")
    expect(main.get_by_role("region", name="Changes requested")).to_contain_text("how long the redness lasts")
    expect(main.get_by_role("region", name="My drafts")).to_contain_text("Lip filler: what to expect")
    expect(main.get_by_role("region", name="Scheduled")).to_contain_text("Winter skin care")
    expect(main.get_by_role("region", name="Medical reviews due")).to_contain_text("Rhinoplasty")
    assert axe_violations(page, include=["#content-main"]) == []
    main.get_by_role("link", name="Write an article").click()
    expect(page.get_by_role("heading", name="Add article")).to_be_visible()


def test_front_desk_sees_only_enquiries(page, demo_site):
    sign_in(page, demo_site, "Front desk")
    main = page.locator("#content-main")
    expect(main.get_by_role("link")).to_have_text(["Consultation enquiries", "Enquiries", "Change"])
    assert axe_violations(page, include=["#content-main"]) == []


def test_an_editor_imports_redirects_and_fixes_the_file_first(page, demo_site, tmp_path):
    page.set_viewport_size(DESKTOP)
    sign_in(page, demo_site, "Editor")
    page.locator("#content-main").get_by_role("link", name="Redirects").click()
    page.get_by_role("link", name="Import from a file").click()
    bad = tmp_path / "old-site.csv"
    bad.write_text("old,new\n/botox.html,/treatments/botox/\n/a/,/b/\n/b/,/a/\n/lips.html,/treatments/lip-filler/\n")
    page.get_by_label("CSV file").set_input_files(bad)
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("alert")).to_contain_text("Nothing was imported: 3 rows of 4 need fixing.")
    expect(page.locator(".problems")).to_contain_text([
        "Row 3: These redirects go round in a loop", "Row 4: These redirects go round in a loop",
        "Row 5: The new address /treatments/lip-filler/ answers “page not found”",
    ])
    assert axe_violations(page, include=["#content-main"]) == []
    good = tmp_path / "old-site-fixed.csv"
    good.write_text("old,new\n/botox.html,/treatments/botox/\n/nose.html,/treatments/rhinoplasty/\n")
    page.get_by_label("CSV file").set_input_files(good)
    page.get_by_role("button", name="Check the file").click()
    assert axe_violations(page, include=["#content-main"]) == []
    page.get_by_role("button", name="Import 2 redirects").click()
    expect(page.locator(".messagelist")).to_contain_text("2 redirects imported.")
    page.context.clear_cookies()
    page.goto(demo_site + "/botox.html")
    expect(page).to_have_url(demo_site + "/treatments/botox/")

"""Publishing rules at their edges: scheduled pages, overrides on other pages, later srcset candidates, forms that
lost their version. Each test here was checked against a planted one-line bug that the rest of the suite missed."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from claims.models import ClaimOverride
from publishing.models import Status
from publishing.sanitize import sanitize_html
from search.engine import search_site
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, TreatmentFactory, UserFactory
from tests.publishing.test_roles import change_url, member_of
from tests.sitemap import sitemap_text
from tests.treatments.test_admin import treatment_form
from treatments.models import Treatment

pytestmark = pytest.mark.django_db
BAD = "<p>A completely safe, risk-free treatment.</p>"
NO_RISKS = "Add the side effects and risks before publishing"
HOSTILE_SRCSET = '<img src="/media/a.jpg" srcset="/media/a.jpg 1x, javascript:alert(1) 2x" alt="A clinic room">'


@pytest.fixture(autouse=True)
def us_rules(settings):
    settings.CLINIC_JURISDICTION = "us"


def next_week():
    when = timezone.localtime() + timedelta(days=7)
    return {"publish_at_0": when.strftime("%d/%m/%Y"), "publish_at_1": when.strftime("%H:%M:%S")}


def publish_with_action(client, *pages):
    """The list's "Publish selected" action; returns the messages page the Editor sees."""
    changelist = reverse(f"admin:{pages[0]._meta.app_label}_{pages[0]._meta.model_name}_changelist")
    data = {"action": "publish", "_selected_action": [page.pk for page in pages]}
    return client.post(changelist, data, follow=True).content.decode()


def publish_with_form(client, page):
    """An Editor opens a draft's change form, sets it to Published and saves."""
    fields = {"slug": page.slug, "title": page.title, "body": page.body, "status": Status.PUBLISHED,
              "edit_version": page.updated_at.isoformat()}
    if isinstance(page, Treatment):
        return client.post(change_url(page), treatment_form(**fields))
    return client.post(change_url(page), article_form(author=page.author_id, **fields))


def override(page, rule_id="absolute-safety"):
    ClaimOverride.objects.create(page=page, rule_id=rule_id, reason="A quoted complaint.", overridden_by=UserFactory())


def field_error(response, field):
    """The error shown beside `field` on a refused form ("" if the form was accepted or the field is fine)."""
    html = response.content.decode()
    marker = f'id="id_{field}_error">'
    return html.split(marker)[1].split("</ul>")[0] if response.status_code == 200 and marker in html else ""


def still_a_draft(page):
    page.refresh_from_db()
    return page.status == Status.DRAFT


# 1. Scheduling is publishing: the same checks apply to a page that goes live next week.

def test_scheduling_a_treatment_without_risks_is_refused_like_publishing_it_now():
    client, _ = member_of("Editor")
    response = client.post(
        reverse("admin:treatments_treatment_add"), treatment_form(risks="", status=Status.PUBLISHED, **next_week())
    )
    assert NO_RISKS in field_error(response, "risks")
    assert not Treatment.objects.exists()


def test_scheduling_an_article_with_a_forbidden_claim_is_refused_like_publishing_it_now():
    client, editor = member_of("Editor")
    response = client.post(
        reverse("admin:articles_article_add"),
        article_form(body=BAD, status=Status.PUBLISHED, **next_week()),
    )
    assert "Every medical treatment carries some risk" in field_error(response, "body")
    assert not Article.objects.exists()


def test_the_publish_action_refuses_drafts_due_next_week_that_have_problems():
    client, _ = member_of("Editor")
    due = timezone.now() + timedelta(days=7)
    treatment = TreatmentFactory(status=Status.DRAFT, title="No risks yet", risks="", publish_at=due)
    article = ArticleFactory(status=Status.DRAFT, title="Risky claim", body=BAD, publish_at=due)
    assert "“No risks yet” was not published" in publish_with_action(client, treatment)
    assert "“Risky claim” was not published" in publish_with_action(client, article)
    assert still_a_draft(treatment) and still_a_draft(article)


# 2. An Editor's override covers the one page it was made on.

def test_an_override_on_one_article_does_not_let_another_article_publish_the_same_claim():
    client, _ = member_of("Editor")
    overridden = ArticleFactory(status=Status.DRAFT, title="Overridden", body=BAD)
    other = ArticleFactory(status=Status.DRAFT, title="Other page", body=BAD)
    override(overridden)
    assert "(absolute-safety;" in field_error(publish_with_form(client, other), "body")
    html = publish_with_action(client, overridden, other)
    assert "“Other page” was not published" in html and "1 page published." in html
    assert not still_a_draft(overridden) and still_a_draft(other)


def test_an_override_on_an_article_does_not_unblock_the_treatment_with_the_same_number():
    client, _ = member_of("Editor")
    article = ArticleFactory(status=Status.DRAFT, body=BAD)
    treatment = TreatmentFactory(pk=article.pk, status=Status.DRAFT, title="Risk-free peel", body=BAD)
    override(article)
    assert "(absolute-safety;" in field_error(publish_with_form(client, treatment), "body")
    assert "“Risk-free peel” was not published" in publish_with_action(client, treatment)
    assert still_a_draft(treatment)


# 3. Every address in a srcset is checked, not just the first.

def test_a_hostile_address_later_in_an_image_srcset_never_reaches_patients(client):
    assert "javascript" not in sanitize_html(HOSTILE_SRCSET).lower()
    assert 'src="/media/a.jpg"' in sanitize_html(HOSTILE_SRCSET)  # the image itself stays
    article = ArticleFactory(slug="clinic-room", body=f"<p>Our room.</p>{HOSTILE_SRCSET}")
    article.refresh_from_db()
    assert "javascript" not in article.body.lower()
    assert "javascript:alert" not in client.get("/blog/clinic-room/").content.decode()


# 4. A scheduled page is not public anywhere until its time comes.

def test_a_scheduled_page_stays_out_of_the_sitemap_feed_and_search_until_its_time(client):
    goes_live = timezone.now() + timedelta(days=2)
    ArticleFactory(slug="winter-skin", title="Winter skincare", summary="Skincare for winter.", publish_at=goes_live)
    TreatmentFactory(slug="winter-peel", title="Winter peel", summary="A winter peel.", publish_at=goes_live)

    def public_sightings():
        sitemap = sitemap_text(client)
        return {
            "sitemap": "/blog/winter-skin/" in sitemap and "/treatments/winter-peel/" in sitemap,
            "feed": "Winter skincare" in client.get("/blog/feed/").content.decode(),
            "search": sorted(page.title for page in search_site("winter")),
        }

    assert public_sightings() == {"sitemap": False, "feed": False, "search": []}
    with time_machine.travel(goes_live + timedelta(minutes=1)):
        assert public_sightings() == {"sitemap": True, "feed": True, "search": ["Winter peel", "Winter skincare"]}


# 5. A form that lost its version field cannot overwrite someone else's save.

@pytest.mark.parametrize("version", [None, ""], ids=["missing", "blank"])
def test_a_save_without_the_pages_version_is_refused_and_keeps_the_other_save(version):
    client, _ = member_of("Editor")
    page = ArticleFactory(status=Status.DRAFT, title="Original")
    page.title, page.updated_by = "Their title", UserFactory(first_name="Sam", last_name="Other")
    page.save()  # someone else saved after this form was opened
    form = article_form(author=page.author_id, slug=page.slug, title="My title")
    if version is not None:
        form["edit_version"] = version
    response = client.post(change_url(page), form)
    html = response.content.decode()
    assert response.status_code == 200 and "Sam Other saved this page on" in html and "My title" in html
    page.refresh_from_db()
    assert page.title == "Their title"

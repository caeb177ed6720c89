"""Preview links: each shows the version of a page it was made for, to anyone who holds it, until it
expires, is revoked, or the page is deleted."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from publishing.models import PreviewLink, Status
from publishing.previews import create_preview_link, preview_url
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, FAQFactory, TreatmentFactory
from tests.publishing.test_roles import member_of
from tests.treatments.test_admin import treatment_form

pytestmark = pytest.mark.django_db


def link_to(page):
    return preview_url(create_preview_link(page, get_user_model().objects.first()))


@pytest.mark.parametrize("factory", [ArticleFactory, TreatmentFactory])
def test_a_link_shows_the_version_it_was_made_for_to_anyone(client, factory):
    page = factory(status=Status.DRAFT, title="Draft for review", body="<p>First wording.</p>")
    url = link_to(page)
    page.body = "<p>Later wording.</p>"
    page.save()
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview — not published." in html
    assert "First wording." in html and "Later wording." not in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"]
    assert "Edit in the admin" not in html
    assert client.get(page.get_absolute_url()).status_code == 404  # the normal address stays closed
    page.refresh_from_db()
    assert page.body == "<p>Later wording.</p>"  # showing an old version changes nothing


def test_a_link_to_a_live_page_shows_its_draft_with_its_faqs(editor_client, client):
    treatment = TreatmentFactory(slug="botox", body="<p>Live words.</p>")
    FAQFactory(treatment=treatment, question="Live question?")
    editor_client.post(reverse("admin:treatments_treatment_change", args=[treatment.pk]), treatment_form(
        body="<p>Draft words.</p>", faqs=[("", "Draft question?", "Yes.", 2)], status=Status.PUBLISHED,
        existing_faqs=[(treatment.faqs.get().pk, "Live question?", "Answer.", 1)],
        edit_version=treatment.updated_at.isoformat()))
    html = client.get(link_to(treatment)).content.decode()
    assert "Draft words." in html and "Draft question?" in html
    assert "Draft words." not in client.get("/treatments/botox/").content.decode()


def test_tampered_or_unknown_links_are_404_and_reveal_nothing(client):
    page = ArticleFactory(status=Status.DRAFT, title="Secret draft")
    url = link_to(page)
    for bad in [url[:-3] + "xyz/", "/preview/not-a-token/", url.replace("/preview/", "/preview/1")]:
        response = client.get(bad)
        assert response.status_code == 404
        assert "Secret draft" not in response.content.decode()


def test_link_expires_after_the_configured_days(client, settings):
    settings.CLINIC_PREVIEW_MAX_AGE_DAYS = 7
    url = link_to(ArticleFactory(status=Status.DRAFT))
    with time_machine.travel(timezone.now() + timedelta(days=6, hours=23)):
        assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=7, hours=1)):
        assert client.get(url).status_code == 404


def test_link_to_a_deleted_page_is_404_and_its_links_go_with_it(client):
    page = ArticleFactory(status=Status.DRAFT, title="Withdrawn")
    url = link_to(page)
    page.delete()
    response = client.get(url)
    assert response.status_code == 404 and "Withdrawn" not in response.content.decode()
    assert not PreviewLink.objects.exists()


def test_staff_make_and_revoke_links_on_the_change_form(editor_client, client):
    draft = ArticleFactory(status=Status.DRAFT, title="Choosing a practitioner")
    change = reverse("admin:articles_article_change", args=[draft.pk])
    editor_client.post(change, {"_create_preview": "1"})
    html = editor_client.get(change).content.decode()
    assert "http://testserver/preview/" in html
    url = html.split('readonly value="http://testserver')[1].split('"')[0]
    assert client.get(url).status_code == 200
    editor_client.post(change, {"_revoke_preview": str(PreviewLink.objects.get().pk)})
    assert client.get(url).status_code == 404
    assert "http://testserver/preview/" not in editor_client.get(change).content.decode()


def test_only_those_who_may_edit_the_page_make_or_revoke_its_links(editor_client):
    live = ArticleFactory(publish_at=timezone.now() + timedelta(days=1))  # scheduled: Authors may not edit
    change = reverse("admin:articles_article_change", args=[live.pk])
    author, _ = member_of("Author")
    assert author.post(change, {"_create_preview": "1"}).status_code == 403
    editor_client.post(change, {"_create_preview": "1"})
    front_desk, _ = member_of("Front desk")
    assert front_desk.post(change, {"_revoke_preview": str(PreviewLink.objects.get().pk)}).status_code == 403
    assert PreviewLink.objects.get().revoked_at is None


def test_a_new_draft_page_gets_its_first_link_from_the_form(editor_client, editor):
    editor_client.post(reverse("admin:articles_article_add"), article_form(title="Fresh"))
    article = ArticleFactory._meta.model.objects.get(title="Fresh")
    html = editor_client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "Make a preview link of this version" in html

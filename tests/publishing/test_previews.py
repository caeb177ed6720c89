"""Signed, expiring preview links for unpublished pages, for clinicians outside the admin."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from publishing.models import Status
from publishing.previews import preview_url
from tests.factories import ArticleFactory, TreatmentFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("factory", [ArticleFactory, TreatmentFactory])
def test_valid_link_shows_the_current_draft_to_anyone(client, factory):
    page = factory(status=Status.DRAFT, title="Draft for review", body="<p>First wording.</p>")
    url = preview_url(page)
    page.body = "<p>Latest wording.</p>"
    page.save()
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview — not published." in html
    assert "Latest wording." in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"]
    assert "Edit in the admin" not in html
    assert client.get(page.get_absolute_url()).status_code == 404  # the normal address stays closed


def test_tampered_link_is_404_and_reveals_nothing(client):
    page = ArticleFactory(status=Status.DRAFT, title="Secret draft")
    url = preview_url(page)
    other = ArticleFactory(status=Status.DRAFT, title="Other draft")
    forged = url.replace(f"articles.article:{page.pk}", f"articles.article:{other.pk}")
    for bad in [url[:-3] + "xyz/", forged, "/preview/not-a-token/", url.replace("articles.article", "auth.user")]:
        response = client.get(bad)
        assert response.status_code == 404
        assert "Secret draft" not in response.content.decode()
        assert "Other draft" not in response.content.decode()


def test_link_expires_after_the_configured_days(client, settings):
    settings.CLINIC_PREVIEW_MAX_AGE_DAYS = 7
    page = ArticleFactory(status=Status.DRAFT)
    url = preview_url(page)
    with time_machine.travel(timezone.now() + timedelta(days=6, hours=23)):
        assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=7, hours=1)):
        assert client.get(url).status_code == 404


def test_link_to_a_deleted_page_is_404(client):
    page = ArticleFactory(status=Status.DRAFT)
    url = preview_url(page)
    page.delete()
    assert client.get(url).status_code == 404


def test_change_form_offers_the_link_for_drafts_only(editor_client):
    draft = ArticleFactory(status=Status.DRAFT)
    live = ArticleFactory()
    html = editor_client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    assert "Preview link to share" in html
    assert "http://testserver/preview/" in html
    html = editor_client.get(reverse("admin:articles_article_change", args=[live.pk])).content.decode()
    assert "Preview link to share" not in html

"""The admin index shows staff what needs attention; two editors cannot overwrite each other."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from publishing.models import Status
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, ClinicianFactory, TreatmentFactory, UserFactory
from tests.sitemap import sitemap_text

pytestmark = pytest.mark.django_db


def test_admin_index_lists_drafts_scheduled_and_overdue_reviews(editor_client, settings):
    settings.CLINIC_REVIEW_MAX_AGE_DAYS = 365
    ArticleFactory(title="Unfinished draft", status=Status.DRAFT)
    ArticleFactory(title="Coming soon", publish_at=timezone.make_aware(timezone.datetime(2030, 1, 2, 9, 0)))
    reviewer = ClinicianFactory()
    TreatmentFactory(
        title="Stale review", reviewed_by=reviewer, last_reviewed=timezone.localdate() - timedelta(days=400)
    )
    TreatmentFactory(
        title="Fresh review", reviewed_by=reviewer, last_reviewed=timezone.localdate() - timedelta(days=10)
    )
    html = editor_client.get(reverse("admin:index")).content.decode()
    assert "Unfinished draft" in html
    assert "Coming soon" in html and "2 Jan 2030, 09:00" in html
    overdue = html.split("Treatments: needs attention")[1].split("Articles: needs attention")[0]
    assert "Stale review" in overdue and "Fresh review" not in overdue


def test_review_overdue_filter(editor_client):
    reviewer = ClinicianFactory()
    TreatmentFactory(title="Never reviewed")
    TreatmentFactory(title="Old review", reviewed_by=reviewer, last_reviewed=date(2020, 1, 1))
    TreatmentFactory(title="Recent review", reviewed_by=reviewer, last_reviewed=timezone.localdate())
    url = reverse("admin:treatments_treatment_changelist")
    overdue = editor_client.get(url, {"review": "overdue"}).content.decode()
    assert "Never reviewed" in overdue and "Old review" in overdue and "Recent review" not in overdue
    current = editor_client.get(url, {"review": "current"}).content.decode()
    assert "Recent review" in current and "Old review" not in current


def test_second_save_of_a_stale_form_is_refused_and_keeps_the_typing(editor_client):
    colleague = UserFactory(username="sam", first_name="Sam", last_name="Patel", is_superuser=True)
    other_client = Client()
    other_client.force_login(colleague)
    article = ArticleFactory(title="Original", status=Status.DRAFT)
    url = reverse("admin:articles_article_change", args=[article.pk])
    opened_version = article.updated_at.isoformat()  # both open the form now

    first = other_client.post(url, article_form(author=article.author_id, slug=article.slug, title="Sam's title",
                                                 edit_version=opened_version))
    assert first.status_code == 302

    second = editor_client.post(url, article_form(author=article.author_id, slug=article.slug,
                                                  title="My title", body="<p>My long paragraph.</p>",
                                                  edit_version=opened_version))
    html = second.content.decode()
    assert second.status_code == 200
    assert "Sam Patel saved this page on" in html
    assert "My long paragraph." in html and 'value="My title"' in html
    assert Article.objects.get().title == "Sam's title"


def test_sitemap_lists_only_current_addresses(client):
    article = ArticleFactory(slug="old-name")
    article.slug = "new-name"
    article.save()
    xml = sitemap_text(client)
    assert "/blog/new-name/" in xml and "/blog/old-name/" not in xml

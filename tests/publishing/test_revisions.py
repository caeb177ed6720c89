"""Every save is kept: history, compare, revert, and recovering a deleted page."""

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from tests.articles.test_admin import article_form
from tests.factories import FAQFactory, TreatmentFactory
from tests.treatments.test_admin import treatment_form
from treatments.models import Treatment

pytestmark = pytest.mark.django_db


def save_through_admin(client, article, **changes):
    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form(
            author=article.author_id or "", slug=article.slug, edit_version=article.updated_at.isoformat(), **changes
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()


def test_each_admin_save_is_a_revision_with_who_and_when(editor_client, editor):
    editor_client.post(reverse("admin:articles_article_add"), article_form(title="First title"))
    article = Article.objects.get()
    save_through_admin(editor_client, article, title="Second title")
    versions = Version.objects.get_for_object(article)
    assert [v.field_dict["title"] for v in versions] == ["Second title", "First title"]
    assert all(v.revision.user == editor for v in versions)
    history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk])).content.decode()
    assert "Second title" in history or "Changed" in history


def test_compare_two_versions_shows_what_changed(editor_client, editor):
    editor_client.post(
        reverse("admin:articles_article_add"), article_form(body="<p>Results last 3 months.</p>")
    )
    article = Article.objects.get()
    save_through_admin(editor_client, article, body="<p>Results last 3–4 months.</p>")
    newer, older = Version.objects.get_for_object(article)
    response = editor_client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"version_id1": older.pk, "version_id2": newer.pk},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<ins>–4</ins>" in html and ">Body</h2>" in html


def test_revert_to_an_earlier_version(editor_client, editor):
    editor_client.post(reverse("admin:articles_article_add"), article_form(title="Good title"))
    article = Article.objects.get()
    save_through_admin(editor_client, article, title="Mistaken title")
    older = Version.objects.get_for_object(article).last()
    url = reverse("admin:articles_article_revision", args=[article.pk, older.pk])
    form = editor_client.get(url)
    assert "Good title" in form.content.decode()
    response = editor_client.post(
        url,
        article_form(
            slug=article.slug, title="Good title",
            edit_version=older.field_dict["updated_at"].isoformat(),
        ),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Good title"


def test_treatment_revisions_include_its_faqs(editor_client):
    with reversion.create_revision():
        treatment = TreatmentFactory(slug="botox")
        FAQFactory(treatment=treatment, question="Original question?")
    faq = treatment.faqs.get()
    editor_client.post(
        reverse("admin:treatments_treatment_change", args=[treatment.pk]),
        treatment_form(existing_faqs=[(faq.pk, "Edited question?", "Answer.", 1)], status="published",
                       edit_version=treatment.updated_at.isoformat(), _publish="Publish changes"),
    )
    latest = Version.objects.get_for_object(treatment).first()
    faq_versions = [v for v in latest.revision.version_set.all() if v.content_type.model == "faq"]
    assert [v.field_dict["question"] for v in faq_versions] == ["Edited question?"]


def test_recover_a_deleted_page(editor_client, editor):
    editor_client.post(reverse("admin:articles_article_add"), article_form(title="Precious article"))
    article = Article.objects.get()
    editor_client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    assert not Article.objects.exists()

    recover_list = editor_client.get(reverse("admin:articles_article_recoverlist")).content.decode()
    assert "Precious article" in recover_list
    version = Version.objects.get_deleted(Article).get()
    url = reverse("admin:articles_article_recover", args=[version.pk])
    response = editor_client.post(
        url,
        article_form(slug=article.slug, title="Precious article",
                     edit_version=version.field_dict["updated_at"].isoformat()),
    )
    assert response.status_code == 302
    assert Article.objects.get().title == "Precious article"


def test_publish_action_is_recorded_in_history(editor_client, editor):
    treatment = TreatmentFactory(status="draft")
    editor_client.post(
        reverse("admin:treatments_treatment_changelist"), {"action": "publish", "_selected_action": [treatment.pk]}
    )
    version = Version.objects.get_for_object(treatment).get()
    assert version.revision.user == editor
    assert version.revision.comment == "Published with the list action."
    assert Treatment.objects.get().status == "published"


def test_a_recovered_live_page_comes_back_as_a_draft(editor_client, editor, client):
    editor_client.post(reverse("admin:articles_article_add"),
                       article_form(title="Seasonal offer", slug="seasonal", status="published"))
    article = Article.objects.get()
    assert client.get("/blog/seasonal/").status_code == 200
    editor_client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    version = Version.objects.get_deleted(Article).get()
    response = editor_client.post(
        reverse("admin:articles_article_recover", args=[version.pk]),
        article_form(slug="seasonal", title="Seasonal offer", status="published",
                     edit_version=version.field_dict["updated_at"].isoformat()),
    )
    assert response.status_code == 302
    assert Article.objects.get().status == "draft"
    assert client.get("/blog/seasonal/").status_code == 404  # back for staff, not yet for patients

"""Staff write, schedule and publish articles in the admin."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from publishing.models import Status
from tests.factories import ArticleFactory, CategoryFactory, ClinicianFactory, TreatmentFactory

pytestmark = pytest.mark.django_db


def article_form(**overrides):
    now = timezone.localtime()
    data = {
        "title": "Botox for facial symmetry",
        "slug": "botox-facial-symmetry",
        "summary": "Why faces are uneven.",
        "body": "<p>Faces are rarely symmetrical.</p><script>alert(1)</script>",
        "status": Status.DRAFT,
        "publish_at_0": now.strftime("%d/%m/%Y"),
        "publish_at_1": now.strftime("%H:%M:%S"),
        "seo_title": "",
        "meta_description": "",
        "hero_image_alt": "",
    }
    data.update(overrides)
    return data


def test_add_form_credits_a_clinician_writing_as_themselves(editor_client, editor):
    response = editor_client.get(reverse("admin:articles_article_add"))
    assert response.status_code == 200 and "django_ckeditor_5" in response.content.decode()
    assert response.context["adminform"].form.initial["author"] is None  # no profile: the clinical team
    profile = ClinicianFactory(name="Dr Amira Shah", user=editor)
    html = editor_client.get(reverse("admin:articles_article_add")).content.decode()
    assert f'<option value="{profile.pk}" selected>Dr Amira Shah' in html


def test_staff_create_a_draft_stored_sanitised(editor_client, editor):
    category = CategoryFactory()
    response = editor_client.post(
        reverse("admin:articles_article_add"), article_form(categories=[category.pk])
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="botox-facial-symmetry")
    assert article.author is None and article.byline == "the Harbour Aesthetics Clinic clinical team"
    assert article.status == Status.DRAFT
    assert "<script" not in article.body
    assert list(article.categories.all()) == [category]


def test_invalid_form_keeps_what_was_typed_and_says_what_is_wrong(editor_client, editor):
    response = editor_client.post(
        reverse("admin:articles_article_add"),
        article_form(title="", body="<p>My long careful draft.</p>"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "This field is required." in html
    assert "My long careful draft." in html
    assert not Article.objects.exists()


def test_schedule_an_article_for_later(editor_client, editor):
    later = timezone.localtime() + timedelta(days=7)
    editor_client.post(
        reverse("admin:articles_article_add"),
        article_form(
            status=Status.PUBLISHED,
            publish_at_0=later.strftime("%d/%m/%Y"), publish_at_1=later.strftime("%H:%M:%S"),
        ),
    )
    article = Article.objects.get()
    assert article.is_scheduled()
    assert not Article.objects.published().exists()


def test_change_form_edits_an_article(editor_client):
    article = ArticleFactory(status=Status.DRAFT)
    url = reverse("admin:articles_article_change", args=[article.pk])
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(
        url,
        article_form(
            author=article.author_id, slug=article.slug, title="Retitled", edit_version=article.updated_at.isoformat()
        ),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Retitled"


def test_changing_the_slug_of_a_live_page_redirects_the_old_address(editor_client, client):
    article = ArticleFactory(slug="old-address")
    response = editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form(
            author=article.author_id, slug="new-address", status=Status.PUBLISHED,
            edit_version=article.updated_at.isoformat(), _publish="Publish changes",
        ),
    )
    assert response.status_code == 302
    response = client.get("/blog/old-address/?utm_source=newsletter")
    assert response.status_code == 301
    assert response["Location"] == "/blog/new-address/?utm_source=newsletter"
    assert client.get("/blog/new-address/").status_code == 200


def test_publish_and_unpublish_actions(editor_client):
    draft = ArticleFactory(status=Status.DRAFT)
    live = ArticleFactory()
    changelist = reverse("admin:articles_article_changelist")
    response = editor_client.post(
        changelist, {"action": "publish", "_selected_action": [draft.pk]}, follow=True
    )
    assert "1 page published." in response.content.decode()
    draft.refresh_from_db()
    assert draft.is_published()

    response = editor_client.post(
        changelist, {"action": "unpublish", "_selected_action": [live.pk]}, follow=True
    )
    assert "no longer see it" in response.content.decode()
    live.refresh_from_db()
    assert live.status == Status.DRAFT


def test_changelist_filters_by_visibility_and_searches(editor_client):
    ArticleFactory(title="Live one")
    ArticleFactory(title="Scheduled one", publish_at=timezone.now() + timedelta(days=1))
    ArticleFactory(title="Draft one", status=Status.DRAFT)
    changelist = reverse("admin:articles_article_changelist")
    html = editor_client.get(changelist, {"visibility": "scheduled"}).content.decode()
    assert "Scheduled one" in html and "Live one" not in html and "Draft one" not in html
    html = editor_client.get(changelist, {"q": "draft"}).content.decode()
    assert "Draft one" in html and "Live one" not in html


def test_autocomplete_finds_treatments_for_related_field(editor_client):
    TreatmentFactory(title="Rhinoplasty")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "rhino", "app_label": "articles", "model_name": "article", "field_name": "related_treatments"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Rhinoplasty"]


def test_category_admin_add(editor_client):
    response = editor_client.post(
        reverse("admin:articles_category_add"), {"name": "Facial balance", "slug": "facial-balance"}
    )
    assert response.status_code == 302


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(reverse("admin:articles_article_add"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]

"""The live preview: the change form's unsaved content, in the page's own public template, for those who may make
that change only, and never kept anywhere (rows, revisions, search, caches, content version, files)."""

import json
import pickle
from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.core.cache import caches
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article
from images.storage import public_storage, stored_files
from publishing.models import Autosave, ContentVersion, PageDraft, Redirect, Status
from search.engine import search_site
from search.models import SearchDocument
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, CategoryFactory, FAQFactory, TreatmentFactory, UserFactory
from tests.imagefiles import image_bytes
from tests.publishing.test_roles import member_of
from tests.publishing.test_working_drafts import change_url, draft_form
from tests.treatments.test_admin import treatment_form
from treatments.models import FAQ

pytestmark = pytest.mark.django_db
MARKER = "Unsaved words about sunscreen"


def preview_url(page=None, model="articles_article"):
    if page is None:
        return reverse(f"admin:{model}_add_preview")
    return reverse(f"admin:{page._meta.app_label}_{page._meta.model_name}_change_preview", args=[page.pk])


def edit(article, **changes):
    return article_form(**{"author": article.author_id, "slug": article.slug,
                           "edit_version": article.updated_at.isoformat(), **changes})


def main_text(response):
    html = response.content.decode()
    return html[html.index("<main"):html.index("</main>")]


# Who may preview


def test_an_author_previews_their_draft_as_typed_in_the_public_template():
    author, _ = member_of("Author")
    article = ArticleFactory(status=Status.DRAFT, title="Peels", body="<p>Stored words.</p>")
    response = author.post(preview_url(article), edit(article, title="Chemical peels explained",
                                                      body=f"<p>{MARKER}.</p><script>alert(1)</script>"))
    assert response.status_code == 200
    main = main_text(response)
    assert "<h1>Chemical peels explained</h1>" in main and MARKER in main
    assert "alert(1)" not in response.content.decode()  # sanitised as a save would be
    assert "Stored words." not in main
    assert response.templates[0].name == "articles/article_detail.html"
    article.refresh_from_db()
    assert article.title == "Peels" and MARKER not in article.body


def test_a_page_not_yet_saved_is_previewed_from_the_add_form_and_not_created():
    author, _ = member_of("Author")
    response = author.post(preview_url(), article_form(title="A new article", body=f"<p>{MARKER}.</p>"))
    assert response.status_code == 200 and MARKER in main_text(response)
    assert not Article.objects.exists()


def test_front_desk_and_anonymous_visitors_are_refused(client):
    article = ArticleFactory(status=Status.DRAFT)
    front_desk, _ = member_of("Front desk")
    assert front_desk.post(preview_url(article), edit(article, body=f"<p>{MARKER}</p>")).status_code == 403
    assert front_desk.post(preview_url(), article_form()).status_code == 403
    response = client.post(preview_url(article), edit(article))
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert client.post(preview_url(), article_form()).status_code == 302


def test_a_forged_post_for_another_page_type_or_a_page_they_cannot_change_is_refused():
    writer = UserFactory(username="articles-only", is_staff=True)
    writer.user_permissions.add(*Permission.objects.filter(codename__in=["view_article", "change_article"]))
    client = Client()
    client.force_login(writer)
    treatment = TreatmentFactory(status=Status.DRAFT)
    assert client.post(preview_url(treatment), treatment_form(title=MARKER)).status_code == 403
    assert client.post(preview_url(model="treatments_treatment"), treatment_form()).status_code == 403
    assert client.post(preview_url(model="articles_article"), article_form()).status_code == 403  # no add right

    author, _ = member_of("Author")
    scheduled = ArticleFactory(publish_at=timezone.now() + timedelta(days=1))  # only Editors change these
    assert author.post(preview_url(scheduled), edit(scheduled, title=MARKER)).status_code == 403
    missing = reverse("admin:articles_article_change_preview", args=[999_999])
    assert author.post(missing, article_form()).status_code == 404


def test_only_a_post_with_the_csrf_token_is_answered(editor):
    article = ArticleFactory(status=Status.DRAFT)
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(preview_url(article), edit(article)).status_code == 403
    client.get(change_url(article))
    token = client.cookies["csrftoken"].value
    assert client.post(preview_url(article), {**edit(article), "csrfmiddlewaretoken": token}).status_code == 200
    assert client.get(preview_url(article)).status_code == 405


def test_a_reviewer_who_may_only_view_the_page_cannot_preview_changes():
    reviewer, _ = member_of("Clinical reviewer")
    article = ArticleFactory(status=Status.DRAFT)
    assert reviewer.post(preview_url(article), edit(article, title=MARKER)).status_code == 403
    assert "live-preview-toggle" not in reviewer.get(change_url(article)).content.decode()


# What the answer is


def test_the_preview_is_never_cached_nor_indexed_and_only_the_admin_may_frame_it(editor_client):
    article = ArticleFactory(status=Status.DRAFT)
    response = editor_client.post(preview_url(article), edit(article))
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy and "script-src 'self';" in policy
    assert "unsafe-inline" not in policy  # the public pages' policy, not the admin's
    assert response["X-Frame-Options"] == "SAMEORIGIN"

    form_page = editor_client.get(change_url(article))
    assert "frame-src 'self'" in form_page["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in form_page["Content-Security-Policy"]  # the form itself is never framed
    assert form_page["X-Frame-Options"] == "DENY"
    html = form_page.content.decode()
    assert f'data-url="{preview_url(article)}"' in html and 'sandbox="allow-same-origin"' in html
    assert f'data-url="{preview_url()}"' in editor_client.get(reverse("admin:articles_article_add")).content.decode()


@pytest.mark.parametrize("changes", [
    {"title": ""},
    {"slug": "not a slug!"},
    {"slug": "feed"},
    {"publish_at_0": "not a date", "publish_at_1": "25:99"},
    {"author": "999999", "categories": ["not-a-number"]},
    {"hero_image_alt": "IMG_0001.jpg"},
    {"summary": "x" * 5000, "seo_title": "y" * 500},
    {"status": "no-such-state"},
])
def test_invalid_typing_still_previews_what_it_can_with_a_note(editor_client, changes):
    article = ArticleFactory(status=Status.DRAFT, title="Stored title", slug="stored")
    response = editor_client.post(preview_url(article), edit(article, body=f"<p>{MARKER}.</p>", **changes))
    assert response.status_code == 200
    html = response.content.decode()
    assert MARKER in html  # what was fine is shown
    if changes.get("title") == "":
        assert "<h1>Stored title</h1>" in html and "shows them as last saved: Title." in html


def test_an_empty_add_form_previews_without_error(editor_client):
    response = editor_client.post(preview_url(), {"title": ""})
    assert response.status_code == 200 and "data-live-preview-notes" in response.content.decode()
    assert not Article.objects.exists()


def test_a_save_the_database_refuses_answers_a_note_not_an_error_page(editor_client, monkeypatch):
    article = ArticleFactory(status=Status.DRAFT, title="Stored title")

    def refuse(*args, **kwargs):
        raise DatabaseError("value too long for type character varying(200)")

    monkeypatch.setattr(Article, "save", refuse)
    response = editor_client.post(preview_url(article), edit(article, title=MARKER))
    assert response.status_code == 200 and "The preview cannot show this yet" in response.content.decode()
    assert response["X-Frame-Options"] == "SAMEORIGIN" and "no-store" in response["Cache-Control"]


def test_an_address_another_page_has_is_noted_and_not_taken(editor_client):
    ArticleFactory(slug="taken")
    response = editor_client.post(preview_url(), article_form(slug="taken", body=f"<p>{MARKER}</p>"))
    assert response.status_code == 200 and "Slug" in response.content.decode() and MARKER in main_text(response)
    assert Article.objects.count() == 1


def test_a_treatments_faqs_are_previewed_as_typed_and_not_kept(editor_client):
    treatment = TreatmentFactory(status=Status.DRAFT, slug="botox")
    kept = FAQFactory(treatment=treatment, question="Does it hurt?", answer="A little.", order=1)
    dropped = FAQFactory(treatment=treatment, question="Is it safe?", answer="Yes.", order=2)
    data = treatment_form(
        existing_faqs=[(kept.pk, "Does it hurt much?", "Less than you think.", 1),
                       (dropped.pk, "Is it safe?", "Yes.", 2)],
        faqs=[(None, "How long does it last?", MARKER, 3)],
        edit_version=treatment.updated_at.isoformat(), **{"faqs-1-DELETE": "on"},
    )
    response = editor_client.post(preview_url(treatment), data)
    assert response.status_code == 200
    main = main_text(response)
    assert "Does it hurt much?" in main and "How long does it last?" in main and MARKER in main
    assert "Is it safe?" not in main
    assert list(FAQ.objects.values_list("question", flat=True)) == ["Does it hurt?", "Is it safe?"]


def test_a_faq_with_a_problem_is_left_out_and_noted_while_the_rest_shows(editor_client):
    treatment = TreatmentFactory(status=Status.DRAFT, slug="botox")
    data = treatment_form(faqs=[(None, "", "An answer without a question.", 1), (None, "Any downtime?", MARKER, 2)],
                          edit_version=treatment.updated_at.isoformat())
    response = editor_client.post(preview_url(treatment), data)
    main = main_text(response)
    assert response.status_code == 200 and "Any downtime?" in main and "An answer without" not in main
    assert "Some FAQs have problems" in main
    assert not FAQ.objects.exists()


def test_a_live_page_is_previewed_from_its_working_draft_with_the_drafts_faqs(editor_client, client):
    treatment = TreatmentFactory(slug="botox", title="Botox")
    FAQFactory(treatment=treatment, question="Live question?", order=1)
    live_faq = treatment.faqs.get()
    response = editor_client.post(change_url(treatment), treatment_form(
        existing_faqs=[(live_faq.pk, "Live question?", "An answer.", 1)], faqs=[(None, "Draft question?", "Soon.", 2)],
        edit_version=treatment.updated_at.isoformat(), status=Status.PUBLISHED))
    assert response.status_code == 302 and PageDraft.objects.exists()
    draft_faq = next(item for item in json.loads(PageDraft.objects.get().data) if item["model"] == "treatments.faq"
                     and item["fields"]["question"] == "Draft question?")
    form = editor_client.get(change_url(treatment)).content.decode()
    version = form.split('name="edit_version" value="')[1].split('"')[0]

    response = editor_client.post(preview_url(treatment), treatment_form(
        existing_faqs=[(live_faq.pk, "Live question?", "An answer.", 1), (draft_faq["pk"], "Draft question, edited?",
                                                                            MARKER, 2)],
        edit_version=version, status=Status.PUBLISHED))
    main = main_text(response)
    assert response.status_code == 200 and "Draft question, edited?" in main and MARKER in main
    assert "Draft question?" not in main
    assert MARKER not in PageDraft.objects.get().data
    assert "Draft question" not in client.get("/treatments/botox/").content.decode()


# Never kept


def cached_values():
    """Everything the caches hold, as bytes (the shared cache and the rate limits' database cache)."""
    values = [pickle.dumps(value) for value in caches["default"]._cache.values()]
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM clinic_limits")
        values += [str(row[0]).encode() for row in cursor.fetchall()]
    return b"".join(values)


def what_is_kept():
    return {
        "version": ContentVersion.current(), "revisions": Version.objects.count(), "log": LogEntry.objects.count(),
        "search": list(SearchDocument.objects.values_list("title", "body_text")), "drafts": PageDraft.objects.count(),
        "autosaves": Autosave.objects.count(), "redirects": Redirect.objects.count(),
    }


def test_unsaved_content_reaches_no_row_revision_search_entry_cache_or_content_version(editor_client, client,
                                                                                       settings):
    settings.CLINIC_PAGE_CACHE_SECONDS = 600
    settings.CLINIC_FRAGMENT_CACHE_SECONDS = 600
    article = ArticleFactory(slug="peels", title="Chemical peels", body="<p>Live advice.</p>",
                             categories=[CategoryFactory()])
    assert client.get("/blog/peels/")["X-Page-Cache"] == "miss"  # the public page and its parts are cached
    before = what_is_kept()
    response = editor_client.post(preview_url(article), draft_form(
        article, title=f"{MARKER} title", slug="peels-moved", body=f"<p>{MARKER}.</p>"))
    assert response.status_code == 200 and MARKER in main_text(response)
    after = what_is_kept()
    assert after == before
    assert search_site("sunscreen") == []
    assert MARKER.encode() not in cached_values()
    public = client.get("/blog/peels/")
    assert public["X-Page-Cache"] == "hit" and MARKER not in public.content.decode()
    assert client.get("/blog/peels-moved/").status_code == 404
    article.refresh_from_db()
    assert article.title == "Chemical peels" and article.slug == "peels"


def test_an_upload_in_a_preview_is_never_stored(editor_client):
    article = ArticleFactory(status=Status.DRAFT)
    photo = SimpleUploadedFile("face.jpg", image_bytes("JPEG", (640, 400)))
    response = editor_client.post(preview_url(article), {
        **edit(article, hero_image_alt="A patient smiling", body=f"<p>{MARKER}</p>"), "hero_image": photo,
    })
    assert response.status_code == 200 and MARKER in main_text(response)
    assert "New images show in the preview once the page is saved." in response.content.decode()
    assert list(stored_files(default_storage)) == [] and list(stored_files(public_storage())) == []
    article.refresh_from_db()
    assert not article.hero_image

"""A live page has a working draft: saving changes it, patients see nothing until it is published."""

import pytest
import reversion
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from publishing.models import ContentVersion, PageDraft, Status
from search.engine import search_site
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, FAQFactory, TreatmentFactory
from tests.publishing.test_roles import member_of
from tests.treatments.test_admin import treatment_form

pytestmark = pytest.mark.django_db
PUBLISH = {"_publish": "Publish changes"}


def change_url(page):
    return reverse(f"admin:{page._meta.app_label}_{page._meta.model_name}_change", args=[page.pk])


def draft_form(article, **changes):
    return article_form(**{"author": article.author.pk, "slug": article.slug, "status": Status.PUBLISHED,
                           "edit_version": article.updated_at.isoformat(), "hero_image": article.hero_image_id or "",
                           "share_image": article.share_image_id or "", **changes})


def version_in_form(client, page):
    """The edit version the page's form carries now (the draft's, once there is one), as a browser sends it."""
    return client.get(change_url(page)).content.decode().split('name="edit_version" value="')[1].split('"')[0]


def test_saving_a_live_page_keeps_a_draft_and_changes_nothing_public(editor_client, client):
    article = ArticleFactory(title="Botox aftercare", slug="botox-aftercare", body="<p>Avoid exercise.</p>")
    version = ContentVersion.current()
    response = editor_client.post(change_url(article), draft_form(article, body="<p>Avoid saunas too.</p>"))
    assert response.status_code == 302
    public = client.get("/blog/botox-aftercare/").content.decode()
    assert "Avoid exercise." in public and "saunas" not in public
    assert search_site("saunas") == [] and ContentVersion.current() == version  # cache and search unchanged
    form = editor_client.get(change_url(article)).content.decode()
    assert "It has unpublished changes" in form and "Avoid saunas too." in form
    listing = editor_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "Live with unpublished changes" in listing


def test_preview_shows_the_draft_in_the_pages_own_template_and_patients_still_see_the_live_page(editor_client, client):
    article = ArticleFactory(slug="botox-aftercare", body="<p>Avoid exercise.</p>")
    editor_client.post(change_url(article), draft_form(article, body="<p>Avoid saunas too.</p>"))
    preview_url = reverse("admin:articles_article_draft_preview", args=[article.pk])
    preview = editor_client.get(preview_url)
    assert "Avoid saunas too." in preview.content.decode() and preview["X-Robots-Tag"] == "noindex, nofollow"
    assert "saunas" not in client.get("/blog/botox-aftercare/").content.decode()
    front_desk, _ = member_of("Front desk")
    assert front_desk.get(preview_url).status_code == 403


def test_publishing_the_draft_makes_it_live_with_search_following(editor_client, client):
    article = ArticleFactory(slug="botox-aftercare", body="<p>Avoid exercise.</p>")
    editor_client.post(change_url(article), draft_form(article, body="<p>Avoid saunas too.</p>"))
    response = editor_client.post(change_url(article), draft_form(
        article, body="<p>Avoid saunas too.</p>", edit_version=version_in_form(editor_client, article), **PUBLISH))
    assert response.status_code == 302
    assert "Avoid saunas too." in client.get("/blog/botox-aftercare/").content.decode()
    assert [page.slug for page in search_site("saunas")] == ["botox-aftercare"]
    assert not PageDraft.objects.exists()


def test_faq_changes_wait_in_the_draft_too(editor_client, client):
    treatment = TreatmentFactory(slug="botox", status=Status.PUBLISHED)
    kept = FAQFactory(treatment=treatment, question="Does it hurt?")
    dropped = FAQFactory(treatment=treatment, question="Is it permanent?")
    form = treatment_form(
        existing_faqs=[(kept.pk, "Does it hurt much?", "A sharp scratch.", 1),
                       (dropped.pk, dropped.question, "No.", 2)],
        faqs=[("", "How long does it take?", "Fifteen minutes.", 3)],
        status=Status.PUBLISHED, edit_version=treatment.updated_at.isoformat(),
    )
    form["faqs-1-DELETE"] = "on"
    assert editor_client.post(change_url(treatment), form).status_code == 302
    public = client.get("/treatments/botox/").content.decode()
    assert "Does it hurt?" in public and "Is it permanent?" in public and "How long does it take?" not in public

    draft_page = editor_client.get(change_url(treatment)).content.decode()
    assert "Does it hurt much?" in draft_page and "How long does it take?" in draft_page
    assert "Is it permanent?" not in draft_page

    new_faq_id = draft_page.split('name="faqs-1-id" value="')[1].split('"')[0]
    publish = treatment_form(
        existing_faqs=[(kept.pk, "Does it hurt much?", "A sharp scratch.", 1),
                       (int(new_faq_id), "How long does it take?", "Fifteen minutes.", 2)],
        status=Status.PUBLISHED, edit_version=version_in_form(editor_client, treatment), **PUBLISH,
    )
    assert editor_client.post(change_url(treatment), publish).status_code == 302
    public = client.get("/treatments/botox/").content.decode()
    assert "Does it hurt much?" in public and "How long does it take?" in public and "Is it permanent?" not in public
    assert treatment.faqs.count() == 2


def test_discarding_the_draft_brings_back_the_live_text(editor_client):
    article = ArticleFactory(body="<p>Avoid exercise.</p>")
    editor_client.post(change_url(article), draft_form(article, body="<p>Avoid saunas too.</p>"))
    editor_client.post(change_url(article), {"_discard": "Discard draft"})
    form = editor_client.get(change_url(article)).content.decode()
    assert "Avoid exercise." in form and "saunas" not in form and not PageDraft.objects.exists()


def test_only_editors_unpublish_a_live_page(editor_client, client):
    article = ArticleFactory(slug="botox-aftercare")
    author, _ = member_of("Author")
    assert author.post(change_url(article), {"_unpublish": "Unpublish"}).status_code == 403
    assert client.get("/blog/botox-aftercare/").status_code == 200
    editor_client.post(change_url(article), {"_unpublish": "Unpublish"})
    assert client.get("/blog/botox-aftercare/").status_code == 404


def test_two_people_drafting_the_same_live_page_cannot_overwrite_each_other(editor_client):
    article = ArticleFactory(body="<p>Avoid exercise.</p>")
    opened = article.updated_at.isoformat()
    colleague = Client()
    colleague.force_login(member_of("Editor", username="sam")[1])
    assert colleague.post(change_url(article), draft_form(article, body="<p>Sam's draft.</p>")).status_code == 302
    mine = editor_client.post(change_url(article), draft_form(article, body="<p>My draft.</p>", edit_version=opened))
    assert mine.status_code == 200 and "saved this page on" in mine.content.decode()
    assert "Sam's draft." in PageDraft.objects.get().data


def test_a_publish_is_refused_if_the_draft_breaks_a_publishing_rule(editor_client, client):
    treatment = TreatmentFactory(slug="botox", results_last="3–4 months", category="non_surgical")
    form = treatment_form(results_last="", status=Status.PUBLISHED, edit_version=treatment.updated_at.isoformat())
    assert editor_client.post(change_url(treatment), form).status_code == 302  # a draft may be unfinished
    form["edit_version"] = version_in_form(editor_client, treatment)
    refused = editor_client.post(change_url(treatment), {**form, **PUBLISH})
    assert refused.status_code == 200 and "how long its results last" in refused.content.decode()
    assert "3–4 months" in client.get("/treatments/botox/").content.decode()


def test_a_new_faq_in_a_draft_never_takes_the_place_of_another_pages_faq(editor_client, client):
    botox = TreatmentFactory(slug="botox")
    form = treatment_form(faqs=[("", "How long does it take?", "Fifteen minutes.", 1)], status=Status.PUBLISHED,
                          edit_version=botox.updated_at.isoformat())
    assert editor_client.post(change_url(botox), form).status_code == 302
    other = FAQFactory(treatment=TreatmentFactory(slug="rhinoplasty"), question="Is it painful?")
    draft_page = editor_client.get(change_url(botox)).content.decode()
    new_faq_id = int(draft_page.split('name="faqs-0-id" value="')[1].split('"')[0])
    assert new_faq_id != other.pk
    publish = treatment_form(existing_faqs=[(new_faq_id, "How long does it take?", "Fifteen minutes.", 1)],
                             status=Status.PUBLISHED, edit_version=version_in_form(editor_client, botox), **PUBLISH)
    assert editor_client.post(change_url(botox), publish).status_code == 302
    assert "Is it painful?" in client.get("/treatments/rhinoplasty/").content.decode()
    assert "How long does it take?" in client.get("/treatments/botox/").content.decode()


def test_authors_cannot_reorder_live_treatments_from_the_list(client):
    live = TreatmentFactory(slug="botox", display_order=1)
    author, _ = member_of("Author")
    listing = reverse("admin:treatments_treatment_changelist")
    assert 'name="form-0-display_order"' not in author.get(listing).content.decode()
    author.post(listing, {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-0-id": str(live.pk),
                          "form-0-display_order": "7", "_save": "Save"})
    live.refresh_from_db()
    assert live.display_order == 1 and client.get("/treatments/botox/").status_code == 200


def test_an_editor_reordering_the_list_never_unpublishes_a_page(editor_client, client, settings):
    settings.CLINIC_REVIEW_REQUIRED_FOR = ["treatments.treatment"]  # this page was never reviewed
    live = TreatmentFactory(slug="botox", display_order=1)
    editor_client.post(reverse("admin:treatments_treatment_changelist"), {
        "form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-0-id": str(live.pk), "form-0-display_order": "7",
        "_save": "Save"})
    live.refresh_from_db()
    assert live.display_order == 7 and client.get("/treatments/botox/").status_code == 200


def test_only_editors_or_its_writer_discard_a_draft():
    article = ArticleFactory()
    editor, _ = member_of("Editor")
    editor.post(change_url(article), draft_form(article, body="<p>The editor's careful draft.</p>"))
    for role in ("Front desk", "Author", "Clinical reviewer"):
        other, _ = member_of(role)
        assert other.post(change_url(article), {"_discard": "1"}).status_code == 403
    assert PageDraft.objects.exists()


def test_publishing_a_draft_made_by_reverting_to_an_unpublished_version_keeps_the_page_live(editor_client, client):
    with reversion.create_revision():
        article = ArticleFactory(slug="kept", status=Status.DRAFT, body="<p>Old words.</p>")
    old = Version.objects.get_for_object(article).first()
    article.status = Status.PUBLISHED
    article.body = "<p>New words.</p>"
    article.save()
    editor_client.post(reverse("admin:articles_article_revision", args=[article.pk, old.pk]), {})
    form = draft_form(article, body="<p>Old words.</p>", edit_version=version_in_form(editor_client, article),
                      status=Status.DRAFT, **PUBLISH)  # what an old version's form would carry
    assert editor_client.post(change_url(article), form).status_code == 302
    assert "Old words." in client.get("/blog/kept/").content.decode()


def test_unpublishing_keeps_the_unpublished_changes_in_the_page(editor_client, client):
    article = ArticleFactory(slug="kept", body="<p>Live words.</p>")
    editor_client.post(change_url(article), draft_form(article, body="<p>Draft words.</p>"))
    editor_client.post(change_url(article), {"_unpublish": "Unpublish"})
    article.refresh_from_db()
    assert article.status == Status.DRAFT and "Draft words." in article.body
    assert not PageDraft.objects.exists() and client.get("/blog/kept/").status_code == 404


def test_editors_manage_the_before_and_after_gallery():
    editor, _ = member_of("Editor")
    html = editor.get(change_url(TreatmentFactory(status=Status.DRAFT))).content.decode()
    assert 'id="gallery-group"' in html

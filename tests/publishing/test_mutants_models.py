"""The publishing core (publishing/models.py) as staff and patients see it: which pages are live, scheduled,
expired or drafts, what the review lists hold, the words in the admin and on pages.
Written for the mutants mutation testing found alive in publishing/models.py (docs/testing.md)."""

import time
from datetime import datetime, timedelta

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Category
from clinicians.models import Clinician
from images.models import Image
from publishing.models import Autosave, ContentVersion, Redirect, ReviewRequest, Status, page_type_related_models
from publishing.previews import create_preview_link
from search.engine import search_site
from tests.factories import ArticleFactory, ClinicianFactory, FAQFactory, ImageFactory, TreatmentFactory, UserFactory
from treatments.models import FAQ, BeforeAfterPair

pytestmark = pytest.mark.django_db


def test_a_page_is_live_from_its_exact_publish_time_until_its_exact_unpublish_time():
    starts = timezone.now() + timedelta(hours=1)
    ends = starts + timedelta(hours=1)
    page = ArticleFactory(publish_at=starts, unpublish_at=ends)
    with time_machine.travel(starts, tick=False):
        assert list(Article.objects.published()) == [page] and page.is_published()
        assert not Article.objects.scheduled().exists() and not page.is_scheduled()
    with time_machine.travel(ends, tick=False):
        assert not Article.objects.published().exists() and not page.is_published()
        assert list(Article.objects.expired()) == [page] and page.is_expired()
    with time_machine.travel(ends - timedelta(microseconds=1), tick=False):
        assert not Article.objects.expired().exists() and not page.is_expired()
    assert not Article.objects.drafts().exists()
    page.status = Status.DRAFT
    page.save()
    assert list(Article.objects.drafts()) == [page]


def test_the_scheduled_and_expired_lists_leave_out_drafts_whatever_their_dates(editor_client):
    ArticleFactory(title="Coming soon", publish_at=timezone.now() + timedelta(days=1))
    ArticleFactory(title="Draft for later", status=Status.DRAFT, publish_at=timezone.now() + timedelta(days=1))
    ArticleFactory(title="Last winter", unpublish_at=timezone.now() - timedelta(days=1))
    ArticleFactory(title="Old draft", status=Status.DRAFT, unpublish_at=timezone.now() - timedelta(days=1))
    url = reverse("admin:articles_article_changelist")

    def listed(visibility):
        html = editor_client.get(url, {"visibility": visibility}).content.decode()
        titles = ["Coming soon", "Draft for later", "Last winter", "Old draft"]
        return {title for title in titles if f">{title}<" in html}

    assert listed("scheduled") == {"Coming soon"}
    assert listed("expired") == {"Last winter"}
    assert listed("draft") == {"Draft for later", "Old draft"}


def test_an_address_pointed_back_at_an_old_address_leaves_no_redirect_to_itself(client):
    # /blog/b/ once led to /blog/a/; now /blog/a/ leads to /blog/b/ (no page at either): no loop at /blog/b/.
    Redirect.objects.create(old_path="/blog/b/", new_path="/blog/a/")
    Redirect.record_move("/blog/a/", "/blog/b/")
    assert dict(Redirect.objects.values_list("old_path", "new_path")) == {"/blog/a/": "/blog/b/"}
    assert client.get("/blog/a/")["Location"] == "/blog/b/"
    assert client.get("/blog/b/").status_code == 404


def test_an_undescribed_library_image_is_named_in_full_beside_the_hero_or_share_field():
    undescribed = ImageFactory(title="Consulting room", alt_text="")
    page = ArticleFactory.build(author=ClinicianFactory(), hero_image=undescribed, share_image=undescribed)
    with pytest.raises(ValidationError) as error:
        page.clean()
    for field, label in (("hero_image_alt", "hero image"), ("share_image_alt", "share image")):
        assert error.value.message_dict[field] == [
            f"Describe the {label} for people who cannot see it: the library's image “Consulting room” has no "
            "description. Write one here (or in the library, for every page that uses it)."
        ]


def test_a_decorative_hero_needs_no_description_but_the_share_image_still_does():
    undescribed = ImageFactory(title="Consulting room", alt_text="")
    page = ArticleFactory.build(author=ClinicianFactory(), hero_image=undescribed, hero_image_decorative=True)
    page.clean()  # decorative on this page: screen readers skip it
    page.share_image = undescribed
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert set(error.value.message_dict) == {"share_image_alt"}
    assert "Describe the share image" in error.value.message_dict["share_image_alt"][0]


def test_an_image_decorative_in_the_library_may_be_a_hero_but_a_shared_picture_needs_words():
    decorative = ImageFactory(title="Soft pattern", alt_text="", decorative=True)
    page = ArticleFactory.build(author=ClinicianFactory(), hero_image=decorative)
    page.clean()
    page.hero_image, page.share_image = None, decorative
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert set(error.value.message_dict) == {"share_image_alt"}
    assert "“Soft pattern” has no description" in error.value.message_dict["share_image_alt"][0]


def test_a_page_cannot_be_unpublished_at_the_very_moment_it_goes_live():
    when = timezone.now() + timedelta(days=1)
    page = ArticleFactory.build(author=ClinicianFactory(), publish_at=when, unpublish_at=when)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert error.value.message_dict == {
        "unpublish_at": ["The page must go live before it is unpublished: choose a later time, or none."]
    }
    page.unpublish_at = when + timedelta(seconds=1)
    page.clean()


def test_an_image_in_the_body_without_a_text_alternative_is_reported_beside_the_body():
    page = ArticleFactory.build(author=ClinicianFactory(), body='<p>Before:</p><img src="https://example.com/a.jpg">')
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert error.value.message_dict == {"body": [
        "Image 1 has no text alternative. Select it in the editor, choose “Change image text alternative”, and "
        "describe it (or leave it empty only if it is purely decorative)."
    ]}


def test_extra_spaces_typed_into_an_faq_question_keep_the_medical_review_current():
    treatment = TreatmentFactory(reviewed_by=ClinicianFactory(), last_reviewed=timezone.localdate())
    FAQFactory(treatment=treatment, question="Does it hurt afterwards?", answer="A little.")
    hurt = FAQFactory(treatment=treatment, question="Does it hurt?", answer="A sharp scratch.")
    treatment.record_review(treatment.reviewed_by, treatment.last_reviewed)
    treatment.save()
    hurt.question = "Does it  hurt?"  # a doubled space: the same words, which now sort first as typed
    hurt.save()
    treatment = type(treatment).objects.get(pk=treatment.pk)
    assert treatment.review_is_current()


def test_a_review_on_the_last_day_of_its_age_is_not_yet_overdue(settings):
    settings.CLINIC_REVIEW_MAX_AGE_DAYS = 365
    reviewer = ClinicianFactory()
    edge = ArticleFactory(title="Edge", reviewed_by=reviewer, last_reviewed=timezone.localdate() - timedelta(days=365))
    late = ArticleFactory(title="Late", reviewed_by=reviewer, last_reviewed=timezone.localdate() - timedelta(days=366))
    assert not edge.is_review_overdue() and late.is_review_overdue()
    assert list(Article.objects.review_overdue()) == [late]
    assert list(Article.objects.reviews_due()) == [late]
    assert list(Article.objects.review_current()) == [edge]


def test_the_models_shown_with_pages_are_every_page_types_together():
    # Saving or deleting one of them makes cached pages stale (connected when the site starts).
    assert page_type_related_models() == {Category, Clinician, Image, FAQ, BeforeAfterPair}


def review_request(page, state=ReviewRequest.State.IN_REVIEW):
    return ReviewRequest.objects.create(
        content_type=ContentType.objects.get_for_model(page), object_id=page.pk, state=state
    )


def test_records_about_a_page_belong_to_that_page_only():
    article = ArticleFactory(pk=7)
    same_number = TreatmentFactory(pk=7)
    other_article = ArticleFactory(pk=8)
    request = review_request(article)
    assert list(ReviewRequest.objects.for_page(article)) == [request]
    assert not ReviewRequest.objects.for_page(same_number).exists()
    assert not ReviewRequest.objects.for_page(other_article).exists()


def test_a_preview_link_leaves_the_change_form_at_the_moment_it_expires(editor_client, editor, settings):
    settings.CLINIC_PREVIEW_MAX_AGE_DAYS = 7
    page = ArticleFactory(status=Status.DRAFT)
    link = create_preview_link(page, editor)
    change = reverse("admin:articles_article_change", args=[page.pk])
    assert link.expires_at() == link.created_at + timedelta(days=7)
    with time_machine.travel(link.expires_at() - timedelta(microseconds=1), tick=False):
        editor_client.force_login(editor)  # the session of a week ago has ended
        assert link.is_active() and f'id="preview-link-{link.pk}"' in editor_client.get(change).content.decode()
    with time_machine.travel(link.expires_at(), tick=False):
        assert not link.is_active() and f'id="preview-link-{link.pk}"' not in editor_client.get(change).content.decode()


def local(*args):
    return timezone.make_aware(datetime(*args))  # the clinic's time (Europe/London; GMT in January)


def test_staff_are_told_who_can_see_a_page_and_until_or_from_when():
    page = ArticleFactory(publish_at=local(2030, 1, 10, 9, 30), unpublish_at=local(2030, 1, 20, 18, 0))
    with time_machine.travel(local(2030, 1, 1, 12, 0)):
        assert page.publication_state() == (
            "Scheduled: goes live on 10 Jan 2030, 9:30 a.m. Only staff can see it until then."
        )
    with time_machine.travel(local(2030, 1, 15, 12, 0)):
        assert page.publication_state() == "Published: visible to everyone until 20 Jan 2030, 6 p.m."
        page.unpublish_at = local(2030, 1, 20, 12, 0)
        assert page.publication_state() == "Published: visible to everyone until 20 Jan 2030, noon."
        page.unpublish_at = None
        assert page.publication_state() == "Published: visible to everyone."
        page.unpublish_at = local(2030, 1, 14, 17, 45)
        assert page.publication_state() == (
            "Expired: unpublished itself on 14 Jan 2030, 5:45 p.m. Only staff can see it."
        )
        page.status = Status.DRAFT
        assert page.publication_state() == "Draft: not published. Only staff can see this page."


def test_the_page_and_the_admin_home_still_open_once_the_staff_member_named_there_has_left(editor_client, editor):
    # Links, requests and drafts keep their rows when their author's account is deleted (SET_NULL): the
    # admin names "someone" rather than failing on the missing name.
    page = ArticleFactory(status=Status.DRAFT, title="Choosing a practitioner")
    leaver = UserFactory(username="leaver", first_name="", last_name="")
    create_preview_link(page, leaver)
    ReviewRequest.objects.create(content_type=ContentType.objects.get_for_model(page), object_id=page.pk,
                                 state=ReviewRequest.State.IN_REVIEW, submitted_by=leaver)
    asked = ArticleFactory(status=Status.DRAFT, title="Aftercare")
    ReviewRequest.objects.create(content_type=ContentType.objects.get_for_model(asked), object_id=asked.pk,
                                 state=ReviewRequest.State.CHANGES_REQUESTED, submitted_by=editor, answered_by=leaver,
                                 comment="Say more about bruising.")
    leaver.delete()
    change = editor_client.get(reverse("admin:articles_article_change", args=[page.pk]))
    assert change.status_code == 200
    html = change.content.decode()
    assert "Made by someone on" in html and "submitted by someone on" in html
    asked_html = editor_client.get(reverse("admin:articles_article_change", args=[asked.pk])).content.decode()
    assert "<strong>Changes requested</strong> by a Clinical reviewer on" in asked_html
    home = editor_client.get(reverse("admin:index"))
    assert home.status_code == 200
    assert "submitted by someone," in home.content.decode() and "a Clinical reviewer," in home.content.decode()


def test_a_preview_link_copied_from_the_form_late_in_its_life_still_ends_when_the_link_does(
        editor_client, editor, client, settings):
    # The form signs the address afresh each time it shows it: the link's own age decides, not the address's.
    settings.CLINIC_PREVIEW_MAX_AGE_DAYS = 7
    page = ArticleFactory(status=Status.DRAFT, title="Choosing a practitioner")
    link = create_preview_link(page, editor)
    change = reverse("admin:articles_article_change", args=[page.pk])
    with time_machine.travel(timezone.now() + timedelta(days=6)):
        editor_client.force_login(editor)
        html = editor_client.get(change).content.decode()
        url = html.split(f'id="preview-link-{link.pk}" type="text" readonly value="http://testserver')[1].split('"')[0]
        assert client.get(url).status_code == 200
    with time_machine.travel(link.expires_at() + timedelta(hours=1)):
        response = client.get(url)
        assert response.status_code == 404 and "Choosing a practitioner" not in response.content.decode()


def plain(snippet):
    return " ".join(snippet.split())  # as the browser shows it


def test_search_results_quote_the_pages_words_apart_as_patients_read_them(client):
    ArticleFactory(title="Lines", summary="Lines and volume.",
                   body="<p>Relaxes lines</p><p>Fillers restore volume</p><p>Never &lt;script&gt; saunas</p>")
    treatment = TreatmentFactory(title="Cheek lift", summary="Cheeks.", body="<p>Lifts cheeks.</p>")
    FAQFactory(treatment=treatment, question="Does it hurt?", answer="A sharp scratch.")
    [article] = search_site("fillers")  # a word starting a paragraph is a word of its own
    assert plain(article.search_snippet) == (
        "Lines and volume. Relaxes lines <mark>Fillers</mark> restore volume Never script saunas…"
    )
    [found] = search_site("scratch")  # the FAQs after the page's text
    assert plain(found.search_snippet) == "Cheeks. Lifts cheeks. Bruising and swelling. Does it hurt? A sharp…"


def test_a_site_whose_content_version_row_is_missing_still_answers_and_the_next_change_restores_it(
        client, settings):
    settings.CLINIC_PAGE_CACHE_SECONDS = 600
    article = ArticleFactory(slug="peels", title="Chemical peels")
    ContentVersion.objects.all().delete()  # a flushed database, say
    assert ContentVersion.current() == 0
    assert "Chemical peels" in client.get("/blog/peels/").content.decode()
    article.title = "Skin peels"
    article.save()
    assert ContentVersion.current() not in (0, 1)
    assert "Skin peels" in client.get("/blog/peels/").content.decode()


def test_a_draft_published_with_the_list_action_goes_live_now_not_when_it_was_first_written(editor_client):
    written = timezone.now() - timedelta(days=7)
    draft = ArticleFactory(title="Written last week", status=Status.DRAFT, publish_at=written)
    changelist = reverse("admin:articles_article_changelist")
    before = timezone.now()
    editor_client.post(changelist, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED and draft.publish_at >= before


def test_editing_a_live_page_keeps_the_date_it_went_live():
    went_live = timezone.now() - timedelta(days=30)
    page = ArticleFactory(publish_at=went_live)
    page.title = "A better title"
    page.save()
    page.refresh_from_db()
    assert page.publish_at == went_live


def test_renaming_an_expired_page_makes_no_redirect(client):
    page = ArticleFactory(slug="summer-offer", unpublish_at=timezone.now() - timedelta(days=1))
    page.slug = "summer-offer-2031"
    page.save()
    assert not Redirect.objects.exists()
    assert client.get("/blog/summer-offer/").status_code == 404


def test_a_treatment_saved_as_published_without_risks_is_refused_with_the_reason_beside_the_field():
    with pytest.raises(ValidationError) as error:
        TreatmentFactory(risks="<p> </p>", status=Status.PUBLISHED)
    assert error.value.message_dict == {
        "risks": ["Add the side effects and risks before publishing: patients must see them beside the benefits."]
    }


def test_a_library_image_without_a_description_takes_the_one_written_in_the_editor():
    image = ImageFactory(alt_text="")
    ArticleFactory(body=f'<p>Text.</p><img src="{image.file.url}" alt="Peel solution on a tray">')
    image.refresh_from_db()
    assert image.alt_text == "Peel solution on a tray"


def test_a_save_that_writes_only_the_body_still_stores_it_sanitised():
    page = ArticleFactory(body="<p>Old words.</p>")
    page.body = '<p onclick="steal()">New words.</p><script>steal()</script>'
    page.save(update_fields=["body"])
    page.refresh_from_db()
    assert page.body == "<p>New words.</p>"


def test_publishing_from_the_list_writes_only_the_state_never_words_read_before_anothers_save(editor_client):
    draft = ArticleFactory(title="Peels", status=Status.DRAFT, body="<p>First words.</p>",
                           publish_at=timezone.now() - timedelta(days=7))
    page = Article.objects.get(pk=draft.pk)  # as the list action reads it
    Article.objects.filter(pk=draft.pk).update(body="<p>Words another editor just saved.</p>")
    before = timezone.now()
    page.status = Status.PUBLISHED
    page.save(update_fields=["status", "updated_at"])
    page.refresh_from_db()
    assert page.body == "<p>Words another editor just saved.</p>"
    assert page.status == Status.PUBLISHED and page.publish_at >= before


def test_a_page_that_goes_live_at_a_redirected_address_takes_the_redirect_away(client):
    ArticleFactory(slug="botox-guide")
    Redirect.objects.create(old_path="/blog/old-guide/", new_path="/blog/botox-guide/")
    Redirect.objects.create(old_path="/blog/fillers/", new_path="/blog/botox-guide/")
    fillers = ArticleFactory(slug="fillers", title="Fillers explained")
    assert dict(Redirect.objects.values_list("old_path", "new_path")) == {"/blog/old-guide/": "/blog/botox-guide/"}
    fillers.status = Status.DRAFT  # taken down again: "page not found", not the old redirect
    fillers.save()
    assert client.get("/blog/fillers/").status_code == 404


def test_an_unsaved_forms_autosave_is_named_for_its_page_or_as_new(editor):
    article = ArticleFactory()
    content_type = ContentType.objects.get_for_model(article)
    with time_machine.travel(local(2030, 1, 10, 9, 30), tick=False):
        kept = Autosave.objects.create(user=editor, content_type=content_type, object_id=article.pk, fields={})
        new = Autosave.objects.create(user=editor, content_type=content_type, object_id=0, fields={})
    assert str(kept) == f"editor on article {article.pk} at 09:30"
    assert str(new) == "editor on article (new) at 09:30"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="LISTEN/NOTIFY is PostgreSQL's (CI runs it)")
def test_hearing_the_content_version_keeps_no_request_waiting():
    ContentVersion.bump()  # transactional tests start from empty tables
    started = time.monotonic()
    for _ in range(5):  # as five page requests on one connection: nothing announced, nothing to wait for
        ContentVersion.current()
    assert time.monotonic() - started < 0.5


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="LISTEN/NOTIFY is PostgreSQL's (CI runs it)")
def test_a_change_announced_by_another_server_is_heard_as_its_number_and_nothing_else():
    # Pages are cached under the number heard: any other value (a blank) could serve one cached at another time.
    ContentVersion.bump()
    before = ContentVersion.current()
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("UPDATE publishing_contentversion SET version = version + 7 WHERE id = 1")
            cursor.execute("SELECT pg_notify(%s, %s)", [ContentVersion.CHANNEL, str(before + 7)])
        heard, deadline = [], time.monotonic() + 1
        while not heard or heard[-1] != before + 7:
            assert time.monotonic() < deadline, heard
            heard.append(ContentVersion.current())
            time.sleep(0.01)
    finally:
        other.close()
    assert set(heard) <= {before, before + 7}

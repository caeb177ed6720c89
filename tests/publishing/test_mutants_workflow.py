"""What the review workflow's surviving mutants showed untested (publishing/admin/workflow.py): submitting for
review, recording a review or asking for changes, the review gate on publishing, preview links."""

from datetime import date, timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.admin import site as admin_site
from django.contrib.admin.models import LogEntry
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from publishing.admin.live_drafts import REVIEW_NEEDED
from publishing.models import PageDraft, PreviewLink, ReviewRequest, Status
from publishing.previews import create_preview_link
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, ClinicianFactory, FAQFactory, TreatmentFactory
from tests.publishing.test_roles import member_of
from tests.publishing.test_working_drafts import version_in_form
from tests.treatments.test_admin import treatment_form

pytestmark = pytest.mark.django_db(transaction=True)  # mail goes once the change is committed


@pytest.fixture(autouse=True)
def reviews_required(settings):
    settings.CLINIC_REVIEW_REQUIRED_FOR = ["articles.article", "treatments.treatment"]


def staff(role, username, email, **names):
    client, user = member_of(role, username)
    user.email = email
    for name, value in names.items():
        setattr(user, name, value)
    user.save()
    return client, user


def change(page):
    return reverse("admin:articles_article_change", args=[page.pk])


def messages_of(response):
    return [(m.level_tag, str(m)) for m in response.wsgi_request._messages]


def test_submitting_tells_the_reviewers_who_asked_and_where_the_page_is(client):
    author, _ = staff("Author", "writer", "author@clinic.example", first_name="Jo", last_name="Bloggs")
    staff("Clinical reviewer", "dr-shah", "reviewer@clinic.example")
    staff("Clinical reviewer", "dr-reyes", "reyes@clinic.example")
    staff("Editor", "ed", "editor@clinic.example")
    article = ArticleFactory(title="Fillers explained", slug="fillers", status=Status.DRAFT)
    from_the_list = f"{change(article)}?_changelist_filters=status%3Ddraft"  # the form keeps the list's filter
    response = author.post(from_the_list, article_form(
        title="Fillers explained", slug="fillers", edit_version=version_in_form(author, article),
        _submit_review="Submit for review"))
    assert response.status_code == 302
    assert ("success", "“Fillers explained” was submitted for medical review; the Clinical reviewers were "
                       "told.") in messages_of(response)
    [sent] = mail.outbox
    assert sent.to == ["reviewer@clinic.example", "reyes@clinic.example"]
    assert sent.subject == f"[{settings.CLINIC_NAME}] “Fillers explained” is waiting for your medical review"
    assert sent.body == (f"Jo Bloggs submitted “Fillers explained” for medical review.\n\n"
                         f"Open it here: http://testserver/admin/articles/article/{article.pk}/change/\n\n"
                         f"— {settings.CLINIC_NAME}")
    request = ReviewRequest.objects.get()
    assert (request.state, request.submitted_by.username, request.answered_by, request.comment) == (
        "in_review", "writer", None, "")


def request_changes(client, page, comment):
    return client.post(reverse("admin:articles_article_request_changes", args=[page.pk]), {"comment": comment})


def test_asking_for_changes_tells_whoever_submitted_the_page_even_after_others_edited_it():
    author, author_user = staff("Author", "writer", "author@clinic.example")
    editor, _ = staff("Editor", "ed", "editor@clinic.example")
    reviewer, reviewer_user = staff("Clinical reviewer", "dr-shah", "reviewer@clinic.example")
    article = ArticleFactory(title="Fillers explained", slug="fillers", status=Status.DRAFT)
    author.post(change(article), article_form(title="Fillers explained", slug="fillers", _submit_review="1",
                                              edit_version=version_in_form(author, article)))
    editor.post(change(article), article_form(title="Fillers explained", slug="fillers", summary="Edited.",
                                              edit_version=version_in_form(editor, article)))
    article.refresh_from_db()
    assert article.updated_by.username == "ed" and article.summary == "Edited."
    mail.outbox.clear()

    response = request_changes(reviewer, article, "  Say that bruising can last two weeks.  ")
    assert response.status_code == 302 and response["Location"] == change(article)
    assert messages_of(response) == [("success", "Changes requested on “Fillers explained”; the author was told.")]
    [sent] = mail.outbox
    assert sent.to == ["author@clinic.example"]
    assert sent.subject == f"[{settings.CLINIC_NAME}] Changes requested on “Fillers explained”"
    assert sent.body == ("A Clinical reviewer asked for changes before this page can be published; their comment is "
                         "on the page in the admin.\n\n"
                         f"Open it here: http://testserver/admin/articles/article/{article.pk}/change/\n\n"
                         f"— {settings.CLINIC_NAME}")
    request = ReviewRequest.objects.get()
    assert (request.state, request.submitted_by, request.answered_by, request.comment) == (
        "changes_requested", author_user, reviewer_user, "Say that bruising can last two weeks.")


def test_asking_for_changes_on_a_page_never_submitted_tells_whoever_last_saved_it():
    author, author_user = staff("Author", "writer", "author@clinic.example")
    reviewer, reviewer_user = staff("Clinical reviewer", "dr-shah", "reviewer@clinic.example")
    other = ArticleFactory(title="Other page", status=Status.DRAFT)
    author.post(change(other), article_form(title="Other page", slug=other.slug, _submit_review="1",
                                            edit_version=version_in_form(author, other)))
    article = ArticleFactory(title="Fillers explained", slug="fillers", status=Status.DRAFT)
    author.post(change(article), article_form(title="Fillers explained", slug="fillers",
                                              edit_version=version_in_form(author, article)))
    mail.outbox.clear()

    response = request_changes(reviewer, article, "Name the filler brand.")
    assert response.status_code == 302
    [sent] = mail.outbox
    assert sent.to == ["author@clinic.example"] and sent.subject.endswith("Changes requested on “Fillers explained”")
    asked = ReviewRequest.objects.for_page(article).get()
    assert (asked.state, asked.submitted_by, asked.answered_by, asked.comment) == (
        "changes_requested", author_user, reviewer_user, "Name the filler brand.")
    untouched = ReviewRequest.objects.for_page(other).get()  # the other page's request is its own
    assert (untouched.state, untouched.answered_by, untouched.comment) == ("in_review", None, "")


def test_the_request_changes_form_says_what_it_is_for():
    reviewer, _ = staff("Clinical reviewer", "dr-shah", "reviewer@clinic.example")
    ArticleFactory(title="Another page", status=Status.DRAFT)
    article = ArticleFactory(title="Fillers explained", status=Status.DRAFT)
    response = reviewer.get(reverse("admin:articles_article_request_changes", args=[article.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Request changes to “Fillers explained”" in html
    assert "<p>Say what must change before you can approve the medical content. The page stays as it is.</p>" in html
    assert '<li aria-current="page">Request changes</li>' in html  # where they are, in the breadcrumbs
    assert '<input type="submit" value="Request changes" class="default">' in html
    assert 'name="csrfmiddlewaretoken"' in html  # the form can be sent
    assert "Record that a clinician has checked" not in html  # not the review form's words


def review_url(page):
    return reverse("admin:articles_article_review", args=[page.pk])


def test_the_review_form_offers_the_reviewer_as_the_clinician_and_today_as_the_date():
    reviewer, user = staff("Clinical reviewer", "dr-shah", "reviewer@clinic.example")
    ClinicianFactory(name="Dr Tom Reyes")
    shah = ClinicianFactory(name="Dr Amira Shah", user=user)
    ArticleFactory(title="Another page", status=Status.DRAFT)
    article = ArticleFactory(title="Fillers explained", status=Status.DRAFT)
    html = reviewer.get(review_url(article)).content.decode()
    assert "<title>Record a medical review of “Fillers explained”" in html
    assert f'<option value="{shah.pk}" selected>{shah}</option>' in html
    assert f'value="{timezone.localdate():%d/%m/%Y}"' in html
    assert f'<a href="{article.get_absolute_url()}" target="_blank"' in html  # a draft: the page itself
    assert 'name="csrfmiddlewaretoken"' in html  # the form can be sent


def test_the_review_form_of_a_live_page_with_no_draft_links_to_the_public_page():
    reviewer, _ = staff("Clinical reviewer", "dr-shah", "reviewer@clinic.example")
    article = ArticleFactory(title="Fillers explained", slug="fillers")
    html = reviewer.get(review_url(article)).content.decode()
    assert '<a href="/blog/fillers/" target="_blank"' in html


def test_a_reviewer_with_no_clinician_profile_picks_the_clinician_themselves():
    reviewer, _ = staff("Clinical reviewer", "dr-shah", "reviewer@clinic.example")
    ClinicianFactory(name="Dr Tom Reyes")
    article = ArticleFactory(title="Fillers explained", status=Status.DRAFT)
    response = reviewer.get(review_url(article))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<option value="" selected>- Select an option -</option>' in html and "selected>Dr" not in html
    assert f'value="{timezone.localdate():%d/%m/%Y}"' in html


def record_review(client, page, clinician, day=None):
    content = client.get(review_url(page)).content.decode().split('name="content" value="')[1].split('"')[0]
    return client.post(review_url(page), {"reviewed_by": clinician.pk, "content": content,
                                          "last_reviewed": (day or timezone.localdate()).strftime("%d/%m/%Y")})


def test_a_review_of_a_draft_page_is_recorded_on_it_and_put_down_to_the_reviewer():
    reviewer, user = staff("Clinical reviewer", "dr-shah", "reviewer@clinic.example")
    staff("Editor", "ed", "editor@clinic.example")
    shah = ClinicianFactory(name="Dr Amira Shah", user=user)
    ArticleFactory(title="Another page", status=Status.DRAFT)
    article = ArticleFactory(title="Fillers explained", status=Status.DRAFT)
    response = record_review(reviewer, article, shah, timezone.localdate() - timedelta(days=2))
    assert response.status_code == 302 and response["Location"] == change(article)
    assert messages_of(response) == [
        ("success", "Medical review of “Fillers explained” recorded, for its content as it is now.")]
    article.refresh_from_db()
    assert (article.reviewed_by, article.last_reviewed, article.updated_by) == (
        shah, timezone.localdate() - timedelta(days=2), user)
    assert article.review_is_current()
    [version] = Version.objects.get_for_object(article)
    assert version.revision.user == user
    assert version.revision.comment == (
        f"Medical review recorded: {shah} on {timezone.localdate() - timedelta(days=2):%d/%m/%Y}")
    assert not mail.outbox  # no one had asked for it: the Editors are not told


def test_a_review_writes_only_the_review_not_the_page_as_it_was_read(monkeypatch):
    """Someone saves the page while the review is being recorded (here: as the reviewed content is read): their
    edit of a field outside the medical content stays."""
    reviewer, user = staff("Clinical reviewer", "dr-shah", "reviewer@clinic.example")
    shah = ClinicianFactory(name="Dr Amira Shah", user=user)
    article = ArticleFactory(title="Fillers explained", status=Status.DRAFT, seo_title="")
    content = reviewer.get(review_url(article)).content.decode().split('name="content" value="')[1].split('"')[0]
    admin_class = type(admin_site._registry[type(article)])
    read = admin_class.content_to_review

    def read_then_someone_saves(self, page):
        type(page).objects.filter(pk=page.pk).update(seo_title="Fillers in London")
        return read(self, page)

    monkeypatch.setattr(admin_class, "content_to_review", read_then_someone_saves)
    response = reviewer.post(review_url(article), {"reviewed_by": shah.pk, "content": content,
                                                   "last_reviewed": timezone.localdate().strftime("%d/%m/%Y")})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.reviewed_by == shah and article.seo_title == "Fillers in London"


def test_a_live_pages_review_goes_into_its_draft_and_says_so(editor_client, client):
    reviewer, user = staff("Clinical reviewer", "dr-shah", "reviewer@clinic.example")
    shah = ClinicianFactory(name="Dr Amira Shah", user=user)
    article = ArticleFactory(title="Fillers explained", slug="fillers", body="<p>Live words.</p>")
    editor_client.post(change(article), article_form(title="Fillers explained", slug="fillers",
                                                     status=Status.PUBLISHED, body="<p>Draft words.</p>",
                                                     edit_version=version_in_form(editor_client, article)))
    response = record_review(reviewer, article, shah)
    assert messages_of(response) == [
        ("success", "Medical review of “Fillers explained” recorded, for its draft (the review goes live with it).")]
    article.refresh_from_db()
    assert article.reviewed_by is None  # the live page's review line is as it was


def test_an_expired_pages_review_is_recorded_on_the_page_not_in_the_draft_it_kept(editor_client):
    """A live page's working draft stays when the page expires; the page's form then edits the page itself, and a
    review covers what that form shows."""
    reviewer, user = staff("Clinical reviewer", "dr-shah", "reviewer@clinic.example")
    shah = ClinicianFactory(name="Dr Amira Shah", user=user)
    article = ArticleFactory(title="Fillers explained", slug="fillers", body="<p>Live words.</p>",
                             unpublish_at=timezone.now() + timedelta(minutes=10))
    editor_client.post(change(article), article_form(
        title="Fillers explained", slug="fillers", status=Status.PUBLISHED, body="<p>Draft words.</p>",
        unpublish_at_0=article.unpublish_at.astimezone(timezone.get_current_timezone()).strftime("%d/%m/%Y"),
        unpublish_at_1=article.unpublish_at.astimezone(timezone.get_current_timezone()).strftime("%H:%M:%S"),
        edit_version=version_in_form(editor_client, article)))
    assert PageDraft.objects.for_page(article).exists()
    with time_machine.travel(timezone.now() + timedelta(minutes=20)):  # signed in still
        opened = reviewer.get(review_url(article)).content.decode()
        assert '<a href="/blog/fillers/" target="_blank"' in opened  # read the page, not the draft's preview
        response = record_review(reviewer, article, shah)
        assert messages_of(response) == [
            ("success", "Medical review of “Fillers explained” recorded, for its content as it is now.")]
    article.refresh_from_db()
    assert article.reviewed_by == shah and article.review_is_current()


def test_a_new_page_published_without_a_review_keeps_the_reason_in_its_history():
    editor, editor_user = staff("Editor", "ed", "editor@clinic.example")
    response = editor.post(reverse("admin:articles_article_add"), article_form(
        title="Urgent safety notice", slug="urgent", status=Status.PUBLISHED, publish_without_review="on",
        review_override_reason="  Recall notice from the manufacturer.  "))
    assert response.status_code == 302
    article = ArticleFactory._meta.model.objects.get(slug="urgent")
    assert article.is_published() and article.reviewed_by is None
    assert ("warning", "“Urgent safety notice” was published without a new medical review; the public page shows "
                       "no review line until a Clinical reviewer reviews it.") in messages_of(response)
    [version] = Version.objects.get_for_object(article)
    assert version.revision.comment == ("Added. Published without a new medical review. Reason: Recall notice from "
                                        "the manufacturer.")
    [entry] = LogEntry.objects.filter(object_id=str(article.pk))
    assert entry.get_change_message() == "Added."


def test_a_new_page_saved_as_a_draft_is_logged_as_added():
    editor, _ = staff("Editor", "ed", "editor@clinic.example")
    editor.post(reverse("admin:articles_article_add"), article_form(title="Fresh", slug="fresh"))
    article = ArticleFactory._meta.model.objects.get(slug="fresh")
    [version] = Version.objects.get_for_object(article)
    assert version.revision.comment == "Added."


def test_publishing_a_live_pages_draft_says_so_in_its_history_beside_what_changed(editor_client, settings):
    settings.CLINIC_REVIEW_REQUIRED_FOR = []
    article = ArticleFactory(title="Fillers explained", slug="fillers", body="<p>Live words.</p>")
    form = article_form(title="Fillers explained", slug="fillers", status=Status.PUBLISHED, body="<p>Draft words.</p>")
    editor_client.post(change(article), {**form, "edit_version": version_in_form(editor_client, article)})
    editor_client.post(change(article), {**form, "edit_version": version_in_form(editor_client, article),
                                         "_publish": "Publish changes"})
    # The form showed the draft: nothing changed in it, so only the note is kept (not "No fields changed.").
    assert Version.objects.get_for_object(article).first().revision.comment == "Published the unpublished changes."
    editor_client.post(change(article), {**form, "body": "<p>Second draft.</p>",
                                         "edit_version": version_in_form(editor_client, article)})
    editor_client.post(change(article), {**form, "body": "<p>Second draft.</p>", "summary": "Changed as published.",
                                         "edit_version": version_in_form(editor_client, article),
                                         "_publish": "Publish changes"})
    assert Version.objects.get_for_object(article).first().revision.comment == (
        "Changed Summary. Published the unpublished changes.")


def test_making_a_preview_link_says_for_how_long_it_works(editor_client, settings):
    settings.CLINIC_PREVIEW_MAX_AGE_DAYS = 5
    article = ArticleFactory(title="Fillers explained", status=Status.DRAFT)
    response = editor_client.post(change(article), {"_create_preview": "1"})
    assert response.status_code == 302 and response["Location"] == change(article)
    assert messages_of(response) == [
        ("success", "Preview link made: it shows “Fillers explained” as it is now, for 5 days or until you revoke it.")]
    assert PreviewLink.objects.for_page(article).get().is_active()


def test_revoking_a_preview_link_revokes_that_one_only_and_once(editor_client, editor):
    article = ArticleFactory(title="Fillers explained", status=Status.DRAFT)
    kept, revoked = create_preview_link(article, editor), create_preview_link(article, editor)
    response = editor_client.post(change(article), {"_revoke_preview": str(revoked.pk)})
    assert response.status_code == 302 and response["Location"] == change(article)
    assert messages_of(response) == [("success", "The preview link was revoked: it shows nothing any more.")]
    kept.refresh_from_db()
    revoked.refresh_from_db()
    assert kept.is_active() and not revoked.is_active()
    when = revoked.revoked_at
    editor_client.get(change(article))  # the message is read
    again = editor_client.post(change(article), {"_revoke_preview": str(revoked.pk)})  # a second tab, say
    assert again.status_code == 302 and messages_of(again) == []
    revoked.refresh_from_db()
    assert revoked.revoked_at == when  # revoked when it was first revoked


def test_a_revoke_naming_no_link_revokes_nothing(editor_client, editor):
    article = ArticleFactory(title="Fillers explained", status=Status.DRAFT)
    link = create_preview_link(article, editor)
    PreviewLink.objects.filter(pk=link.pk).update(id=1)  # the first link ever made
    for value in ["", "first", "-1"]:
        response = editor_client.post(change(article), {"_revoke_preview": value})
        assert response.status_code == 302 and messages_of(response) == []
    assert PreviewLink.objects.get(pk=1).is_active()


def test_approving_a_submitted_page_tells_the_editors_where_to_publish_it():
    author, _ = staff("Author", "writer", "author@clinic.example")
    reviewer, user = staff("Clinical reviewer", "dr-shah", "reviewer@clinic.example")
    staff("Editor", "ed", "editor@clinic.example")
    staff("Editor", "lee", "lee@clinic.example")
    shah = ClinicianFactory(name="Dr Amira Shah", user=user)
    article = ArticleFactory(title="Fillers explained", slug="fillers", status=Status.DRAFT)
    author.post(change(article), article_form(title="Fillers explained", slug="fillers", _submit_review="1",
                                              edit_version=version_in_form(author, article)))
    mail.outbox.clear()
    response = record_review(reviewer, article, shah)
    assert response.status_code == 302 and not ReviewRequest.objects.exists()
    [sent] = mail.outbox
    assert sent.to == ["editor@clinic.example", "lee@clinic.example"]
    assert sent.subject == f"[{settings.CLINIC_NAME}] “Fillers explained” is approved and ready to publish"
    assert sent.body == (f"{shah} reviewed the medical content of “Fillers explained”.\n\n"
                         f"Publish it here: http://testserver/admin/articles/article/{article.pk}/change/\n\n"
                         f"— {settings.CLINIC_NAME}")


def test_publishing_an_unreviewed_draft_from_its_form_keeps_it_a_draft_and_says_why(client):
    editor, _ = staff("Editor", "ed", "editor@clinic.example")
    article = ArticleFactory(title="Fillers explained", slug="fillers", status=Status.DRAFT)
    response = editor.post(change(article), article_form(title="Fillers explained", slug="fillers",
                                                         status=Status.PUBLISHED, _publish_now="Publish now",
                                                         edit_version=version_in_form(editor, article)))
    assert response.status_code == 302
    assert ("warning", f"“Fillers explained” was saved as a draft. {REVIEW_NEEDED}") in messages_of(response)
    article.refresh_from_db()
    assert article.status == Status.DRAFT and article.updated_by.username == "ed"
    assert client.get("/blog/fillers/").status_code == 404
    assert "Draft" in editor.get(reverse("admin:articles_article_changelist")).content.decode()


def test_publishing_a_reviewed_page_ends_its_review_request(client):
    author, _ = staff("Author", "writer", "author@clinic.example")
    editor, _ = staff("Editor", "ed", "editor@clinic.example")
    article = ArticleFactory(title="Fillers explained", slug="fillers", status=Status.DRAFT,
                             reviewed_by=ClinicianFactory(), last_reviewed=timezone.localdate())
    author.post(change(article), article_form(title="Fillers explained", slug="fillers", _submit_review="1",
                                              body=article.body, edit_version=version_in_form(author, article)))
    assert ReviewRequest.objects.get().state == "in_review"
    response = editor.post(change(article), article_form(title="Fillers explained", slug="fillers", body=article.body,
                                                         status=Status.PUBLISHED,
                                                         edit_version=version_in_form(editor, article)))
    assert response.status_code == 302 and client.get("/blog/fillers/").status_code == 200
    assert not ReviewRequest.objects.exists()  # the workflow is done
    assert "In review" not in editor.get(reverse("admin:articles_article_changelist")).content.decode()


def test_publishing_without_a_review_ends_the_review_request():
    author, _ = staff("Author", "writer", "author@clinic.example")
    editor, _ = staff("Editor", "ed", "editor@clinic.example")
    article = ArticleFactory(title="Fillers explained", slug="fillers", status=Status.DRAFT)
    author.post(change(article), article_form(title="Fillers explained", slug="fillers", _submit_review="1",
                                              edit_version=version_in_form(author, article)))
    response = editor.post(change(article), article_form(
        title="Fillers explained", slug="fillers", status=Status.PUBLISHED, publish_without_review="on",
        review_override_reason="Recall notice.", edit_version=version_in_form(editor, article)))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_published() and not ReviewRequest.objects.exists()


def test_saving_an_unreviewed_page_as_a_draft_is_not_refused_publishing():
    author, _ = staff("Author", "writer", "author@clinic.example")
    article = ArticleFactory(title="Fillers explained", slug="fillers", status=Status.DRAFT, body="<p>Words.</p>")
    response = author.post(change(article), article_form(title="Fillers explained", slug="fillers",
                                                         body="<p>New words.</p>",
                                                         edit_version=version_in_form(author, article)))
    assert response.status_code == 302
    assert [level for level, _ in messages_of(response)] == ["success"]  # saved, with no word of publishing
    assert not any("review" in text for _, text in messages_of(response))


def test_saving_a_live_pages_unreviewed_changes_as_a_draft_is_a_plain_draft_save(client):
    editor, _ = staff("Editor", "ed", "editor@clinic.example")
    article = ArticleFactory(title="Fillers explained", slug="fillers", body="<p>Live words.</p>",
                             reviewed_by=ClinicianFactory(), last_reviewed=timezone.localdate())
    response = editor.post(change(article), article_form(title="Fillers explained", slug="fillers",
                                                         status=Status.PUBLISHED, body="<p>Unreviewed words.</p>",
                                                         edit_version=version_in_form(editor, article)))
    assert response.status_code == 302
    assert messages_of(response) == [("success", "Draft of “Fillers explained” saved. Patients still see the live page "
                                                 "until the changes are published.")]
    assert PageDraft.objects.for_page(article).exists()
    assert "Live words." in client.get("/blog/fillers/").content.decode()


def test_publishing_unreviewed_changes_to_a_treatment_with_faqs_keeps_them_in_its_draft(client):
    editor, _ = staff("Editor", "ed", "editor@clinic.example")
    botox = TreatmentFactory(slug="botox", title="Botox", body="<p>Relaxes muscles.</p>", procedure_time="15 minutes",
                             risks="<p>Bruising.</p>", reviewed_by=ClinicianFactory(), last_reviewed=date(2026, 10, 1))
    faq = FAQFactory(treatment=botox, question="Does it hurt?", answer="A little.", order=1)
    botox.record_review(botox.reviewed_by, botox.last_reviewed)
    botox.save()
    form = treatment_form(risks="<p>Bruising, and rarely a drooping eyelid.</p>", status=Status.PUBLISHED,
                          existing_faqs=[(faq.pk, "Does it hurt?", "A little.", 1)],
                          faqs=[("", "How long does it last?", "Three to four months.", 2)],
                          edit_version=version_in_form(editor, botox), _publish="Publish changes")
    response = editor.post(reverse("admin:treatments_treatment_change", args=[botox.pk]), form)
    assert response.status_code == 302
    assert messages_of(response) == [
        ("warning", f"“Botox” was not published: its changes were saved as a draft. {REVIEW_NEEDED}")]
    public = client.get("/treatments/botox/").content.decode()
    assert "drooping eyelid" not in public and "How long does it last?" not in public
    assert "How long does it last?" in PageDraft.objects.for_page(botox).get().data

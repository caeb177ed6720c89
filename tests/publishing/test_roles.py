"""Roles are enforced on the server: what each group may do through the admin, by GET and by POST."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from publishing.models import Status
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, ClinicianFactory, TreatmentFactory, UserFactory
from tests.imagefiles import png_bytes

pytestmark = pytest.mark.django_db


def member_of(group_name, username=None):
    user = UserFactory(username=username or group_name.lower().replace(" ", "-"), is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    client = Client()
    client.force_login(user)
    return client, user


def review(client, page, **fields):
    """Record a review as the form does: it carries the fingerprint of the content it showed."""
    url = reverse(f"admin:{page._meta.app_label}_{page._meta.model_name}_review", args=[page.pk])
    content = client.get(url).content.decode().split('name="content" value="')[1].split('"')[0]
    return client.post(url, {**fields, "content": content})


def change_url(page):
    return reverse(f"admin:{page._meta.app_label}_{page._meta.model_name}_change", args=[page.pk])


def edit_form(page, **overrides):
    return article_form(author=page.author_id, slug=page.slug, edit_version=page.updated_at.isoformat(), **overrides)


def test_author_writes_a_draft_but_a_forged_publish_is_ignored():
    client, author = member_of("Author")
    response = client.post(reverse("admin:articles_article_add"), article_form(status="published"))
    assert response.status_code == 302
    assert Article.objects.get().status == Status.DRAFT


def test_author_sees_no_publish_action_and_a_forged_one_does_nothing():
    client, _ = member_of("Author")
    draft = ArticleFactory(status=Status.DRAFT)
    changelist = reverse("admin:articles_article_changelist")
    assert "Publish selected" not in client.get(changelist).content.decode()
    client.post(changelist, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_author_edits_a_draft_and_only_drafts_changes_to_a_live_page(client):
    author, _ = member_of("Author")
    draft = ArticleFactory(status=Status.DRAFT)
    assert author.post(change_url(draft), edit_form(draft, title="Better title")).status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Better title"

    live = ArticleFactory(title="Live title", slug="live")
    html = author.get(change_url(live)).content.decode()
    assert 'value="Save draft"' in html and "Publish changes" not in html
    assert author.post(change_url(live), edit_form(live, title="Proposed title")).status_code == 302
    assert author.post(change_url(live), edit_form(live, title="Forged", _publish="1")).status_code == 403
    live.refresh_from_db()
    assert live.title == "Live title" and "Live title" in client.get("/blog/live/").content.decode()
    assert 'value="Proposed title"' in author.get(change_url(live)).content.decode()  # the form shows the draft


def test_author_cannot_change_a_scheduled_page():
    author, _ = member_of("Author")
    scheduled = ArticleFactory(title="Coming", publish_at=timezone.now() + timedelta(days=1))
    assert author.post(change_url(scheduled), edit_form(scheduled, title="Sneaky edit")).status_code == 403
    scheduled.refresh_from_db()
    assert scheduled.title == "Coming"


def test_author_cannot_delete():
    client, _ = member_of("Author")
    draft = ArticleFactory(status=Status.DRAFT)
    url = reverse("admin:articles_article_delete", args=[draft.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=draft.pk).exists()


def test_editor_publishes_edits_live_pages_and_deletes():
    client, _ = member_of("Editor")
    draft = ArticleFactory(status=Status.DRAFT)
    assert client.post(change_url(draft), edit_form(draft, status="published")).status_code == 302
    draft.refresh_from_db()
    assert draft.is_published()
    assert client.post(change_url(draft), edit_form(draft, status="published", title="Live edit")).status_code == 302
    response = client.post(reverse("admin:articles_article_delete", args=[draft.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=draft.pk).exists()


def test_editor_cannot_set_review_fields_through_the_change_form():
    client, _ = member_of("Editor")
    page = ArticleFactory()
    clinician = ClinicianFactory()
    client.post(
        change_url(page), edit_form(page, status="published", reviewed_by=clinician.pk, last_reviewed="01/01/2026")
    )
    page.refresh_from_db()
    assert page.reviewed_by is None


def test_clinical_reviewer_reads_everything_and_records_a_review():
    client, user = member_of("Clinical reviewer")
    clinician = ClinicianFactory(name="Dr Amira Shah", user=user)
    draft = TreatmentFactory(status=Status.DRAFT, title="Draft treatment")
    assert client.get(reverse("admin:treatments_treatment_changelist")).status_code == 200
    response = client.get(change_url(draft))
    assert "Record medical review" in response.content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 200  # reads drafts on the site too

    review_url = reverse("admin:treatments_treatment_review", args=[draft.pk])
    form = client.get(review_url)
    assert f'<option value="{clinician.pk}" selected>' in form.content.decode()
    response = review(client, draft, reviewed_by=clinician.pk, last_reviewed="20/11/2026")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.reviewed_by, draft.last_reviewed.isoformat()) == (clinician, "2026-11-20")


def test_clinical_reviewer_cannot_change_content():
    client, _ = member_of("Clinical reviewer")
    page = TreatmentFactory(status=Status.DRAFT, title="Original")
    response = client.post(change_url(page), {"title": "Changed"})
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.title == "Original"


def test_review_date_in_the_future_is_refused():
    client, _ = member_of("Clinical reviewer")
    page = TreatmentFactory()
    tomorrow = (timezone.localdate() + timezone.timedelta(days=1)).strftime("%d/%m/%Y")
    response = review(client, page, reviewed_by=ClinicianFactory().pk, last_reviewed=tomorrow)
    assert "A review date cannot be in the future." in response.content.decode()


@pytest.mark.parametrize("group", ["Author", "Editor", "Front desk"])
def test_only_reviewers_record_reviews(group):
    client, _ = member_of(group)
    page = TreatmentFactory()
    url = reverse("admin:treatments_treatment_review", args=[page.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"reviewed_by": ClinicianFactory().pk, "last_reviewed": "01/11/2026"}).status_code == 403
    page.refresh_from_db()
    assert page.reviewed_by is None


def test_front_desk_has_no_content_rights():
    client, _ = member_of("Front desk")
    draft = ArticleFactory(status=Status.DRAFT)
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 403
    assert client.get(reverse("admin:treatments_treatment_add")).status_code == 403
    assert client.get(draft.get_absolute_url()).status_code == 404
    upload = client.post(reverse("editor-image-upload"), {"upload": SimpleUploadedFile("a.png", png_bytes())})
    assert upload.status_code == 403


def test_authors_may_upload_images_reviewers_may_not():
    author, _ = member_of("Author")
    reviewer, _ = member_of("Clinical reviewer")
    upload = lambda client: client.post(  # noqa: E731
        reverse("editor-image-upload"), {"upload": SimpleUploadedFile("a.png", png_bytes())}
    )
    assert upload(author).status_code == 200
    assert upload(reviewer).status_code == 403

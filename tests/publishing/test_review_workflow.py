"""Author writes → submits for review → a Clinical reviewer approves (records the review) or asks for
changes → an Editor publishes. Each step tells the next people in line, by email, without patient data."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from publishing.models import ReviewRequest, Status
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, ClinicianFactory
from tests.publishing.test_roles import member_of, review

pytestmark = pytest.mark.django_db(transaction=True)  # mail goes once the change is committed


@pytest.fixture(autouse=True)
def reviews_required(settings):
    settings.CLINIC_REVIEW_REQUIRED_FOR = ["articles.article", "treatments.treatment"]


@pytest.fixture
def team():
    author, author_user = member_of("Author")
    reviewer, reviewer_user = member_of("Clinical reviewer")
    editor, editor_user = member_of("Editor")
    for user, email in [(author_user, "author@clinic.example"), (reviewer_user, "reviewer@clinic.example"),
                        (editor_user, "editor@clinic.example")]:
        user.email = email
        user.save()
    ClinicianFactory(name="Dr Amira Shah", user=reviewer_user)
    return author, author_user, reviewer, editor


def change(page):
    return reverse("admin:articles_article_change", args=[page.pk])


def test_submit_review_approve_publish(team, client):
    author, author_user, reviewer, editor = team
    article = ArticleFactory(slug="fillers", status=Status.DRAFT, author=None)  # the reviewer is the one clinician
    submitted = author.post(change(article), article_form(
        slug="fillers", edit_version=article.updated_at.isoformat(),
        _submit_review="Submit for review"))
    assert submitted.status_code == 302
    assert ReviewRequest.objects.get().state == "in_review"
    [to_reviewer] = mail.outbox
    assert to_reviewer.to == ["reviewer@clinic.example"] and "waiting for your medical review" in to_reviewer.subject
    assert f"/admin/articles/article/{article.pk}/change/" in to_reviewer.body

    assert "In review" in editor.get(reverse("admin:articles_article_changelist")).content.decode()
    form_page = reviewer.get(change(article)).content.decode()
    assert "Approve: record medical review" in form_page and "Request changes" in form_page

    review(reviewer, article, reviewed_by=ClinicianFactory._meta.model.objects.get().pk,
           last_reviewed=timezone.localdate().strftime("%d/%m/%Y"))
    assert not ReviewRequest.objects.exists()
    assert mail.outbox[-1].to == ["editor@clinic.example"] and "ready to publish" in mail.outbox[-1].subject

    editor.post(reverse("admin:articles_article_changelist"), {"action": "publish", "_selected_action": [article.pk]})
    assert client.get("/blog/fillers/").status_code == 200


def test_a_reviewer_asks_for_changes_and_the_author_reads_why(team):
    author, author_user, reviewer, _ = team
    article = ArticleFactory(slug="fillers", status=Status.DRAFT)
    author.post(change(article), article_form(slug="fillers",
                                              edit_version=article.updated_at.isoformat(), _submit_review="1"))
    url = reverse("admin:articles_article_request_changes", args=[article.pk])
    refused = reviewer.post(url, {"comment": "  "})
    assert refused.status_code == 200 and "This field is required." in refused.content.decode()
    reviewer.post(url, {"comment": "Say that bruising can last two weeks."})
    assert ReviewRequest.objects.get().state == "changes_requested"
    assert mail.outbox[-1].to == ["author@clinic.example"] and "Changes requested" in mail.outbox[-1].subject
    assert "bruising" not in mail.outbox[-1].body  # the comment stays in the admin
    assert "Say that bruising can last two weeks." in author.get(change(article)).content.decode()


def test_only_reviewers_ask_for_changes(team):
    author, author_user, _, editor = team
    article = ArticleFactory(status=Status.DRAFT)
    url = reverse("admin:articles_article_request_changes", args=[article.pk])
    assert author.post(url, {"comment": "Looks fine to me"}).status_code == 403
    assert editor.post(url, {"comment": "Looks fine to me"}).status_code == 403
    assert not ReviewRequest.objects.exists()


def test_submitting_a_live_pages_changes_keeps_them_in_the_draft(team, client):
    author, author_user, _, _ = team
    article = ArticleFactory(slug="fillers", body="<p>Live words.</p>")
    author.post(change(article), article_form(slug="fillers", status=Status.PUBLISHED,
                                              body="<p>Proposed words.</p>",
                                              edit_version=article.updated_at.isoformat(), _submit_review="1"))
    assert ReviewRequest.objects.get().state == "in_review"
    assert "Live words." in client.get("/blog/fillers/").content.decode()

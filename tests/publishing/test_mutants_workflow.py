"""What the review workflow's surviving mutants showed untested (publishing/admin/workflow.py): submitting for
review, recording a review or asking for changes, the review gate on publishing, preview links."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from publishing.models import ReviewRequest, Status
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory
from tests.publishing.test_roles import member_of
from tests.publishing.test_working_drafts import version_in_form

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
    response = author.post(change(article), article_form(
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

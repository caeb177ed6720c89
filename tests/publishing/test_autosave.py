"""What staff type is kept on the server every few seconds, offered back, and gone once they save."""

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from publishing.models import Autosave, Status
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, UserFactory
from tests.publishing.test_roles import member_of

pytestmark = pytest.mark.django_db
TYPED = {"title": ["Half-written title"], "body": ["<p>Three paragraphs of careful advice.</p>"]}


def autosave_url(page=None):
    return reverse("admin:articles_article_autosave", args=[page.pk if page else "new"])


def keep(client, url, fields=TYPED):
    return client.post(url, json.dumps({"fields": fields}), content_type="application/json")


def test_typing_is_kept_and_offered_back_when_the_form_is_opened_again(editor_client):
    draft = ArticleFactory(status=Status.DRAFT)
    assert keep(editor_client, autosave_url(draft)).status_code == 200
    html = editor_client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    assert "Three paragraphs of careful advice." in html  # in the data the form offers to restore
    assert 'id="autosave-restore"' in html


def test_saving_the_page_discards_what_was_kept(editor_client):
    draft = ArticleFactory(status=Status.DRAFT)
    keep(editor_client, autosave_url(draft))
    response = editor_client.post(
        reverse("admin:articles_article_change", args=[draft.pk]),
        article_form(author=draft.author_id, slug=draft.slug, edit_version=draft.updated_at.isoformat()),
    )
    assert response.status_code == 302
    assert not Autosave.objects.exists()


def test_a_new_page_that_was_never_saved_keeps_its_typing_too(editor_client):
    assert keep(editor_client, autosave_url()).status_code == 200
    html = editor_client.get(reverse("admin:articles_article_add")).content.decode()
    assert "Half-written title" in html


def test_one_persons_typing_is_never_shown_to_another(editor_client):
    draft = ArticleFactory(status=Status.DRAFT)
    keep(editor_client, autosave_url(draft))
    other = Client()
    other.force_login(UserFactory(username="other-editor", is_superuser=True))
    html = other.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    assert "Three paragraphs" not in html


def test_an_author_cannot_keep_text_for_a_scheduled_page_and_front_desk_for_any():
    scheduled = ArticleFactory(publish_at=timezone.now() + timedelta(days=1))
    author, _ = member_of("Author")
    assert keep(author, autosave_url(scheduled)).status_code == 403
    front_desk, _ = member_of("Front desk")
    assert keep(front_desk, autosave_url(ArticleFactory(status=Status.DRAFT))).status_code == 403
    assert not Autosave.objects.exists()


def test_a_signed_out_request_is_sent_to_sign_in_and_keeps_nothing(client):
    draft = ArticleFactory(status=Status.DRAFT)
    response = keep(client, autosave_url(draft))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not Autosave.objects.exists()


@pytest.mark.parametrize("body", ["not json", json.dumps({"fields": {"title": "not a list"}}), json.dumps([1])])
def test_malformed_data_is_refused_with_a_message(editor_client, body):
    response = editor_client.post(autosave_url(ArticleFactory(status=Status.DRAFT)), body,
                                  content_type="application/json")
    assert response.status_code == 400 and "fields" in response.json()["error"]


def test_a_flood_is_refused(editor_client):
    huge = {"body": ["x" * 2_100_000]}
    response = keep(editor_client, autosave_url(ArticleFactory(status=Status.DRAFT)), huge)
    assert response.status_code == 413 and "save the page" in response.json()["error"]


def test_only_post_is_accepted(editor_client):
    assert editor_client.get(autosave_url(ArticleFactory(status=Status.DRAFT))).status_code == 405

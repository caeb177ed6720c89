"""Two editors saving the same page at the same moment: exactly one save wins, the other is told and keeps
their text; two servers publishing scheduled changes at once share them out. SQLite runs one write at a time
anyway; PostgreSQL needs the row locks, so this runs there (CI)."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from publishing.drafts import publish_due_changes
from publishing.models import PageDraft, Status
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, UserFactory
from tests.publishing.test_scheduled_changes import schedule

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL (CI runs it)"),
]
ROUNDS = 5


def save_together(clients, url, forms):
    """POST each form with its client, all released at once; returns the responses in order."""
    start = threading.Barrier(len(clients))
    responses = [None] * len(clients)

    def save(index):
        try:
            start.wait()
            responses[index] = clients[index].post(url, forms[index])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(index,)) for index in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return responses


def test_of_two_simultaneous_saves_exactly_one_wins_and_the_other_keeps_its_text():
    clients = []
    for name in ("ana", "ben"):
        client = Client()
        client.force_login(UserFactory(username=name, first_name=name.title(), is_superuser=True))
        clients.append(client)
    article = ArticleFactory(title="Original", status=Status.DRAFT)
    url = reverse("admin:articles_article_change", args=[article.pk])
    for round_ in range(ROUNDS):
        opened = Article.objects.get().updated_at.isoformat()  # both opened the same version
        forms = [
            article_form(author=article.author_id, slug=article.slug, title=f"{name} {round_}",
                         body=f"<p>{name}'s paragraph {round_}.</p>", edit_version=opened)
            for name in ("Ana", "Ben")
        ]
        responses = save_together(clients, url, forms)
        statuses = sorted(response.status_code for response in responses)
        assert statuses == [200, 302], f"round {round_}: both saves were accepted, one silently lost"
        loser = next(response for response in responses if response.status_code == 200).content.decode()
        assert "saved this page on" in loser and "paragraph" in loser
        winner = forms[[response.status_code for response in responses].index(302)]["title"]
        assert Article.objects.get().title == winner


def test_a_server_publishing_scheduled_changes_skips_the_one_another_server_is_publishing(editor_client):
    """Two servers reaching a scheduled time together: each publishes what the other has not taken, and neither
    holds up its patient's request waiting for the other's lock (publish_due_changes runs on requests)."""
    peels, fillers = ArticleFactory(slug="peels"), ArticleFactory(slug="fillers")
    when = timezone.localtime() + timedelta(hours=1)
    for article in (peels, fillers):
        assert schedule(editor_client, article, when, body="<p>New advice.</p>").status_code == 302
    taken, finished = threading.Event(), threading.Event()

    def other_server_publishing_peels():
        try:
            with transaction.atomic():
                PageDraft.objects.select_for_update().get(object_id=peels.pk)
                taken.set()
                finished.wait(timeout=30)
        finally:
            connections.close_all()

    other = threading.Thread(target=other_server_publishing_peels)
    other.start()
    try:
        assert taken.wait(timeout=10)
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '3s'")  # waiting for the other server's lock would fail here
        with time_machine.travel(when + timedelta(minutes=1)):
            assert publish_due_changes() == 1
        assert Article.objects.get(pk=fillers.pk).body == "<p>New advice.</p>"
        assert Article.objects.get(pk=peels.pk).body != "<p>New advice.</p>"  # the other server's to publish
    finally:
        finished.set()
        other.join(timeout=30)
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")
    with time_machine.travel(when + timedelta(minutes=2)):
        assert publish_due_changes() == 1  # had the other server failed, its change still goes live
    assert Article.objects.get(pk=peels.pk).body == "<p>New advice.</p>"

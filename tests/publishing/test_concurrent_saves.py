"""Two editors saving the same page at the same moment: exactly one save wins, the other is told and keeps
their text. SQLite runs one write at a time anyway; PostgreSQL needs the row lock, so this runs there (CI)."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from articles.models import Article
from publishing.models import Status
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, UserFactory

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

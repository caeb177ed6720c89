"""The page cache at its edges: shared parts of pages kept per content version and for their lifetime, query
parameters that the page depends on, the feed sent in one piece. Written for the mutants mutation testing found
alive in publishing/cache.py (docs/testing.md)."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import timezone

from publishing.cache import for_this_version
from publishing.models import MediaCheck
from tests.factories import ArticleFactory
from tests.publishing.test_scheduled_changes import schedule

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.CLINIC_PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def public_request(version, seconds=60):
    request = RequestFactory().get("/blog/")
    request.content_version, request.fragment_seconds = version, seconds
    return request


def test_a_shared_part_is_worked_out_once_per_content_version_and_kept_for_its_lifetime():
    calls = []

    def count():
        calls.append(1)
        return len(calls)

    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert for_this_version(public_request(7), "categories", count) == 1
        assert for_this_version(public_request(7), "categories", count) == 1  # kept
        assert for_this_version(public_request(8), "categories", count) == 2  # content changed
    with time_machine.travel(start + timedelta(seconds=59), tick=False):
        assert for_this_version(public_request(8), "categories", count) == 2
    with time_machine.travel(start + timedelta(seconds=61), tick=False):
        assert for_this_version(public_request(8), "categories", count) == 3  # its lifetime is over
    assert for_this_version(public_request(8, seconds=0), "categories", count) == 4  # staff: never kept


def test_the_feed_is_sent_in_one_piece(client):
    for n in range(3):
        ArticleFactory(title=f"Article {n}")
    response = client.get("/blog/feed/")
    pieces = list(response)
    assert len(pieces) == 1 and pieces[0].startswith(b"<?xml") and b"Article 2" in pieces[0]


def test_a_tracking_code_beside_a_search_leaves_the_search_as_typed(client):
    ArticleFactory(title="Botox explained")
    html = client.get("/search/?q=botox&utm_source=newsletter").content.decode()
    assert "Botox explained" in html
    assert 'value="botox"' in html


def test_the_same_parameters_in_another_order_are_the_same_cached_page(client):
    ArticleFactory(slug="a")
    assert client.get("/blog/a/?x=1&y=1")["X-Page-Cache"] == "miss"
    assert client.get("/blog/a/?y=1&x=1")["X-Page-Cache"] == "hit"
    assert client.get("/blog/a/?x=2&y=1")["X-Page-Cache"] == "miss"


def test_a_page_going_live_after_another_is_listed_at_once(client):
    start = timezone.now()
    MediaCheck.objects.create(pk=1, checked_until=start)  # as any committed save leaves it (tests' saves never commit)
    ArticleFactory(title="First news", publish_at=start + timedelta(minutes=1))
    with time_machine.travel(start, tick=False):
        client.get("/blog/")
    with time_machine.travel(start + timedelta(minutes=2), tick=False):
        assert "First news" in client.get("/blog/").content.decode()  # went live: kept, nothing else scheduled
        ArticleFactory(title="Second news", publish_at=start + timedelta(minutes=4))
    with time_machine.travel(start + timedelta(minutes=5), tick=False):
        html = client.get("/blog/").content.decode()
    assert "First news" in html and "Second news" in html


def test_scheduled_changes_go_live_on_a_staff_request_when_no_patient_visits(editor_client):
    article = ArticleFactory(slug="peels", title="Chemical peels", body="<p>Old advice.</p>")
    editor_client.get("/admin/")  # the next change is looked up: nothing scheduled yet
    when = timezone.localtime() + timedelta(hours=1)
    assert schedule(editor_client, article, when, body="<p>New advice.</p>").status_code == 302
    with time_machine.travel(when + timedelta(minutes=1)):
        editor_client.get("/admin/")
        article.refresh_from_db()
    assert article.body == "<p>New advice.</p>"


def test_a_cached_page_is_kept_for_the_page_cache_lifetime_then_made_again(client, settings):
    settings.CLINIC_PAGE_CACHE_SECONDS = 60
    ArticleFactory(slug="a")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert client.get("/blog/a/")["X-Page-Cache"] == "miss"
    with time_machine.travel(start + timedelta(seconds=59), tick=False):
        assert client.get("/blog/a/")["X-Page-Cache"] == "hit"
    with time_machine.travel(start + timedelta(seconds=61), tick=False):
        assert client.get("/blog/a/")["X-Page-Cache"] == "miss"


def test_a_head_request_is_answered_from_the_cache(client):
    ArticleFactory(slug="a")
    client.get("/blog/a/")
    assert client.head("/blog/a/")["X-Page-Cache"] == "hit"

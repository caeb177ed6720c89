"""The content version every request asks for: on PostgreSQL announced by the database (LISTEN/NOTIFY) so a
page-cache hit costs no round trip, yet every server hears of a change as it commits, and never of one
rolled back."""

import time

import pytest
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext

from publishing.models import ContentVersion

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="LISTEN/NOTIFY is PostgreSQL's (CI runs it)"),
]


@pytest.fixture(autouse=True)
def the_row():
    ContentVersion.bump()  # transactional tests start from empty tables


@pytest.fixture
def other_server():
    """A second connection, as another worker or server has."""
    other = connections.create_connection("default")
    yield other
    other.close()


def bump_on(other):
    with other.cursor() as cursor:  # as ContentVersion.bump() does, on the other connection
        cursor.execute("UPDATE publishing_contentversion SET version = version + 7 WHERE id = 1")
        cursor.execute("SELECT version FROM publishing_contentversion WHERE id = 1")
        version = cursor.fetchone()[0]
        cursor.execute("SELECT pg_notify(%s, %s)", [ContentVersion.CHANNEL, str(version)])
    return version


def test_a_change_committed_elsewhere_is_heard_without_asking_the_database(other_server):
    before = ContentVersion.current()
    with CaptureQueriesContext(connection) as queries:
        assert ContentVersion.current() == before
    assert len(queries) == 0  # listened, not read
    changed = bump_on(other_server)
    assert heard_within_a_second(changed)


def heard_within_a_second(version):
    """The announcement travels from the other connection's server process to this one: microseconds, but
    not nothing (and well inside the 2 seconds after which the number would be read)."""
    deadline = time.monotonic() + 1
    while ContentVersion.current() != version:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_a_change_rolled_back_is_never_heard(other_server):
    before = ContentVersion.current()
    other_server.set_autocommit(False)
    bump_on(other_server)
    other_server.rollback()
    other_server.set_autocommit(True)
    assert ContentVersion.current() == before


def test_bumping_announces_the_new_number_to_everyone():
    listener = connections.create_connection("default")
    try:
        with listener.cursor() as cursor:
            cursor.execute(f"LISTEN {ContentVersion.CHANNEL}")
        ContentVersion.bump()
        heard = [int(notice.payload) for notice in listener.connection.notifies(timeout=1, stop_after=1)]
        assert heard == [ContentVersion.current()]
    finally:
        listener.close()


def later(monkeypatch):
    """The moment the version is next confirmed by reading it."""
    clock = time.monotonic() + ContentVersion.CONFIRM_SECONDS + 1
    monkeypatch.setattr("publishing.models.time.monotonic", lambda: clock)


def test_a_connection_the_database_dropped_is_replaced_within_seconds(other_server, monkeypatch):
    ContentVersion.current()
    pid = connection.connection.info.backend_pid
    with other_server.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])  # waits until it is gone
    changed = bump_on(other_server)
    later(monkeypatch)
    assert ContentVersion.current() == changed
    assert connection.connection.info.backend_pid != pid


def test_a_connection_that_hears_nothing_is_still_right_within_seconds(other_server, monkeypatch):
    ContentVersion.current()
    with connection.cursor() as cursor:
        cursor.execute(f"UNLISTEN {ContentVersion.CHANNEL}")  # as if announcements were lost
    changed = bump_on(other_server)
    assert ContentVersion.current() != changed  # deaf
    later(monkeypatch)
    assert ContentVersion.current() == changed


def test_inside_a_transaction_its_own_change_is_seen():
    with transaction.atomic():
        ContentVersion.bump()
        inside = ContentVersion.current()
        with connection.cursor() as cursor:
            cursor.execute("SELECT version FROM publishing_contentversion WHERE id = 1")
            assert inside == cursor.fetchone()[0]

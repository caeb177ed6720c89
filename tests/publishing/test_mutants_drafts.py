"""Scheduled changes as they go live (publishing.drafts.publish_due_changes): how many, and who they are put down to.
Written for the mutants mutation testing found alive in publishing/drafts.py (docs/testing.md)."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from reversion.models import Version

from publishing.drafts import publish_due_changes
from tests.factories import ArticleFactory
from tests.publishing.test_scheduled_changes import schedule

pytestmark = pytest.mark.django_db


def test_publishing_due_changes_counts_them_and_puts_them_down_to_whoever_scheduled_them(editor_client, editor):
    first = ArticleFactory(slug="peels", body="<p>Old advice.</p>")
    second = ArticleFactory(slug="fillers", body="<p>Old advice.</p>")
    when = timezone.localtime() + timedelta(hours=1)
    for article in (first, second):
        assert schedule(editor_client, article, when, body="<p>New advice.</p>").status_code == 302
    assert publish_due_changes() == 0  # not yet
    with time_machine.travel(when + timedelta(minutes=1)):
        assert publish_due_changes() == 2
    first.refresh_from_db()
    assert first.body == "<p>New advice.</p>" and first.updated_by == editor
    assert Version.objects.get_for_object(first).first().revision.user == editor

"""Working drafts and scheduled changes as they go live (publishing.drafts): how many, who they are put down to,
what they remove, and the keys of new items.
Written for the mutants mutation testing found alive in publishing/drafts.py (docs/testing.md)."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.utils import timezone
from reversion.models import Version

from publishing.drafts import publish_due_changes
from publishing.models import Status
from tests.factories import ArticleFactory, FAQFactory, TreatmentFactory
from tests.publishing.test_scheduled_changes import schedule
from tests.publishing.test_working_drafts import PUBLISH, change_url, version_in_form
from tests.treatments.test_admin import treatment_form
from treatments.models import FAQ

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


def test_the_first_faq_a_fresh_database_ever_has_added_through_a_working_draft_never_takes_another_faqs_key(
        editor_client, client):
    # A database fresh from migrate has no SQLite sequence row for the FAQ table until a first FAQ is saved;
    # the test database has one (seq 0), so take it away. The draft's FAQ is saved and rolled back, so its key
    # must be put down as taken, or the next FAQ added takes it and publishing the draft overwrites that one.
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [FAQ._meta.db_table])
    botox = TreatmentFactory(slug="botox")
    form = treatment_form(faqs=[("", "How long does it take?", "Fifteen minutes.", 1)], status=Status.PUBLISHED,
                          edit_version=botox.updated_at.isoformat())
    assert editor_client.post(change_url(botox), form).status_code == 302
    other = FAQFactory(treatment=TreatmentFactory(slug="rhinoplasty"), question="Is it painful?")
    draft_page = editor_client.get(change_url(botox)).content.decode()
    new_faq_id = int(draft_page.split('name="faqs-0-id" value="')[1].split('"')[0])
    assert new_faq_id != other.pk
    publish = treatment_form(existing_faqs=[(new_faq_id, "How long does it take?", "Fifteen minutes.", 1)],
                             status=Status.PUBLISHED, edit_version=version_in_form(editor_client, botox), **PUBLISH)
    assert editor_client.post(change_url(botox), publish).status_code == 302
    assert "Is it painful?" in client.get("/treatments/rhinoplasty/").content.decode()
    assert "How long does it take?" in client.get("/treatments/botox/").content.decode()
    assert FAQ.objects.count() == 2


def test_a_scheduled_change_that_removes_an_faq_removes_it_when_it_goes_live(editor_client, client):
    treatment = TreatmentFactory(slug="botox", status=Status.PUBLISHED)
    kept = FAQFactory(treatment=treatment, question="Does it hurt?")
    dropped = FAQFactory(treatment=treatment, question="Is it permanent?")
    when = timezone.localtime() + timedelta(hours=1)
    form = treatment_form(
        existing_faqs=[(kept.pk, kept.question, "A sharp scratch.", 1), (dropped.pk, dropped.question, "No.", 2)],
        status=Status.PUBLISHED, edit_version=treatment.updated_at.isoformat(), _schedule_changes="Schedule changes",
        changes_go_live_at_0=when.strftime("%d/%m/%Y"), changes_go_live_at_1=when.strftime("%H:%M:%S"),
    )
    form["faqs-1-DELETE"] = "on"
    assert editor_client.post(change_url(treatment), form).status_code == 302
    assert "Is it permanent?" in client.get("/treatments/botox/").content.decode()  # not yet
    with time_machine.travel(when + timedelta(minutes=1)):
        assert publish_due_changes() == 1
        public = client.get("/treatments/botox/").content.decode()
    assert "Does it hurt?" in public and "Is it permanent?" not in public
    assert list(treatment.faqs.values_list("question", flat=True)) == ["Does it hurt?"]

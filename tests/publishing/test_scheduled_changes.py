"""Changes to a live page can be scheduled: patients see the live page until the time comes, then the
changes, with nothing to run."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from reversion.models import Version

from publishing.models import PageDraft
from search.engine import search_site
from tests.factories import ArticleFactory
from tests.publishing.test_roles import member_of
from tests.publishing.test_working_drafts import change_url, draft_form

pytestmark = pytest.mark.django_db


def schedule(client, article, when, **changes):
    return client.post(change_url(article), draft_form(article, **changes, _schedule_changes="Schedule changes",
                                                       changes_go_live_at_0=when.strftime("%d/%m/%Y"),
                                                       changes_go_live_at_1=when.strftime("%H:%M:%S")))


def test_scheduled_changes_go_live_at_their_time(editor_client, client, settings):
    settings.CLINIC_PAGE_CACHE_SECONDS = 600
    article = ArticleFactory(slug="peels", title="Chemical peels", body="<p>Old advice.</p>")
    when = timezone.localtime() + timedelta(days=1)
    assert schedule(editor_client, article, when, body="<p>New advice about sunscreen.</p>").status_code == 302
    assert PageDraft.objects.get().go_live_at is not None
    assert "Old advice." in client.get("/blog/peels/").content.decode()  # and now cached
    assert "changes go live" in editor_client.get("/admin/articles/article/").content.decode()
    with time_machine.travel(when + timedelta(minutes=1)):
        assert "New advice about sunscreen." in client.get("/blog/peels/").content.decode()
        assert [page.slug for page in search_site("sunscreen")] == ["peels"]
        assert not PageDraft.objects.exists()
        comments = [v.revision.comment for v in Version.objects.get_for_object(article)]
        assert "The scheduled changes were published." in comments


@pytest.mark.parametrize("when", [None, timezone.localtime() - timedelta(hours=1)])
def test_a_schedule_needs_a_time_in_the_future(editor_client, when):
    article = ArticleFactory(body="<p>Old advice.</p>")
    form = draft_form(article, body="<p>New advice.</p>", _schedule_changes="Schedule changes")
    if when:
        form.update(changes_go_live_at_0=when.strftime("%d/%m/%Y"), changes_go_live_at_1=when.strftime("%H:%M:%S"))
    response = editor_client.post(change_url(article), form)
    assert response.status_code == 200 and "a date and time in the future" in response.content.decode()
    assert not PageDraft.objects.exists()


def test_authors_cannot_schedule_changes(client):
    author, _ = member_of("Author")
    article = ArticleFactory(slug="peels", body="<p>Old advice.</p>")
    response = schedule(author, article, timezone.localtime() + timedelta(minutes=5), body="<p>Forged.</p>")
    assert response.status_code == 403 and not PageDraft.objects.exists()


def test_editing_a_scheduled_draft_cancels_its_schedule_and_says_so(editor_client):
    article = ArticleFactory(body="<p>Old advice.</p>")
    schedule(editor_client, article, timezone.localtime() + timedelta(days=1), body="<p>Checked advice.</p>")
    author, _ = member_of("Author")
    edit_version = editor_client.get(change_url(article)).content.decode().split(
        'name="edit_version" value="')[1].split('"')[0]
    response = author.post(change_url(article), draft_form(article, body="<p>Unchecked advice.</p>",
                                                           edit_version=edit_version), follow=True)
    assert "scheduled publication was cancelled" in response.content.decode()
    assert PageDraft.objects.get().go_live_at is None

"""The audit log: superusers read who signed in (or failed to), changed, published, reviewed or overrode what, who
opened or exported enquiries, and every backup; nobody else reaches it, and nothing can be changed through it."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from axes.models import AccessLog
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from reversion.models import Revision

from audit.models import BackupRun
from claims.models import ClaimOverride
from enquiries.models import Enquiry, EnquiryAccess
from publishing.models import Status
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, ClinicianFactory, TreatmentFactory, UserFactory
from tests.publishing.test_medical_review import publish
from tests.publishing.test_roles import member_of, review
from tests.publishing.test_working_drafts import version_in_form

pytestmark = pytest.mark.django_db
AUDIT = reverse("audit-log")
PASSWORD = "a-long-test-password"
SUMMER_MORNING = datetime(2026, 7, 1, 8, 0, tzinfo=UTC)  # 09:00 in London (BST)


def at(minutes):
    """A moment `minutes` after SUMMER_MORNING, with the clock stopped there."""
    return time_machine.travel(SUMMER_MORNING + timedelta(minutes=minutes), tick=False)


@pytest.fixture
def superuser():
    user = UserFactory(username="owner", is_superuser=True, password=PASSWORD)
    client = Client()
    client.force_login(user)
    return client


def rows(response):
    """The audit table's rows as text, one string a row, top to bottom."""
    assert response.status_code == 200
    body = re.search(r"<tbody>(.*)</tbody>", response.content.decode(), re.S).group(1)
    return [" ".join(strip_tags(row).split()) for row in body.split("</tr>") if strip_tags(row).strip()]


def sign_in(address, username, password):
    return Client(REMOTE_ADDR=address).post(
        reverse("admin:login"), {"username": username, "password": password, "next": "/admin/"}
    )


def make_enquiry():
    return Enquiry.objects.create(name="Jane Patient", email="jane@example.com", confirmed_adult=True,
                                  consented_at=timezone.now())


# Who may see it.

@pytest.mark.parametrize("role", ["Editor", "Author", "Clinical reviewer", "Front desk"])
def test_staff_in_every_role_are_refused(role):
    client, _ = member_of(role)
    assert client.get(AUDIT).status_code == 403
    assert client.get(AUDIT, {"kind": "sign-in"}).status_code == 403
    assert client.post(AUDIT).status_code == 403


def test_anonymous_visitors_and_non_staff_are_sent_to_sign_in():
    for client in (Client(), signed_in_as(UserFactory(username="patient", is_staff=False))):
        response = client.get(AUDIT)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('admin:login')}?next={AUDIT}"


def signed_in_as(user):
    client = Client()
    client.force_login(user)
    return client


def test_an_inactive_superuser_is_refused():
    user = UserFactory(username="former", is_superuser=True)
    client = signed_in_as(user)
    user.is_active = False
    user.save()
    assert client.get(AUDIT).status_code != 200


def test_a_superuser_reads_it_and_the_admin_home_links_to_it_for_superusers_only(superuser):
    response = superuser.get(AUDIT)
    assert response.status_code == 200 and "<h1>Audit log</h1>" in response.content.decode()
    assert f'href="{AUDIT}"' in superuser.get(reverse("admin:index")).content.decode()
    editor, _ = member_of("Editor")
    assert AUDIT not in editor.get(reverse("admin:index")).content.decode()


def test_nothing_can_be_changed_through_it(superuser):
    BackupRun.objects.create(action=BackupRun.Action.BACKUP, path="/srv/backups/a.tar.gz.enc", encrypted=True)
    make_enquiry()
    EnquiryAccess.objects.create(user=UserFactory(), action=EnquiryAccess.Action.VIEWED,
                                 enquiry=Enquiry.objects.get())
    before = (BackupRun.objects.count(), EnquiryAccess.objects.count(), AccessLog.objects.count())
    for method in (superuser.post, superuser.put, superuser.delete, superuser.patch):
        assert method(AUDIT, {"action": "delete_selected"}).status_code == 405
    assert (BackupRun.objects.count(), EnquiryAccess.objects.count(), AccessLog.objects.count()) == before
    # The backup records have no admin pages of their own: no list, add, change, delete or history to reach.
    run = BackupRun.objects.get()
    for path in ("backuprun/", "backuprun/add/", f"backuprun/{run.pk}/change/", f"backuprun/{run.pk}/delete/",
                 f"backuprun/{run.pk}/history/"):
        assert superuser.get(f"/admin/audit/{path}").status_code == 404
        assert superuser.post(f"/admin/audit/{path}", {"post": "yes"}).status_code == 404
    assert BackupRun.objects.count() == 1


def test_a_backup_record_is_never_rewritten():
    run = BackupRun.objects.create(action=BackupRun.Action.BACKUP, path="/srv/backups/a.tar.gz")
    run.path = "/elsewhere.tar.gz"
    with pytest.raises(ValueError, match="never changed"):
        run.save()
    assert BackupRun.objects.get().path == "/srv/backups/a.tar.gz"


# What it shows.

@pytest.fixture
def a_morning_at_the_clinic(settings):
    """Each kind of event, a minute apart, through the site itself."""
    settings.AXES_FAILURE_LIMIT = 2
    settings.CLINIC_REVIEW_REQUIRED_FOR = []
    UserFactory(username="nurse", password=PASSWORD)
    with at(1):
        sign_in("203.0.113.5", "nurse", "guess")
    with at(2):
        sign_in("203.0.113.5", "nurse", "guess again")  # the second failure locks
    with at(3):
        sign_in("203.0.113.9", "admin", "password")  # no such account
    with at(4):
        assert sign_in("198.51.100.7", "owner", PASSWORD).status_code == 302
    with at(5):
        editor, _ = member_of("Editor", "ed")
        article = ArticleFactory(slug="symmetry", title="Botox for symmetry", status=Status.DRAFT)
        editor.post(reverse("admin:articles_article_changelist"),
                    {"action": "publish", "_selected_action": [article.pk]})
    with at(6):
        reviewer, user = member_of("Clinical reviewer", "dr-shah")
        clinician = ClinicianFactory(name="Dr Amira Shah", user=user)
        review(reviewer, article, reviewed_by=clinician.pk, last_reviewed=timezone.localdate().strftime("%d/%m/%Y"))
    with at(7):
        ClaimOverride.objects.create(page=article, rule_id="absolute-safety", reason="Quoted from a complaint.",
                                     overridden_by=UserFactory(username="ed"))
    with at(8):
        front_desk, _ = member_of("Front desk", "desk")
        enquiry = make_enquiry()
        front_desk.get(reverse("admin:enquiries_enquiry_change", args=[enquiry.pk]))
    with at(9):
        front_desk.post(reverse("admin:enquiries_enquiry_changelist"),
                        {"action": "export_csv", "_selected_action": [enquiry.pk]})
    with at(10):
        doomed = ArticleFactory(slug="old-offer", title="Old summer offer", status=Status.DRAFT)
        editor.post(reverse("admin:articles_article_delete", args=[doomed.pk]), {"post": "yes"})
    with at(11):  # as `manage.py backup` does (tests/clinic_site/test_backup.py runs the command)
        BackupRun.record(BackupRun.Action.BACKUP, "/srv/backups/nightly.tar.gz", encrypted=False, objects=9, files=2)
    return article, enquiry


def test_every_kind_of_event_is_listed_newest_first_in_the_site_time_zone(superuser, a_morning_at_the_clinic):
    article, enquiry = a_morning_at_the_clinic
    listed = [row for row in rows(superuser.get(AUDIT)) if "1 Jul 2026" in row]
    times = [row.split(" BST ")[0] for row in listed]
    assert times == sorted(times, reverse=True) and times[0] == "1 Jul 2026, 09:11:00"
    text = "\n".join(listed)
    assert re.search(r"09:11:00 BST \S+ server account Backup or restore Backup written \(not encrypted\): 9 database "
                     r"objects, 2 files. /srv/backups/nightly.tar.gz", text)
    assert re.search(r"09:10:00 BST ed Change or publishing Deleted article\S* Old summer offer", text)
    assert re.search(r"09:09:00 BST desk Enquiry access Exported 1 enquiries to CSV", text)
    assert re.search(rf"09:08:00 BST desk Enquiry access Opened an enquiry. Enquiry #{enquiry.pk}", text)
    assert "Jane" not in text  # the patient's name stays out of the log
    assert re.search(r"09:07:00 BST ed Rule override Published despite advertising rule absolute-safety. "
                     r"Reason: Quoted from a complaint. Botox for symmetry", text)
    assert re.search(r"09:06:00 BST dr-shah Medical review Medical review recorded: Dr Amira Shah", text)
    assert re.search(r"09:05:00 BST ed Change or publishing Published with the list action. Botox for symmetry", text)
    assert re.search(r"09:04:00 BST owner Sign-in Signed in. 198.51.100.7", text)
    assert re.search(r"09:03:00 BST admin no such account Failed sign-in .* 203.0.113.9", text)
    assert re.search(r"09:02:00 BST nurse Lockout Sign-in refused and locked out.* 203.0.113.5", text)
    assert re.search(r"09:01:00 BST nurse Failed sign-in Sign-in refused: wrong username or password. 203.0.113.5",
                     text)


def test_objects_are_linked_while_they_exist(superuser, a_morning_at_the_clinic):
    article, enquiry = a_morning_at_the_clinic
    html = superuser.get(AUDIT).content.decode()
    assert f'<a href="{reverse("admin:articles_article_change", args=[article.pk])}">Botox for symmetry</a>' in html
    assert f'<a href="{reverse("admin:enquiries_enquiry_change", args=[enquiry.pk])}">Enquiry #{enquiry.pk}</a>' in html
    assert "<td>Old summer offer</td>" in html  # deleted: named, not linked
    article.delete()
    html = superuser.get(AUDIT).content.decode()
    assert "Botox for symmetry" in html and reverse("admin:articles_article_change", args=[article.pk]) not in html


def test_an_admin_save_of_a_page_is_listed_once(superuser, editor_client):
    article = ArticleFactory(slug="once", title="Saved once", status=Status.DRAFT)
    data = article_form(author=article.author.pk, title="Saved once, renamed", slug="once", status=Status.DRAFT,
                        edit_version=version_in_form(editor_client, article))
    assert editor_client.post(reverse("admin:articles_article_change", args=[article.pk]), data).status_code == 302
    assert LogEntry.objects.count() == 1 and Revision.objects.count() == 1  # both kept, shown once
    listed = [row for row in rows(superuser.get(AUDIT, {"kind": "change"})) if "renamed" in row]
    assert len(listed) == 1 and "Changed Title" in listed[0]


def test_filters_by_person_kind_and_date_range(superuser, a_morning_at_the_clinic):
    nurse = rows(superuser.get(AUDIT, {"person": "Nurse"}))  # as typed, any case
    assert len(nurse) == 2 and all(" nurse " in row for row in nurse)
    lockouts = rows(superuser.get(AUDIT, {"kind": "lockout"}))
    assert len(lockouts) == 1 and "locked out" in lockouts[0]
    with at(60 * 24 * 3):
        BackupRun.record(BackupRun.Action.BACKUP, "/srv/later.tar.gz.enc", encrypted=True, files=0, objects=1)
    on_the_day = rows(superuser.get(AUDIT, {"since": "2026-07-01", "until": "2026-07-01"}))
    assert on_the_day and all("1 Jul 2026" in row for row in on_the_day)
    assert not any("later.tar.gz" in row for row in on_the_day)
    later = rows(superuser.get(AUDIT, {"since": "2026-07-02", "kind": "backup"}))
    assert len(later) == 1 and "later.tar.gz.enc" in later[0] and "(encrypted)" in later[0]
    assert rows(superuser.get(AUDIT, {"person": "nurse", "kind": "backup"})) == ["No events match these filters."]


def test_a_day_is_the_site_s_day(superuser):
    """Just after midnight in London is still the day before in UTC."""
    with time_machine.travel(datetime(2026, 7, 1, 23, 30, tzinfo=UTC), tick=False):  # 00:30 on 2 July in London
        BackupRun.record(BackupRun.Action.BACKUP, "/srv/after-midnight.tar.gz", encrypted=False, files=0)
    assert "after-midnight" in "".join(rows(superuser.get(AUDIT, {"since": "2026-07-02", "until": "2026-07-02"})))
    assert "after-midnight" not in "".join(rows(superuser.get(AUDIT, {"until": "2026-07-01"})))


def test_bad_filter_values_are_explained_not_obeyed(superuser):
    BackupRun.record(BackupRun.Action.BACKUP, "/srv/a.tar.gz", encrypted=False, files=0)
    response = superuser.get(AUDIT, {"since": "yesterday", "until": "2026-07-01"})
    assert "From: Enter a valid date." in response.content.decode()
    response = superuser.get(AUDIT, {"since": "2026-07-05", "until": "2026-07-01"})
    assert "The end date is before the start date." in response.content.decode()
    assert any("a.tar.gz" in row for row in rows(response))  # not filtered by the wrong end date
    assert superuser.get(AUDIT, {"kind": "everything"}).status_code == 200


def test_long_logs_are_paged_and_pages_keep_the_filters(superuser):
    start = timezone.now() - timedelta(days=1)
    BackupRun.objects.bulk_create(
        BackupRun(action=BackupRun.Action.BACKUP, path=f"/srv/b{n:03}.tar.gz", at=start + timedelta(minutes=n))
        for n in range(120)
    )
    first = rows(superuser.get(AUDIT, {"kind": "backup"}))
    assert len(first) == 50 and "b119" in first[0]
    html = superuser.get(AUDIT, {"kind": "backup"}).content.decode()
    assert 'href="?kind=backup&amp;page=2"' in html and "120 events" in html
    last = rows(superuser.get(AUDIT, {"kind": "backup", "page": 3}))
    assert len(last) == 20 and "b000" in last[-1]
    assert rows(superuser.get(AUDIT, {"kind": "backup", "page": "99"})) == last  # past the end: the last page


def test_the_page_costs_the_same_queries_whatever_the_events(superuser, a_morning_at_the_clinic):
    with CaptureQueriesContext(connection) as few:
        listed = len(rows(superuser.get(AUDIT)))
    editor, _ = member_of("Editor", "ed")
    for n in range(5):
        sign_in("203.0.113.8", f"guess{n}", "guess")
        BackupRun.record(BackupRun.Action.RESTORE, f"/srv/b{n}.tar.gz", encrypted=True, files=n)
        doomed = ArticleFactory(status=Status.DRAFT)
        editor.post(reverse("admin:articles_article_delete", args=[doomed.pk]), {"post": "yes"})
    with CaptureQueriesContext(connection) as more:
        assert len(rows(superuser.get(AUDIT))) > listed + 15
    assert len(more) == len(few) < 30


@pytest.mark.parametrize("role", ["Editor", "Front desk"])
def test_signing_in_as_staff_is_listed_with_the_address(superuser, role):
    Group.objects.get(name=role).user_set.add(UserFactory(username="someone", password=PASSWORD))
    sign_in("192.0.2.44", "someone", PASSWORD)
    listed = rows(superuser.get(AUDIT, {"person": "someone"}))
    assert len(listed) == 1 and "Sign-in Signed in." in listed[0] and "192.0.2.44" in listed[0]


def test_publishing_without_a_new_medical_review_is_listed_as_an_override_with_its_reason(superuser, settings):
    settings.CLINIC_REVIEW_REQUIRED_FOR = ["treatments.treatment"]
    editor, _ = member_of("Editor", "ed")
    botox = TreatmentFactory(slug="botox", title="Botox", body="<p>Relaxes muscles.</p>", procedure_time="15 minutes",
                             risks="<p>Bruising.</p>", reviewed_by=ClinicianFactory(), last_reviewed=date(2026, 10, 1))
    response = publish(editor, botox, risks="<p>Bruising; stop if you are pregnant.</p>", publish_without_review="on",
                       review_override_reason="Safety warning from the manufacturer.")
    assert response.status_code == 302
    listed = rows(superuser.get(AUDIT, {"kind": "override"}))
    assert len(listed) == 1
    assert re.search(r"ed Rule override .*Published without a new medical review. Reason: Safety warning from the "
                     r"manufacturer. Botox", listed[0])


def test_submitting_for_review_and_asking_for_changes_are_listed_as_review_steps(superuser, settings):
    settings.CLINIC_REVIEW_REQUIRED_FOR = ["articles.article"]
    author, author_user = member_of("Author", "writer")
    reviewer, _ = member_of("Clinical reviewer", "dr-shah")
    article = ArticleFactory(slug="fillers", status=Status.DRAFT, updated_by=author_user)
    author.post(reverse("admin:articles_article_change", args=[article.pk]),
                article_form(slug="fillers", edit_version=version_in_form(author, article), _submit_review="1"))
    reviewer.post(reverse("admin:articles_article_request_changes", args=[article.pk]),
                  {"comment": "Say that bruising can last two weeks."})
    listed = rows(superuser.get(AUDIT, {"kind": "review"}))
    assert len(listed) == 2
    title = article_form()["title"]  # what the author saved
    assert listed[0].endswith(f"dr-shah Medical review Changes requested: Say that bruising can last two weeks. "
                              f"{title}")
    assert listed[1].endswith(f"writer Medical review Submitted for medical review. {title}")
    assert not [row for row in rows(superuser.get(AUDIT, {"kind": "change"})) if "medical review" in row]

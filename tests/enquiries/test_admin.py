"""The enquiry inbox: only front desk staff (and superusers) see it, and every look is logged."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from enquiries.models import Enquiry, EnquiryAccess
from tests.factories import TreatmentFactory, UserFactory

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:enquiries_enquiry_changelist")


def make_enquiry(**fields):
    defaults = {
        "name": "Jane Patient", "email": "jane@example.com", "confirmed_adult": True,
        "consented_at": timezone.now(), "message": "About my eyelids.",
    }
    return Enquiry.objects.create(**{**defaults, **fields})


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def front_desk():
    user = UserFactory(username="frontdesk", is_staff=True)
    user.groups.add(Group.objects.get(name="Front desk"))
    return client_for(user), user


@pytest.fixture
def author_without_enquiry_rights():
    return client_for(UserFactory(username="author", is_staff=True))


def test_front_desk_sees_the_inbox_newest_first(front_desk):
    client, _ = front_desk
    make_enquiry(name="Older Patient", created_at=timezone.now() - timedelta(days=2))
    make_enquiry(name="Newer Patient")
    html = client.get(CHANGELIST).content.decode()
    assert html.index("Newer Patient") < html.index("Older Patient")


def test_staff_without_enquiry_permissions_get_nothing(author_without_enquiry_rights):
    client = author_without_enquiry_rights
    enquiry = make_enquiry()
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(reverse("admin:enquiries_enquiry_change", args=[enquiry.pk])).status_code == 403
    response = client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [enquiry.pk]})
    assert response.status_code == 403
    assert "jane@example.com" not in response.content.decode()
    assert "Consultation enquiries" not in client.get(reverse("admin:index")).content.decode()


def test_patient_data_is_read_only_but_status_and_notes_can_change(front_desk):
    client, _ = front_desk
    enquiry = make_enquiry()
    url = reverse("admin:enquiries_enquiry_change", args=[enquiry.pk])
    html = client.get(url).content.decode()
    assert 'name="email"' not in html and "jane@example.com" in html
    response = client.post(url, {"status": "contacted", "staff_notes": "Left a voicemail.", "email": "evil@x.com"})
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert (enquiry.status, enquiry.staff_notes, enquiry.email) == (
        "contacted", "Left a voicemail.", "jane@example.com"
    )


def test_nobody_adds_enquiries_in_the_admin(front_desk):
    client, _ = front_desk
    assert client.get(reverse("admin:enquiries_enquiry_add")).status_code == 403


def test_status_actions(front_desk):
    client, _ = front_desk
    first, second = make_enquiry(), make_enquiry()
    response = client.post(
        CHANGELIST, {"action": "mark_booked", "_selected_action": [first.pk, second.pk]}, follow=True
    )
    assert "2 enquiries marked booked." in response.content.decode()
    assert set(Enquiry.objects.values_list("status", flat=True)) == {"booked"}


def test_filters_by_status_treatment_and_age_and_search(front_desk):
    client, _ = front_desk
    botox = TreatmentFactory(title="Botox")
    make_enquiry(name="Botox Patient", treatment=botox)
    make_enquiry(name="Old Patient", created_at=timezone.now() - timedelta(days=45), status="closed")
    assert "Old Patient" not in client.get(CHANGELIST, {"treatment__id__exact": botox.pk}).content.decode()
    html = client.get(CHANGELIST, {"age": "older"}).content.decode()
    assert "Old Patient" in html and "Botox Patient" not in html
    html = client.get(CHANGELIST, {"status__exact": "closed"}).content.decode()
    assert "Old Patient" in html and "Botox Patient" not in html
    html = client.get(CHANGELIST, {"q": "botox"}).content.decode()
    assert "Botox Patient" in html and "Old Patient" not in html


def test_the_treatment_filter_names_only_treatments_patients_can_see(front_desk):
    client, _ = front_desk
    TreatmentFactory(title="Botox")
    TreatmentFactory(title="Secret new laser", status="draft")
    TreatmentFactory(title="Launching next month", publish_at=timezone.now() + timedelta(days=30))
    html = client.get(CHANGELIST).content.decode()
    assert "Botox" in html and "Secret new laser" not in html and "Launching next month" not in html


def test_opening_an_enquiry_is_logged_for_superusers_to_see(front_desk, editor_client):
    client, user = front_desk
    enquiry = make_enquiry()
    client.get(reverse("admin:enquiries_enquiry_change", args=[enquiry.pk]))
    access = EnquiryAccess.objects.get()
    assert (access.user, access.action, access.enquiry) == (user, "viewed", enquiry)
    log_url = reverse("admin:enquiries_enquiryaccess_changelist")
    assert "frontdesk" in editor_client.get(log_url).content.decode()
    assert client.get(log_url).status_code == 403


def test_csv_export_has_the_enquiries_is_formula_safe_and_is_logged(front_desk):
    client, user = front_desk
    botox = TreatmentFactory(title="Botox")
    first = make_enquiry(name="=HYPERLINK(\"http://evil\")", treatment=botox, phone="+44 7700 900123")
    second = make_enquiry(name="Sam Second")
    response = client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [first.pk, second.pk]})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Received", "Name", "Email", "Phone", "Treatment"]
    by_name = {row[1]: row for row in rows[1:]}
    assert "'=HYPERLINK(\"http://evil\")" in by_name
    assert by_name["'=HYPERLINK(\"http://evil\")"][3] == '="+44 7700 900123"'  # shown as typed
    assert by_name["'=HYPERLINK(\"http://evil\")"][4] == "Botox"
    assert "Sam Second" in by_name
    access = EnquiryAccess.objects.get(action="exported")
    assert (access.user, access.enquiry_count) == (user, 2)


def test_purge_deletes_only_enquiries_past_retention_and_dry_run_deletes_nothing(settings, capsys):
    settings.CLINIC_ENQUIRY_RETENTION_DAYS = 365
    make_enquiry(name="Ancient", created_at=timezone.now() - timedelta(days=366))
    make_enquiry(name="Recent", created_at=timezone.now() - timedelta(days=364))
    call_command("purge_enquiries", "--dry-run")
    assert "1 enquiry older than 365 days would be deleted" in capsys.readouterr().out
    assert Enquiry.objects.count() == 2
    call_command("purge_enquiries")
    assert "Deleted 1 enquiry" in capsys.readouterr().out
    assert list(Enquiry.objects.values_list("name", flat=True)) == ["Recent"]


def test_access_log_survives_a_purge_without_personal_data(front_desk):
    client, _ = front_desk
    enquiry = make_enquiry(created_at=timezone.now() - timedelta(days=400))
    client.get(reverse("admin:enquiries_enquiry_change", args=[enquiry.pk]))
    call_command("purge_enquiries", stdout=io.StringIO())
    access = EnquiryAccess.objects.get()
    assert access.enquiry is None

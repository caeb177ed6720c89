"""The enquiry form's phone rules and the retention period, at their edges: written for the mutants mutation testing
found alive in enquiries/forms.py and enquiries/models.py (docs/testing.md)."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from enquiries.models import Enquiry, EnquiryAccess
from tests.enquiries.test_admin import make_enquiry
from tests.enquiries.test_form import URL, good_enquiry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
REFUSED = "Enter a phone number using digits"


@pytest.mark.parametrize(("phone", "accepted"), [
    ("123 4567", True),  # 7 digits: the shortest number anywhere
    ("123 456", False),
    ("+123 456 789 012 345", True),  # 15 digits: the longest (E.164)
    ("+123 456 789 012 3456", False),
    ("0770O 900123", False),  # a letter O among the digits
    ("07700 900123 ext", False),
])
def test_phone_numbers_need_seven_to_fifteen_digits_and_nothing_else(client, phone, accepted):
    response = client.post(URL, good_enquiry(phone=phone))
    assert (response.status_code == 302) is accepted
    assert (REFUSED in response.content.decode()) is not accepted


def test_a_phone_number_is_kept_with_its_spacing_tidied(client):
    client.post(URL, good_enquiry(phone="  07700   900123 "))
    assert Enquiry.objects.get().phone == "07700 900123"


def test_a_phone_number_is_not_needed_for_a_reply_by_email(client):
    assert client.post(URL, good_enquiry(phone="", contact_method="email")).status_code == 302
    assert Enquiry.objects.get().phone == ""


def test_enquiries_are_due_for_deletion_only_once_older_than_the_retention_period(settings):
    settings.CLINIC_ENQUIRY_RETENTION_DAYS = 30
    now = timezone.now()
    make_enquiry(name="Just in time", created_at=now - timedelta(days=30))
    make_enquiry(name="Past it", created_at=now - timedelta(days=30, seconds=1))
    due = Enquiry.objects.older_than_retention(now=now)
    assert list(due.values_list("name", flat=True)) == ["Past it"]


def test_staff_see_each_enquiry_by_its_number_and_sender():
    enquiry = make_enquiry(name="Jane Patient")
    assert str(enquiry) == f"Enquiry #{enquiry.pk} from Jane Patient"
    assert enquiry.get_admin_url() == f"/admin/enquiries/enquiry/{enquiry.pk}/change/"


def test_the_form_asks_for_consent_with_a_link_to_the_privacy_notice_and_asks_how_to_reply(client):
    html = client.get(URL).content.decode()
    assert ('<label for="id_consent">I agree to the clinic using the health information in this enquiry to reply to '
            'me, as described in the <a href="/privacy/">privacy notice</a>.</label>') in html
    assert "<legend>How should we contact you?</legend>" in html


def test_a_refused_phone_number_is_explained_with_examples(client):
    html = client.post(URL, good_enquiry(phone="call me")).content.decode()
    assert ("Enter a phone number using digits, spaces and an optional + at the start, for example 07700 900123 or "
            "+44 20 7946 0000.") in html


def test_a_missing_phone_number_for_a_call_back_is_explained_beside_the_phone_field(client):
    html = client.post(URL, good_enquiry(contact_method="phone", phone="")).content.decode()
    assert '<li><a href="#id_phone">Add a phone number so we can call you, or choose email.</a></li>' in html
    assert 'id="id_phone_error"' in html


def test_the_access_log_reads_as_a_sentence():
    user = UserFactory(username="frontdesk")
    at = timezone.make_aware(datetime(2026, 11, 27, 9, 5))
    access = EnquiryAccess(user=user, action=EnquiryAccess.Action.EXPORTED, at=at)
    assert str(access) == "frontdesk exported to csv at 2026-11-27 09:05"

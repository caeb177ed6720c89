"""Enquiry rules that protect the clinic: the rate limit cannot be dodged through a proxy header, and
exported enquiries cannot smuggle spreadsheet formulas to the front desk."""

import csv
import io
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clinic.models import ClinicDetails
from enquiries.models import Enquiry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
FORM = reverse("enquiries:consultation")
CHANGELIST = reverse("admin:enquiries_enquiry_changelist")
PROXY = "10.0.0.1"  # every request reaches the site from the proxy


@pytest.fixture(autouse=True)
def empty_cache():
    caches["limits"].clear()
    yield
    caches["limits"].clear()


@pytest.fixture
def behind_a_proxy(settings):
    settings.CLINIC_TRUSTED_PROXIES = 1
    settings.CLINIC_ENQUIRY_RATE_LIMIT = 3
    ClinicDetails.objects.update(phone="+44 20 1111 2222")  # staff edit it under "Clinic details"


def enquire(client, forwarded_for):
    data = {
        "name": "Jane Patient", "email": "jane@example.com", "phone": "", "treatment": "",
        "contact_method": "email", "message": "About my eyelids.", "confirmed_adult": "on", "consent": "on",
        "website": "",
    }
    return client.post(FORM, data, REMOTE_ADDR=PROXY, headers={"x-forwarded-for": forwarded_for})


def test_client_faking_the_first_forwarded_address_is_still_limited(client, behind_a_proxy):
    for n in range(3):
        assert enquire(client, f"1.2.3.{n}, 203.0.113.9").status_code == 302

    response = enquire(client, "1.2.3.99, 203.0.113.9")

    assert response.status_code == 429
    assert "+44 20 1111 2222" in response.content.decode()
    assert Enquiry.objects.count() == 3


def test_different_clients_behind_the_same_proxy_have_their_own_limits(client, behind_a_proxy):
    for _ in range(3):
        assert enquire(client, "203.0.113.9").status_code == 302
    assert enquire(client, "203.0.113.9").status_code == 429

    # Same fake first entry, different real client: not limited.
    assert enquire(client, "1.2.3.4, 198.51.100.20").status_code == 302
    assert Enquiry.objects.count() == 4


def make_enquiry(**fields):
    defaults = {
        "name": "Jane Patient", "email": "jane@example.com", "confirmed_adult": True,
        "consented_at": timezone.now(), "message": "About my eyelids.",
    }
    return Enquiry.objects.create(**{**defaults, **fields})


@pytest.fixture
def front_desk_client():
    user = UserFactory(username="frontdesk", is_staff=True)
    user.groups.add(Group.objects.get(name="Front desk"))
    client = Client()
    client.force_login(user)
    return client


def exported_rows(client, *enquiries):
    response = client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [e.pk for e in enquiries]})
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())  # so Excel reads UTF-8
    header, *rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline=""))
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"], ids=["equals", "plus", "minus", "at", "tab", "cr"])
def test_exported_csv_neutralises_formulas_in_every_patient_and_staff_field(front_desk_client, lead):
    typed = {
        "Name": f"{lead}HYPERLINK(\"http://evil.example\",\"Jane\")",
        "Phone": f"{lead}44 7700 900123",
        "Message": f"{lead}cmd|' /C calc'!A0",
        "Staff notes": f"{lead}SUM(1+1)",
    }
    enquiry = make_enquiry(
        name=typed["Name"], phone=typed["Phone"], message=typed["Message"], staff_notes=typed["Staff notes"]
    )

    [row] = exported_rows(front_desk_client, enquiry)

    for column, value in typed.items():
        if column == "Phone" and lead == "+":  # a plain phone number: shown as typed, as text
            assert row[column] == f'="{value}"'
        else:
            assert row[column] == "'" + value, column


@pytest.mark.parametrize(
    "phone", ['+1",HYPERLINK("http://e.x', "+44 (0)20 7946 0000&A1", "+1 555 0100;x"]  # the field holds 30
)
def test_only_plain_phone_numbers_become_text_formulas(front_desk_client, phone):
    [row] = exported_rows(front_desk_client, make_enquiry(phone=phone))
    assert row["Phone"] == "'" + phone


def test_names_with_accents_survive_the_export(front_desk_client):
    [row] = exported_rows(front_desk_client, make_enquiry(name="Zoë Ångström-Łukasz"))
    assert row["Name"] == "Zoë Ångström-Łukasz"


def test_faked_first_addresses_are_limited_without_spaces_after_commas_too(client, behind_a_proxy):
    for n in range(3):
        assert enquire(client, f"1.2.3.{n},203.0.113.9").status_code == 302
    assert enquire(client, "1.2.3.99,203.0.113.9").status_code == 429


def test_a_limit_of_one_lets_the_first_enquiry_through(client, behind_a_proxy, settings):
    settings.CLINIC_ENQUIRY_RATE_LIMIT = 1
    assert enquire(client, "203.0.113.9").status_code == 302
    assert enquire(client, "203.0.113.9").status_code == 429


def test_the_limit_holds_for_an_hour_then_lifts(client, behind_a_proxy):
    for _ in range(3):
        enquire(client, "203.0.113.9")
    assert enquire(client, "203.0.113.9").status_code == 429
    with time_machine.travel(timezone.now() + timedelta(minutes=30)):
        assert enquire(client, "203.0.113.9").status_code == 429  # still within the hour
    with time_machine.travel(timezone.now() + timedelta(minutes=61)):
        assert enquire(client, "203.0.113.9").status_code == 302

"""A patient asks for a consultation: validation, consent, privacy, abuse, and mail that may fail."""

import logging

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.urls import reverse

from clinic.models import ClinicDetails
from enquiries.models import Enquiry
from publishing.models import Status
from tests.factories import TreatmentFactory

pytestmark = pytest.mark.django_db
URL = reverse("enquiries:consultation")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def good_enquiry(**overrides):
    data = {
        "name": "Jane Patient",
        "email": "jane@example.com",
        "phone": "+44 7700 900123",
        "treatment": "",
        "contact_method": "email",
        "message": "I have a droopy left eyebrow after Bell's palsy.",
        "confirmed_adult": "on",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def test_good_enquiry_is_stored_and_staff_are_mailed_without_personal_data(client, settings):
    settings.CLINIC_ENQUIRY_NOTIFY_EMAIL = "frontdesk@clinic.example"
    botox = TreatmentFactory(slug="botox", title="Botox")
    response = client.post(URL, good_enquiry(treatment=botox.pk))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("enquiries:thanks") + "?sent=")

    enquiry = Enquiry.objects.get()
    assert (enquiry.name, enquiry.email, enquiry.treatment) == ("Jane Patient", "jane@example.com", botox)
    assert enquiry.confirmed_adult and enquiry.consented_at
    assert enquiry.status == Enquiry.Status.NEW

    [message] = mail.outbox
    assert message.to == ["frontdesk@clinic.example"]
    assert f"http://testserver/admin/enquiries/enquiry/{enquiry.pk}/change/" in message.body
    text = message.subject + message.body
    for personal in ["Jane", "jane@example.com", "7700", "palsy", "Botox", "eyebrow"]:
        assert personal not in text


def test_thank_you_page_repeats_no_personal_data(client):
    response = client.post(URL, good_enquiry(), follow=True)
    html = response.content.decode()
    assert "your enquiry has reached us" in html
    assert "Jane" not in html and "jane@example.com" not in html


def test_mail_failure_keeps_the_enquiry_logs_it_and_still_thanks_the_patient(client, monkeypatch, caplog):
    def broken_send(*args, **kwargs):
        raise ConnectionRefusedError("SMTP server down")

    monkeypatch.setattr("enquiries.services.send_mail", broken_send)
    with caplog.at_level(logging.ERROR, logger="enquiries.services"):
        response = client.post(URL, good_enquiry(), follow=True)
    assert "your enquiry has reached us" in response.content.decode()
    enquiry = Enquiry.objects.get()
    assert f"Enquiry #{enquiry.pk} is saved, but the staff notification email could not be sent" in caplog.text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Please tell us your name."),
        ("email", "", "Please give an email address so we can reply."),
        ("email", "jane@", "Enter an email address like name@example.com."),
        ("phone", "call me maybe", "Enter a phone number using digits"),
        ("phone", "123", "Enter a phone number using digits"),
        ("message", "x" * 2001, "Please shorten your message to 2000 characters or fewer."),
        ("confirmed_adult", "", "Please confirm you are 18 or over"),
        ("consent", "", "Please tick this box so we may use your enquiry"),
    ],
)
def test_each_invalid_field_is_explained_beside_it_and_everything_typed_is_kept(client, field, value, message):
    response = client.post(URL, good_enquiry(**{field: value}))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert f'aria-describedby="id_{field}_error"' in html or f'id="id_{field}_error"' in html
    assert 'class="error-summary"' in html and f'href="#id_{field}' in html
    assert "Jane Patient" in html if field != "name" else True
    assert "Bell&#x27;s palsy" in html if field != "message" else True
    assert not Enquiry.objects.exists()
    assert mail.outbox == []


def test_phone_is_required_when_the_patient_asks_to_be_called(client):
    response = client.post(URL, good_enquiry(contact_method="phone", phone=""))
    assert "Add a phone number so we can call you, or choose email." in response.content.decode()


@pytest.mark.parametrize("phone", ["07700 900123", "+44 (0)20 7946 0000", "+1-202-555-0143", "020.7946.0000"])
def test_phone_numbers_in_common_formats_are_accepted(client, phone):
    assert client.post(URL, good_enquiry(phone=phone)).status_code == 302


def test_query_string_preselects_a_published_treatment(client):
    botox = TreatmentFactory(slug="botox", title="Botox")
    TreatmentFactory(slug="secret", title="Secret", status=Status.DRAFT)
    html = client.get(URL, {"treatment": "botox"}).content.decode()
    assert f'<option value="{botox.pk}" selected>Botox</option>' in html
    assert "Secret" not in html
    assert client.get(URL, {"treatment": "secret"}).status_code == 200


def test_unpublished_treatment_cannot_be_submitted(client):
    draft = TreatmentFactory(status=Status.DRAFT)
    response = client.post(URL, good_enquiry(treatment=draft.pk))
    assert "Select a valid choice" in response.content.decode()


def test_filled_honeypot_is_dropped_but_looks_like_success(client):
    response = client.post(URL, good_enquiry(website="http://spam.example"))
    assert response.status_code == 302
    assert not Enquiry.objects.exists()
    assert mail.outbox == []


def test_rate_limit_answers_429_with_the_phone_number(client, settings):
    settings.CLINIC_ENQUIRY_RATE_LIMIT = 2
    ClinicDetails.objects.update(phone="+44 20 1111 2222")  # staff edit it under "Clinic details"
    for _ in range(2):
        assert client.post(URL, good_enquiry()).status_code == 302
    response = client.post(URL, good_enquiry())
    assert response.status_code == 429
    assert "+44 20 1111 2222" in response.content.decode()
    assert Enquiry.objects.count() == 2
    # Another address is not affected.
    assert client.post(URL, good_enquiry(), REMOTE_ADDR="203.0.113.9").status_code == 302


def test_client_address_is_never_stored(client):
    client.post(URL, good_enquiry(), REMOTE_ADDR="198.51.100.77")
    stored = str(list(Enquiry.objects.values()))
    assert "198.51.100.77" not in stored
    with connection.cursor() as cursor:  # the limits table: keys are keyed hashes, never the address
        cursor.execute("SELECT cache_key FROM clinic_limits")
        keys = [row[0] for row in cursor.fetchall()]
    assert keys and not any("198.51.100.77" in key for key in keys)


def test_the_limit_is_kept_in_the_database_so_every_worker_and_server_shares_it(client, settings):
    settings.CLINIC_ENQUIRY_RATE_LIMIT = 1
    assert client.post(URL, good_enquiry()).status_code == 302
    cache.clear()  # what one worker keeps in its own memory is no help to the next
    assert client.post(URL, good_enquiry()).status_code == 429


def test_form_needs_a_csrf_token():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(URL, good_enquiry())
    assert response.status_code == 403
    assert not Enquiry.objects.exists()


def test_privacy_page_says_what_is_kept_and_for_how_long(client, settings):
    settings.CLINIC_ENQUIRY_RETENTION_DAYS = 200
    html = client.get(reverse("privacy")).content.decode()
    assert "200 days" in html
    assert "health" in html
    assert reverse("privacy") in client.get(URL).content.decode()


def test_calls_to_action_link_to_the_form_with_the_treatment(client):
    from tests.factories import ArticleFactory

    botox = TreatmentFactory(slug="botox")
    article = ArticleFactory(related_treatments=[botox])
    assert f"{URL}?treatment=botox" in client.get(botox.get_absolute_url()).content.decode()
    assert f"{URL}?treatment=botox" in client.get(article.get_absolute_url()).content.decode()
    assert f'href="{URL}"' in client.get("/").content.decode()


def test_treatment_parameter_with_a_nul_byte_is_ignored(client):
    assert client.get(URL, {"treatment": "bo\x00tox"}).status_code == 200

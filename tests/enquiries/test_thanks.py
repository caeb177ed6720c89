"""The thank-you page recaps what was sent (the treatment and how we will reply), never who sent it."""

import pytest
import time_machine
from django.core import signing
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from enquiries.models import Enquiry
from enquiries.views import THANKS_MAX_AGE, THANKS_SALT
from publishing.models import Status
from tests.factories import TreatmentFactory

pytestmark = pytest.mark.django_db
URL = reverse("enquiries:consultation")
THANKS = reverse("enquiries:thanks")
PERSONAL = ["Jane", "Patient", "jane@example.com", "7700", "900123", "palsy", "droopy"]


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.CLINIC_PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def enquiry_data(**overrides):
    return {
        "name": "Jane Patient",
        "email": "jane@example.com",
        "phone": "+44 7700 900123",
        "treatment": "",
        "contact_method": "email",
        "message": "I have a droopy left eyebrow after Bell's palsy.",
        "confirmed_adult": "on",
        "consent": "on",
        "website": "",
        **overrides,
    }


def test_thanks_recaps_the_treatment_and_contact_method_and_links_back(client):
    botox = TreatmentFactory(slug="botox", title="Botox")
    response = client.post(URL, enquiry_data(treatment=botox.pk), follow=True)
    html = response.content.decode()
    assert "What you sent us" in html
    assert '<a href="/treatments/botox/">Botox</a>' in html
    assert "By email" in html and "We will email you at the address you gave us" in html
    assert 'href="/treatments/botox/">Back to Botox</a>' in html
    for personal in PERSONAL:
        assert personal not in html


def test_thanks_for_a_phone_enquiry_without_a_treatment(client):
    response = client.post(URL, enquiry_data(contact_method="phone"), follow=True)
    html = response.content.decode()
    assert "By phone" in html and "We will call you on the number you gave us" in html
    assert "Not sure yet" in html
    assert "7700" not in html


def test_thanks_page_is_never_stored_by_browsers_shared_caches_or_the_page_cache(client):
    TreatmentFactory(slug="botox", title="Botox")
    location = client.post(URL, enquiry_data())["Location"]
    first = client.get(location)
    second = client.get(location)
    for response in (first, second):
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert "X-Page-Cache" not in response


def test_the_address_names_neither_the_patient_nor_the_treatment(client):
    botox = TreatmentFactory(slug="botox", title="Botox")
    location = client.post(URL, enquiry_data(treatment=botox.pk))["Location"]
    assert "botox" not in location.lower()
    for personal in PERSONAL:
        assert personal.lower() not in location.lower()


@pytest.mark.parametrize("sent", ["", "not-a-reference", signing.dumps(1, salt="another.purpose")])
def test_a_missing_or_altered_reference_shows_the_plain_thank_you(client, sent):
    client.post(URL, enquiry_data())
    response = client.get(THANKS, {"sent": sent})
    html = response.content.decode()
    assert response.status_code == 200
    assert "your enquiry has reached us" in html
    assert "What you sent us" not in html


def test_an_old_reference_no_longer_recaps(client):
    location = client.post(URL, enquiry_data())["Location"]
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=THANKS_MAX_AGE + 60)):
        html = client.get(location).content.decode()
    assert "your enquiry has reached us" in html and "What you sent us" not in html


def test_an_unpublished_treatment_is_named_nowhere(client):
    draft = TreatmentFactory(slug="secret-launch", title="Secret launch", status=Status.DRAFT)
    enquiry = Enquiry.objects.create(
        name="Jane", email="jane@example.com", treatment=draft, confirmed_adult=True, consented_at=timezone.now()
    )
    html = client.get(THANKS, {"sent": signing.dumps(enquiry.pk, salt=THANKS_SALT)}).content.decode()
    assert "What you sent us" in html
    assert "Secret launch" not in html and "/treatments/secret-launch/" not in html


def test_a_caught_bot_is_thanked_without_a_recap(client):
    response = client.post(URL, enquiry_data(website="http://spam.example"))
    assert response["Location"] == THANKS
    assert not Enquiry.objects.exists()

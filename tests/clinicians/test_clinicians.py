"""Clinician profiles: who stands behind the medical review of a page, and who may manage them."""

import pytest
from django.db.models import ProtectedError

from tests.factories import ClinicianFactory, TreatmentFactory
from tests.publishing.test_roles import member_of

pytestmark = pytest.mark.django_db


def test_review_line_names_the_clinician_with_credentials_and_role(client):
    reviewer = ClinicianFactory(name="Dr Amira Shah", credentials="MBBS, FRCS", role="Consultant plastic surgeon")
    TreatmentFactory(slug="rhinoplasty", reviewed_by=reviewer, last_reviewed="2026-11-02")
    html = client.get("/treatments/rhinoplasty/").content.decode()
    assert (f"Medically reviewed by <strong><a href=\"{reviewer.get_absolute_url()}\">Dr Amira Shah</a></strong>, "
            "MBBS, FRCS (Consultant plastic surgeon)") in html
    assert '<time datetime="2026-11-02">2 November 2026</time>' in html


def test_a_clinician_credited_with_a_review_cannot_be_deleted():
    reviewer = ClinicianFactory()
    TreatmentFactory(reviewed_by=reviewer)
    with pytest.raises(ProtectedError):
        reviewer.delete()


def test_editor_adds_a_clinician_and_finds_them_by_registration_number():
    client, _ = member_of("Editor")
    response = client.post("/admin/clinicians/clinician/add/", {
        "name": "Dr Tom Reyes", "slug": "tom-reyes", "role": "Aesthetic physician", "credentials": "MBBS",
        "registration_number": "GMC 7654321", "bio": "", "listed": "on", "display_order": "0",
    })
    assert response.status_code == 302
    listing = client.get("/admin/clinicians/clinician/", {"q": "7654321"}).content.decode()
    assert "Dr Tom Reyes" in listing


def test_missing_name_is_refused_with_a_message_and_nothing_typed_is_lost():
    client, _ = member_of("Editor")
    response = client.post("/admin/clinicians/clinician/add/", {"name": "", "role": "Nurse prescriber"})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert 'value="Nurse prescriber"' in response.content.decode()


@pytest.mark.parametrize("role", ["Author", "Clinical reviewer"])
def test_only_editors_change_clinicians(role):
    client, _ = member_of(role)
    clinician = ClinicianFactory()
    assert client.get("/admin/clinicians/clinician/").status_code == 200  # they may read who reviews
    assert client.post(f"/admin/clinicians/clinician/{clinician.pk}/change/", {"name": "Changed"}).status_code == 403


def test_front_desk_sees_no_clinicians():
    client, _ = member_of("Front desk")
    assert client.get("/admin/clinicians/clinician/").status_code == 403

"""The clinic as patients find it: visiting details, prices, the team; and share cards."""

import pytest

from clinic.models import ClinicDetails
from publishing.models import Status
from tests.factories import ArticleFactory, CategoryFactory, ClinicianFactory, TreatmentFactory, UserFactory
from tests.publishing.test_roles import member_of

pytestmark = pytest.mark.django_db


def test_first_run_details_come_from_the_environment_split_into_address_parts():
    details = ClinicDetails.load()
    assert (details.street_address, details.locality, details.postcode) == ("12 Harbour Street", "London", "SE1 0AA")
    assert details.address == "12 Harbour Street, London SE1 0AA"


def test_visit_page_shows_address_hours_phone_and_a_plain_map_link(client):
    ClinicDetails.objects.update(
        getting_there="Five minutes from London Bridge station.", accessibility="Step-free entrance and a lift.",
        opening_hours="Monday 09:00–18:00\nSat 10:00-13:00, 14:00-16:00", latitude="51.5034", longitude="-0.0860",
    )
    html = client.get("/visit/").content.decode()
    assert "12 Harbour Street" in html and "SE1 0AA" in html and 'href="tel:+442079460000"' in html
    assert "<th scope=\"row\">Monday</th><td>09:00–18:00</td>" in html
    assert "<th scope=\"row\">Saturday</th><td>10:00–13:00, 14:00–16:00</td>" in html
    assert "<th scope=\"row\">Sunday</th><td>Closed</td>" in html
    assert 'href="https://www.openstreetmap.org/?mlat=51.503400&amp;mlon=-0.086000' in html
    assert "<iframe" not in html and "London Bridge" in html and "Step-free" in html


def test_staff_edit_the_clinic_details_and_every_page_shows_them_at_once(settings, client):
    settings.CLINIC_PAGE_CACHE_SECONDS = 600
    assert "+44 20 7946 0000" in client.get("/").content.decode()  # cached now
    editor, _ = member_of("Editor")
    assert editor.get("/admin/clinic/clinicdetails/")["Location"] == "/admin/clinic/clinicdetails/1/change/"
    form = {"phone": "+44 20 7000 1234", "email": "desk@clinic.example", "street_address": "3 Quay Lane",
            "locality": "Bristol", "postcode": "BS1 4DJ", "country": "gb", "latitude": "", "longitude": "",
            "opening_hours": "Monday 09:00–17:00", "getting_there": "", "accessibility": "", "consultation_price": ""}
    assert editor.post("/admin/clinic/clinicdetails/1/change/", form).status_code == 302
    html = client.get("/").content.decode()
    assert "+44 20 7000 1234" in html and "3 Quay Lane" in html and "+44 20 7946 0000" not in html
    assert ClinicDetails.objects.get().country == "GB"
    assert editor.get("/admin/clinic/clinicdetails/add/").status_code == 403  # one record only
    assert editor.post("/admin/clinic/clinicdetails/1/delete/", {"post": "yes"}).status_code == 403
    author, _ = member_of("Author")
    assert author.get("/admin/clinic/clinicdetails/1/change/").status_code == 403


@pytest.mark.parametrize("hours, message", [
    ("Mondy 09:00–18:00", "Line 1 (“Mondy 09:00–18:00”) should be a day and its hours"),
    ("Monday 9 to 5", "should be a day and its hours"),
    ("Monday 18:00–09:00", "each closing time must be after its opening time"),
    ("Monday 25:00–26:00", "a time that does not exist"),
    ("Monday 09:00–12:00\nMonday 13:00–17:00", "each day once"),
])
def test_opening_hours_that_cannot_be_read_get_a_clear_message_and_nothing_is_lost(hours, message):
    editor, _ = member_of("Editor")
    details = ClinicDetails.load()
    fields = [field.name for field in ClinicDetails._meta.fields if field.name != "id"]
    form = {name: getattr(details, name) or "" for name in fields}
    response = editor.post("/admin/clinic/clinicdetails/1/change/", {**form, "opening_hours": hours})
    assert response.status_code == 200
    assert message in response.content.decode() and hours.split("\n")[0] in response.content.decode()
    assert ClinicDetails.objects.get().opening_hours == details.opening_hours


def test_prices_list_live_treatments_grouped_with_the_consultation_note(client):
    ClinicDetails.objects.update(consultation_price="£50, taken off your treatment if you go ahead")
    TreatmentFactory(title="Botox", category="non_surgical", price_from=180)
    TreatmentFactory(title="Rhinoplasty", category="surgical", price_from=None)
    TreatmentFactory(title="Secret laser", category="non_surgical", price_from=99, status=Status.DRAFT)
    html = client.get("/prices/").content.decode()
    assert html.index("Non-surgical treatments") < html.index("Botox") < html.index("Surgical treatments")
    assert "£180" in html and "Priced at consultation" in html and "£50, taken off" in html
    assert "Secret laser" not in html and "confirmed at your consultation" in html


def test_the_team_lists_clinicians_with_profiles_that_show_their_work(client):
    surgeon = ClinicianFactory(name="Mr Daniel Okafor", slug="daniel-okafor", role="Consultant plastic surgeon",
                               registering_body="General Medical Council", registration_number="GMC 1234567",
                               register_url="https://www.gmc-uk.org/doctors/1234567", bio="Performs facial surgery.")
    ClinicianFactory(name="Dr Former", slug="former", listed=False)
    nose = TreatmentFactory(title="Rhinoplasty")
    nose.clinicians.add(surgeon)
    TreatmentFactory(title="Draft brow lift").clinicians.add(surgeon)
    TreatmentFactory(title="Draft brow lift 2", status=Status.DRAFT).clinicians.add(surgeon)
    written = ArticleFactory(title="Recovery week by week", author=surgeon)
    ArticleFactory(title="A draft", author=surgeon, status=Status.DRAFT)
    reviewed = TreatmentFactory(title="Eyelid surgery")
    reviewed.record_review(surgeon, "2026-11-01")
    reviewed.save()
    team = client.get("/team/").content.decode()
    assert "Mr Daniel Okafor" in team and "Dr Former" not in team and "GMC 1234567" in team
    profile = client.get("/team/daniel-okafor/").content.decode()
    assert 'href="https://www.gmc-uk.org/doctors/1234567"' in profile and "General Medical Council" in profile
    assert nose.get_absolute_url() in profile and written.get_absolute_url() in profile
    assert reviewed.get_absolute_url() in profile and "A draft" not in profile and "Draft brow lift 2" not in profile
    assert client.get("/team/former/").status_code == 200  # still credited on old articles
    assert client.get("/team/nobody/").status_code == 404
    assert 'href="/team/daniel-okafor/">Mr Daniel Okafor</a>' in client.get(nose.get_absolute_url()).content.decode()


def test_share_cards_have_a_large_image_with_alt_text_everywhere(client):
    home = client.get("/").content.decode()
    assert '<meta name="twitter:card" content="summary_large_image">' in home
    assert 'content="http://testserver/static/img/share-default.png"' in home
    assert '<meta property="og:image:width" content="1200">' in home and 'property="og:image:alt"' in home


def test_the_filtered_blog_names_its_category_page_as_canonical(client):
    CategoryFactory(name="Skin", slug="skin")
    html = client.get("/blog/?category=skin").content.decode()
    assert '<link rel="canonical" href="http://testserver/blog/category/skin/">' in html
    assert '<link rel="canonical" href="http://testserver/blog/">' in client.get("/blog/").content.decode()


def test_authors_credited_in_bylines_come_from_profiles_not_logins(client):
    login = UserFactory(username="admin", is_staff=True)
    article = ArticleFactory(author=None)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "By admin" not in html and 'By <a href="/team/">the Harbour Aesthetics Clinic clinical team</a>' in html
    assert login.username not in html.split("<main")[1]

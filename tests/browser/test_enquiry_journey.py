"""A patient asks for a consultation from a treatment page, fixes a mistake, and is thanked."""

import re

import pytest
from playwright.sync_api import expect

from enquiries.models import Enquiry
from treatments.models import Treatment

from .conftest import PHONE

pytestmark = pytest.mark.browser


def test_patient_asks_for_a_consultation_from_a_treatment_page(page, demo_site):
    page.set_viewport_size(PHONE)
    page.goto(demo_site + "/treatments/rhinoplasty/")
    page.get_by_role("main").get_by_role("link", name="Book a consultation").first.click()
    expect(page).to_have_url(re.compile(r"/consultation/\?treatment=rhinoplasty$"))
    rhinoplasty = Treatment.objects.get(slug="rhinoplasty")
    expect(page.get_by_label("Treatment of interest")).to_have_value(str(rhinoplasty.pk))

    page.get_by_label("Your name").fill("Jane Patient")
    page.get_by_label("Email address").fill("jane@example")
    page.get_by_label("Message").fill("I broke my nose years ago and it is crooked.")
    page.get_by_label("I confirm I am 18 or over.").check()
    page.get_by_role("button", name="Send my enquiry").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Enter an email address like name@example.com.")
    expect(summary).to_contain_text("Please tick this box")
    expect(page.get_by_label("Message")).to_have_value("I broke my nose years ago and it is crooked.")
    summary.get_by_role("link", name=re.compile("email address")).click()
    expect(page.get_by_label("Email address")).to_be_focused()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("jane@example.com")
    page.get_by_label(re.compile("I agree to the clinic using")).check()
    page.get_by_role("button", name="Send my enquiry").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, your enquiry has reached us")
    expect(page.get_by_role("region", name="What you sent us")).to_contain_text("Rhinoplasty")
    expect(page.get_by_role("main")).not_to_contain_text("Jane")
    enquiry = Enquiry.objects.get()
    assert enquiry.email == "jane@example.com"
    assert enquiry.treatment.slug == "rhinoplasty"

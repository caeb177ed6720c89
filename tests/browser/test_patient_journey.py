"""A patient on a phone and on a desktop: home → treatment → FAQ → article → search → 404."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_patient_reads_about_a_treatment_and_finds_more(page, demo_site, viewport):
    page.set_viewport_size(viewport)
    page.goto(demo_site + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Aesthetic treatments")

    if viewport == PHONE:  # the links are behind the header's Menu button
        page.get_by_text("Menu", exact=True).click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Treatments").click()
    expect(page).to_have_url(re.compile(r"/treatments/$"))
    expect(page.get_by_role("heading", name="Non-surgical treatments")).to_be_visible()
    page.get_by_role("link", name="Botox", exact=True).click()

    facts = page.get_by_role("complementary", name="Key facts")
    expect(facts).to_contain_text("3–4 months")
    expect(facts).to_contain_text("Downtime")
    expect(page.get_by_role("heading", name="Side effects and risks")).to_be_visible()

    # Open an FAQ with the keyboard alone.
    question = page.locator("summary", has_text="Does it hurt?")
    question.focus()
    page.keyboard.press("Enter")
    expect(page.locator("details", has=question)).to_have_attribute("open", "")
    expect(page.get_by_text("brief scratch")).to_be_visible()

    page.get_by_role("link", name="Botox for facial symmetry").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Botox for facial symmetry")
    expect(page.get_by_text("min read").first).to_be_visible()

    if viewport == PHONE:
        page.get_by_text("Menu", exact=True).click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.get_by_label("Search treatments and articles").fill("blepharoplasty")
    page.get_by_label("Search treatments and articles").press("Enter")
    expect(page.get_by_role("heading", name=re.compile("1 result"))).to_be_visible()
    page.get_by_role("link", name="Eyelid surgery").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Eyelid surgery")

    response = page.goto(demo_site + "/treatmnets/botox/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("We can’t find that page")
    page.get_by_role("link", name="All treatments").first.click()
    expect(page).to_have_url(re.compile(r"/treatments/$"))

"""A phone's first screen and the site's furniture: compact header, Menu button, Book / Call bar, fonts."""

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from treatments.models import Treatment

from .conftest import DESKTOP, PHONE
from .helpers import AXE_JS, axe_violations

pytestmark = pytest.mark.browser

PAGES = ["/", "/treatments/", "/treatments/botox/", "/blog/botox-facial-symmetry/", "/search/?q=botox",
         "/consultation/"]


def bottom(locator):
    box = locator.bounding_box()
    return box["y"] + box["height"]


def summary_expanded(page):
    """Whether the browser tells assistive technology that the Menu button is expanded."""
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")
    [node] = [n for n in tree["nodes"] if n["role"]["value"] == "DisclosureTriangle" and n["name"]["value"] == "Menu"]
    return {p["name"]: p["value"].get("value") for p in node.get("properties", [])}.get("expanded")


def test_phone_header_is_compact_with_a_book_button_and_a_menu_button(page, demo_site):
    page.set_viewport_size(PHONE)
    for path in PAGES:
        page.goto(demo_site + path)
        header = page.get_by_role("banner")
        assert header.bounding_box()["height"] <= 64, path
        book = header.get_by_role("link", name="Book a consultation")
        expect(book).to_be_visible()
        expect(book).to_have_text("Book a consultation")  # "Book" shows; the rest is read out
        assert bottom(book) <= 64
        expect(header.locator("summary", has_text="Menu")).to_be_visible()
        expect(page.get_by_role("navigation", name="Main")).to_be_hidden()


def test_every_treatment_shows_key_facts_and_booking_on_a_phones_first_screen(page, demo_site):
    page.set_viewport_size(PHONE)
    slugs = list(Treatment.objects.published().values_list("slug", flat=True))
    assert len(slugs) == 5
    for slug in slugs:
        page.goto(f"{demo_site}/treatments/{slug}/")
        facts = page.get_by_role("complementary", name="Key facts")
        expect(facts).to_be_in_viewport(ratio=1)
        assert bottom(facts) <= PHONE["height"], slug
        book = facts.get_by_role("link", name="Book a consultation")
        expect(book).to_have_attribute("href", f"/consultation/?treatment={slug}")
        assert bottom(book) <= PHONE["height"], slug
        expect(facts.get_by_role("link", name="Call us")).to_be_in_viewport(ratio=1)


def test_menu_opens_and_closes_by_keyboard_and_its_links_follow_the_button(page, demo_site):
    page.set_viewport_size(PHONE)
    page.goto(demo_site + "/treatments/botox/")
    menu = page.locator("summary", has_text="Menu")
    for _ in range(6):  # skip link, clinic name, Book, Menu
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    expect(menu).to_be_focused()
    assert summary_expanded(page) is False
    nav = page.get_by_role("navigation", name="Main")
    expect(nav).to_be_hidden()

    page.keyboard.press("Enter")
    expect(nav).to_be_visible()
    assert summary_expanded(page) is True
    expect(nav.get_by_role("link", name="Treatments")).to_have_attribute("aria-current", "page")
    links = ["Treatments", "Prices", "Our team", "Blog", "Visit us", "Search", "Book a consultation",
             "+44 20 7946 0000"]
    for name in links:
        page.keyboard.press("Tab")
        expect(nav.get_by_role("link", name=name)).to_be_focused()
    assert axe_violations(page) == []

    for _ in links:
        page.keyboard.press("Shift+Tab")
    expect(menu).to_be_focused()
    page.keyboard.press("Space")
    expect(nav).to_be_hidden()
    assert summary_expanded(page) is False

    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/treatments/")


def test_book_and_call_bar_appears_after_scrolling_and_never_covers_the_footer(page, demo_site):
    page.set_viewport_size(PHONE)
    page.goto(demo_site + "/treatments/botox/")
    bar = page.locator(".book-bar")
    expect(bar).to_be_hidden()  # the page's own buttons are on screen

    page.mouse.wheel(0, 1500)
    expect(bar).to_be_visible()
    expect(bar.get_by_role("link", name="Book a consultation")).to_have_attribute(
        "href", "/consultation/?treatment=botox"
    )
    expect(bar.get_by_role("link", name="Call us")).to_have_attribute("href", "tel:+442079460000")
    box = bar.bounding_box()
    assert box["y"] + box["height"] == pytest.approx(PHONE["height"], abs=1)  # at the foot of the screen

    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    expect(bar).to_be_visible()
    footer = page.get_by_role("contentinfo")
    assert bottom(bar) <= footer.bounding_box()["y"]  # settled above the footer, its links uncovered
    expect(footer.get_by_role("link", name="Privacy notice")).to_be_in_viewport()


def test_book_bar_does_not_slide_for_people_who_ask_for_less_motion(page, demo_site):
    page.emulate_media(reduced_motion="reduce")
    page.set_viewport_size(PHONE)
    page.goto(demo_site + "/treatments/botox/")
    bar = page.locator(".book-bar")
    expect(bar).to_be_hidden()
    page.mouse.wheel(0, 300)  # part way: a sliding bar would be half in
    page.mouse.wheel(0, 1200)
    expect(bar).to_be_visible()
    assert bar.evaluate("el => getComputedStyle(el).transform") == "none"


def test_desktop_keeps_key_facts_and_booking_beside_a_long_page(page, demo_site):
    page.set_viewport_size(DESKTOP)
    page.goto(demo_site + "/treatments/botox/")
    facts = page.get_by_role("complementary", name="Key facts")
    main = page.locator(".page-grid__main")
    assert facts.bounding_box()["x"] > main.bounding_box()["x"] + main.bounding_box()["width"]  # a side column
    expect(page.locator(".book-bar")).to_be_hidden()
    page.mouse.wheel(0, 1800)
    expect(facts.get_by_role("link", name="Book a consultation")).to_be_in_viewport(ratio=1)  # sticky
    expect(page.get_by_role("navigation", name="On this page")).to_be_visible()


def test_public_pages_run_no_script_and_fetch_fonts_only_from_the_site(page, demo_site):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page.set_viewport_size(PHONE)
    for path in PAGES:
        page.goto(demo_site + path)
        scripts = page.locator("script:not([type='application/ld+json'])")
        expect(scripts).to_have_count(0)
    assert hosts == {urlparse(demo_site).netloc}
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert {"DM Sans", "Cormorant Garamond"} <= {family.strip('"') for family in loaded}
    preload = page.locator("link[rel=preload][as=font]")
    expect(preload).to_have_attribute("crossorigin", "")
    expect(preload).to_have_attribute("href", re.compile(r"/static/fonts/dm-sans-latin-wght-normal"))


@pytest.mark.skipif(not AXE_JS.exists(), reason="axe-core is missing ('npm ci')")
def test_thank_you_page_recaps_the_enquiry_and_passes_axe(page, demo_site):
    page.set_viewport_size(PHONE)
    page.goto(demo_site + "/consultation/?treatment=botox")
    page.get_by_label("Your name").fill("Jane Patient")
    page.get_by_label("Email address").fill("jane@example.com")
    page.get_by_label("Phone number (optional)").fill("07700 900123")
    page.get_by_label("Phone", exact=True).check()
    page.get_by_label("I confirm I am 18 or over.").check()
    page.get_by_label(re.compile("I agree to the clinic using")).check()
    page.get_by_role("button", name="Send my enquiry").click()
    recap = page.get_by_role("region", name="What you sent us")
    expect(recap).to_contain_text("Botox")
    expect(recap).to_contain_text("By phone")
    expect(page.locator("main")).not_to_contain_text("Jane")
    expect(page.locator("main")).not_to_contain_text("07700")
    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)
        assert axe_violations(page) == []
    page.get_by_role("link", name="Back to Botox").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Botox")

"""Writers never lose their work: typing keeps the session alive, and text typed after the session ended
comes back after signing in again."""

import time

import pytest
from playwright.sync_api import expect

from articles.models import Article

from .conftest import STAFF_PASSWORD

pytestmark = pytest.mark.browser


def type_slowly(page, text, seconds):
    """Type `text` spread over about `seconds`, as a person writing would."""
    page.keyboard.type(text, delay=seconds * 1000 / len(text))


def test_writing_for_longer_than_the_session_limit_loses_nothing(staff_page, demo_site, settings):
    settings.SESSION_COOKIE_AGE = 6  # seconds, standing in for the 30 idle minutes
    settings.CLINIC_AUTOSAVE_SECONDS = 1
    page = staff_page
    page.goto(f"{demo_site}/admin/articles/article/add/")
    page.get_by_label("Title:", exact=True).fill("Writing takes time")
    page.get_by_label("Summary:", exact=True).fill("A long article written slowly.")
    page.locator(".ck-editor__editable").first.click()
    type_slowly(page, "Every sentence here was typed across three session lifetimes. ", 18)
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    assert "three session lifetimes" in Article.objects.get(title="Writing takes time").body


def test_text_typed_after_the_session_ended_comes_back_after_signing_in(staff_page, demo_site, settings):
    settings.SESSION_COOKIE_AGE = 3
    settings.CLINIC_AUTOSAVE_SECONDS = 1
    page = staff_page
    page.goto(f"{demo_site}/admin/articles/article/add/")
    page.get_by_label("Title:", exact=True).fill("Aftercare in the first week")
    page.get_by_label("Summary:", exact=True).fill("What to expect.")
    page.locator(".ck-editor__editable").first.click()
    page.keyboard.type("Written before the break.")
    expect(page.locator("#autosave-status")).to_contain_text("kept automatically")
    time.sleep(5)  # away from the desk: the session ends
    page.keyboard.type(" Written after it, while signed out.")
    expect(page.locator("#autosave-status")).to_contain_text("signed out")
    page.get_by_role("button", name="Save and continue editing").first.click()

    settings.SESSION_COOKIE_AGE = 1800
    expect(page.get_by_label("Username")).to_be_visible()  # the save landed on the sign-in page
    assert not Article.objects.filter(title="Aftercare in the first week").exists()
    page.get_by_label("Username").fill("browser-editor")
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("Code").fill(page.backup_codes[0])  # the phone is in the other room
    page.get_by_role("button", name="Sign in").click()

    expect(page.locator("#autosave-offer")).to_contain_text("unsaved changes")
    page.get_by_role("button", name="Restore it").click()
    expect(page.get_by_label("Title:", exact=True)).to_have_value("Aftercare in the first week")
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    body = Article.objects.get(title="Aftercare in the first week").body
    assert "Written before the break." in body and "while signed out." in body

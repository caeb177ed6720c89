"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server."""

import os
import shutil
import threading
from base64 import b32decode
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django_otp.oath import totp
from playwright.sync_api import expect

from tests.factories import UserFactory

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
STAFF_PASSWORD = "a-long-browser-test-password"


def pytest_collection_modifyitems(config, items):
    # Screenshots overwrite docs/screenshots/: only when asked for (scripts/screenshots), whatever -m says.
    if os.environ.get("UPDATE_SCREENSHOTS") != "1":
        for item in items:
            if "screenshots" in item.keywords:
                item.add_marker(pytest.mark.skip(reason="screenshots are made by scripts/screenshots"))
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(f"CI needs Chromium for the browser tests and found none at {CHROMIUM}.")
    skip = pytest.mark.skip(
        reason="Chromium not found: install it with 'apt-get install chromium' to run browser tests"
    )
    for item in items:
        if "browser" in item.keywords or "screenshots" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-quic", "--disable-default-apps", "--disable-extensions", "--no-pings",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
        ],
    }


@pytest.fixture
def demo_site(live_server, transactional_db, settings):
    """The demo content, served by a live server; returns its base URL."""
    settings.SERVE_MEDIA = True
    call_command("load_demo_content", stdout=open(os.devnull, "w"))
    return live_server.url


def sign_in(page, base_url, group):
    """Sign in to the admin as a new staff member of the role `group` (with an email address for notices)."""
    username = group.lower().replace(" ", "-")
    user = UserFactory(username=username, is_staff=True, password=STAFF_PASSWORD, email=f"{username}@clinic.example")
    user.groups.add(Group.objects.get(name=group))
    page.context.clear_cookies()
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base_url}/admin/", timeout=30_000)
    return user


def authenticator_code(typed_key):
    """The 6-digit code an authenticator app shows for the key a person typed into it."""
    key = typed_key.replace(" ", "")
    return f"{totp(b32decode(key + '=' * (-len(key) % 8))):06d}"


@pytest.fixture
def staff_page(page, demo_site, settings):
    """A page signed in to the admin as a superuser, with the second factor production requires: the first sign-in
    adds an authenticator app (the test reads the setup key as a person would type it into the app). The backup
    codes shown are kept on `page.backup_codes` for signing in again."""
    settings.CLINIC_REQUIRE_TWO_FACTOR = True
    UserFactory(username="browser-editor", is_superuser=True, is_staff=True, password=STAFF_PASSWORD)
    page.goto(f"{demo_site}/admin/login/")
    page.get_by_label("Username").fill("browser-editor")
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Add your phone")).to_be_visible()
    page.get_by_label("Code").fill(authenticator_code(page.locator(".two-factor__key").inner_text()))
    page.get_by_role("button", name="Confirm and sign in").click()
    expect(page.get_by_role("heading", name="Keep these backup codes")).to_be_visible()
    page.backup_codes = page.locator(".two-factor__codes code").all_inner_texts()
    page.get_by_role("link", name="I have kept them: continue").click()
    page.wait_for_url(f"{demo_site}/admin/", timeout=30_000)
    return page


class RequestsInFlight:
    """The live server answers one request at a time, and counts them. It shares one database connection with
    the tests (SQLite in memory): two requests using it at once (a page and its autosave, say) see each other's
    transactions, and a request still running when the next test sets up (a live preview rolling back) would undo
    that set-up. So requests take turns, and each test waits until the server is idle."""

    def __init__(self):
        self.count, self.changed, self.turn = 0, threading.Condition(), threading.Lock()
        answer = WSGIHandler.__call__

        def counted(handler, environ, start_response):
            with self.changed:
                self.count += 1
            try:
                with self.turn:
                    return answer(handler, environ, start_response)
            finally:
                with self.changed:
                    self.count -= 1
                    self.changed.notify_all()

        WSGIHandler.__call__ = counted

    def wait_until_idle(self, seconds=30):
        with self.changed:
            return self.changed.wait_for(lambda: self.count == 0, timeout=seconds)


IN_FLIGHT = RequestsInFlight()


@pytest.fixture(autouse=True)
def fail_fast(page):
    page.set_default_timeout(10_000)
    yield
    page.goto("about:blank")  # stops the page's own timers (autosave, the live preview)
    for _ in range(2):  # a request sent just before may arrive a moment later
        assert IN_FLIGHT.wait_until_idle(), "the live server is still answering this test's requests"
        page.wait_for_timeout(200)

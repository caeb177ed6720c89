"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server."""

import os
import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from tests.factories import UserFactory

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
STAFF_PASSWORD = "a-long-browser-test-password"


def pytest_collection_modifyitems(config, items):
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
    page.wait_for_url(f"{base_url}/admin/")
    return user


@pytest.fixture
def staff_page(page, demo_site):
    """A page signed in to the admin as a superuser."""
    UserFactory(username="browser-editor", is_superuser=True, is_staff=True, password=STAFF_PASSWORD)
    page.goto(f"{demo_site}/admin/login/")
    page.get_by_label("Username").fill("browser-editor")
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{demo_site}/admin/")
    return page


@pytest.fixture(autouse=True)
def fail_fast(page):
    page.set_default_timeout(10_000)

"""Regenerates the admin home's screenshot in docs/screenshots/ (scripts/screenshots runs it; the suite does not)."""

import pytest

from publishing.roles import sync_roles

from .conftest import DESKTOP, sign_in
from .test_admin_home_journey import an_authors_week
from .test_screenshots import OUT

pytestmark = pytest.mark.screenshots


def test_regenerate_admin_home_screenshot(page, demo_site, transactional_db):
    sync_roles()  # live-server tests empty every table, roles included
    page.set_viewport_size(DESKTOP)
    author = sign_in(page, demo_site, "Author")
    an_authors_week(author)
    page.reload()
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=OUT / "admin-home-desktop.png")

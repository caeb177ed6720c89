"""Regenerates docs/screenshots/ (run with scripts/screenshots; not part of the test suite)."""

from pathlib import Path

import pytest

from articles.models import Article

from .conftest import DESKTOP, PHONE

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PUBLIC_PAGES = {
    "home": "/",
    "treatment": "/treatments/botox/",
    "article": "/blog/botox-facial-symmetry/",
    "blog": "/blog/",
    "search": "/search/?q=swelling",
    "consultation": "/consultation/?treatment=botox",
}

pytestmark = pytest.mark.screenshots


@pytest.mark.parametrize("size_name, viewport", [("phone", PHONE), ("desktop", DESKTOP)])
def test_regenerate_screenshots(staff_page, demo_site, size_name, viewport):
    OUT.mkdir(parents=True, exist_ok=True)
    page = staff_page
    page.set_viewport_size(viewport)
    article = Article.objects.get(slug="botox-facial-symmetry")
    page.goto(f"{demo_site}/admin/articles/article/{article.pk}/change/")
    page.locator(".ck-editor__editable").first.wait_for()
    page.screenshot(path=OUT / f"admin-editor-{size_name}.png")
    page.context.clear_cookies()  # patients see no staff banner
    for name, path in PUBLIC_PAGES.items():
        page.goto(demo_site + path)
        page.screenshot(path=OUT / f"{name}-{size_name}.png", full_page=True)
    page.goto(demo_site + "/consultation/")
    page.get_by_label("Email address").fill("jane@")
    page.get_by_role("button", name="Send my enquiry").click()
    page.screenshot(path=OUT / f"consultation-errors-{size_name}.png", full_page=True)


def test_regenerate_admin_preview_and_seo_panel_screenshots(staff_page, demo_site):
    """The live preview beside an article's form, and its search and sharing panel, at 1280×800."""
    OUT.mkdir(parents=True, exist_ok=True)
    page = staff_page
    page.set_viewport_size(DESKTOP)
    article = Article.objects.get(slug="botox-facial-symmetry")
    page.goto(f"{demo_site}/admin/articles/article/{article.pk}/change/")
    page.locator(".ck-editor__editable").first.wait_for()
    page.get_by_role("button", name="Preview", exact=True).click()
    page.frame_locator("#live-preview iframe:not(.live-preview__frame--back)").locator("h1").wait_for()
    page.screenshot(path=OUT / "admin-preview-desktop.png")
    page.get_by_role("button", name="Close preview").click()
    page.get_by_label("Meta description:").fill(
        "Why one side of a face can differ from the other, and how Botox relaxes the muscle pulling it out of "
        "balance: results, downtime and what to ask a practitioner."
    )
    page.get_by_role("heading", name="Search engines and sharing").evaluate("element => element.scrollIntoView()")
    page.screenshot(path=OUT / "admin-seo-panel-desktop.png")

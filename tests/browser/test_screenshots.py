"""Regenerates docs/screenshots/ (run with scripts/screenshots; not part of the test suite)."""

import re
from pathlib import Path

import pytest

from articles.models import Article

from .conftest import DESKTOP, PHONE

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PUBLIC_PAGES = {
    "home": "/",
    "treatments": "/treatments/",
    "treatment": "/treatments/botox/",
    "article": "/blog/botox-facial-symmetry/",
    "blog": "/blog/",
    "team": "/team/",
    "clinician": "/team/daniel-okafor/",
    "visit": "/visit/",
    "prices": "/prices/",
    "search": "/search/?q=swelling",
    "search-typo": "/search/?q=botx",
    "consultation": "/consultation/?treatment=botox",
}
SIZES = [("phone", PHONE), ("small-phone", {"width": 360, "height": 640}), ("desktop", DESKTOP),
         ("wide", {"width": 1440, "height": 900})]

pytestmark = pytest.mark.screenshots


def settle(page):
    """Fonts in, and every picture loaded (lazy ones too), so a full-page shot shows what a reader sees."""
    page.evaluate("document.fonts.ready")
    page.evaluate(
        """async () => {
            document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager'; });
            await Promise.all([...document.images].map(img => img.decode().catch(() => null)));
        }"""
    )
    page.wait_for_timeout(300)  # CSS background pictures


@pytest.mark.parametrize("size_name, viewport", SIZES)
def test_regenerate_screenshots(staff_page, demo_site, size_name, viewport):
    OUT.mkdir(parents=True, exist_ok=True)
    page = staff_page
    page.set_viewport_size(viewport)
    if size_name in ("phone", "desktop"):
        article = Article.objects.get(slug="botox-facial-symmetry")
        page.goto(f"{demo_site}/admin/articles/article/{article.pk}/change/")
        page.locator(".ck-editor__editable").first.wait_for()
        page.screenshot(path=OUT / f"admin-editor-{size_name}.png")
    page.context.clear_cookies()  # patients see no staff banner
    for name, path in PUBLIC_PAGES.items():
        page.goto(demo_site + path)
        settle(page)
        page.screenshot(path=OUT / f"{name}-{size_name}.png", full_page=True)

    if size_name == "phone":  # what a phone shows first, the Book / Call bar after scrolling, the open menu
        page.goto(demo_site + "/treatments/botox/")
        settle(page)
        page.screenshot(path=OUT / "treatment-phone-first-screen.png")
        page.mouse.wheel(0, 2200)
        page.locator(".book-bar").wait_for()
        page.wait_for_timeout(300)
        page.screenshot(path=OUT / "treatment-phone-scrolled.png")
        page.evaluate("window.scrollTo(0, 0)")
        page.get_by_text("Menu", exact=True).click()
        page.screenshot(path=OUT / "menu-phone.png")

    page.goto(demo_site + "/consultation/")
    page.get_by_label("Email address").fill("jane@")
    page.get_by_role("button", name="Send my enquiry").click()
    settle(page)
    page.screenshot(path=OUT / f"consultation-errors-{size_name}.png", full_page=True)

    page.goto(demo_site + "/consultation/?treatment=botox")
    page.get_by_label("Your name").fill("Jane Patient")
    page.get_by_label("Email address").fill("jane@example.com")
    page.get_by_label("I confirm I am 18 or over.").check()
    page.get_by_label(re.compile("I agree to the clinic using")).check()
    page.get_by_role("button", name="Send my enquiry").click()
    page.get_by_role("region", name="What you sent us").wait_for()
    settle(page)
    page.screenshot(path=OUT / f"thanks-{size_name}.png", full_page=True)

def test_regenerate_compare_screenshot(staff_page, demo_site):
    """The compare view at 1280×800: the Botox page as loaded against two later edits (words, a fact, an FAQ)."""
    from reversion.models import Version

    from treatments.models import Treatment

    from .test_history_journey import first_word_to_botulinum_toxin, last_word_to_work, publish_change

    def words_and_a_fact(page, body):
        last_word_to_work(page, body)
        page.get_by_label("Results last:").fill("About 4 months")

    page = staff_page
    page.set_viewport_size(DESKTOP)
    botox = Treatment.objects.get(slug="botox")
    change_url = f"{demo_site}/admin/treatments/treatment/{botox.pk}/change/"
    publish_change(page, change_url, first_word_to_botulinum_toxin)
    publish_change(page, change_url, words_and_a_fact)
    newest, *_, loaded = Version.objects.get_for_object(botox)
    page.goto(f"{change_url.removesuffix('change/')}history/compare/?version_id1={loaded.pk}&version_id2={newest.pk}")
    page.screenshot(path=OUT / "admin-compare-desktop.png")

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


def test_regenerate_editor_tools_screenshots(staff_page, demo_site):
    """The editor's "Link to a page" chooser at 1280×800, and an article with a video as patients first see it."""
    page = staff_page
    page.set_viewport_size(DESKTOP)
    article = Article.objects.get(slug="botox-facial-symmetry")
    page.goto(f"{demo_site}/admin/articles/article/{article.pk}/change/")
    page.locator(".ck-editor__editable").first.click()
    page.get_by_role("button", name="Link to a page").first.click()
    page.get_by_label("Page title").fill("botox")
    page.get_by_role("status").filter(has_text="found").wait_for()
    page.screenshot(path=OUT / "admin-page-link-desktop.png")
    Article.objects.filter(pk=article.pk).update(body=article.body.replace(
        "</p>", '</p><figure class="media"><oembed url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"></oembed></figure>',
        1))
    page.context.clear_cookies()
    for size_name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(viewport)
        page.goto(demo_site + article.get_absolute_url())
        settle(page)
        page.locator(".video").scroll_into_view_if_needed()
        page.screenshot(path=OUT / f"article-video-{size_name}.png")

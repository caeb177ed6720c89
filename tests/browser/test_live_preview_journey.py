"""At 1280×800, staff open the live preview beside an article's form: it follows what they type in the title and in
CKEditor, keeps its scroll position, switches to phone width; the search snippet counts as they type. Nothing is
saved, and our admin parts pass axe."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article

from .conftest import DESKTOP
from .helpers import axe_violations

pytestmark = pytest.mark.browser
OUR_ADMIN_PARTS = [".live-preview-toggle", "#live-preview", ".seo-panel"]
SHOWN_FRAME = "#live-preview iframe:not(.live-preview__frame--back)"


def shown_frame(page):
    return page.frame_locator(SHOWN_FRAME)


def wait_for_the_preview(page):
    """Until the preview shows the latest typing (no refresh waiting or loading)."""
    expect(page.locator("[data-live-preview-viewport]")).not_to_have_attribute("aria-busy", "true")


def preview_scroll(page):
    return page.locator(SHOWN_FRAME).evaluate("frame => frame.contentWindow.scrollY")


def test_the_preview_follows_typing_at_desktop_and_phone_widths(staff_page, demo_site):
    page = staff_page
    page.set_viewport_size(DESKTOP)
    article = Article.objects.get(slug="botox-facial-symmetry")
    page.goto(f"{demo_site}/admin/articles/article/{article.pk}/change/")
    editor = page.locator(".ck-editor__editable").first
    editor.wait_for()

    toggle = page.get_by_role("button", name="Preview", exact=True)
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    panel = page.locator("#live-preview")
    expect(panel).to_be_visible()
    expect(shown_frame(page).locator("h1")).to_have_text("Botox for facial symmetry")
    # Side by side at 1280 px: the preview is to the right of the form.
    form_box, panel_box = page.locator("#content-main").bounding_box(), panel.bounding_box()
    assert panel_box["x"] >= form_box["x"] + form_box["width"] and panel_box["width"] > 300

    title = page.get_by_label("Title:", exact=True)
    title.fill("")
    title.press_sequentially("Botox for a balanced face")
    expect(shown_frame(page).locator("h1")).to_have_text("Botox for a balanced face")

    # Scrolled down the preview, staff keep their place while it refreshes.
    wait_for_the_preview(page)
    page.locator(SHOWN_FRAME).evaluate("frame => frame.contentWindow.scrollTo(0, 600)")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Typed in the editor: results fade after three to four months.")
    expect(shown_frame(page).locator("main")).to_contain_text("Typed in the editor: results fade")
    wait_for_the_preview(page)
    assert preview_scroll(page) > 400
    # A change made with the editor's toolbar (no typing at all) is followed too.
    page.keyboard.press("Shift+Home")
    page.get_by_role("button", name=re.compile("^Bold")).first.click()
    expect(shown_frame(page).locator("main strong", has_text="Typed in the editor")).to_be_visible()

    page.get_by_role("button", name="Phone").click()
    expect(page.get_by_role("button", name="Phone")).to_have_attribute("aria-pressed", "true")
    assert page.locator(SHOWN_FRAME).evaluate("frame => frame.contentWindow.innerWidth") == 390
    expect(shown_frame(page).locator("h1")).to_have_text("Botox for a balanced face")
    assert axe_violations(page, OUR_ADMIN_PARTS) == []

    count = page.locator("[data-seo-count=title]")
    before = int(count.inner_text())
    seo_title = page.get_by_label("SEO title:")
    seo_title.scroll_into_view_if_needed()
    seo_title.press_sequentially("Botox for facial balance")
    expect(count).to_have_text(str(len("Botox for facial balance | Harbour Aesthetics Clinic")))
    assert int(count.inner_text()) != before
    expect(page.locator("[data-seo=search-title]")).to_have_text(re.compile("^Botox for facial balance |"))
    expect(shown_frame(page).locator("h1")).to_have_text("Botox for a balanced face")  # the page heading stays

    wait_for_the_preview(page)  # no preview left loading when the test ends
    page.get_by_role("button", name="Close preview").click()
    expect(panel).to_be_hidden()
    expect(toggle).to_be_focused()
    article.refresh_from_db()
    assert article.title == "Botox for facial symmetry" and "Typed in the editor" not in article.body


def test_the_panel_says_so_when_typing_cannot_be_shown(staff_page, demo_site):
    page = staff_page
    page.set_viewport_size(DESKTOP)
    page.goto(f"{demo_site}/admin/articles/article/add/")
    page.locator(".ck-editor__editable").first.wait_for()
    page.get_by_role("button", name="Preview", exact=True).click()
    expect(page.locator("[data-live-preview-status]")).to_contain_text("problems to fix before you save")
    assert axe_violations(page, OUR_ADMIN_PARTS) == []
    page.get_by_label("Title:", exact=True).press_sequentially("Recovering after eyelid surgery")
    page.get_by_label("Summary:", exact=True).fill("The first two weeks.")
    page.locator(".ck-editor__editable").first.click()
    page.keyboard.type("Expect some swelling.")
    expect(shown_frame(page).locator("h1")).to_have_text("Recovering after eyelid surgery")
    expect(shown_frame(page).locator("main")).to_contain_text("Expect some swelling.")
    wait_for_the_preview(page)  # no preview left loading when the test ends
    assert not Article.objects.filter(title="Recovering after eyelid surgery").exists()

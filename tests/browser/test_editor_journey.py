"""One marketer's afternoon at 1280×800, start to finish: an article written with a heading, a list, a link chosen
from "Link to a page", a YouTube video and a hero image reused from the library with its focal point set by a
click, with the live preview following the typing and the search snippet counting; published, then changed and
compared word by word; a treatment's FAQs reordered by dragging; the old site's addresses imported from a CSV file
whose bad row is named before anything is saved."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from images.models import Image
from publishing.models import Redirect
from treatments.models import Treatment

from .conftest import DESKTOP
from .test_editor_tools import choose_page, editor_data, new_article
from .test_history_journey import double_click_word
from .test_live_preview_journey import shown_frame, wait_for_the_preview

pytestmark = pytest.mark.browser


def set_focal_point(page, demo_site, image, across, down):
    page.goto(f"{demo_site}/admin/images/image/{image.pk}/change/")
    picker = page.locator("[data-focal-picker]")
    box = picker.locator("img").bounding_box()
    picker.click(position={"x": box["width"] * across / 100, "y": box["height"] * down / 100})
    expect(page.get_by_label("Focal point across (%)")).to_have_value(str(across))
    expect(page.get_by_label("Focal point down (%)")).to_have_value(str(down))
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")


def choose_hero(page, image):
    page.get_by_role("button", name="Choose from library").first.click()
    dialog = page.get_by_role("dialog", name="Choose an image from the library")
    dialog.get_by_label("Search by title or description").fill(image.title.split()[-1])
    dialog.get_by_role("button", name=re.compile(re.escape(image.title))).first.click()
    expect(dialog).to_be_hidden()
    expect(page.locator("#id_hero_image")).to_have_value(str(image.pk))


def write_the_article(page, demo_site, hero):
    new_article(page, demo_site, "Your first consultation")
    page.locator(".ck-heading-dropdown button").first.click()
    page.get_by_role("menuitemradio", name="Heading 2").click()
    page.keyboard.type("What to bring")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Bulleted List").first.click()
    page.keyboard.type("Your medicines")
    page.keyboard.press("Enter")
    page.keyboard.type("Photos of past treatments")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type("Read about ")
    choose_page(page, "boto", "Botox")
    page.keyboard.type(" before you come.")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Insert a video (YouTube or Vimeo)").first.click()
    page.get_by_label("Video address").fill("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    page.get_by_role("button", name="Insert", exact=True).click()

    choose_hero(page, hero)

    # The preview beside the form shows all of it, and follows what is typed next.
    page.get_by_role("button", name="Preview", exact=True).click()
    preview = shown_frame(page)
    expect(preview.get_by_role("heading", name="What to bring")).to_be_visible()
    expect(preview.locator(".prose li")).to_have_text(["Your medicines", "Photos of past treatments"])
    expect(preview.get_by_role("link", name="Botox", exact=True)).to_have_attribute("href", "/treatments/botox/")
    expect(preview.get_by_role("link", name="Play the video (YouTube)")).to_be_visible()
    expect(preview.locator(".hero-image img")).to_have_attribute("alt", hero.alt_text)
    page.locator(".ck-editor__editable p", has_text="before you come.").click()
    page.keyboard.press("End")
    page.keyboard.type(" Arrive ten minutes early.")
    expect(preview.locator("main")).to_contain_text("Arrive ten minutes early.")

    seo_title = page.get_by_label("SEO title:")
    seo_title.scroll_into_view_if_needed()
    seo_title.press_sequentially("Your first consultation: what to bring")
    expect(page.locator("[data-seo=search-title]")).to_have_text(re.compile("^Your first consultation: what to"))
    expect(page.locator("[data-seo-count=title]")).to_have_text(
        str(len("Your first consultation: what to bring | Harbour Aesthetics Clinic")))
    wait_for_the_preview(page)


def test_a_marketers_afternoon(staff_page, demo_site, tmp_path):
    page = staff_page
    page.set_viewport_size(DESKTOP)
    hero = Image.objects.filter(decorative=False, pk__in=Article.objects.values("hero_image")).first()  # reused
    set_focal_point(page, demo_site, hero, 30, 40)

    write_the_article(page, demo_site, hero)
    page.get_by_label("Status:", exact=True).select_option("published")
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    article = Article.objects.get(slug="your-first-consultation")
    assert article.is_published()
    assert "<h2>What to bring</h2>" in article.body and "youtube.com/watch?v=dQw4w9WgXcQ" in article.body
    botox = Treatment.objects.get(slug="botox")
    assert f'data-page="treatments.treatment:{botox.pk}"' in article.body

    # A word changed after publishing, then the two versions compared.
    body = page.locator(".ck-editor__editable").first
    double_click_word(page, body.locator("li").first, "medicines")
    page.keyboard.type("prescriptions")
    assert re.search(r"<li[^>]*>Your prescriptions</li>", editor_data(page))
    page.get_by_role("button", name="Publish changes").first.click()
    expect(page.locator(".messagelist")).to_contain_text("published")
    page.goto(f"{demo_site}/admin/articles/article/{article.pk}/history/")
    page.get_by_role("button", name="Compare").click()
    changed = page.locator("section", has=page.get_by_role("heading", name="Body", exact=True))
    expect(changed.locator("del")).to_have_text(["medicines"])
    expect(changed.locator("ins")).to_have_text(["prescriptions"])
    expect(page.locator("section.compare-change h2")).to_have_count(1)

    # FAQs put in order by dragging.
    rhinoplasty = Treatment.objects.get(slug="rhinoplasty")
    first, second, third = [faq.question for faq in rhinoplasty.faqs.all()]
    page.goto(f"{demo_site}/admin/treatments/treatment/{rhinoplasty.pk}/change/")
    page.get_by_role("button", name="Close preview").click()  # opened on the article, it stays open
    page.locator("#faqs-1 h3").evaluate("heading => heading.scrollIntoView()")  # both title bars in sight
    expect(page.locator("#faqs-2").get_by_role("button", name=f"Move up: FAQ: {third}")).to_be_visible()
    page.locator("#faqs-2 h3").drag_to(page.locator("#faqs-1 h3"), target_position={"x": 40, "y": 2})
    expect(page.locator("#faqs-group").get_by_role("status")).to_have_text(
        f"FAQ: {third} moved to position 2 of 4.")
    page.get_by_role("button", name="Publish changes").first.click()
    expect(page.locator(".messagelist")).to_contain_text("published")
    assert list(rhinoplasty.faqs.values_list("question", flat=True)) == [first, third, second]

    # The old site's addresses: one bad row is named and nothing is saved until the file is right.
    page.goto(f"{demo_site}/admin/publishing/redirect/")
    page.get_by_role("link", name="Import from a file").click()
    old_site = tmp_path / "old-site.csv"
    old_site.write_text("old,new\n/botox.html,/treatments/botox/\n/consultation.html,/blog/no-such-article/\n")
    page.get_by_label("CSV file").set_input_files(old_site)
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("alert")).to_contain_text("Nothing was imported: 1 row of 2 needs fixing.")
    expect(page.locator(".problems")).to_contain_text(["Row 3: The new address /blog/no-such-article/ answers"])
    assert not Redirect.objects.filter(old_path="/botox.html").exists()
    old_site.write_text("old,new\n/botox.html,/treatments/botox/\n/consultation.html,/blog/your-first-consultation/\n")
    page.get_by_label("CSV file").set_input_files(old_site)
    page.get_by_role("button", name="Check the file").click()
    page.get_by_role("button", name="Import 2 redirects").click()
    expect(page.locator(".messagelist")).to_contain_text("2 redirects imported.")

    page.context.clear_cookies()
    page.goto(demo_site + "/consultation.html")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your first consultation")
    expect(page.get_by_role("listitem").filter(has_text="Your prescriptions")).to_be_visible()
    hero_shown = page.locator(".hero-image img")
    expect(hero_shown).to_have_attribute("alt", hero.alt_text)
    expect(hero_shown).to_have_css("object-position", "30% 40%")  # cropped around the focal point

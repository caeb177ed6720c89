"""The image library at 1280×800: staff set an image's focal point by clicking it (and nudge it with the keyboard),
choose that image from the library as an article's hero, publish, and patients' hero crop follows the focal point.
With UPDATE_SCREENSHOTS=1 it also writes the library's screenshots into docs/screenshots/."""

import os
import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from images.models import Image
from tests.imagefiles import image_bytes

from .conftest import DESKTOP
from .helpers import axe_violations
from .test_screenshots import OUT

pytestmark = pytest.mark.browser
SAVE = os.environ.get("UPDATE_SCREENSHOTS") == "1"


def snap(page, name):
    if SAVE:
        OUT.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=OUT / name)


def test_a_library_image_with_a_focal_point_becomes_an_articles_hero_cropped_around_it(staff_page, demo_site,
                                                                                       tmp_path):
    page = staff_page
    page.set_viewport_size(DESKTOP)
    article = Article.objects.get(slug="botox-facial-symmetry")
    image = Image.objects.exclude(pk=article.hero_image_id).filter(decorative=False).order_by("pk").first()

    page.goto(f"{demo_site}/admin/images/image/")
    expect(page.get_by_role("link", name=image.title).first).to_be_visible()
    snap(page, "image-library-list.png")

    page.goto(f"{demo_site}/admin/images/image/{image.pk}/change/")
    picture = page.locator("[data-focal-picker] img")
    box = picture.bounding_box()
    page.locator("[data-focal-picker]").click(position={"x": box["width"] * 0.2, "y": box["height"] * 0.25})
    expect(page.get_by_label("Focal point across (%)")).to_have_value("20")
    expect(page.get_by_label("Focal point down (%)")).to_have_value("25")
    page.locator("[data-focal-picker]").press("ArrowRight")  # the keyboard moves it too
    expect(page.get_by_label("Focal point across (%)")).to_have_value("21")
    marker = page.locator("[data-focal-marker]")
    assert marker.evaluate("m => m.style.left") == "21%"
    expect(page.locator("[data-focal-crop]").first).to_have_css("object-position", "21% 25%")
    page.locator(".focal-picker").evaluate("picker => picker.closest('fieldset').scrollIntoView()")
    snap(page, "image-library-focal-point.png")
    assert axe_violations(page, include=["#content-main"]) == []
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(f"{demo_site}/admin/articles/article/{article.pk}/change/")
    page.get_by_role("button", name="Choose from library").first.click()
    dialog = page.get_by_role("dialog", name="Choose an image from the library")
    expect(dialog.get_by_role("status")).to_contain_text("13 images")
    page.wait_for_timeout(500)  # the thumbnails' images load
    snap(page, "image-library-chooser.png")
    assert axe_violations(page, include=["dialog[open]"]) == []
    dialog.get_by_label("Search by title or description").fill(image.title.split()[-1])
    choice = dialog.get_by_role("button", name=re.compile(re.escape(image.title)))
    expect(dialog.get_by_role("status")).to_contain_text("1 image")
    choice.first.click()
    expect(dialog).to_be_hidden()
    expect(page.locator("#id_hero_image")).to_have_value(str(image.pk))
    expect(page.locator("[data-image-chooser-thumb]").first).to_have_attribute("src", image.thumbnail_url)
    page.get_by_label("Hero image alt text:").fill("")  # the library's description serves
    page.get_by_label("Hero image is decorative").uncheck()
    page.get_by_role("button", name="Publish changes").first.click()
    expect(page.locator(".messagelist")).to_be_visible()

    # "Upload a new image" for the share image: the library's form in a small window, chosen once saved.
    page.goto(f"{demo_site}/admin/articles/article/{article.pk}/change/")
    share = page.locator("[data-image-chooser]", has=page.locator("#id_share_image"))
    with page.expect_popup() as opened:
        share.get_by_role("link", name="Upload a new image").click()
    popup = opened.value
    photo = tmp_path / "IMG_2231.jpg"
    photo.write_bytes(image_bytes("JPEG", (1600, 1000)))
    popup.get_by_label("Image file").set_input_files(photo)
    popup.get_by_label("Alt text:").fill("Nurse welcoming a patient at the front desk")
    popup.get_by_role("button", name="Save", exact=True).click()
    popup.wait_for_event("close")
    uploaded = Image.objects.get(alt_text="Nurse welcoming a patient at the front desk")
    expect(page.locator("#id_share_image")).to_have_value(str(uploaded.pk))
    expect(share.locator("[data-image-chooser-thumb]")).to_have_attribute("src", uploaded.thumbnail_url)
    expect(page.locator("[data-seo=image]")).to_have_attribute("src", uploaded.share_crop_url)  # the share card

    # The editor's "Image from library" puts the image in the text with the library's description.
    page.goto(f"{demo_site}/admin/articles/article/{article.pk}/change/")
    page.locator(".ck-editor__editable").first.click()
    page.get_by_role("button", name="Image from library").first.click()
    library = page.get_by_role("dialog", name="Insert image from library")
    library.get_by_label("Search by title or description").fill(image.title.split()[-1])
    library.get_by_role("button", name=re.compile(re.escape(image.title))).first.click()
    expect(library).to_be_hidden()
    body = page.evaluate("() => window.editors.id_body.getData()")
    assert f'src="{image.file.url}"' in body and f'alt="{image.alt_text}"' in body

    page.goto(f"{demo_site}/blog/botox-facial-symmetry/")
    hero = page.locator(".hero-image img")
    expect(hero).to_have_attribute("alt", image.alt_text)
    expect(hero).to_have_class(re.compile(r"\bfocus-x20 focus-y25\b"))
    expect(hero).to_have_css("object-position", "20% 25%")  # the crop keeps the focal point in view
    og = page.locator('meta[property="og:image"]').get_attribute("content")
    assert "crop21x25-1200x630" in og

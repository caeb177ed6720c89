"""Staff write in CKEditor 5, save a draft, preview it, publish it, and edit a treatment's FAQ."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from publishing.models import Status
from tests.imagefiles import image_bytes
from treatments.models import Treatment

pytestmark = pytest.mark.browser


def anonymous_status(browser, url):
    context = browser.new_context()
    try:
        return context.request.get(url).status
    finally:
        context.close()


def test_staff_write_preview_and_publish_an_article(staff_page, demo_site, browser, tmp_path):
    page = staff_page
    page.goto(f"{demo_site}/admin/articles/article/add/")
    page.get_by_label("Title:", exact=True).press_sequentially("Recovering after eyelid surgery")
    expect(page.get_by_label("Slug:", exact=True)).to_have_value("recovering-after-eyelid-surgery")
    page.get_by_label("Summary:", exact=True).fill("What the first two weeks after eyelid surgery look like.")

    editor = page.locator(".ck-editor__editable").first
    editor.click()
    page.locator(".ck-heading-dropdown button").first.click()
    page.get_by_role("menuitemradio", name="Heading 2").click()
    page.keyboard.type("The first week")
    page.keyboard.press("Enter")
    page.keyboard.type("Expect some bruising and swelling.")
    page.keyboard.press("Enter")
    page.keyboard.type("NHS guidance")
    page.keyboard.press("Shift+Home")
    page.get_by_role("button", name=re.compile("^Link")).first.click()
    page.get_by_label("Link URL").fill("https://www.nhs.uk/conditions/cosmetic-procedures/")
    page.keyboard.press("Enter")
    editor.locator("a", has_text="NHS guidance").wait_for()
    # Put the caret back by clicking plain text, as a person would (the link balloon may hold focus);
    # the list then goes between the paragraph and the link.
    expect(page.get_by_label("Link URL")).to_be_hidden()
    editor.locator("p", has_text="Expect some bruising").click()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Bulleted List").first.click()
    page.keyboard.type("Sleep with your head raised")
    page.keyboard.press("Enter")
    page.keyboard.type("Use cold compresses")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # an empty item ends the list

    photo = tmp_path / "recovery.png"
    photo.write_bytes(image_bytes("PNG", size=(64, 48)))
    page.locator(".ck-file-dialog-button input[type=file]").first.set_input_files(photo)
    expect(editor.locator("img[src*='/media/library/']")).to_have_count(1)
    editor.locator("img[src*='/media/library/']").click()
    page.get_by_role("button", name="Change image text alternative").click()
    page.get_by_label("Text alternative").fill("Patient resting with a cold compress over the eyes")
    page.keyboard.press("Enter")

    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    article = Article.objects.get(slug="recovering-after-eyelid-surgery")
    assert article.status == Status.DRAFT
    assert "<h2>The first week</h2>" in article.body
    assert "<li>Use cold compresses</li>" in article.body
    assert 'href="https://www.nhs.uk/conditions/cosmetic-procedures/"' in article.body
    assert re.search(r'<img src="/media/library/\d{4}/\d{2}/\w+\.png"', article.body)
    assert 'alt="Patient resting with a cold compress over the eyes"' in article.body
    assert 'srcset="/media/renditions/library/' in article.body
    public_url = demo_site + article.get_absolute_url()
    assert anonymous_status(browser, public_url) == 404

    page.goto(public_url)
    expect(page.get_by_role("status")).to_contain_text("Not published.")
    expect(page.get_by_role("heading", name="The first week")).to_be_visible()

    page.goto(f"{demo_site}/admin/articles/article/{article.pk}/change/")
    page.get_by_label("Status:", exact=True).select_option("published")
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    assert anonymous_status(browser, public_url) == 200
    page.context.clear_cookies()
    page.goto(demo_site + "/blog/")
    expect(page.get_by_role("link", name="Recovering after eyelid surgery")).to_be_visible()
    feed = page.request.get(demo_site + "/blog/feed/").text()
    assert "<title>Recovering after eyelid surgery</title>" in feed


def test_staff_draft_a_live_treatments_faq_preview_it_and_publish_it(staff_page, demo_site):
    page = staff_page
    botox = Treatment.objects.get(slug="botox")
    page.goto(f"{demo_site}/admin/treatments/treatment/{botox.pk}/change/")
    page.locator("#id_faqs-0-question").fill("Does Botox hurt at all?")
    page.get_by_role("button", name="Save draft").first.click()
    expect(page.locator(".messagelist")).to_contain_text("Patients still see the live page")
    assert not botox.faqs.filter(question="Does Botox hurt at all?").exists()
    with page.context.expect_page() as opened:
        page.get_by_role("link", name="Preview changes").first.click()
    preview = opened.value
    expect(preview.locator("summary", has_text="Does Botox hurt at all?")).to_be_visible()
    preview.close()
    page.get_by_role("button", name="Publish changes").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    page.context.clear_cookies()
    page.goto(demo_site + "/treatments/botox/")
    expect(page.locator("summary", has_text="Does Botox hurt at all?")).to_be_visible()

"""The editor at 1280×800: a staff member writes an article with a heading, a list, a link chosen with "Link to a
page" and a YouTube video; patients get the link at the page's address of the day and a video that loads nothing
until pressed. Links end where they end; pasted text arrives as the site will show it."""

import base64
import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.imagefiles import image_bytes
from treatments.models import Treatment

from .conftest import DESKTOP, PHONE
from .helpers import axe_violations

pytestmark = pytest.mark.browser
VIDEO_HOSTS = ("youtube", "ytimg", "googlevideo", "vimeo")
# Collects Content-Security-Policy violations from the first script on: none are expected anywhere.
WATCH_CSP = "window.cspViolations = []; document.addEventListener('securitypolicyviolation', " \
            "(e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"


def editor_data(page, field="id_body"):
    return page.evaluate("id => window.editors[id].getData()", field)


def new_article(page, demo_site, title):
    page.goto(f"{demo_site}/admin/articles/article/add/")
    page.get_by_label("Title:", exact=True).press_sequentially(title)
    page.get_by_label("Summary:", exact=True).fill("What to read before a first appointment.")
    editor = page.locator(".ck-editor__editable").first
    editor.click()
    return editor


def choose_page(page, words, title):
    page.get_by_role("button", name="Link to a page").first.click()
    dialog = page.get_by_role("dialog", name="Link to a page")
    dialog.get_by_label("Page title").fill(words)
    expect(dialog.get_by_role("status")).to_contain_text("found")
    dialog.get_by_role("button", name=re.compile(rf"^{title} (Treatment|Article) ·")).click()
    expect(dialog).to_be_hidden()


def paste_html(page, html):
    page.evaluate("""html => {
        const dt = new DataTransfer();
        dt.setData('text/html', html);
        dt.setData('text/plain', html.replace(/<[^>]+>/g, ''));
        document.querySelector('.ck-editor__editable').dispatchEvent(
            new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
    }""", html)


def test_an_article_with_a_chosen_link_and_a_video_reaches_patients_as_written(staff_page, demo_site, browser,
                                                                                tmp_path):
    page = staff_page
    page.set_viewport_size(DESKTOP)
    editor = new_article(page, demo_site, "Before your first appointment")
    page.locator(".ck-heading-dropdown button").first.click()
    page.get_by_role("menuitemradio", name="Heading 2").click()
    page.keyboard.type("Read first")
    page.keyboard.press("Enter")
    page.keyboard.type("Start with ")
    choose_page(page, "boto", "Botox")
    page.keyboard.type(", then bring your questions.")  # after the chosen link, not in it
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Bulleted List").first.click()
    page.keyboard.type("Your medicines")
    page.keyboard.press("Enter")
    page.keyboard.type("Photos of past treatments")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Insert a video (YouTube or Vimeo)").first.click()
    page.get_by_label("Video address").fill("https://youtu.be/dQw4w9WgXcQ")
    page.get_by_role("button", name="Insert", exact=True).click()
    expect(editor.locator(".clinic-video-preview")).to_contain_text("YouTube video dQw4w9WgXcQ")
    page.screenshot(path=tmp_path / "editor.png")
    botox = Treatment.objects.get(slug="botox")
    assert (f'<p>Start with <a href="/treatments/botox/" data-page="treatments.treatment:{botox.pk}">Botox</a>, '
            "then bring your questions.</p>") in editor_data(page)

    page.get_by_label("Status:", exact=True).select_option("published")
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    expect(page.locator(".messagelist")).not_to_contain_text("removed")  # the editor held nothing to drop
    article = Article.objects.get(slug="before-your-first-appointment")
    assert article.is_published()
    assert "<h2>Read first</h2>" in article.body and "<li>Photos of past treatments</li>" in article.body
    assert '<figure class="media"><oembed url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"></oembed></figure>' in (
        article.body)

    # The treatment's address changes after the article was written: the link follows it.
    botox.slug = "anti-wrinkle-injections"
    botox.save()

    context = browser.new_context(viewport=DESKTOP)  # a patient
    patient = context.new_page()
    patient.add_init_script(WATCH_CSP)
    requested = []
    patient.on("request", lambda request: requested.append(request.url))
    patient.goto(demo_site + article.get_absolute_url())
    expect(patient.get_by_role("heading", name="Read first")).to_be_visible()
    expect(patient.locator(".prose li")).to_have_count(2)
    link = patient.get_by_role("link", name="Botox", exact=True)
    expect(link).to_have_attribute("href", "/treatments/anti-wrinkle-injections/")
    play = patient.get_by_role("link", name="Play the video (YouTube)")
    expect(play).to_be_visible()
    play.scroll_into_view_if_needed()
    patient.screenshot(path=tmp_path / "public-before-play.png")
    assert patient.locator("iframe").count() == 0
    assert not [url for url in requested if any(host in url for host in VIDEO_HOSTS)]  # nothing until pressed

    play.click()
    player = patient.locator("figure.video iframe")
    expect(player).to_have_attribute("src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1")
    expect(player).to_have_attribute("title", "Video (YouTube)")
    patient.wait_for_timeout(300)
    assert [url for url in requested if any(host in url for host in VIDEO_HOSTS)] == [
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"]  # the privacy-enhanced player only
    assert patient.evaluate("window.cspViolations") == []  # the page's policy allows exactly that player

    link.click()
    expect(patient.get_by_role("heading", level=1)).to_have_text("Botox")
    assert patient.url.endswith("/treatments/anti-wrinkle-injections/")
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_page_with_a_video_passes_axe(page, demo_site, viewport):
    Article.objects.filter(slug="botox-facial-symmetry").update(body=(
        "<p>How it is done.</p><figure class=\"media\"><oembed url=\"https://vimeo.com/76979871\"></oembed></figure>"
    ))
    page.set_viewport_size(viewport)
    page.goto(demo_site + "/blog/botox-facial-symmetry/")
    expect(page.get_by_role("link", name="Play the video (Vimeo)")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Play the video (Vimeo)").focus()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"  # focus is visible


def test_typing_after_a_link_does_not_extend_it(staff_page, demo_site):
    page = staff_page
    page.set_viewport_size(DESKTOP)
    new_article(page, demo_site, "Link endings")
    for then in ("End", "ArrowRight"):
        page.keyboard.type("See NHS guidance")
        page.locator(".ck-editor__editable p").last.get_by_text("See NHS guidance").dblclick()  # selects a word
        page.keyboard.press("Control+Shift+ArrowRight")
        page.keyboard.press("Home")
        for _ in range(len("See ")):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Shift+End")
        page.keyboard.press("Control+k")
        page.get_by_label("Link URL").fill("https://www.nhs.uk/")
        page.keyboard.press("Enter")
        expect(page.locator(".ck-editor__editable a", has_text="NHS guidance").last).to_be_visible()
        page.keyboard.press(then)
        # As a person would: the caret has moved before the next key (the browser reports it a moment later).
        page.wait_for_function("() => window.editors.id_body.model.document.selection.isCollapsed")
        page.keyboard.type(" today.")
        page.keyboard.press("Enter")
        assert '<a href="https://www.nhs.uk/">NHS guidance</a> today.</p>' in editor_data(page), then
    # Typing inside a link still changes its words.
    page.locator(".ck-editor__editable a").first.get_by_text("NHS guidance").dblclick(position={"x": 50, "y": 5})
    page.keyboard.press("ArrowLeft")  # the start of "guidance", inside the link
    page.wait_for_function("() => window.editors.id_body.model.document.selection.isCollapsed")
    page.keyboard.type("health ")
    assert '<a href="https://www.nhs.uk/">NHS health guidance</a> today.' in editor_data(page)


def test_pasted_text_arrives_as_the_site_will_show_it_and_refused_parts_are_named(staff_page, demo_site):
    page = staff_page
    page.set_viewport_size(DESKTOP)
    new_article(page, demo_site, "Pasted from Word")
    paste_html(page, (
        '<h1>Aftercare</h1><p class="MsoNormal" style="text-align:center"><span style="color:red;'
        'background:yellow;font-family:Calibri">Keep the area clean.</span> <u>Avoid</u> <mark>saunas</mark>.</p>'
        '<ul style="list-style-type:square"><li style="color:blue">Day one</li></ul>'
    ))
    expect(page.locator(".editor-notice")).to_contain_text("colours, highlighting, fonts and alignment were left out")
    data = editor_data(page)
    assert data.startswith("<h2>Aftercare</h2><p>Keep the area clean. Avoid saunas.</p><ul><li")
    assert not re.search(r"style=|<span|<mark|<u>|class=", data)

    paste_html(page, '<p>Call us or <a href="javascript:alert(document.cookie)">book here</a>.</p>')
    expect(page.locator(".editor-notice")).to_contain_text("The link address “javascript:alert(document.cookie)” "
                                                           "was not kept")
    assert "javascript" not in editor_data(page) and "book here" in editor_data(page)

    # Pictures pasted with text are uploaded like any other (the admin's policy lets the editor read them); one on
    # the writer's own disk (Word) cannot be, and is left out with a word.
    picture = base64.b64encode(image_bytes("PNG", size=(40, 30))).decode()
    paste_html(page, f'<p><img src="data:image/png;base64,{picture}" alt="A red square"></p>'
                     '<p><img src="file:///C:/Users/me/photo.png" alt="From Word"></p>')
    expect(page.locator(".editor-notice")).to_contain_text("A picture from another document could not be copied")
    expect(page.locator(".ck-editor__editable img[src^='/media/library/']")).to_have_count(1)
    assert "file:" not in editor_data(page)

    page.keyboard.type(" Read ")
    page.keyboard.press("Control+k")
    page.get_by_label("Link URL").fill("data:text/html,<script>alert(1)</script>")
    page.keyboard.press("Enter")
    expect(page.locator(".editor-notice")).to_contain_text("was not kept")
    assert 'href="data:' not in editor_data(page)  # the address typed stays as words, not as a link


def test_the_page_chooser_is_usable_by_keyboard_and_passes_axe(staff_page, demo_site):
    page = staff_page
    page.set_viewport_size(DESKTOP)
    new_article(page, demo_site, "Chooser by keyboard")
    page.keyboard.type("See ")
    page.get_by_role("button", name="Link to a page").first.click()
    dialog = page.get_by_role("dialog", name="Link to a page")
    expect(dialog.get_by_label("Page title")).to_be_focused()
    expect(dialog.get_by_role("status")).to_contain_text("Pages changed most recently")
    assert axe_violations(page, [".page-chooser"]) == []
    page.keyboard.type("rhinoplasty")
    expect(dialog.get_by_role("status")).to_contain_text("pages found.")
    expect(dialog.get_by_role("listitem").first).to_contain_text("Rhinoplasty Treatment · Live")
    page.keyboard.press("ArrowDown")
    expect(dialog.get_by_role("button", name=re.compile("^Rhinoplasty"))).to_be_focused()
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    assert re.search(r'See <a href="/treatments/rhinoplasty/" data-page="treatments.treatment:\d+">Rhinoplasty</a>',
                     editor_data(page))
    page.get_by_role("button", name="Link to a page").first.click()
    expect(dialog.get_by_label("Page title")).to_be_focused()
    page.keyboard.type("no such page")
    expect(dialog.get_by_role("status")).to_have_text("No page has that in its title.")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()

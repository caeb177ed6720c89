"""At 1280×800, an Editor changes a word of the Botox page twice in CKEditor 5, then compares the two versions from
the page's history and reads exactly the words that changed. The history and compare pages pass axe (our parts)
and the Nu HTML Checker (errors in our templates)."""

import json
import os
import re
import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from treatments.models import Treatment

from .conftest import DESKTOP
from .helpers import ROOT, axe_violations

pytestmark = pytest.mark.browser
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def publish_change(page, change_url, edit):
    page.goto(change_url)
    edit(page, page.locator(".ck-editor__editable").first)
    page.get_by_role("button", name="Publish changes").first.click()
    expect(page.locator(".messagelist")).to_contain_text("published: patients see the changes now")


def double_click_word(page, element, word):
    """Double-click `word` inside `element`, as a person selects a word to type over it."""
    element.scroll_into_view_if_needed()
    box = element.evaluate(
        """(el, word) => {
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const at = walker.currentNode.data.indexOf(word);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(walker.currentNode, at);
                range.setEnd(walker.currentNode, at + word.length);
                const box = range.getBoundingClientRect();
                return {x: box.x + box.width / 2, y: box.y + box.height / 2};
            }
        }""",
        word,
    )
    page.mouse.dblclick(box["x"], box["y"])


def first_word_to_botulinum_toxin(page, body):
    double_click_word(page, body.locator("p").first, "Botox")
    page.keyboard.type("Botulinum toxin")
    expect(body).to_contain_text("Botulinum toxin is a purified protein")


def last_word_to_work(page, body):
    double_click_word(page, body.locator("li", has_text="straight back to their day."), "day")
    page.keyboard.type("work")
    expect(body).to_contain_text("straight back to their work.")
    answer = page.get_by_label("Answer:").first  # "Does it hurt?"
    answer.fill(answer.input_value().replace("very fine", "very thin"))


def our_errors(html_by_name, tmp_path):
    """Nu HTML Checker errors on lines our templates wrote (inside #content-main), by page name."""
    java = shutil.which("java")
    if not (java and VNU_JAR.exists()):
        message = f"The HTML check needs Java and {VNU_JAR.relative_to(ROOT)} ('npm ci')."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    ours, files = {}, []
    for name, html in html_by_name.items():
        lines = html.splitlines()
        start = next(number for number, line in enumerate(lines, 1) if 'id="content-main"' in line)
        end = next(number for number, line in enumerate(lines, 1) if "END Content" in line)
        ours[name] = range(start, end + 1)
        files.append(tmp_path / f"{name}.html")
        files[-1].write_text(html)
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", *map(str, files)],
        capture_output=True, text=True, timeout=120,
    )
    errors = []
    for message in json.loads(result.stdout)["messages"]:
        name = message["url"].rsplit("/", 1)[-1].removesuffix(".html")
        if message.get("lastLine", 0) in ours[name]:
            errors.append(f"{name}:{message.get('lastLine')}: {message['message']}")
    return errors


def test_editor_compares_two_versions_of_the_botox_page_word_by_word(staff_page, demo_site, tmp_path):
    page = staff_page
    page.set_viewport_size(DESKTOP)
    botox = Treatment.objects.get(slug="botox")
    change_url = f"{demo_site}/admin/treatments/treatment/{botox.pk}/change/"
    history_url = change_url.removesuffix("change/") + "history/"

    publish_change(page, change_url, first_word_to_botulinum_toxin)
    publish_change(page, change_url, last_word_to_work)

    page.goto(history_url)
    comments = page.locator("#change-history tbody tr td:last-child").all_inner_texts()
    # Newest first; the first save after loading names only the field typed in, not every rich-text field.
    assert comments[:3] == [
        "Changed Body. Changed Answer for FAQ “Does it hurt?”.", "Changed Body.", "Demo content loaded.",
    ]
    assert axe_violations(page, ["#content-main"]) == []
    history_html = page.context.request.get(page.url).text()  # as served, for the HTML checker
    # The newest two are chosen already: compare them.
    expect(page.get_by_role("radio", name=re.compile("^Compare to the version of")).first).to_be_checked()
    page.get_by_role("button", name="Compare").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("What changed in “Botox”")
    body = page.locator("section", has=page.get_by_role("heading", name="Body", exact=True))
    expect(body.locator("del")).to_have_text(["day"])
    expect(body.locator("ins")).to_have_text(["work"])
    expect(body).to_contain_text("Quick, with no downtime: most people go straight back to their")
    faq = page.locator("section", has=page.get_by_role("heading", name="FAQ “Does it hurt?” — answer changed"))
    expect(faq.locator("del")).to_have_text(["fine"])
    expect(faq.locator("ins")).to_have_text(["thin"])
    # One field and one FAQ changed: nothing else is listed, nor the fields the site works out itself.
    expect(page.locator("section.compare-change h2")).to_have_count(2)
    expect(page.locator("#content-main")).not_to_contain_text("Updated at")
    expect(page.locator("#content-main")).not_to_contain_text("Reviewed content")
    assert axe_violations(page, ["#content-main"]) == []

    # The version before: the first edit, read word by word too.
    page.get_by_role("link", name="‹ The change before").click()
    body = page.locator("section", has=page.get_by_role("heading", name="Body", exact=True))
    expect(body.locator("del")).to_have_text(["Botox"])
    expect(body.locator("ins")).to_have_text(["Botulinum toxin"])

    compare_html = page.context.request.get(page.url).text()
    assert our_errors({"history": history_html, "compare": compare_html}, tmp_path) == []

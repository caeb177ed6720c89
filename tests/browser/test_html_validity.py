"""Every public page type is valid HTML, by the Nu HTML Checker (vnu-jar, run with the machine's Java)."""

import json
import os
import shutil
import subprocess

import pytest

from .helpers import ROOT
from .test_accessibility import PUBLIC_PAGES

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.browser


def test_public_pages_are_valid_html(demo_site, client, tmp_path):
    java = shutil.which("java")
    if not (java and VNU_JAR.exists()):
        message = f"The HTML check needs Java and {VNU_JAR.relative_to(ROOT)} ('npm ci')."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    files = []
    for name, path in PUBLIC_PAGES.items():
        response = client.get(path)
        file = tmp_path / (name.replace(" ", "-") + ".html")
        file.write_bytes(response.content)
        files.append(str(file))
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", *files],
        capture_output=True, text=True, timeout=120,
    )
    errors = [
        f"{message['url'].rsplit('/', 1)[-1]}:{message.get('lastLine')}: {message['message']}"
        for message in json.loads(result.stdout)["messages"]
    ]
    assert errors == []


def nu_errors(files):
    """(file name, line, message) of every error the Nu HTML Checker finds in `files`."""
    java = shutil.which("java")
    if not (java and VNU_JAR.exists()):
        message = f"The HTML check needs Java and {VNU_JAR.relative_to(ROOT)} ('npm ci')."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", *map(str, files)],
        capture_output=True, text=True, timeout=120,
    )
    messages = json.loads(result.stdout)["messages"]
    return [(m["url"].rsplit("/", 1)[-1], m.get("lastLine", 0), m["message"]) for m in messages]


def lines_between(html, start, end):
    """The line numbers from the one holding `start` to the next one holding `end`."""
    first = html.index(start)
    last = html.index(end, first) + len(end)
    return range(html.count("\n", 0, first) + 1, html.count("\n", 0, last) + 2)


def test_the_live_preview_and_our_parts_of_the_change_form_are_valid_html(demo_site, editor_client, tmp_path):
    """The preview is a public page (wholly ours); of the admin's change form, the parts we add (Django's own markup
    is Django's business)."""
    from articles.models import Article
    from tests.articles.test_admin import article_form

    article = Article.objects.get(slug="botox-facial-symmetry")
    preview = editor_client.post(
        f"/admin/articles/article/{article.pk}/change/preview/",
        article_form(author=article.author_id, slug=article.slug, title="", status="published",
                     edit_version=article.updated_at.isoformat()),
    )
    assert b"data-live-preview-notes" in preview.content  # with its note
    (tmp_path / "preview.html").write_bytes(preview.content)
    form = editor_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    (tmp_path / "form.html").write_text(form)
    ours = [
        *lines_between(form, '<p class="live-preview-toggle"', "</p>"),
        *lines_between(form, '<aside id="live-preview"', "</aside>"),
        *lines_between(form, '<div class="seo-panel"', '<div class="form-row field-seo_title">'),
    ]
    errors = nu_errors([tmp_path / "preview.html", tmp_path / "form.html"])
    assert [e for e in errors if e[0] == "preview.html" or e[1] in ours] == []

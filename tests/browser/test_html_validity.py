"""Every public page type, and the admin's page forms and home, are valid HTML by the Nu HTML Checker (vnu-jar, run
with the machine's Java)."""

import json
import os
import re
import shutil
import subprocess

import pytest

from .helpers import ROOT
from .test_accessibility import PUBLIC_PAGES

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.browser


def vnu_errors(files):
    """The Nu HTML Checker's errors in the saved pages, as "file:line: message" (one JVM for them all)."""
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
    return [
        (f"{message['url'].rsplit('/', 1)[-1]}:{message.get('lastLine')}: {message['message']}",
         source_line(files, message))
        for message in json.loads(result.stdout)["messages"]
    ]


def source_line(files, message):
    """The line of the page an error is on, with the one before it (an element's start tag may be there)."""
    file = next(f for f in files if message["url"].endswith("/" + f.name))
    lines = file.read_text().splitlines()
    line = message.get("lastLine", 0)
    return "\n".join(lines[max(line - 2, 0):line])


def test_public_pages_are_valid_html(demo_site, client, tmp_path):
    files = []
    for name, path in PUBLIC_PAGES.items():
        response = client.get(path)
        file = tmp_path / (name.replace(" ", "-") + ".html")
        file.write_bytes(response.content)
        files.append(file)
    assert [error for error, _line in vnu_errors(files)] == []


# Django's own markup, not ours: its autocomplete widget (articles' author) writes an empty <option> for select2's
# "clear" (django/contrib/admin/widgets.py, AutocompleteMixin.optgroups).
DJANGOS_OWN = [(
    "Element “option” without attribute “label” must not be empty.",
    re.compile(r'<select [^>]*class="admin-autocomplete".*\n\s*<option value=""></option>'),
)]


def test_admin_forms_and_home_are_valid_html(demo_site, tmp_path):
    from django.contrib.auth.models import Group
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from articles.models import Article
    from tests.factories import UserFactory
    from treatments.models import Treatment

    article = Article.objects.get(slug="botox-facial-symmetry")
    botox = Treatment.objects.get(slug="botox")
    superuser, reviewer, author = Client(), Client(), Client()
    superuser.force_login(UserFactory(username="html-admin", is_superuser=True))
    for client, role in [(reviewer, "Clinical reviewer"), (author, "Author")]:
        user = UserFactory(username=role.lower().replace(" ", "-"))
        user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
    pages = {
        "home": (superuser, "/admin/"),
        "home-author": (author, "/admin/"),
        "article-add": (superuser, "/admin/articles/article/add/"),
        "article-change": (superuser, f"/admin/articles/article/{article.pk}/change/"),
        "treatment-add": (superuser, "/admin/treatments/treatment/add/"),
        "treatment-change": (superuser, f"/admin/treatments/treatment/{botox.pk}/change/"),
        "treatment-read-only": (reviewer, f"/admin/treatments/treatment/{botox.pk}/change/"),
        "article-read-only": (reviewer, f"/admin/articles/article/{article.pk}/change/"),
        "clinician-add": (superuser, "/admin/clinicians/clinician/add/"),
        "clinician-change": (superuser, f"/admin/clinicians/clinician/{article.author.pk}/change/"),
        "redirect-add": (superuser, "/admin/publishing/redirect/add/"),
        "redirect-import": (superuser, "/admin/publishing/redirect/import/"),
        "image-library": (author, "/admin/images/image/"),
        "image-add": (author, "/admin/images/image/add/"),
        "image-change": (author, f"/admin/images/image/{article.hero_image_id}/change/"),
    }
    files = []
    for name, (client, path) in pages.items():
        response = client.get(path)
        assert response.status_code == 200, path
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(response.content)
    for name, text in [("redirect-import-problems", "/a/,/b/\n/b/,/a/\n/c/,/nowhere/\n"),
                       ("redirect-import-preview", "/old-botox/,/treatments/botox/\n")]:
        upload = SimpleUploadedFile("redirects.csv", text.encode(), content_type="text/csv")
        response = superuser.post("/admin/publishing/redirect/import/", {"file": upload})
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(response.content)
    errors = [error for error, line in vnu_errors(files)
              if not any(error.endswith(message) and known.search(line) for message, known in DJANGOS_OWN)]
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

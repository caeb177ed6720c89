"""Editors add redirects by hand and from a CSV file; every row is checked before anything is saved."""

import importlib

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse

from publishing.models import Redirect, Status
from publishing.roles import sync_roles
from tests.factories import ArticleFactory, TreatmentFactory, UserFactory

from .test_roles import member_of

pytestmark = pytest.mark.django_db

ADD = reverse("admin:publishing_redirect_add")
IMPORT = reverse("admin:publishing_redirect_import")
CHANGELIST = reverse("admin:publishing_redirect_changelist")


@pytest.fixture
def editor():
    """A member of the Editor group (this module's own: conftest's `editor` is a superuser)."""
    client, _ = member_of("Editor")
    return client


@pytest.fixture
def pages():
    return {"botox": TreatmentFactory(slug="botox"), "guide": ArticleFactory(slug="botox-guide")}


def csv_file(text, name="redirects.csv"):
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def upload(client, text, **kwargs):
    return client.post(IMPORT, {"file": csv_file(text, **kwargs)})


def problems(response):
    """The problems the import reports, one string a problem."""
    html = response.content.decode()
    return [item.split("</li>")[0] for item in html.split('<ul class="problems">')[1:] for item in
            item.split("</ul>")[0].split("<li>")[1:]]


def test_editor_adds_a_redirect_by_hand_and_patients_follow_it(editor, client, pages):
    response = editor.post(ADD, {"old_path": "/old-botox-page/", "new_path": "/treatments/botox/"})
    assert response.status_code == 302
    assert client.get("/old-botox-page/")["Location"] == "/treatments/botox/"
    redirect = Redirect.objects.get()
    response = editor.post(reverse("admin:publishing_redirect_change", args=[redirect.pk]),
                           {"old_path": "/old-botox-page/", "new_path": "/blog/botox-guide/"})
    assert response.status_code == 302
    assert client.get("/old-botox-page/")["Location"] == "/blog/botox-guide/"


def test_full_web_addresses_are_taken_down_to_their_paths(editor, pages):
    response = editor.post(ADD, {"old_path": "https://old-clinic.example/lips.html",
                                 "new_path": "http://testserver/treatments/botox/"})
    assert response.status_code == 302
    assert Redirect.objects.get().old_path == "/lips.html" and Redirect.objects.get().new_path == "/treatments/botox/"


@pytest.mark.parametrize("old, new, field, message", [
    ("/gone/", "/treatments/lip-filer/", "new_path", "answers “page not found” on this site"),
    ("/gone/", "/gone/", "new_path", "leads back to the old one"),
    ("/treatments/botox/", "/blog/botox-guide/", "old_path", "is a page of this site"),
    ("gone", "/treatments/botox/", "old_path", "must start with a single “/”"),
    ("/gone/", "//evil.example/", "new_path", "must start with a single “/”"),
    ("/gone/", "/\\evil.example/", "new_path", "backslash"),
    ("/gone/", "https://evil.example/", "new_path", "is on another site"),
    ("/gone/?page=2", "/treatments/botox/", "old_path", "Remove “?page=2”"),
    ("/gone/", "javascript:alert(1)", "new_path", "is not a web address"),
    ("/gone/", "/treatments/botox", "new_path", "redirects to /treatments/botox/"),
])
def test_a_redirect_by_hand_is_refused_with_the_reason(editor, pages, old, new, field, message):
    response = editor.post(ADD, {"old_path": old, "new_path": new})
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors[field])
    assert not Redirect.objects.exists()


def test_a_draft_is_not_a_target(editor):
    ArticleFactory(slug="not-yet", status=Status.DRAFT)
    response = editor.post(ADD, {"old_path": "/gone/", "new_path": "/blog/not-yet/"})
    assert "page not found" in " ".join(response.context["adminform"].form.errors["new_path"])


def test_a_redirect_by_hand_may_not_chain_and_others_follow_it(editor, client, pages):
    Redirect.objects.create(old_path="/older/", new_path="/old/")
    Redirect.objects.create(old_path="/elsewhere/", new_path="/treatments/botox/")
    response = editor.post(ADD, {"old_path": "/gone/", "new_path": "/elsewhere/"})
    assert "is itself redirected to /treatments/botox/" in " ".join(
        response.context["adminform"].form.errors["new_path"])
    assert editor.post(ADD, {"old_path": "/old/", "new_path": "/treatments/botox/"}).status_code == 302
    assert client.get("/older/")["Location"] == "/treatments/botox/"  # straight there, not by /old/


@pytest.mark.parametrize("role", ["Author", "Clinical reviewer", "Front desk"])
def test_only_editors_add_change_or_import_redirects(role, pages):
    client, _ = member_of(role)
    redirect = Redirect.objects.create(old_path="/old/", new_path="/treatments/botox/")
    assert client.get(ADD).status_code == 403
    assert client.post(ADD, {"old_path": "/new/", "new_path": "/treatments/botox/"}).status_code == 403
    change = reverse("admin:publishing_redirect_change", args=[redirect.pk])
    assert client.post(change, {"old_path": "/old/", "new_path": "/blog/botox-guide/"}).status_code == 403
    assert client.get(IMPORT).status_code == 403
    assert upload(client, "/new/,/treatments/botox/").status_code == 403
    rows = '[[1, "/new/", "/treatments/botox/"]]'
    assert client.post(IMPORT, {"rows": rows, "_confirm": "1"}).status_code == 403
    assert list(Redirect.objects.values_list("old_path", "new_path")) == [("/old/", "/treatments/botox/")]


def test_the_redirect_list_offers_import_to_editors_only(editor):
    assert IMPORT in editor.get(CHANGELIST).content.decode()
    Group.objects.get(name="Clinical reviewer").permissions.add(
        Permission.objects.get(codename="view_redirect", content_type__app_label="publishing"))
    reviewer, _ = member_of("Clinical reviewer")
    assert IMPORT not in reviewer.get(CHANGELIST).content.decode()


def test_import_refuses_a_loop_and_a_404_target_with_row_numbers_and_saves_nothing(editor, pages):
    response = upload(editor, "old,new\n/a/,/b/\n/b/,/a/\n/fine/,/treatments/botox/\n/lips/,/treatments/lips/\n")
    assert response.status_code == 200
    found = problems(response)
    assert "Row 2: These redirects go round in a loop: /a/ → /b/ → /a/. Remove one of them." in found
    assert "Row 3: These redirects go round in a loop: /b/ → /a/ → /b/. Remove one of them." in found
    assert any(p.startswith("Row 5: The new address /treatments/lips/ answers “page not found”") for p in found)
    assert not any(p.startswith("Row 4") for p in found)
    html = response.content.decode()
    assert "Nothing was imported: 3 rows of 4 need fixing." in html and 'name="_confirm"' not in html
    assert not Redirect.objects.exists()


def test_import_reports_duplicates_chains_malformed_rows_and_pages_that_answer(editor, pages):
    Redirect.objects.create(old_path="/moved/", new_path="/treatments/botox/")
    rows = "\n".join([
        "/one/,/treatments/botox/",             # 1: fine
        "/one/,/blog/botox-guide/",             # 2: the same old address again
        "/two/,/moved/",                        # 3: a chain through an existing redirect
        "/three/,/two/",                        # 4: a chain through row 3
        "/treatments/botox/,/blog/botox-guide/",  # 5: a live page would never redirect
        "three cells,/x/,/y/",                  # 6: malformed
        "/four/",                               # 7: a missing new address
    ])
    found = problems(upload(editor, rows))
    assert "Row 2: The old address /one/ is on row 1 already: keep one of the two rows." in found
    assert ("Row 3: The new address /moved/ is itself redirected to /treatments/botox/ (an existing redirect): "
            "point /two/ straight at /treatments/botox/.") in found
    assert any(p.startswith("Row 4: The new address /two/ is itself redirected to /moved/ (row 3)") for p in found)
    assert any(p.startswith("Row 5: The old address /treatments/botox/ is a page of this site") for p in found)
    assert "Row 6: This row has 3 columns: give two, the old address then the new one." in found
    assert "Row 7: This row has 1 column: give two, the old address then the new one." in found
    assert "Row 7: The new address is empty." in found
    assert not any(p.startswith("Row 1:") for p in found)
    assert Redirect.objects.count() == 1


def test_import_previews_then_saves_only_when_confirmed(editor, client, pages):
    superuser = Client()
    superuser.force_login(UserFactory(username="owner", is_superuser=True))
    Redirect.objects.create(old_path="/older-still/", new_path="/old-lips/")
    Redirect.objects.create(old_path="/kept/", new_path="/treatments/botox/")
    Redirect.objects.create(old_path="/replaced/", new_path="/treatments/botox/")
    text = ("Old address;New address\n/old-lips/;/treatments/botox/\nhttps://old-clinic.example/guide.html;"
            "/blog/botox-guide/\n/kept/;/treatments/botox/\n/replaced/;/blog/botox-guide/\n")
    preview = upload(editor, text)
    html = preview.content.decode()
    assert "Every row is right" in html and 'value="Import 3 redirects"' in html
    assert "Already there: nothing to do" in html and "Replaces the redirect to <code>/treatments/botox/</code>" in html
    assert Redirect.objects.count() == 3  # nothing saved yet
    response = editor.post(IMPORT, {"rows": preview.context["confirmation"], "_confirm": "1"})
    assert response.status_code == 302 and response["Location"] == CHANGELIST
    assert dict(Redirect.objects.values_list("old_path", "new_path")) == {
        "/old-lips/": "/treatments/botox/", "/guide.html": "/blog/botox-guide/", "/kept/": "/treatments/botox/",
        "/replaced/": "/blog/botox-guide/", "/older-still/": "/treatments/botox/",  # no chain through /old-lips/
    }
    assert client.get("/guide.html")["Location"] == "/blog/botox-guide/"
    assert "3 redirects imported. The others were there already." in editor.get(CHANGELIST).content.decode()
    logged = LogEntry.objects.filter(content_type__app_label="publishing").values_list("change_message", flat=True)
    assert "Imported from a file (row 3)." in logged and "Imported from a file (row 5). It led to /treatments/botox/ " \
        "before." in logged
    assert "Imported from a file (row 3)." in superuser.get(reverse("audit-log")).content.decode()


def test_the_confirmation_is_checked_again(editor, pages):
    preview = upload(editor, "/gone/,/treatments/botox/\n")
    pages["botox"].status = Status.DRAFT  # unpublished between the preview and the confirmation
    pages["botox"].save()
    response = editor.post(IMPORT, {"rows": preview.context["confirmation"], "_confirm": "1"})
    assert response.status_code == 200 and any("page not found" in p for p in problems(response))
    forged = editor.post(IMPORT, {"rows": '[[1, "/a/", "https://evil.example/"]]', "_confirm": "1"})
    assert forged.status_code == 200 and any("another site" in p for p in problems(forged))
    assert editor.post(IMPORT, {"rows": "not json", "_confirm": "1"}).status_code == 200
    assert not Redirect.objects.exists()


@pytest.mark.parametrize("content, message", [
    ("/a/,/b/\n".encode("utf-16"), "not a CSV text file"),
    ("/caf\xe9/,/b/\n".encode("latin-1"), "save it as “CSV UTF-8”"),
    (b"", "The submitted file is empty."),
    (b"old,new\n", "no redirects in it"),
    ("".join(f"/old-{n}/,/treatments/botox/\n" for n in range(501)).encode(), "more than 500 redirects"),
])
def test_a_file_that_cannot_be_read_says_why(editor, content, message):
    response = editor.post(IMPORT, {"file": SimpleUploadedFile("r.csv", content)})
    assert message in " ".join(response.context["form"].errors["file"])


def test_sync_roles_gives_new_editor_groups_redirect_editing():
    Group.objects.filter(name="Editor").delete()
    sync_roles()
    held = set(Group.objects.get(name="Editor").permissions.filter(content_type__app_label="publishing")
               .values_list("codename", flat=True))
    assert {"view_redirect", "add_redirect", "change_redirect", "delete_redirect"} <= held


@pytest.mark.parametrize("keeps_view, granted", [(True, 2), (False, 0)])
def test_existing_editor_groups_are_granted_redirect_editing_once(keeps_view, granted):
    editors = Group.objects.get(name="Editor")
    redirects = Permission.objects.filter(content_type__app_label="publishing", content_type__model="redirect")
    editing = redirects.filter(codename__in=["add_redirect", "change_redirect"])
    editors.permissions.remove(*editing)
    if not keeps_view:  # the clinic stopped its Editors seeing redirects (they may still delete one)
        editors.permissions.remove(*redirects.filter(codename="view_redirect"))
    sync_roles()  # holds permissions on redirects already: nothing new from the rule
    assert not editors.permissions.filter(pk__in=editing).exists()
    migration = ("publishing", "0010_editors_edit_redirects")
    state = MigrationExecutor(connection).loader.project_state(migration)  # as the migration sees the models
    importlib.import_module("publishing.migrations.0010_editors_edit_redirects").grant(state.apps, None)
    assert editors.permissions.filter(pk__in=editing).count() == granted


def test_the_checks_own_requests_stay_out_of_the_request_log(editor, pages, caplog, client):
    upload(editor, "/gone/,/treatments/botox/\n")
    assert not [r for r in caplog.records if r.name == "django.request" and "/gone/" in r.getMessage()]
    client.get("/really-gone/")  # a patient's 404 is still logged
    assert [r for r in caplog.records if r.name == "django.request" and "/really-gone/" in r.getMessage()]


def test_a_page_that_fails_to_answer_is_reported_not_raised(pages, monkeypatch):
    from treatments.views import TreatmentDetailView

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(TreatmentDetailView, "get", broken)
    _, user = member_of("Editor")
    editor = Client(raise_request_exception=False)  # as in production: the page's error is a 500, not raised
    editor.force_login(user)
    found = problems(upload(editor, "/gone/,/treatments/botox/\n"))
    assert found == ["Row 1: The new address /treatments/botox/ answers with an error (500) on this site."]


def test_the_visitors_query_joins_the_new_addresss_own(editor, client, pages):
    assert editor.post(ADD, {"old_path": "/risks/", "new_path": "/treatments/botox/?from=old#risks"}).status_code == 302
    assert client.get("/risks/?utm_source=mail")["Location"] == "/treatments/botox/?from=old&utm_source=mail#risks"
    assert client.get("/risks/")["Location"] == "/treatments/botox/?from=old#risks"


def test_a_second_redirect_from_one_address_or_one_without_a_target_is_refused_with_the_reason(editor, pages):
    # Written for mutants mutation testing found alive in publishing/forms.py (docs/testing.md).
    assert editor.post(ADD, {"old_path": "/old/", "new_path": "/treatments/botox/"}).status_code == 302
    again = editor.post(ADD, {"old_path": "/old/", "new_path": "/blog/botox-guide/"})
    assert again.status_code == 200
    errors = again.context["adminform"].form.errors
    assert "There is a redirect from this address already" in " ".join(errors["old_path"])
    assert editor.post(ADD, {"old_path": "", "new_path": "/treatments/botox/"}).status_code == 200
    nowhere = editor.post(ADD, {"old_path": "/other/", "new_path": ""})
    assert nowhere.status_code == 200 and "new_path" in nowhere.context["adminform"].form.errors

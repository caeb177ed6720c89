"""A site's database from before the re-layout (Redirect, ContentVersion and SearchDocument in clinic_site)
upgrades in place: the old code migrates and fills it, the new code migrates it, and patients and staff see
the same site. Runs on the database engine of the test run (SQLite or PostgreSQL), in a throwaway database."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.db import connection

OLD_COMMIT = "cd451c618e66a5a573a9f96f8a7a52bb486d58ac"
REPO = Path(__file__).resolve().parents[2]
OLD_TREE = Path(__file__).resolve().parent / "fixtures" / "site-before-relayout.tar.gz"
QUERIES = ["botox", "rhinoplasty", "general anaesthetic", "incisions"]
PAGES = [
    "/", "/treatments/", "/treatments/botox/", "/treatments/rhinoplasty/", "/blog/",
    "/blog/botox-facial-symmetry-guide/", "/search/?q=botox",
]
OLD_ARTICLE_PATH, NEW_ARTICLE_PATH = "/blog/botox-facial-symmetry/", "/blog/botox-facial-symmetry-guide/"
MOVED_APP = {"redirect": "publishing", "contentversion": "publishing", "searchdocument": "search"}

# Run by the old code only, after load_demo_content: what a live site has beyond its pages.
FILL = """
import reversion
from django.contrib.auth.models import Group, User
from django.utils import timezone
from articles.models import Article
from enquiries.models import Enquiry
from treatments.models import Treatment

with reversion.create_revision():  # a live page's new address leaves a Redirect behind, and a revision
    article = Article.objects.get(slug="botox-facial-symmetry")
    article.slug = "botox-facial-symmetry-guide"
    article.save()
Enquiry.objects.create(
    name="Ada Lovelace", email="ada@example.com", treatment=Treatment.objects.get(slug="botox"),
    message="Is it painful?", confirmed_adult=True, consented_at=timezone.now(),
)
User.objects.create_user("olga", "olga@clinic.example", is_staff=True).groups.add(Group.objects.get(name="Editor"))
"""

# Run by both codes, with SEARCH_MODULE and MODELS_MODULE set first: everything the upgrade must keep.
SUMMARY = """
import importlib, json, re
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.urls import reverse
from reversion.models import Version
from articles.models import Article
from enquiries.models import Enquiry

search_site = importlib.import_module(SEARCH_MODULE).search_site
models = importlib.import_module(MODELS_MODULE)
Redirect = models.Redirect
label = Redirect._meta.app_label


def text_of(tag, content):
    found = re.search(rf"<{tag}[^>]*>(.*?)</{tag}>".encode(), content, re.S)
    return found and re.sub(r"<[^>]+>|\\s+", " ", found.group(1).decode()).strip()


pages = {}
for path in PAGES + [OLD_ARTICLE_PATH]:
    response = Client(HTTP_HOST="localhost").get(path)
    pages[path] = {
        "status": response.status_code, "location": response.get("Location"),
        "title": text_of("title", response.content), "h1": text_of("h1", response.content),
    }
olga = User.objects.get(username="olga")
staff = Client(HTTP_HOST="localhost")
staff.force_login(olga)
if connection.vendor == "sqlite":
    sql = "SELECT name FROM sqlite_master"
else:
    sql = '''SELECT tablename FROM pg_tables WHERE schemaname = 'public'
        UNION SELECT indexname FROM pg_indexes WHERE schemaname = 'public'
        UNION SELECT proname FROM pg_proc JOIN pg_namespace n ON n.oid = pronamespace WHERE nspname = 'public'
        UNION SELECT tgname FROM pg_trigger WHERE NOT tgisinternal'''
with connection.cursor() as cursor:
    cursor.execute(sql)
    objects = sorted(name for (name,) in cursor.fetchall() if re.search("search|redirect|contentversion", name))
summary = {
    "search": {query: sorted(page.get_absolute_url() for page in search_site(query)) for query in QUERIES},
    "pages": pages,
    "redirects": list(Redirect.objects.values_list("old_path", "new_path")),
    "content_version_kept": models.ContentVersion.current() != 0,  # its number changes on upgrade, by design
    "versions": Version.objects.count(),
    "article_versions": Version.objects.get_for_object(Article.objects.get(slug="botox-facial-symmetry-guide")).count(),
    "roles": {
        group.name: sorted(f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all())
        for group in Group.objects.all()
    },
    "olga": {
        "groups": list(olga.groups.values_list("name", flat=True)),
        "can_delete_redirects": olga.has_perm(f"{label}.delete_redirect"),
        "redirect_admin_status": staff.get(reverse(f"admin:{label}_redirect_changelist")).status_code,
    },
    "content_types": sorted(
        ContentType.objects.filter(model__in=MOVED_APP).values_list("app_label", "model")
    ),
    "enquiries": list(Enquiry.objects.values_list("name", "email", "treatment__slug", "message")),
    "db_objects": objects,
}
"""

# Run by the new code only, after the summary: the renamed index still follows edits.
EDIT = """
from treatments.models import Treatment

jaw = Treatment.objects.get(slug="jaw-reshaping")
before = [page.get_absolute_url() for page in search_site("mandibular")]
jaw.summary += " Sometimes called mandibular contouring."
jaw.save()
summary["search_after_edit"] = [before, [page.get_absolute_url() for page in search_site("mandibular")]]
"""


def constants(**names):
    return "".join(f"{name} = {value!r}\n" for name, value in names.items())


def manage(cwd, env, *args):
    """Run manage.py in `cwd` (a code tree) and return its output; on failure, fail with all of it."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=180
    )
    command = " ".join("<script>" if "\n" in arg else arg for arg in args)
    output = f"$ manage.py {command} (in {cwd})\n{result.stdout}\n{result.stderr}"
    assert result.returncode == 0, output
    return result.stdout


def summarise(cwd, env, search_module, models_module, before="", after=""):
    script = (
        constants(
            SEARCH_MODULE=search_module, MODELS_MODULE=models_module, QUERIES=QUERIES, PAGES=PAGES,
            OLD_ARTICLE_PATH=OLD_ARTICLE_PATH, MOVED_APP=list(MOVED_APP),
        )
        + before + SUMMARY + after + "print(json.dumps(summary))\n"
    )
    output = manage(cwd, env, "shell", "-c", script)
    return json.loads(output.strip().splitlines()[-1])


def database_url(name):
    db = connection.settings_dict
    credentials = f"{quote(db['USER'], safe='')}:{quote(db['PASSWORD'], safe='')}"
    return f"postgres://{credentials}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{name}"


def server_admin():
    """A connection to the test run's PostgreSQL server, to make and drop databases (as Django's test runner
    does, through the `postgres` database)."""
    db = connection.settings_dict
    return psycopg.connect(
        dbname="postgres", user=db["USER"], password=db["PASSWORD"], host=db["HOST"] or "localhost",
        port=db["PORT"] or 5432, autocommit=True,
    )


@pytest.fixture(scope="module")
def throwaway_database(tmp_path_factory):
    """The URL of an empty database on the test run's engine, dropped afterwards."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('upgrade') / 'db.sqlite3'}"
        return
    assert connection.vendor == "postgresql", f"no upgrade test for {connection.vendor}"
    name = f"clinic_upgrade_{secrets.token_hex(4)}"
    with server_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield database_url(name)
    finally:
        with server_admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def upgrade(throwaway_database, tmp_path_factory):
    """The site's state under the old code, then under the new code after `migrate`, and the new code's env."""
    old_tree = tmp_path_factory.mktemp("old")
    # The application as released at OLD_COMMIT (without docs and tests), made with
    #   git archive --format=tar.gz -o tests/clinic_site/fixtures/site-before-relayout.tar.gz OLD_COMMIT \
    #       -- . ':(exclude)docs' ':(exclude)tests' ':(exclude)package-lock.json'
    # Kept in the repository so the test needs no git history (CI may clone shallowly).
    subprocess.run(["tar", "-xzf", str(OLD_TREE), "-C", str(old_tree)], check=True)
    env = {
        **os.environ,
        "DATABASE_URL": throwaway_database,
        "DJANGO_DEBUG": "1",
        "DJANGO_SECRET_KEY": "upgrade-test-secret-key-not-for-production",
        "DJANGO_MEDIA_ROOT": str(tmp_path_factory.mktemp("media")),
        "CLINIC_PRIVATE_MEDIA_ROOT": str(tmp_path_factory.mktemp("private-media")),
        "DJANGO_DB_CONN_MAX_AGE": "0",
    }
    manage(old_tree, env, "migrate")
    manage(old_tree, env, "load_demo_content")
    old = summarise(old_tree, env, "clinic_site.search", "clinic_site.models", before=FILL)
    migrated = manage(REPO, env, "migrate")
    new = summarise(REPO, env, "search.engine", "publishing.models", after=EDIT)
    return old, new, env, migrated


def test_upgraded_database_serves_the_same_site_to_patients_and_staff(upgrade):
    old, new, _, migrated = upgrade
    context = f"old: {json.dumps(old, indent=1)}\nnew: {json.dumps(new, indent=1)}\nmigrate:\n{migrated}"

    for query in QUERIES:
        assert old["search"][query], f"the old site finds nothing for {query!r}: a test fault\n{context}"
        assert new["search"][query] == old["search"][query], context
    assert new["search_after_edit"] == [[], ["/treatments/jaw-reshaping/"]], context

    for path in PAGES:
        assert old["pages"][path]["status"] == new["pages"][path]["status"] == 200, context
        assert new["pages"][path]["title"] == old["pages"][path]["title"], context
        assert new["pages"][path]["h1"] == old["pages"][path]["h1"], context
    moved = {"status": 301, "location": NEW_ARTICLE_PATH, "title": None, "h1": None}
    assert old["pages"][OLD_ARTICLE_PATH] == new["pages"][OLD_ARTICLE_PATH] == moved, context
    assert new["redirects"] == old["redirects"] == [[OLD_ARTICLE_PATH, NEW_ARTICLE_PATH]], context
    # The row is kept; its number changes once (a migration), so pages cached by the old code are not served.
    assert new["content_version_kept"] and old["content_version_kept"], context

    assert old["article_versions"] == 2, context  # loaded, then moved
    assert new["versions"] == old["versions"], context
    assert new["article_versions"] == old["article_versions"], context

    enquiry = ["Ada Lovelace", "ada@example.com", "botox", "Is it painful?"]
    assert new["enquiries"] == old["enquiries"] == [enquiry], context

    # Roles: a group holds permissions through their content type, which the upgrade relabels.
    shown = ["roles", "olga", "content_types"]
    context = json.dumps({"old": {key: old[key] for key in shown}, "new": {key: new[key] for key in shown}}, indent=1)

    def relabelled(permission):
        app_label, codename = permission.split(".")
        return f"{MOVED_APP[codename.split('_', 1)[1]]}.{codename}" if app_label == "clinic_site" else permission

    assert {"clinic_site.view_redirect", "clinic_site.delete_redirect"} <= set(old["roles"]["Editor"]), context
    assert {"publishing.view_redirect", "publishing.delete_redirect"} <= set(new["roles"]["Editor"]), context
    expected = {name: sorted(map(relabelled, perms)) for name, perms in old["roles"].items()}
    # Added since (treatments 0005): Editors manage the before-and-after gallery.
    # And since: search synonyms and the clinic's details (a role gains a model it held nothing on, at migrate).
    expected["Editor"] = sorted([
        *expected["Editor"],
        *(f"treatments.{action}_beforeafterpair" for action in ("add", "change", "delete", "view")),
        *(f"search.{action}_synonym" for action in ("add", "change", "delete", "view")),
        "clinic.change_clinicdetails", "clinic.view_clinicdetails",
        "publishing.add_redirect", "publishing.change_redirect",  # publishing 0010: redirects by hand and by file
        *(f"images.{action}_image" for action in ("add", "change", "delete", "view")),  # the image library
    ])
    expected["Author"] = sorted([*expected["Author"], "images.add_image", "images.change_image", "images.view_image"])
    expected["Clinical reviewer"] = sorted([*expected["Clinical reviewer"], "images.view_image"])
    assert new["roles"] == expected, context
    editor = {"groups": ["Editor"], "can_delete_redirects": True, "redirect_admin_status": 200}
    assert old["olga"] == new["olga"] == editor, context
    assert new["content_types"] == sorted([app, model] for model, app in MOVED_APP.items()), context


def test_upgraded_schema_is_the_new_codes(upgrade):
    old, new, env, _ = upgrade
    context = f"old: {old['db_objects']}\nnew: {new['db_objects']}"

    assert manage(REPO, env, "makemigrations", "--check", "--dry-run").strip() == "No changes detected"
    shown = manage(REPO, env, "showmigrations")
    assert "[ ]" not in shown, shown
    for app in ["clinic_site", "publishing", "search"]:
        assert f"\n{app}\n" in f"\n{shown}", shown

    old_names = {"clinic_site_redirect", "clinic_site_contentversion", "clinic_site_searchdocument"}
    new_names = {"publishing_redirect", "publishing_contentversion", "search_searchdocument"}
    if connection.vendor == "sqlite":
        old_names |= {"clinic_site_search_fts", *(f"clinic_site_search_{when}" for when in ["ai", "ad", "au"])}
        new_names |= {"search_fts", *(f"search_fts_{when}" for when in ["ai", "ad", "au"])}
    else:
        old_names |= {"clinic_site_search_gin", "clinic_site_search_vector", "clinic_site_search_tsv"}
        new_names |= {"search_gin", "search_vector_update", "search_tsv"}
    assert old_names <= set(old["db_objects"]), context  # the test really started from the old schema
    assert not old_names & set(new["db_objects"]), context
    assert new_names <= set(new["db_objects"]), context


def test_upgraded_sites_uploads_are_kept_privately_and_live_pages_images_stay_public(upgrade):
    """Every upload used to be public, in DJANGO_MEDIA_ROOT: `sync_media` (README "Upgrades") keeps a private copy
    of each and leaves public copies of what live pages show only."""
    env = upgrade[2]
    public, private = Path(env["DJANGO_MEDIA_ROOT"]), Path(env["CLINIC_PRIVATE_MEDIA_ROOT"])
    before = {path.relative_to(public) for path in public.rglob("*") if path.is_file()}
    assert before, "the old site stored no images: a test fault"
    assert "Kept a private copy of" in manage(REPO, env, "sync_media")
    assert before <= {path.relative_to(private) for path in private.rglob("*") if path.is_file()}
    shown = manage(REPO, env, "shell", "-c", "import json; from publishing.media import names_held; "
                   "from publishing.models import page_types; "
                   "print(json.dumps([n for t in page_types() for p in t.objects.published() for n in names_held(p)]))")
    names = json.loads(shown.strip().splitlines()[-1])
    assert names, "no live page shows an image: a test fault"
    for name in names:  # the live pages' images are still served to patients
        assert (public / name).is_file(), name

"""Load test: the demo site under gunicorn in production mode (the shipped gunicorn.conf.py), 64
connections for 60 s across the public pages, while a staff member signs in to the admin and keeps
publishing changes to pages through its forms, as a browser does. Every save is timed, and after each
one the page is fetched again on fresh connections (so from every worker): all must show the change at
once. Prints the figures; exits 1 on any error, lost edit or stale page.

Run with scripts/load. Needs wrk (apt-get install wrk).
"""

import argparse
import html
import http.cookiejar
import os
import platform
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import ROOT, free_port, manage, start_server, stop_server  # noqa: E402

PATHS = ["/", "/treatments/", "/treatments/botox/", "/treatments/rhinoplasty/", "/blog/",
         "/blog/botox-facial-symmetry/", "/search/?q=botox", "/sitemap.xml", "/blog/feed/", "/privacy/"]
EDITED = ["/treatments/botox/", "/blog/botox-facial-symmetry/", "/treatments/rhinoplasty/"]
LUA = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""
FRESHNESS_CHECKS = 4  # fetches of the page after each save, each on a new connection


class FormReader(HTMLParser):
    """The fields of the admin's change form (`<form id="…_form">`) as a browser would submit them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fields, self.in_form, self.textarea, self.select = [], False, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("id", "").endswith("_form")
        if not self.in_form or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type", "text") not in ("submit", "button", "file", "image", "reset"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.fields.append([name, attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")])
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
            self.fields.append(self.textarea)
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append([self.select, attrs.get("value", "")])

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.in_form = False


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Editor:
    """A staff member in a browser: signs in, opens a page's change form, changes its summary, publishes."""

    def __init__(self, base, username, password):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), NoRedirects)
        login = self.get("/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login).group(1)
        status = self.post("/admin/login/?next=/admin/", [["csrfmiddlewaretoken", token], ["username", username],
                                                          ["password", password], ["next", "/admin/"]])
        if status != 302:
            raise SystemExit("The load test's staff member could not sign in.")

    def get(self, path):
        with self.browser.open(self.base + path, timeout=30) as response:
            return response.read().decode()

    def post(self, path, fields):
        data = urllib.parse.urlencode([tuple(field) for field in fields]).encode()
        try:
            with self.browser.open(self.base + path, data=data, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as answer:  # a redirect after a successful save, or an error
            return answer.code

    def publish_summary(self, change_path, summary):
        """Returns the seconds the save took, or raises with what went wrong."""
        reader = FormReader()
        reader.feed(self.get(change_path))
        fields = [field for field in reader.fields if field[0] != "summary"]
        fields += [["summary", summary], ["_publish", "Publish changes"]]
        started = time.monotonic()
        status = self.post(change_path, fields)
        seconds = time.monotonic() - started
        if status != 302:
            raise RuntimeError(f"saving {change_path} answered {status}, not a redirect")
        return seconds


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # a new connection each time
        return response.read().decode()


def edit_continuously(stop, base, pages, saves, errors):
    try:
        editor = Editor(base, "loadtest", os.environ["DJANGO_SUPERUSER_PASSWORD"])
    except Exception as error:  # reported, never hidden
        errors.append(f"could not sign in: {error!r}")
        return
    n = 0
    while not stop.is_set():
        n += 1
        public_path, change_path = pages[n % len(pages)]
        summary = f"Edited during the load test, edit {n}."
        try:
            seconds = editor.publish_summary(change_path, summary)
            stale = sum(html.escape(summary) not in fetch(base + public_path) for _ in range(FRESHNESS_CHECKS))
            saves.append((public_path, summary, seconds, stale))
        except Exception as error:
            errors.append(repr(error))
        time.sleep(0.5)


def change_paths(env):
    """(public address, admin change form) of the pages the editor works on."""
    code = f"""
import django
django.setup()
from django.urls import reverse
from publishing.models import page_types
pages = {{page.get_absolute_url(): page for model in page_types() for page in model.objects.all()}}
for path in {EDITED!r}:
    page = pages[path]
    print(path, reverse(f"admin:{{page._meta.app_label}}_{{page._meta.model_name}}_change", args=[page.pk]))
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return [tuple(line.split()) for line in out.stdout.splitlines() if line.startswith("/")]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--output", help="also write the figures to this Markdown file (e.g. docs/load.md)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("The load test needs wrk: apt-get install wrk")
    workdir = Path(tempfile.mkdtemp(prefix="clinic-load-"))
    env = {
        **os.environ, "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "load-test-" + "x" * 50,
        "DATABASE_URL": os.environ.get("LOAD_DATABASE_URL", f"sqlite:///{workdir / 'db.sqlite3'}"),
        "DJANGO_MEDIA_ROOT": str(workdir / "media"), "CLINIC_PRIVATE_MEDIA_ROOT": str(workdir / "private-media"),
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1", "DJANGO_SECURE_SSL_REDIRECT": "0", "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_SECURE_COOKIES": "0", "DJANGO_SETTINGS_MODULE": "clinic_site.settings",
        "DJANGO_CACHE_BACKEND": "django.core.cache.backends.locmem.LocMemCache", "DJANGO_CACHE_LOCATION": "clinic-load",
        "DJANGO_SUPERUSER_PASSWORD": secrets.token_urlsafe(16),
        "CLINIC_REVIEW_REQUIRED_FOR": "",  # the editor publishes directly; review has its own tests
        "CLINIC_REQUIRE_TWO_FACTOR": "0",  # editors sign in by password; the second step has its own tests
    }
    try:
        manage(env, "migrate", "--no-input")
        manage(env, "load_demo_content")
        manage(env, "createsuperuser", "--no-input", "--username", "loadtest", "--email", "load@example.com")
        manage(env, "collectstatic", "--no-input")
        os.environ.update(env)
        pages = change_paths(env)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(env, port)
        script = workdir / "paths.lua"
        script.write_text(LUA % ", ".join(f'"{p}"' for p in PATHS))
        stop, saves, edit_errors = threading.Event(), [], []
        editor = threading.Thread(target=edit_continuously, args=(stop, base, pages, saves, edit_errors))
        try:
            reading = subprocess.Popen(
                ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--latency", "-s", str(script), base],
                stdout=subprocess.PIPE, text=True,
            )
            time.sleep(2)  # the editor starts once the readers are at full speed
            editor.start()
            out = reading.communicate(timeout=args.seconds + 60)[0]
        finally:
            stop.set()
            if editor.ident:
                editor.join()
            lost = [save for save in last_saves(saves) if html.escape(save[1]) not in fetch(base + save[0])]
            stop_server(server)
        print(out)
        rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
        read_p99 = re.search(r"99%\s+(\S+)", out)
        http_errors = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
        socket_errors = re.search(r"Socket errors: (.*)", out)
        stale = sum(save[3] for save in saves)
        report = [
            f"Readers: {args.connections} connections for {args.seconds} s across {len(PATHS)} public pages: "
            f"{float(rate.group(1)) if rate else 0:.0f} req/s, p99 {read_p99.group(1) if read_p99 else '?'}.",
            f"Saves through the admin during the run: {len(saves)}; failed: {len(edit_errors)}; "
            f"lost afterwards: {len(lost)}; stale fetches right after a save: {stale} of "
            f"{len(saves) * FRESHNESS_CHECKS}.",
        ]
        if saves:
            times = sorted(save[2] * 1000 for save in saves)
            report.append(f"Save time (POST to redirect): p50 {statistics.median(times):.0f} ms, "
                          f"max {times[-1]:.0f} ms.")
        report.append(f"HTTP errors: {http_errors}; socket errors: "
                      f"{socket_errors.group(1) if socket_errors else 'none'}.")
        print("\n".join(report))
        if args.output:
            database = "PostgreSQL" if "postgres" in env["DATABASE_URL"] else "SQLite"
            Path(args.output).write_text(
                f"# Load test\n\nRun on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}: "
                f"{os.cpu_count()} cores, demo content on {database}, gunicorn as shipped (2 workers). "
                "Regenerate with `scripts/load --output docs/load.md`.\n\n" + "\n".join(f"- {line}" for line in report)
                + "\n"
            )
        for error in edit_errors[:5]:
            print("  edit error:", error)
        if http_errors or edit_errors or lost or stale or socket_errors or not saves:
            raise SystemExit(1)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def last_saves(saves):
    """Only the latest save of each page must be what patients see at the end."""
    return {save[0]: save for save in saves}.values()


if __name__ == "__main__":
    main()

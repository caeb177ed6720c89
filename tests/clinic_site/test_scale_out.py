"""Several app servers sharing one PostgreSQL database and one Redis (README "Scaling out"), proven: two real
gunicorn servers in production mode, spoken to only over HTTP as a load balancer would pass requests on. What
one server does, the other sees at once: a staff session, a published change (page, search, sitemap), the
enquiry limit and sign-in lockouts.

Needs a PostgreSQL DATABASE_URL (its server gets a throwaway database) and CLINIC_SCALEOUT_REDIS_URL (a Redis
database the servers may write to). Selected with `-m scaleout` (.ci/run runs it after the PostgreSQL suite);
without its environment it is skipped, and in CI it fails instead.
"""

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

import psycopg
import pytest
from redis import Redis, RedisError

from tests.sitemap import sitemap_text

pytestmark = pytest.mark.scaleout

REPO = Path(__file__).resolve().parents[2]
# The public address the load balancer passes on to every server: pages cached by one are served by the other.
HOST = "localhost"
PASSWORD = "scale-out-test-password-7Qm2"
ENQUIRY_LIMIT = 3
FAILURE_LIMIT = 3
ARTICLE = "/blog/botox-facial-symmetry/"


# --- The environment: a PostgreSQL server and a Redis, or a loud failure in CI ---------------------------------

def shared_services():
    """(PostgreSQL URL, Redis URL) from the environment; skips without them, fails in CI (never silently skipped
    there)."""
    database = os.environ.get("DATABASE_URL", "")
    redis = os.environ.get("CLINIC_SCALEOUT_REDIS_URL", "")
    missing = []
    if urlsplit(database).scheme not in ("postgres", "postgresql"):
        missing.append("DATABASE_URL (a PostgreSQL server: the test makes its own database there)")
    if not redis:
        missing.append("CLINIC_SCALEOUT_REDIS_URL (e.g. redis://127.0.0.1:6379/0)")
    elif not redis_answers(redis):
        missing.append(f"a Redis answering at CLINIC_SCALEOUT_REDIS_URL ({redis})")
    if missing:
        message = "The scale-out test needs " + " and ".join(missing) + "; see README \"Scaling out\"."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return database, redis


def redis_answers(url):
    try:
        with Redis.from_url(url, socket_timeout=2) as client:
            return client.ping()
    except RedisError:
        return False


def postgres_server(database_url):
    """A connection to the `postgres` database of DATABASE_URL's server, to make and drop databases."""
    url = urlsplit(database_url)
    return psycopg.connect(urlunsplit(url._replace(path="/postgres")), autocommit=True)


@pytest.fixture(scope="module")
def site_database():
    """A database of its own on DATABASE_URL's server (the servers are other processes: they cannot see a test
    transaction), made afresh and dropped afterwards. Returns (its URL, the Redis URL)."""
    database_url, redis_url = shared_services()
    url = urlsplit(database_url)
    name = f"{url.path.lstrip('/') or 'clinic'}_scaleout"
    with postgres_server(database_url) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # left over from an interrupted run
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(url._replace(path=f"/{name}")), redis_url
    finally:
        with postgres_server(database_url) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- Two servers -----------------------------------------------------------------------------------------------

def free_ports(count):
    """`count` ports nobody listens on: chosen by the system, or by CLINIC_SCALEOUT_PORTS=18110,18111 (checked, so
    a server left running elsewhere is never mistaken for ours)."""
    wanted = [int(port) for port in os.environ.get("CLINIC_SCALEOUT_PORTS", "").split(",") if port.strip()]
    ports = (wanted + [0] * count)[:count]
    sockets = [socket.socket() for _ in ports]
    try:
        for sock, port in zip(sockets, ports, strict=True):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn does: closed connections linger
            try:
                sock.bind(("127.0.0.1", port))
            except OSError as error:
                pytest.fail(f"Port {port} is taken ({error}): stop what listens there or choose other ports.")
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def server_environment(database_url, redis_url, folder):
    """Production mode as the README sets it up for several servers, over plain HTTP behind one proxy. Nothing of
    the test run's own settings (pytest.ini turns the page cache off) reaches the servers."""
    inherited = {
        name: value for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "CLINIC_", "GUNICORN_", "DATABASE_URL"))
    }
    return {
        **inherited,
        "DJANGO_DEBUG": "0",
        # New every run: the enquiry limit is counted under a keyed hash of the address, so counts an earlier
        # run left in Redis are never found again.
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url,
        "DJANGO_CACHE_BACKEND": "django.core.cache.backends.redis.RedisCache",
        "DJANGO_CACHE_LOCATION": redis_url,
        "DJANGO_MEDIA_ROOT": str(folder / "media"),  # one folder for both, as S3 would be
        "DJANGO_STATIC_ROOT": str(folder / "static"),
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_BEHIND_HTTPS_PROXY": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "CLINIC_TRUSTED_PROXIES": "1",
        "CLINIC_ENQUIRY_RATE_LIMIT": str(ENQUIRY_LIMIT),
        "DJANGO_LOGIN_FAILURE_LIMIT": str(FAILURE_LIMIT),
        "CLINIC_REQUIRE_TWO_FACTOR": "0",  # password-only sign-in, whether or not two-factor is built in
        "DJANGO_SUPERUSER_USERNAME": "editor",
        "DJANGO_SUPERUSER_EMAIL": "editor@clinic.example",
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
        "GUNICORN_WORKERS": "2",  # several workers per server too
    }


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, f"$ manage.py {' '.join(args)}\n{result.stdout}\n{result.stderr}"


def answers(base):
    try:
        request = urllib.request.Request(f"{base}/healthz", headers={"Host": HOST})
        with urllib.request.urlopen(request, timeout=2) as response:
            return response.status == 200
    except (URLError, OSError):
        return False


def log_of(path):
    return path.read_text(errors="replace")[-5000:]


@pytest.fixture(scope="module")
def servers(site_database, tmp_path_factory):
    """Two gunicorn servers (repository's gunicorn.conf.py) on one migrated database with the demo content and a
    superuser: returns their base URLs. Both are stopped afterwards, whatever happened."""
    database_url, redis_url = site_database
    folder = tmp_path_factory.mktemp("scaleout")
    env = server_environment(database_url, redis_url, folder)
    manage(env, "migrate", "--no-input")
    manage(env, "load_demo_content")
    manage(env, "createsuperuser", "--no-input")
    manage(env, "collectstatic", "--no-input")

    running = []
    try:
        for port in free_ports(2):
            log = folder / f"gunicorn-{port}.log"
            process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "clinic_site.wsgi", "--config", "gunicorn.conf.py"],
                cwd=REPO, env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
                stdout=log.open("wb"), stderr=subprocess.STDOUT,
                start_new_session=True,  # its workers can be stopped with it, as one group
            )
            running.append((process, f"http://127.0.0.1:{port}", log))
        deadline = time.monotonic() + 30
        for process, base, log in running:
            while not answers(base):
                assert process.poll() is None and time.monotonic() < deadline, f"{base} did not start:\n{log_of(log)}"
                time.sleep(0.1)
            print(f"{base} answers; its log: {log}")
        yield [base for _, base, _ in running]
    finally:
        for process, _, _ in running:
            process.terminate()
        for process, _, _ in running:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


# --- A visitor's browser, over HTTP ----------------------------------------------------------------------------

class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None  # a redirect is an answer to look at


OPENER = urllib.request.build_opener(NoRedirects)


class Response:
    def __init__(self, status_code, headers, content):
        self.status_code, self.headers, self.content = status_code, headers, content

    def __getitem__(self, name):
        return self.headers[name]

    @property
    def text(self):
        return self.content.decode()


class Client:
    """One visitor talking to one server: its own cookies, and its own address, which the proxy in front passes on
    in X-Forwarded-For. Enough like Django's test client for tests/sitemap.py."""

    def __init__(self, base, address, cookies=None):
        self.base, self.address, self.cookies = base, address, dict(cookies or {})

    def get(self, path):
        return self.request(path)

    def post(self, path, data):
        return self.request(path, urlencode(data, doseq=True).encode())

    def request(self, path, body=None):
        headers = {"Host": HOST, "X-Forwarded-For": self.address}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        try:
            response = OPENER.open(urllib.request.Request(self.base + path, data=body, headers=headers), timeout=30)
        except HTTPError as error:
            response = error
        with response:
            result = Response(response.status, response.headers, response.read())
        for header in result.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return result

    def submit(self, path, containing=None, action=None, **changes):
        """Fill in the form on `path` that holds a field `containing` (or is sent to `action`) as a browser would,
        with `changes`, and send it."""
        form = find_form(self.get(path).text, containing, action)
        sent = [(name, value) for name, value in form["fields"] if name not in changes]
        sent += [(name, value) for name, value in changes.items() if value is not None]
        return self.post(urljoin(path, form["action"]), sent)

    def sign_in(self, password=PASSWORD, username="editor"):
        return self.submit("/admin/login/?next=/admin/", "password", username=username, password=password)


class Forms(HTMLParser):
    """Every <form> on a page, each as the (name, value) pairs a browser sends when it is submitted untouched."""

    def __init__(self):
        super().__init__()
        self.forms, self.select, self.textarea = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "form":
            self.forms.append({"action": attrs.get("action") or "", "fields": []})
        elif not self.forms:
            return
        elif tag == "input" and name and attrs.get("type", "text") not in ("submit", "button", "file", "image"):
            kind = attrs.get("type")
            if kind not in ("checkbox", "radio") or "checked" in attrs:
                self.forms[-1]["fields"].append((name, attrs.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.forms[-1]["fields"].append((self.select, attrs.get("value", "")))

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea:
            name, value = self.textarea  # a browser drops the newline that starts a <textarea>
            self.forms[-1]["fields"].append((name, value.removeprefix("\n")))
            self.textarea = None
        elif tag == "select":
            self.select = None


def find_form(html, containing=None, action=None):
    parser = Forms()
    parser.feed(html)
    return next(
        form for form in parser.forms
        if form["action"] == action or any(name == containing for name, _ in form["fields"])
    )


def within_a_second(check):
    """check(), until it is true or a second has passed: a change committed on one server is announced to the
    other by PostgreSQL (LISTEN/NOTIFY), which takes microseconds, not nothing (tests/publishing/
    test_content_version.py allows the same). Cached pages stay 10 minutes: a stale one would show throughout."""
    deadline = time.monotonic() + 1
    while not (result := check()) and time.monotonic() < deadline:
        time.sleep(0.02)
    return result


# --- What one server does, the other sees ----------------------------------------------------------------------

def test_staff_signed_in_on_one_server_are_signed_in_on_the_other(servers):
    a, b = servers
    on_a = Client(a, "198.51.100.10")
    assert on_a.sign_in().headers["Location"] == "/admin/"
    on_b = Client(b, "198.51.100.10", cookies={"sessionid": on_a.cookies["sessionid"]})
    admin = on_b.get("/admin/")  # signed out, it would redirect to the sign-in page
    assert admin.status_code == 200 and 'id="logout-form"' in admin.text

    assert on_b.submit("/admin/", action="/admin/logout/").status_code == 200  # "Log out", on B
    assert on_a.get("/admin/").headers["Location"].startswith("/admin/login/")  # signed out everywhere


def test_a_change_published_on_one_server_is_what_the_other_serves_at_once(servers):
    a, b = servers
    patient_a, patient_b = Client(a, "198.51.100.20"), Client(b, "198.51.100.20")
    # Warm both servers: a page cached by one is served by the other, so a stale cache would show.
    warmed = [ARTICLE, "/blog/", "/search/?q=quillwort"]
    for path in warmed:
        assert patient_a.get(path).status_code == 200
        assert patient_b.get(path)["X-Page-Cache"] == "hit", path
    assert "0 results for" in patient_b.get("/search/?q=quillwort").text
    assert ARTICLE in sitemap_text(patient_a) and ARTICLE in sitemap_text(patient_b)

    staff = Client(a, "198.51.100.21")
    staff.sign_in()
    change_form = re.search(r'href="(/admin/articles/article/\d+/change/)"', staff.get("/admin/articles/article/").text)
    published = staff.submit(
        change_form[1], "title",
        title="Botox for facial symmetry: the quillwort notes", slug="botox-facial-symmetry-quillwort",
        _publish="Publish changes",
    )
    assert published.status_code == 302, published.text[-3000:]
    moved = "/blog/botox-facial-symmetry-quillwort/"

    def old_address_redirects():
        response = patient_b.get(ARTICLE)
        return response.status_code == 301 and response

    old = within_a_second(old_address_redirects)
    assert old and old["Location"].endswith(moved), "B still serves the page it cached before the change"
    page = patient_b.get(moved)
    assert page.status_code == 200 and "the quillwort notes" in page.text
    assert "the quillwort notes" in patient_b.get("/blog/").text
    found = patient_b.get("/search/?q=quillwort").text
    assert "1 result for" in found and moved in found
    sitemap = sitemap_text(patient_b)
    assert moved in sitemap and ARTICLE not in sitemap


def send_enquiry(client):
    return client.submit(
        "/consultation/", "email", name="Ada Lovelace", email="ada@example.com", contact_method="email",
        confirmed_adult="on", consent="on", message="Is it painful?",
    )


def test_the_enquiry_limit_holds_across_servers(servers):
    a, b = servers
    same_person = [Client(a, "203.0.113.30"), Client(b, "203.0.113.30")]
    for number in range(ENQUIRY_LIMIT):
        sent = send_enquiry(same_person[number % 2])
        assert sent.status_code == 302, f"enquiry {number + 1}: {sent.status_code}"
    for server in same_person:  # one more, on either server
        held_back = send_enquiry(server)
        assert held_back.status_code == 429 and "Too many enquiries" in held_back.text
    assert send_enquiry(Client(b, "203.0.113.31")).status_code == 302  # someone else is not held back


def test_a_sign_in_lockout_holds_across_servers_for_that_address_only(servers):
    a, b = servers
    guesser = [Client(a, "203.0.113.40"), Client(b, "203.0.113.40")]
    for number in range(FAILURE_LIMIT - 1):
        assert guesser[number % 2].sign_in("wrong-password").status_code == 200  # the form again, with an error
    assert guesser[(FAILURE_LIMIT - 1) % 2].sign_in("wrong-password").status_code == 429
    for server in guesser:
        locked = server.sign_in()  # even the right password, on either server
        assert locked.status_code == 429 and "Sign-in temporarily locked" in locked.text
    elsewhere = Client(b, "198.51.100.41").sign_in()  # the real editor, at the clinic
    assert elsewhere.status_code == 302 and elsewhere["Location"] == "/admin/"

"""Redirects made by hand or from a file (README "Redirects"). Every row is checked before anything is saved:
the old address must be one patients get "page not found" for (a redirect answers only there: see
middleware.py), the new one a page of this site that answers; no row may loop, chain or repeat another."""

import csv
import io
import logging
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.db import transaction

from .models import Redirect

logger = logging.getLogger(__name__)

MAX_ROWS = 500
MAX_BYTES = 256 * 1024
MAX_LENGTH = Redirect._meta.get_field("old_path").max_length


@dataclass
class Problem:
    field: str  # "old_path", "new_path", or "" for the row as a whole
    message: str


@dataclass
class Row:
    """One redirect as typed (a line of the file, or the form), what it means, and what is wrong with it."""

    number: int
    old: str
    new: str
    old_path: str = ""
    new_path: str = ""
    problems: list = field(default_factory=list)
    replaces: str = ""  # where an existing redirect of the same old address leads now
    unchanged: bool = False  # exactly this redirect is there already

    def problem(self, field, message):
        self.problems.append(Problem(field, message))


def address_problem(text, which):
    if not text:
        return f"The {which} address is empty."
    if any(c.isspace() or ord(c) < 32 for c in text) or "\\" in text:
        return f"The {which} address “{text}” has a space or a backslash in it: copy it again from the browser."
    if len(text) > MAX_LENGTH:
        return f"The {which} address is longer than {MAX_LENGTH} characters."
    return ""


def split_address(text, which, hosts):
    """(path, query and fragment, problem) of an address typed as a path ("/old/") or a full web address."""
    if problem := address_problem(text, which):
        return "", "", problem
    if text.startswith("//"):
        return "", "", f"The {which} address “{text}” must start with a single “/”, as in /blog/old-post/."
    parts = urlsplit(text)
    if parts.scheme or parts.netloc:
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return "", "", f"The {which} address “{text}” is not a web address: give a path such as /blog/old-post/."
        if hosts is not None and parts.hostname not in hosts:
            return "", "", (f"The {which} address “{text}” is on another site: redirects lead to pages of this site "
                            f"({', '.join(sorted(hosts))}).")
    elif not text.startswith("/"):
        return "", "", f"The {which} address “{text}” must start with a single “/”, as in /blog/old-post/."
    rest = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    return unquote(parts.path or "/"), rest, ""


def read_row(row, hosts):
    """Fill in `row`'s paths from what was typed, or its problems."""
    row.old_path, rest, problem = split_address(row.old.strip(), "old", None)
    if problem:
        row.problem("old_path", problem)
    elif rest:
        row.problem("old_path", f"Remove “{rest}” from the old address: a redirect answers for the address "
                                "without it, whatever follows the “?”.")
    path, rest, problem = split_address(row.new.strip(), "new", hosts)
    if problem:
        row.problem("new_path", problem)
    else:
        row.new_path = quote(path, safe="/:@!$&'()*+,;=-._~") + rest
    return row


def target_path(new_path):
    return unquote(urlsplit(new_path).path)


def rows_from_file(upload):
    """The rows of an uploaded CSV file (old address, new address; a first line of headings is allowed), and the
    problem with the file as a whole, if any."""
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        return [], f"The file is larger than {MAX_BYTES // 1024} KB: split it into smaller files."
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], "The file is not a CSV text file in UTF-8: in Excel or Numbers, save it as “CSV UTF-8”."
    if "\x00" in text:
        return [], "The file is not a CSV text file: in Excel or Numbers, save it as “CSV UTF-8”."
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = []
    reader = csv.reader(io.StringIO(text), dialect)
    for cells in reader:
        while cells and not cells[-1].strip():
            cells.pop()
        if not cells:
            continue
        if not rows and not any(looks_like_an_address(cell) for cell in cells):
            continue  # headings
        row = Row(reader.line_num, cells[0], cells[1] if len(cells) > 1 else "")
        if len(cells) != 2:
            row.problem("", f"This row has {len(cells)} column{'s' if len(cells) != 1 else ''}: give two, the old "
                            "address then the new one.")
        rows.append(row)
        if len(rows) > MAX_ROWS:
            return [], f"The file has more than {MAX_ROWS} redirects: split it into smaller files."
    if not rows:
        return [], "The file has no redirects in it: one a line, the old address then the new one."
    return rows, ""


def site_hosts(request):
    """The names this site answers to: full web addresses to these may be a redirect's new address."""
    names = {request.get_host().rsplit(":", 1)[0]}
    return names | {host for host in settings.ALLOWED_HOSTS if host and "*" not in host and not host.startswith(".")}


def looks_like_an_address(cell):
    return cell.strip().startswith("/") or "://" in cell


class NotAPatientsRequest(logging.Filter):
    """The checks' own "Not Found" answers are not patients' 404s: they stay out of the request log."""

    def filter(self, record):
        return not getattr(getattr(record, "request", None), "redirect_check", False)


class SiteAnswers:
    """What this site answers a patient (signed out) for an address, asked in-process through the same
    middleware and views as a request from outside (as Wagtail makes the requests of its previews)."""

    def __init__(self, request):
        self.host, self.secure = request.get_host(), request.is_secure()
        self.handler, self.known = None, {}

    def __call__(self, address):
        """(status code, Location) for `address`: a path with an optional query."""
        if address not in self.known:
            if self.handler is None:
                self.handler = BaseHandler()
                self.handler.load_middleware()
                logging.getLogger("django.request").addFilter(NOT_A_PATIENTS_REQUEST)  # once: the same filter
            parts = urlsplit(address)
            name, _, port = self.host.partition(":")
            request = WSGIRequest({
                "REQUEST_METHOD": "GET", "SCRIPT_NAME": "", "QUERY_STRING": parts.query,
                # WSGI carries the path's bytes as Latin-1 characters.
                "PATH_INFO": unquote(parts.path).encode().decode("iso-8859-1"),
                "HTTP_HOST": self.host, "SERVER_NAME": name, "SERVER_PORT": port or ("443" if self.secure else "80"),
                "REMOTE_ADDR": "127.0.0.1", "wsgi.url_scheme": "https" if self.secure else "http",
                "wsgi.input": io.BytesIO(),
            })
            request.redirect_check = True
            try:
                response = self.handler.get_response(request)
            except Exception:  # even the error page failed: the row reports an error, the import goes on
                logger.exception("Checking the address %s failed", address)
                self.known[address] = (500, "")
                return self.known[address]
            # Not response.close(): that signals the end of a request, and would close this request's database
            # connection. A file answered (an image) is closed by hand.
            if hasattr(response, "file_to_stream"):
                response.file_to_stream.close()
            self.known[address] = (response.status_code, response.get("Location", ""))
        return self.known[address]


NOT_A_PATIENTS_REQUEST = NotAPatientsRequest()


def check(rows, answers, hosts, excluding=None):
    """Report every row's problems (duplicates, loops, chains, addresses that would never be used or lead
    nowhere), on the rows themselves; `excluding` is a redirect being edited (its own old row is not a duplicate).
    Returns True if no row has a problem."""
    existing = dict(Redirect.objects.exclude(pk=getattr(excluding, "pk", None)).values_list("old_path", "new_path"))
    for row in rows:
        read_row(row, hosts)
    first_row = {}
    for row in rows:
        if row.old_path and row.old_path in first_row:
            row.problem("old_path", f"The old address {row.old_path} is on row {first_row[row.old_path]} already: "
                                    "keep one of the two rows.")
        first_row.setdefault(row.old_path, row.number)
    for row in rows:
        if row.old_path and not row_problems(row, "old_path"):
            row.replaces = existing.get(row.old_path, "")
            if excluding is not None and excluding.old_path == row.old_path:
                row.replaces = excluding.new_path  # the redirect being edited answers for its old address now
            row.unchanged = row.replaces == row.new_path
            check_old_answer(row, answers)
    # Rows whose old address is wrong redirect nothing: they make no chain for the others.
    usable = [row for row in rows if row.old_path and row.new_path and not row_problems(row, "old_path")]
    in_file = {}
    for row in usable:
        in_file.setdefault(row.old_path, row.new_path)  # a repeated row is reported, and the first one counts
    leads_to = {**existing, **in_file}
    where = {old: f"row {first_row[old]}" if old in in_file else "an existing redirect" for old in leads_to}
    for row in usable:
        if target_path(row.new_path) == row.old_path:
            row.problem("new_path", f"The new address leads back to the old one ({row.old_path}): a loop.")
        elif problem := chain_problem(row, leads_to, where):
            row.problem("new_path", problem)
        if not row.problems:
            check_new_answer(row, answers)
    return not any(row.problems for row in rows)


def row_problems(row, field):
    return [problem for problem in row.problems if problem.field == field]


def chain_problem(row, leads_to, where):
    """A loop or a chain starting at `row`: patients would be sent on twice, or forever."""
    seen, path = [row.old_path], target_path(row.new_path)
    while path in leads_to:
        if path in seen:
            loop = " → ".join([*seen[seen.index(path):], path])
            return f"These redirects go round in a loop: {loop}. Remove one of them."
        seen.append(path)
        path = target_path(leads_to[path])
    if len(seen) > 1:
        return (f"The new address {seen[1]} is itself redirected to {leads_to[seen[1]]} ({where[seen[1]]}): point "
                f"{row.old_path} straight at {path}.")
    return ""


def check_old_answer(row, answers):
    status, location = answers(quote(row.old_path))
    if status != 404 and not (status == 301 and row.replaces):  # a redirect already there answers 301
        if 300 <= status < 400:
            row.problem("old_path", f"The old address {row.old_path} redirects already (to {location}): a redirect "
                                    "from it would never be used.")
        else:
            row.problem("old_path", f"The old address {row.old_path} is a page of this site: a redirect from it "
                                    "would never be used (redirects answer only where patients would get “page not "
                                    "found”).")


def check_new_answer(row, answers):
    status, location = answers(urlsplit(row.new_path)._replace(fragment="").geturl())
    if status in (404, 410):
        row.problem("new_path", f"The new address {row.new_path} answers “page not found” on this site: a typo, a "
                                "draft, a page not live yet, or one taken down?")
    elif 300 <= status < 400:
        row.problem("new_path", f"The new address {row.new_path} redirects to {location}: point at {location} "
                                "directly.")
    elif status != 200:
        row.problem("new_path", f"The new address {row.new_path} answers with an error ({status}) on this site.")


@transaction.atomic
def save(rows):
    """Save checked rows; existing redirects that led to an old address lead on to its new one (no chains)."""
    saved = []
    for row in rows:
        if not row.unchanged:
            Redirect.record_move(row.old_path, row.new_path)
            saved.append((Redirect.objects.get(old_path=row.old_path), row))
    return saved

"""Benchmark: the site under gunicorn in production mode with the shipped gunicorn.conf.py, driven by wrk,
against two yardsticks measured in the same run:

- a minimal Django project (`django-admin startproject` plus one view answering 20 KB of fixed HTML),
  served by the same gunicorn with the same settings: what the framework itself costs;
- a 20 KB fixed page inside this project (through all of its middleware).

For every database (SQLite, PostgreSQL) and site size (--articles), it builds a throwaway site, then
measures every public page cold (page cache off) and warm (page cache on), a tracking link, the
sitemap files one request at a time, the full render with every cache off, queries on a cold cache
and memory per worker. Prints the tables and writes docs/benchmark.md.

Run with scripts/bench (it sets up the virtual environment first). Needs wrk (apt-get install wrk);
PostgreSQL needs a server whose role may create databases (--postgres-url).
"""

import argparse
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
GUNICORN_CONF = ROOT / "gunicorn.conf.py"
PAGES = [
    ("yardstick (in project)", "/bench/yardstick/"),
    ("home", "/"),
    ("blog index", "/blog/"),
    ("blog deep page", "/blog/?page={deep_page}"),
    ("category", "/blog/category/category-3/"),
    ("article", "/blog/article-{middle_article}/"),
    ("article, tracking link", "/blog/article-{middle_article}/?utm_source=newsletter&utm_medium=email&fbclid=IwAR0x"),
    ("treatment index", "/treatments/"),
    ("treatment", "/treatments/treatment-7/"),
    ("search common", "/search/?q=botox"),
    ("search rare", "/search/?q=treatment+49"),
    ("search typo", "/search/?q=botx"),
    ("search patients' words", "/search/?q=nose+job"),
    ("feed", "/blog/feed/"),
    ("sitemap index", "/sitemap.xml"),
]
SITEMAP_FILES = [("sitemap index", "/sitemap.xml"), ("sitemap: pages", "/sitemap-pages.xml"),
                 ("sitemap: articles", "/sitemap-articles.xml"), ("sitemap: treatments", "/sitemap-treatments.xml")]
FULL_RENDER_PAGES = ["article", "treatment"]
# Searches timed one request at a time on a cold cache (the target: under 50 ms p50 at 10,000 articles).
SEARCHES = [name for name, _path in PAGES if name.startswith("search")]
MINIMAL_VIEW = '''

from django.http import HttpResponse

PAGE = "<!doctype html><title>minimal</title>" + ("<p>" + "x" * 93 + "</p>\\n") * 200


def page(request):
    return HttpResponse(PAGE)


urlpatterns.append(path("", page))
'''


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def wrk(url, seconds, connections):
    out = subprocess.run(
        ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True, text=True, check=True, timeout=seconds + 30,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, latency(out, "50%"), latency(out, "99%"), int(errors.group(1)) if errors else 0


def latency(out, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", out).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def worker_peak_memory_mb(master_pid):
    children = subprocess.run(["ps", "--ppid", str(master_pid), "-o", "pid="], capture_output=True, text=True).stdout
    peaks = []
    for pid in children.split():
        status = Path(f"/proc/{pid}/status").read_text()
        peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024)
    return max(peaks) if peaks else 0.0


def start_server(env, port, app="clinic_site.wsgi", cwd=ROOT, health="/healthz"):
    """gunicorn as shipped (gunicorn.conf.py), with two workers and no access log."""
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2", "GUNICORN_ACCESS_LOG": ""}
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", str(GUNICORN_CONF), app, "--log-level", "warning"], cwd=cwd, env=env,
    )
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{health}", timeout=1)
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("gunicorn did not start; run it by hand to see why.")


def stop_server(process):
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


def measure_minimal_project(workdir, seconds, connections):
    """The framework's own cost: startproject plus one 20 KB view, same Django, same gunicorn settings."""
    project = workdir / "minimal"
    project.mkdir()
    subprocess.run([str(Path(PYTHON).parent / "django-admin"), "startproject", "minimal", str(project)], check=True)
    settings = project / "minimal" / "settings.py"
    text = settings.read_text().replace("DEBUG = True", "DEBUG = False")
    settings.write_text(text.replace("ALLOWED_HOSTS = []", 'ALLOWED_HOSTS = ["127.0.0.1"]'))
    urls = project / "minimal" / "urls.py"
    urls.write_text(urls.read_text() + MINIMAL_VIEW)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO", "DATABASE", "CLINIC"))}
    port = free_port()
    server = start_server(env, port, app="minimal.wsgi", cwd=project, health="/")
    try:
        url = f"http://127.0.0.1:{port}/"
        wrk(url, 3, connections)
        return wrk(url, seconds, connections)
    finally:
        stop_server(server)


def page_facts(env, pages):
    """Queries on a cold cache with the page cache on (its own queries included), and HTML bytes, measured
    in a child process with Django's test client."""
    code = f"""
import gzip, json, django
django.setup()
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client, facts = Client(), {{}}
for name, path in {pages!r}:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    facts[name] = (len(queries), len(response.content), len(gzip.compress(response.content)))
print(json.dumps(facts))
"""
    out = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout
    return {name: tuple(values) for name, values in json.loads(out.splitlines()[-1]).items()}


BIG_PHOTO_SAVE = """
import re, sys, time, django
django.setup()
from pathlib import Path
from django.core.files.uploadedfile import SimpleUploadedFile
from treatments.models import BeforeAfterPair, Treatment

photos = [Path(name).read_bytes() for name in sys.argv[1:]]
treatment = Treatment.objects.filter(status="published").first()
def peak_mb():  # this process's high-water mark (ru_maxrss would include the parent's, from before exec)
    return int(re.search(r"VmHWM:\\s+(\\d+) kB", Path("/proc/self/status").read_text()).group(1)) / 1024

baseline = peak_mb()
started = time.perf_counter()
pair = BeforeAfterPair(treatment=treatment, consent_recorded=True, consent_reference="Form 12", show_publicly=True,
                       caption="Two weeks after",
                       before_alt="Forehead lines before treatment", after_alt="Smoother forehead after treatment",
                       before_image=SimpleUploadedFile("IMG_0001.JPG", photos[0]),
                       after_image=SimpleUploadedFile("IMG_0002.JPG", photos[1]))
pair.full_clean()  # what the admin form does: checks, which decode each photo (once)
pair.save()
seconds = time.perf_counter() - started
peak = peak_mb()
print(seconds, baseline, peak, len(photos[0]) + len(photos[1]), pair.before_width, pair.before_height)
"""


def camera_photo(path, seed):
    """7296 × 5472 (39.9 megapixels) with a photo's texture, as a camera writes it (JPEG quality 92)."""
    from PIL import Image, ImageFilter

    size = (7296, 5472)
    noise = Image.effect_noise((912, 684), 60).filter(ImageFilter.GaussianBlur(2))
    base = Image.merge("RGB", [noise, Image.linear_gradient("L").resize((912, 684)), noise.rotate(seed * 180)])
    grain = Image.effect_noise(size, 12).convert("RGB")  # sensor grain: what makes camera files large
    Image.blend(base.resize(size, Image.Resampling.BICUBIC), grain, 0.12).save(path, "JPEG", quality=90)


def measure_big_photo_save(env, workdir):
    """A before-and-after pair of two 39.9-megapixel camera JPEGs saved as the admin saves it: seconds and
    the peak memory of the process doing it (a worker does the same work)."""
    photos = [workdir / "IMG_0001.JPG", workdir / "IMG_0002.JPG"]
    for seed, path in enumerate(photos):
        camera_photo(path, seed)
    out = subprocess.run([PYTHON, "-c", BIG_PHOTO_SAVE, *map(str, photos)], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    seconds, baseline, peak, upload_bytes, width, height = out[-6:]
    return {"seconds": float(seconds), "baseline MB": float(baseline), "peak MB": float(peak),
            "upload MB": int(upload_bytes) / 2**20, "stored": f"{width}×{height}"}


def cache_status(url):
    with urllib.request.urlopen(url) as response:
        response.read()
        return response.headers.get("X-Page-Cache", "none")


class Site:
    """A throwaway site on one database with `articles` articles."""

    def __init__(self, workdir, database, articles, postgres_url):
        self.workdir, self.database, self.articles = workdir / f"{database}-{articles}", database, articles
        self.workdir.mkdir()
        self.postgres_url, self.db_name = postgres_url, None
        if database == "postgresql":
            self.db_name = f"clinic_bench_{secrets.token_hex(4)}"
            self.admin_sql(f'CREATE DATABASE "{self.db_name}"')
            parts = urlsplit(postgres_url)
            database_url = urlunsplit(parts._replace(path="/" + self.db_name))
        else:
            database_url = f"sqlite:///{self.workdir / 'db.sqlite3'}"
        self.env = {
            **os.environ,
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": database_url,
            "DJANGO_MEDIA_ROOT": str(self.workdir / "media"),
            "CLINIC_PRIVATE_MEDIA_ROOT": str(self.workdir / "private-media"),
            "DJANGO_STATIC_ROOT": str(workdir / "static"),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_LOG_LEVEL": "WARNING",
            "CLINIC_BENCHMARK": "1",
            # Its own cache, whatever the shell says: the benchmark clears it.
            "DJANGO_CACHE_BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "DJANGO_CACHE_LOCATION": "clinic-bench",
            "DJANGO_SETTINGS_MODULE": "clinic_site.settings",
        }

    def admin_sql(self, statement):
        import psycopg

        with psycopg.connect(self.postgres_url, autocommit=True) as connection:
            connection.execute(statement)

    def build(self):
        started = time.monotonic()
        manage(self.env, "migrate", "--no-input")
        manage(self.env, "seed_benchmark_data", "--articles", str(self.articles))
        manage(self.env, "collectstatic", "--no-input")
        self.settle()
        return time.monotonic() - started

    def settle(self):
        """Planner statistics and (PostgreSQL) visibility maps up to date, as on a site that has been running:
        otherwise the first pages measured share the machine with autovacuum."""
        if self.db_name:
            import psycopg

            parts = urlsplit(self.postgres_url)
            with psycopg.connect(urlunsplit(parts._replace(path="/" + self.db_name)), autocommit=True) as db:
                db.execute("VACUUM ANALYZE")
        else:
            import sqlite3

            with sqlite3.connect(self.workdir / "db.sqlite3") as db:
                db.execute("ANALYZE")

    def drop(self):
        if self.db_name:
            self.admin_sql(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')


def measure_site(site, pages, args):
    results = {"build seconds": site.build()}
    results["big photos"] = measure_big_photo_save({**site.env, "CLINIC_MAX_UPLOAD_MB": "40"}, site.workdir)
    results["facts"] = page_facts({**site.env, "CLINIC_PAGE_CACHE_SECONDS": "600"}, pages)
    modes = [("cold", {"CLINIC_PAGE_CACHE_SECONDS": "0"}), ("warm", {"CLINIC_PAGE_CACHE_SECONDS": "600"}),
             ("full render", {"CLINIC_PAGE_CACHE_SECONDS": "0", "CLINIC_FRAGMENT_CACHE_SECONDS": "0"})]
    for mode, overrides in modes:
        port = free_port()
        server = start_server({**site.env, **overrides}, port)
        try:
            for name, path in pages:
                if mode == "full render" and name not in FULL_RENDER_PAGES:
                    continue
                url = f"http://127.0.0.1:{port}{path}"
                wrk(url, 3, args.connections)  # warm-up (fills the cache in warm mode)
                if mode == "warm":
                    results["cache status", name] = cache_status(url)
                results[mode, name] = wrk(url, args.seconds, args.connections)
                print(f"  {site.database} {site.articles} {mode:11} {name:24} {results[mode, name][0]:8.0f} req/s",
                      flush=True)
            if mode == "cold":  # search engines fetch sitemaps one at a time; a patient searches once
                for name, path in SITEMAP_FILES:
                    results["sitemap", name] = wrk(f"http://127.0.0.1:{port}{path}", 5, 1)
                for name, path in pages:
                    if name in SEARCHES:
                        results["single", name] = wrk(f"http://127.0.0.1:{port}{path}", 5, 1)
            results[mode, "memory"] = worker_peak_memory_mb(server.pid)
        finally:
            stop_server(server)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000], help="site sizes to measure")
    parser.add_argument("--databases", nargs="+", default=["sqlite"], choices=["sqlite", "postgresql"])
    parser.add_argument("--postgres-url", default=os.environ.get("BENCH_POSTGRES_URL", ""),
                        help="a PostgreSQL server whose role may create databases (or BENCH_POSTGRES_URL)")
    parser.add_argument("--seconds", type=int, default=10, help="measured seconds per page (after 3 s warm-up)")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmark.md"))
    parser.add_argument("--pages", nargs="+", default=[],
                        help="measure only pages whose names contain one of these words (e.g. search), and the "
                        "in-project yardstick")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("The benchmark needs wrk: apt-get install wrk")
    if "postgresql" in args.databases and not args.postgres_url:
        raise SystemExit("PostgreSQL needs --postgres-url postgres://user:password@host:5432/postgres "
                         "(a role that may create databases).")

    workdir = Path(tempfile.mkdtemp(prefix="clinic-bench-"))
    try:
        print("Measuring the minimal Django project…", flush=True)
        minimal = measure_minimal_project(workdir, args.seconds, args.connections)
        print(f"  minimal view {minimal[0]:8.0f} req/s", flush=True)
        runs = []
        for database in args.databases:
            for articles in args.articles:
                pages = [(name, path.format(deep_page=articles // 20, middle_article=articles // 2))
                         for name, path in PAGES
                         if not args.pages or name == PAGES[0][0] or any(word in name for word in args.pages)]
                print(f"Building a throwaway site on {database} with {articles} articles…", flush=True)
                site = Site(workdir, database, articles, args.postgres_url)
                try:
                    runs.append((site, pages, measure_site(site, pages, args)))
                finally:
                    site.drop()
        report = render(minimal, runs, args)
        print(report)
        Path(args.output).write_text(report)
        print(f"Written to {args.output}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def render(minimal, runs, args):
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    import django

    lines = [
        "# Benchmark",
        "",
        f"Run on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}: {os.cpu_count()} cores ({cpu}), "
        f"Python {platform.python_version()}, Django {django.get_version()}. gunicorn as shipped (`gunicorn.conf.py`, "
        f"2 sync workers, access log off), production settings; `wrk -t2 -c{args.connections}`, {args.seconds} s per "
        "page after a 3 s warm-up. Regenerate with `scripts/bench` (see `scripts/bench --help`).",
        "",
        "- **Ratio** is to the *minimal Django project* (`django-admin startproject` plus one view answering 20 KB "
        "of fixed HTML, same gunicorn settings), measured in the same run: "
        f"**{minimal[0]:.0f} req/s, p50 {minimal[1]:.2f} ms, p99 {minimal[2]:.2f} ms**.",
        "- *Cold*: page cache off (parts of pages, such as the header, cards, lists and each page's content, are "
        "still kept per content version); *warm*: page cache on; *full render*: page cache and parts of pages off, "
        "everything rendered afresh on every request.",
        "- *Queries*: on an empty cache with the page cache on, the cache's own queries included.",
        "",
    ]
    for site, pages, results in runs:
        facts = results["facts"]
        yardstick = {mode: results[mode, pages[0][0]][0] for mode in ("cold", "warm")}
        lines += [
            f"## {site.database.replace('sqlite', 'SQLite').replace('postgresql', 'PostgreSQL')}, "
            f"{site.articles:,} articles, 50 treatments",
            "",
            f"Built in {results['build seconds']:.0f} s. Peak memory per worker: cold {results['cold', 'memory']:.0f} "
            f"MB, warm {results['warm', 'memory']:.0f} MB, full render {results['full render', 'memory']:.0f} MB.",
            "",
            "| page | queries | HTML bytes | gzip bytes | cold req/s | cold p50 ms | cold p99 ms | cold ratio "
            "| warm req/s | warm p50 ms | warm p99 ms | warm ratio | warm cache | errors |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
        ]
        for name, _path in pages:
            queries, size, gz = facts[name]
            row, errors = [name, str(queries), str(size), str(gz)], 0
            for mode in ("cold", "warm"):
                rps, p50, p99, errs = results[mode, name]
                errors += errs
                row += [f"{rps:.0f}", f"{p50:.2f}", f"{p99:.2f}", f"{rps / minimal[0]:.2f}×"]
            row += [results["cache status", name], str(errors)]
            lines.append("| " + " | ".join(row) + " |")
        lines += [
            "",
            f"In-project yardstick (a fixed 20 KB page through all of this project's middleware): cold "
            f"{yardstick['cold'] / minimal[0]:.2f}×, warm {yardstick['warm'] / minimal[0]:.2f}× the minimal project.",
            "",
            "Full render, page cache and parts of pages off (what the first visit of a page after a change costs):",
            "",
            "| page | req/s | p50 ms | p99 ms | ratio | errors |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name in (name for name in FULL_RENDER_PAGES if ("full render", name) in results):
            rps, p50, p99, errs = results["full render", name]
            lines.append(f"| {name} | {rps:.0f} | {p50:.2f} | {p99:.2f} | {rps / minimal[0]:.2f}× | {errs} |")
        photos = results["big photos"]
        lines += [
            "",
            f"Saving a before-and-after pair of two 39.9-megapixel camera JPEGs ({photos['upload MB']:.0f} MB "
            f"together), as the admin does: **{photos['seconds']:.1f} s**, peak memory of the process "
            f"**{photos['peak MB']:.0f} MB** ({photos['baseline MB']:.0f} MB before the save); stored at "
            f"{photos['stored']} with their renditions.",
        ]
        lines += [
            "",
            "Sitemap files, page cache off, one request at a time (as search engines fetch them):",
            "",
            "| file | p50 ms | p99 ms | req/s |",
            "| --- | ---: | ---: | ---: |",
        ]
        for name, _path in SITEMAP_FILES:
            rps, p50, p99, _errs = results["sitemap", name]
            lines.append(f"| {name} | {p50:.2f} | {p99:.2f} | {rps:.0f} |")
        searched = [(name, path) for name, path in pages if ("single", name) in results]
        if searched:
            lines += [
                "",
                "Searches, page cache off, one request at a time (the words and spellings kept per content version):",
                "",
                "| search | address | p50 ms | p99 ms |",
                "| --- | --- | ---: | ---: |",
            ]
            for name, path in searched:
                _rps, p50, p99, _errs = results["single", name]
                lines.append(f"| {name} | `{path}` | {p50:.2f} | {p99:.2f} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    main()

"""Benchmark: 10,000 articles under gunicorn in production mode, driven by wrk, against a trivial
view of the same project (the yardstick). Prints a table and writes docs/benchmark.md.

Run with scripts/bench (it sets up the virtual environment first). Needs wrk (apt-get install wrk).
"""

import argparse
import gzip
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

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
PAGES = [
    ("yardstick", "/bench/yardstick/"),
    ("home", "/"),
    ("blog index", "/blog/"),
    ("blog deep page", "/blog/?page={deep_page}"),
    ("article", "/blog/article-{middle_article}/"),
    ("treatment index", "/treatments/"),
    ("treatment", "/treatments/treatment-7/"),
    ("search common", "/search/?q=botox"),
    ("search rare", "/search/?q=treatment+49"),
    ("sitemap", "/sitemap.xml"),
    ("feed", "/blog/feed/"),
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def wrk(url, seconds, connections):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
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


def start_server(env, port):
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "clinic_site.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("gunicorn did not start; run it by hand to see why.")


def stop_server(process):
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


def page_facts(env):
    """Queries per page (page cache off) and HTML bytes, measured in-process with Django's test client."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, facts = Client(), {}
    for name, path in PAGES:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        facts[name] = (len(queries), len(response.content), len(gzip.compress(response.content)))
    return facts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=10, help="measured seconds per page (after 3 s warm-up)")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--output", default=str(ROOT / "docs" / "benchmark.md"))
    args = parser.parse_args()
    PAGES[:] = [
        (name, path.format(deep_page=args.articles // 20, middle_article=args.articles // 2)) for name, path in PAGES
    ]
    if not shutil.which("wrk"):
        raise SystemExit("The benchmark needs wrk: apt-get install wrk")

    workdir = Path(tempfile.mkdtemp(prefix="clinic-bench-"))
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "CLINIC_BENCHMARK": "1",
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings",
        "GUNICORN_ACCESS_LOG": "",
    }
    try:
        print(f"Building a throwaway site in {workdir} with {args.articles} articles…", flush=True)
        manage(env, "migrate", "--no-input")
        manage(env, "seed_benchmark_data", "--articles", str(args.articles))
        manage(env, "collectstatic", "--no-input")
        facts = page_facts({**env, "CLINIC_PAGE_CACHE_SECONDS": "0"})
        results = {}
        for mode, cache_seconds in [("cold", "0"), ("warm", "600")]:
            port = free_port()
            server = start_server({**env, "CLINIC_PAGE_CACHE_SECONDS": cache_seconds}, port)
            try:
                for name, path in PAGES:
                    url = f"http://127.0.0.1:{port}{path}"
                    wrk(url, 3, args.connections)  # warm-up (fills the cache in warm mode)
                    results[mode, name] = wrk(url, args.seconds, args.connections)
                    print(f"  {mode:4} {name:16} {results[mode, name][0]:8.0f} req/s", flush=True)
                results[mode, "memory"] = worker_peak_memory_mb(server.pid)
            finally:
                stop_server(server)
        report = render(results, facts, args)
        print(report)
        Path(args.output).write_text(report)
        print(f"Written to {args.output}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def render(results, facts, args):
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    lines = [
        "# Benchmark",
        "",
        f"Run on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.node()}: {os.cpu_count()} cores ({cpu}), "
        f"Python {platform.python_version()}. gunicorn, 2 sync workers, production settings, SQLite, "
        f"{args.articles} articles, 50 treatments; `wrk -t2 -c{args.connections}`, {args.seconds} s per page after "
        "a 3 s warm-up. *Cold*: page cache off; *warm*: page cache on. Ratios are to the yardstick "
        "(a 20 KB fixed page of the same project) measured in the same run. Regenerate with `scripts/bench`.",
        "",
        "| page | queries | HTML bytes | gzip bytes | cold req/s | cold p50 ms | cold p99 ms | cold ratio "
        "| warm req/s | warm p50 ms | warm p99 ms | warm ratio | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, _path in PAGES:
        queries, size, gz = facts[name]
        row = [name, str(queries), str(size), str(gz)]
        errors = 0
        for mode in ("cold", "warm"):
            rps, p50, p99, errs = results[mode, name]
            errors += errs
            ratio = rps / results[mode, "yardstick"][0]
            row += [f"{rps:.0f}", f"{p50:.2f}", f"{p99:.2f}", f"{ratio:.0%}"]
        lines.append("| " + " | ".join(row + [str(errors)]) + " |")
    lines += [
        "",
        f"Peak memory per worker: cold {results['cold', 'memory']:.0f} MB, warm {results['warm', 'memory']:.0f} MB.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()

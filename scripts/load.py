"""Load test: the demo site under gunicorn in production mode, 64 connections for 60 s across the public
pages while a staff member keeps editing pages; then every edit is checked. Exits 1 on any error.

Run with scripts/load. Needs wrk (apt-get install wrk).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import ROOT, free_port, manage, start_server, stop_server  # noqa: E402

PATHS = ["/", "/treatments/", "/treatments/botox/", "/treatments/rhinoplasty/", "/blog/",
         "/blog/botox-facial-symmetry/", "/search/?q=botox", "/sitemap.xml", "/blog/feed/", "/privacy/"]
LUA = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def edit_continuously(stop, edits, errors):
    """A staff member saving pages once every 0.2 s through the models (signals, revisions, index and all)."""
    try:
        import django

        django.setup()
        from articles.models import Article
        from treatments.models import Treatment
    except Exception as error:
        errors.append(f"could not start editing: {error!r}")
        return

    n = 0
    while not stop.is_set():
        n += 1
        model = Treatment if n % 2 else Article
        try:
            page = model.objects.order_by("?").first()
            page.summary = f"Edited during the load test, edit {n}."
            page.save()
            edits.append((model, page.pk, page.summary))
        except Exception as error:  # counted and reported, never hidden
            errors.append(repr(error))
        time.sleep(0.2)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("The load test needs wrk: apt-get install wrk")
    workdir = Path(tempfile.mkdtemp(prefix="clinic-load-"))
    env = {
        **os.environ, "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "load-test-" + "x" * 50,
        "DATABASE_URL": os.environ.get("LOAD_DATABASE_URL", f"sqlite:///{workdir / 'db.sqlite3'}"),
        "DJANGO_MEDIA_ROOT": str(workdir / "media"), "DJANGO_STATIC_ROOT": str(workdir / "static"),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1", "DJANGO_SECURE_SSL_REDIRECT": "0", "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings", "GUNICORN_ACCESS_LOG": "",
    }
    try:
        manage(env, "migrate", "--no-input")
        manage(env, "load_demo_content")
        manage(env, "collectstatic", "--no-input")
        os.environ.update(env)
        sys.path.insert(0, str(ROOT))
        port = free_port()
        server = start_server(env, port)
        script = workdir / "paths.lua"
        script.write_text(LUA % ", ".join(f'"{p}"' for p in PATHS))
        stop, edits, edit_errors = threading.Event(), [], []
        editor = threading.Thread(target=edit_continuously, args=(stop, edits, edit_errors))
        editor.start()
        try:
            out = subprocess.run(
                ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--latency", "-s", str(script),
                 f"http://127.0.0.1:{port}"],
                capture_output=True, text=True, timeout=args.seconds + 60, check=True,
            ).stdout
        finally:
            stop.set()
            editor.join()
            stop_server(server)
        print(out)
        http_errors = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
        socket_errors = re.search(r"Socket errors: (.*)", out)
        lost = [edit for edit in last_edits(edits) if edit[0].objects.get(pk=edit[1]).summary != edit[2]]
        print(f"Edits saved during the run: {len(edits)}; failed: {len(edit_errors)}; lost afterwards: {len(lost)}")
        print(f"HTTP errors: {http_errors}; socket errors: {socket_errors.group(1) if socket_errors else 'none'}")
        for error in edit_errors[:5]:
            print("  edit error:", error)
        if http_errors or edit_errors or lost or socket_errors or not edits:
            raise SystemExit(1)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def last_edits(edits):
    """Only the latest edit of each page must be what the database holds."""
    latest = {}
    for model, pk, summary in edits:
        latest[model, pk] = (model, pk, summary)
    return latest.values()


if __name__ == "__main__":
    main()

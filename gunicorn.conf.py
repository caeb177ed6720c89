"""gunicorn settings for Clinic Site: `gunicorn clinic_site.wsgi` picks this file up from the project folder.
Each can be overridden by an environment variable (GUNICORN_*) or on the command line."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers suit a server-rendered site; two per core plus one, within reason.
workers = int(os.environ.get("GUNICORN_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 9)))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# Load the site once, before the workers are forked: a replaced worker (after a timeout, or with
# GUNICORN_MAX_REQUESTS) starts in milliseconds instead of importing everything again.
preload_app = True
# Off by default: a worker's memory stays flat (scripts/bench measures it), and recycling workers under load
# costs throughput and empties their page caches. Set a number (e.g. 100000) to recycle now and then anyway.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
# Only trust X-Forwarded-* from the proxy in front (nginx on the same machine by default).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # "" turns it off
access_log_format = '{"time":"%(t)s","remote":"%(h)s","request":"%(r)s","status":%(s)s,"bytes":%(B)s,"ms":%(M)s}'
errorlog = "-"

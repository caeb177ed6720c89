"""Enquiries per client address per hour, counted in the "limits" cache (shared by every worker and server)
under a keyed hash (no raw address kept)."""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import caches

from accounts.signin import client_address

WINDOW_SECONDS = 60 * 60


def cache_key(request):
    digest = hmac.new(settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256).hexdigest()
    return f"enquiry-rate:{digest[:32]}"


def is_limited(request):
    count, _ends = caches["limits"].get(cache_key(request), (0, 0))
    return count >= settings.CLINIC_ENQUIRY_RATE_LIMIT


def record_submission(request):
    """One more enquiry in this address's hour. Set, not incremented: the database cache's incr() would restart
    the hour (it saves with the default timeout)."""
    key, now, limits = cache_key(request), time.time(), caches["limits"]
    count, ends = limits.get(key, (0, 0))
    if ends <= now:  # a new hour begins with this enquiry
        count, ends = 0, now + WINDOW_SECONDS
    limits.set(key, (count + 1, ends), timeout=ends - now)

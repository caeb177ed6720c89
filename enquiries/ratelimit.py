"""Enquiries per client address per hour, counted in Django's cache under a keyed hash (no raw address kept)."""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

from publishing.signin import client_address

WINDOW_SECONDS = 60 * 60


def cache_key(request):
    digest = hmac.new(settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256).hexdigest()
    return f"enquiry-rate:{digest[:32]}"


def is_limited(request):
    return cache.get(cache_key(request), 0) >= settings.CLINIC_ENQUIRY_RATE_LIMIT


def record_submission(request):
    key = cache_key(request)
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    cache.incr(key)

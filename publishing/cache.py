"""Whole-page cache for anonymous visitors, invalidated at once by the content version.

Only plain public pages are stored: never anything for signed-in staff (they carry a session
cookie), never a response that sets a cookie or varies on one (forms with CSRF tokens), never
one marked private or no-cache (previews, the consultation form), never an error page.

A hit costs the content version (so every worker and server sees a change at once: one tiny query, or on
PostgreSQL a look at what the database announced) and one cache read; it runs before sessions, CSRF and
URL resolving. Tracking parameters (`utm_*`, `fbclid`…)
never split the cache, and the scheme and host are part of the key (pages hold absolute URLs).
"""

import hashlib
from datetime import UTC, datetime
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import QueryDict
from django.utils import timezone
from django.utils.cache import patch_cache_control, set_response_etag

from .drafts import publish_due_changes
from .models import ContentVersion, PageDraft, page_types

SKIP_PREFIXES = ("/admin/", "/preview/", "/consultation/", "/healthz", "/media/", "/static/")
NO_CONTENT_PREFIXES = ("/healthz", "/media/", "/static/")
# Added to links by mail, ad and social platforms; they never change what the page shows.
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMETERS = {
    "fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
    "mc_cid", "mc_eid", "_ga", "_gl", "igshid", "srsltid", "ref_src",
}  # fmt: skip
NOTHING_SCHEDULED = datetime.max.replace(tzinfo=UTC)
# How long the next scheduled change is kept at most: with nothing scheduled it would otherwise be kept for ever, and a
# shared cache (Redis) never drops it, one entry per content version.
NEXT_CHANGE_SECONDS = 24 * 60 * 60


def is_tracking(parameter):
    return parameter in TRACKING_PARAMETERS or parameter.startswith(TRACKING_PREFIXES)


def next_scheduled_change():
    """When the next scheduled page goes live, live page expires, or scheduled change to a live page is due
    (possibly already: then it is published on the next request)."""
    times = [PageDraft.objects.exclude(go_live_at=None).order_by().values_list("go_live_at", flat=True)]
    for model in page_types():
        times.append(model.objects.scheduled().order_by().values_list("publish_at", flat=True))
        times.append(model.objects.published().filter(unpublish_at__isnull=False).order_by()
                     .values_list("unpublish_at", flat=True))
    first, *others = times
    return first.union(*others).order_by(first.query.values_select[0]).first() or NOTHING_SCHEDULED


def next_change_for(version):
    """next_scheduled_change(), looked up once per content version (scheduling anything bumps the version)
    and again whenever its time has come."""
    key = f"next-change:{version}"
    at = cache.get(key)
    if at is None:
        at = next_scheduled_change()
        cache.set(key, at, min(seconds_until(at) or NEXT_CHANGE_SECONDS, NEXT_CHANGE_SECONDS))
    return at


def for_this_version(request, name, compute):
    """compute(), kept for as long as what patients see is unchanged: for parts many pages show alike (the
    blog's categories, the latest articles), whether or not whole pages are cached. Only for public requests:
    staff previews render unsaved changes."""
    seconds = getattr(request, "fragment_seconds", 0)
    if not seconds:
        return compute()
    key = f"{name}:{request.content_version}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


def lifetime(version, seconds):
    """`seconds`, or less when a scheduled change comes sooner (0 stays 0: not kept)."""
    return seconds and min(seconds, seconds_until(next_change_for(version)) or seconds)


def fragments(request):
    """Context processor: the arguments of `{% cache fragment_seconds name content_version … using=fragment_cache %}`
    in templates, so shared parts of pages are kept for patients and never for staff (0 seconds)."""
    seconds = getattr(request, "fragment_seconds", 0)
    return {
        "fragment_seconds": seconds,
        "content_version": getattr(request, "content_version", None),
        "fragment_cache": "default" if seconds else "uncached",
    }


def seconds_until(moment):
    if moment == NOTHING_SCHEDULED:
        return None
    return max(1, int((moment - timezone.now()).total_seconds()) + 1)


def in_one_piece(response):
    """A response written piecemeal (the RSS feed) would otherwise leave in many small packets."""
    if not response.streaming and len(response._container) > 1:
        response.content = response.content
    return response


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(NO_CONTENT_PREFIXES):  # the health check must answer on its own
            return self.get_response(request)
        version = ContentVersion.current()
        if not self.is_cacheable_request(request):  # staff, previews, forms: nothing cached, not even fragments
            self.publish_if_due(version)
            return in_one_piece(self.get_response(request))
        if self.publish_if_due(version):
            version = ContentVersion.current()
        request.content_version = version
        request.fragment_seconds = lifetime(version, settings.CLINIC_FRAGMENT_CACHE_SECONDS)
        query = drop_tracking_parameters(request)  # also for the parts of pages, page cache or not
        if not settings.CLINIC_PAGE_CACHE_SECONDS:
            return in_one_piece(self.get_response(request))
        response = cache.get(self.key(request, version, query))
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self.is_cacheable_response(in_one_piece(response)):
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            set_response_etag(response)  # once here, rather than on every hit
            seconds = lifetime(version, settings.CLINIC_PAGE_CACHE_SECONDS)
            cache.set(self.key(request, version, query), response, seconds)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def publish_if_due(version):
        return next_change_for(version) <= timezone.now() and publish_due_changes()

    @staticmethod
    def key(request, version, query):
        address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
        return f"page:{version}:{hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()}"

    def is_cacheable_request(self, request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(SKIP_PREFIXES)
        )

    def is_cacheable_response(self, response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            # A page holding a CSRF token belongs to one visitor: using the token always sets its cookie.
            and not response.cookies
            and not response.streaming
            and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        )


def drop_tracking_parameters(request):
    """Returns the query string that identifies the page: without tracking parameters, names in a fixed order
    (`?a=1&b=2` and `?b=2&a=1` are one page; a repeated name keeps the order of its values, since the last one
    counts). The page is rendered without them (request.GET), so no tracking code ends up in a cached page's
    links; redirects still pass them on (the raw query string is left alone)."""
    if not request.META.get("QUERY_STRING"):
        return ""
    kept = [(name, values) for name, values in request.GET.lists() if not is_tracking(name)]
    if len(kept) < len(request.GET):
        request.GET = QueryDict(urlencode(kept, doseq=True))
    return urlencode(sorted(kept, key=lambda pair: pair[0]), doseq=True)

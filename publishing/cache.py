"""Whole-page cache for anonymous visitors, invalidated at once by the content version.

Only plain public pages are stored: never anything for signed-in staff (they carry a session
cookie), never a response that sets a cookie or varies on one (forms with CSRF tokens), never
one marked private or no-cache (previews, the consultation form), never an error page.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.cache import patch_cache_control

from .drafts import publish_due_changes
from .models import ContentVersion, PageDraft, page_types

SKIP_PREFIXES = ("/admin/", "/preview/", "/consultation/", "/healthz", "/media/", "/static/")
NO_CONTENT_PREFIXES = ("/healthz", "/media/", "/static/")


def seconds_until_next_scheduled_page():
    """Cached copies must expire when a scheduled page goes live, a live page expires, or scheduled changes
    to a live page go live (lists and the home page change)."""
    now = timezone.now()
    changes = []  # when scheduled pages go live, and live pages expire
    for model in page_types():
        changes.append(model.objects.scheduled().order_by().values_list("publish_at", flat=True))
        changes.append(model.objects.published().filter(unpublish_at__isnull=False).order_by()
                       .values_list("unpublish_at", flat=True))
    changes.append(PageDraft.objects.exclude(go_live_at=None).order_by().values_list("go_live_at", flat=True))
    first, *others = changes
    next_time = first.union(*others).order_by(first.query.values_select[0]).first()
    return None if next_time is None else max(1, int((next_time - now).total_seconds()) + 1)


def in_one_piece(response):
    """A response written piecemeal (the RSS feed) would otherwise leave in many small packets."""
    if not response.streaming and len(response._container) > 1:
        response.content = response.content
    return response


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.CLINIC_PAGE_CACHE_SECONDS
        if not seconds or not self.is_cacheable_request(request):
            if not request.path.startswith(NO_CONTENT_PREFIXES):  # the health check must answer on its own
                publish_due_changes()
            return in_one_piece(self.get_response(request))
        key = f"page:{ContentVersion.current()}:{request.get_host()}:{request.get_full_path()}"
        response = cache.get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        if publish_due_changes():  # the page about to be rendered may be one of them
            key = f"page:{ContentVersion.current()}:{request.get_host()}:{request.get_full_path()}"
        response = self.get_response(request)
        if self.is_cacheable_response(request, in_one_piece(response)):
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            until_scheduled = seconds_until_next_scheduled_page()
            cache.set(key, response, seconds if until_scheduled is None else min(seconds, until_scheduled))
            response["X-Page-Cache"] = "miss"
        return response

    def is_cacheable_request(self, request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(SKIP_PREFIXES)
        )

    def is_cacheable_response(self, request, response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            # A page holding a CSRF token belongs to one visitor: using the token always sets its cookie.
            and not response.cookies
            and not response.streaming
            and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        )

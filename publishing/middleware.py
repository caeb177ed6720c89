from urllib.parse import urlsplit, urlunsplit

from django.http import HttpResponsePermanentRedirect

from .models import Redirect


class SlugRedirectMiddleware:
    """Old addresses of pages whose slug changed answer 301 to the new address (only where a 404 would be)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or "\x00" in request.path:
            return response
        redirect = Redirect.objects.filter(old_path=request.path).first()
        if redirect is None:
            return response
        return HttpResponsePermanentRedirect(with_query(redirect.new_path, request.META.get("QUERY_STRING", "")))


def with_query(address, query):
    """`address` with the request's query added to its own, before any #fragment (an Editor's new address may
    have both: /treatments/botox/?ref=old#risks)."""
    if not query:
        return address
    parts = urlsplit(address)
    return urlunsplit(parts._replace(query=f"{parts.query}&{query}" if parts.query else query))

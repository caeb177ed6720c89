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
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(redirect.new_path + (f"?{query}" if query else ""))

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.middleware import csp


class ContentSecurityPolicyMiddleware(csp.ContentSecurityPolicyMiddleware):
    """Django's CSP middleware, with the looser policy CKEditor 5 needs inside the admin only, plus a
    Permissions-Policy that turns off browser features the site never uses."""

    def process_response(self, request, response):
        if request.path.startswith("/admin/") and not hasattr(response, "_csp_config"):
            response._csp_config = settings.ADMIN_CSP
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return super().process_response(request, response)


class SlugRedirectMiddleware:
    """Old addresses of pages whose slug changed answer 301 to the new address (only where a 404 would be)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or "\x00" in request.path:
            return response
        from .models import Redirect

        redirect = Redirect.objects.filter(old_path=request.path).first()
        if redirect is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(redirect.new_path + (f"?{query}" if query else ""))

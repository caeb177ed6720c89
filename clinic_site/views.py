"""Site-wide pages: home, privacy, health check, errors, uploaded files."""

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from django.views.static import serve

from articles.models import Article
from clinic.models import ClinicDetails
from publishing.media import private_media
from treatments.models import Treatment


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            featured_treatments=Treatment.objects.published().select_related("hero_image")[:6],
            latest_articles=Article.objects.published().select_related("author", "hero_image")[:3],
            **kwargs,
        )


def privacy(request):
    return render(request, "privacy.html", {"retention_days": settings.CLINIC_ENQUIRY_RETENTION_DAYS})


def media(request, path):
    """Public copies of images, when SERVE_MEDIA is on (otherwise the web server in front serves them); any other
    file only to those who may see it (the web server passes on what it does not have; README "Media files")."""
    if settings.SERVE_MEDIA:
        try:
            return serve(request, path, document_root=settings.MEDIA_ROOT)
        except Http404:
            pass
    return private_media(request, path)


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; point them at the real icon."""
    return redirect(static("favicon.svg"), permanent=True)


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    # Pages, sessions and limits live in the shared cache (Redis when several servers run): without it the site
    # cannot answer, so neither may its health check.
    for alias in ("default", "limits"):
        try:
            caches[alias].set("healthz", "ok", 10)
            if caches[alias].get("healthz") != "ok":
                raise ValueError("the cache kept nothing")
        except Exception:  # each cache backend raises its own errors
            return HttpResponse(f"cache {alias!r} unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def server_error(request):
    """The 500 page, rendered without the request so it cannot fail the way the page did."""
    template = loader.get_template("500.html")
    try:
        details = ClinicDetails.load()
    except DatabaseError:  # the database may be what failed: the details as the environment gives them
        details = ClinicDetails.from_settings()
    return HttpResponse(template.render({"clinic": details}), status=500)

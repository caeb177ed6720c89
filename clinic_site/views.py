from django.db import DatabaseError, connection
from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, TemplateView
from django.views.static import serve

from articles.models import Article
from treatments.models import Treatment

from .context_processors import clinic_details
from .search import MAX_RESULTS, SEARCH_MAX_LENGTH, search_site


class PublishableDetailView(DetailView):
    """A public page. Staff who may edit its model also see drafts and scheduled pages, and so does
    whoever holds a signed preview link (`shared_preview`); neither is ever cached or indexed."""

    shared_preview = None

    def get_queryset(self):
        queryset = super().get_queryset()
        opts = queryset.model._meta
        if self.shared_preview is not None:
            return queryset.filter(pk=self.shared_preview.pk)
        if self.request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            return queryset
        return queryset.published()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            shared_preview=self.shared_preview is not None, breadcrumbs=self.object.breadcrumbs(), **kwargs
        )

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if not self.object.is_published() or self.shared_preview is not None:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            featured_treatments=Treatment.objects.published()[:6],
            latest_articles=Article.objects.published().select_related("author")[:3],
            **kwargs,
        )


def privacy(request):
    return render(request, "privacy.html", {"retention_days": settings.CLINIC_ENQUIRY_RETENTION_DAYS})


def search(request):
    query = request.GET.get("q", "").strip()
    context = {"query": query, "max_length": SEARCH_MAX_LENGTH, "max_results": MAX_RESULTS, "results": []}
    if len(query) > SEARCH_MAX_LENGTH:
        context["error"] = (
            f"Your search is {len(query)} characters long. Please use {SEARCH_MAX_LENGTH} characters or fewer, "
            "for example the name of a treatment."
        )
        return render(request, "search.html", context, status=400)
    if query:
        context["results"] = search_site(query)
    return render(request, "search.html", context)


def media(request, path):
    """Uploads, when SERVE_MEDIA is on; otherwise the web server in front serves them (README "Media files")."""
    if not settings.SERVE_MEDIA:
        raise Http404("Media files are served by the web server.")
    return serve(request, path, document_root=settings.MEDIA_ROOT)


# The benchmark's yardstick: the cheapest possible page of this project, 20 KB of fixed HTML.
YARDSTICK_HTML = "<!doctype html><title>yardstick</title>" + ("<p>" + "x" * 93 + "</p>\n") * 200


def yardstick(request):
    return HttpResponse(YARDSTICK_HTML)


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
    return HttpResponse("ok", content_type="text/plain")


def server_error(request):
    """The 500 page, rendered without the request so it cannot fail the way the page did."""
    template = loader.get_template("500.html")
    return HttpResponse(template.render({"clinic": clinic_details()}), status=500)

"""sitemap.xml, written directly: at 10,000 articles Django's template-based sitemap takes seconds."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import escape

from publishing.models import page_types

SECTIONS = ["home", "treatments:list", "articles:list", "enquiries:consultation", "privacy"]
# One file holds up to 50,000 addresses (sitemaps.org); beyond that it would need a sitemap index.
SLUG_MARK = "slug-placeholder"


def sitemap_entries():
    """(path, last modified or None) for every public address."""
    for name in SECTIONS:
        yield reverse(name), None
    for model in page_types():
        # One address pattern per type, filled in per page: making a model object per page is slow at 10,000.
        before, after = model.path_for_slug(SLUG_MARK).split(SLUG_MARK)
        for slug, updated_at in model.objects.published().order_by("pk").values_list("slug", "updated_at"):
            yield f"{before}{slug}{after}", updated_at
    for model in page_types():
        for path in model.listing_paths():
            yield path, None


def sitemap(request):
    base = request.build_absolute_uri("/")[:-1]
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n']
    for path, lastmod in sitemap_entries():
        modified = f"<lastmod>{lastmod.date().isoformat()}</lastmod>" if lastmod else ""
        parts.append(f"<url><loc>{escape(base + path)}</loc>{modified}</url>\n")
    parts.append("</urlset>\n")
    return HttpResponse("".join(parts), content_type="application/xml")

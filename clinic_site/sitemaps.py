"""sitemap.xml, written directly: at 10,000 articles Django's template-based sitemap takes seconds."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import escape

from articles.models import Article, Category
from treatments.models import Treatment

SECTIONS = ["home", "treatments:list", "articles:list", "enquiries:consultation", "privacy"]
# One file holds up to 50,000 addresses (sitemaps.org); beyond that it would need a sitemap index.


def path_prefix(view_name):
    return reverse(view_name, kwargs={"slug": "-"})[:-2]


def sitemap_entries():
    """(path, last modified or None) for every public address."""
    for name in SECTIONS:
        yield reverse(name), None
    for model, view_name in [(Treatment, "treatments:detail"), (Article, "articles:detail")]:
        prefix = path_prefix(view_name)
        for slug, updated_at in model.objects.published().order_by("pk").values_list("slug", "updated_at"):
            yield f"{prefix}{slug}/", updated_at
    prefix = path_prefix("articles:category")
    for slug in Category.objects.with_published_articles().order_by("name").values_list("slug", flat=True):
        yield f"{prefix}{slug}/", None


def sitemap(request):
    base = request.build_absolute_uri("/")[:-1]
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n']
    for path, lastmod in sitemap_entries():
        modified = f"<lastmod>{lastmod.date().isoformat()}</lastmod>" if lastmod else ""
        parts.append(f"<url><loc>{escape(base + path)}</loc>{modified}</url>\n")
    parts.append("</urlset>\n")
    return HttpResponse("".join(parts), content_type="application/xml")

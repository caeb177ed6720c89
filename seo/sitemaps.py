"""The sitemap: /sitemap.xml is an index of one sitemap for the site's own sections and lists, and one per
page type, split into files of 50,000 addresses (sitemaps.org's limit) with `?p=2`, `?p=3`… Pages staff hid from
search engines (`noindex`) are left out.

Written directly rather than with django.contrib.sitemaps: its template takes seconds for 10,000 pages.
"""

from django.db.models import CharField, Count, Max
from django.db.models.functions import Cast, Substr
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import slugify

from publishing.cache import for_this_version
from publishing.models import page_types

SECTIONS = ["home", "treatments:list", "articles:list", "enquiries:consultation", "privacy"]
ADDRESSES_PER_FILE = 50_000
MAX_FILES = 50_000  # an index holds at most 50,000 sitemaps
SLUG_MARK = "slug-placeholder"
SITE_SECTION = "pages"


def section_name(page_type):
    return slugify(page_type._meta.verbose_name_plural)


def sections():
    return {section_name(page_type): page_type for page_type in page_types()}


def xml_response(parts):
    return HttpResponse("".join(parts), content_type="application/xml")


def lastmod(moment):
    return f"<lastmod>{moment.date().isoformat()}</lastmod>" if moment else ""


def sitemap_index(request):
    base = request.build_absolute_uri("/")[:-1]
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n',
             f"<sitemap><loc>{escape(base + reverse('sitemap-section', args=[SITE_SECTION]))}</loc></sitemap>\n"]
    for name, page_type in sections().items():
        totals = for_this_version(  # counting 100,000 pages is the slow part: once per change to the content
            request, f"sitemap-totals:{name}",
            lambda page_type=page_type: page_type.objects.indexable().order_by().aggregate(
                pages=Count("pk"), last=Max("updated_at")
            ),
        )
        location = base + reverse("sitemap-section", args=[name])
        files = max(1, -(-totals["pages"] // ADDRESSES_PER_FILE))
        for number in range(1, files + 1):
            address = location if number == 1 else f"{location}?p={number}"
            parts.append(f"<sitemap><loc>{escape(address)}</loc>{lastmod(totals['last'])}</sitemap>\n")
    parts.append("</sitemapindex>\n")
    return xml_response(parts)


def sitemap_section(request, section):
    """One file of addresses: the site's sections and lists, or one page type's pages (a part, with ?p=)."""
    page_type = sections().get(section)
    if section == SITE_SECTION:
        if file_number(request) != 1:
            raise Http404("The site's own addresses fit in one file.")
        entries = site_entries()
    elif page_type:
        entries = page_entries(page_type, file_number(request))
    else:
        raise Http404("No such sitemap.")
    base = escape(request.build_absolute_uri("/")[:-1])
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n']
    parts.extend(f"<url><loc>{base}{path}</loc>{modified}</url>\n" for path, modified in entries)
    parts.append("</urlset>\n")
    return xml_response(parts)


def file_number(request):
    number = request.GET.get("p", "1")
    if not number.isdecimal() or not 1 <= int(number) <= MAX_FILES:
        raise Http404("No such sitemap file.")
    return int(number)


def site_entries():
    for name in SECTIONS:
        yield escape(reverse(name)), ""
    for page_type in page_types():
        for path in page_type.listing_paths():
            yield escape(path), ""


def page_entries(page_type, number):
    # One address pattern per type, filled in per page: making a model object per page is slow at 10,000.
    before, after = (escape(part) for part in page_type.path_for_slug(SLUG_MARK).split(SLUG_MARK))
    start = (number - 1) * ADDRESSES_PER_FILE
    # The day as text straight from the database (stored in UTC): converting 50,000 datetimes in Python is slow.
    day = Substr(Cast("updated_at", CharField()), 1, 10)
    pages = page_type.objects.indexable().order_by("pk").values_list("slug", day)
    rows = pages[start : start + ADDRESSES_PER_FILE]
    if number > 1 and not rows:
        raise Http404("No such sitemap file.")
    for slug, updated_on in rows:  # slugs are letters, digits, hyphens and underscores: nothing to escape
        yield f"{before}{slug}{after}", f"<lastmod>{updated_on}</lastmod>"

"""Search across everything the public can read, with the database's full-text engine."""

import re

from django.db import connection
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.models import Article
from treatments.models import Treatment

SEARCH_MAX_LENGTH = 100
MAX_TERMS = 8
MAX_RESULTS = 50
START, STOP = "\x02", "\x03"  # match markers: escaped text cannot contain them

SQLITE_QUERY = f"""
    SELECT d.kind, d.object_id, snippet(clinic_site_search_fts, 1, char(2), char(3), '…', 24)
    FROM clinic_site_search_fts JOIN clinic_site_searchdocument d ON d.id = clinic_site_search_fts.rowid
    WHERE clinic_site_search_fts MATCH %s AND d.status = 'published' AND d.publish_at <= %s
    ORDER BY bm25(clinic_site_search_fts, 10.0, 1.0) LIMIT {MAX_RESULTS}
"""
POSTGRESQL_QUERY = f"""
    SELECT d.kind, d.object_id, ts_headline('english', d.body_text, q,
        'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=35, MinWords=15, MaxFragments=1')
    FROM clinic_site_searchdocument d, to_tsquery('english', %s) q
    WHERE d.search_vector @@ q AND d.status = 'published' AND d.publish_at <= %s
    ORDER BY ts_rank(d.search_vector, q) DESC LIMIT {MAX_RESULTS}
"""
MODELS = {"treatment": Treatment.objects.all(), "article": Article.objects.select_related("author")}


def search_terms(query):
    """The words of `query` (letters and digits only, so nothing can reach the engine's query syntax)."""
    return re.findall(r"\w+", query.lower())[:MAX_TERMS]


def highlight(snippet):
    return mark_safe(escape(snippet).replace(START, "<mark>").replace(STOP, "</mark>"))


def search_site(query):
    """Published treatments and articles containing every word of `query` (as a prefix), best first,
    each with `search_snippet`: the matching passage with the words marked."""
    terms = search_terms(query)
    if not terms:
        return []
    if connection.vendor == "postgresql":
        sql, match = POSTGRESQL_QUERY, " & ".join(f"{term}:*" for term in terms)
    else:
        sql, match = SQLITE_QUERY, " ".join(f'"{term}"*' for term in terms)
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, connection.ops.adapt_datetimefield_value(timezone.now())])
        hits = cursor.fetchall()
    pages = {
        kind: queryset.in_bulk([object_id for hit_kind, object_id, _ in hits if hit_kind == kind])
        for kind, queryset in MODELS.items()
    }
    results = []
    for kind, object_id, snippet in hits:
        if page := pages[kind].get(object_id):
            page.search_snippet = highlight(snippet)
            results.append(page)
    return results

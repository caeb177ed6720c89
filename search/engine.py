"""Search across everything the public can read, with the database's full-text engine."""

import re

from django.db import connection
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from publishing.models import page_types

SEARCH_MAX_LENGTH = 100
MAX_TERMS = 8
MAX_RESULTS = 20
SNIPPET_CHARS = 220

# Rank first over the index alone, then join the few best to check they are public: joining every
# match to its (large) row first is what makes a common word slow.
SQLITE_QUERY = f"""
    SELECT d.kind, d.object_id, d.body_text
    FROM (SELECT rowid AS id, bm25(search_fts, 10.0, 1.0) AS score FROM search_fts
          WHERE search_fts MATCH %s ORDER BY score LIMIT {MAX_RESULTS * 10}) ranked
    JOIN search_searchdocument d ON d.id = ranked.id
    WHERE d.status = 'published' AND d.publish_at <= %s AND (d.unpublish_at IS NULL OR d.unpublish_at > %s)
    ORDER BY ranked.score LIMIT {MAX_RESULTS}
"""
POSTGRESQL_QUERY = f"""
    SELECT d.kind, d.object_id, d.body_text
    FROM search_searchdocument d, to_tsquery('english', %s) q
    WHERE d.search_vector @@ q AND d.status = 'published' AND d.publish_at <= %s
      AND (d.unpublish_at IS NULL OR d.unpublish_at > %s)
    ORDER BY ts_rank(d.search_vector, q) DESC LIMIT {MAX_RESULTS}
"""


def search_terms(query):
    """The words of `query` (letters and digits only, so nothing can reach the engine's query syntax)."""
    return re.findall(r"\w+", query.lower())[:MAX_TERMS]


def snippet(text, terms):
    """A passage of `text` around the first matching word, with every matching word marked."""
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(term) for term in terms) + r")\w*", re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, (first.start() if first else 0) - SNIPPET_CHARS // 3)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    passage = text[start:start + SNIPPET_CHARS].rsplit(" ", 1)[0]
    marked = pattern.sub(lambda match: f"\x02{match.group(0)}\x03", passage)
    html = escape(marked).replace("\x02", "<mark>").replace("\x03", "</mark>")
    return mark_safe(("…" if start else "") + html + ("…" if start + len(passage) < len(text) else ""))


def search_site(query):
    """The best published pages containing every word of `query` (as a prefix), best
    first, each with `search_snippet`: the matching passage with the words marked."""
    terms = search_terms(query)
    if not terms:
        return []
    if connection.vendor == "postgresql":
        sql, match = POSTGRESQL_QUERY, " & ".join(f"{term}:*" for term in terms)
    else:
        sql, match = SQLITE_QUERY, " ".join(f'"{term}"*' for term in terms)
    with connection.cursor() as cursor:
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        cursor.execute(sql, [match, now, now])
        hits = cursor.fetchall()
    pages = {
        model._meta.model_name: model.objects.in_bulk(
            [object_id for kind, object_id, _ in hits if kind == model._meta.model_name]
        )
        for model in page_types()
    }
    results = []
    for kind, object_id, text in hits:
        if page := pages.get(kind, {}).get(object_id):
            page.search_snippet = snippet(text, terms)
            results.append(page)
    return results

"""Search across everything the public can read, with the database's full-text engine."""

import re
from collections import Counter
from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, Q, TextField, Value, When
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from publishing.models import page_types

from .models import SearchDocument, Synonym

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


@dataclass
class Outcome:
    """What a patient's search found, and what it searched for when that was not what they typed."""

    results: list
    searched_for: str = ""
    corrected: bool = False  # searched_for is a spelling correction (else the site's word for a synonym)


def find(query, remember=None):
    """search_site(), understanding patients: their words for treatments (staff-managed synonyms) first, and
    when nothing matches, the nearest spelling among the words public pages use ("botx" → "botox").
    `remember(name, compute)` keeps the synonyms and vocabulary while the content stands (publishing.cache)."""
    remember = remember or (lambda name, compute: compute())
    synonyms = remember("search-synonyms", lambda: sorted(
        Synonym.objects.values_list("phrase", "search_for"), key=lambda pair: -len(pair[0])  # longest first
    ))
    terms = search_terms(query)
    understood = with_synonyms(terms, synonyms)
    if understood != terms:
        results = search_site(" ".join(understood))
        results += [page for page in search_site(query) if page not in results]  # pages using their very words
        return Outcome(results[:MAX_RESULTS], " ".join(understood))
    results = search_site(query)
    if results or not terms:
        return Outcome(results)
    vocabulary = remember("search-vocabulary", public_vocabulary)
    corrected = with_synonyms([nearest_word(term, vocabulary) for term in terms], synonyms)
    if corrected == terms:
        return Outcome([])
    return Outcome(search_site(" ".join(corrected)), " ".join(corrected), corrected=True)


def with_synonyms(terms, synonyms):
    """The terms with each patients' phrase replaced by the site's words (longest phrases first, so "anti
    wrinkle injections" wins over "wrinkle injections")."""
    text = f" {' '.join(terms)} "
    for phrase, search_for in synonyms:
        text = text.replace(f" {phrase} ", f" {search_for} ")
    return text.split()


def nearest_word(term, vocabulary):
    """The word public pages use that is closest to `term` in spelling (one slip in a short word, two in a long
    one), preferring the commonest; `term` itself when it is known or nothing is close."""
    if len(term) < 4 or term in vocabulary or term.isdigit():
        return term
    allowed = 1 if len(term) < 7 else 2
    close = process.extract(term, vocabulary.keys(), scorer=Levenshtein.distance, score_cutoff=allowed, limit=5)
    if not close:
        return term
    return min(close, key=lambda match: (match[1], -vocabulary[match[0]]))[0]


def public_vocabulary():
    """{word: how many public pages use it}, for the words of page titles and of treatment pages (the words
    patients misspell), and of synonyms."""
    counts = Counter()
    now = timezone.now()
    documents = SearchDocument.objects.filter(
        Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now), status="published", publish_at__lte=now
    )
    treatment_text = Case(When(kind="treatment", then="body_text"), default=Value(""), output_field=TextField())
    for title, text in documents.values_list("title", treatment_text).iterator():
        counts.update(set(search_terms(title)) | set(re.findall(r"\w+", text.lower())))
    for phrase in Synonym.objects.values_list("phrase", flat=True):
        counts.update(phrase.split())
    return {word: count for word, count in counts.items() if len(word) > 2 and not word.isdigit()}

"""Search across everything the public can read."""

from articles.models import Article
from treatments.models import Treatment

SEARCH_MAX_LENGTH = 100
RESULTS_PER_TYPE = 50


def search_site(query):
    """Published treatments and articles matching `query`, best first (title matches, then newest)."""
    treatments = Treatment.objects.published().search(query)[:RESULTS_PER_TYPE]
    articles = Article.objects.published().search(query).select_related("author")[:RESULTS_PER_TYPE]
    results = [*treatments, *articles]
    # Stable sort: within a rank, treatments (already in search order) come before articles.
    return sorted(results, key=lambda page: page.search_rank)

"""Full-text search: ranking, prefixes, FAQs, highlighting, hostile syntax."""

from datetime import timedelta

import pytest
from django.utils import timezone

from publishing.models import Status
from search.engine import search_site
from tests.factories import ArticleFactory, TreatmentFactory

pytestmark = pytest.mark.django_db


def test_search_ranks_title_matches_first_and_ignores_unpublished():
    in_body = ArticleFactory(title="Facial balance", body="<p>Botox can help.</p>")
    in_title = ArticleFactory(title="Botox explained", body="<p>Nothing else.</p>")
    ArticleFactory(title="Botox draft", status=Status.DRAFT)
    ArticleFactory(title="Botox later", publish_at=timezone.now() + timedelta(hours=1))
    assert search_site("botox") == [in_title, in_body]


def test_search_needs_every_word_and_matches_word_starts():
    TreatmentFactory(title="Eyelid surgery", body="<p>Hooded lids.</p>")
    assert len(search_site("eyelid hooded")) == 1
    assert len(search_site("eyel hood")) == 1
    assert search_site("eyelid cheek") == []


def test_search_finds_words_in_faqs_and_follows_edits():
    from tests.factories import FAQFactory

    treatment = TreatmentFactory(title="Botox")
    faq = FAQFactory(treatment=treatment, question="Does it sting?", answer="Only a little.")
    assert search_site("sting") == [treatment]
    faq.delete()
    assert search_site("sting") == []
    treatment.title = "Anti-wrinkle injections"
    treatment.save()
    assert search_site("wrinkle") == [treatment]
    treatment.delete()
    assert search_site("wrinkle") == []


def test_search_highlights_matches_and_escapes_everything_else():
    ArticleFactory(title="Aftercare", body="<p>Avoid &lt;script&gt; saunas &amp; steam rooms for a day.</p>")
    [result] = search_site("saunas")
    assert "<mark>saunas</mark>" in result.search_snippet
    assert "<script>" not in result.search_snippet and "&amp; steam" in result.search_snippet


@pytest.mark.parametrize(("query", "found"), [
    ('"botox"', ["Botox OR fillers"]),
    ("botox OR", ["Botox OR fillers"]),  # OR is a word here, not an operator
    ("fillers -botox", ["Botox OR fillers"]),  # no NOT: both words are wanted
    ("NEAR(near brow)", ["Botox OR fillers"]),
    ("title:else", []),  # no column filter: "title" is just a word
    ("*", []),
    ('"', []),
    ("'); DROP TABLE x; --", []),
])
def test_search_syntax_in_the_query_is_only_words(query, found):
    ArticleFactory(title="Botox OR fillers", body="<p>Near the brow.</p>")
    ArticleFactory(title="Something else")
    assert [page.title for page in search_site(query)] == found
    assert len(search_site("something")) == 1  # and the index is intact

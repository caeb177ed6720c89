"""The search page: results, no results, an empty and an overlong query."""

import pytest

from publishing.models import Status
from tests.factories import ArticleFactory, TreatmentFactory

pytestmark = pytest.mark.django_db


def test_search_finds_published_treatments_and_articles_title_matches_first(client):
    TreatmentFactory(title="Botox", body="<p>Anti-wrinkle.</p>")
    ArticleFactory(title="Facial balance", body="<p>Botox relaxes muscles.</p>")
    ArticleFactory(title="Botox draft", status=Status.DRAFT)
    response = client.get("/search/", {"q": "botox"})
    html = response.content.decode()
    assert "2 results for “botox”" in html
    assert html.index(">Botox</a>") < html.index(">Facial balance</a>")
    assert "Botox draft" not in html


def test_search_without_results_suggests_what_to_do(client):
    html = client.get("/search/", {"q": "liposuction"}).content.decode()
    assert "0 results" in html
    assert "Check the spelling" in html and 'href="/treatments/">All treatments' in html


def test_empty_search_shows_the_form_only(client):
    response = client.get("/search/", {"q": "   "})
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()
    assert "result" not in response.content.decode().lower().split("<main")[1].split("</main>")[0]


def test_overlong_search_is_refused_with_a_clear_message(client):
    response = client.get("/search/", {"q": "botox " * 40})
    html = response.content.decode()
    assert response.status_code == 400
    assert "100 characters or fewer" in html
    assert 'aria-describedby="search-error"' in html
    assert "botox botox" in html  # what was typed is kept



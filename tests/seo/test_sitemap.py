"""What search engines are given: the sitemap and robots.txt."""

import pytest

from publishing.models import Status
from tests.factories import ArticleFactory, TreatmentFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_published_pages_with_lastmod(client):
    treatment = TreatmentFactory(slug="botox")
    article = ArticleFactory(slug="botox-facial-symmetry")
    ArticleFactory(slug="hidden-draft", status=Status.DRAFT)
    response = client.get("/sitemap.xml")
    xml = response.content.decode()
    assert response.status_code == 200
    assert "http://testserver/treatments/botox/" in xml
    assert "http://testserver/blog/botox-facial-symmetry/" in xml
    assert "http://testserver/treatments/" in xml
    assert "hidden-draft" not in xml
    assert f"<lastmod>{article.updated_at.date().isoformat()}" in xml
    assert treatment.updated_at.date().isoformat() in xml


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text



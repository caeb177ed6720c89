"""What search engines are given: the sitemap index, its files, and robots.txt."""

import pytest

from publishing.models import Status
from tests.factories import ArticleFactory, CategoryFactory, TreatmentFactory
from tests.sitemap import NS, sitemap_files, sitemap_text

pytestmark = pytest.mark.django_db


def test_sitemap_lists_published_pages_with_lastmod(client):
    treatment = TreatmentFactory(slug="botox")
    article = ArticleFactory(slug="botox-facial-symmetry", categories=[CategoryFactory(slug="skin")])
    ArticleFactory(slug="hidden-draft", status=Status.DRAFT)
    text = sitemap_text(client)
    assert f"http://testserver/treatments/botox/ {treatment.updated_at.date().isoformat()}" in text
    assert f"http://testserver/blog/botox-facial-symmetry/ {article.updated_at.date().isoformat()}" in text
    for listing in ["http://testserver/ ", "http://testserver/treatments/ ", "http://testserver/blog/category/skin/ "]:
        assert listing in text
    assert "hidden-draft" not in text


def test_the_index_names_one_sitemap_per_page_type_with_its_last_change(client):
    ArticleFactory()
    newest = ArticleFactory()
    files = sitemap_files(client)
    entries = {
        entry.findtext("sm:loc", namespaces=NS): entry.findtext("sm:lastmod", "", NS)
        for entry in files["/sitemap.xml"].findall("sm:sitemap", NS)
    }
    assert entries == {
        "http://testserver/sitemap-pages.xml": "",
        "http://testserver/sitemap-articles.xml": newest.updated_at.date().isoformat(),
        "http://testserver/sitemap-treatments.xml": "",
    }
    assert len(files["http://testserver/sitemap-articles.xml"].findall("sm:url", NS)) == 2
    assert files["http://testserver/sitemap-treatments.xml"].findall("sm:url", NS) == []  # empty, still valid


def test_a_page_type_beyond_the_limit_is_split_into_files_that_each_list_their_share(client, monkeypatch):
    slugs = {ArticleFactory().slug for _ in range(5)}
    monkeypatch.setattr("seo.sitemaps.ADDRESSES_PER_FILE", 2)
    files = sitemap_files(client)
    assert client.get("/sitemap-articles.xml?p=4").status_code == 404
    article_files = [name for name in files if "sitemap-articles" in name]
    assert article_files == ["http://testserver/sitemap-articles.xml", "http://testserver/sitemap-articles.xml?p=2",
                             "http://testserver/sitemap-articles.xml?p=3"]
    urls = [url for name in article_files for url in files[name].findall("sm:url", NS)]
    listed = [url.findtext("sm:loc", namespaces=NS) for url in urls]
    assert sorted(listed) == sorted(f"http://testserver/blog/{slug}/" for slug in slugs)  # each once, none lost


@pytest.mark.parametrize("address", ["/sitemap-nothing.xml", "/sitemap-articles.xml?p=0", "/sitemap-articles.xml?p=x",
                                     "/sitemap-articles.xml?p=2"])
def test_unknown_sitemap_files_are_not_found(client, address):
    ArticleFactory()
    assert client.get(address).status_code == 404


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


@pytest.mark.parametrize("address", ["/sitemap-articles.xml?p=99999999999999999999", "/sitemap-pages.xml?p=2"])
def test_out_of_range_sitemap_files_are_not_found_rather_than_errors(client, address):
    ArticleFactory()
    assert client.get(address).status_code == 404

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from publishing.models import Status
from tests.factories import ArticleFactory, CategoryFactory, TreatmentFactory

pytestmark = pytest.mark.django_db


def test_blog_index_lists_published_articles_newest_first(client):
    older = ArticleFactory(title="Older article", publish_at=timezone.now() - timedelta(days=3))
    newer = ArticleFactory(title="Newer article", publish_at=timezone.now() - timedelta(days=1))
    ArticleFactory(title="Secret draft", status=Status.DRAFT)
    ArticleFactory(title="Future piece", publish_at=timezone.now() + timedelta(days=1))
    html = client.get("/blog/").content.decode()
    assert html.index(newer.title) < html.index(older.title)
    assert "Secret draft" not in html
    assert "Future piece" not in html


def test_blog_index_shows_ten_articles_a_page(client):
    ArticleFactory.create_batch(12)
    first = client.get("/blog/")
    second = client.get("/blog/?page=2")
    assert len(first.context["object_list"]) == 10
    assert len(second.context["object_list"]) == 2
    assert "Page 1 of 2" in first.content.decode()
    assert client.get("/blog/?page=3").status_code == 404
    assert client.get("/blog/?page=abc").status_code == 404


def test_category_page_and_filter_show_only_that_category(client):
    balance = CategoryFactory(name="Facial balance", slug="facial-balance")
    ArticleFactory(title="In category", categories=[balance])
    ArticleFactory(title="Elsewhere")
    for url in ["/blog/category/facial-balance/", "/blog/?category=facial-balance"]:
        html = client.get(url).content.decode()
        assert "In category" in html
        assert "Elsewhere" not in html
        assert "<h1>Facial balance</h1>" in html
    assert client.get("/blog/category/no-such-thing/").status_code == 404


def test_pagination_links_keep_the_category_filter(client):
    balance = CategoryFactory(slug="balance")
    ArticleFactory.create_batch(11, categories=[balance])
    html = client.get("/blog/?category=balance").content.decode()
    assert "?category=balance&amp;page=2" in html


def test_article_page_shows_byline_date_reading_time_and_related(client):
    botox = TreatmentFactory(title="Botox")
    TreatmentFactory(title="Hidden treatment", status=Status.DRAFT)
    article = ArticleFactory(
        title="Botox for symmetry",
        author__name="Dr Sam Patel",
        author__slug="sam-patel",
        related_treatments=[botox],
        publish_at=timezone.make_aware(timezone.datetime(2026, 3, 2, 10, 0)),
    )
    other = ArticleFactory(title="Another read")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<h1>Botox for symmetry</h1>" in html
    assert 'By <a href="/team/sam-patel/">Dr Sam Patel</a>' in html
    assert "2 March 2026" in html
    assert "1 min read" in html
    assert botox.get_absolute_url() in html
    assert other.get_absolute_url() in html
    assert "Not published" not in html


@pytest.mark.parametrize("state", [{"status": Status.DRAFT}, {"publish_at": timezone.now() + timedelta(days=3)}])
def test_unpublished_article_is_404_for_patients(client, state):
    article = ArticleFactory(**state)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 404
    assert article.title not in response.content.decode()


def test_staff_preview_unpublished_article_with_banner_and_no_caching(editor_client):
    article = ArticleFactory(status=Status.DRAFT, title="Work in progress")
    response = editor_client.get(article.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Not published." in html
    assert "noindex" in html
    assert "no-cache" in response["Cache-Control"]
    assert article.get_admin_url() in html


def test_staff_without_change_permission_cannot_preview(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True))
    article = ArticleFactory(status=Status.DRAFT)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_article_page_has_seo_and_open_graph_tags(client):
    article = ArticleFactory(title="Title", seo_title="Better SEO title", meta_description="Meta text.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<title>Better SEO title | " in html
    assert '<meta name="description" content="Meta text.">' in html
    assert f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Better SEO title">' in html


def test_feed_lists_published_articles_only(client):
    ArticleFactory(title="Fresh article", summary="Fresh summary")
    ArticleFactory(title="Draft article", status=Status.DRAFT)
    response = client.get(reverse("articles:feed"))
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/rss+xml")
    assert "<title>Fresh article</title>" in body
    assert "Fresh summary" in body
    assert "Draft article" not in body

"""Two editors cannot overwrite each other; old addresses leave the sitemap. (The admin home: test_admin_home.py.)"""


import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article
from publishing.models import Status
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, UserFactory
from tests.sitemap import sitemap_text

pytestmark = pytest.mark.django_db


def test_second_save_of_a_stale_form_is_refused_and_keeps_the_typing(editor_client):
    colleague = UserFactory(username="sam", first_name="Sam", last_name="Patel", is_superuser=True)
    other_client = Client()
    other_client.force_login(colleague)
    article = ArticleFactory(title="Original", status=Status.DRAFT)
    url = reverse("admin:articles_article_change", args=[article.pk])
    opened_version = article.updated_at.isoformat()  # both open the form now

    first = other_client.post(url, article_form(author=article.author_id, slug=article.slug, title="Sam's title",
                                                 edit_version=opened_version))
    assert first.status_code == 302

    second = editor_client.post(url, article_form(author=article.author_id, slug=article.slug,
                                                  title="My title", body="<p>My long paragraph.</p>",
                                                  edit_version=opened_version))
    html = second.content.decode()
    assert second.status_code == 200
    assert "Sam Patel saved this page on" in html
    assert "My long paragraph." in html and 'value="My title"' in html
    assert Article.objects.get().title == "Sam's title"


def test_sitemap_lists_only_current_addresses(client):
    article = ArticleFactory(slug="old-name")
    article.slug = "new-name"
    article.save()
    xml = sitemap_text(client)
    assert "/blog/new-name/" in xml and "/blog/old-name/" not in xml

"""A page can unpublish itself at a chosen time (a seasonal page, say), with nothing to run."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from search.engine import search_site
from tests.factories import ArticleFactory
from tests.sitemap import sitemap_text

pytestmark = pytest.mark.django_db


def test_an_expiring_page_is_live_until_its_time_then_gone_everywhere(client, settings):
    settings.CLINIC_PAGE_CACHE_SECONDS = 600
    ends = timezone.now() + timedelta(hours=2)
    ArticleFactory(slug="summer-skin", title="Summer skincare", unpublish_at=ends)
    assert client.get("/blog/summer-skin/").status_code == 200
    assert "Summer skincare" in client.get("/blog/").content.decode()  # now in the page cache
    with time_machine.travel(ends + timedelta(minutes=1)):
        assert client.get("/blog/summer-skin/").status_code == 404
        assert "Summer skincare" not in client.get("/blog/").content.decode()
        assert "/blog/summer-skin/" not in sitemap_text(client)
        assert "Summer skincare" not in client.get("/blog/feed/").content.decode()
        assert search_site("skincare") == []
        assert not Article.objects.published().exists() and Article.objects.expired().count() == 1


def test_staff_see_an_expired_page_as_expired(editor_client):
    ArticleFactory(title="Last winter", unpublish_at=timezone.now() - timedelta(days=1))
    html = editor_client.get(reverse("admin:articles_article_changelist"), {"visibility": "expired"}).content.decode()
    assert "Last winter" in html and ">Expired<" in html


def test_an_expiry_before_going_live_is_refused_with_a_message():
    article = ArticleFactory.build(author=ArticleFactory().author, publish_at=timezone.now(),
                                   unpublish_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "must go live before it is unpublished" in error.value.message_dict["unpublish_at"][0]

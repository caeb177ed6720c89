from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy

from .models import Article


class LatestArticlesFeed(Feed):
    link = reverse_lazy("articles:list")
    description = "New articles from the clinic's practitioners."

    def title(self):
        return f"{settings.CLINIC_NAME}: articles"

    def items(self):
        return Article.objects.published().select_related("author").prefetch_related("categories")[:20]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_pubdate(self, article):
        return article.publish_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return article.byline

    def item_categories(self, article):
        return [category.name for category in article.categories.all()]

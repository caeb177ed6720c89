from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article, Category
from treatments.models import Treatment


class SectionSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["home", "treatments:list", "articles:list", "enquiries:consultation", "privacy"]

    def location(self, item):
        return reverse(item)


class PublishableSitemap(Sitemap):
    model = None

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, page):
        return page.updated_at


class TreatmentSitemap(PublishableSitemap):
    model = Treatment
    priority = 0.8


class ArticleSitemap(PublishableSitemap):
    model = Article


class CategorySitemap(Sitemap):
    def items(self):
        return Category.objects.filter(articles__in=Article.objects.published()).distinct().order_by("name")


sitemaps = {
    "sections": SectionSitemap,
    "treatments": TreatmentSitemap,
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
}

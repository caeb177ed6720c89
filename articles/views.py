from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from clinic_site.views import PublishableDetailView

from .models import Article, Category

MORE_ARTICLES = 3


class ArticleListView(ListView):
    """The blog index, optionally narrowed to one category (by path or by `?category=`)."""

    paginate_by = 10
    category = None

    def get_queryset(self):
        slug = self.kwargs.get("slug") or self.request.GET.get("category")
        articles = Article.objects.published().select_related("author").prefetch_related("categories")
        if slug:
            self.category = get_object_or_404(Category, slug=slug)
            articles = articles.filter(categories=self.category)
        return articles

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            category=self.category,
            categories=Category.objects.filter(articles__in=Article.objects.published()).distinct(),
            **kwargs,
        )


class ArticleDetailView(PublishableDetailView):
    queryset = Article.objects.select_related("author").prefetch_related("categories")

    def get_context_data(self, **kwargs):
        article = self.object
        return super().get_context_data(
            related_treatments=article.related_treatments.published(),
            more_articles=Article.objects.published().exclude(pk=article.pk).select_related("author")[:MORE_ARTICLES],
            **kwargs,
        )

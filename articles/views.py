from django.core.validators import slug_re
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.generic import ListView

from publishing.cache import for_this_version
from publishing.views import PublishableDetailView

from .models import Article, Category

MORE_ARTICLES = 3
# What an article card shows (kept in the shared cache: never a whole staff account).
CARD_FIELDS = ["title", "slug", "summary", "publish_at", "reading_time", "hero_image", "hero_image__file",
               "hero_image__width", "hero_image__height", "hero_image__focal_x", "hero_image__focal_y", "author",
               "author__name", "author__slug"]


class ArticleListView(ListView):
    """The blog index, optionally narrowed to one category (by path or by `?category=`)."""

    paginate_by = 10
    category = None

    def get_queryset(self):
        slug = self.kwargs.get("slug") or self.request.GET.get("category")
        articles = Article.objects.published().select_related("author", "hero_image").defer("body")
        if slug:
            if not slug_re.fullmatch(slug):
                raise Http404("No such category.")
            self.category = get_object_or_404(Category, slug=slug)
            articles = articles.filter(categories=self.category)
        return articles

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        # Counting 100,000 articles takes longer than showing ten: counted once per change to the content.
        key = f"blog-count:{self.category.pk if self.category else 'all'}"
        paginator.count = for_this_version(self.request, key, queryset.count)
        return paginator

    def get_context_data(self, **kwargs):
        breadcrumbs = [("Home", reverse("home")), ("Blog", reverse("articles:list"))]
        if self.category:
            breadcrumbs.append((self.category.name, self.category.get_absolute_url()))
            if "slug" not in self.kwargs:  # /blog/?category=x is the category's own page under another address
                page = self.request.GET.get("page", "")
                path = self.category.get_absolute_url() + (f"?page={page}" if page.isdigit() and page != "1" else "")
                kwargs["canonical_url"] = self.request.build_absolute_uri(path)
        return super().get_context_data(
            breadcrumbs=breadcrumbs,
            category=self.category,
            categories=for_this_version(
                self.request, "blog-categories", lambda: list(Category.objects.with_published_articles())
            ),
            **kwargs,
        )


class ArticleDetailView(PublishableDetailView):
    queryset = Article.objects.select_related("author", "reviewed_by", "hero_image", "share_image")

    def get_context_data(self, **kwargs):
        # Looked up only if the page's content is rendered, not when it was kept (publishing.cache).
        article = self.object
        return super().get_context_data(
            categories=SimpleLazyObject(lambda: list(article.categories.all())),
            related_treatments=SimpleLazyObject(lambda: list(article.related_treatments.published())),
            more_articles=SimpleLazyObject(
                lambda: [other for other in self.latest_articles() if other.pk != article.pk][:MORE_ARTICLES]
            ),
            **kwargs,
        )

    def latest_articles(self):
        """The same few for every article (one more than shown, in case this is one of them)."""
        return for_this_version(
            self.request,
            "latest-articles",
            lambda: list(
                Article.objects.published().select_related("author", "hero_image")
                .only(*CARD_FIELDS)[: MORE_ARTICLES + 1]
            ),
        )

from django.contrib import admin
from django.db.models import Count
from reversion.admin import VersionAdmin

from claims.admin import ClaimsAdminMixin
from publishing.admin import (
    HERO_FIELDSET,
    HISTORY_FIELDSET,
    REVIEW_FIELDSET,
    SEO_FIELDSET,
    PublicationFilter,
    PublishableAdmin,
    ReviewFilter,
)

from .models import Article, Category


@admin.register(Category)
class CategoryAdmin(VersionAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, category):
        return category.article_count


@admin.register(Article)
class ArticleAdmin(ClaimsAdminMixin, PublishableAdmin):
    list_display = ["title", "author", "state", "publish_at", "last_reviewed", "updated_at"]
    list_filter = [PublicationFilter, ReviewFilter, "status", "categories", "author"]
    list_select_related = ["author"]
    autocomplete_fields = ["categories", "related_treatments", "author"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        ("Publishing", {"fields": ["status", "publish_at", "unpublish_at", "publication_state", "author"]}),
        ("Topics", {"fields": ["categories", "related_treatments"]}),
        REVIEW_FIELDSET,
        HERO_FIELDSET,
        SEO_FIELDSET,
        HISTORY_FIELDSET,
    ]

    def get_changeform_initial_data(self, request):
        profile = getattr(request.user, "clinician", None)  # staff who are clinicians write as themselves
        return {"author": profile.pk if profile else None, **super().get_changeform_initial_data(request)}

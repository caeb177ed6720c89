"""Admin pieces shared by articles and treatment pages."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import ngettext

from .models import Status

SEO_FIELDSET = ("Search engines and sharing", {"classes": ["collapse"], "fields": ["seo_title", "meta_description"]})
HERO_FIELDSET = ("Hero image", {"fields": ["hero_image", "hero_image_alt"]})
HISTORY_FIELDSET = ("History", {"classes": ["collapse"], "fields": ["created_at", "updated_at"]})


class PublicationFilter(admin.SimpleListFilter):
    title = "visibility"
    parameter_name = "visibility"

    def lookups(self, request, model_admin):
        return [("live", "Live"), ("scheduled", "Scheduled"), ("draft", "Draft")]

    def queryset(self, request, queryset):
        return {
            "live": queryset.published,
            "scheduled": queryset.scheduled,
            "draft": queryset.drafts,
        }.get(self.value(), queryset.all)()


class PublishableAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "publish_at", "is_published", "updated_at"]
    list_filter = [PublicationFilter]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "publish_at"
    readonly_fields = ["publication_state", "created_at", "updated_at"]
    actions = ["publish", "unpublish"]
    save_on_top = True
    list_per_page = 50

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "summary":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 80})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def is_live_in_database(self, obj):
        return obj is not None and type(obj).objects.filter(pk=obj.pk, status=Status.PUBLISHED).exists()

    def get_readonly_fields(self, request, obj=None):
        # A live page's address is fixed: links and search engines rely on it.
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "slug"] if self.is_live_in_database(obj) else fields

    def get_prepopulated_fields(self, request, obj=None):
        return {} if self.is_live_in_database(obj) else super().get_prepopulated_fields(request, obj)

    @admin.action(description="Publish selected pages (live now, or at their scheduled time)", permissions=["change"])
    def publish(self, request, queryset):
        published = 0
        for page in queryset.filter(status=Status.DRAFT):
            problems = page.publishing_problems()
            if problems:
                reasons = " ".join(message for _field, message in problems)
                self.message_user(request, f"“{page}” was not published. {reasons}", messages.ERROR)
                continue
            page.status = Status.PUBLISHED
            page.save(update_fields=["status", "updated_at"])
            published += 1
        self.message_user(
            request, ngettext("%d page published.", "%d pages published.", published) % published, messages.SUCCESS
        )

    @admin.action(description="Unpublish selected pages (back to draft)", permissions=["change"])
    def unpublish(self, request, queryset):
        count = 0
        for page in queryset.filter(status=Status.PUBLISHED):
            page.status = Status.DRAFT
            page.save(update_fields=["status", "updated_at"])
            count += 1
        self.message_user(
            request,
            ngettext("%d page unpublished; the public can no longer see it.",
                     "%d pages unpublished; the public can no longer see them.", count) % count,
            messages.SUCCESS,
        )

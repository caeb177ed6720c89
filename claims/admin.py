from django.contrib import admin

from .models import ClaimOverride


@admin.register(ClaimOverride)
class ClaimOverrideAdmin(admin.ModelAdmin):
    """The record of every advertising-rule override: read-only, for accountability."""

    list_display = ["created_at", "page", "rule_id", "overridden_by", "reason"]
    list_filter = ["rule_id", "overridden_by"]
    search_fields = ["reason", "rule_id"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

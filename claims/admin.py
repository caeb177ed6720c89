from django.contrib import admin

from clinic_site.admin import RecordAdmin

from .models import ClaimOverride


@admin.register(ClaimOverride)
class ClaimOverrideAdmin(RecordAdmin):
    """The record of every advertising-rule override, kept for accountability."""

    list_display = ["created_at", "page", "rule_id", "overridden_by", "reason"]
    list_filter = ["rule_id", "overridden_by"]
    search_fields = ["reason", "rule_id"]
    date_hierarchy = "created_at"

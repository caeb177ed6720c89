from django import forms
from django.contrib import admin
from django.utils.functional import SimpleLazyObject

from publishing.admin import RecordAdmin
from publishing.forms import PublishableAdminForm

from .checker import blocking_rules, find_claims, rule_name
from .models import ClaimOverride

OVERRIDE_FIELDS = ["override_rules", "override_reason"]


@admin.register(ClaimOverride)
class ClaimOverrideAdmin(RecordAdmin):
    """The record of every advertising-rule override, kept for accountability."""

    list_display = ["created_at", "page", "rule", "overridden_by", "reason"]
    list_filter = ["rule_id", "overridden_by"]
    list_select_related = ["content_type", "overridden_by"]
    search_fields = ["reason", "rule_id"]
    date_hierarchy = "created_at"

    @admin.display(description="rule", ordering="rule_id")
    def rule(self, override):
        return f"{rule_name(override.rule_id, override.content_type.model_class())} ({override.rule_id})"


class ClaimsAdminForm(PublishableAdminForm):
    """For Editors: publish despite blocking advertising-rule findings, with a reason that is recorded."""

    override_rules = forms.MultipleChoiceField(
        label="Publish despite these rules", required=False, widget=forms.CheckboxSelectMultiple,
        help_text="Editors only. Tick a rule only when you are sure the wording is lawful here; it is recorded.",
    )
    override_reason = forms.CharField(
        label="Reason for the override", required=False, widget=forms.Textarea(attrs={"rows": 2, "cols": 80}),
        help_text="Kept with your name and the date in Advertising rules → Claim overrides.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "override_rules" in self.fields:
            self.fields["override_rules"].choices = [
                (rule_id, f"{name} ({rule_id})") for rule_id, name in blocking_rules(self._meta.model)
            ]

    def clean(self):
        cleaned_data = super().clean()
        if self.rule_overrides() and not (cleaned_data.get("override_reason") or "").strip():
            self.add_error(
                "override_reason", "Say why these rules do not apply, so the decision can be reviewed later."
            )
        return cleaned_data

    def rule_overrides(self):
        return set(self.cleaned_data.get("override_rules") or ())


class ClaimsAdminMixin:
    """For a page type's admin (before PublishableAdmin): shows the findings on the change form and lets
    Editors override blocking rules."""

    form = ClaimsAdminForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.has_change_permission(request, obj) and self.has_publish_permission(request):
            fieldsets = [*fieldsets, ("Advertising rules", {"classes": ["collapse"], "fields": OVERRIDE_FIELDS})]
        return fieldsets

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if not self.has_publish_permission(request):
            # Only Editors may override advertising rules; a forged field from anyone else is dropped.
            for name in OVERRIDE_FIELDS:
                form.base_fields.pop(name, None)
        return form

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        for rule_id in form.cleaned_data.get("override_rules") or ():
            ClaimOverride.objects.create(
                page=obj, rule_id=rule_id, reason=form.cleaned_data["override_reason"].strip(),
                overridden_by=request.user,
            )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        page = self.get_object(request, object_id)
        overrides = ClaimOverride.objects.for_page(page).values_list("rule_id", flat=True) if page else []
        extra_context = {
            **(extra_context or {}),
            # Judged on the version the form shows: a live page's form shows its working draft, which is put in
            # place only while the form is rendered (publishing.admin.live_drafts), so they are looked up then.
            "claim_findings": SimpleLazyObject(lambda: find_claims(self.get_object(request, object_id)))
            if page else [],
            "claim_overrides": set(overrides),
        }
        return super().change_view(request, object_id, form_url, extra_context)

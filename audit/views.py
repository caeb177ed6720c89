from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse

from . import events

PER_PAGE = 50


class AuditFilterForm(forms.Form):
    person = forms.CharField(required=False, max_length=150, help_text="A username, as typed at sign-in.")
    since = forms.DateField(label="From", required=False, widget=forms.DateInput({"type": "date"}, "%Y-%m-%d"))
    until = forms.DateField(label="To", required=False, widget=forms.DateInput({"type": "date"}, "%Y-%m-%d"))
    kind = forms.ChoiceField(choices=[("", "All"), *events.Kind.choices], required=False)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("since") and cleaned_data.get("until") and cleaned_data["since"] > cleaned_data["until"]:
            self.add_error("until", "The end date is before the start date.")
        return cleaned_data


def audit_log(request):
    """Who did what, newest first: for superusers only, and only to read (wrapped in admin_view in the URLs)."""
    if not (request.user.is_active and request.user.is_superuser):
        raise PermissionDenied
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    form = AuditFilterForm(request.GET)
    form.is_valid()  # what is valid filters; what is not is shown with its error
    filters = {name: form.cleaned_data.get(name) or "" for name in form.fields}
    page = Paginator(events.find(**filters), PER_PAGE).get_page(request.GET.get("page"))
    staff = get_user_model()._default_manager.filter(is_staff=True).order_by("username")
    context = {
        **admin.site.each_context(request),
        "title": "Audit log",
        "form": form,
        "filters": filters,
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "events": events.describe(page.object_list),
        "kinds": events.Kind.choices,
        "people": staff.values_list("username", flat=True),
    }
    return TemplateResponse(request, "admin/audit_log.html", context)

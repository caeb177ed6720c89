"""Redirects: made by the site when a live page's address changes, and by Editors by hand or from a file."""

import json

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import ngettext

from .. import redirects
from ..forms import RedirectForm, RedirectImportForm
from ..models import Redirect


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    """Delete a redirect to stop redirecting. Adding one checks it as the file import does."""

    form = RedirectForm
    list_display = ["old_path", "new_path", "created_at"]
    search_fields = ["old_path", "new_path"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.site_answers, form.hosts = redirects.SiteAnswers(request), redirects.site_hosts(request)
        return form

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Redirects that led to this old address lead straight on: patients are never sent twice.
        Redirect.objects.filter(new_path=obj.old_path).exclude(pk=obj.pk).update(new_path=obj.new_path)

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="publishing_redirect_import"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Upload a CSV file of old and new addresses; every row is checked and shown, and nothing is saved until
        an Editor confirms a file in which every row is right (rows depend on each other: a file is one move)."""
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        form = RedirectImportForm(request.POST or None, request.FILES or None)
        rows = []
        if request.method == "POST" and "rows" in request.POST:  # the confirmation: checked again, as things change
            rows = rows_from_confirmation(request.POST["rows"])
        elif request.method == "POST" and form.is_valid():
            rows, problem = redirects.rows_from_file(form.cleaned_data["file"])
            if problem:
                form.add_error("file", problem)
        good = bool(rows) and redirects.check(rows, redirects.SiteAnswers(request), redirects.site_hosts(request))
        if good and "_confirm" in request.POST:
            saved = redirects.save(rows)
            for redirect_, row in saved:
                note = f"Imported from a file (row {row.number})."
                if row.replaces:
                    self.log_change(request, redirect_, f"{note} It led to {row.replaces} before.")
                else:
                    self.log_addition(request, redirect_, note)
            count = len(saved)
            self.message_user(request, ngettext("%d redirect imported.", "%d redirects imported.", count) % count
                              + (" The others were there already." if count < len(rows) else ""), messages.SUCCESS)
            return redirect(reverse("admin:publishing_redirect_changelist"))
        context = {
            **self.admin_site.each_context(request), "opts": self.opts, "title": "Import redirects from a file",
            "form": form, "rows": rows, "good": good,
            "bad_rows": [row for row in rows if row.problems],
            "confirmation": json.dumps([[row.number, row.old, row.new] for row in rows]) if good else "",
            "to_save": sum(not row.unchanged for row in rows),
        }
        return render(request, "admin/publishing/redirect_import.html", context)


def rows_from_confirmation(data):
    """The rows a preview showed, as it sent them back; anything else is no rows."""
    try:
        return [redirects.Row(int(number), str(old), str(new)) for number, old, new in json.loads(data)]
    except (ValueError, TypeError):
        return []

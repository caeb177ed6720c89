"""Live preview: the change form's unsaved content rendered in the page's own public template, beside the form
(static/js/admin-live-preview.js posts the form to `…/change/preview/` or `…/add/preview/` as staff type).

The page is saved as edited inside a transaction, rendered, and the transaction rolled back (the trick
publishing.drafts uses), so FAQs and other inline items show too and nothing is kept: no row, revision, search
entry or content version survives, and uploads are never taken (a new image shows once the page is saved)."""

import copy

from django.conf import settings
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.urls import path, resolve, reverse
from django.utils.crypto import get_random_string
from django.utils.datastructures import MultiValueDict
from django.utils.html import format_html
from django.utils.text import capfirst
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override

from .. import drafts
from ..models import Status
from ..views import PublishableDetailView
from .live_drafts import RolledBack


class LivePreviewMixin:
    """For PublishableAdmin: the preview views and what the change form needs to show the panel."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        # Only the admin's own page around it may frame the preview, and the preview runs under the public
        # pages' strict policy (no script at all), not the admin's.
        view = self.admin_site.admin_view(
            csp_override(settings.LIVE_PREVIEW_CSP)(xframe_options_sameorigin(self.live_preview_view))
        )
        return [
            path("add/preview/", view, name="{}_{}_add_preview".format(*info)),
            path("<path:object_id>/change/preview/", view, name="{}_{}_change_preview".format(*info)),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        page = obj if obj is not None and obj.pk else None
        editable = self.has_change_permission(request, page) if page else self.has_add_permission(request)
        if editable and not context.get("revert") and not context.get("recover") and not context.get("is_popup"):
            info = self.opts.app_label, self.opts.model_name
            context["live_preview_url"] = (
                reverse("admin:{}_{}_change_preview".format(*info), args=[page.pk]) if page
                else reverse("admin:{}_{}_add_preview".format(*info))
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if getattr(request, "live_preview", False):
            kwargs["files"] = MultiValueDict()  # a preview never stores an upload
        return kwargs

    def live_preview_view(self, request, object_id=None):
        """The page as the posted form would make it, in its public template. Never kept, cached or indexed."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        request.live_preview = True
        page = None
        if object_id is not None:
            page = self.get_object(request, unquote(object_id))
            if page is None:
                raise Http404("No such page.")
        if not (self.has_change_permission(request, page) if page else self.has_add_permission(request)):
            raise PermissionDenied
        try:
            with transaction.atomic():
                if page is not None and page.is_published() and (draft := drafts.draft_of(page)):
                    # The form shows the working draft (its FAQs too): start from it, as saving would.
                    drafts.apply(draft, page, drafts.child_models(self.model))
                    page.refresh_from_db()
                preview, notes = self.page_as_posted(request, page)
                raise RolledBack(render_live_preview(request, preview, notes))
        except RolledBack as rolled_back:
            return rolled_back.response
        except (ValidationError, DatabaseError):
            # Typing no save would accept (the form says what): a note in the panel, never an error page.
            response = HttpResponse(
                '<!doctype html><html lang="en-GB"><title>Preview</title><div data-live-preview-notes><p>The preview '
                "cannot show this yet: fix the problems the form reports when you save, and it comes back.</p></div>"
            )
            response["X-Robots-Tag"] = "noindex, nofollow"
            return response

    def page_as_posted(self, request, page):
        """Save (inside the caller's transaction) what the form holds; fields with errors keep their stored value.
        Returns the page and notes for staff on what could not be shown as typed."""
        add = page is None
        fields = flatten_fieldsets(self.get_fieldsets(request, page))
        form_class = self.get_form(request, page, change=not add, fields=fields)
        form_class.check_publishing = False  # publishing rules are checked when publishing, not while looking
        data = request.POST.copy()
        if page is not None:
            data["edit_version"] = page.updated_at.isoformat()  # someone else's save since is the save's business
        instance = page if page is not None else self.model()
        stored = copy.copy(instance)
        form = form_class(data, MultiValueDict(), instance=instance)
        notes = []
        if not form.is_valid():
            problems = self.keep_stored_values(form, instance, stored)
            if problems:
                notes.append("These fields have problems to fix before you save, so the preview shows them as last "
                              f"saved: {', '.join(problems)}.")
        if not instance.slug or self.model.objects.filter(slug=instance.slug).exclude(pk=instance.pk).exists():
            instance.slug = f"preview-{get_random_string(12).lower()}"  # a page not yet given its own address
        try:
            with transaction.atomic():
                instance.save()
        except ValidationError:
            # Something publishing needs is missing (the form says what): shown as the draft it would stay.
            instance.status = Status.DRAFT
            instance.save()
        for field in instance._meta.many_to_many:
            if field.name in form.cleaned_data:
                field.save_form_data(instance, form.cleaned_data[field.name])
        formsets, _inlines = self._create_formsets(request, instance, change=not add)
        for formset in formsets:
            if not self.save_inline_items(formset, instance):
                name = capfirst(formset.model._meta.verbose_name_plural)
                notes.append(f"Some {name} have problems to fix before you save; the preview leaves them out or "
                             "shows them as last saved.")
        if any(request.FILES.values()):
            notes.append("New images show in the preview once the page is saved.")
        return instance, notes

    def keep_stored_values(self, form, instance, stored):
        """Put back the stored value of each model field the form rejected; the labels of those fields."""
        labels = []
        model_fields = {field.name: field for field in instance._meta.concrete_fields}
        for name in form.errors:
            if name in model_fields:
                field = model_fields[name]
                setattr(instance, field.attname, getattr(stored, field.attname))
                if field.is_relation and field.is_cached(instance):
                    field.delete_cached_value(instance)
            if name in form.fields:
                labels.append(str(form.fields[name].label or capfirst(name.replace("_", " "))))
        return labels

    def save_inline_items(self, formset, page):
        """Save the formset's items as typed; with errors, only the items that are fine. True when all were."""
        try:
            with transaction.atomic():
                if formset.is_valid():
                    formset.save()
                    return True
        except (ValidationError, DatabaseError):
            pass
        for index, form in enumerate(formset.forms):
            if not form.is_valid():
                continue
            if form.cleaned_data.get("DELETE"):
                if form.instance.pk:
                    form.instance.delete()
                continue
            if index >= formset.initial_form_count() and not form.has_changed():
                continue
            setattr(form.instance, formset.fk.name, page)
            try:
                with transaction.atomic():
                    form.save()
            except (ValidationError, DatabaseError):
                pass
        return False


def render_live_preview(request, page, notes):
    """The page's own public view (found from its address), rendered for the admin's preview panel."""
    match = resolve(page.get_absolute_url())
    view_class = getattr(match.func, "view_class", None)
    if view_class is None or not issubclass(view_class, PublishableDetailView):
        return HttpResponse(format_html("<p>{} pages cannot be previewed.</p>", page._meta.verbose_name))
    # The public view answers GET, at the page's own address (its canonical link, the menu's current section).
    shown = copy.copy(request)
    shown.method, shown.resolver_match = "GET", match
    shown.path = shown.path_info = page.get_absolute_url()
    response = view_class.as_view(shared_preview=page, live_preview_notes=notes)(shown, *match.args, **match.kwargs)
    return response.render()

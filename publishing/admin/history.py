"""The history views django-reversion and reversion-compare add, held to the same rules as an edit."""

from django.contrib import messages
from django.contrib.admin.utils import flatten_fieldsets, quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.text import get_text_list
from reversion.errors import RevertError
from reversion.models import Version
from reversion_compare.forms import SelectDiffForm

from .. import drafts
from ..changes import compared_fields, fields_changes, item_changes, saved_changes
from .live_drafts import DraftKept


def quoted_list(items):
    return get_text_list([f"“{item}”" for item in sorted(items)], "and")


class HistoryRulesMixin:
    """For PublishableAdmin: revert, recover and compare obey roles; a revert of a live page makes a draft; the
    compare view and the history comments say what changed as staff read it."""

    compare_template = "admin/publishing/compare.html"
    object_history_template = "admin/publishing/object_history.html"

    # The history views django-reversion and reversion-compare add are held to the same rules as an
    # edit: a revert or recovery is a save of the page, by someone who may make that save.
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and "_saveasnew" in request.POST:
            # "Save as new" is not offered; forged on a history page it would roll the page back.
            raise PermissionDenied
        return super().changeform_view(request, object_id, form_url, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        page = self.get_object(request, unquote(object_id))
        versions = Version.objects.get_for_object_reference(self.model, unquote(object_id))
        version = get_object_or_404(versions, pk=version_id)  # a version of this page, never of another
        if page is None or not self.has_change_permission(request, page):
            raise PermissionDenied
        if request.method == "GET" and (changes := self.revert_changes(page, version)):
            messages.warning(request, " ".join(changes))
        if request.method == "GET" and page.is_published() and (draft := drafts.draft_of(page)):
            by = draft.updated_by.get_full_name() or draft.updated_by.get_username() if draft.updated_by else "someone"
            messages.warning(request, f"“{page}” has unpublished changes by {by}: reverting replaces them.")
        if request.method == "POST" and page.is_published():
            return self.revert_to_draft(request, page, version)
        return super().revision_view(request, object_id, version_id, extra_context)

    def revert_to_draft(self, request, page, version):
        """Reverting a live page makes the old version its working draft; the live page is untouched."""
        inline_models = drafts.child_models(self.model)
        try:
            with transaction.atomic():
                live = drafts.live_keys(page, inline_models)
                status, publish_at = page.status, page.publish_at
                version.revision.revert(delete=True)
                page.refresh_from_db()
                # The old words, on the live page: publishing the draft must not unpublish or re-date it.
                page.status, page.publish_at = status, publish_at
                page.save(update_fields=["status", "publish_at"])
                raise DraftKept(*drafts.snapshot(page, inline_models, live))
        except DraftKept as kept:
            kept.keep(page, request.user)
        when = date_format(timezone.localtime(version.revision.date_created), "DATETIME_FORMAT")
        messages.success(request, f"The version of {when} is now the draft of “{page}”. Patients still see the "
                                  "live page: check the draft, then publish it.")
        return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[page.pk]))

    def has_recover_permission(self, request):
        # Bringing a deleted page back undoes a deletion: only those who may delete pages may do it.
        return self.has_add_permission(request) and self.has_delete_permission(request)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        # Only the last version of a page of this type that no longer exists.
        get_object_or_404(Version.objects.get_deleted(self.model), pk=version_id)
        request.recovering = True  # a page brought back is a draft, whatever it was: publishing is a step of its own
        return super().recover_view(request, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def compare_view(self, request, object_id, extra_context=None):
        page = self.get_object(request, unquote(object_id))
        if page is None or not self.has_view_permission(request, page):
            raise PermissionDenied
        # Only this page's versions: the id of another page's version (or another page type's) is not found.
        versions = Version.objects.get_for_object(page).select_related("revision__user")
        choice = SelectDiffForm(request.GET)
        if not choice.is_valid():
            raise Http404("Choose two versions to compare.")
        ids = sorted([choice.cleaned_data["version_id1"], choice.cleaned_data["version_id2"]])
        older, newer = (get_object_or_404(versions, pk=pk) for pk in ids)
        try:
            field_changes, items = self.version_changes(request, page, older, newer)
            unreadable = False
        except RevertError:  # stored before a change to the page type that its data no longer fits
            field_changes, items, unreadable = [], [], True
        earlier = versions.filter(pk__lt=older.pk).order_by("-pk").first()
        later = versions.filter(pk__gt=newer.pk).order_by("pk").first()
        info = self.opts.app_label, self.opts.model_name
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": page,
            "title": f"What changed in “{page}”",
            "older": older,
            "newer": newer,
            "field_changes": field_changes,
            "item_changes": items,
            "unreadable": unreadable,
            "history_url": reverse("admin:{}_{}_history".format(*info), args=[quote(page.pk)]),
            "revert_url": reverse("admin:{}_{}_revision".format(*info), args=[quote(page.pk), older.pk])
            if self.has_change_permission(request, page) else None,
            "earlier_url": "?" + urlencode({"version_id1": earlier.pk, "version_id2": older.pk}) if earlier else None,
            "later_url": "?" + urlencode({"version_id1": newer.pk, "version_id2": later.pk}) if later else None,
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.compare_template, context)

    def version_changes(self, request, page, older, newer):
        """What staff would see change between two versions of `page`: its fields in the order of its form, then
        its inline items (FAQs, gallery pairs), each named; inlines this person may not see are left out."""
        names = flatten_fieldsets(self.get_fieldsets(request, page))
        field_changes = fields_changes(compared_fields(self.model, names), older.field_dict, newer.field_dict)
        items = []
        for inline in self.get_inline_instances(request, page):
            fk = inline.get_formset(request, page).fk
            fields = compared_fields(inline.model, flatten_fieldsets(inline.get_fieldsets(request, page)))
            items += item_changes(inline.model, fk, [f for f in fields if f != fk], page.pk, older, newer)
        return field_changes, items

    def construct_change_message(self, request, form, formsets, add=False):
        # The form counts a field as changed when what the browser sent differs from what it showed: the
        # rich-text editor re-spaces HTML and browsers send line breaks as CR LF, so the history named fields
        # nobody touched. Only fields whose saved value reads differently are named.
        if not add:
            form.changed_data = saved_changes(form, form.changed_data)
        for formset in formsets or ():
            forms_by_item = {id(item_form.instance): item_form for item_form in formset.initial_forms}
            formset.changed_objects = [
                (item, names) for item, changed in formset.changed_objects
                if (names := saved_changes(forms_by_item[id(item)], changed))
            ]
        return super().construct_change_message(request, form, formsets, add)

    def revert_changes(self, page, version):
        """Sentences naming the inline items (FAQs, gallery pairs) a revert to `version` deletes or brings back."""
        changes = []
        for inline in self.inlines:
            model, opts = inline.model, inline.model._meta
            fk = next(f for f in opts.concrete_fields if f.many_to_one and f.related_model is self.model)
            current = {str(item.pk): str(item) for item in model.objects.filter(**{fk.name: page})}
            kept = {
                v.object_id: v.object_repr
                for v in version.revision.version_set.get_for_model(model)
                if str(v.field_dict.get(fk.attname)) == str(page.pk)
            }
            name = opts.verbose_name_plural
            if removed := [current[pk] for pk in current.keys() - kept.keys()]:
                changes.append(f"Reverting deletes these {name}, added since: {quoted_list(removed)}.")
            if restored := [kept[pk] for pk in kept.keys() - current.keys()]:
                changes.append(f"It brings back these {name}: {quoted_list(restored)}.")
        return changes

"""Admin pieces shared by every page type: roles, review, history, previews, stale saves."""

import json

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.utils.translation import ngettext
from reversion.models import Version
from reversion_compare.admin import CompareVersionAdmin

from clinicians.models import Clinician

from . import drafts
from .models import Autosave, PageDraft, PreviewLink, Redirect, ReviewRequest, Status
from .notifications import notify, people_who_may
from .previews import create_preview_link, preview_url, render_preview

SEO_FIELDSET = ("Search engines and sharing", {"classes": ["collapse"], "fields": ["seo_title", "meta_description"]})
HERO_FIELDSET = ("Hero image", {"fields": ["hero_image", "hero_image_alt", "hero_image_decorative"]})
REVIEW_FIELDSET = ("Medical review", {"fields": ["reviewed_by", "last_reviewed"]})
REVIEW_NEEDED = (
    "Its medical content changed since its last medical review (or it was never reviewed): a Clinical reviewer "
    "must review it before it is published. An Editor who must publish now can open “Publishing without a new "
    "medical review” at the foot of the form, tick it and give the reason."
)
AUTOSAVE_MAX_BYTES = 2_000_000  # far beyond any page; refuses a flood
HISTORY_FIELDSET = ("History", {"classes": ["collapse"], "fields": ["created_at", "updated_at", "updated_by"]})


class DraftKept(Exception):
    """Rolls back a save of a live page's form, carrying the draft it made."""

    def __init__(self, data, new_keys):
        self.data, self.new_keys = data, new_keys

    def keep(self, page, user):
        drafts.reserve_keys(self.new_keys)
        PageDraft.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(page), object_id=page.pk,
            defaults={"data": self.data, "updated_by": user},
        )


class RolledBack(Exception):
    """Rolls back a view run over a draft, carrying its (rendered) response."""

    def __init__(self, response):
        self.response = response


def quoted_list(items):
    return get_text_list([f"“{item}”" for item in sorted(items)], "and")


class RecordAdmin(admin.ModelAdmin):
    """For records the site writes itself (access logs, overrides): they can be read, never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PublicationFilter(admin.SimpleListFilter):
    title = "visibility"
    parameter_name = "visibility"

    def lookups(self, request, model_admin):
        return [("live", "Live"), ("scheduled", "Scheduled"), ("expired", "Expired"), ("draft", "Draft")]

    def queryset(self, request, queryset):
        return {
            "live": queryset.published,
            "scheduled": queryset.scheduled,
            "expired": queryset.expired,
            "draft": queryset.drafts,
        }.get(self.value(), queryset.all)()


class ReviewFilter(admin.SimpleListFilter):
    title = "medical review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", "Overdue"), ("current", "Up to date")]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.review_overdue()
        if self.value() == "current":
            return queryset.exclude(pk__in=queryset.review_overdue().values("pk"))
        return queryset


class PublishableAdminForm(forms.ModelForm):
    """Refuses a save based on a stale copy: someone else saved the page after this form was opened.
    Refuses to publish a page with problems (Publishable.publishing_problems)."""

    edit_version = forms.CharField(widget=forms.HiddenInput, required=False)
    publish_without_review = forms.BooleanField(
        label="Publish without a new medical review", required=False,
        help_text="Editors only, when the change cannot wait for a Clinical reviewer. It is recorded in the "
        "history, and the public page shows no review line until the page is reviewed.",
    )
    review_override_reason = forms.CharField(
        label="Why it cannot wait", required=False, widget=forms.Textarea(attrs={"rows": 2, "cols": 80})
    )
    check_publishing = True  # off when saving the working draft of a live page: publishing checks it

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["edit_version"].initial = self.instance.updated_at.isoformat()

    def rule_overrides(self):
        """The rules this save overrides, passed to publishing_problems() (see claims.admin)."""
        return set()

    def _post_clean(self):
        # As Django's UserCreationForm does: checks that need the page as edited run after the model's own
        # clean(), which has already reported what is missing for publishing.
        super()._post_clean()
        page = self.instance
        if page.status != Status.PUBLISHED or not self.check_publishing:
            return
        reported = set(page.missing_for_publishing())
        for field, message in page.publishing_problems(overrides=self.rule_overrides()):
            if (field, message) not in reported:
                self.add_error(field if field in self.fields else None, message)

    def clean(self):
        cleaned_data = super().clean()
        reason = (cleaned_data.get("review_override_reason") or "").strip()
        if cleaned_data.get("publish_without_review") and not reason:
            self.add_error("review_override_reason", "Say why this cannot wait for a medical review; it is recorded.")
        if not self.instance.pk:
            return cleaned_data
        pages = type(self.instance).objects.select_related("updated_by")
        if transaction.get_connection().in_atomic_block:
            # Locked until this save commits: a second save of the page waits here, then sees this one.
            pages = pages.select_for_update(of=("self",))
        current = pages.get(pk=self.instance.pk)
        if cleaned_data.get("edit_version") != current.updated_at.isoformat():
            editor = current.updated_by
            who = (editor.get_full_name() or editor.get_username()) if editor else "Someone"
            when = date_format(timezone.localtime(current.updated_at), "DATETIME_FORMAT")
            raise forms.ValidationError(
                f"{who} saved this page on {when}, after you opened it, so your changes were not saved "
                "(saving them would overwrite theirs). Everything you typed is still in the form below: copy "
                "what you need, open the page again in a new tab, and make your changes there.",
                code="stale",
            )
        return cleaned_data


class ReviewForm(forms.Form):
    reviewed_by = forms.ModelChoiceField(Clinician.objects.all(), label="Medically reviewed by")
    last_reviewed = forms.DateField(
        label="Review date", help_text="The day the clinician checked the page’s medical content (DD/MM/YYYY)."
    )
    # The fingerprint of the medical content shown when the form was opened: the review covers that.
    content = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, current_content, **kwargs):
        super().__init__(*args, **kwargs)
        self.current_content = current_content
        self.fields["content"].initial = current_content

    def clean_content(self):
        if self.cleaned_data["content"] != self.current_content:
            raise forms.ValidationError(
                "The page’s medical content changed after you opened this form: read it again (the preview shows "
                "it as it is now), then record the review."
            )
        return self.cleaned_data["content"]

    def clean_last_reviewed(self):
        day = self.cleaned_data["last_reviewed"]
        if day > timezone.localdate():
            raise forms.ValidationError("A review date cannot be in the future.")
        return day


class RequestChangesForm(forms.Form):
    comment = forms.CharField(
        label="What needs to change", widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        help_text="The author is emailed that you asked for changes, with a link; they read this comment in the admin.",
    )


class PublishableAdmin(CompareVersionAdmin):
    form = PublishableAdminForm
    change_form_template = "admin/publishable_change_form.html"
    list_display = ["title", "state", "publish_at", "updated_at"]
    list_filter = [PublicationFilter, ReviewFilter]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "publish_at"
    readonly_fields = [
        "publication_state", "created_at", "updated_at", "updated_by", "reviewed_by", "last_reviewed",
    ]
    actions = ["publish", "unpublish"]
    save_on_top = True
    list_per_page = 50

    class Media:
        js = ["js/admin-autosave.js"]

    # Roles. Authors hold change but not publish: they write drafts. Editors publish. Reviewers review.
    def has_publish_permission(self, request):
        return request.user.has_perm(f"{self.opts.app_label}.publish_{self.opts.model_name}")

    def has_review_permission(self, request):
        return request.user.has_perm(f"{self.opts.app_label}.review_{self.opts.model_name}")

    def has_change_permission(self, request, obj=None):
        # A live page's form edits its working draft, which the public never sees. A scheduled page
        # changes only under an Editor's eye: what goes live is what they scheduled.
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or obj.status == Status.DRAFT or obj.is_published() or self.has_publish_permission(request)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            fields += ["status", "publish_at", "unpublish_at"]
        elif obj is not None and obj.is_published():
            # A live page is unpublished with its own button, not through its draft.
            fields += ["status", "publish_at"]
        return fields

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.check_publishing = not getattr(request, "saving_draft", False)
        if not self.has_publish_permission(request):
            for name in ("publish_without_review", "review_override_reason"):
                form.base_fields.pop(name, None)  # a forged override from anyone else is dropped
        return form

    def message_user(self, request, message, *args, **kwargs):
        if not getattr(request, "saving_draft", False):  # the draft says so itself (live_page_change_view)
            super().message_user(request, message, *args, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "summary":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 80})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        first, *rest = super().get_fieldsets(request, obj)
        if not self.has_change_permission(request, obj):
            return [first, *rest]
        name, options = first
        fieldsets = [(name, {**options, "fields": [*options["fields"], "edit_version"]}), *rest]
        if self.has_publish_permission(request) and self.opts.label_lower in settings.CLINIC_REVIEW_REQUIRED_FOR:
            fieldsets.append(("Publishing without a new medical review", {
                "classes": ["collapse"], "fields": ["publish_without_review", "review_override_reason"],
            }))
        return fieldsets

    def save_model(self, request, obj, form, change):
        if "_publish_now" in request.POST and self.has_publish_permission(request) and not obj.is_published():
            # "Publish now" on a draft: live at once, whatever the form's status and date said.
            obj.status, obj.publish_at = Status.PUBLISHED, timezone.now()
            if obj.unpublish_at and obj.unpublish_at <= obj.publish_at:
                obj.unpublish_at = None  # an expired page published again stays up
        if not (self.has_publish_permission(request) or getattr(request, "saving_draft", False)):
            # Whatever the path (a revert to a once-published version, say), only publishers publish.
            obj.status = Status.DRAFT
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
        # Saved: what was kept of the typing is on the page now.
        self.autosaves(request).filter(object_id__in=[obj.pk, 0] if not change else [obj.pk]).delete()

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if not self.has_publish_permission(request):
            changelist.list_editable = ()  # the list's order boxes change what patients see at once
        return changelist

    def changelist_view(self, request, extra_context=None):
        request.list_editing = True  # saves from the list change presentation only (display order)
        return super().changelist_view(request, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        page = form.instance
        if page.status != Status.PUBLISHED or getattr(request, "saving_draft", False):
            return
        if getattr(request, "list_editing", False):
            return
        # Judged now that the FAQs are saved too: what is about to be public must be what was reviewed.
        page.refresh_from_db()
        if not page.needs_review_to_publish():
            ReviewRequest.objects.for_page(page).delete()  # published: the workflow is done
            return
        if form.cleaned_data.get("publish_without_review"):
            request.review_override_reason = form.cleaned_data["review_override_reason"].strip()
            messages.warning(request, f"“{page}” was published without a new medical review; the public page "
                                      "shows no review line until a Clinical reviewer reviews it.")
            ReviewRequest.objects.for_page(page).delete()
            return
        if getattr(request, "live_keys", None) is not None:
            request.review_needed = True
            raise DraftKept(*drafts.snapshot(page, [inline.model for inline in self.inlines], request.live_keys))
        page.status = Status.DRAFT
        page.save(update_fields=["status", "updated_at"])
        messages.warning(request, f"“{page}” was saved as a draft. {REVIEW_NEEDED}")

    def log_addition(self, request, obj, message):
        return self.note_review_override(request, super().log_addition(request, obj, message))

    def log_change(self, request, obj, message):
        return self.note_review_override(request, super().log_change(request, obj, message))

    def note_review_override(self, request, entry):
        notes = [getattr(request, "history_note", "")]
        if reason := getattr(request, "review_override_reason", ""):
            notes.append(f"Published without a new medical review. Reason: {reason}")
        if any(notes):
            # Kept in the page's history, beside who did it and when.
            changed = entry.get_change_message()
            reversion.set_comment(" ".join(note for note in [changed if changed != "No fields changed." else "",
                                                               *notes] if note))
        return entry

    def autosaves(self, request):
        content_type = ContentType.objects.get_for_model(self.model)
        return Autosave.objects.filter(user=request.user, content_type=content_type)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        page = obj if obj is not None and obj.pk else None
        editable = self.has_change_permission(request, page) if page else self.has_add_permission(request)
        if editable and not context.get("revert") and not context.get("recover"):
            # Staff never lose typing: the form sends it every few seconds (static/js/admin-autosave.js).
            saved = self.autosaves(request).filter(object_id=page.pk if page else 0).first()
            if saved and page and saved.saved_at <= page.updated_at:
                saved = None  # the page was saved since
            context.update({
                "autosave_url": reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_autosave", args=[page.pk if page else "new"]
                ),
                "autosave_key": f"{self.opts.label_lower}:{page.pk if page else 'new'}:{request.user.pk}",
                "autosave_data": {"fields": saved.fields, "saved_at": saved.saved_at.isoformat()} if saved else None,
                "page_saved_at": page.updated_at.isoformat() if page else "",
                "autosave_seconds": settings.CLINIC_AUTOSAVE_SECONDS,
            })
        return super().render_change_form(request, context, add, change, form_url, obj)

    def autosave_view(self, request, object_id):
        """Keep what this person has typed into the page's form (JSON: {"fields": {name: [values]}})."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        page = None if object_id == "new" else self.get_object(request, unquote(object_id))
        if object_id != "new" and page is None:
            return JsonResponse({"error": "This page no longer exists."}, status=404)
        if not (self.has_change_permission(request, page) if page else self.has_add_permission(request)):
            raise PermissionDenied
        if len(request.body) > AUTOSAVE_MAX_BYTES:
            return JsonResponse({"error": "Too much text to keep automatically: save the page."}, status=413)
        try:
            fields = json.loads(request.body)["fields"]
            if not all(isinstance(name, str) and isinstance(values, list) and all(isinstance(v, str) for v in values)
                       for name, values in fields.items()):
                raise ValueError
        except (ValueError, KeyError, TypeError, AttributeError):
            return JsonResponse({"error": "Expected {\"fields\": {name: [values]}}."}, status=400)
        saved, _ = Autosave.objects.update_or_create(
            user=request.user, content_type=ContentType.objects.get_for_model(self.model),
            object_id=page.pk if page else 0, defaults={"fields": fields},
        )
        return JsonResponse({"saved_at": saved.saved_at.isoformat()})

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        extra_context = {
            **(extra_context or {}),
            "may_review": obj is not None and self.has_review_permission(request),
            "may_publish": self.has_publish_permission(request),
            "preview_links": [
                (link, request.build_absolute_uri(preview_url(link)))
                for link in PreviewLink.objects.for_page(obj).select_related("created_by") if link.is_active()
            ] if obj else [],
            "preview_days": settings.CLINIC_PREVIEW_MAX_AGE_DAYS,
            "stored_state": obj.publication_state() if obj else None,
        }
        if obj is not None and request.method == "POST" and {"_create_preview", "_revoke_preview"} & set(request.POST):
            return self.preview_link_action(request, obj)
        if obj is not None:
            extra_context["review_request"] = ReviewRequest.objects.for_page(obj).select_related(
                "submitted_by", "answered_by").first()
            extra_context["review_required"] = self.opts.label_lower in settings.CLINIC_REVIEW_REQUIRED_FOR
        if obj is None or not obj.is_published():
            response = super().change_view(request, object_id, form_url, extra_context)
        else:
            response = self.live_page_change_view(request, object_id, obj, form_url, extra_context)
        if request.method == "POST" and "_submit_review" in request.POST and response.status_code == 302:
            self.submit_for_review(request, obj)
        return response

    def preview_link_action(self, request, page):
        """Make a link that shows this version of the page to someone outside the admin, or revoke one."""
        if not self.has_change_permission(request, page):
            raise PermissionDenied
        if "_revoke_preview" in request.POST:
            revoked = PreviewLink.objects.for_page(page).filter(
                pk=request.POST["_revoke_preview"] if request.POST["_revoke_preview"].isdigit() else 0, revoked_at=None
            ).update(revoked_at=timezone.now())
            if revoked:
                messages.success(request, "The preview link was revoked: it shows nothing any more.")
        else:
            create_preview_link(page, request.user)
            messages.success(request, f"Preview link made: it shows “{page}” as it is now, for "
                                      f"{settings.CLINIC_PREVIEW_MAX_AGE_DAYS} days or until you revoke it.")
        return redirect(request.path)

    def submit_for_review(self, request, page):
        ReviewRequest.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(page), object_id=page.pk,
            defaults={"state": ReviewRequest.State.IN_REVIEW, "submitted_by": request.user, "answered_by": None,
                      "comment": ""},
        )
        who = request.user.get_full_name() or request.user.get_username()
        notify(people_who_may(f"{self.opts.app_label}.review_{self.opts.model_name}"),
               f"“{page}” is waiting for your medical review",
               [f"{who} submitted “{page}” for medical review.",
                f"Open it here: {request.build_absolute_uri(page.get_admin_url())}"])
        messages.success(request, f"“{page}” was submitted for medical review; the Clinical reviewers were told.")

    def request_changes_view(self, request, object_id):
        """A Clinical reviewer sends the page back to its author with a comment."""
        if not self.has_review_permission(request):
            raise PermissionDenied
        page = get_object_or_404(self.get_queryset(request), pk=unquote(object_id))
        form = RequestChangesForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            pending = ReviewRequest.objects.for_page(page).first()
            ReviewRequest.objects.update_or_create(
                content_type=ContentType.objects.get_for_model(page), object_id=page.pk,
                defaults={"state": ReviewRequest.State.CHANGES_REQUESTED, "answered_by": request.user,
                          "comment": form.cleaned_data["comment"].strip(),
                          "submitted_by": pending.submitted_by if pending else page.updated_by},
            )
            notify([pending.submitted_by if pending else page.updated_by],
                   f"Changes requested on “{page}”",
                   ["A Clinical reviewer asked for changes before this page can be published; their comment "
                    "is on the page in the admin.",
                    f"Open it here: {request.build_absolute_uri(page.get_admin_url())}"])
            self.message_user(request, f"Changes requested on “{page}”; the author was told.", messages.SUCCESS)
            return redirect(page.get_admin_url())
        context = {
            **self.admin_site.each_context(request), "opts": self.opts, "original": page, "form": form,
            "title": f"Request changes to “{page}”", "submit_label": "Request changes",
            "intro": "Say what must change before you can approve the medical content. The page stays as it is.",
        }
        return render(request, "admin/review_form.html", context)

    def live_page_change_view(self, request, object_id, page, form_url, extra_context):
        """A live page's form shows and saves its working draft: patients see no change until someone who
        may publish presses "Publish changes" (`_publish`)."""
        inline_models = [inline.model for inline in self.inlines]
        draft = drafts.draft_of(page)
        if request.method == "POST" and ("_discard" in request.POST or "_unpublish" in request.POST):
            return self.discard_or_unpublish(request, page, draft)
        publishing = request.method == "POST" and "_publish" in request.POST
        if publishing and not self.has_publish_permission(request):
            raise PermissionDenied
        request.saving_draft = request.method == "POST" and not publishing
        extra_context = {
            **extra_context, "page_is_live": True, "working_draft": draft,
            "draft_preview_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_draft_preview",
                                         args=[page.pk]),
        }
        try:
            with transaction.atomic():
                live = request.live_keys = drafts.live_keys(page, inline_models)
                if draft:
                    drafts.apply(draft, page, inline_models)
                    request.history_note = "Published the unpublished changes." if publishing else ""
                response = super().change_view(request, object_id, form_url, extra_context)
                if request.method == "POST" and response.status_code == 302:
                    if publishing:
                        PageDraft.objects.for_page(page).delete()
                        messages.success(request, f"“{page}” published: patients see the changes now.")
                        return response  # committed: the draft is live
                    page.refresh_from_db()
                    raise DraftKept(*drafts.snapshot(page, inline_models, live))
                if hasattr(response, "render"):
                    response.render()  # while the draft is in place
                raise RolledBack(response)
        except DraftKept as kept:
            kept.keep(page, request.user)
            self.autosaves(request).filter(object_id=page.pk).delete()
            if getattr(request, "review_needed", False):
                messages.warning(request, f"“{page}” was not published: its changes were saved as a draft. "
                                          f"{REVIEW_NEEDED}")
            else:
                messages.success(request, f"Draft of “{page}” saved. Patients still see the live page until the "
                                          "changes are published.")
            return redirect(request.path)
        except RolledBack as rolled_back:
            return rolled_back.response

    def discard_or_unpublish(self, request, page, draft):
        if "_unpublish" in request.POST:
            if not self.has_publish_permission(request):
                raise PermissionDenied
            self.unpublish_page(request, page, "Unpublished.")
            messages.success(request, f"“{page}” is unpublished: the public can no longer see it."
                             + (" Its unpublished changes are kept in the page." if draft else ""))
        elif draft is not None:
            # Someone else's work goes only with an Editor's say-so.
            if not self.has_change_permission(request, page) or not (
                self.has_publish_permission(request) or draft.updated_by_id == request.user.pk
            ):
                raise PermissionDenied
            draft.delete()
            with reversion.create_revision():
                reversion.add_to_revision(page)
                reversion.set_user(request.user)
                reversion.set_comment("Discarded the unpublished changes.")
            messages.success(request, f"The draft of “{page}” was discarded; the form shows the live page.")
        return redirect(request.path)

    def unpublish_page(self, request, page, comment):
        """Back to draft. A working draft is folded into the page, so no one's unpublished work is lost."""
        with transaction.atomic():
            if draft := drafts.draft_of(page):
                drafts.apply(draft, page, [inline.model for inline in self.inlines])
                page.refresh_from_db()
                draft.delete()
            page.status = Status.DRAFT
            self.save_with_revision(request, page, comment)

    def draft_preview_view(self, request, object_id):
        """The page as its working draft would look when published, in the page's own template."""
        page = self.get_object(request, unquote(object_id))
        if page is None or not self.has_view_permission(request, page):
            raise PermissionDenied
        draft = drafts.draft_of(page)
        try:
            with transaction.atomic():
                if draft:
                    drafts.apply(draft, page, [inline.model for inline in self.inlines])
                    page.refresh_from_db()
                raise RolledBack(render_preview(request, page))
        except RolledBack as rolled_back:
            return rolled_back.response

    def get_queryset(self, request):
        drafts_of_type = PageDraft.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), object_id=OuterRef("pk")
        )
        requests = ReviewRequest.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), object_id=OuterRef("pk")
        )
        return super().get_queryset(request).annotate(
            has_working_draft=Exists(drafts_of_type), review_state=Subquery(requests.values("state")[:1])
        )

    @admin.display(description="state")
    def state(self, page):
        words = page.state()
        if page.is_published() and getattr(page, "has_working_draft", False):
            words = "Live with unpublished changes"
        if request_state := getattr(page, "review_state", None):
            words += f" · {ReviewRequest.State(request_state).label}"
        return words

    @admin.display(description="who can see it")
    def publication_state(self, page):
        """The state as stored: after a refused publish the form's copy says "published", the page does not."""
        stored = type(page).objects.filter(pk=page.pk).first() if page.pk else None
        return (stored or page).publication_state()

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
        inline_models = [inline.model for inline in self.inlines]
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
        return super().recover_view(request, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def compare_view(self, request, object_id, extra_context=None):
        page = self.get_object(request, unquote(object_id))
        if page is None or not self.has_view_permission(request, page):
            raise PermissionDenied
        return super().compare_view(request, object_id, extra_context)

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

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/review/", self.admin_site.admin_view(self.review_view),
                name="{}_{}_review".format(*info),
            ),
            path(
                "<path:object_id>/autosave/", self.admin_site.admin_view(self.autosave_view),
                name="{}_{}_autosave".format(*info),
            ),
            path(
                "<path:object_id>/request-changes/", self.admin_site.admin_view(self.request_changes_view),
                name="{}_{}_request_changes".format(*info),
            ),
            path(
                "<path:object_id>/draft-preview/", self.admin_site.admin_view(self.draft_preview_view),
                name="{}_{}_draft_preview".format(*info),
            ),
            *super().get_urls(),
        ]

    def review_view(self, request, object_id):
        """Record a medical review: who checked the page's medical content, and when."""
        if not self.has_review_permission(request):
            raise PermissionDenied
        page = get_object_or_404(self.get_queryset(request), pk=object_id)
        initial = {"reviewed_by": getattr(request.user, "clinician", None), "last_reviewed": timezone.localdate()}
        form = ReviewForm(request.POST or None, initial=initial, current_content=self.content_to_review(page))
        if request.method == "POST" and form.is_valid():
            clinician, day = form.cleaned_data["reviewed_by"], form.cleaned_data["last_reviewed"]
            draft = drafts.draft_of(page) if page.is_published() else None
            if draft:
                self.review_draft(request, page, draft, clinician, day)
                what = "its draft (the review goes live with it)"
            else:
                page.record_review(clinician, day)
                page.updated_by = request.user
                with reversion.create_revision():
                    page.save(update_fields=["reviewed_by", "last_reviewed", "reviewed_content", "updated_by",
                                             "updated_at"])
                    reversion.set_user(request.user)
                    reversion.set_comment(f"Medical review recorded: {clinician} on {day:%d/%m/%Y}")
                what = "its content as it is now"
            if ReviewRequest.objects.for_page(page).delete()[0]:
                notify(people_who_may(f"{self.opts.app_label}.publish_{self.opts.model_name}"),
                       f"“{page}” is approved and ready to publish",
                       [f"{clinician} reviewed the medical content of “{page}”.",
                        f"Publish it here: {request.build_absolute_uri(page.get_admin_url())}"])
            self.message_user(request, f"Medical review of “{page}” recorded, for {what}.", messages.SUCCESS)
            return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[page.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": page,
            "form": form,
            "title": f"Record a medical review of “{page}”",
            "read_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_draft_preview", args=[page.pk])
            if page.is_published() and drafts.draft_of(page) else page.get_absolute_url(),
        }
        return render(request, "admin/review_form.html", context)

    def content_to_review(self, page):
        """The fingerprint of the medical content a review of `page` covers: its draft's, if it has one."""
        draft = drafts.draft_of(page) if page.is_published() else None
        if draft is None:
            return page.clinical_fingerprint()
        try:
            with transaction.atomic():
                drafts.apply(draft, page, [inline.model for inline in self.inlines])
                page.refresh_from_db()
                raise RolledBack(page.clinical_fingerprint())
        except RolledBack as rolled_back:
            page.refresh_from_db()
            return rolled_back.response

    def review_draft(self, request, page, draft, clinician, day):
        """Record the review in the working draft, for the content the draft holds."""
        inline_models = [inline.model for inline in self.inlines]
        try:
            with transaction.atomic():
                live = drafts.live_keys(page, inline_models)
                drafts.apply(draft, page, inline_models)
                page.refresh_from_db()
                page.record_review(clinician, day)
                page.save(update_fields=["reviewed_by", "last_reviewed", "reviewed_content"])
                raise DraftKept(*drafts.snapshot(page, inline_models, live))
        except DraftKept as kept:
            kept.keep(page, request.user)

    def save_with_revision(self, request, page, comment):
        with reversion.create_revision():
            page.updated_by = request.user
            page.save(update_fields=["status", "updated_at", "updated_by"])
            reversion.set_user(request.user)
            reversion.set_comment(comment)

    @admin.action(description="Publish selected pages (live now, or at their scheduled time)", permissions=["publish"])
    def publish(self, request, queryset):
        published = 0
        for page in queryset.filter(status=Status.DRAFT):
            problems = page.publishing_problems()
            if page.needs_review_to_publish():
                problems.append(("", REVIEW_NEEDED))
            if problems:
                reasons = " ".join(message for _field, message in problems)
                self.message_user(request, f"“{page}” was not published. {reasons}", messages.ERROR)
                continue
            page.status = Status.PUBLISHED
            self.save_with_revision(request, page, "Published with the list action.")
            ReviewRequest.objects.for_page(page).delete()
            published += 1
        self.message_user(
            request, ngettext("%d page published.", "%d pages published.", published) % published, messages.SUCCESS
        )

    @admin.action(description="Unpublish selected pages (back to draft)", permissions=["publish"])
    def unpublish(self, request, queryset):
        count = 0
        for page in queryset.filter(status=Status.PUBLISHED):
            self.unpublish_page(request, page, "Unpublished with the list action.")
            count += 1
        self.message_user(
            request,
            ngettext("%d page unpublished; the public can no longer see it.",
                     "%d pages unpublished; the public can no longer see them.", count) % count,
            messages.SUCCESS,
        )


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    """Made automatically when a live page's address changes; delete one to stop redirecting."""

    list_display = ["old_path", "new_path", "created_at"]
    search_fields = ["old_path", "new_path"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

"""Admin pieces shared by every page type: roles, states, publishing, and (in this package's modules) working
drafts, the review workflow, history rules, autosave, redirects, the live preview and the search and sharing
panel."""

from functools import cache

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Subquery
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import ngettext
from reversion_compare.admin import CompareVersionAdmin

from images.widgets import ImageChooser

from .. import drafts
from ..forms import PublishableAdminForm
from ..models import PageDraft, PreviewLink, ReviewRequest, Status
from ..previews import preview_url
from ..sanitize import sanitize_html
from .autosave import AutosaveMixin
from .history import HistoryRulesMixin
from .live_drafts import REVIEW_NEEDED, WorkingDraftMixin
from .live_preview import LivePreviewMixin
from .redirects import RedirectAdmin  # noqa: F401 (registers it)
from .sanitised import SanitiserNoticeMixin
from .seo_panel import SEO_FIELDSET_NAME, SeoPanelMixin
from .workflow import ReviewWorkflowMixin

# Open, not collapsed: its panel shows how the page looks in search results and when shared as staff type.
SEO_FIELDSET = (SEO_FIELDSET_NAME, {
    "fields": ["seo_title", "meta_description", "noindex", "share_image", "share_image_alt"],
})
HERO_FIELDSET = ("Hero image", {"fields": ["hero_image", "hero_image_alt", "hero_image_decorative"]})
REVIEW_FIELDSET = ("Medical review", {"fields": ["reviewed_by", "last_reviewed"]})
HISTORY_FIELDSET = ("History", {"classes": ["collapse"], "fields": ["created_at", "updated_at", "updated_by"]})


class RecordAdmin(admin.ModelAdmin):
    """For records the site writes itself (access logs, overrides): they can be read, never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@cache  # one display per field: the form leaves out what the read-only fields name, by identity
def rich_text_reader(model, field):
    """A read-only form's display of the rich-text `field`: sanitised HTML, marked up as the page's text."""

    def read(page):
        text = sanitize_html(getattr(page, field))
        return format_html('<div class="rich-text-read">{}</div>', mark_safe(text)) if text else "-"

    read.__name__ = field  # the row keeps the field's class name, "field-body"
    read.short_description = capfirst(model._meta.get_field(field).verbose_name)
    return read


class OrderedStackedInline(admin.StackedInline):
    """Inline items shown in order on the page (FAQs, gallery pairs): staff drag them, or move them with buttons
    (static/js/admin-inline-order.js); the model's `order` field holds the position, and a new item goes last."""

    classes = ["ordered-inline"]

    class Media:
        js = ["js/admin-inline-order.js"]
        css = {"all": ["css/admin-inline-order.css"]}


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
        return [("due", "Review due"), ("never", "Not yet reviewed"), ("current", "Up to date")]

    def queryset(self, request, queryset):
        return {
            "due": queryset.reviews_due,
            "never": queryset.not_yet_reviewed,
            "current": queryset.review_current,
        }.get(self.value(), queryset.all)()


class PublishableAdmin(
    LivePreviewMixin, SeoPanelMixin, AutosaveMixin, ReviewWorkflowMixin, WorkingDraftMixin, HistoryRulesMixin,
    SanitiserNoticeMixin, CompareVersionAdmin,
):
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
        js = ["js/admin-autosave.js", "js/admin-live-preview.js", "js/admin-seo-panel.js", "js/admin-editor-tools.js",
              "js/admin-image-chooser.js"]
        css = {"all": ["css/admin-live-preview.css", "css/admin-seo-panel.css", "css/admin-editor-tools.css",
                       "css/admin-image-library.css"]}

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

    def read_only_field(self, field):
        """What a read-only form shows for `field`: rich text as the page shows it (sanitised), not as HTML source."""
        if field not in self.model.rich_text_fields:
            return field
        return rich_text_reader(self.model, field)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_change_permission(request, obj):
            fields += [self.read_only_field(field) for field in self.model.rich_text_fields]
        if not self.has_publish_permission(request):
            fields += ["status", "publish_at", "unpublish_at"]
        elif obj is not None and obj.is_published():
            # A live page is unpublished with its own button, not through its draft.
            fields += ["status", "publish_at"]
        return fields

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.check_publishing = not getattr(request, "saving_draft", False)
        form.scheduling_changes = getattr(request, "scheduling_changes", False)
        if not self.has_publish_permission(request):
            for name in ("publish_without_review", "review_override_reason", "changes_go_live_at"):
                form.base_fields.pop(name, None)  # a forged override or schedule from anyone else is dropped
        elif obj is not None and (draft := drafts.draft_of(obj)):
            form.base_fields["changes_go_live_at"].initial = draft.go_live_at
        return form

    def message_user(self, request, message, *args, **kwargs):
        if not getattr(request, "saving_draft", False):  # the draft says so itself (live_page_change_view)
            super().message_user(request, message, *args, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "summary":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 80})
        if db_field.name in ("hero_image", "share_image"):
            kwargs["widget"] = ImageChooser()
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("hero_image", "share_image") and hasattr(formfield.widget, "can_add_related"):
            formfield.widget.can_add_related = False  # the chooser says "Upload a new image" itself
            formfield.widget.can_delete_related = False  # deleting is the library's business, with its checks
        return formfield

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if not self.has_change_permission(request, obj):
            return [(name, {**options, "fields": [self.read_only_field(field) for field in options["fields"]]})
                    for name, options in fieldsets]
        # The form's hidden edit_version is written by the template (publishable_change_form.html), not in a
        # fieldset: a fieldset would give it a <label> for a control no one can see.
        if self.has_publish_permission(request) and obj is not None and obj.is_published():
            fieldsets.append(("Schedule the changes", {"fields": ["changes_go_live_at"]}))
        if self.has_publish_permission(request) and self.opts.label_lower in settings.CLINIC_REVIEW_REQUIRED_FOR:
            fieldsets.append(("Publishing without a new medical review", {
                "classes": ["collapse"], "fields": ["publish_without_review", "review_override_reason"],
            }))
        return fieldsets

    def save_model(self, request, obj, form, change):
        request.changes_go_live_at = form.cleaned_data.get("changes_go_live_at")
        if "_publish_now" in request.POST and self.has_publish_permission(request) and not obj.is_published():
            # "Publish now" on a draft: live at once, whatever the form's status and date said.
            obj.status, obj.publish_at = Status.PUBLISHED, timezone.now()
            if obj.unpublish_at and obj.unpublish_at <= obj.publish_at:
                obj.unpublish_at = None  # an expired page published again stays up
        if getattr(request, "recovering", False):
            obj.status = Status.DRAFT
            messages.info(request, f"“{obj}” is back as a draft: check it, then publish it.")
        elif not (self.has_publish_permission(request) or getattr(request, "saving_draft", False)):
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
            obj.refresh_from_db()  # named as just saved in the notice and the log
            self.submit_for_review(request, obj)
        return response

    def get_queryset(self, request):
        drafts_of_type = PageDraft.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), object_id=OuterRef("pk")
        )
        requests = ReviewRequest.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), object_id=OuterRef("pk")
        )
        return super().get_queryset(request).annotate(
            has_working_draft=Exists(drafts_of_type), review_state=Subquery(requests.values("state")[:1]),
            changes_go_live_at=Subquery(drafts_of_type.values("go_live_at")[:1]),
        )

    @admin.display(description="state")
    def state(self, page):
        words = page.state()
        if page.is_published() and getattr(page, "has_working_draft", False):
            words = "Live with unpublished changes"
            if when := getattr(page, "changes_go_live_at", None):
                words = f"Live; changes go live {date_format(timezone.localtime(when), 'SHORT_DATETIME_FORMAT')}"
        if request_state := getattr(page, "review_state", None):
            words += f" · {ReviewRequest.State(request_state).label}"
        return words

    @admin.display(description="who can see it")
    def publication_state(self, page):
        """The state as stored: after a refused publish the form's copy says "published", the page does not."""
        stored = type(page).objects.filter(pk=page.pk).first() if page.pk else None
        return (stored or page).publication_state()

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

"""A live page's form edits its working draft (publishing.drafts): save, preview, discard, publish."""

import reversion
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from .. import drafts
from ..models import PageDraft, Status
from ..previews import render_preview

REVIEW_NEEDED = (
    "Its medical content changed since its last medical review (or it was never reviewed): a Clinical reviewer "
    "must review it before it is published. An Editor who must publish now can open “Publishing without a new "
    "medical review” at the foot of the form, tick it and give the reason."
)


class DraftKept(Exception):
    """Rolls back a save of a live page's form, carrying the draft it made."""

    def __init__(self, data, new_keys, go_live_at=None):
        self.data, self.new_keys, self.go_live_at = data, new_keys, go_live_at

    def keep(self, page, user):
        drafts.reserve_keys(self.new_keys)
        PageDraft.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(page), object_id=page.pk,
            defaults={"data": self.data, "updated_by": user, "go_live_at": self.go_live_at},
        )


class RolledBack(Exception):
    """Rolls back a view run over a draft, carrying its (rendered) response."""

    def __init__(self, response):
        self.response = response


class WorkingDraftMixin:
    """For PublishableAdmin: the views and steps of a live page's working draft."""

    def live_page_change_view(self, request, object_id, page, form_url, extra_context):
        """A live page's form shows and saves its working draft: patients see no change until someone who
        may publish presses "Publish changes" (`_publish`)."""
        inline_models = drafts.child_models(self.model)
        draft = drafts.draft_of(page)
        if request.method == "POST" and ("_discard" in request.POST or "_unpublish" in request.POST):
            return self.discard_or_unpublish(request, page, draft)
        publishing = request.method == "POST" and "_publish" in request.POST
        scheduling = request.method == "POST" and "_schedule_changes" in request.POST and not publishing
        if (publishing or scheduling) and not self.has_publish_permission(request):
            raise PermissionDenied
        request.saving_draft = request.method == "POST" and not (publishing or scheduling)
        request.scheduling_changes = scheduling
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
                    go_live_at = getattr(request, "changes_go_live_at", None) if scheduling else None
                    raise DraftKept(*drafts.snapshot(page, inline_models, live), go_live_at=go_live_at)
                if hasattr(response, "render"):
                    response.render()  # while the draft is in place
                raise RolledBack(response)
        except DraftKept as kept:
            kept.keep(page, request.user)
            self.autosaves(request).filter(object_id=page.pk).delete()
            if getattr(request, "review_needed", False):
                messages.warning(request, f"“{page}” was not published: its changes were saved as a draft. "
                                          f"{REVIEW_NEEDED}")
            elif kept.go_live_at:
                when = date_format(timezone.localtime(kept.go_live_at), "DATETIME_FORMAT")
                messages.success(request, f"The changes to “{page}” will go live on {when}. Patients see the live "
                                          "page until then.")
            elif draft and draft.go_live_at:
                messages.warning(request, f"Draft of “{page}” saved. Its scheduled publication was cancelled: the "
                                          "draft changed, so schedule it again when it is ready.")
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
                drafts.apply(draft, page, drafts.child_models(self.model))
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
                    drafts.apply(draft, page, drafts.child_models(self.model))
                    page.refresh_from_db()
                raise RolledBack(render_preview(request, page))
        except RolledBack as rolled_back:
            return rolled_back.response

    def content_to_review(self, page):
        """The fingerprint of the medical content a review of `page` covers: its draft's, if it has one."""
        draft = drafts.draft_of(page) if page.is_published() else None
        if draft is None:
            return page.clinical_fingerprint()
        try:
            with transaction.atomic():
                drafts.apply(draft, page, drafts.child_models(self.model))
                page.refresh_from_db()
                raise RolledBack(page.clinical_fingerprint())
        except RolledBack as rolled_back:
            page.refresh_from_db()
            return rolled_back.response

    def review_draft(self, request, page, draft, clinician, day):
        """Record the review in the working draft, for the content the draft holds."""
        inline_models = drafts.child_models(self.model)
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

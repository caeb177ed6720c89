"""Submit for review, approve (record the medical review) or request changes, publish; previews to share."""

import reversion
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from .. import drafts
from ..forms import RequestChangesForm, ReviewForm
from ..models import PreviewLink, ReviewRequest, Status
from ..notifications import notify, people_who_may
from ..previews import create_preview_link
from ..review import CHANGES_REQUESTED, REVIEW_OVERRIDDEN, REVIEW_RECORDED, SUBMITTED_FOR_REVIEW
from .live_drafts import REVIEW_NEEDED, DraftKept


class ReviewWorkflowMixin:
    """For PublishableAdmin: the review workflow, the review gate on publishing, preview links."""

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
            raise DraftKept(*drafts.snapshot(page, drafts.child_models(self.model), request.live_keys))
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
            notes.append(f"{REVIEW_OVERRIDDEN}. Reason: {reason}")
        if any(notes):
            # Kept in the page's history, beside who did it and when.
            changed = entry.get_change_message()
            reversion.set_comment(" ".join(note for note in [changed if changed != "No fields changed." else "",
                                                               *notes] if note))
        return entry

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
        self.log_change(request, page, f"{SUBMITTED_FOR_REVIEW}.")
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
            self.log_change(request, page, f"{CHANGES_REQUESTED}: {form.cleaned_data['comment'].strip()}")
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
                    reversion.set_comment(f"{REVIEW_RECORDED}: {clinician} on {day:%d/%m/%Y}")
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

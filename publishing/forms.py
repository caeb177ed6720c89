"""The forms of page admin: the page form (stale saves, publishing checks, overrides), medical review; redirects."""

from django import forms
from django.contrib.admin import widgets
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from clinicians.models import Clinician

from . import redirects
from .models import Redirect, Status


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
    changes_go_live_at = forms.SplitDateTimeField(
        label="Publish the changes at", required=False, widget=widgets.AdminSplitDateTime,
        help_text="For “Schedule changes”: patients see the live page until then, and the changes after.",
    )
    check_publishing = True  # off when saving the working draft of a live page: publishing checks it
    scheduling_changes = False  # on for "Schedule changes"

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
        go_live_at = cleaned_data.get("changes_go_live_at")
        if self.scheduling_changes and not (go_live_at and go_live_at > timezone.now()):
            self.add_error("changes_go_live_at", "Choose when the changes go live: a date and time in the future.")
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


class RedirectForm(forms.ModelForm):
    """A redirect by hand, checked as a row of an imported file is (publishing.redirects)."""

    class Meta:
        model = Redirect
        fields = ["old_path", "new_path"]
        error_messages = {"old_path": {"unique": "There is a redirect from this address already: open it from the "
                                                 "list to change where it leads."}}

    # Set by the admin for each request (RedirectAdmin.get_form).
    site_answers = None
    hosts = None

    def clean(self):
        cleaned_data = super().clean()
        if {"old_path", "new_path"} & set(self.errors):
            return cleaned_data
        row = redirects.Row(1, cleaned_data["old_path"], cleaned_data["new_path"])
        redirects.check([row], self.site_answers, self.hosts, excluding=self.instance if self.instance.pk else None)
        for problem in row.problems:
            self.add_error(problem.field or None, problem.message)
        if not row.problems:
            cleaned_data["old_path"], cleaned_data["new_path"] = row.old_path, row.new_path
        return cleaned_data


class RedirectImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="One redirect a line: the old address, a comma, the new address. A first line of headings is fine.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

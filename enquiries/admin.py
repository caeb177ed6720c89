import csv
import re
from datetime import timedelta

from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import ngettext

from publishing.admin import RecordAdmin
from treatments.models import Treatment

from .models import Enquiry, EnquiryAccess

SUBMITTED_FIELDS = [
    "created_at", "name", "email", "phone", "treatment", "contact_method", "message",
    "confirmed_adult", "consented_at",
]
CSV_COLUMNS = [
    ("Received", lambda e: timezone.localtime(e.created_at).strftime("%Y-%m-%d %H:%M")),
    ("Name", lambda e: e.name),
    ("Email", lambda e: e.email),
    ("Phone", lambda e: phone_cell(e.phone)),
    ("Treatment", lambda e: e.treatment.title if e.treatment else ""),
    ("Contact by", lambda e: e.get_contact_method_display()),
    ("Message", lambda e: e.message),
    ("Status", lambda e: e.get_status_display()),
    ("Staff notes", lambda e: e.staff_notes),
]


PHONE_NUMBER = re.compile(r"\+?[0-9][0-9 ().-]{2,30}")


class TextFormula(str):
    """A cell written as a formula on purpose: ="…" around text we checked, so it shows as typed."""


def spreadsheet_safe(value):
    """Stop spreadsheet programs from running a cell as a formula (CSV injection)."""
    if isinstance(value, TextFormula):
        return value
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def phone_cell(phone):
    """A phone number as typed: "+44 20…" would be read as a formula and a protective quote would show, so what
    is plainly a phone number (digits, spaces, + ( ) . -) goes in as text: ="+44 20…"."""
    return TextFormula(f'="{phone}"') if PHONE_NUMBER.fullmatch(phone) else phone


class PublishedTreatmentFilter(admin.RelatedFieldListFilter):
    """Front desk filters by the treatments patients can see: drafts and scheduled pages stay unseen."""

    def field_choices(self, field, request, model_admin):
        return [(treatment.pk, str(treatment)) for treatment in Treatment.objects.published().order_by("title")]


class AgeFilter(admin.SimpleListFilter):
    title = "age"
    parameter_name = "age"

    def lookups(self, request, model_admin):
        return [("today", "Today"), ("week", "Past 7 days"), ("month", "Past 30 days"), ("older", "Older than 30 days")]

    def queryset(self, request, queryset):
        now = timezone.now()
        match self.value():
            case "today":
                return queryset.filter(created_at__gte=timezone.localtime(now).replace(hour=0, minute=0, second=0))
            case "week":
                return queryset.filter(created_at__gte=now - timedelta(days=7))
            case "month":
                return queryset.filter(created_at__gte=now - timedelta(days=30))
            case "older":
                return queryset.filter(created_at__lt=now - timedelta(days=30))
        return queryset


def status_action(status):
    @admin.action(description=f"Mark selected as {status.label.lower()}", permissions=["change"])
    def action(modeladmin, request, queryset):
        count = queryset.update(status=status, updated_at=timezone.now())
        modeladmin.message_user(
            request,
            ngettext("%d enquiry marked %s.", "%d enquiries marked %s.", count) % (count, status.label.lower()),
            messages.SUCCESS,
        )

    action.__name__ = f"mark_{status.value}"
    return action


@admin.register(Enquiry)
class EnquiryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "name", "treatment", "contact_method", "status"]
    list_filter = ["status", ("treatment", PublishedTreatmentFilter), AgeFilter]
    list_select_related = ["treatment"]
    search_fields = ["name", "email"]
    date_hierarchy = "created_at"
    readonly_fields = [*SUBMITTED_FIELDS, "updated_at"]
    fieldsets = [
        ("What the patient sent", {"fields": SUBMITTED_FIELDS}),
        ("Follow-up", {"fields": ["status", "staff_notes", "updated_at"]}),
    ]
    actions = [status_action(status) for status in Enquiry.Status] + ["export_csv"]

    def has_add_permission(self, request):
        return False  # enquiries come from patients, through the form

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            EnquiryAccess.objects.create(user=request.user, action=EnquiryAccess.Action.VIEWED, enquiry_id=object_id)
        return response

    @admin.action(description="Export selected to CSV", permissions=["view"])
    def export_csv(self, request, queryset):
        enquiries = list(queryset.select_related("treatment"))
        EnquiryAccess.objects.create(
            user=request.user, action=EnquiryAccess.Action.EXPORTED, enquiry_count=len(enquiries)
        )
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="enquiries-{timezone.localdate():%Y-%m-%d}.csv"'
        response["Cache-Control"] = "no-store"
        response.write("\ufeff")  # the byte order mark: Excel then reads the file as UTF-8 (names with accents)
        writer = csv.writer(response)
        writer.writerow([title for title, _ in CSV_COLUMNS])
        for enquiry in enquiries:
            writer.writerow([spreadsheet_safe(value(enquiry)) for _, value in CSV_COLUMNS])
        return response


@admin.register(EnquiryAccess)
class EnquiryAccessAdmin(RecordAdmin):
    """Read-only, for superusers: who opened or exported enquiries."""

    list_display = ["at", "user", "action", "enquiry", "enquiry_count"]
    list_filter = ["action", "user"]
    date_hierarchy = "at"

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

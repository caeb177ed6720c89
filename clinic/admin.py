from django.contrib import admin
from django.shortcuts import redirect
from reversion.admin import VersionAdmin

from .models import ClinicDetails


@admin.register(ClinicDetails)
class ClinicDetailsAdmin(VersionAdmin):
    """One record: the list goes straight to it, and it can be neither added twice nor deleted."""

    fieldsets = [
        ("Contact", {"fields": ["phone", "email", "consultation_price"]}),
        ("Address", {"fields": ["street_address", "locality", "postcode", "country", "latitude", "longitude"]}),
        ("Visiting", {"fields": ["opening_hours", "getting_there", "accessibility"]}),
    ]

    def changelist_view(self, request, extra_context=None):
        return redirect("admin:clinic_clinicdetails_change", 1)  # made by the migrations

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

from django.contrib import admin
from reversion.admin import VersionAdmin

from .models import Clinician


@admin.register(Clinician)
class ClinicianAdmin(VersionAdmin):
    list_display = ["name", "role", "credentials", "registration_number", "user"]
    search_fields = ["name", "role", "credentials", "registration_number"]
    autocomplete_fields = ["user"]
    prepopulated_fields = {"slug": ["name"]}

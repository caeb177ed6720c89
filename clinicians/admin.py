from django.contrib import admin
from reversion.admin import VersionAdmin

from images.admin import file_thumbnail

from .models import Clinician


@admin.register(Clinician)
class ClinicianAdmin(VersionAdmin):
    list_display = ["portrait", "name", "role", "credentials", "registration_number", "user"]
    list_display_links = ["portrait", "name"]
    readonly_fields = ["portrait"]

    class Media:
        css = {"all": ["css/admin-image-library.css"]}

    @admin.display(description="photo")
    def portrait(self, clinician):
        return file_thumbnail(clinician.photo, css_class="image-thumb image-thumb--small")
    search_fields = ["name", "role", "credentials", "registration_number"]
    autocomplete_fields = ["user"]
    prepopulated_fields = {"slug": ["name"]}

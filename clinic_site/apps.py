from django.apps import AppConfig


class ClinicSiteConfig(AppConfig):
    """The project package: installed only for its operations commands (backup, restore, local admin)."""

    name = "clinic_site"
    verbose_name = "Clinic site"

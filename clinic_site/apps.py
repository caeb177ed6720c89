from django.apps import AppConfig


class ClinicSiteConfig(AppConfig):
    name = "clinic_site"
    verbose_name = "Clinic site"

    def ready(self):
        from . import signals  # noqa: F401

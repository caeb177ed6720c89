from django.apps import AppConfig


class ClinicConfig(AppConfig):
    """The clinic itself, as patients find it: its details and opening hours (/visit/) and its team (/team/)."""

    name = "clinic"
    verbose_name = "The clinic"

    def ready(self):
        from . import signals  # noqa: F401

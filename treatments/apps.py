from django.apps import AppConfig


class TreatmentsConfig(AppConfig):
    name = "treatments"

    def ready(self):
        from . import seo  # noqa: F401  (registers the treatment page's structured data)

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = "Publishing"

    def ready(self):
        from . import roles, signals

        signals.connect()
        post_migrate.connect(roles.sync_roles, sender=self)

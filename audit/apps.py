from django.apps import AppConfig


class AuditConfig(AppConfig):
    """One read-only page for superusers: who signed in, changed, published, reviewed, overrode, opened or
    exported what, and every backup and restore, from the records the other apps keep."""

    name = "audit"
    verbose_name = "Audit"

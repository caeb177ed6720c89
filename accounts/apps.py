from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Staff accounts: signing in (lockouts, the second factor) and managing one's own second factor."""

    name = "accounts"
    verbose_name = "Staff accounts"

    def ready(self):
        from . import checks  # noqa: F401 (registers the deploy check)

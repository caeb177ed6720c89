from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def two_factor_required_in_production(app_configs, **kwargs):
    if settings.DEBUG or settings.CLINIC_REQUIRE_TWO_FACTOR:
        return []
    return [checks.Warning(
        "Staff can sign in with a password alone: CLINIC_REQUIRE_TWO_FACTOR is off in production.",
        hint="Unset CLINIC_REQUIRE_TWO_FACTOR (required is the default in production) or set it to 1.",
        id="accounts.W001",
    )]

"""The second factor for staff: an authenticator app (TOTP) and one-time backup codes (django-otp).

CLINIC_REQUIRE_TWO_FACTOR makes it required for every staff account (the default in production); otherwise a
staff member who has turned it on is still always asked for it.
"""

import re

import segno
from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10
AUTHENTICATOR_NAME = "Authenticator app"
BACKUP_CODES_NAME = "Backup codes"


class CodeRefused(ValueError):
    """A code that did not sign anyone in; the message says what to do."""


def authenticator(user, confirmed=True):
    return TOTPDevice.objects.devices_for_user(user, confirmed=confirmed).order_by("pk").first()


def needed(user):
    """Whether this account must pass the second step to be signed in."""
    return settings.CLINIC_REQUIRE_TWO_FACTOR or authenticator(user) is not None


def start_enrolment(user):
    """The not-yet-confirmed authenticator whose key the enrolment page shows (the same one until confirmed)."""
    device = authenticator(user, confirmed=False)
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


def enrolment(device):
    """What the enrolment page shows for `device`: its key as a QR code for the phone's camera (inline SVG, so no
    request and nothing for the CSP to allow), and as authenticator apps ask for it when typed (base32, in
    groups of four)."""
    key = device.config_url.split("secret=")[1].split("&")[0]
    qr_code = segno.make(device.config_url, error="m")
    return {
        "qr_code": qr_code.svg_inline(scale=4, title="QR code for your authenticator app"),
        "key": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
    }


def backup_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def new_backup_codes(user):
    """Replaces the account's backup codes with a fresh set, returned once to be shown once."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=BACKUP_CODES_NAME, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def confirm_enrolment(device):
    """The first right code from a new authenticator: it replaces any older one, and backup codes are made."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_backup_codes(device.user)


def turn_off(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def check(user, code, device=None):
    """The device that accepts `code` (a 6-digit code, or a backup code when no `device` is named), else
    CodeRefused. Devices slow down repeated wrong codes (1, 2, 4, 8… seconds)."""
    code = re.sub(r"[\s-]", "", code or "").lower()
    if device is not None:
        candidates = [device]
    else:
        candidates = [d for d in (authenticator(user), StaticDevice.objects.filter(user=user).first()) if d]
    for candidate in candidates:
        allowed, _ = candidate.verify_is_allowed()
        if not allowed:
            raise CodeRefused("Several wrong codes in a row: wait a few seconds, then enter the newest code.")
    # Each device counts its own wrong guesses, but a code is only tried on the kind of device it can belong to.
    for candidate in candidates:
        if isinstance(candidate, TOTPDevice) == code.isdigit() and candidate.verify_token(code):
            return candidate
    raise CodeRefused(
        "That code did not match. Enter the 6-digit code your authenticator app shows now (check the phone's "
        "clock is set automatically), or one of your backup codes."
    )

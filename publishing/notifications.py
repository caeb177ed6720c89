"""Telling the next people in line: a link to the page and what is asked of them, never patient data."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction

logger = logging.getLogger(__name__)


def people_who_may(permission):
    """Active staff with an email address who hold `permission` through a role (superusers are not mailed)."""
    users = get_user_model().objects.with_perm(
        permission, include_superusers=False, backend="django.contrib.auth.backends.ModelBackend"
    )
    return users.filter(is_staff=True).exclude(email="")


def notify(recipients, subject, lines):
    """Send once the change is committed. A mail that cannot be sent is logged; the change stands."""
    addresses = sorted({user.email for user in recipients if user and user.email})
    if not addresses:
        return
    body = "\n\n".join([*lines, f"— {settings.CLINIC_NAME}"])

    def send():
        try:
            send_mail(f"[{settings.CLINIC_NAME}] {subject}", body, None, addresses)
        except Exception:
            logger.exception("Could not send “%s” to %d staff member(s).", subject, len(addresses))

    transaction.on_commit(send)

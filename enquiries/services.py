import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

logger = logging.getLogger(__name__)


def enquiry_submit(form, admin_base_url):
    """Save the enquiry first, then tell staff. A failed email never loses the enquiry."""
    enquiry = form.save(commit=False)
    enquiry.consented_at = timezone.now()
    enquiry.save()
    try:
        enquiry_notify_staff(enquiry, admin_base_url + enquiry.get_admin_url())
    except Exception:
        logger.exception("Enquiry #%s is saved, but the staff notification email could not be sent.", enquiry.pk)
    return enquiry


def enquiry_notify_staff(enquiry, admin_url):
    # No personal or health details: mail passes through servers we do not control.
    send_mail(
        f"New consultation enquiry #{enquiry.pk}",
        f"A new consultation enquiry arrived on {timezone.localtime(enquiry.created_at):%d %B %Y at %H:%M}.\n\n"
        f"Open it in the admin (sign-in required):\n{admin_url}\n\n"
        "For the patient's privacy this email holds no personal details.",
        None,
        [settings.CLINIC_ENQUIRY_NOTIFY_EMAIL],
    )

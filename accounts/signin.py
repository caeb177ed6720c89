"""Who is asking, behind a proxy, and how staff sign-in failures lock out (django-axes).

A lockout applies to a username and an address together, so strangers elsewhere never lock a real
user out; one address trying many usernames is locked out too, at a wider limit
(CLINIC_SIGNIN_ADDRESS_LIMIT). A successful sign-in clears only that username's failures there.
"""

from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.timesince import timeuntil


def client_address(request):
    """The address of the person asking. Behind CLINIC_TRUSTED_PROXIES proxies, each appends the address it
    saw to X-Forwarded-For: the one the outermost proxy appended is the client's; anything before it was
    written by the client and is ignored."""
    proxies = settings.CLINIC_TRUSTED_PROXIES
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


class SignInLockouts(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        together = super().get_failures(request, credentials)  # this username from this address
        since = timezone.now() - (get_cool_off(request) or timedelta(0))
        from_address = (
            AccessAttempt.objects.filter(ip_address=request.axes_ip_address, attempt_time__gte=since)
            .aggregate(total=Sum("failures_since_start"))["total"] or 0
        )
        if from_address >= settings.CLINIC_SIGNIN_ADDRESS_LIMIT:
            return max(together, get_failure_limit(request, credentials))
        return together


def locked_out(request, original_response=None, credentials=None):
    """The lockout page: the clinic's name, and how long, in words."""
    cool_off, now = get_cool_off(request), timezone.now()
    context = {
        **admin.site.each_context(request),
        "title": "Sign-in temporarily locked",
        "duration": timeuntil(now + cool_off, now) if cool_off else "",
    }
    return render(request, "admin/locked_out.html", context, status=429)

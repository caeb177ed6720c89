"""Signing in to the admin in two steps, and each staff member's own second-factor page.

The password step never signs anyone in by itself when a second factor is due: it only remembers, for a few
minutes, who passed it. So there is no half-signed-in session anywhere for other views to trust by mistake.
"""

import time

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model, login
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import FormView
from django_otp import login as otp_login

from . import two_factor
from .forms import CodeForm
from .signin import locked_out

PENDING = "accounts_second_step"
PENDING_SECONDS = 5 * 60
REPLACING = "accounts_replacing_authenticator"


class AdminContextMixin:
    title = ""

    def get_context_data(self, **kwargs):
        return {**admin.site.each_context(self.request), "title": self.title, **super().get_context_data(**kwargs)}


class SignInView(AdminContextMixin, LoginView):
    """The admin's sign-in page (replaces admin.site.login at the same address)."""

    authentication_form = AdminAuthenticationForm
    template_name = "admin/login.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("admin:index")
    title = "Log in"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "app_path": self.request.get_full_path()}

    def form_valid(self, form):
        user = form.get_user()
        if not two_factor.needed(user):
            return super().form_valid(form)
        self.request.session[PENDING] = {
            "user": user.pk, "backend": user.backend, "next": self.get_success_url(), "since": time.time(),
        }
        return redirect("sign-in-code")


@method_decorator(never_cache, name="dispatch")
class SecondStepView(AdminContextMixin, FormView):
    """Step two: a code from the authenticator app or a backup code; or, for an account that has no
    authenticator yet and must have one, adding it (scan, confirm with a code, keep the backup codes)."""

    form_class = CodeForm
    template_name = "accounts/second_step.html"
    title = "Two-factor sign-in"

    def dispatch(self, request, *args, **kwargs):
        pending = request.session.get(PENDING) or {}
        self.user = get_user_model().objects.filter(pk=pending.get("user"), is_active=True, is_staff=True).first()
        if self.user is None or time.time() - pending["since"] > PENDING_SECONDS:
            if request.session.pop(PENDING, None):
                messages.error(request, "That sign-in took longer than 5 minutes: enter your password again.")
            return redirect("admin:login")
        self.pending = pending
        self.credentials = {"username": self.user.get_username()}
        if AxesProxyHandler.is_locked(request, self.credentials):
            request.session.pop(PENDING, None)
            return locked_out(request, credentials=self.credentials)
        self.device = two_factor.authenticator(self.user)
        if self.device is None:
            self.device = two_factor.start_enrolment(self.user)
        return super().dispatch(request, *args, **kwargs)

    @property
    def enrolling(self):
        return not self.device.confirmed

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.enrolling:
            context.update(two_factor.enrolment(self.device))
        return {**context, "enrolling": self.enrolling, "staff_member": self.user}

    def form_valid(self, form):
        try:
            device = two_factor.check(self.user, form.cleaned_data["code"], self.device if self.enrolling else None)
        except two_factor.CodeRefused as refused:
            # A wrong code counts towards the same lockout as a wrong password (username and address together).
            user_login_failed.send(sender=__name__, credentials=self.credentials, request=self.request)
            if getattr(self.request, "axes_locked_out", False):
                self.request.session.pop(PENDING, None)
                return locked_out(self.request, credentials=self.credentials)
            form.add_error("code", str(refused))
            return self.form_invalid(form)
        backup_codes = two_factor.confirm_enrolment(device) if self.enrolling else None
        self.request.session.pop(PENDING)
        login(self.request, self.user, backend=self.pending["backend"])
        otp_login(self.request, device)
        if backup_codes:
            return show_backup_codes(self.request, backup_codes, self.pending["next"])
        return redirect(self.pending["next"])


def show_backup_codes(request, codes, next_url):
    """Shown once, never kept by a cache or the browser's history."""
    context = {**admin.site.each_context(request), "title": "Keep these backup codes", "codes": codes,
               "next_url": next_url}
    response = render(request, "accounts/backup_codes.html", context)
    add_never_cache_headers(response)
    return response


@method_decorator([admin.site.admin_view, never_cache], name="dispatch")
class TwoFactorView(AdminContextMixin, FormView):
    """A staff member's own second factor: turn it on, make new backup codes, move it to a new phone (the old one
    works until the new one is confirmed), or, where the clinic does not require it, turn it off. Every change
    needs a code."""

    form_class = CodeForm
    template_name = "accounts/two_factor.html"
    title = "Two-factor sign-in"

    def dispatch(self, request, *args, **kwargs):
        self.device = two_factor.authenticator(request.user)
        self.enrolling = self.device is None or request.session.get(REPLACING, False)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "keep-old":  # needs no code: it changes nothing
            request.session.pop(REPLACING, None)
            return redirect("two-factor")
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.enrolling:
            context.update(two_factor.enrolment(two_factor.start_enrolment(self.request.user)))
        return {
            **context, "device": self.device, "enrolling": self.enrolling,
            "required": settings.CLINIC_REQUIRE_TWO_FACTOR,
            "backup_codes_left": two_factor.backup_codes_left(self.request.user),
        }

    def form_valid(self, form):
        user, action = self.request.user, self.request.POST.get("action")
        allowed = {"turn-on"} if self.enrolling else {"new-codes", "replace", "turn-off"}
        if settings.CLINIC_REQUIRE_TWO_FACTOR:
            allowed.discard("turn-off")
        if action not in allowed:
            messages.error(self.request, "That change is not available now: the page has been brought up to date.")
            return redirect("two-factor")
        new_device = two_factor.start_enrolment(user) if action == "turn-on" else None
        try:
            device = two_factor.check(user, form.cleaned_data["code"], new_device)
        except two_factor.CodeRefused as refused:
            form.add_error("code", str(refused))
            return self.form_invalid(form)
        if action == "turn-on":
            self.request.session.pop(REPLACING, None)
            codes = two_factor.confirm_enrolment(device)
            otp_login(self.request, device)
            return show_backup_codes(self.request, codes, reverse("admin:index"))
        if action == "new-codes":
            return show_backup_codes(self.request, two_factor.new_backup_codes(user), reverse("admin:index"))
        if action == "replace":
            self.request.session[REPLACING] = True
            messages.info(self.request, "Add your new phone below. Your old phone keeps working until you do.")
        else:
            two_factor.turn_off(user)
            messages.success(self.request, "Two-factor sign-in is off for your account.")
        return redirect("two-factor")

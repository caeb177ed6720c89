from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import two_factor

# django-otp's own device pages would show any account's secret key: staff manage their own second factor on
# their two-factor page, and an administrator can only reset someone's (below).
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)

User = get_user_model()


@admin.action(
    permissions=["reset_two_factor"],
    description="Reset two-factor sign-in (lost phone): a new phone is added at the next sign-in",
)
def reset_two_factor(modeladmin, request, queryset):
    for user in queryset:
        two_factor.turn_off(user)
        modeladmin.log_change(request, user, "Reset two-factor sign-in.")  # shown on the audit page
    messages.success(request, f"Two-factor sign-in reset for {len(queryset)} account(s).")


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    actions = [reset_two_factor]
    list_display = [*UserAdmin.list_display, "two_factor"]

    @admin.display(boolean=True, description="Two-factor")
    def two_factor(self, user):
        return two_factor.authenticator(user) is not None

    def has_reset_two_factor_permission(self, request):
        # Resetting someone's second factor is for superusers only, whatever else an account may change.
        return request.user.is_superuser

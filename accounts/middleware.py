from django.contrib.auth import logout

from . import two_factor


class TwoFactorMiddleware:
    """Ends a staff session that never passed the second step although the account needs one: sessions from
    before the clinic required it, or from before the account added an authenticator."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.is_staff and not user.is_verified() and two_factor.needed(user):
            logout(request)
        return self.get_response(request)

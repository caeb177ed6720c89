from django.contrib.auth import logout
from django.contrib.sessions import middleware as sessions
from django.utils.cache import patch_vary_headers

from . import two_factor


class SessionMiddleware(sessions.SessionMiddleware):
    """Django's, except that a request carrying a session the server no longer has (the one a sign-in just
    replaced, sent by a request still in flight: the favicon, another tab) leaves the browser's cookie alone.
    Django would answer it by deleting the cookie, which by then is the new session's: signed out at once.
    Signing out still deletes it (that session was changed, not merely missing)."""

    def process_response(self, request, response):
        session = getattr(request, "session", None)
        if session is not None and session.is_empty() and not session.modified:
            if session.accessed:
                patch_vary_headers(response, ("Cookie",))
            return response
        return super().process_response(request, response)


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

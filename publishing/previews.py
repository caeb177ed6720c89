"""Shareable preview links: each shows the version of a page it was made for (its draft, for a live
page), to whoever holds it, until it expires, is revoked, or the page is deleted."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import transaction
from django.http import Http404
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from . import drafts
from .models import PreviewLink
from .views import PublishableDetailView

SALT = "publishing.preview-link"
# The links a browser has opened, so the images they show load too (publishing.media): sent with image requests only.
COOKIE = "clinic_previews"
COOKIE_SALT = "publishing.previews-shown"
REMEMBERED = 10


class Shown(Exception):
    """Rolls back the version put in place to show a preview, carrying the rendered page."""

    def __init__(self, response):
        self.response = response


def create_preview_link(page, user):
    """A link to `page` as it is now: its working draft if it has one, otherwise the page itself."""
    draft = drafts.draft_of(page)
    children = drafts.child_models(type(page))
    data = draft.data if draft else drafts.snapshot(page, children, drafts.live_keys(page, children))[0]
    return PreviewLink.objects.create(
        content_type=ContentType.objects.get_for_model(page), object_id=page.pk, data=data, created_by=user
    )


def preview_url(link):
    return reverse("preview", kwargs={"token": signing.TimestampSigner(salt=SALT).sign(str(link.pk))})


def link_from_token(token):
    """The active link a valid token names; Http404 for anything else, revealing nothing."""
    try:
        pk = int(signing.TimestampSigner(salt=SALT).unsign(token, max_age=max_age_seconds()))
    except (signing.BadSignature, ValueError) as error:
        raise Http404("No such preview.") from error
    link = PreviewLink.objects.filter(pk=pk).select_related("content_type").first()
    # The link itself must be active too: the form signs its address afresh each time it is shown.
    page = None
    if link and link.is_active():
        page = link.content_type.model_class().objects.filter(pk=link.object_id).first()
    if page is None:  # revoked, expired, or the page was deleted
        raise Http404("No such preview.")
    return link, page


def preview(request, token):
    link, page = link_from_token(token)
    try:
        with transaction.atomic():
            drafts.apply(link, page, drafts.child_models(type(page)))
            page.refresh_from_db()
            raise Shown(render_preview(request, page))
    except Shown as shown:
        return remember_link(request, shown.response, link)


def max_age_seconds():
    return settings.CLINIC_PREVIEW_MAX_AGE_DAYS * 24 * 60 * 60


def link_keys(request):
    value = request.get_signed_cookie(COOKIE, default="", salt=COOKIE_SALT, max_age=max_age_seconds())
    return [int(key) for key in value.split(".") if key.isdigit()]


def remember_link(request, response, link):
    keys = [link.pk, *(key for key in link_keys(request) if key != link.pk)][:REMEMBERED]
    response.set_signed_cookie(
        COOKIE, ".".join(map(str, keys)), salt=COOKIE_SALT, max_age=max_age_seconds(), path=settings.MEDIA_URL,
        secure=settings.SESSION_COOKIE_SECURE, httponly=True, samesite="Lax",
    )
    return response


def links_shown(request):
    """The preview links this browser opened that still work (revoked, expired and deleted pages' links do not)."""
    if not (keys := link_keys(request)):
        return PreviewLink.objects.none()
    made_since = timezone.now() - timedelta(seconds=max_age_seconds())
    return PreviewLink.objects.filter(pk__in=keys, revoked_at=None, created_at__gt=made_since)


def render_preview(request, page):
    """The page's own public view (found from its address), showing the page whatever its state."""
    try:
        match = resolve(page.get_absolute_url())
    except Resolver404 as error:
        raise Http404("No such preview.") from error
    view_class = getattr(match.func, "view_class", None)
    if view_class is None or not issubclass(view_class, PublishableDetailView):
        raise Http404("No such preview.")
    response = view_class.as_view(shared_preview=page)(request, *match.args, **match.kwargs)
    return response.render()

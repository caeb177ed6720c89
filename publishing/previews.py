"""Shareable preview links: signed, expiring, showing the current draft to whoever holds the link."""

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.urls import Resolver404, resolve, reverse

from .models import Publishable
from .views import PublishableDetailView

SALT = "clinic_site.preview"  # kept from before the move to this app, so links already shared still work


def preview_url(page):
    token = signing.TimestampSigner(salt=SALT).sign(f"{page._meta.label_lower}:{page.pk}")
    return reverse("preview", kwargs={"token": token})


def page_from_token(token):
    """The page a valid, unexpired token names; Http404 for anything else, revealing nothing."""
    max_age = settings.CLINIC_PREVIEW_MAX_AGE_DAYS * 24 * 60 * 60
    try:
        label, pk = signing.TimestampSigner(salt=SALT).unsign(token, max_age=max_age).rsplit(":", 1)
        model = apps.get_model(label)
        if not issubclass(model, Publishable):
            raise LookupError(label)
        return model.objects.get(pk=pk)
    except (signing.BadSignature, ValueError, LookupError, ObjectDoesNotExist) as error:
        raise Http404("No such preview.") from error


def preview(request, token):
    return render_preview(request, page_from_token(token))


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

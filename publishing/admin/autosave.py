"""Page forms keep what staff type on the server every few seconds (static/js/admin-autosave.js)."""

import json

from django.conf import settings
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, JsonResponse
from django.urls import reverse

from ..models import Autosave

AUTOSAVE_MAX_BYTES = 2_000_000  # far beyond any page; refuses a flood


class AutosaveMixin:
    """For PublishableAdmin: keep, offer back and discard what was typed."""

    def autosaves(self, request):
        content_type = ContentType.objects.get_for_model(self.model)
        return Autosave.objects.filter(user=request.user, content_type=content_type)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        page = obj if obj is not None and obj.pk else None
        editable = self.has_change_permission(request, page) if page else self.has_add_permission(request)
        if editable and not context.get("revert") and not context.get("recover"):
            # Staff never lose typing: the form sends it every few seconds (static/js/admin-autosave.js).
            saved = self.autosaves(request).filter(object_id=page.pk if page else 0).first()
            if saved and page and saved.saved_at <= page.updated_at:
                saved = None  # the page was saved since
            context.update({
                "autosave_url": reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_autosave", args=[page.pk if page else "new"]
                ),
                "autosave_key": f"{self.opts.label_lower}:{page.pk if page else 'new'}:{request.user.pk}",
                "autosave_data": {"fields": saved.fields, "saved_at": saved.saved_at.isoformat()} if saved else None,
                "page_saved_at": page.updated_at.isoformat() if page else "",
                "autosave_seconds": settings.CLINIC_AUTOSAVE_SECONDS,
            })
        return super().render_change_form(request, context, add, change, form_url, obj)

    def autosave_view(self, request, object_id):
        """Keep what this person has typed into the page's form (JSON: {"fields": {name: [values]}})."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        page = None if object_id == "new" else self.get_object(request, unquote(object_id))
        if object_id != "new" and page is None:
            return JsonResponse({"error": "This page no longer exists."}, status=404)
        if not (self.has_change_permission(request, page) if page else self.has_add_permission(request)):
            raise PermissionDenied
        if len(request.body) > AUTOSAVE_MAX_BYTES:
            return JsonResponse({"error": "Too much text to keep automatically: save the page."}, status=413)
        try:
            fields = json.loads(request.body)["fields"]
            if not all(isinstance(name, str) and isinstance(values, list) and all(isinstance(v, str) for v in values)
                       for name, values in fields.items()):
                raise ValueError
        except (ValueError, KeyError, TypeError, AttributeError):
            return JsonResponse({"error": "Expected {\"fields\": {name: [values]}}."}, status=400)
        saved, _ = Autosave.objects.update_or_create(
            user=request.user, content_type=ContentType.objects.get_for_model(self.model),
            object_id=page.pk if page else 0, defaults={"fields": fields},
        )
        return JsonResponse({"saved_at": saved.saved_at.isoformat()})

"""Image upload for CKEditor 5, replacing the package's view: staff with content rights only, images only."""

import uuid

from django import forms
from django.conf import settings
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.views.decorators.http import require_POST

# Pillow format name -> file extension we store.
ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
CONTENT_PERMISSIONS = ("articles.change_article", "treatments.change_treatment")


class EditorImageForm(forms.Form):
    upload = forms.ImageField(
        error_messages={
            "required": "Choose an image file to upload.",
            "invalid_image": "That file is not an image we can read. Upload a JPEG, PNG or WebP photo.",
        }
    )

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        limit = settings.CKEDITOR_5_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"The image is {filesizeformat(upload.size)}; the limit is {filesizeformat(limit)}. "
                "Export it smaller and try again."
            )
        # Judged by decoding the file (Django's ImageField did), never by its name.
        if upload.image.format not in ACCEPTED_FORMATS:
            raise forms.ValidationError(
                f"{upload.image.format} images are not accepted. Upload a JPEG, PNG or WebP image."
            )
        return upload


def user_may_upload(user):
    return user.is_active and user.is_staff and any(user.has_perm(perm) for perm in CONTENT_PERMISSIONS)


@require_POST
def editor_image_upload(request):
    if not user_may_upload(request.user):
        return JsonResponse(
            {"error": {"message": "Only signed-in staff who edit content can upload images."}}, status=403
        )
    form = EditorImageForm(files=request.FILES)
    if not form.is_valid():
        return JsonResponse({"error": {"message": form.errors["upload"][0]}}, status=400)
    upload = form.cleaned_data["upload"]
    extension = ACCEPTED_FORMATS[upload.image.format]
    name = default_storage.save(f"editor/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}", upload)
    return JsonResponse({"url": default_storage.url(name)})

"""Image upload for CKEditor 5, replacing the package's view: staff with content rights only, through the
same pipeline as every other image (validated by content, metadata stripped, renditions made)."""

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from images.models import Image
from images.pipeline import validate_image

from .models import page_types


def user_may_upload(user):
    return user.is_active and user.is_staff and any(
        user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}") for model in page_types()
    )


def error(message, status):
    return JsonResponse({"error": {"message": message}}, status=status)


@require_POST
def editor_image_upload(request):
    if not user_may_upload(request.user):
        return error("Only signed-in staff who edit content can upload images.", 403)
    upload = request.FILES.get("upload")
    if upload is None:
        return error("Choose an image file to upload.", 400)
    try:
        validate_image(upload)
    except ValidationError as invalid:
        return error(invalid.messages[0], 400)
    # Into the library, to be reused; its text alternative is set in the editor, as the page shows it.
    image = Image(uploaded_by=request.user, title=PurePosixPath(upload.name).stem[:200])
    image.file.save(upload.name, upload, save=False)
    image.save()
    return JsonResponse({"url": image.file.url})

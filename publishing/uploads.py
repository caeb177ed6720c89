"""Image upload for CKEditor 5, replacing the package's view: staff with content rights only, through the
same pipeline as every other image (validated by content, metadata stripped, renditions made)."""

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from images.pipeline import clean_image, make_renditions, random_name, validate_image

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
    content, extension, prepared = clean_image(upload)
    name = default_storage.save(f"editor/{timezone.now():%Y/%m}/{random_name(extension)}", content)
    make_renditions(default_storage, name, prepared)
    return JsonResponse({"url": default_storage.url(name)})

"""One pipeline for every image: validate, strip metadata, and make responsive renditions once, on save.

Pages never process images: templates compute rendition addresses from the stored name and size.
"""

from io import BytesIO
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow format -> (file extension, save options) for what we accept.
FORMATS = {
    "JPEG": ("jpg", {"quality": 85, "optimize": True, "progressive": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 82, "method": 4}),
}
WEBP_OPTIONS = {"quality": 80, "method": 4}
RENDITIONS_DIR = "renditions"
ACCEPTED = "Upload a JPEG, PNG or WebP photo."


def validate_image(upload):
    """Refuse anything but a plain JPEG, PNG or WebP within the size and pixel limits, judged by its content."""
    limit = settings.CLINIC_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            f"The file is {filesizeformat(upload.size)}; the limit is {filesizeformat(limit)}. "
            "Export the image smaller and try again.",
            code="too_large",
        )
    upload.seek(0)
    try:
        with Image.open(upload) as image:  # reads the header only
            if image.format not in FORMATS:
                raise ValidationError(f"{image.format} files are not accepted. {ACCEPTED}", code="format")
            pixels = image.width * image.height
            if pixels > settings.CLINIC_MAX_IMAGE_PIXELS:
                raise ValidationError(
                    f"The image is {image.width}×{image.height} pixels ({pixels / 1e6:.0f} megapixels); the limit is "
                    f"{settings.CLINIC_MAX_IMAGE_PIXELS / 1e6:.0f} megapixels. Resize it and try again.",
                    code="too_many_pixels",
                )
            image.load()  # now decode fully: catches truncated and corrupt files
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:
        raise ValidationError(
            f"The image declares far more pixels than the limit of "
            f"{settings.CLINIC_MAX_IMAGE_PIXELS / 1e6:.0f} megapixels. Resize it and try again.",
            code="too_many_pixels",
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            f"That file is not an image we can read (it may be damaged or of another kind). {ACCEPTED}",
            code="invalid",
        ) from error
    finally:
        upload.seek(0)


def encode(image, format, **options):
    buffer = BytesIO()
    image.save(buffer, format=format, **options)
    return buffer.getvalue()


def clean_image(upload):
    """The image turned upright by its EXIF orientation and re-encoded with no metadata (EXIF, GPS, XMP,
    comments); only the colour profile is kept. Returns (content, extension)."""
    upload.seek(0)
    with Image.open(upload) as original:
        format = original.format
        image = ImageOps.exif_transpose(original)
        icc_profile = original.info.get("icc_profile")
    image.info = {}
    if format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    extension, options = FORMATS[format]
    if icc_profile:
        options = {**options, "icc_profile": icc_profile}
    return ContentFile(encode(image, format, **options)), extension


def rendition_widths(width):
    """Widths to offer for an image `width` pixels wide: the configured ones below it, and its own."""
    return [w for w in settings.CLINIC_IMAGE_WIDTHS if w < width] + [width]


def rendition_name(name, width, extension):
    stem = name.rpartition(".")[0]
    return f"{RENDITIONS_DIR}/{stem}-{width}.{extension}"


def make_renditions(storage, name):
    """Write every rendition of the stored image `name`: WebP at each width, and the original format below
    full size. Returns (width, height) of the original."""
    with storage.open(name, "rb") as file, Image.open(file) as original:
        original.load()
        format = original.format
        size = original.size
    extension, options = FORMATS[format]
    for width in rendition_widths(size[0]):
        height = round(size[1] * width / size[0])
        resized = original if width == size[0] else original.resize((width, height), Image.Resampling.LANCZOS)
        outputs = [("webp", "WEBP", WEBP_OPTIONS)]
        if width != size[0]:
            outputs.append((extension, format, options))
        for ext, fmt, opts in outputs:
            target = rendition_name(name, width, ext)
            if storage.exists(target):
                storage.delete(target)
            storage.save(target, ContentFile(encode(resized, fmt, **opts)))
    return size


def srcset(storage, name, width, extension):
    """The srcset of stored image `name` in `extension` ("webp", or the original's own for the fallback).
    Built from the storage's base address alone: pages touch neither files nor Pillow."""
    base = storage.url("")
    return ", ".join(
        f"{base}{quote(name if w == width and extension != 'webp' else rendition_name(name, w, extension))} {w}w"
        for w in rendition_widths(width)
    )

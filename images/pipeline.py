"""One pipeline for every image: validate, strip metadata, and make responsive renditions once, on save.

Pages never process images: templates compute rendition addresses from the stored name and size.
"""

import secrets
from dataclasses import dataclass
from io import BytesIO
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# Pillow format -> (file extension, save options) for what we accept.
FORMATS = {
    "JPEG": ("jpg", {"quality": 85, "optimize": True, "progressive": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 82, "method": 4}),
}
WEBP_OPTIONS = {"quality": 80, "method": 4}
RENDITIONS_DIR = "renditions"
ACCEPTED = "Upload a JPEG, PNG or WebP photo."


WEBP_MAX_SIDE = 16383  # the largest side WebP can hold
MAX_ASPECT_RATIO = 20  # beyond 20:1 a "photo" is a banner or a strip, and its renditions would be slivers


@dataclass
class PreparedImage:
    """An upload decoded once: upright, in RGB (or grey, or with transparency for PNG and WebP), no larger
    than pages need, with the format it is stored in."""

    image: Image.Image
    format: str

    @property
    def size(self):
        return self.image.size


def too_big(upload):
    limit = settings.CLINIC_MAX_UPLOAD_BYTES
    return ValidationError(
        f"The file is {filesizeformat(upload.size)}; the limit is {filesizeformat(limit)}. "
        "Export the image smaller and try again.",
        code="too_large",
    )


def too_many_pixels(width, height):
    pixels = width * height
    return ValidationError(
        f"The image is {width}×{height} pixels ({pixels / 1e6:.0f} megapixels); the limit is "
        f"{settings.CLINIC_MAX_IMAGE_PIXELS / 1e6:.0f} megapixels. Resize it and try again.",
        code="too_many_pixels",
    )


def prepare_image(upload):
    """Check an upload by its content and decode it once, for its checks, the stored copy and every rendition.
    Refuses anything but a JPEG (camera multi-picture JPEGs give their first picture), PNG or WebP within the
    size and pixel limits, and damaged files, each with a message saying what to do. A JPEG is decoded at a
    reduced scale when that still covers the largest size kept, which saves most of the time and memory."""
    if upload.size > settings.CLINIC_MAX_UPLOAD_BYTES:
        raise too_big(upload)
    upload.seek(0)
    try:
        with Image.open(upload) as opened:  # reads the header only
            format = "JPEG" if opened.format == "MPO" else opened.format
            if format not in FORMATS:
                raise ValidationError(f"{opened.format} files are not accepted. {ACCEPTED}", code="format")
            if opened.width * opened.height > settings.CLINIC_MAX_IMAGE_PIXELS:
                raise too_many_pixels(opened.width, opened.height)
            if max(opened.size) / max(1, min(opened.size)) > MAX_ASPECT_RATIO:
                raise ValidationError(
                    f"The image is {opened.width}×{opened.height} pixels: more than {MAX_ASPECT_RATIO} times as "
                    "long as it is wide. Crop it to the part that matters and try again.",
                    code="aspect_ratio",
                )
            largest = settings.CLINIC_MAX_IMAGE_WIDTH
            if format == "JPEG":
                opened.draft(opened.mode, (largest, largest))  # decode at 1/2, 1/4 or 1/8 scale when that is enough
            opened.load()  # decodes: damaged and truncated files fail here
            icc_profile = opened.info.get("icc_profile")
            image = ImageOps.exif_transpose(opened)
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
    image = in_srgb(image, icc_profile, format)
    image.info = {}  # no metadata is kept: EXIF, GPS, XMP, comments
    return PreparedImage(fit(image, settings.CLINIC_MAX_IMAGE_WIDTH), format)


def in_srgb(image, icc_profile, format):
    """Colours as browsers assume them (sRGB, so no profile needs keeping): a CMYK print file or a wide-gamut
    photo (Display P3) converted through its own profile, palette and other modes turned into what the stored
    format holds."""
    if icc_profile and image.mode in ("CMYK", "RGB", "RGBA"):
        try:
            source = ImageCms.ImageCmsProfile(BytesIO(icc_profile))
            if image.mode == "CMYK" or "srgb" not in ImageCms.getProfileDescription(source).lower():
                output = "RGBA" if image.mode == "RGBA" else "RGB"
                return ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=output)
        except (ImageCms.PyCMSError, OSError):
            pass  # a broken profile: the plain conversion below
    if image.mode == "CMYK":
        return image.convert("RGB")
    if format != "JPEG" and ("transparency" in image.info or image.mode in ("RGBA", "LA", "PA", "P")):
        # A transparent colour (a logo's background in a PNG's tRNS) becomes real transparency: the stored copy
        # keeps no metadata, so it would otherwise show as a solid colour.
        return image if image.mode == "RGBA" else image.convert("RGBA")
    if image.mode in ("RGB", "L"):
        return image
    return image.convert("RGB")


def fit(image, largest_width):
    """No wider than pages need, and within what WebP can hold."""
    width, height = image.size
    scale = min(1, largest_width / width, WEBP_MAX_SIDE / height)
    if scale == 1:
        return image
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def validate_image(upload):
    """Refuse what prepare_image() refuses; the decoded image is kept on the upload for saving it."""
    upload.prepared = prepare_image(upload)


def encode(image, format, **options):
    buffer = BytesIO()
    image.save(buffer, format=format, **options)
    return buffer.getvalue()


def clean_image(upload):
    """The stored copy of an upload: upright, no metadata, in sRGB, no larger than pages need (decoded once:
    the checks' decoding is reused). Returns (content, extension, prepared image)."""
    prepared = getattr(upload, "prepared", None) or prepare_image(upload)
    extension, options = FORMATS[prepared.format]
    return ContentFile(encode(prepared.image, prepared.format, **options)), extension, prepared


def random_name(extension):
    """Stored names say nothing about the photo or the camera (IMG_0001.jpg), and never collide."""
    return f"{secrets.token_hex(12)}.{extension}"


def rendition_widths(width):
    """Widths to offer for an image `width` pixels wide: the configured ones below it, and its own."""
    return [w for w in settings.CLINIC_IMAGE_WIDTHS if w < width] + [width]


def rendition_name(name, width, extension):
    stem = name.rpartition(".")[0]
    return f"{RENDITIONS_DIR}/{stem}-{width}.{extension}"


def make_renditions(storage, name, prepared=None):
    """Write every rendition of the stored image `name`: WebP at each width, and the original format below
    full size, from the image already decoded when there is one. Returns (width, height) of the original."""
    if prepared is None:
        with storage.open(name, "rb") as file, Image.open(file) as stored:
            stored.load()
            return make_renditions(storage, name, PreparedImage(stored, stored.format))
    original, size = prepared.image, prepared.size
    extension, options = FORMATS[prepared.format]
    smaller = original
    for width in sorted(rendition_widths(size[0]), reverse=True):  # each from the one above: quicker, as sharp
        height = max(1, round(size[1] * width / size[0]))
        if width != size[0]:
            smaller = smaller.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        outputs = [("webp", "WEBP", WEBP_OPTIONS)]
        if width != size[0]:
            outputs.append((extension, prepared.format, options))
        for ext, fmt, opts in outputs:
            target = rendition_name(name, width, ext)
            if storage.exists(target):
                storage.delete(target)
            storage.save(target, ContentFile(encode(smaller, fmt, **opts)))
    return size


SHARE_SIZE = (1200, 630)  # what social networks show best


def crop_name(name, focal_x, focal_y, size):
    """A crop's name says its focal point: a new focal point is a new address, which caches and social networks
    fetch afresh."""
    stem = name.rpartition(".")[0]
    return f"{RENDITIONS_DIR}/{stem}-crop{focal_x}x{focal_y}-{size[0]}x{size[1]}.jpg"


def crop_box(width, height, focal_x, focal_y, size):
    """The largest box of `size`'s shape inside a `width`×`height` image, centred on the focal point (percent) as
    far as the edges allow."""
    ratio = size[0] / size[1]
    box_w, box_h = (width, width / ratio) if width / height <= ratio else (height * ratio, height)
    left = min(max(width * focal_x / 100 - box_w / 2, 0), width - box_w)
    top = min(max(height * focal_y / 100 - box_h / 2, 0), height - box_h)
    return round(left), round(top), round(left + box_w), round(top + box_h)


def make_crop(storage, name, focal_x, focal_y, size):
    """Write the JPEG crop of stored image `name` of exactly `size` around the focal point (a small image is
    enlarged: share cards are shown at this size anyway)."""
    with storage.open(name, "rb") as file, Image.open(file) as stored:
        stored.load()
        image = stored.convert("RGBA") if stored.mode in ("RGBA", "LA", "P") else stored.convert("RGB")
    if image.mode == "RGBA":  # JPEG holds no transparency: on white, as the page shows it
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        image = background
    box = crop_box(*image.size, focal_x, focal_y, size)
    crop = image.resize(size, Image.Resampling.LANCZOS, box=box, reducing_gap=3.0)
    target = crop_name(name, focal_x, focal_y, size)
    if storage.exists(target):
        storage.delete(target)
    storage.save(target, ContentFile(encode(crop, "JPEG", **FORMATS["JPEG"][1])))
    return target


def srcset(storage, name, width, extension):
    """The srcset of stored image `name` in `extension` ("webp", or the original's own for the fallback).
    Built from the storage's base address alone: pages touch neither files nor Pillow."""
    base = storage.url("")
    return ", ".join(
        f"{base}{quote(name if w == width and extension != 'webp' else rendition_name(name, w, extension))} {w}w"
        for w in rendition_widths(width)
    )

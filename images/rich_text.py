"""Images inside rich-text bodies: the same alt rules and responsive renditions as everywhere else."""

import re
from urllib.parse import unquote

from django.conf import settings
from django.core.files.storage import default_storage
from PIL import Image, UnidentifiedImageError

from .alt_text import alt_text_problem
from .pipeline import make_renditions, rendition_name, rendition_widths, srcset

IMG_TAG = re.compile(r"<img\b([^>]*)>")
ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')
BODY_SIZES = "(min-width: 48rem) 42rem, 100vw"


def body_image_problems(html):
    """Messages for images in sanitised `html` that lack a text alternative or have a poor one."""
    problems = []
    for number, match in enumerate(IMG_TAG.finditer(html or ""), start=1):
        attributes = dict(ATTRIBUTE.findall(match.group(1)))
        if "alt" not in attributes:
            problems.append(
                f"Image {number} has no text alternative. Select it in the editor, choose “Change image text "
                "alternative”, and describe it (or leave it empty only if it is purely decorative)."
            )
        elif problem := alt_text_problem(attributes["alt"]):
            problems.append(f"Image {number}: {problem}")
        src = attributes.get("src", "")
        if src.startswith(settings.MEDIA_URL) and uploaded_image(src) is None:
            problems.append(
                f"Image {number} points at {src}, which is not an uploaded image. Delete it and insert the "
                "picture again with “Insert image”."
            )
    return problems


def stored_name(src):
    """The stored name `src` points at ("" for an address elsewhere)."""
    for base in (settings.MEDIA_URL, default_storage.url("")):
        if src.startswith(base):
            return unquote(src.removeprefix(base))
    return ""


def body_image_names(html):
    """Stored names of the uploaded images in `html` (their renditions are named after them)."""
    sources = (dict(ATTRIBUTE.findall(match.group(1))).get("src", "") for match in IMG_TAG.finditer(html or ""))
    return {name for name in map(stored_name, sources) if name}


def uploaded_image(src):
    """(stored name, width, height) of the uploaded image `src` points at, or None (elsewhere, missing, or not
    an image)."""
    name = stored_name(src)
    if not name or name.endswith("/") or ".." in name.split("/") or not default_storage.exists(name):
        return None
    try:
        with default_storage.open(name, "rb") as file, Image.open(file) as image:
            return (name, *image.size)
    except (OSError, UnidentifiedImageError):  # a folder, or not an image
        return None


def with_renditions(html):
    """`html` with each uploaded image given width, height, srcset, sizes and lazy loading (made at save time)."""

    def rewrite(match):
        attributes = dict(ATTRIBUTE.findall(match.group(1)))
        image = uploaded_image(attributes.get("src", ""))
        if image is None:
            return match.group(0)
        name, width, height = image
        if not default_storage.exists(rendition_name(name, rendition_widths(width)[0], "webp")):
            make_renditions(default_storage, name)
        attributes.update(
            width=str(width),
            height=str(height),
            srcset=srcset(default_storage, name, width, "webp"),
            sizes=BODY_SIZES,
            loading="lazy",
            decoding="async",
        )
        return "<img " + " ".join(f'{key}="{value}"' for key, value in attributes.items()) + ">"

    return IMG_TAG.sub(rewrite, html or "")

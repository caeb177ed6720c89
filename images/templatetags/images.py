from functools import lru_cache

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from images.pipeline import srcset

register = template.Library()


@register.simple_tag
def picture(file, width, height, alt, sizes="100vw", priority=False, css_class=""):
    """A <picture> with WebP and original-format srcsets, width and height; lazy unless `priority` (the hero)."""
    if not file or not width:
        return ""
    return picture_html(
        file.storage, file.storage.url(""), tuple(settings.CLINIC_IMAGE_WIDTHS), file.name, width, height, alt, sizes,
        priority, css_class,
    )


@register.simple_tag
def library_picture(image, alt, sizes="100vw", priority=False):
    """A library image's <picture>, cropped by the browser (site.css) around its focal point."""
    if not image:
        return ""
    return picture(image.file, image.width, image.height, alt, sizes, priority, image.focal_class)


@lru_cache(maxsize=4096)
def picture_html(storage, base_url, widths, name, width, height, alt, sizes, priority, css_class=""):
    """The same image on a page, a list and a card is written once: the markup depends on nothing else (the
    storage's address and the configured widths are part of the key)."""
    extension = name.rsplit(".", 1)[-1].lower()
    loading = mark_safe(' fetchpriority="high"' if priority else ' loading="lazy"')
    if css_class:
        loading = format_html('{} class="{}"', loading, css_class)
    img = format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" decoding="async"{}>',
        storage.url(name), srcset(storage, name, width, extension), sizes, width, height,
        alt, loading,
    )
    if extension == "webp":
        return format_html("<picture>{}</picture>", img)
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">{}</picture>',
        srcset(storage, name, width, "webp"), sizes, img,
    )

"""The image library: every uploaded picture once, with its description and focal point, reused by any page."""

import html
from pathlib import PurePosixPath
from urllib.parse import quote

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q

from .alt_text import alt_text_problem
from .fields import CleanImageField
from .pipeline import SHARE_SIZE, crop_name, make_crop, rendition_name, rendition_widths
from .rich_text import ATTRIBUTE, IMG_TAG, stored_name
from .storage import crops_of, public_storage

# Functions (image) -> [(page, how)] for uses the library cannot see in rows (a page's working draft, kept by
# publishing, which appends one when it starts: pages build on the library, not the other way round).
usage_finders = []
# Uses that no database constraint protects: an image with one is not deleted either (ImageAdmin).
UNPROTECTED_USES = ("in the text", "in its unpublished changes")

# Focal classes come in steps of this many percent (site.css has one rule per step: the public pages' Content
# Security Policy allows no inline style).
FOCAL_STEP = 5


def choosing_fields(model):
    """`model`'s fields choosing a library image (a page's hero and share images)."""
    return [field.name for field in model._meta.concrete_fields
            if field.many_to_one and field.related_model is Image]


def image_users():
    """Models that show library images: through fields choosing one, or in rich text (`rich_text_fields`: page
    types). Found, not imported: pages build on the library, not the other way round."""
    return [model for model in apps.get_models() if choosing_fields(model) or getattr(model, "rich_text_fields", ())]


def chooses_or_shows(model, pk, name):
    """The condition for rows of `model` choosing the image `pk`, or showing `name` in their rich text."""
    condition = Q(pk__in=[])
    for field in choosing_fields(model):
        condition |= Q(**{field: pk})
    for field in getattr(model, "rich_text_fields", ()):
        condition |= Q(**{f"{field}__contains": name})
    return condition


class ImageQuerySet(models.QuerySet):
    def describe_from(self, text):
        """Library images inserted in `html` without a description get the one written in the editor (an upload's
        text alternative is set there, after the upload). `text` is sanitised HTML."""
        for tag in IMG_TAG.finditer(text or ""):
            attributes = dict(ATTRIBUTE.findall(tag.group(1)))
            if (alt := attributes.get("alt", "").strip()) and (name := stored_name(attributes.get("src", ""))):
                self.filter(file=name, alt_text="", decorative=False).update(alt_text=html.unescape(alt)[:200])

    def used(self):
        return self.filter(self.use_condition())

    def unused(self):
        return self.exclude(self.use_condition())

    def use_condition(self):
        condition = Q(pk__in=[])
        for model in image_users():
            rows = model._default_manager.filter(chooses_or_shows(model, OuterRef("pk"), OuterRef("file")))
            condition |= Q(Exists(rows))
        return condition

    def shown_publicly(self):
        """Images a page patients may see chooses (a live page's hero or share image: publishing.media gives them a
        public copy; images in a live page's text are found through the page)."""
        condition = Q(pk__in=[])
        for model in image_users():
            shown = model._default_manager.all()
            if hasattr(shown, "shown_publicly"):
                for field in choosing_fields(model):
                    condition |= Q(pk__in=shown.shown_publicly().values(field))
        return self.filter(condition)

    def search(self, words):
        for word in words.split():
            self = self.filter(Q(title__icontains=word) | Q(alt_text__icontains=word))
        return self


class Image(models.Model):
    file = CleanImageField(
        upload_to="library/%Y/%m/", width_field="width", height_field="height",
        help_text="JPEG, PNG or WebP. Location and camera data are removed; the file stays private until a live "
        "page shows it.",
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    title = models.CharField(
        max_length=200, blank=True,
        help_text="For finding the image in the library (patients do not see it). Filled in from the alt text or "
        "the file's name if left empty.",
    )
    alt_text = models.CharField(
        "alt text", max_length=200, blank=True,
        help_text="What the image shows, for people who cannot see it. Used wherever the image is shown, unless a "
        "page gives its own.",
    )
    decorative = models.BooleanField(
        default=False, help_text="Tick only if the image adds nothing to any text (screen readers then skip it)."
    )
    focal_x = models.PositiveSmallIntegerField(
        "focal point across (%)", default=50, validators=[MaxValueValidator(100)],
        help_text="0 is the left edge, 100 the right. Click the image to set it.",
    )
    focal_y = models.PositiveSmallIntegerField(
        "focal point down (%)", default=50, validators=[MaxValueValidator(100)],
        help_text="0 is the top edge, 100 the bottom.",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(focal_x__lte=100, focal_y__lte=100), name="image_focal_in_image")
        ]

    def __str__(self):
        return self.title or f"Image {self.pk}"

    def save(self, *args, **kwargs):
        if not self.title:
            self.title = (self.alt_text or PurePosixPath(self.file.name or "").stem)[:200]
        super().save(*args, **kwargs)
        if self.file and not default_storage.exists(self.share_crop_name()):
            self.make_share_crop()

    def clean(self):
        super().clean()
        if self.decorative:
            return
        if not self.alt_text.strip():
            raise ValidationError({
                "alt_text": "Describe the image for people who cannot see it, or tick “decorative” if it adds nothing."
            })
        if problem := alt_text_problem(self.alt_text):
            raise ValidationError({"alt_text": problem})

    # Crops. Cards and the hero are cropped by the browser (object-fit) around the focal point; the share image is a
    # real crop, since social networks crop as they like.
    def share_crop_name(self):
        return crop_name(self.file.name, self.focal_x, self.focal_y, SHARE_SIZE)

    def make_share_crop(self):
        """The 1200×630 share crop around the focal point, replacing one made for an earlier focal point."""
        for storage in (default_storage, public_storage()):
            for old in crops_of(storage, self.file.name):
                storage.delete(old)
        make_crop(default_storage, self.file.name, self.focal_x, self.focal_y, SHARE_SIZE)

    @property
    def share_crop_url(self):
        return default_storage.url(self.share_crop_name())

    @property
    def focal_class(self):
        """Classes placing the focal point of a browser-cropped picture (object-position), in FOCAL_STEP steps."""
        def step(value):
            return round(value / FOCAL_STEP) * FOCAL_STEP
        return f"focus-x{step(self.focal_x)} focus-y{step(self.focal_y)}"

    @property
    def thumbnail_url(self):
        """The smallest rendition, made at upload: admin lists and choosers never process images."""
        if not self.file:
            return ""
        return default_storage.url(rendition_name(self.file.name, rendition_widths(self.width)[0], "webp"))

    def usage(self):
        """(page, how) for every page (every row of a model showing library images) showing this image."""
        found = []
        written = {self.file.name, quote(self.file.name)}
        for model in image_users():
            condition = Q(pk__in=[])
            for name in written:
                condition |= chooses_or_shows(model, self.pk, name)
            for page in model._default_manager.filter(condition).order_by("pk"):
                uses = [model._meta.get_field(field).verbose_name for field in choosing_fields(model)
                        if getattr(page, f"{field}_id") == self.pk]
                if any(n in getattr(page, f) for f in getattr(model, "rich_text_fields", ()) for n in written):
                    uses.append("in the text")
                found.append((page, ", ".join(uses)))
        for finder in usage_finders:
            found += finder(self)
        return sorted(found, key=lambda use: str(use[0]))

    def unprotected_usage(self):
        """(page, how) for uses the database cannot protect (the page's text, its working draft): the admin refuses
        to delete the image for them too, or the page would lose its picture."""
        return [(page, uses) for page, uses in self.usage() if any(use in uses for use in UNPROTECTED_USES)]

    def effective_alt(self, override=""):
        return override.strip() or ("" if self.decorative else self.alt_text)

"""Turning the hero and share image files of a page type into library images (articles' and treatments' migrations
`0010`/`0011_image_library`). The files stay where they are: each becomes one library image, however many pages
(or versions in the history) show it."""

import json
from pathlib import PurePosixPath

from django.core.files.storage import default_storage

from .pipeline import SHARE_SIZE, make_crop

# Faces sit in the upper part of most photos: pages cropped them at 30% from the top before focal points existed.
MIGRATED_FOCAL = (50, 30)


class Library:
    """Library images by file name, made on first sight."""

    def __init__(self, apps):
        self.Image = apps.get_model("images", "Image")
        self.by_name = {image.file.name: image for image in self.Image.objects.all()}

    def image(self, name, width, height, alt, decorative):
        if not name:
            return None
        if name not in self.by_name:
            self.by_name[name] = self.Image.objects.create(
                file=name, width=width or 0, height=height or 0, alt_text=alt, decorative=decorative and not alt,
                title=(alt or PurePosixPath(name).stem)[:200], focal_x=MIGRATED_FOCAL[0], focal_y=MIGRATED_FOCAL[1],
            )
            if default_storage.exists(name):  # a file lost before the upgrade has no crop to make
                make_crop(default_storage, name, *MIGRATED_FOCAL, SHARE_SIZE)
        return self.by_name[name]


def files_to_library(app_label, model_name):
    def forwards(apps, schema_editor):
        library = Library(apps)
        model = apps.get_model(app_label, model_name)
        for page in model.objects.order_by("pk"):  # the oldest page describes a shared file
            for use in ("hero_image", "share_image"):
                name = getattr(page, f"{use}_file").name
                decorative = use == "hero_image" and page.hero_image_decorative
                alt = getattr(page, f"{use}_alt")
                image = library.image(name, getattr(page, f"{use}_width"), getattr(page, f"{use}_height"), alt,
                                      decorative)
                setattr(page, use, image)
                if image is not None and image.alt_text == alt:
                    setattr(page, f"{use}_alt", "")  # the library's description serves: editing it there updates this
            model.objects.filter(pk=page.pk).update(
                hero_image=page.hero_image, share_image=page.share_image,
                hero_image_alt=page.hero_image_alt, share_image_alt=page.share_image_alt,
            )
        rewrite_records(apps, library, f"{app_label}.{model_name.lower()}")

    def backwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        for page in model.objects.select_related("hero_image", "share_image"):
            for use in ("hero_image", "share_image"):
                image = getattr(page, use)
                if image is not None:
                    setattr(page, f"{use}_file", image.file.name)
                    setattr(page, f"{use}_width", image.width)
                    setattr(page, f"{use}_height", image.height)
                    setattr(page, f"{use}_alt", getattr(page, f"{use}_alt") or image.alt_text)
            page.save()

    return forwards, backwards


def rewrite_records(apps, library, label):
    """Working drafts, preview links and the history keep pages serialised: their image fields become library
    images too, so a draft publishes, a link shows and a version reverts as before."""
    records = [
        (apps.get_model("publishing", "PageDraft"), "data"),
        (apps.get_model("publishing", "PreviewLink"), "data"),
        (apps.get_model("reversion", "Version"), "serialized_data"),
    ]
    for model, field in records:
        for record in model.objects.filter(**{f"{field}__contains": label}):
            text = getattr(record, field)
            try:
                objects = json.loads(text)
            except ValueError:
                continue
            changed = False
            for obj in objects if isinstance(objects, list) else []:
                fields = obj.get("fields", {})
                if obj.get("model") != label or not isinstance(fields.get("hero_image", 0), str | type(None)):
                    continue
                for use in ("hero_image", "share_image"):
                    name = fields.get(use) or ""
                    image = library.image(name, fields.pop(f"{use}_width", 0), fields.pop(f"{use}_height", 0),
                                          fields.get(f"{use}_alt", ""),
                                          use == "hero_image" and fields.get("hero_image_decorative", False))
                    fields[use] = image.pk if image else None
                changed = True
            if changed:
                model.objects.filter(pk=record.pk).update(**{field: json.dumps(objects)})

from django.apps import apps
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand

from images.fields import CleanImageField
from images.models import Image
from images.pipeline import make_renditions
from images.rich_text import ATTRIBUTE, IMG_TAG, uploaded_image


class Command(BaseCommand):
    help = "Make the responsive renditions of every stored image again (after changing CLINIC_IMAGE_WIDTHS, say)."

    def handle(self, *args, **options):
        done, missing = 0, []
        for storage, name in self.stored_images():
            if not storage.exists(name):
                missing.append(name)
                continue
            make_renditions(storage, name)
            done += 1
        for name in missing:
            self.stderr.write(f"  Missing file, skipped: {name} (restore it from a backup, or remove it from its page)")
        self.stdout.write(self.style.SUCCESS(f"Renditions rebuilt for {done} image(s)."))
        for image in Image.objects.exclude(file=""):  # and the library's share crops, around each focal point
            if default_storage.exists(image.file.name):
                image.make_share_crop()
        call_command("sync_media", replace=True, stdout=self.stdout)  # the public copies of live pages' images too

    def stored_images(self):
        seen = set()
        for model in apps.get_models():
            image_fields = [f for f in model._meta.get_fields() if isinstance(f, CleanImageField)]
            rich_text = getattr(model, "rich_text_fields", ())
            for obj in model._default_manager.all():
                for field in image_fields:
                    file = getattr(obj, field.name)
                    if file and file.name not in seen:
                        seen.add(file.name)
                        yield file.storage, file.name
                for field in rich_text:
                    for match in IMG_TAG.finditer(getattr(obj, field)):
                        src = dict(ATTRIBUTE.findall(match.group(1))).get("src", "")
                        name = (uploaded_image(src) or [None])[0]
                        if name and name not in seen:
                            seen.add(name)
                            yield default_storage, name

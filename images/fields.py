from django import forms
from django.db import models
from django.db.models.fields.files import ImageFieldFile

from .pipeline import clean_image, make_renditions, random_name, validate_image
from .storage import delete_image


def validate_new_upload(file):
    # Files already stored passed this check when they arrived; one checked by the form is not decoded again.
    upload = getattr(file, "file", file)
    if not getattr(file, "_committed", False) and not hasattr(upload, "prepared"):
        validate_image(upload)


class CleanImageFieldFile(ImageFieldFile):
    def save(self, name, content, save=True):
        stored, extension, prepared = clean_image(content)
        super().save(random_name(extension), stored, save=False)
        width, height = make_renditions(self.storage, self.name, prepared)
        # Record the cleaned image's size (turned upright, so maybe not the upload's) before the row is written.
        if self.field.width_field:
            setattr(self.instance, self.field.width_field, width)
        if self.field.height_field:
            setattr(self.instance, self.field.height_field, height)
        if save:
            self.instance.save()

    def delete(self, save=True):
        # Its renditions and public copy go with it.
        if self.name:
            delete_image(self.name)
        super().delete(save=save)


class CleanImageFormField(forms.ImageField):
    def to_python(self, data):
        # Our checks first: size and pixel limits before anything decodes the file.
        if data and hasattr(data, "size"):
            validate_image(data)
        return super().to_python(data)


class CleanImageField(models.ImageField):
    """An ImageField whose uploads are validated by content, stripped of metadata, and given renditions."""

    attr_class = CleanImageFieldFile
    default_validators = [validate_new_upload]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CleanImageFormField, **kwargs})

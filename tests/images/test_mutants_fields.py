"""Image fields (images/fields.py), shown with a clinician's photo: a new file is checked however it arrives, a stored
one is not checked again, an upload is decoded once, saving and deleting carry the row and the renditions with
them. Written for the mutants mutation testing found alive (docs/testing.md)."""

from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory
from PIL import Image

from clinicians.models import Clinician
from images import pipeline
from images.storage import with_renditions
from tests.factories import ClinicianFactory
from tests.imagefiles import image_bytes

pytestmark = pytest.mark.django_db
PhotoForm = modelform_factory(Clinician, fields=["photo"])


def test_a_new_photo_is_checked_even_when_set_without_the_form():
    clinician = ClinicianFactory.build()
    clinician.photo = SimpleUploadedFile("photo.jpg", b"just some text, not a photo")
    with pytest.raises(ValidationError) as refused:
        clinician.full_clean()
    assert "not an image we can read" in str(refused.value.message_dict["photo"])


def test_a_stored_photo_is_not_checked_again_when_the_limits_change(settings):
    clinician = ClinicianFactory()
    clinician.photo.save("photo.png", ContentFile(image_bytes("PNG", (300, 200))))
    settings.CLINIC_MAX_UPLOAD_BYTES = 10  # lowered after the photo arrived
    clinician.full_clean()  # the clinician's page can still be edited


def test_saving_a_photo_keeps_it_with_the_row_and_decodes_it_once():
    clinician = ClinicianFactory()
    with mock.patch.object(Image, "open", wraps=Image.open) as opened:
        clinician.photo.save("photo.png", ContentFile(image_bytes("PNG", (1200, 800))))
    assert opened.call_count == 1  # the renditions are made from the image decoded for the checks
    stored = Clinician.objects.get(pk=clinician.pk).photo
    assert stored.name == clinician.photo.name and default_storage.exists(stored.name)


def test_an_uploaded_photo_is_decoded_once_for_its_checks_and_kept():
    clinician = ClinicianFactory()
    upload = SimpleUploadedFile("photo.png", image_bytes("PNG", (1200, 800)))
    with mock.patch.object(pipeline, "prepare_image", wraps=pipeline.prepare_image) as prepared:
        form = PhotoForm(instance=clinician, files={"photo": upload})
        assert form.is_valid(), form.errors
        form.save()
    assert prepared.call_count == 1
    assert Clinician.objects.get(pk=clinician.pk).photo.name.endswith(".png")


def test_deleting_a_photo_takes_its_renditions_and_clears_the_row():
    clinician = ClinicianFactory()
    clinician.photo.save("photo.png", ContentFile(image_bytes("PNG", (1200, 800))))
    files = with_renditions(default_storage, clinician.photo.name)
    assert len(files) > 1
    clinician.photo.delete()
    assert not any(default_storage.exists(name) for name in files)
    assert not Clinician.objects.get(pk=clinician.pk).photo

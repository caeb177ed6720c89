"""Images uploaded from inside CKEditor 5: staff with content rights only, real images only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import UserFactory
from tests.imagefiles import image_bytes

pytestmark = pytest.mark.django_db
URL = reverse("editor-image-upload")


def upload(client, name="photo.png", content=None):
    return client.post(URL, {"upload": SimpleUploadedFile(name, content or image_bytes("PNG"))})


def test_staff_upload_is_stored_under_a_new_name_and_url_returned(editor_client, settings):
    response = upload(editor_client, name="../../etc/passwd.png")
    assert response.status_code == 200
    url = response.json()["url"]
    assert url.startswith("/media/library/")  # in the image library, to be reused
    assert url.endswith(".png")
    assert "passwd" not in url
    name = url.removeprefix("/media/")
    assert (settings.CLINIC_PRIVATE_MEDIA_ROOT / name).exists()
    assert not (settings.MEDIA_ROOT / name).exists()  # public only once a live page shows it


def test_webp_and_jpeg_are_accepted(editor_client):
    assert upload(editor_client, "a.webp", image_bytes("WEBP")).json()["url"].endswith(".webp")
    assert upload(editor_client, "a.jpeg", image_bytes("JPEG")).json()["url"].endswith(".jpg")


def test_anonymous_visitor_cannot_upload(client):
    response = upload(client)
    assert response.status_code == 403
    assert "staff" in response.json()["error"]["message"]


def test_staff_without_content_rights_cannot_upload(client):
    client.force_login(UserFactory(is_staff=True))
    assert upload(client).status_code == 403


def test_file_that_is_not_an_image_is_refused_whatever_its_name(editor_client):
    response = upload(editor_client, name="photo.png", content=b"<?php system($_GET['c']); ?>")
    assert response.status_code == 400
    assert "not an image" in response.json()["error"]["message"]


def test_svg_is_refused(editor_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
    assert upload(editor_client, name="logo.svg", content=svg).status_code == 400


def test_gif_is_refused_with_the_accepted_formats_named(editor_client):
    response = upload(editor_client, name="anim.gif", content=image_bytes("GIF"))
    assert response.status_code == 400
    assert "JPEG, PNG or WebP" in response.json()["error"]["message"]


def test_oversized_file_is_refused_with_the_limit(editor_client, settings):
    settings.CLINIC_MAX_UPLOAD_BYTES = 100
    response = upload(editor_client, content=image_bytes("PNG", size=(300, 300)))
    assert response.status_code == 400
    assert "the limit is 100" in response.json()["error"]["message"]


def test_upload_needs_post(editor_client):
    assert editor_client.get(URL).status_code == 405

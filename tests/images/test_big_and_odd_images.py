"""Photos as they really arrive: straight from cameras (big, CMYK, multi-picture, camera names), odd shapes,
and bodies pointing at things that are not images. Each gets a clear message or is handled, never a 500."""

from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from images.pipeline import rendition_name
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory
from tests.imagefiles import display_p3_profile, image_bytes

pytestmark = pytest.mark.django_db


def hero(name, content):
    article = ArticleFactory(hero_image=SimpleUploadedFile(name, content), hero_image_alt="Clinic room")
    article.refresh_from_db()
    return article


def stored(name):
    with default_storage.open(name, "rb") as file, Image.open(file) as image:
        image.load()
        return image


def test_stored_names_never_carry_the_cameras_name_and_never_collide():
    first = hero("IMG_0001.jpg", image_bytes("JPEG", (600, 400)))
    second = hero("1.jpg", image_bytes("JPEG", (600, 400)))
    third = hero("1.jpg", image_bytes("PNG", (600, 400)))
    names = [page.hero_image.file.name for page in (first, second, third)]
    assert not any("IMG_0001" in name or name.endswith("/1.jpg") for name in names)
    assert len({rendition_name(name, 480, "webp") for name in names}) == 3  # a draft never replaces a live image


def test_a_big_photo_is_kept_no_wider_than_pages_need(settings):
    settings.CLINIC_MAX_IMAGE_WIDTH = 800
    page = hero("big.jpg", image_bytes("JPEG", (3200, 2400)))
    assert (page.hero_image.width, page.hero_image.height) == (800, 600)
    assert stored(page.hero_image.file.name).size == (800, 600)
    assert stored(rendition_name(page.hero_image.file.name, 480, "webp")).size == (480, 360)


def test_an_image_taller_than_webp_can_hold_is_scaled_to_fit():
    page = hero("tall.png", image_bytes("PNG", (1000, 17000)))
    assert page.hero_image.height == 16383 and page.hero_image.width == 964


def test_a_strip_or_banner_gets_a_clear_message(editor_client, editor):
    data = {"file": SimpleUploadedFile("strip.png", image_bytes("PNG", (4200, 100))), "alt_text": "A treatment room"}
    html = editor_client.post(reverse("admin:images_image_add"), data).content.decode()
    assert "more than 20 times as long as it is wide" in html


def cmyk_jpeg(profile=b""):
    buffer = BytesIO()
    options = {"icc_profile": profile} if profile else {}
    Image.new("CMYK", (300, 200), (0, 255, 255, 0)).save(buffer, "JPEG", **options)
    return buffer.getvalue()


@pytest.mark.parametrize("profile", [b"", b"not a real profile"], ids=["no profile", "broken profile"])
def test_cmyk_photos_are_stored_as_rgb_without_the_print_profile(profile):
    image = stored(hero("print.jpg", cmyk_jpeg(profile)).hero_image.file.name)
    assert image.mode == "RGB" and "icc_profile" not in image.info
    red, green, blue = image.getpixel((150, 100))
    assert red > 200 and green < 60 and blue < 60  # magenta and yellow inks make red


def test_a_wide_gamut_photo_is_converted_to_srgb():
    """A phone photo in Display P3 keeps its colours: browsers read a stored image without a profile as sRGB, so
    its numbers must be converted (a P3 terracotta is redder in sRGB numbers), not kept as they were."""
    buffer = BytesIO()
    Image.new("RGB", (300, 200), (200, 120, 90)).save(buffer, "JPEG", icc_profile=display_p3_profile())
    image = stored(hero("p3.jpg", buffer.getvalue()).hero_image.file.name)
    assert "icc_profile" not in image.info  # what browsers assume, no profile to carry
    red, green, blue = image.getpixel((150, 100))
    assert red >= 209 and blue <= 86, (red, green, blue)  # (214, 116, 82) in sRGB; unconverted would be (200, 120, 90)


def test_a_photo_with_an_unreadable_colour_profile_is_kept_as_it_is():
    from PIL import ImageCms

    lab_profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()  # no RGB photo converts from it
    buffer = BytesIO()
    Image.new("RGB", (300, 200), (200, 120, 90)).save(buffer, "JPEG", icc_profile=lab_profile)
    image = stored(hero("lab.jpg", buffer.getvalue()).hero_image.file.name)
    assert "icc_profile" not in image.info
    red, green, blue = image.getpixel((150, 100))
    assert abs(red - 200) <= 3 and abs(blue - 90) <= 3, (red, green, blue)


def test_a_cameras_multi_picture_jpeg_is_taken_as_its_first_picture():
    buffer = BytesIO()
    first, second = Image.new("RGB", (400, 300), (250, 10, 10)), Image.new("RGB", (400, 300), (10, 10, 250))
    first.save(buffer, "MPO", save_all=True, append_images=[second])
    assert Image.open(BytesIO(buffer.getvalue())).format == "MPO"
    image = stored(hero("DSC_0001.jpg", buffer.getvalue()).hero_image.file.name)
    assert image.format == "JPEG" and image.getpixel((200, 150))[0] > 200


@pytest.mark.parametrize("src", ["/media/", "/media/heroes/", "/media/no-such-file.jpg", "/media/../settings.py"])
def test_a_body_image_pointing_at_no_uploaded_image_gets_a_clear_message(editor_client, editor, src):
    body = f'<figure class="image"><img src="{src}" alt="Syringe on a tray"></figure>'
    data = article_form(body=body)
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "which is not an uploaded image" in response.content.decode()

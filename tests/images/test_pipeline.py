"""One image pipeline for hero, gallery and editor images: hostile files refused, metadata stripped,
renditions made on save, and pages that never process images."""

from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import IntegrityError
from django.urls import reverse
from PIL import Image

from images.pipeline import rendition_name
from tests.articles.test_admin import article_form
from tests.factories import ArticleFactory, TreatmentFactory
from tests.imagefiles import image_bytes, jpeg_with_gps_and_rotation, png_declaring
from treatments.models import BeforeAfterPair

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
HOSTILE = {
    "decompression bomb": ("bomb.png", png_declaring(100_000, 100_000), "megapixels"),
    "huge declared size": ("wide.png", png_declaring(9_000, 5_000), "megapixels"),
    "text named .jpg": ("photo.jpg", b"just some text, not a photo", "not an image"),
    "svg with script": ("logo.svg", SVG, "not an image"),
    "truncated jpeg": ("cut.jpg", image_bytes("JPEG", (400, 300))[:600], "not an image"),
    "gif": ("anim.gif", image_bytes("GIF"), "GIF files are not accepted"),
}


def stored_image(name):
    with default_storage.open(name, "rb") as file, Image.open(file) as image:
        image.load()
        return image


@pytest.mark.parametrize("case", HOSTILE)
def test_editor_upload_refuses_hostile_files_clearly(editor_client, case):
    name, content, message = HOSTILE[case]
    response = editor_client.post(reverse("editor-image-upload"), {"upload": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    assert message in response.json()["error"]["message"]


@pytest.mark.parametrize("case", HOSTILE)
def test_image_library_upload_refuses_hostile_files_clearly(editor_client, editor, case):
    name, content, message = HOSTILE[case]
    data = {"file": SimpleUploadedFile(name, content), "title": "Room", "alt_text": "A treatment room"}
    response = editor_client.post(reverse("admin:images_image_add"), data)
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize("case", HOSTILE)
def test_gallery_upload_in_the_admin_refuses_hostile_files_clearly(editor_client, case):
    from tests.treatments.test_admin import treatment_form

    name, content, message = HOSTILE[case]
    treatment = TreatmentFactory(status="draft")
    data = treatment_form(slug=treatment.slug, edit_version=treatment.updated_at.isoformat())
    data.update({
        "gallery-TOTAL_FORMS": "1", "gallery-0-before_image": SimpleUploadedFile(name, content),
        "gallery-0-after_image": SimpleUploadedFile("ok.png", image_bytes()),
        "gallery-0-before_alt": "Forehead lines before", "gallery-0-after_alt": "Smoother forehead after",
        "gallery-0-caption": "Two weeks after", "gallery-0-order": "1",
    })
    response = editor_client.post(reverse("admin:treatments_treatment_change", args=[treatment.pk]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not BeforeAfterPair.objects.exists()


def test_oversized_file_is_refused_with_the_limit(editor_client, settings):
    settings.CLINIC_MAX_UPLOAD_BYTES = 1000
    response = editor_client.post(
        reverse("editor-image-upload"), {"upload": SimpleUploadedFile("big.png", image_bytes("PNG", (400, 400)))}
    )
    assert "the limit is 1000" in response.json()["error"]["message"]


def test_gps_exif_and_comments_are_stripped_and_orientation_applied(editor_client):
    response = editor_client.post(
        reverse("editor-image-upload"),
        {"upload": SimpleUploadedFile("IMG_0001.jpg", jpeg_with_gps_and_rotation((40, 20)))},
    )
    name = response.json()["url"].removeprefix("/media/")
    image = stored_image(name)
    assert dict(image.getexif()) == {}
    assert "comment" not in image.info and "exif" not in image.info
    assert image.size == (20, 40)  # turned upright
    with default_storage.open(name, "rb") as file:
        raw = file.read()
    assert b"PhoneMaker" not in raw and b"J. Smith" not in raw


def test_hero_upload_is_stripped_too():
    article = ArticleFactory(
        hero_image=SimpleUploadedFile("phone.jpg", jpeg_with_gps_and_rotation((600, 300))),
        hero_image_alt="Practitioner and patient talking",
    )
    article.refresh_from_db()
    assert dict(stored_image(article.hero_image.file.name).getexif()) == {}
    assert (article.hero_image.width, article.hero_image.height) == (300, 600)


def test_renditions_are_made_once_on_save_in_webp_and_the_original_format():
    article = ArticleFactory(
        hero_image=SimpleUploadedFile("room.jpg", image_bytes("JPEG", (2000, 1000))), hero_image_alt="Clinic room"
    )
    name = article.hero_image.file.name
    for width in (480, 960, 1440, 1920):
        assert stored_image(rendition_name(name, width, "webp")).size == (width, width // 2)
        assert stored_image(rendition_name(name, width, "jpg")).size == (width, width // 2)
    assert stored_image(rendition_name(name, 2000, "webp")).size == (2000, 1000)
    assert not default_storage.exists(rendition_name(name, 2000, "jpg"))  # the original serves that width


def test_small_images_get_no_upscaled_renditions():
    article = ArticleFactory(
        hero_image=SimpleUploadedFile("s.png", image_bytes("PNG", (600, 400))), hero_image_alt="Sign"
    )
    name = article.hero_image.file.name
    assert default_storage.exists(rendition_name(name, 480, "webp"))
    assert not default_storage.exists(rendition_name(name, 960, "webp"))


def test_pages_carry_srcset_width_and_height(client):
    ArticleFactory(
        slug="with-hero", hero_image=SimpleUploadedFile("room.jpg", image_bytes("JPEG", (1000, 500))),
        hero_image_alt="Bright treatment room",
        body='<figure class="image"><img src="PLACEHOLDER" alt="Syringe and vial on a tray"></figure>',
    )
    html = client.get("/blog/with-hero/").content.decode()
    assert 'type="image/webp"' in html
    assert 'width="1000" height="500" alt="Bright treatment room"' in html
    assert 'fetchpriority="high"' in html
    assert "-480.webp 480w" in html and "-960.jpg 960w" in html
    listing = client.get("/blog/").content.decode()
    assert 'loading="lazy"' in listing and "-480.webp 480w" in listing


def test_images_in_bodies_get_renditions_when_the_body_is_saved(editor_client):
    url = editor_client.post(
        reverse("editor-image-upload"), {"upload": SimpleUploadedFile("a.png", image_bytes("PNG", (1200, 800)))}
    ).json()["url"]
    article = ArticleFactory(body=f'<figure class="image"><img src="{url}" alt="Consultation room"></figure>')
    article.refresh_from_db()
    assert 'width="1200" height="800"' in article.body
    assert 'loading="lazy"' in article.body
    assert "-480.webp 480w" in article.body and "-1200.webp 1200w" in article.body


def test_rendering_pages_does_no_image_work_and_no_file_system_scans(client):
    treatment = TreatmentFactory(
        slug="t", hero_image=SimpleUploadedFile("t.jpg", image_bytes("JPEG", (1000, 600))), hero_image_alt="Clinic"
    )
    BeforeAfterPair.objects.create(
        treatment=treatment, before_image=SimpleUploadedFile("b.png", image_bytes()),
        after_image=SimpleUploadedFile("a.png", image_bytes()),
        before_alt="Lines before", after_alt="Smoother after", caption="Two weeks later",
        consent_recorded=True, consent_reference="CF-1", show_publicly=True,
    )
    forbidden = mock.Mock(side_effect=AssertionError("image work during a page view"))
    with mock.patch("PIL.Image.open", forbidden), mock.patch.object(default_storage, "exists", forbidden), \
            mock.patch.object(default_storage, "listdir", forbidden), \
            mock.patch.object(default_storage, "open", forbidden):
        for url in ["/", "/treatments/", "/treatments/t/", "/blog/"]:
            assert client.get(url).status_code == 200


def test_gallery_pair_without_consent_stays_hidden(client):
    treatment = TreatmentFactory(slug="botox")
    common = {"treatment": treatment, "before_alt": "Frown lines before", "after_alt": "Softer frown lines after"}
    BeforeAfterPair.objects.create(
        before_image=SimpleUploadedFile("b.png", image_bytes()), after_image=SimpleUploadedFile("a.png", image_bytes()),
        caption="Consented pair", consent_recorded=True, consent_reference="CF-7", show_publicly=True, **common,
    )
    BeforeAfterPair.objects.create(
        before_image=SimpleUploadedFile("b.png", image_bytes()), after_image=SimpleUploadedFile("a.png", image_bytes()),
        caption="Unconsented pair", show_publicly=False, **common,
    )
    html = client.get("/treatments/botox/").content.decode()
    assert "Consented pair" in html
    assert "Unconsented pair" not in html


def test_model_refuses_to_show_a_pair_without_consent():
    pair = BeforeAfterPair(
        treatment=TreatmentFactory(), caption="Two weeks", show_publicly=True, consent_recorded=True,
        before_alt="Lines before", after_alt="Smoother after",
        before_image=SimpleUploadedFile("b.png", image_bytes()), after_image=SimpleUploadedFile("a.png", image_bytes()),
    )
    with pytest.raises(ValidationError) as error:
        pair.full_clean()
    assert "consent" in error.value.message_dict["show_publicly"][0]
    with pytest.raises(IntegrityError):
        pair.save()


@pytest.mark.parametrize(("alt", "message"), [
    ("IMG_2041.jpg", "looks like a file name"),
    ("DSC0042", "looks like a file name"),
    ("image", "does not say what the image shows"),
    ("Photo.", "does not say what the image shows"),
])
def test_poor_hero_alt_text_is_refused(alt, message):
    article = ArticleFactory.build(
        author=ArticleFactory().author, hero_image=SimpleUploadedFile("a.png", image_bytes()), hero_image_alt=alt
    )
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert message in error.value.message_dict["hero_image_alt"][0]


def test_alt_copying_the_caption_is_refused():
    pair = BeforeAfterPair(
        treatment=TreatmentFactory(), caption="Two weeks after treatment", before_alt="Two weeks after treatment",
        after_alt="Smoother forehead", before_image=SimpleUploadedFile("b.png", image_bytes()),
        after_image=SimpleUploadedFile("a.png", image_bytes()),
    )
    with pytest.raises(ValidationError) as error:
        pair.full_clean()
    assert "repeats the caption" in error.value.message_dict["before_alt"][0]


def test_decorative_hero_has_empty_alt(client):
    ArticleFactory(
        slug="deco", hero_image=SimpleUploadedFile("d.png", image_bytes()), hero_image_decorative=True
    ).full_clean()
    assert 'alt=""' in client.get("/blog/deco/").content.decode()


def test_body_image_without_alt_is_refused_on_save_in_the_admin(editor_client, editor):
    response = editor_client.post(
        reverse("admin:articles_article_add"),
        article_form(body='<p>Text</p><figure class="image"><img src="/media/x.png"></figure>'),
    )
    assert "Image 1 has no text alternative" in response.content.decode()


def test_rebuild_renditions_command(capsys):
    article = ArticleFactory(
        hero_image=SimpleUploadedFile("r.png", image_bytes("PNG", (1000, 500))), hero_image_alt="Room"
    )
    target = rendition_name(article.hero_image.file.name, 480, "webp")
    crop = article.hero_image.share_crop_name()
    default_storage.delete(target)
    default_storage.delete(crop)
    call_command("rebuild_renditions")
    assert default_storage.exists(target) and default_storage.exists(crop)
    assert "Renditions rebuilt for 1 image(s)." in capsys.readouterr().out

"""Renditions, srcset, share crops and colour modes (images.pipeline): what pages offer browsers and social networks.
Written for the mutants mutation testing found alive (docs/testing.md)."""

from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from images.pipeline import crop_box, crop_name, in_srgb, make_crop, make_renditions, prepare_image, srcset
from tests.imagefiles import display_p3_profile

SHARE = (1200, 630)


@pytest.fixture
def storage(tmp_path, settings):
    settings.CLINIC_IMAGE_WIDTHS = [400, 800]
    return FileSystemStorage(location=tmp_path, base_url="/media/")


def save(storage, name, image, format):
    buffer = BytesIO()
    image.save(buffer, format)
    return storage.save(name, ContentFile(buffer.getvalue()))


def opened(storage, name):
    with storage.open(name) as file, Image.open(file) as image:
        image.load()
        return image


def test_srcset_offers_each_width_then_the_image_itself_at_its_own_width(storage):
    assert srcset(storage, "library/room 1.v2.jpg", 1000, "webp") == (
        "/media/renditions/library/room%201.v2-400.webp 400w, /media/renditions/library/room%201.v2-800.webp 800w, "
        "/media/renditions/library/room%201.v2-1000.webp 1000w"
    )
    # The fallback's largest candidate is the stored file itself; an image exactly as wide as a rendition width
    # is offered at that width once.
    assert srcset(storage, "library/room.jpg", 800, "jpg") == (
        "/media/renditions/library/room-400.jpg 400w, /media/library/room.jpg 800w"
    )


def test_renditions_are_webp_at_every_width_and_the_original_format_below_full_size(storage):
    name = save(storage, "library/room.v2.jpg", Image.new("RGB", (1000, 500), (20, 120, 200)), "JPEG")
    assert make_renditions(storage, name) == (1000, 500)
    for width in (400, 800, 1000):
        webp = opened(storage, f"renditions/library/room.v2-{width}.webp")
        assert (webp.format, webp.size) == ("WEBP", (width, width // 2))
    for width in (400, 800):
        jpeg = opened(storage, f"renditions/library/room.v2-{width}.jpg")
        assert (jpeg.format, jpeg.size) == ("JPEG", (width, width // 2))
        assert jpeg.info.get("progressive")  # shows at once, sharpening as it loads: the stored file's own options
    assert not storage.exists("renditions/library/room.v2-1000.jpg")  # full size is the stored file itself


def test_making_renditions_again_replaces_them_under_the_same_names(storage):
    name = save(storage, "library/room.jpg", Image.new("RGB", (900, 600), (200, 30, 30)), "JPEG")
    make_renditions(storage, name)
    save(storage, name + ".tmp", Image.new("RGB", (900, 600), (30, 30, 200)), "JPEG")
    storage.delete(name)
    storage.save(name, storage.open(name + ".tmp"))
    make_renditions(storage, name)
    assert opened(storage, "renditions/library/room-400.webp").getpixel((10, 10))[2] > 150  # the new, blue one
    assert not storage.exists("renditions/library/room-400_1.webp")


def test_a_share_crop_is_named_by_its_focal_point_and_size():
    assert crop_name("library/room.v2.jpg", 30, 40, SHARE) == "renditions/library/room.v2-crop30x40-1200x630.jpg"


@pytest.mark.parametrize("width, height, focal, box", [
    (2000, 1000, (50, 50), (48, 0, 1952, 1000)),    # centred
    (2000, 1000, (0, 0), (0, 0, 1905, 1000)),       # at the left edge: as far as the picture allows
    (2000, 1000, (100, 0), (95, 0, 2000, 1000)),    # at the right edge
    (1000, 2000, (50, 100), (0, 1475, 1000, 2000)),  # a portrait photo, focal point at the bottom
    (1000, 2000, (50, 30), (0, 338, 1000, 862)),    # a face a third of the way down stays in the middle
])
def test_the_share_crop_box_keeps_the_focal_point_in_view_within_the_picture(width, height, focal, box):
    assert crop_box(width, height, *focal, SHARE) == box


@pytest.mark.parametrize("mode, transparent", [("RGBA", (0, 0, 0, 0)), ("LA", (0, 0)), ("P", 0)])
def test_a_share_crop_of_a_transparent_image_is_on_white_at_exactly_the_share_size(storage, mode, transparent):
    image = Image.new("RGBA", (2000, 1000), (0, 0, 0, 0))
    image.paste((200, 20, 20, 255), (1000, 0, 2000, 1000))  # right half red, left half see-through
    if mode == "LA":
        image = Image.new("LA", (2000, 1000), transparent)
        image.paste((60, 255), (1000, 0, 2000, 1000))
    if mode == "P":
        image = image.convert("RGB").quantize(colors=4)
        image.info["transparency"] = image.getpixel((10, 10))
    name = save(storage, "library/logo.png", image, "PNG")
    crop = opened(storage, make_crop(storage, name, 75, 50, SHARE))
    assert (crop.format, crop.size, crop.mode) == ("JPEG", SHARE, "RGB")
    assert crop.info.get("progressive")
    assert min(crop.getpixel((20, 300))) > 245  # the see-through part is white, as the page shows it
    assert crop.getpixel((1150, 300))[0] > 40 and crop.getpixel((1150, 300)) != crop.getpixel((20, 300))


def test_a_share_crop_is_cut_from_the_focal_side_and_replaced_when_made_again(storage):
    image = Image.new("RGB", (2000, 1000), (20, 20, 200))
    image.paste((200, 20, 20), (1905, 0, 2000, 1000))  # a red strip at the right edge
    name = save(storage, "library/room.jpg", image, "JPEG")
    left = opened(storage, make_crop(storage, name, 0, 50, SHARE))
    right = opened(storage, make_crop(storage, name, 100, 50, SHARE))
    assert left.getpixel((1195, 300))[2] > 150  # focal point at the left: the strip is cut off
    assert right.getpixel((1195, 300))[0] > 150  # at the right: it is in
    again = make_crop(storage, name, 100, 50, SHARE)
    assert again == crop_name(name, 100, 50, SHARE)  # the same address, replaced, not "…_1.jpg"


def p3_colour(mode, colour):
    image = Image.new(mode, (4, 4), colour)
    return image, display_p3_profile()


@pytest.mark.parametrize("mode, colour, format, stored_mode", [
    ("RGB", (200, 120, 90), "JPEG", "RGB"),
    ("RGBA", (200, 120, 90, 128), "PNG", "RGBA"),  # half see-through stays so
])
def test_a_wide_gamut_image_is_converted_keeping_its_transparency(mode, colour, format, stored_mode):
    image, profile = p3_colour(mode, colour)
    converted = in_srgb(image, profile, format)
    assert converted.mode == stored_mode
    assert converted.getpixel((1, 1))[:3] == (214, 116, 82)
    if stored_mode == "RGBA":
        assert converted.getpixel((1, 1))[3] == 128


def grey_16_bit(transparent=False):
    image = Image.new("I;16", (4, 4), 40000)
    if transparent:
        image.info["transparency"] = 40000
    return image


@pytest.mark.parametrize("image, format, stored_mode", [
    (Image.new("L", (4, 4), 90), "JPEG", "L"),                 # black and white stays so
    (Image.new("RGBA", (4, 4), (9, 9, 9, 9)), "WEBP", "RGBA"),  # WebP and PNG keep transparency
    (Image.new("LA", (4, 4), (90, 9)), "PNG", "RGBA"),
    (Image.new("PA", (4, 4), (1, 9)), "PNG", "RGBA"),
    (Image.new("P", (4, 4), 1), "PNG", "RGBA"),
    (grey_16_bit(), "PNG", "RGB"),                             # 16-bit grey: browsers' 8 bits
    (grey_16_bit(transparent=True), "PNG", "RGBA"),
    (Image.new("RGB", (4, 4), (9, 9, 9)), "JPEG", "RGB"),
    (Image.new("1", (4, 4), 1), "PNG", "RGB"),
    (Image.new("CMYK", (4, 4), (0, 255, 255, 0)), "JPEG", "RGB"),
])
def test_each_kind_of_image_is_stored_in_a_mode_its_format_and_browsers_hold(image, format, stored_mode):
    converted = in_srgb(image, None, format)
    assert converted.mode == stored_mode
    buffer = BytesIO()
    converted.save(buffer, format)  # and can be written in it


@pytest.mark.parametrize("mode, background, logo", [("RGB", (255, 255, 255), (200, 20, 20)), ("L", 255, 40)])
def test_a_png_logo_with_a_transparent_background_colour_keeps_it_see_through(mode, background, logo):
    buffer = BytesIO()
    image = Image.new(mode, (40, 20), background)
    image.paste(logo, (10, 5, 30, 15))
    image.save(buffer, "PNG", transparency=background)  # a tRNS colour, as simple logo exports have
    upload = SimpleUploadedFile("logo.png", buffer.getvalue())
    stored = prepare_image(upload).image
    assert stored.mode == "RGBA"
    assert stored.getpixel((2, 2))[3] == 0 and stored.getpixel((20, 10))[3] == 255


def test_a_rendition_as_wide_as_the_photo_is_tall_is_still_made_at_its_width(storage):
    name = save(storage, "library/room.jpg", Image.new("RGB", (1000, 800), (20, 120, 200)), "JPEG")
    make_renditions(storage, name)
    assert opened(storage, "renditions/library/room-800.webp").size == (800, 640)
    assert opened(storage, "renditions/library/room-400.jpg").size == (400, 320)

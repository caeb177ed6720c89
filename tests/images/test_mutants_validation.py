"""Image validation at its limits, with the messages staff read: written for the mutants mutation testing found
alive in images/pipeline.py (validation) and images/fields.py (docs/testing.md)."""

from io import BytesIO
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from PIL.JpegImagePlugin import JpegImageFile

from images.pipeline import clean_image, validate_image
from tests.imagefiles import image_bytes, png_declaring


def refusal(content, name="photo.png"):
    with pytest.raises(ValidationError) as refused:
        validate_image(SimpleUploadedFile(name, content))
    [message] = refused.value.messages
    return refused.value.code, message


def test_a_file_exactly_at_the_size_limit_is_accepted_one_byte_more_is_refused(settings):
    content = image_bytes("PNG", (40, 30))
    settings.CLINIC_MAX_UPLOAD_BYTES = len(content)
    validate_image(SimpleUploadedFile("photo.png", content))
    settings.CLINIC_MAX_UPLOAD_BYTES = len(content) - 1
    code, message = refusal(content)
    assert code == "too_large"
    # filesizeformat keeps each number with its unit (a no-break space)
    assert message == (f"The file is {len(content)}\xa0bytes; the limit is {len(content) - 1}\xa0bytes. "
                       "Export the image smaller and try again.")


def test_an_image_exactly_at_the_pixel_limit_is_accepted_one_pixel_more_is_refused(settings):
    settings.CLINIC_MAX_IMAGE_PIXELS = 40 * 30
    validate_image(SimpleUploadedFile("photo.png", image_bytes("PNG", (40, 30))))
    code, message = refusal(image_bytes("PNG", (41, 30)))
    assert code == "too_many_pixels"
    assert message == ("The image is 41×30 pixels (0 megapixels); the limit is 0 megapixels. "
                       "Resize it and try again.")


def test_the_pixel_message_names_the_size_and_both_counts_in_megapixels():
    code, message = refusal(png_declaring(9_000, 5_000))
    assert (code, message) == ("too_many_pixels", "The image is 9000×5000 pixels (45 megapixels); the limit is 40 "
                                                  "megapixels. Resize it and try again.")


def test_a_declared_bomb_is_refused_with_the_limit_in_megapixels():
    code, message = refusal(png_declaring(100_000, 100_000))
    assert code == "too_many_pixels"
    assert message.endswith("the limit of 40 megapixels. Resize it and try again.")


@pytest.mark.parametrize(("size", "accepted"), [((2000, 100), True), ((2001, 100), False), ((100, 2000), True),
                                                ((100, 2001), False), ((30, 1), False)])
def test_twenty_to_one_is_the_longest_strip_accepted_either_way_round(size, accepted):
    upload = SimpleUploadedFile("strip.png", image_bytes("PNG", size))
    if accepted:
        validate_image(upload)
        assert upload.prepared.size == size
    else:
        code, message = refusal(image_bytes("PNG", size))
        assert code == "aspect_ratio"
        width, height = size
        assert message == (f"The image is {width}×{height} pixels: more than 20 times as long as it is wide. Crop "
                           "it to the part that matters and try again.")


def test_a_file_that_is_not_an_image_is_refused_saying_what_is_accepted():
    assert refusal(b"just text", "photo.jpg") == (
        "invalid", "That file is not an image we can read (it may be damaged or of another kind). Upload a JPEG, PNG "
                   "or WebP photo.")


def test_another_format_is_refused_by_name():
    assert refusal(image_bytes("GIF"), "anim.gif") == ("format", "GIF files are not accepted. Upload a JPEG, PNG or "
                                                                 "WebP photo.")


def test_a_big_jpeg_is_decoded_at_a_reduced_scale_when_that_still_covers_the_largest_width(settings):
    settings.CLINIC_MAX_IMAGE_WIDTH = 400
    upload = SimpleUploadedFile("big.jpg", image_bytes("JPEG", (1600, 1200)))
    with mock.patch.object(JpegImageFile, "draft", autospec=True, side_effect=JpegImageFile.draft) as draft:
        validate_image(upload)
    draft.assert_called_once_with(mock.ANY, "RGB", (400, 400))  # 1/4 scale: a sixteenth of the memory and time
    assert upload.prepared.size == (400, 300)


def test_stored_jpegs_load_progressively_on_slow_connections():
    content, extension, _prepared = clean_image(SimpleUploadedFile("photo.jpg", image_bytes("JPEG", (600, 400))))
    assert extension == "jpg"
    assert Image.open(BytesIO(content.read())).info.get("progressive")

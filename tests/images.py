"""Small image files made in memory for upload tests."""

from io import BytesIO

from PIL import Image


def image_bytes(format="PNG", size=(8, 6)):
    buffer = BytesIO()
    Image.new("RGB", size, (200, 120, 90)).save(buffer, format=format)
    return buffer.getvalue()


def png_bytes():
    return image_bytes("PNG")

"""Demo pictures drawn with Pillow (nothing downloaded), so a new site shows the image pipeline at work."""

import math
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

PALETTES = [((15, 92, 92), (214, 236, 230)), ((120, 72, 52), (244, 228, 214)), ((52, 74, 120), (222, 230, 244))]


def jpeg(image, name):
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def hero(name, seed, size=(1600, 900)):
    """A calm abstract picture: a diagonal gradient with soft circles."""
    dark, light = PALETTES[seed % len(PALETTES)]
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(size[1]):
        t = y / size[1]
        colour = tuple(round(d + (lc - d) * t) for d, lc in zip(dark, light, strict=True))
        draw.line([(0, y), (size[0], y)], fill=colour)
    for i in range(6):
        x = (seed * 271 + i * 317) % size[0]
        y = (seed * 157 + i * 211) % size[1]
        r = 80 + (i * 53 + seed * 29) % 180
        draw.ellipse([x - r, y - r, x + r, y + r], outline=light, width=6)
    return jpeg(image, name)


def forehead(name, lines, depth, size=(800, 600)):
    """An illustrated forehead with `lines` wrinkles drawn `depth` pixels thick."""
    image = Image.new("RGB", size, (238, 214, 196))
    draw = ImageDraw.Draw(image)
    draw.ellipse([80, 120, size[0] - 80, size[1] + 400], fill=(226, 196, 174))
    for i in range(lines):
        y = 220 + i * 55
        points = [(x, y + 10 * math.sin(x / 60)) for x in range(220, size[0] - 220, 10)]
        draw.line(points, fill=(150, 110, 95), width=depth)
    return jpeg(image, name)


def illustrated_pair():
    return {
        "before_image": forehead("forehead-before.jpg", lines=4, depth=7),
        "before_alt": "Drawing of a forehead with four deep horizontal lines",
        "after_image": forehead("forehead-after.jpg", lines=2, depth=2),
        "after_alt": "The same forehead drawn with two faint lines",
        "caption": "Illustration, not a patient: how forehead lines typically soften about two weeks after Botox.",
        "consent_recorded": True,
        "consent_reference": "Not a patient (illustration)",
        "show_publicly": True,
        "order": 1,
    }


def portrait(name, initials, seed, size=(800, 800)):
    """A stand-in for a clinician's photograph: their initials on a soft tint (clinics replace it with a photo)."""
    from PIL import ImageFont

    dark, light = PALETTES[seed % len(PALETTES)]
    image = Image.new("RGB", size, light)
    draw = ImageDraw.Draw(image)
    draw.ellipse((size[0] * 0.18, size[1] * 0.18, size[0] * 0.82, size[1] * 0.82), outline=dark, width=6)
    font = ImageFont.load_default(size=size[1] // 4)
    draw.text((size[0] / 2, size[1] / 2), initials, fill=dark, font=font, anchor="mm")
    return jpeg(image, name)

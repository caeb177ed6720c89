"""Demo pictures drawn with Pillow (nothing downloaded), so a new site shows the image pipeline at work."""

import math
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

PALETTES = [((15, 92, 92), (214, 236, 230)), ((120, 72, 52), (244, 228, 214)), ((52, 74, 120), (222, 230, 244))]
LINE = 14  # stroke of the line drawings on hero pictures


def jpeg(image, name):
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def hero(name, seed, size=(1600, 900), drawing=None):
    """A calm abstract picture: a diagonal gradient with soft circles; with `drawing` (a key of DRAWINGS), a simple
    line drawing on a pale disc in the middle, which the page describes in its alt text."""
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
    if drawing:
        cx, cy = size[0] // 2, size[1] // 2
        draw.ellipse([cx - 330, cy - 330, cx + 330, cy + 330], fill=light, outline=dark, width=6)
        DRAWINGS[drawing](draw, cx, cy, dark)
    return jpeg(image, name)


def calendar(draw, cx, cy, ink):
    """A month page, the first two weeks ticked off one day at a time."""
    left, top, cell = cx - 210, cy - 150, 60
    draw.rounded_rectangle([left - 20, top - 90, left + 7 * cell + 20, top + 4 * cell + 20], 24, outline=ink,
                           width=LINE)
    draw.line([(left - 20, top - 20), (left + 7 * cell + 20, top - 20)], fill=ink, width=LINE)
    for ring in (left + 90, left + 7 * cell - 90):
        draw.line([(ring, top - 120), (ring, top - 60)], fill=ink, width=LINE)
    for day in range(28):
        x, y = left + (day % 7) * cell + cell // 2, top + (day // 7) * cell + cell // 2
        if day < 14:
            draw.line([(x - 16, y), (x - 4, y + 14), (x + 18, y - 14)], fill=ink, width=8, joint="curve")
        else:
            draw.ellipse([x - 6, y - 6, x + 6, y + 6], fill=ink)


def question(draw, cx, cy, ink):
    """A speech bubble holding a question mark."""
    draw.rounded_rectangle([cx - 230, cy - 190, cx + 230, cy + 130], 60, outline=ink, width=LINE)
    draw.polygon([(cx - 120, cy + 124), (cx - 150, cy + 230), (cx - 40, cy + 124)], fill=ink)
    draw.arc([cx - 70, cy - 150, cx + 70, cy - 10], 180, 90, fill=ink, width=LINE + 4)
    draw.line([(cx, cy - 12), (cx, cy + 35)], fill=ink, width=LINE + 4)
    draw.ellipse([cx - 14, cy + 62, cx + 14, cy + 90], fill=ink)


def checklist(draw, cx, cy, ink):
    """A clipboard with three questions, the first two ticked."""
    draw.rounded_rectangle([cx - 190, cy - 230, cx + 190, cy + 240], 30, outline=ink, width=LINE)
    draw.rounded_rectangle([cx - 80, cy - 260, cx + 80, cy - 200], 16, fill=ink)
    for row in range(3):
        y = cy - 110 + row * 120
        draw.rounded_rectangle([cx - 130, y - 30, cx - 70, y + 30], 10, outline=ink, width=8)
        draw.line([(cx - 30, y), (cx + 130, y)], fill=ink, width=LINE)
        if row < 2:
            draw.line([(cx - 122, y), (cx - 102, y + 22), (cx - 60, y - 40)], fill=ink, width=10, joint="curve")


def eye(draw, cx, cy, ink):
    """An open eye with the crease of the upper lid above it."""
    draw.arc([cx - 250, cy - 150, cx + 250, cy + 210], 200, 340, fill=ink, width=LINE)
    draw.arc([cx - 250, cy - 230, cx + 250, cy + 130], 20, 160, fill=ink, width=LINE)
    draw.arc([cx - 230, cy - 250, cx + 230, cy + 60], 210, 330, fill=ink, width=LINE - 4)
    draw.ellipse([cx - 85, cy - 105, cx + 85, cy + 65], outline=ink, width=LINE)
    draw.ellipse([cx - 35, cy - 55, cx + 35, cy + 15], fill=ink)


def scales(draw, cx, cy, ink):
    """A pair of scales, evenly balanced."""
    draw.line([(cx, cy - 200), (cx, cy + 200)], fill=ink, width=LINE)
    draw.line([(cx - 120, cy + 200), (cx + 120, cy + 200)], fill=ink, width=LINE)
    draw.line([(cx - 230, cy - 150), (cx + 230, cy - 150)], fill=ink, width=LINE)
    draw.ellipse([cx - 20, cy - 220, cx + 20, cy - 180], fill=ink)
    for side in (-1, 1):
        x = cx + side * 200
        draw.line([(x, cy - 150), (x - 80, cy + 20)], fill=ink, width=8)
        draw.line([(x, cy - 150), (x + 80, cy + 20)], fill=ink, width=8)
        draw.chord([x - 100, cy - 40, x + 100, cy + 80], 0, 180, outline=ink, width=LINE)


def conversation(draw, cx, cy, ink):
    """Two speech bubbles, one answering the other."""
    draw.rounded_rectangle([cx - 250, cy - 200, cx + 60, cy - 10], 50, outline=ink, width=LINE)
    draw.polygon([(cx - 190, cy - 16), (cx - 220, cy + 60), (cx - 120, cy - 16)], fill=ink)
    draw.rounded_rectangle([cx - 60, cy + 30, cx + 250, cy + 200], 50, fill=ink)
    draw.polygon([(cx + 130, cy + 196), (cx + 200, cy + 260), (cx + 190, cy + 196)], fill=ink)
    for i in range(3):
        draw.ellipse([cx - 150 + i * 60, cy - 118, cx - 126 + i * 60, cy - 94], fill=ink)


def jawline(draw, cx, cy, ink):
    """The outline of a face from the front, a dashed guide following the jaw."""
    draw.arc([cx - 190, cy - 260, cx + 190, cy + 120], 180, 360, fill=ink, width=LINE)
    draw.line([(cx - 190, cy - 70), (cx - 175, cy + 60), (cx - 80, cy + 220), (cx + 80, cy + 220),
               (cx + 175, cy + 60), (cx + 190, cy - 70)], fill=ink, width=LINE, joint="curve")
    guide = [(cx - 250, cy + 20), (cx - 120, cy + 270), (cx + 120, cy + 270), (cx + 250, cy + 20)]
    for (x1, y1), (x2, y2) in zip(guide, guide[1:], strict=False):
        steps = max(1, int(math.dist((x1, y1), (x2, y2)) // 40))
        for step in range(0, steps, 2):
            a, b = step / steps, min(1, (step + 1) / steps)
            draw.line([(x1 + (x2 - x1) * a, y1 + (y2 - y1) * a), (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b)],
                      fill=ink, width=8)
    for x in (cx - 70, cx + 70):
        draw.arc([x - 40, cy - 80, x + 40, cy - 40], 200, 340, fill=ink, width=10)
    draw.arc([cx - 60, cy + 80, cx + 60, cy + 150], 20, 160, fill=ink, width=10)



DRAWINGS = {
    "calendar": calendar,
    "question": question,
    "checklist": checklist,
    "eye": eye,
    "scales": scales,
    "conversation": conversation,
    "jawline": jawline,
}


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

"""Demo pictures drawn with Pillow (nothing downloaded), so a new site shows the image pipeline at work.

One series in the site's palette: a soft warm gradient, a blurred sunlit disc and fine line art (a face in
profile, a closed eye, a botanical sprig), drawn at twice the size and scaled down so the lines stay smooth.
"""

import math
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFilter

# The site's palette (static/css/site.css): ivory, sand, blush, clay, sage and a warm ink.
IVORY = (250, 247, 242)
SAND = (236, 226, 213)
BLUSH = (232, 207, 194)
CLAY = (181, 132, 108)
SAGE = (143, 160, 140)
SAGE_DEEP = (86, 104, 91)
INK = (74, 64, 56)

GROUNDS = [  # (top-left, bottom-right) of the gradient
    (IVORY, SAND),
    ((246, 238, 231), (228, 209, 196)),
    ((244, 244, 238), (214, 222, 210)),
]
SCALE = 2  # drawn at twice the size, then scaled down: smooth lines without a vector library

# A face in profile, looking right, in units of the picture's height: forehead, brow, nose, lips, chin, neck.
PROFILE = [
    (0.440, 0.020), (0.505, 0.100), (0.535, 0.200), (0.545, 0.290), (0.538, 0.335), (0.565, 0.400),
    (0.598, 0.465), (0.590, 0.487), (0.564, 0.497), (0.572, 0.530), (0.578, 0.549), (0.566, 0.565),
    (0.575, 0.583), (0.557, 0.612), (0.568, 0.655), (0.553, 0.690), (0.515, 0.705), (0.482, 0.716),
    (0.470, 0.780), (0.472, 0.990),
]
# Where each treatment's picture looks: (centre x, centre y, zoom) in profile units, and a blush highlight.
MOTIFS = {
    "botox": {"view": (0.50, 0.42, 1.05), "highlight": (0.49, 0.19, 0.10)},
    "rhinoplasty": {"view": (0.50, 0.44, 2.00), "highlight": (0.56, 0.42, 0.06)},
    "jaw-reshaping": {"view": (0.49, 0.58, 1.40), "highlight": (0.45, 0.66, 0.08),
                      "feature": [(0.553, 0.690), (0.490, 0.683), (0.432, 0.650), (0.405, 0.590), (0.402, 0.520)]},
    "cheek-augmentation": {"view": (0.50, 0.45, 1.35), "highlight": (0.49, 0.45, 0.08),
                           "feature": [(0.430, 0.405), (0.480, 0.420), (0.520, 0.448), (0.538, 0.485)]},
    "eyelid-surgery": {"eye": True},
}
LINE = 14  # stroke of the line drawings on article pictures (at 1600×900)


def jpeg(image, name):
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def catmull_rom(points, steps=24):
    """A smooth curve through every point (Catmull–Rom spline), as a list of points."""
    padded = [points[0], *points, points[-1]]
    curve = []
    for i in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[i - 1: i + 3]
        for step in range(steps):
            t = step / steps
            curve.append(tuple(
                0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t * t + (-a + 3 * b - 3 * c + d) * t ** 3)
                for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
            ))
    curve.append(points[-1])
    return curve


def ground(size, seed):
    """A diagonal gradient between two of the palette's light tones, with a soft blurred disc of light."""
    start, end = GROUNDS[seed % len(GROUNDS)]
    width, height = size
    small = Image.new("RGB", (64, 36))
    for x in range(64):
        for y in range(36):
            t = min(1.0, (x / 64 * 0.6 + y / 36 * 0.4))
            small.putpixel((x, y), tuple(round(a + (b - a) * t) for a, b in zip(start, end, strict=True)))
    image = small.resize(size, Image.Resampling.BICUBIC)
    glow = Image.new("L", size, 0)
    radius = height * 0.42
    cx, cy = width * (0.28 + 0.08 * (seed % 3)), height * 0.42
    ImageDraw.Draw(glow).ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=150)
    glow = glow.filter(ImageFilter.GaussianBlur(height * 0.06))
    return Image.composite(Image.new("RGB", size, (255, 252, 247)), image, glow)


def blush_spot(image, centre, radius):
    mask = Image.new("L", image.size, 0)
    x, y = centre
    ImageDraw.Draw(mask).ellipse([x - radius, y - radius, x + radius, y + radius], fill=120)
    mask = mask.filter(ImageFilter.GaussianBlur(radius * 0.45))
    return Image.composite(Image.new("RGB", image.size, BLUSH), image, mask)


def sprig(draw, base, length, angle, colour, width, leaves=7, flip=1):
    """A botanical stem with paired leaves, each a pointed oval drawn as two arcs."""
    bx, by = base
    stem = []
    for i in range(41):
        t = i / 40
        bend = math.sin(t * math.pi * 0.8) * length * 0.08 * flip
        x = bx + math.cos(angle) * length * t - math.sin(angle) * bend
        y = by + math.sin(angle) * length * t + math.cos(angle) * bend
        stem.append((x, y))
    draw.line(stem, fill=colour, width=width, joint="curve")
    for leaf in range(1, leaves + 1):
        t = leaf / (leaves + 1)
        x, y = stem[round(t * 40)]
        size = length * 0.16 * (1.15 - t * 0.6)
        for side in (-1, 1):
            direction = angle + side * 0.9
            tip = (x + math.cos(direction) * size, y + math.sin(direction) * size)
            normal = (-math.sin(direction) * size * 0.22, math.cos(direction) * size * 0.22)
            middle = ((x + tip[0]) / 2, (y + tip[1]) / 2)
            for bulge in (1, -1):
                control = (middle[0] + normal[0] * bulge, middle[1] + normal[1] * bulge)
                arc = [
                    ((1 - s) ** 2 * x + 2 * (1 - s) * s * control[0] + s * s * tip[0],
                     (1 - s) ** 2 * y + 2 * (1 - s) * s * control[1] + s * s * tip[1])
                    for s in (n / 16 for n in range(17))
                ]
                draw.line(arc, fill=colour, width=width, joint="curve")


def profile(image, view, colour, width):
    """The face in profile, framed by `view` (centre x, centre y, zoom) on a picture `image.size`."""
    w, h = image.size
    cx, cy, zoom = view
    unit = h * zoom
    points = [(w / 2 + (x - cx) * unit, h / 2 + (y - cy) * unit) for x, y in PROFILE]
    curve = catmull_rom(points)
    ImageDraw.Draw(image).line(curve, fill=colour, width=width, joint="curve")
    # The brow and an eye, closed and calm.
    brow = catmull_rom([(w / 2 + (x - cx) * unit, h / 2 + (y - cy) * unit)
                        for x, y in [(0.445, 0.300), (0.478, 0.288), (0.510, 0.296)]])
    eye = catmull_rom([(w / 2 + (x - cx) * unit, h / 2 + (y - cy) * unit)
                       for x, y in [(0.463, 0.348), (0.487, 0.360), (0.508, 0.352)]])
    draw = ImageDraw.Draw(image)
    draw.line(brow, fill=colour, width=max(1, width * 2 // 3), joint="curve")
    draw.line(eye, fill=colour, width=max(1, width * 2 // 3), joint="curve")
    return lambda x, y: (w / 2 + (x - cx) * unit, h / 2 + (y - cy) * unit)


def closed_eye(image, colour, width):
    """A closed eye with its lid crease and lashes, large and centred a little right."""
    w, h = image.size
    cx, cy, span = w * 0.58, h * 0.50, w * 0.30
    lid = catmull_rom([(cx - span / 2, cy - span * 0.02), (cx, cy + span * 0.16), (cx + span / 2, cy - span * 0.04)])
    crease = catmull_rom([(cx - span * 0.46, cy - span * 0.14), (cx, cy - span * 0.04),
                          (cx + span * 0.48, cy - span * 0.17)])
    brow = catmull_rom([(cx - span * 0.55, cy - span * 0.40), (cx - span * 0.05, cy - span * 0.50),
                        (cx + span * 0.58, cy - span * 0.38)])
    draw = ImageDraw.Draw(image)
    draw.line(lid, fill=colour, width=width, joint="curve")
    draw.line(crease, fill=colour, width=max(1, width * 2 // 3), joint="curve")
    draw.line(brow, fill=colour, width=width, joint="curve")
    for i in range(3, len(lid) - 3, 6):
        (x0, y0), (x1, y1) = lid[i - 1], lid[i + 1]
        angle = math.atan2(y1 - y0, x1 - x0) + math.pi / 2
        length = span * 0.07 * (0.6 + 0.4 * math.sin(math.pi * i / len(lid)))
        x, y = lid[i]
        draw.line([(x, y), (x + math.cos(angle) * length, y + math.sin(angle) * length)], fill=colour, width=width)


def hero(name, seed, size=(1600, 900), motif=None, drawing=None):
    """A calm picture in the site's palette: a face in profile for a treatment (`motif` is its slug), a
    botanical sprig otherwise (articles, and any treatment without a drawing of its own); with `drawing` (a key
    of DRAWINGS), a simple line drawing on a pale disc instead, which the page describes in its alt text."""
    big = (size[0] * SCALE, size[1] * SCALE)
    image = ground(big, seed)
    line = max(2, round(big[1] / 260))
    face = MOTIFS.get(motif)
    if drawing:
        image = blush_spot(image, (big[0] * 0.62, big[1] * 0.42), big[1] * 0.3)
    elif face and face.get("eye"):
        image = blush_spot(image, (big[0] * 0.58, big[1] * 0.47), big[1] * 0.26)
        closed_eye(image, INK, line)
        sprig(ImageDraw.Draw(image), (big[0] * 0.10, big[1] * 1.02), big[1] * 0.75, -1.25, SAGE, line)
    elif face:
        cx, cy, zoom = face["view"]
        portrait = size[0] < size[1]
        if portrait:  # the face to the right, a sprig rising on the left
            cx, zoom = cx - 0.06, zoom * 0.95
        view = (cx, cy, zoom)
        hx, hy, radius = face["highlight"]
        unit = big[1] * zoom
        image = blush_spot(image, (big[0] / 2 + (hx - cx) * unit, big[1] / 2 + (hy - cy) * unit), radius * unit)
        at = profile(image, view, INK, line)
        if "feature" in face:
            feature = catmull_rom([at(x, y) for x, y in face["feature"]])
            ImageDraw.Draw(image).line(feature, fill=CLAY, width=line, joint="curve")
        if portrait:
            sprig(ImageDraw.Draw(image), (big[0] * 0.16, big[1] * 1.02), big[1] * 0.55, -1.40, SAGE, line)
        else:
            sprig(ImageDraw.Draw(image), (big[0] * (0.80 + 0.04 * (seed % 3)), big[1] * 1.02), big[1] * 0.62, -1.95,
                  SAGE, line, flip=-1)
    else:
        image = blush_spot(image, (big[0] * 0.62, big[1] * 0.42), big[1] * 0.3)
        draw = ImageDraw.Draw(image)
        sprig(draw, (big[0] * 0.50, big[1] * 1.02), big[1] * 0.95, -1.45, SAGE_DEEP, line)
        sprig(draw, (big[0] * 0.56, big[1] * 1.02), big[1] * 0.70, -1.05, SAGE, line, flip=-1)
        sprig(draw, (big[0] * 0.45, big[1] * 1.02), big[1] * 0.55, -2.05, CLAY, line, leaves=5)
    image = image.resize(size, Image.Resampling.LANCZOS)
    if drawing:
        draw, cx, cy = ImageDraw.Draw(image), size[0] // 2, size[1] // 2
        draw.ellipse([cx - 330, cy - 330, cx + 330, cy + 330], fill=IVORY, outline=SAGE_DEEP, width=6)
        DRAWINGS[drawing](draw, cx, cy, INK)
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
    """Line art of a forehead and brows with `lines` wrinkles drawn `depth` pixels thick."""
    big = (size[0] * SCALE, size[1] * SCALE)
    image = ground(big, 1)
    w, h = big
    draw = ImageDraw.Draw(image)
    outline = catmull_rom([(w * 0.17, h * 1.02), (w * 0.18, h * 0.56), (w * 0.26, h * 0.29), (w * 0.50, h * 0.17),
                           (w * 0.74, h * 0.29), (w * 0.82, h * 0.56), (w * 0.83, h * 1.02)])
    draw.line(outline, fill=INK, width=6, joint="curve")
    for side in (-1, 1):
        brow = catmull_rom([(w * (0.5 + side * 0.06), h * 0.80), (w * (0.5 + side * 0.17), h * 0.74),
                            (w * (0.5 + side * 0.28), h * 0.78)])
        draw.line(brow, fill=INK, width=10, joint="curve")
    for i in range(lines):
        y = h * (0.42 + i * 0.075)
        inset = 0.04 * (i % 2) + 0.02 * (i == 0)
        points = [(x, y - h * 0.014 * math.sin(math.pi * (x / w - 0.3) / 0.4))
                  for x in range(round(w * (0.31 + inset)), round(w * (0.69 - inset)), 8)]
        draw.line(points, fill=CLAY, width=depth * SCALE, joint="curve")
    return jpeg(image.resize(size, Image.Resampling.LANCZOS), name)


def illustrated_pair():
    return {
        "before_image": forehead("forehead-before.jpg", lines=4, depth=6),
        "before_alt": "Drawing of a forehead with four deep horizontal lines",
        "after_image": forehead("forehead-after.jpg", lines=2, depth=2),
        "after_alt": "The same forehead drawn with two faint lines",
        "caption": "Illustration, not a patient: how forehead lines typically soften about two weeks after Botox.",
        "consent_recorded": True,
        "consent_reference": "Not a patient (illustration)",
        "show_publicly": True,
        "order": 1,
    }


def intro_art(directory):
    """static/img/intro.webp and .jpg: the home page's arch picture (drawn once; committed, not a demo upload)."""
    image = Image.open(hero("intro.jpg", 2, size=(720, 900), motif="botox"))
    image.save(f"{directory}/intro.webp", "WEBP", quality=82, method=6)
    image.save(f"{directory}/intro.jpg", "JPEG", quality=82, optimize=True, progressive=True)


def portrait(name, initials, seed, size=(800, 800)):
    """A stand-in for a clinician's photograph: their initials in a ring on a soft tint (clinics replace it)."""
    from PIL import ImageFont

    ink, tint = [(SAGE_DEEP, SAND), (CLAY, IVORY), (INK, BLUSH)][seed % 3]
    image = Image.new("RGB", size, tint)
    draw = ImageDraw.Draw(image)
    draw.ellipse((size[0] * 0.18, size[1] * 0.18, size[0] * 0.82, size[1] * 0.82), outline=ink, width=6)
    font = ImageFont.load_default(size=size[1] // 4)
    draw.text((size[0] / 2, size[1] / 2), initials, fill=ink, font=font, anchor="mm")
    return jpeg(image, name)

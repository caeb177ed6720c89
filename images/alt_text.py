"""Rules for text alternatives: every image is described, or explicitly marked decorative."""

import re

GENERIC = {"image", "photo", "picture", "img", "pic", "photograph", "graphic", "an image", "a photo", "a picture"}
FILE_NAME = re.compile(r"(\.(jpe?g|png|webp|gif|heic|tiff?)$)|^(img|dsc|pxl|image|photo)[-_ ]?\d+", re.IGNORECASE)


def alt_text_problem(alt, caption=""):
    """Why `alt` does not describe an image, or None when it is fine. Empty alt is the caller's business."""
    text = " ".join(alt.split())
    if not text:
        return None
    if FILE_NAME.search(text):
        return (
            f"“{text}” looks like a file name. Describe what the image shows, "
            "e.g. “Practitioner marking injection points on a patient’s forehead”."
        )
    if text.lower().strip(".") in GENERIC:
        return f"“{text}” does not say what the image shows. Describe it in a short sentence."
    if caption and text.lower() == " ".join(caption.split()).lower():
        return (
            "The text alternative repeats the caption. "
            "Describe what the image shows instead; the caption is read out anyway."
        )
    return None

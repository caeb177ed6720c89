"""A medical review covers the content it read: a fingerprint of that content's words is kept with the
review, and the review is current only while the content still has that fingerprint."""

import hashlib
import html

import nh3

# How the page history (django-reversion comments) names a recorded review and a publish without one; the
# audit page finds reviews and overrides by these words.
REVIEW_RECORDED = "Medical review recorded"
REVIEW_OVERRIDDEN = "Published without a new medical review"
# How the admin's log names the steps of the review workflow (the audit page lists them as reviews).
SUBMITTED_FOR_REVIEW = "Submitted for medical review"
CHANGES_REQUESTED = "Changes requested"


def plain_words(rich_text):
    """The words of `rich_text` as a reader sees them: markup, spacing and line breaks do not count."""
    return " ".join(html.unescape(nh3.clean(rich_text or "", tags=set())).split())


def fingerprint(texts):
    return hashlib.sha256("\x1f".join(plain_words(text) for text in texts).encode()).hexdigest()

import re

from django.core.exceptions import ValidationError
from django.db import models


class SearchDocument(models.Model):
    """The plain text of one public page (any page type), indexed by the database's full-text search:
    SQLite FTS5 or PostgreSQL tsvector (see migrations 0002). Kept in step by search.signals."""

    kind = models.CharField(max_length=20)  # the page type's model name
    object_id = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    body_text = models.TextField()
    status = models.CharField(max_length=10)
    publish_at = models.DateTimeField()
    unpublish_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")]

    def __str__(self):
        return f"{self.kind} {self.object_id}: {self.title}"


def words(text):
    """Text as search sees it: lower-case words, single-spaced."""
    return " ".join(re.findall(r"\w+", text.lower()))


class Synonym(models.Model):
    """What patients type, and what the site calls it: "nose job" is searched as "rhinoplasty"."""

    phrase = models.CharField(
        "patients type", max_length=60, unique=True,
        help_text="A word or phrase patients use, for example “nose job”. Capitals and punctuation do not matter.",
    )
    search_for = models.CharField(
        "search for", max_length=60,
        help_text="The words the site's own pages use, for example “rhinoplasty”.",
    )

    class Meta:
        ordering = ["phrase"]

    def __str__(self):
        return f"{self.phrase} → {self.search_for}"

    def clean(self):
        self.phrase, self.search_for = words(self.phrase), words(self.search_for)
        if not self.phrase:
            raise ValidationError({"phrase": "Type the word or phrase patients use (letters or digits)."})
        if not self.search_for:
            raise ValidationError({"search_for": "Type the words the site's pages use (letters or digits)."})
        if self.phrase == self.search_for:
            raise ValidationError({"search_for": "This is the same as what patients type: nothing would change."})

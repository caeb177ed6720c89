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

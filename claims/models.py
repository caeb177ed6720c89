from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class ClaimOverrideQuerySet(models.QuerySet):
    def for_page(self, page):
        if page.pk is None:
            return self.none()
        return self.filter(content_type=ContentType.objects.get_for_model(page), object_id=page.pk)


class ClaimOverride(models.Model):
    """An Editor's decision to publish despite a blocking finding: who, when, and why. Kept for good."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveIntegerField()
    page = GenericForeignKey("content_type", "object_id")
    rule_id = models.CharField("rule", max_length=50)
    reason = models.TextField()
    overridden_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = ClaimOverrideQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.rule_id} overridden on {self.page}"

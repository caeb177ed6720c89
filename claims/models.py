from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import models
from django.utils import timezone

from .checker import find_claims


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


class ClaimsChecked(models.Model):
    """For page types: blocking advertising-rule findings stop a page being published, unless an Editor
    overrides the rule, now (`overrides`) or earlier (a ClaimOverride)."""

    claim_rules = ()  # the page type's own rules (claims.checker.PageRule), besides the jurisdiction's pack

    class Meta:
        abstract = True

    def publishing_problems(self, overrides=()):
        overridden = set(overrides) | set(ClaimOverride.objects.for_page(self).values_list("rule_id", flat=True))
        return super().publishing_problems(overrides) + [
            (finding.field or NON_FIELD_ERRORS, finding.problem())
            for finding in find_claims(self)
            if finding.blocks and finding.rule_id not in overridden
        ]

from django.conf import settings
from django.db import models
from django.urls import reverse

from images.fields import CleanImageField


class ClinicianQuerySet(models.QuerySet):
    def shown_publicly(self):
        """Profiles whose photos patients may fetch: every one (/team/<slug>/ is public, listed or not)."""
        return self.all()


class Clinician(models.Model):
    """A clinician who writes or medically reviews pages: credited in bylines and review lines, each with a
    public profile at /team/<slug>/."""

    name = models.CharField(max_length=150, help_text="As patients should see it, e.g. “Dr Amira Shah”.")
    slug = models.SlugField(
        max_length=150, unique=True, help_text="The profile's address: /team/ and this, e.g. /team/dr-amira-shah/."
    )
    role = models.CharField("role or title", max_length=150, help_text="e.g. “Consultant plastic surgeon”.")
    credentials = models.CharField(max_length=150, blank=True, help_text="e.g. “MBBS, MRCS, FRCS (Plast)”.")
    registration_number = models.CharField(
        "professional registration", max_length=50, blank=True,
        help_text="Optional, e.g. “GMC 1234567” or “NMC 12A3456B”.",
    )
    registering_body = models.CharField(
        max_length=150, blank=True, help_text="e.g. “General Medical Council”, “Nursing and Midwifery Council”.",
    )
    register_url = models.URLField(
        "entry on the public register", blank=True,
        help_text="A link to their entry on the registering body's public register, so patients can check it.",
    )
    bio = models.TextField("short biography", blank=True)
    photo = CleanImageField(upload_to="clinicians/", blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="clinician",
        help_text="Their staff account, if they have one: reviews they record default to this profile.",
    )

    listed = models.BooleanField("shown on the team page", default=True)
    display_order = models.PositiveIntegerField(default=0, help_text="Lower numbers are listed first.")

    objects = ClinicianQuerySet.as_manager()

    class Meta:
        ordering = ["display_order", "name"]

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    def get_absolute_url(self):
        return reverse("team:profile", kwargs={"slug": self.slug})

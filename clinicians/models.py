from django.conf import settings
from django.db import models

from images.fields import CleanImageField


class Clinician(models.Model):
    """A clinician who writes or medically reviews pages. Shown in bylines and review lines."""

    name = models.CharField(max_length=150, help_text="As patients should see it, e.g. “Dr Amira Shah”.")
    role = models.CharField("role or title", max_length=150, help_text="e.g. “Consultant plastic surgeon”.")
    credentials = models.CharField(max_length=150, blank=True, help_text="e.g. “MBBS, MRCS, FRCS (Plast)”.")
    registration_number = models.CharField(
        "professional registration", max_length=50, blank=True,
        help_text="Optional, e.g. “GMC 1234567” or “NMC 12A3456B”.",
    )
    bio = models.TextField("short biography", blank=True)
    photo = CleanImageField(upload_to="clinicians/", blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="clinician",
        help_text="Their staff account, if they have one: reviews they record default to this profile.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

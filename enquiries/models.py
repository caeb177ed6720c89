from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

MESSAGE_MAX_LENGTH = 2000


class EnquiryQuerySet(models.QuerySet):
    def older_than_retention(self, now=None):
        """Enquiries past the retention period (CLINIC_ENQUIRY_RETENTION_DAYS), due for deletion."""
        cutoff = (now or timezone.now()) - timedelta(days=settings.CLINIC_ENQUIRY_RETENTION_DAYS)
        return self.filter(created_at__lt=cutoff)


class Enquiry(models.Model):
    """A patient's request for a consultation. Personal, possibly health-related, data."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        BOOKED = "booked", "Booked"
        CLOSED = "closed", "Closed"

    class ContactMethod(models.TextChoices):
        EMAIL = "email", "Email"
        PHONE = "phone", "Phone"

    created_at = models.DateTimeField("received", default=timezone.now, db_index=True)
    name = models.CharField(max_length=150)
    email = models.EmailField()
    phone = models.CharField(max_length=30, blank=True)
    treatment = models.ForeignKey(
        "treatments.Treatment", on_delete=models.SET_NULL, null=True, blank=True, related_name="enquiries"
    )
    contact_method = models.CharField(
        "preferred contact method", max_length=10, choices=ContactMethod.choices, default=ContactMethod.EMAIL
    )
    message = models.TextField(max_length=MESSAGE_MAX_LENGTH, blank=True)
    confirmed_adult = models.BooleanField("confirmed 18 or over", default=False)
    consented_at = models.DateTimeField(
        "consent given", help_text="When the patient agreed to the clinic using the enquiry's health information."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)
    staff_notes = models.TextField(blank=True, help_text="For staff only; never shown to the patient.")
    updated_at = models.DateTimeField(auto_now=True)

    objects = EnquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "enquiries"
        constraints = [
            models.CheckConstraint(condition=models.Q(confirmed_adult=True), name="enquiry_patient_is_adult"),
        ]

    def __str__(self):
        return f"Enquiry #{self.pk} from {self.name}"

    def get_admin_url(self):
        return reverse("admin:enquiries_enquiry_change", args=[self.pk])


class EnquiryAccess(models.Model):
    """Who opened or exported enquiries, and when: the access log superusers can read."""

    class Action(models.TextChoices):
        VIEWED = "viewed", "Opened"
        EXPORTED = "exported", "Exported to CSV"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=10, choices=Action.choices)
    # Kept when an enquiry is purged: the log itself holds no personal data.
    enquiry = models.ForeignKey(Enquiry, on_delete=models.SET_NULL, null=True, blank=True, related_name="accesses")
    enquiry_count = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-at"]
        verbose_name = "enquiry access"
        verbose_name_plural = "enquiry access log"

    def __str__(self):
        return f"{self.user} {self.get_action_display().lower()} at {self.at:%Y-%m-%d %H:%M}"

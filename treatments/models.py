from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.db.models import Max
from django.urls import reverse
from django_ckeditor_5.fields import CKEditor5Field

from claims.models import ClaimsChecked
from images.alt_text import alt_text_problem
from images.fields import CleanImageField
from publishing.models import Publishable
from publishing.sanitize import has_text

from . import claims

CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}


def default_currency():
    return settings.CLINIC_CURRENCY


class Treatment(ClaimsChecked, Publishable):
    """A treatment page; its name is its title. Key facts are fields so they can be shown as a fact box."""

    class Category(models.TextChoices):
        # Stored values sort in display order: non-surgical first.
        NON_SURGICAL = "non_surgical", "Non-surgical"
        SURGICAL = "surgical", "Surgical"

    category = models.CharField(max_length=20, choices=Category.choices)
    injectable = models.BooleanField(
        "given by injection", default=False,
        help_text="Tick for injectable treatments (e.g. Botox, fillers): search engines are told it is a procedure "
        "through the skin (percutaneous) rather than a non-invasive one.",
    )
    procedure_time = models.CharField(max_length=100, blank=True, help_text="For example “15–20 minutes”.")
    anaesthetic = models.CharField(max_length=100, blank=True, help_text="For example “None needed” or “General”.")
    results_last = models.CharField("results last", max_length=100, blank=True, help_text="For example “3–4 months”.")
    downtime = models.CharField(max_length=100, blank=True, help_text="For example “None” or “1–2 weeks”.")
    recovery = models.CharField(
        max_length=100, blank=True, help_text="For example “Back to normal activities in 1–2 weeks”."
    )
    minimum_age = models.PositiveSmallIntegerField(
        default=18, null=True, blank=True, validators=[MaxValueValidator(120)],
        help_text="Youngest age treated. In England botulinum toxin and fillers are for over-18s only.",
    )
    price_from = models.DecimalField(
        max_digits=9, decimal_places=2, null=True, blank=True, help_text="Optional starting price."
    )
    price_currency = models.CharField(
        max_length=3,
        default=default_currency,
        validators=[RegexValidator(r"^[A-Z]{3}$", "Use a three-letter currency code such as GBP.")],
    )
    how_it_works = CKEditor5Field("how it works", blank=True)
    risks = CKEditor5Field(
        "side effects and risks",
        blank=True,
        help_text="Always shown next to the benefits. Required before the page can be published.",
    )
    aftercare = CKEditor5Field(blank=True)
    clinicians = models.ManyToManyField(
        "clinicians.Clinician", blank=True, related_name="treatments",
        help_text="Who performs it: shown on the page and on their team profiles.",
    )
    display_order = models.PositiveIntegerField(default=0, help_text="Lower numbers are listed first.")

    rich_text_fields = ("body", "how_it_works", "risks", "aftercare")
    clinical_fields = (
        "body", "how_it_works", "risks", "aftercare", "procedure_time", "anaesthetic", "results_last", "downtime",
        "recovery", "minimum_age",
    )
    shown_with = ("treatments.FAQ", "treatments.BeforeAfterPair", "clinicians.Clinician", "images.Image")
    write_label = "New treatment page"
    claim_rules = claims.RULES

    class Meta(Publishable.Meta):
        ordering = ["category", "display_order", "title"]
        permissions = [
            ("publish_treatment", "Can publish, schedule and unpublish treatment pages"),
            ("review_treatment", "Can record a medical review of treatment pages"),
        ]

    def get_absolute_url(self):
        return reverse("treatments:detail", kwargs={"slug": self.slug})

    def breadcrumbs(self):
        return [
            ("Home", reverse("home")), ("Treatments", reverse("treatments:list")), (self.title, self.get_absolute_url())
        ]

    def questions_and_answers(self):
        return [(faq.question, faq.answer) for faq in self.faqs.all()] if self.pk else []

    def missing_for_publishing(self):
        if not has_text(self.risks):
            return [
                (
                    "risks",
                    "Add the side effects and risks before publishing: patients must see them beside the benefits.",
                )
            ]
        return []

    @property
    def price_display(self):
        if self.price_from is None:
            return ""
        symbol = CURRENCY_SYMBOLS.get(self.price_currency, self.price_currency + " ")
        amount = f"{self.price_from:,.0f}" if self.price_from == int(self.price_from) else f"{self.price_from:,.2f}"
        return f"From {symbol}{amount}"

    def key_facts(self):
        """(label, value) pairs for the fact box, leaving out facts not filled in."""
        facts = [
            ("Procedure time", self.procedure_time),
            ("Anaesthetic", self.anaesthetic),
            ("Results last", self.results_last),
            ("Downtime", self.downtime),
            ("Recovery", self.recovery),
            ("Minimum age", f"{self.minimum_age}" if self.minimum_age else ""),
            ("Price", self.price_display),
        ]
        return [(label, value) for label, value in facts if value]


ORDER_HELP = "Position on the page: lower numbers come first. Left empty, the item goes after the others."


class PlacedLast:
    """For a treatment's items shown in order (FAQs, gallery pairs): one saved without a position goes last."""

    def save(self, *args, **kwargs):
        if self.order is None:
            last = type(self).objects.filter(treatment_id=self.treatment_id).aggregate(Max("order"))["order__max"]
            self.order = (last or 0) + 1
        super().save(*args, **kwargs)


class FAQ(PlacedLast, models.Model):
    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField(max_length=250)
    answer = models.TextField(help_text="Plain text; a blank line starts a new paragraph.")
    order = models.PositiveIntegerField(blank=True, help_text=ORDER_HELP)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "FAQ"
        verbose_name_plural = "FAQs"

    def __str__(self):
        return self.question


class BeforeAfterPairQuerySet(models.QuerySet):
    def public(self):
        """Pairs patients may see: marked for showing, with the patient's consent on record."""
        return self.filter(show_publicly=True, consent_recorded=True).exclude(consent_reference="")

    def shown_publicly(self):
        """Pairs whose photos patients may fetch: public pairs of live treatment pages (publishing.media)."""
        return self.public().filter(treatment__in=Treatment.objects.published())


class BeforeAfterPair(PlacedLast, models.Model):
    """Two photos of one patient, shown on the treatment page only with the patient's recorded consent."""

    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="gallery")
    before_image = CleanImageField(
        upload_to="gallery/%Y/%m/", width_field="before_width", height_field="before_height"
    )
    before_width = models.PositiveIntegerField(null=True, editable=False)
    before_height = models.PositiveIntegerField(null=True, editable=False)
    before_alt = models.CharField("before: text alternative", max_length=200)
    after_image = CleanImageField(upload_to="gallery/%Y/%m/", width_field="after_width", height_field="after_height")
    after_width = models.PositiveIntegerField(null=True, editable=False)
    after_height = models.PositiveIntegerField(null=True, editable=False)
    after_alt = models.CharField("after: text alternative", max_length=200)
    caption = models.CharField(max_length=250, help_text="e.g. “Two weeks after treatment; results vary.”")
    consent_recorded = models.BooleanField(
        "patient consent recorded", default=False,
        help_text="Tick only when the patient's signed consent to publish these photos is on file.",
    )
    consent_reference = models.CharField(
        max_length=100, blank=True, help_text="Where the signed consent is filed, e.g. a form number."
    )
    show_publicly = models.BooleanField(default=False, help_text="Needs the patient's consent recorded.")
    order = models.PositiveIntegerField(blank=True, help_text=ORDER_HELP)

    objects = BeforeAfterPairQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "before-and-after pair"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(show_publicly=False)
                | (models.Q(consent_recorded=True) & ~models.Q(consent_reference="")),
                name="gallery_pair_public_only_with_consent",
            )
        ]

    def __str__(self):
        return self.caption

    def clean(self):
        errors = {}
        if self.show_publicly and not (self.consent_recorded and self.consent_reference.strip()):
            errors["show_publicly"] = (
                "This pair cannot be shown until the patient's consent is recorded: tick “patient consent "
                "recorded” and give the consent reference."
            )
        for side in ("before", "after"):
            if problem := alt_text_problem(getattr(self, f"{side}_alt"), self.caption):
                errors[f"{side}_alt"] = problem
        if errors:
            raise ValidationError(errors)

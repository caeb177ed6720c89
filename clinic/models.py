import re
from datetime import time
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DEFAULT_HOURS = "Monday 09:00–18:00\nTuesday 09:00–18:00\nWednesday 09:00–18:00\nThursday 09:00–18:00\n" \
    "Friday 09:00–18:00\nSaturday 10:00–16:00"
TIME_RANGE = re.compile(r"(\d{1,2})[:.](\d{2})\s*(?:-|–|—|to)\s*(\d{1,2})[:.](\d{2})")


def parse_hours(text):
    """{day index: [(opens, closes), ...]} from lines such as “Monday 09:00–18:00” or “Sat 10:00–13:00,
    14:00–16:00”; ValueError saying which line is wrong and how to write it."""
    hours = {}
    for number, line in enumerate((line.strip() for line in text.splitlines()), start=1):
        if not line:
            continue
        word, _, rest = line.partition(" ")
        day = next((i for i, name in enumerate(DAYS) if len(word) >= 3 and name.lower().startswith(word.lower())), None)
        ranges = TIME_RANGE.findall(rest)
        if day is None or not ranges or TIME_RANGE.sub("", rest).strip(" ,;") or day in hours:
            raise ValueError(f"Line {number} (“{line}”) should be a day and its hours, e.g. “Monday 09:00–18:00” "
                             "or “Saturday 10:00–13:00, 14:00–16:00”, each day once.")
        try:
            periods = [(time(int(a), int(b)), time(int(c), int(d))) for a, b, c, d in ranges]
        except ValueError:
            raise ValueError(f"Line {number} (“{line}”) has a time that does not exist; use 00:00 to 23:59.") from None
        if any(closes <= opens for opens, closes in periods):
            raise ValueError(f"Line {number} (“{line}”): each closing time must be after its opening time.")
        hours[day] = periods
    return hours


# A UK postcode at the end of an address ("12 Harbour Street, London SE1 0AA").
UK_POSTCODE = re.compile(r"\s*([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})$", re.IGNORECASE)


class ClinicDetails(models.Model):
    """The clinic's address, contact details and visiting information: one record, edited by staff. Before anyone
    edits it, it holds what CLINIC_PHONE, CLINIC_EMAIL and CLINIC_ADDRESS said at the first migrate."""

    phone = models.CharField(max_length=40, help_text="As patients should dial it, e.g. “+44 20 7946 0000”.")
    email = models.EmailField()
    street_address = models.CharField(max_length=150, help_text="e.g. “12 Harbour Street”.")
    locality = models.CharField("town or city", max_length=80)
    postcode = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=2, default="GB", help_text="Two-letter country code, e.g. GB, IE, US.")
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True,
                                   help_text="Optional: for the map link and search engines, e.g. 51.503400.")
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True,
                                    help_text="Optional, e.g. -0.086000.")
    getting_there = models.TextField(blank=True, help_text="Nearest stations, buses, parking. Plain text.")
    accessibility = models.TextField(blank=True, help_text="Step-free access, lifts, toilets, hearing loop.")
    opening_hours = models.TextField(
        default=DEFAULT_HOURS,
        help_text="One line per day, e.g. “Monday 09:00–18:00”; two periods: “Saturday 10:00–13:00, 14:00–16:00”. "
        "Days not listed are shown as closed.",
    )
    consultation_price = models.CharField(
        max_length=200, blank=True,
        help_text="What a first consultation costs, e.g. “£50, taken off the price of treatment if you go ahead”.",
    )

    class Meta:
        verbose_name = verbose_name_plural = "clinic details"

    def __str__(self):
        return "Clinic details"

    def save(self, *args, **kwargs):
        self.pk = 1  # there is only ever one
        super().save(*args, **kwargs)

    def clean(self):
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError("Give both latitude and longitude, or neither.")
        self.country = self.country.upper()
        try:
            parse_hours(self.opening_hours)
        except ValueError as problem:
            raise ValidationError({"opening_hours": str(problem)}) from None

    @classmethod
    def load(cls):
        """The record, or (before the first migrate made it) what the environment says."""
        return cls.objects.filter(pk=1).first() or cls.from_settings()

    @classmethod
    def for_version(cls, version):
        """load(), remembered by this worker while the content version stands (saving the details bumps it):
        every page shows the address, and it changes rarely."""
        remembered = cls.__dict__.get("_remembered")
        if remembered is None or remembered[0] != version:
            cls._remembered = remembered = (version, cls.load())
        return remembered[1]

    @classmethod
    def from_settings(cls):
        address = settings.CLINIC_ADDRESS
        postcode = UK_POSTCODE.search(address)
        if postcode:
            address = address[: postcode.start()]
        street, _, locality = address.rpartition(",")
        return cls(
            phone=settings.CLINIC_PHONE, email=settings.CLINIC_EMAIL,
            street_address=street.strip() or locality.strip(), locality=locality.strip() if street else "",
            postcode=postcode.group(1).upper() if postcode else "",
        )

    @property
    def name(self):
        return settings.CLINIC_NAME

    @property
    def phone_href(self):
        return "tel:" + "".join(c for c in self.phone if c.isdigit() or c == "+")

    @property
    def address(self):
        return ", ".join(part for part in (self.street_address, f"{self.locality} {self.postcode}".strip()) if part)

    @property
    def map_url(self):
        """A plain link to OpenStreetMap (no embed, nothing loaded from another site until the patient asks)."""
        if self.latitude is not None and self.longitude is not None:
            return (f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
                    f"#map=17/{self.latitude}/{self.longitude}")
        return f"https://www.openstreetmap.org/search?query={quote(self.address)}"

    def hours_by_day(self):
        """[(day name, [(opens, closes), ...]), ...] Monday first; an empty list is a closed day."""
        hours = parse_hours(self.opening_hours)
        return [(name, hours.get(day, [])) for day, name in enumerate(DAYS)]

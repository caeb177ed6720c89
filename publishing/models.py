"""Publishing, once: what every page type (articles, treatment pages, ...) shares."""

import html
import secrets
import time
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connections, models, router
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django_ckeditor_5.fields import CKEditor5Field

from images.alt_text import alt_text_problem
from images.models import Image
from images.rich_text import body_image_problems, with_renditions

from .review import fingerprint, plain_words
from .sanitize import sanitize_html


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What patients may see: published, the publication time has come, and the page has not expired."""
        now = timezone.now()
        return self.filter(status=Status.PUBLISHED, publish_at__lte=now).exclude(unpublish_at__lte=now)

    def scheduled(self):
        return self.filter(status=Status.PUBLISHED, publish_at__gt=timezone.now())

    def expired(self):
        return self.filter(status=Status.PUBLISHED, unpublish_at__lte=timezone.now())

    def drafts(self):
        return self.filter(status=Status.DRAFT)

    def indexable(self):
        """Live pages search engines are asked to list (the sitemap): staff can hide a page with `noindex`."""
        return self.published().filter(noindex=False)

    def shown_publicly(self):
        """Pages whose images patients may fetch (publishing.media)."""
        return self.published()

    def review_overdue(self):
        """Medically reviewed, but longer ago than CLINIC_REVIEW_MAX_AGE_DAYS."""
        return self.filter(last_reviewed__lt=review_cutoff())

    def not_yet_reviewed(self):
        return self.filter(last_reviewed__isnull=True)

    def review_current(self):
        return self.filter(last_reviewed__gte=review_cutoff())

    def reviews_due(self):
        """What a Clinical reviewer should read again: reviews past their date, and live pages never reviewed.
        A draft never reviewed is not overdue: the review workflow reviews it before it is published."""
        return self.review_overdue() | self.published().not_yet_reviewed()


def review_cutoff():
    return timezone.localdate() - timedelta(days=settings.CLINIC_REVIEW_MAX_AGE_DAYS)


class Redirect(models.Model):
    """An old address of a live page that moved, or one an Editor redirected: answers a permanent redirect to the
    new one (middleware.py), where patients would otherwise get "page not found"."""

    old_path = models.CharField(
        "old address", max_length=250, unique=True,
        help_text="The address that no longer has a page, e.g. /blog/old-post/ (or the full web address of a page of "
        "the old site). Patients who follow it are sent on to the new address.",
    )
    new_path = models.CharField(
        "new address", max_length=250, help_text="A page of this site that patients can see, e.g. /treatments/botox/."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"

    @classmethod
    def record_move(cls, old_path, new_path):
        """Point `old_path` (and anything that already pointed to it) at `new_path`."""
        cls.objects.filter(new_path=old_path).update(new_path=new_path)
        cls.objects.update_or_create(old_path=old_path, defaults={"new_path": new_path})
        cls.objects.filter(old_path=new_path).delete()


class ContentVersion(models.Model):
    """One row whose number changes whenever anything patients can see changes: cached pages are stored
    under it, so every server sees fresh pages at once (publishing.cache)."""

    version = models.PositiveBigIntegerField(default=1)

    def __str__(self):
        return f"content version {self.version}"

    CHANNEL = "clinic_content_version"
    # Read anyway this often: a connection that died without a word (a network cut) hears nothing.
    CONFIRM_SECONDS = 2

    @classmethod
    def current(cls):
        """Asked on every page request. On PostgreSQL each connection listens for changes (see `heard`), so
        a page-cache hit costs no round trip to the database; elsewhere, and inside a transaction (which must
        see its own changes), it is read."""
        connection = connections[router.db_for_read(cls)]
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            try:
                return cls.heard(connection)
            except DatabaseError:  # the database went away (restart, failover): listen again on a new connection
                connection.close()
                return cls.heard(connection)
        return cls.read(connection)

    @classmethod
    def read(cls, connection):
        # Plain SQL: building the ORM query costs ten times the query.
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT version FROM {connection.ops.quote_name(cls._meta.db_table)} WHERE id = 1")
            row = cursor.fetchone()
        return row[0] if row else 0

    @classmethod
    def heard(cls, connection):
        """The number as PostgreSQL last announced it on this connection (LISTEN/NOTIFY). Announcements are sent
        when a change commits (never for one rolled back), in commit order, to every server at once; reading
        them needs no round trip, only a look at what has arrived on the connection."""
        with connection.wrap_database_errors:
            connection.ensure_connection()
            raw = connection.connection
            known, read_at = getattr(raw, "clinic_content_version", (None, 0))
            if known is None:  # a new connection: listen first, then read, so no change can slip in between
                with connection.cursor() as cursor:
                    cursor.execute(f"LISTEN {cls.CHANNEL}")
            if known is None or time.monotonic() - read_at > cls.CONFIRM_SECONDS:
                known, read_at = cls.read(connection), time.monotonic()
            for notice in raw.notifies(timeout=0):
                if notice.channel == cls.CHANNEL:
                    known = int(notice.payload)
            raw.clinic_content_version = (known, read_at)
        return known

    @classmethod
    def bump(cls):
        """A new number, never a reused one: a bump inside a transaction that is rolled back (a working draft's
        save) must not leave its number to be taken later by different content. PostgreSQL announces it to
        every listening connection when the change commits."""
        version = secrets.randbits(62)
        if not cls.objects.filter(pk=1).update(version=version):
            cls.objects.update_or_create(pk=1, defaults={"version": version})
        connection = connections[router.db_for_write(cls)]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_notify(%s, %s)", [cls.CHANNEL, str(version)])


class MediaCheck(models.Model):
    """Up to when pages that went live or expired by themselves have had their images made public or private
    (publishing.media.publish_due_images). One row."""

    checked_until = models.DateTimeField()

    def __str__(self):
        return f"images in step with pages up to {self.checked_until:%d/%m/%Y %H:%M:%S}"


class Publishable(models.Model):
    """Title, address, rich-text body, publishing state, SEO fields and hero image. Every concrete
    subclass is a page type (see page_types())."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="The page's web address, filled in from the title. If you change it on a live page, "
        "the old address redirects here, so links keep working.",
    )
    summary = models.TextField(
        max_length=300,
        help_text="One or two plain sentences (300 characters at most). Shown in listings and search results, "
        "and to search engines unless a meta description is set.",
    )
    body = CKEditor5Field("body")
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="Drafts are visible to staff only. Published pages go live at the publish time.",
    )
    publish_at = models.DateTimeField(
        "publish at",
        default=timezone.now,
        help_text="When a published page becomes visible to the public. A time in the future schedules it: "
        "nothing else needs doing.",
    )
    unpublish_at = models.DateTimeField(
        "unpublish at", null=True, blank=True,
        help_text="Optional: when the page stops being visible to the public (a seasonal page, say). "
        "Leave empty to keep it up. Nothing else needs doing when the time comes.",
    )
    seo_title = models.CharField(
        "SEO title", max_length=70, blank=True, help_text="Optional title for search results (70 characters at most)."
    )
    meta_description = models.CharField(
        max_length=160,
        blank=True,
        help_text="Optional description for search results (160 characters at most). The summary is used if empty.",
    )
    noindex = models.BooleanField(
        "hide from search engines",
        default=False,
        help_text="Tick to ask search engines not to list this page (an offer sent only by email, say). Patients "
        "can still open it, and the site's own search still finds it; it is left out of the sitemap.",
    )
    share_image = models.ForeignKey(
        "images.Image", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        help_text="Optional picture shown when the page is shared in messages and on social media, cropped to "
        "1200 × 630 pixels around its focal point. Without one, the hero image is used, or else the clinic's own card.",
    )
    share_image_alt = models.CharField(
        "share image alt text",
        max_length=200,
        blank=True,
        help_text="Leave empty to use the library's description of the image; write one here for this page only.",
    )
    hero_image = models.ForeignKey(
        "images.Image", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        help_text="Optional large image at the top of the page, in listings and when the page is shared, chosen "
        "from the image library (or uploaded to it). Crops keep the image's focal point in view.",
    )
    hero_image_alt = models.CharField(
        "hero image alt text",
        max_length=200,
        blank=True,
        help_text="Leave empty to use the library's description of the image; write one here for this page only.",
    )
    hero_image_decorative = models.BooleanField(
        "hero image is decorative",
        default=False,
        help_text="Tick only if the image adds nothing to the text (it will be hidden from screen readers).",
    )
    reviewed_by = models.ForeignKey(
        "clinicians.Clinician",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="medically reviewed by",
    )
    last_reviewed = models.DateField("last medical review", null=True, blank=True)
    reviewed_content = models.CharField(
        max_length=64, blank=True, editable=False,
        help_text="Fingerprint of the medical content the last review read (publishing.review).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )

    objects = PublishableQuerySet.as_manager()

    rich_text_fields = ("body",)
    # What a medical review covers; a change to any of these needs a new review before it is published.
    clinical_fields = ("body",)
    # Other models ("app_label.Model") shown on this type's public pages: saving or deleting one of
    # them makes cached pages stale, and re-indexes the page it belongs to.
    shown_with = ()
    # The admin home's button for a new page of this type ("New <verbose name>" if empty).
    write_label = ""

    class Meta:
        abstract = True
        ordering = ["-publish_at"]
        get_latest_by = "publish_at"
        # Covers published(): lists, counts and deep pages are read from the index alone.
        indexes = [models.Index(fields=["status", "publish_at", "unpublish_at"], name="%(app_label)s_%(class)s_live")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="%(app_label)s_%(class)s_status_valid"
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        # Every path (admin, shell, import) stores only sanitised HTML; a save that writes only some
        # columns (publish, review) leaves the bodies, and their images, alone.
        from .rich_text import with_current_addresses  # (it looks pages up through this module's page_types)

        for field in self.rich_text_fields_to_write(update_fields):
            setattr(self, field, with_current_addresses(with_renditions(sanitize_html(getattr(self, field)))))
            Image.objects.describe_from(getattr(self, field))
        stored = type(self).objects.filter(pk=self.pk).values("status", "slug", "publish_at", "unpublish_at").first()
        if self.status == Status.PUBLISHED and (update_fields is None or "status" in update_fields):
            # What no one may publish without, judged on what is stored, whatever the path.
            if missing := self.missing_for_publishing():
                raise ValidationError(dict(missing))
            # A draft published now goes live now, not at the time it was first written.
            if stored and stored["status"] == Status.DRAFT and self.publish_at < timezone.now():
                self.publish_at = timezone.now()
                if update_fields is not None:
                    kwargs["update_fields"] = [*update_fields, "publish_at"]
        was_live = stored and type(self)(**stored).is_published()
        previous_live_path = type(self).path_for_slug(stored["slug"]) if was_live else None
        super().save(*args, **kwargs)
        if self.is_published():
            Redirect.objects.filter(old_path=self.get_absolute_url()).delete()  # this page owns its address now
        if previous_live_path and previous_live_path != self.get_absolute_url():
            Redirect.record_move(previous_live_path, self.get_absolute_url())

    def rich_text_fields_to_write(self, update_fields):
        return [f for f in self.rich_text_fields if update_fields is None or f in update_fields]

    @classmethod
    def path_for_slug(cls, slug):
        return cls(slug=slug).get_absolute_url()

    @classmethod
    def listing_paths(cls):
        """Public addresses of this type's listings besides its index (the blog's categories, say)."""
        return []

    def clean(self):
        super().clean()
        errors = {}
        for field, label in (("hero_image", "hero image"), ("share_image", "share image")):
            if message := self.alt_text_problem(field, label):
                errors[f"{field}_alt"] = message
        if self.unpublish_at and self.publish_at and self.unpublish_at <= self.publish_at:
            errors["unpublish_at"] = "The page must go live before it is unpublished: choose a later time, or none."
        for field in self.rich_text_fields:
            if problems := body_image_problems(sanitize_html(getattr(self, field))):
                errors[field] = problems
        if self.status == Status.PUBLISHED:
            for field, message in self.missing_for_publishing():
                errors.setdefault(field, message)
        if errors:
            raise ValidationError(errors)

    def missing_for_publishing(self):
        """(field, message) pairs for what every page of this type needs before it may be published
        (a treatment's risks, say), judged on the sanitised text. No one can override these."""
        return []

    def publishing_problems(self, overrides=()):
        """(field, message) pairs that stop this page being published. Mixins (the advertising rules) add
        theirs; `overrides` names the rules an Editor is overriding with this save."""
        return self.missing_for_publishing()

    def is_published(self):
        now = timezone.now()
        return self.status == Status.PUBLISHED and self.publish_at <= now and not self.is_expired()

    def is_expired(self):
        return self.status == Status.PUBLISHED and self.unpublish_at is not None and self.unpublish_at <= timezone.now()

    is_published.boolean = True
    is_published.short_description = "live"

    def is_scheduled(self):
        return self.status == Status.PUBLISHED and self.publish_at > timezone.now()

    @admin.display(description="state")
    def state(self):
        """Who can see this page, in a word or two, for lists."""
        if self.is_published():
            return "Live"
        if self.is_expired():
            return "Expired"
        if self.is_scheduled():
            return f"Scheduled for {date_format(timezone.localtime(self.publish_at), 'SHORT_DATETIME_FORMAT')}"
        return "Draft"

    def publication_state(self):
        """A sentence for staff saying who can see this page now."""
        if self.is_published():
            if self.unpublish_at:
                return f"Published: visible to everyone until {moment(self.unpublish_at)}"
            return "Published: visible to everyone."
        if self.is_expired():
            return f"Expired: unpublished itself on {moment(self.unpublish_at)} Only staff can see it."
        if self.is_scheduled():
            return f"Scheduled: goes live on {moment(self.publish_at)} Only staff can see it until then."
        return "Draft: not published. Only staff can see this page."

    def search_text(self):
        """Everything a patient could search for on this page, as plain text. (Angle brackets become spaces:
        PostgreSQL's parser would take "<script> saunas" for markup and skip the words.)"""
        fields = ("summary", *self.rich_text_fields)
        text = " ".join(strip_tags(getattr(self, field).replace("</", " </")) for field in fields)
        text = html.unescape(text).replace("<", " ").replace(">", " ")
        return " ".join([text, *(f"{question} {answer}" for question, answer in self.questions_and_answers())])

    def questions_and_answers(self):
        """(question, answer) pairs shown on the page, in order (a treatment's FAQs)."""
        return []

    def clinical_texts(self):
        texts = [str(getattr(self, field) or "") for field in self.clinical_fields]
        # The order questions are shown in is layout, not medical content: reordering keeps a review current.
        faqs = (f"{question} {answer}" for question, answer in self.questions_and_answers())
        return texts + sorted(faqs, key=plain_words)

    def clinical_fingerprint(self):
        return fingerprint(self.clinical_texts())

    def record_review(self, clinician, day):
        """The medical review of this page's content as it is now."""
        self.reviewed_by, self.last_reviewed = clinician, day
        self.reviewed_content = self.clinical_fingerprint()

    def review_is_current(self):
        """Reviewed, and the medical content is still what the reviewer read."""
        return bool(self.reviewed_by_id and self.last_reviewed and self.reviewed_content == self.clinical_fingerprint())

    def needs_review_to_publish(self):
        return self._meta.label_lower in settings.CLINIC_REVIEW_REQUIRED_FOR and not self.review_is_current()

    def is_review_overdue(self):
        return self.last_reviewed is not None and self.last_reviewed < review_cutoff()

    is_review_overdue.boolean = True
    is_review_overdue.short_description = "review overdue"

    def get_admin_url(self):
        return reverse(f"admin:{self._meta.app_label}_{self._meta.model_name}_change", args=[self.pk])

    def alt_text_problem(self, field, label):
        """Why the text alternative of the hero or share image (`field`) does not do, or None: the page's own, else
        the library's description, unless the image is decorative here (a hero) or everywhere (in the library)."""
        image, override = getattr(self, field), getattr(self, f"{field}_alt")
        if image is None or (field == "hero_image" and self.hero_image_decorative):
            return None
        if override.strip():
            return alt_text_problem(override)
        if not image.effective_alt():
            if image.decorative and field == "hero_image":
                return None
            return (
                f"Describe the {label} for people who cannot see it: the library's image “{image}” has no "
                "description. Write one here (or in the library, for every page that uses it)."
            )
        return None

    @property
    def hero_alt(self):
        """What screen readers hear for the hero image ("" when it is decorative)."""
        if not self.hero_image or self.hero_image_decorative:
            return ""
        return self.hero_image.effective_alt(self.hero_image_alt)

    @property
    def sharing_image(self):
        """The picture shared in messages and social media: the share image, else the hero (None: the clinic's)."""
        return self.share_image or self.hero_image

    @property
    def sharing_alt(self):
        if self.share_image:
            return self.share_image.effective_alt(self.share_image_alt) or self.title
        return self.hero_alt or self.title

    @property
    def kind(self):
        return self._meta.verbose_name.capitalize()

    @property
    def meta_title(self):
        return self.seo_title or self.title

    @property
    def description(self):
        return self.meta_description or self.summary


def moment(when):
    """`when` in the clinic's time, ending a sentence: "10 Jan 2030, 9:30 a.m." has its full stop already."""
    text = date_format(timezone.localtime(when), "DATETIME_FORMAT")
    return text if text.endswith(".") else f"{text}."


def page_types():
    """Every page type: each concrete model built on Publishable, in INSTALLED_APPS order."""
    return [model for model in apps.get_models() if issubclass(model, Publishable)]


def page_type_related_models():
    """The models in every page type's `shown_with`."""
    return {related for model in page_types() for related in page_type_related_models_of(model)}


def page_type_related_models_of(page_type):
    return [apps.get_model(label) for label in page_type.shown_with]


class Autosave(models.Model):
    """What a staff member has typed into a page's form and not yet saved, sent by the form every few
    seconds (static/js/admin-autosave.js). Offered back when they open the form again; gone once they save."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveIntegerField(help_text="0 for a page not created yet.")
    fields = models.JSONField()
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "content_type", "object_id"], name="autosave_one_per_user_page")
        ]

    def __str__(self):
        return f"{self.user} on {self.content_type.model} {self.object_id or '(new)'} at {self.saved_at:%H:%M}"


class PageRecordQuerySet(models.QuerySet):
    """For records kept about one page of any type."""

    def for_page(self, page):
        return self.filter(content_type=ContentType.objects.get_for_model(page), object_id=page.pk)


class PageDraft(models.Model):
    """The working draft of a live page: its fields and its inline items (FAQs, gallery pairs), as Django's
    serializer writes them. Patients see the live page until someone with the right publishes the draft."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveIntegerField()
    data = models.TextField(help_text="The page and its inline items, serialised as JSON.")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    go_live_at = models.DateTimeField(
        null=True, blank=True, db_index=True, help_text="When an Editor scheduled these changes to go live."
    )

    objects = PageRecordQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="page_draft_one_per_page")]

    def __str__(self):
        return f"draft of {self.content_type.model} {self.object_id}"


class ReviewRequest(models.Model):
    """Where a page stands in the review workflow: an Author submitted it for medical review, or a Clinical
    reviewer asked for changes. Approving records the review; publishing ends the request."""

    class State(models.TextChoices):
        IN_REVIEW = "in_review", "In review"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveIntegerField()
    state = models.CharField(max_length=20, choices=State.choices)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    comment = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PageRecordQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="review_request_one_per_page")
        ]

    def __str__(self):
        return f"{self.get_state_display()}: {self.content_type.model} {self.object_id}"


class PreviewLink(models.Model):
    """A link that shows one version of a page (as it was when the link was made) to whoever holds it,
    without signing in, until it expires or is revoked, or the page is deleted."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveIntegerField()
    data = models.TextField(help_text="The page and its inline items as shared, serialised as JSON.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = PageRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"preview of {self.content_type.model} {self.object_id} made {self.created_at:%d/%m/%Y %H:%M}"

    def expires_at(self):
        return self.created_at + timedelta(days=settings.CLINIC_PREVIEW_MAX_AGE_DAYS)

    def is_active(self):
        return self.revoked_at is None and self.expires_at() > timezone.now()

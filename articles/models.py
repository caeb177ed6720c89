import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.html import strip_tags

from claims.models import ClaimsChecked
from publishing.models import Publishable

from . import claims

WORDS_PER_MINUTE = 200
# Paths under /blog/ that an article slug would shadow.
RESERVED_SLUGS = {"feed", "category"}


def reading_minutes(html):
    """Minutes to read `html` at a steady pace, at least one."""
    return max(1, math.ceil(len(strip_tags(html).split()) / WORDS_PER_MINUTE))


class CategoryQuerySet(models.QuerySet):
    def with_published_articles(self):
        return self.filter(Exists(Article.objects.published().filter(categories=OuterRef("pk"))))


class Category(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True, help_text="Optional; shown at the top of the category page.")

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:category", kwargs={"slug": self.slug})


class Article(ClaimsChecked, Publishable):
    author = models.ForeignKey(
        "clinicians.Clinician",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        help_text="The clinician credited in the byline, linked to their profile (defaults to your own profile, if "
        "you have one). Leave empty to credit the clinic's clinical team. Who saved what stays in the history.",
    )
    categories = models.ManyToManyField(Category, blank=True, related_name="articles")
    reading_time = models.PositiveSmallIntegerField(
        "reading time (minutes)", default=1, editable=False, help_text="Worked out from the body when saved."
    )
    related_treatments = models.ManyToManyField(
        "treatments.Treatment",
        blank=True,
        related_name="related_articles",
        help_text="Treatments this article is about; each links back to it.",
    )

    shown_with = ("articles.Category", "clinicians.Clinician", "images.Image")
    write_label = "Write an article"
    claim_rules = claims.RULES

    class Meta(Publishable.Meta):
        permissions = [
            ("publish_article", "Can publish, schedule and unpublish articles"),
            ("review_article", "Can record a medical review of articles"),
        ]

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def breadcrumbs(self):
        return [("Home", reverse("home")), ("Blog", reverse("articles:list")), (self.title, self.get_absolute_url())]

    @classmethod
    def listing_paths(cls):
        slugs = Category.objects.with_published_articles().order_by("name").values_list("slug", flat=True)
        return [reverse("articles:category", kwargs={"slug": slug}) for slug in slugs]

    def clean(self):
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": f"“{self.slug}” is used by the blog itself; choose another address."})
        super().clean()

    def save(self, *args, **kwargs):
        if self.rich_text_fields_to_write(kwargs.get("update_fields")):
            self.reading_time = reading_minutes(self.body)
        super().save(*args, **kwargs)

    @property
    def byline(self):
        return self.author.name if self.author else f"the {settings.CLINIC_NAME} clinical team"

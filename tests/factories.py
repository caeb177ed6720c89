from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from articles.models import Article, Category
from clinicians.models import Clinician
from images.models import Image
from publishing.models import Status
from tests.imagefiles import image_bytes
from treatments.models import FAQ, Treatment


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"staff{n}")
    first_name = "Alex"
    last_name = factory.Sequence(lambda n: f"Writer{n}")
    is_staff = True
    password = factory.django.Password("a-long-test-password")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


class ImageFactory(factory.django.DjangoModelFactory):
    """A library image: a small PNG through the pipeline, described."""

    class Meta:
        model = Image

    title = factory.Sequence(lambda n: f"Library image {n}")
    alt_text = "A calm treatment room with a reclining chair"
    file = factory.LazyFunction(lambda: SimpleUploadedFile("room.png", image_bytes("PNG", (600, 400))))


def library_image(value, alt=""):
    """A test's hero or share image: a library image as given, or one made from an uploaded file (described with
    the page's alt text, as the upgrade to the library did)."""
    if value is None or isinstance(value, Image):
        return value
    return ImageFactory(file=value, alt_text=alt)


class PublishableFactory(factory.django.DjangoModelFactory):
    """Published an hour ago unless a test says otherwise. A file given as `hero_image` or `share_image` becomes a
    library image."""

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    summary = "A short plain summary."
    body = "<p>Body text for patients.</p>"
    status = Status.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        for use in ("hero_image", "share_image"):
            if use in kwargs:
                kwargs[use] = library_image(kwargs[use], kwargs.get(f"{use}_alt", ""))
        return kwargs

    @factory.post_generation
    def review_covers_the_content(page, create, extracted, **kwargs):
        """A page made with a reviewer was reviewed as made (FAQs added later need a new review, as in life)."""
        if page.reviewed_by_id and not page.reviewed_content:
            page.reviewed_content = page.clinical_fingerprint()
            if create:
                page.save(update_fields=["reviewed_content"])


class TreatmentFactory(PublishableFactory):
    class Meta:
        model = Treatment

    title = factory.Sequence(lambda n: f"Treatment {n}")
    slug = factory.Sequence(lambda n: f"treatment-{n}")
    category = Treatment.Category.NON_SURGICAL
    risks = "<p>Bruising and swelling.</p>"
    results_last = "3–4 months"
    downtime = "None"


class FAQFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FAQ

    treatment = factory.SubFactory(TreatmentFactory)
    question = factory.Sequence(lambda n: f"Question {n}?")
    answer = "An answer."
    order = factory.Sequence(int)


class ArticleFactory(PublishableFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    author = factory.SubFactory("tests.factories.ClinicianFactory")

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            self.categories.set(extracted)

    @factory.post_generation
    def related_treatments(self, create, extracted, **kwargs):
        if create and extracted:
            self.related_treatments.set(extracted)


class ClinicianFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Clinician

    name = factory.Sequence(lambda n: f"Dr Reviewer {n}")
    slug = factory.Sequence(lambda n: f"dr-reviewer-{n}")
    role = "Aesthetic physician"
    credentials = "MBBS, MRCS"

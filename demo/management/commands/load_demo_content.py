import reversion
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles.models import Article, Category
from clinicians.models import Clinician
from demo import content as demo_content
from demo import pictures
from publishing.models import Status
from treatments.models import FAQ, BeforeAfterPair, Treatment

DEMO_AUTHOR = "clinical-team"


class Command(BaseCommand):
    help = (
        "Load the demo article and treatment pages. Safe to run again: pages that already exist "
        "(matched by slug) are left exactly as they are, including any edits staff made."
    )

    @transaction.atomic
    @reversion.create_revision()
    def handle(self, *args, **options):
        reversion.set_comment("Demo content loaded.")
        self.reviewer, _ = Clinician.objects.get_or_create(
            name=demo_content.REVIEWER["name"], defaults=demo_content.REVIEWER
        )
        created = 0
        for data in demo_content.TREATMENTS:
            created += self.load_treatment(dict(data))
        for name, slug, description in demo_content.CATEGORIES:
            Category.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})
        created += self.load_article(dict(demo_content.ARTICLE))
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {created} page(s) created."))

    def published_and_reviewed(self, slug):
        self.seed = getattr(self, "seed", 0) + 1
        return {
            "status": Status.PUBLISHED,
            "reviewed_by": self.reviewer,
            "last_reviewed": timezone.localdate(),
            # Line drawings: they add nothing to the text, so screen readers skip them.
            "hero_image": pictures.hero(f"{slug}.jpg", self.seed, motif=slug),
            "hero_image_decorative": True,
        }

    def report(self, page, created):
        verb = "Created" if created else "Already present, left unchanged:"
        self.stdout.write(f"  {verb} {page.kind.lower()} “{page}” at {page.get_absolute_url()}")
        return int(created)

    def load_treatment(self, data):
        faqs = data.pop("faqs")
        slug = data.pop("slug")
        treatment, created = Treatment.objects.get_or_create(
            slug=slug, defaults={**data, **self.published_and_reviewed(slug)}
        )
        if created:
            FAQ.objects.bulk_create(
                FAQ(treatment=treatment, question=question, answer=answer, order=index)
                for index, (question, answer) in enumerate(faqs, start=1)
            )
            if slug == "botox":
                BeforeAfterPair.objects.create(treatment=treatment, **pictures.illustrated_pair())
            self.mark_reviewed(treatment)
        return self.report(treatment, created)

    def mark_reviewed(self, page):
        """The demo reviewer has read the page as loaded, FAQs included."""
        page.record_review(self.reviewer, timezone.localdate())
        page.save(update_fields=["reviewed_by", "last_reviewed", "reviewed_content"])

    def load_article(self, data):
        category_slugs = data.pop("categories")
        treatment_slugs = data.pop("related_treatments")
        author, _ = get_user_model().objects.get_or_create(
            # A byline, not a login: the account has no usable password.
            username=DEMO_AUTHOR,
            defaults={"first_name": "Clinical Team", "is_staff": True, "password": make_password(None)},
        )
        slug = data.pop("slug")
        article, created = Article.objects.get_or_create(
            slug=slug, defaults={**data, "author": author, **self.published_and_reviewed(slug)}
        )
        if created:
            article.categories.set(Category.objects.filter(slug__in=category_slugs))
            article.related_treatments.set(Treatment.objects.filter(slug__in=treatment_slugs))
            self.mark_reviewed(article)
        return self.report(article, created)

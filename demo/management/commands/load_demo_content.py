from datetime import timedelta

import reversion
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles.models import Article, Category
from clinicians.models import Clinician
from demo import articles as demo_articles
from demo import content as demo_content
from demo import pictures
from images.models import Image
from publishing.models import Status
from treatments.models import FAQ, BeforeAfterPair, Treatment


class Command(BaseCommand):
    help = (
        "Load the demo articles and treatment pages. Safe to run again: pages that already exist "
        "(matched by slug) are left exactly as they are, including any edits staff made."
    )

    @transaction.atomic
    @reversion.create_revision()
    def handle(self, *args, **options):
        reversion.set_comment("Demo content loaded.")
        self.now = timezone.now()
        self.load_clinicians()
        self.reviewer = Clinician.objects.get(slug=demo_content.REVIEWER_SLUG)
        created = 0
        # Each page's place in this list picks its picture's colours, whichever pages are already there.
        for seed, data in enumerate(demo_content.TREATMENTS, start=1):
            created += self.load_treatment(dict(data), seed)
        for name, slug, description in demo_content.CATEGORIES:
            Category.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})
        for seed, data in enumerate(demo_articles.ARTICLES, start=len(demo_content.TREATMENTS) + 1):
            created += self.load_article(dict(data), seed)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {created} page(s) created."))

    def load_clinicians(self):
        for seed, data in enumerate(demo_content.CLINICIANS):
            data = dict(data)
            data.pop("treatments")
            initials = "".join(word[0] for word in data["name"].replace("Dr ", "").replace("Mr ", "").split())
            clinician, created = Clinician.objects.get_or_create(slug=data.pop("slug"), defaults=data)
            if created:
                clinician.photo = pictures.portrait(f"{clinician.slug}.jpg", initials, seed)
                clinician.save()

    def published_and_reviewed(self, slug, seed, picture=None):
        # Each page's picture goes into the image library, described there (the page uses that description).
        if picture:
            drawing, alt = picture
            image = Image(title=alt, alt_text=alt, file=pictures.hero(f"{slug}.jpg", seed, drawing=drawing))
        else:
            # Abstract pictures: they add nothing to the text, so screen readers skip them.
            image = Image(title=f"{slug.replace('-', ' ').capitalize()}: line drawing", decorative=True,
                          file=pictures.hero(f"{slug}.jpg", seed, motif=slug))
        image.save()
        hero = {"hero_image": image, "hero_image_decorative": image.decorative}
        return {"status": Status.PUBLISHED, "reviewed_by": self.reviewer, "last_reviewed": timezone.localdate(), **hero}

    def create_unless_present(self, model, slug, defaults):
        """(page, created), like get_or_create, but `defaults` (a callable) runs only to create: drawing
        pictures for pages that are already there would slow every rerun down."""
        page = model.objects.filter(slug=slug).first()
        if page is not None:
            return page, False
        return model.objects.create(slug=slug, **defaults()), True

    def report(self, page, created):
        verb = "Created" if created else "Already present, left unchanged:"
        self.stdout.write(f"  {verb} {page.kind.lower()} “{page}” at {page.get_absolute_url()}")
        return int(created)

    def load_treatment(self, data, seed):
        faqs = data.pop("faqs")
        slug = data.pop("slug")
        treatment, created = self.create_unless_present(
            Treatment, slug, lambda: {**data, **self.published_and_reviewed(slug, seed)}
        )
        if created:
            treatment.clinicians.set(Clinician.objects.filter(
                slug__in=[c["slug"] for c in demo_content.CLINICIANS if slug in c["treatments"]]
            ))
            FAQ.objects.bulk_create(
                FAQ(treatment=treatment, question=question, answer=answer, order=index)
                for index, (question, answer) in enumerate(faqs, start=1)
            )
            if slug == "botox":
                BeforeAfterPair.objects.create(treatment=treatment, **pictures.illustrated_pair())
            self.mark_reviewed(treatment, timezone.localdate())
        return self.report(treatment, created)

    def mark_reviewed(self, page, day):
        """The demo reviewer has read the page as loaded (FAQs included) on `day`."""
        page.record_review(self.reviewer, day)
        page.save(update_fields=["reviewed_by", "last_reviewed", "reviewed_content"])

    def article_author(self, slug):
        """The clinician credited in a demo article's byline, from the slug in demo/articles.py (None: the
        clinical team). The one place bylines are decided."""
        return Clinician.objects.filter(slug=slug).first() if slug else None

    def publish_at(self, days_ago):
        """`days_ago` days before now, at 09:30 clinic time; now itself when 0, so never in the future."""
        if not days_ago:
            return self.now
        morning = timezone.localtime(self.now).replace(hour=9, minute=30, second=0, microsecond=0)
        return morning - timedelta(days=days_ago)

    def load_article(self, data, seed):
        category_slugs = data.pop("categories")
        treatment_slugs = data.pop("related_treatments")
        author_slug = data.pop("author", None)
        publish_at = self.publish_at(data.pop("published_days_ago", 0))
        picture = data.pop("picture", None)
        slug = data.pop("slug")
        article, created = self.create_unless_present(Article, slug, lambda: {
            **data, "author": self.article_author(author_slug), "publish_at": publish_at,
            **self.published_and_reviewed(slug, seed, picture),
        })
        if created:
            article.categories.set(Category.objects.filter(slug__in=category_slugs))
            article.related_treatments.set(Treatment.objects.filter(slug__in=treatment_slugs))
            # Reviewed the day it went live, as a clinic would before publishing.
            self.mark_reviewed(article, timezone.localdate(publish_at))
        return self.report(article, created)

import random
from datetime import timedelta

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from articles.models import Article, Category, reading_minutes
from clinicians.models import Clinician
from demo import pictures
from images.models import Image
from publishing.models import Status, page_types
from treatments.models import FAQ, Treatment

WORDS = (
    "botox filler injection muscle brow eyelid jaw cheek nose skin collagen swelling bruising recovery "
    "downtime results months weeks consultation practitioner anatomy symmetry balance lines wrinkles "
    "forehead smile lift volume contour surgery incision anaesthetic aftercare risks benefits patient "
    "clinic treatment natural gentle safe experienced careful review plan gradual subtle"
).split()


def prose(rng, paragraphs, words=60):
    sentences = (" ".join(rng.choice(WORDS) for _ in range(words)).capitalize() for _ in range(paragraphs))
    return "".join(f"<p>{sentence}.</p>" for sentence in sentences)


class Command(BaseCommand):
    help = "Fill an EMPTY database with fake content for the benchmark (scripts/bench). Never run it on a real site."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--treatments", type=int, default=50)
        parser.add_argument("--categories", type=int, default=20)

    @transaction.atomic
    def handle(self, *args, articles, treatments, categories, **options):
        if any(model.objects.exists() for model in page_types()):
            raise CommandError("This database already has content. Point DATABASE_URL at an empty one.")
        rng = random.Random(42)
        now = timezone.now()
        author = Clinician.objects.create(name="Bench Author", slug="bench-author", role="Aesthetic physician")
        # A few real images through the pipeline, in the library; pages share them.
        heroes = []
        for n in range(5):
            image = Image(title=f"Treatment room {n}", alt_text="Treatment room",
                          file=pictures.hero(f"bench-{n}.jpg", n))
            image.save()
            heroes.append(image)
        cats = Category.objects.bulk_create(
            Category(name=f"Category {n}", slug=f"category-{n}") for n in range(categories)
        )
        hero = lambda n: {"hero_image": heroes[n % 5]}  # noqa: E731
        common = {"status": Status.PUBLISHED}
        treatment_objs = Treatment.objects.bulk_create(
            Treatment(title=f"Treatment {n} {rng.choice(WORDS)}", slug=f"treatment-{n}",
                      category=rng.choice(["surgical", "non_surgical"]), summary=prose(rng, 1, 25)[3:-4],
                      body=prose(rng, 4), risks=prose(rng, 2), how_it_works=prose(rng, 2),
                      aftercare=prose(rng, 1), results_last="3–4 months", downtime="None", display_order=n,
                      publish_at=now - timedelta(days=n), **common, **hero(n))
            for n in range(treatments)
        )
        FAQ.objects.bulk_create(
            FAQ(treatment=t, question=f"Question {i} about {t.title}?", answer=prose(rng, 1, 30)[3:-4], order=i)
            for t in treatment_objs for i in range(5)
        )
        bodies = [prose(rng, 8) for _ in range(50)]
        article_objs = Article.objects.bulk_create(
            (Article(title=f"Article {n}: {rng.choice(WORDS)} and {rng.choice(WORDS)}", slug=f"article-{n}",
                     summary=prose(rng, 1, 25)[3:-4], body=bodies[n % 50], reading_time=reading_minutes(bodies[n % 50]),
                     author=author, publish_at=now - timedelta(minutes=n * 30), **common, **hero(n))
             for n in range(articles)),
            batch_size=500,
        )
        Article.categories.through.objects.bulk_create(
            (Article.categories.through(article=a, category=cats[i % len(cats)]) for i, a in enumerate(article_objs)),
            batch_size=2000,
        )
        Article.related_treatments.through.objects.bulk_create(
            (Article.related_treatments.through(article=a, treatment=treatment_objs[i % len(treatment_objs)])
             for i, a in enumerate(article_objs)),
            batch_size=2000,
        )
        call_command("rebuild_search_index", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(
            f"Seeded {articles} articles, {treatments} treatments with 5 FAQs each, {categories} categories."
        ))

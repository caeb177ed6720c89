from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.html import strip_tags

from articles.models import Article, Category
from demo.articles import ARTICLES
from images.alt_text import alt_text_problem
from treatments.models import FAQ, Treatment

from .loaded import LoadedDemoTestCase

TREATMENT_SLUGS = {"botox", "rhinoplasty", "jaw-reshaping", "cheek-augmentation", "eyelid-surgery"}
ARTICLE_SLUGS = {
    "botox-facial-symmetry", "botox-myths", "cheek-filler-or-implants", "recovery-after-rhinoplasty-week-by-week",
    "what-happens-at-a-consultation", "eyelid-surgery-and-your-vision", "jaw-reshaping-what-it-can-and-cannot-change",
    "choosing-a-surgeon",
}
CATEGORY_SLUGS = {"anti-wrinkle-injections", "facial-balance", "planning-and-recovery"}
ORIGINAL_ARTICLE = "botox-facial-symmetry"  # shorter, with an abstract decorative picture; kept as it was


class DemoContentTests(LoadedDemoTestCase):
    def test_demo_content_loads_eight_articles_and_five_treatments(self):
        assert set(Treatment.objects.published().values_list("slug", flat=True)) == TREATMENT_SLUGS
        assert set(Article.objects.published().values_list("slug", flat=True)) == ARTICLE_SLUGS
        article = Article.objects.published().get(slug=ORIGINAL_ARTICLE)
        assert "3–4 months" in article.body or "three to four months" in article.body
        assert article.related_treatments.filter(slug="botox").exists()
        botox = Treatment.objects.get(slug="botox")
        assert botox.category == Treatment.Category.NON_SURGICAL
        assert botox.results_last == "3–4 months" and botox.downtime == "None"
        assert Treatment.objects.filter(category=Treatment.Category.SURGICAL).count() == 4
        assert all(treatment.faqs.exists() and treatment.risks for treatment in Treatment.objects.all())
        for slug in TREATMENT_SLUGS:
            assert self.client.get(f"/treatments/{slug}/").status_code == 200
        for slug in ARTICLE_SLUGS:
            assert self.client.get(f"/blog/{slug}/").status_code == 200

    def test_every_treatment_and_category_has_articles(self):
        for treatment in Treatment.objects.all():
            assert treatment.related_articles.published().exists(), treatment.slug
        assert set(Category.objects.values_list("slug", flat=True)) == CATEGORY_SLUGS
        for category in Category.objects.all():
            assert category.articles.published().count() >= 2, category.slug
            assert self.client.get(category.get_absolute_url()).status_code == 200

    def test_new_articles_are_full_length_with_sections(self):
        for article in Article.objects.exclude(slug=ORIGINAL_ARTICLE):
            words = len(strip_tags(article.body).split())
            assert 400 <= words <= 800, (article.slug, words)
            assert article.body.count("<h2>") >= 4, article.slug
            assert article.reading_time >= 2

    def test_every_article_has_a_byline_a_current_review_and_a_picture(self):
        authors = {data["slug"]: data.get("author") for data in ARTICLES}
        for article in Article.objects.select_related("author", "reviewed_by"):
            assert (article.author.slug if article.author else None) == authors[article.slug]
            assert article.author is None or article.author.user is None  # a byline, not a login
            assert article.reviewed_by.slug == "eleanor-hart"
            assert article.review_is_current()
            assert article.last_reviewed == timezone.localdate(article.publish_at)
            assert article.hero_image and article.hero_image.width == 1600
            if article.slug != ORIGINAL_ARTICLE:
                assert not article.hero_image_decorative
                assert article.hero_alt.startswith("Drawing of ")  # the library's description
                assert alt_text_problem(article.hero_alt) is None
            article.full_clean()
        assert len(set(authors.values())) >= 3  # surgeon, nurse prescriber and the clinical team

    def test_demo_bylines_and_reviews_credit_clinicians_with_profiles(self):
        html = self.client.get("/blog/botox-facial-symmetry/").content.decode()
        assert 'By <a href="/team/sarah-lin/">Sarah Lin</a>' in html
        assert '<a href="/team/eleanor-hart/">Dr Eleanor Hart</a>' in html  # medically reviewed by
        html = self.client.get("/blog/choosing-a-surgeon/").content.decode()
        assert "Harbour Aesthetics Clinic clinical team" in html
        team = self.client.get("/team/").content.decode()
        assert team.count('class="team__name"') == 3
        surgeon = self.client.get("/team/daniel-okafor/").content.decode()
        assert "Consultant plastic surgeon" in surgeon and "/treatments/rhinoplasty/" in surgeon
        assert "/blog/recovery-after-rhinoplasty-week-by-week/" in surgeon  # articles written

    def test_publish_dates_are_spread_over_past_months_and_none_in_the_future(self):
        dates = list(Article.objects.values_list("publish_at", flat=True))
        now = timezone.now()
        assert all(date <= now for date in dates)
        assert len({date.date() for date in dates}) == len(dates)
        assert now - min(dates) > timedelta(days=90)
        assert len({(date.year, date.month) for date in dates}) >= 3
        # The blog lists them newest first, in the order of demo/articles.py.
        assert list(Article.objects.published().values_list("slug", flat=True)) == [a["slug"] for a in ARTICLES]


def snapshot():
    return {
        "articles": list(Article.objects.values_list("slug", "updated_at")),
        "treatments": list(Treatment.objects.values_list("slug", "updated_at")),
        "faqs": FAQ.objects.count(),
        "categories": Category.objects.count(),
    }


@pytest.mark.django_db
def test_running_it_twice_changes_nothing(capsys):
    call_command("load_demo_content")
    first = snapshot()
    assert (len(first["articles"]), len(first["treatments"]), first["categories"]) == (8, 5, 3)
    capsys.readouterr()
    call_command("load_demo_content")
    assert snapshot() == first
    assert "0 page(s) created" in capsys.readouterr().out


@pytest.mark.django_db
def test_staff_edits_survive_a_rerun():
    call_command("load_demo_content")
    Treatment.objects.filter(slug="botox").update(title="Botox (anti-wrinkle)")
    article = Article.objects.get(slug="choosing-a-surgeon")
    article.title, article.body = "How to choose a surgeon", "<p>Our own rewrite.</p>"
    article.save()
    article.categories.clear()
    call_command("load_demo_content")
    assert Treatment.objects.get(slug="botox").title == "Botox (anti-wrinkle)"
    article.refresh_from_db()
    assert (article.title, article.body) == ("How to choose a surgeon", "<p>Our own rewrite.</p>")
    assert not article.categories.exists()
    assert Article.objects.count() == len(ARTICLES)

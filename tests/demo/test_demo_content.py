import pytest
from django.core.management import call_command

from articles.models import Article, Category
from treatments.models import FAQ, Treatment

pytestmark = pytest.mark.django_db

TREATMENT_SLUGS = {"botox", "rhinoplasty", "jaw-reshaping", "cheek-augmentation", "eyelid-surgery"}


def snapshot():
    return {
        "articles": list(Article.objects.values_list("slug", "updated_at")),
        "treatments": list(Treatment.objects.values_list("slug", "updated_at")),
        "faqs": FAQ.objects.count(),
        "categories": Category.objects.count(),
    }


def test_demo_content_loads_the_article_and_five_treatments(client):
    call_command("load_demo_content", stdout=None)
    assert set(Treatment.objects.published().values_list("slug", flat=True)) == TREATMENT_SLUGS
    article = Article.objects.published().get(slug="botox-facial-symmetry")
    assert "3–4 months" in article.body or "three to four months" in article.body
    assert article.related_treatments.filter(slug="botox").exists()
    botox = Treatment.objects.get(slug="botox")
    assert botox.category == Treatment.Category.NON_SURGICAL
    assert botox.results_last == "3–4 months" and botox.downtime == "None"
    assert Treatment.objects.filter(category=Treatment.Category.SURGICAL).count() == 4
    assert all(treatment.faqs.exists() and treatment.risks for treatment in Treatment.objects.all())
    for slug in TREATMENT_SLUGS:
        assert client.get(f"/treatments/{slug}/").status_code == 200
    assert client.get("/blog/botox-facial-symmetry/").status_code == 200


def test_running_it_twice_changes_nothing(capsys):
    call_command("load_demo_content")
    first = snapshot()
    call_command("load_demo_content")
    assert snapshot() == first
    assert "0 page(s) created" in capsys.readouterr().out


def test_staff_edits_survive_a_rerun():
    call_command("load_demo_content")
    Treatment.objects.filter(slug="botox").update(title="Botox (anti-wrinkle)")
    call_command("load_demo_content")
    assert Treatment.objects.get(slug="botox").title == "Botox (anti-wrinkle)"


def test_demo_bylines_and_reviews_credit_clinicians_with_profiles(client):
    call_command("load_demo_content")
    article = Article.objects.get()
    assert article.author.slug == "sarah-lin" and article.author.user is None  # a byline, not a login
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'By <a href="/team/sarah-lin/">Sarah Lin</a>' in html
    assert '<a href="/team/eleanor-hart/">Dr Eleanor Hart</a>' in html  # medically reviewed by
    team = client.get("/team/").content.decode()
    assert team.count('class="card__title"') == 3
    surgeon = client.get("/team/daniel-okafor/").content.decode()
    assert "Consultant plastic surgeon" in surgeon and "/treatments/rhinoplasty/" in surgeon

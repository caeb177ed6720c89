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


def test_demo_author_cannot_log_in():
    call_command("load_demo_content")
    assert not Article.objects.get().author.has_usable_password()

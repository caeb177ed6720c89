from datetime import timedelta

import pytest
from django.utils import timezone

from publishing.models import Status
from tests.factories import ArticleFactory, FAQFactory, TreatmentFactory
from treatments.models import Treatment

pytestmark = pytest.mark.django_db


def test_treatment_index_groups_non_surgical_before_surgical(client):
    TreatmentFactory(title="Rhinoplasty", category=Treatment.Category.SURGICAL)
    TreatmentFactory(title="Botox", category=Treatment.Category.NON_SURGICAL)
    TreatmentFactory(title="Hidden", status=Status.DRAFT)
    html = client.get("/treatments/").content.decode()
    assert html.index("Non-surgical treatments") < html.index("Botox") < html.index("Surgical treatments")
    assert html.index("Surgical treatments") < html.index("Rhinoplasty")
    assert "Hidden" not in html


def test_treatment_page_shows_facts_sections_and_risks_beside_benefits(client):
    treatment = TreatmentFactory(
        title="Botox",
        body="<p>Softens lines.</p>",
        risks="<p>Bruising where the needle went in.</p>",
        how_it_works="<p>Small injections.</p>",
        aftercare="<p>Stay upright.</p>",
        procedure_time="15–20 minutes",
        anaesthetic="None needed",
        results_last="3–4 months",
        downtime="None",
        recovery="Straight away",
        minimum_age=18,
        price_from="200",
        price_currency="GBP",
    )
    html = client.get(treatment.get_absolute_url()).content.decode()
    for text in ["Key facts", "15–20 minutes", "None needed", "3–4 months", "Straight away", "From £200",
                 "Softens lines.", "Bruising where the needle went in.", "Small injections.", "Stay upright."]:
        assert text in html
    # Risks follow the benefits directly, before anything else (after the key facts and the page's contents).
    sections = html.split('class="page-grid__main"', 1)[1]
    assert sections.index("Softens lines.") < sections.index("Side effects and risks") < sections.index("How it works")


def test_facts_left_empty_are_not_shown(client):
    treatment = TreatmentFactory(procedure_time="", price_from=None)
    html = client.get(treatment.get_absolute_url()).content.decode()
    facts = html.split('class="fact-box')[1].split("</dl>")[0]
    assert "Procedure time" not in facts and "Price" not in facts and "Downtime" in facts


def test_faqs_are_an_accordion_in_staff_order(client):
    treatment = TreatmentFactory()
    FAQFactory(treatment=treatment, question="Second question?", order=2)
    FAQFactory(treatment=treatment, question="First question?", order=1)
    html = client.get(treatment.get_absolute_url()).content.decode()
    assert "<summary>First question?</summary>" in html
    assert html.index("First question?") < html.index("Second question?")
    # No JavaScript: the only script element is structured data.
    assert html.count("<script") == html.count('<script type="application/ld+json">') == 1


def test_treatment_page_links_published_related_articles_only(client):
    treatment = TreatmentFactory()
    ArticleFactory(title="Visible article", related_treatments=[treatment])
    ArticleFactory(title="Draft article", status=Status.DRAFT, related_treatments=[treatment])
    html = client.get(treatment.get_absolute_url()).content.decode()
    assert "Visible article" in html
    assert "Draft article" not in html


@pytest.mark.parametrize("state", [{"status": Status.DRAFT}, {"publish_at": timezone.now() + timedelta(hours=1)}])
def test_unpublished_treatment_is_404_for_patients(client, state):
    assert client.get(TreatmentFactory(**state).get_absolute_url()).status_code == 404


def test_staff_can_preview_a_scheduled_treatment(editor_client):
    treatment = TreatmentFactory(publish_at=timezone.now() + timedelta(days=1))
    html = editor_client.get(treatment.get_absolute_url()).content.decode()
    assert "Not published." in html
    assert "Scheduled" in html


def test_related_article_appears_once_its_scheduled_time_comes(client):
    import time_machine

    treatment = TreatmentFactory()
    ArticleFactory(
        title="Scheduled article", related_treatments=[treatment], publish_at=timezone.now() + timedelta(hours=1)
    )
    assert "Scheduled article" not in client.get(treatment.get_absolute_url()).content.decode()
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert "Scheduled article" in client.get(treatment.get_absolute_url()).content.decode()

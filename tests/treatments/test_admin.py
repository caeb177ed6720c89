"""Staff edit treatment pages and their FAQs in the admin."""

import pytest
from django.urls import reverse
from django.utils import timezone

from publishing.models import Status
from tests.factories import FAQFactory, TreatmentFactory
from treatments.models import Treatment

pytestmark = pytest.mark.django_db


def treatment_form(faqs=(), existing_faqs=(), **overrides):
    now = timezone.localtime()
    data = {
        "title": "Botox",
        "slug": "botox",
        "category": Treatment.Category.NON_SURGICAL,
        "summary": "Anti-wrinkle injections.",
        "body": "<p>Relaxes muscles.</p>",
        "procedure_time": "15 minutes",
        "anaesthetic": "",
        "results_last": "3–4 months",
        "downtime": "None",
        "recovery": "",
        "minimum_age": "18",
        "price_from": "",
        "price_currency": "GBP",
        "how_it_works": "",
        "risks": "<p>Bruising.</p>",
        "aftercare": "",
        "status": Status.DRAFT,
        "publish_at_0": now.strftime("%d/%m/%Y"),
        "publish_at_1": now.strftime("%H:%M:%S"),
        "display_order": "1",
        "seo_title": "",
        "meta_description": "",
        "hero_image_alt": "",
        "faqs-TOTAL_FORMS": str(len(existing_faqs) + len(faqs)),
        "faqs-INITIAL_FORMS": str(len(existing_faqs)),
        "faqs-MIN_NUM_FORMS": "0",
        "faqs-MAX_NUM_FORMS": "1000",
        "gallery-TOTAL_FORMS": "0",
        "gallery-INITIAL_FORMS": "0",
        "gallery-MIN_NUM_FORMS": "0",
        "gallery-MAX_NUM_FORMS": "1000",
    }
    for index, (faq_id, question, answer, order) in enumerate([*existing_faqs, *faqs]):
        data.update({
            f"faqs-{index}-id": faq_id or "",
            f"faqs-{index}-question": question,
            f"faqs-{index}-answer": answer,
            f"faqs-{index}-order": str(order),
        })
    data.update(overrides)
    return data


def test_add_treatment_with_faqs(editor_client):
    assert editor_client.get(reverse("admin:treatments_treatment_add")).status_code == 200
    response = editor_client.post(
        reverse("admin:treatments_treatment_add"),
        treatment_form(faqs=[(None, "Does it hurt?", "A brief scratch.", 1)]),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    treatment = Treatment.objects.get(slug="botox")
    assert [faq.question for faq in treatment.faqs.all()] == ["Does it hurt?"]


def test_edit_an_faq_inline_and_see_it_live(editor_client, client):
    treatment = TreatmentFactory(slug="botox")
    faq = FAQFactory(treatment=treatment, question="Old question?")
    response = editor_client.post(
        reverse("admin:treatments_treatment_change", args=[treatment.pk]),
        treatment_form(
            existing_faqs=[(faq.pk, "Does it hurt?", "Barely.", 1)],
            status=Status.PUBLISHED,
            edit_version=treatment.updated_at.isoformat(),
            _publish="Publish changes",
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    html = client.get("/treatments/botox/").content.decode()
    assert "Does it hurt?" in html
    assert "Old question?" not in html


def test_publishing_without_risks_is_refused_with_a_message(editor_client):
    response = editor_client.post(
        reverse("admin:treatments_treatment_add"), treatment_form(risks="", status=Status.PUBLISHED)
    )
    assert response.status_code == 200
    assert "Add the side effects and risks before publishing" in response.content.decode()
    assert not Treatment.objects.exists()


def test_publish_action_skips_treatments_without_risks(editor_client):
    ready = TreatmentFactory(status=Status.DRAFT)
    incomplete = TreatmentFactory(status=Status.DRAFT, risks="", title="No risks yet")
    response = editor_client.post(
        reverse("admin:treatments_treatment_changelist"),
        {"action": "publish", "_selected_action": [ready.pk, incomplete.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "“No risks yet” was not published" in html
    assert "1 page published." in html
    incomplete.refresh_from_db()
    assert incomplete.status == Status.DRAFT


def test_bad_currency_code_is_explained(editor_client):
    response = editor_client.post(
        reverse("admin:treatments_treatment_add"), treatment_form(price_from="200", price_currency="gbp")
    )
    assert "three-letter currency code" in response.content.decode()


def test_changelist_filters_by_category(editor_client):
    TreatmentFactory(title="Botox")
    TreatmentFactory(title="Rhinoplasty", category=Treatment.Category.SURGICAL)
    html = editor_client.get(
        reverse("admin:treatments_treatment_changelist"), {"category__exact": "surgical"}
    ).content.decode()
    assert "Rhinoplasty" in html and ">Botox<" not in html

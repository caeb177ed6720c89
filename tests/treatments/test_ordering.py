"""FAQs and before-and-after pairs are shown in the order staff put them in; a new one goes last. The order
survives a live page's working draft, its preview and preview links, and publishing."""

import re

import pytest
from django.urls import reverse

from publishing.models import PreviewLink, Status
from publishing.previews import preview_url
from tests.factories import FAQFactory, TreatmentFactory
from tests.publishing.test_roles import member_of
from tests.treatments.test_admin import treatment_form
from tests.treatments.test_gallery_rules import make_pair
from treatments.models import FAQ, BeforeAfterPair

pytestmark = pytest.mark.django_db


def change_url(treatment):
    return reverse("admin:treatments_treatment_change", args=[treatment.pk])


def questions_in(html):
    """The FAQ questions a treatment page (or its preview) shows, in order."""
    return re.findall(r"<summary>(Question [ABCD]\?)</summary>", html)


def form_faqs(html):
    """(id, question) of the FAQ forms on an admin page, in the order of their form numbers."""
    ids = re.findall(r'name="faqs-(\d+)-id" value="(\d*)"', html)
    questions = dict(re.findall(r'name="faqs-(\d+)-question" value="([^"]*)"', html))
    return [(int(pk), questions[index]) for index, pk in ids if pk]


def gallery_form(pairs):
    """The gallery part of the treatment form, for existing pairs given as (pair, order)."""
    data = {"gallery-TOTAL_FORMS": str(len(pairs)), "gallery-INITIAL_FORMS": str(len(pairs))}
    for index, (pair, order) in enumerate(pairs):
        data.update({
            f"gallery-{index}-id": pair.pk, f"gallery-{index}-before_alt": pair.before_alt,
            f"gallery-{index}-after_alt": pair.after_alt, f"gallery-{index}-caption": pair.caption,
            f"gallery-{index}-consent_recorded": "on", f"gallery-{index}-consent_reference": pair.consent_reference,
            f"gallery-{index}-show_publicly": "on", f"gallery-{index}-order": str(order),
        })
    return data


def test_a_new_faq_goes_last_not_first(editor_client, client):
    treatment = TreatmentFactory(slug="botox")
    first = FAQFactory(treatment=treatment, question="Question A?", order=1)
    second = FAQFactory(treatment=treatment, question="Question B?", order=2)
    form = treatment_form(
        existing_faqs=[(first.pk, first.question, "Yes.", 1), (second.pk, second.question, "No.", 2)],
        faqs=[("", "Question C?", "Perhaps.", "")],  # what the form sends for a new item: no position
        status=Status.PUBLISHED, edit_version=treatment.updated_at.isoformat(), _publish="Publish changes",
    )
    assert editor_client.post(change_url(treatment), form).status_code == 302
    assert questions_in(client.get("/treatments/botox/").content.decode()) == ["Question A?", "Question B?",
                                                                               "Question C?"]
    assert FAQ.objects.get(question="Question C?").order == 3


def test_items_made_without_a_position_go_last():
    treatment = TreatmentFactory()
    FAQ.objects.create(treatment=treatment, question="Question A?", answer="Yes.", order=0)  # as older FAQs were
    FAQ.objects.create(treatment=treatment, question="Question B?", answer="Yes.")
    FAQ.objects.create(treatment=TreatmentFactory(), question="Elsewhere?", answer="Yes.", order=9)
    assert [faq.question for faq in treatment.faqs.all()] == ["Question A?", "Question B?"]
    first = make_pair(treatment, "first")
    second = make_pair(treatment, "second")
    assert (first.order, second.order) == (1, 2)


def test_reordered_faqs_survive_the_working_draft_its_previews_and_publishing(editor_client, client):
    treatment = TreatmentFactory(slug="botox")
    a, b, c = (FAQFactory(treatment=treatment, question=f"Question {x}?", order=n) for n, x in enumerate("ABC", 1))
    form = treatment_form(
        existing_faqs=[(a.pk, a.question, "A.", 2), (b.pk, b.question, "B.", 3), (c.pk, c.question, "C.", 1)],
        faqs=[("", "Question D?", "D.", "")],
        status=Status.PUBLISHED, edit_version=treatment.updated_at.isoformat(),
    )
    assert editor_client.post(change_url(treatment), form).status_code == 302  # saved as the draft
    assert questions_in(client.get("/treatments/botox/").content.decode()) == ["Question A?", "Question B?",
                                                                               "Question C?"]
    draft_form = editor_client.get(change_url(treatment)).content.decode()
    assert [question for _pk, question in form_faqs(draft_form)] == ["Question C?", "Question A?", "Question B?",
                                                                     "Question D?"]
    order = ["Question C?", "Question A?", "Question B?", "Question D?"]
    preview = reverse("admin:treatments_treatment_draft_preview", args=[treatment.pk])
    assert questions_in(editor_client.get(preview).content.decode()) == order

    editor_client.post(change_url(treatment), {"_create_preview": "1"})
    link = PreviewLink.objects.get()
    assert questions_in(client.get(preview_url(link)).content.decode()) == order

    version = draft_form.split('name="edit_version" value="')[1].split('"')[0]
    publish = treatment_form(
        existing_faqs=[(pk, question, "Answer.", n) for n, (pk, question) in enumerate(form_faqs(draft_form), 1)],
        status=Status.PUBLISHED, edit_version=version, _publish="Publish changes",
    )
    assert editor_client.post(change_url(treatment), publish).status_code == 302
    assert questions_in(client.get("/treatments/botox/").content.decode()) == order


def test_an_author_reorders_faqs_but_cannot_touch_the_gallery():
    author, _ = member_of("Author")
    treatment = TreatmentFactory(slug="botox", status=Status.DRAFT)
    a, b = (FAQFactory(treatment=treatment, question=f"Question {x}?", order=n) for n, x in enumerate("AB", 1))
    first, second = make_pair(treatment, "first"), make_pair(treatment, "second")
    form = treatment_form(
        existing_faqs=[(a.pk, a.question, "A.", 2), (b.pk, b.question, "B.", 1)],
        edit_version=treatment.updated_at.isoformat(),
    )
    form.update(gallery_form([(first, 2), (second, 1)]))  # forged: Authors have no gallery rights
    assert author.post(change_url(treatment), form).status_code == 302
    assert [faq.question for faq in treatment.faqs.all()] == ["Question B?", "Question A?"]
    assert list(treatment.gallery.values_list("pk", flat=True)) == [first.pk, second.pk]


def test_an_editor_reorders_the_gallery(client):
    editor, _ = member_of("Editor")
    treatment = TreatmentFactory(slug="botox", status=Status.DRAFT)
    first, second = make_pair(treatment, "first"), make_pair(treatment, "second")
    form = treatment_form(edit_version=treatment.updated_at.isoformat())
    form.update(gallery_form([(first, 2), (second, 1)]))
    response = editor.post(change_url(treatment), form)
    assert response.status_code == 302, response.context["inline_admin_formsets"][1].formset.errors
    assert list(BeforeAfterPair.objects.filter(treatment=treatment).values_list("pk", flat=True)) == [
        second.pk, first.pk]


def test_the_form_asks_for_no_position_and_explains_it(editor_client):
    html = editor_client.get(reverse("admin:treatments_treatment_add")).content.decode()
    order_input = re.search(r'<input [^>]*name="faqs-0-order"[^>]*>', html).group()
    assert "required" not in order_input and 'value=' not in order_input
    assert "Left empty, the item goes after the others." in html
    assert "js/admin-inline-order.js" in html and "ordered-inline" in html

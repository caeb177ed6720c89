"""Staff put a treatment's FAQs in order by keyboard and by dragging; a new one goes last; patients see that order."""

import re

import pytest
from playwright.sync_api import expect

from treatments.models import Treatment

from .helpers import axe_violations

pytestmark = pytest.mark.browser


def test_staff_reorder_faqs_with_the_keyboard_and_by_dragging(staff_page, demo_site):
    page = staff_page
    treatment = Treatment.objects.get(slug="rhinoplasty")
    first, second, third = [faq.question for faq in treatment.faqs.all()]
    page.goto(f"{demo_site}/admin/treatments/treatment/{treatment.pk}/change/")
    group = page.locator("#faqs-group")
    status = group.get_by_role("status")
    expect(page.locator("#faqs-0 .field-order")).to_be_hidden()  # positions are kept for staff, not typed
    assert axe_violations(page, include=["#faqs-group"]) == []

    # Keyboard: the third FAQ up to the top, focus staying on its button.
    page.locator("#faqs-2").get_by_role("button", name=f"Move up: FAQ: {third}").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    expect(status).to_have_text(f"FAQ: {third} moved to position 1 of 4.")
    assert page.evaluate("document.activeElement.textContent").startswith("Move up")
    page.keyboard.press("Enter")
    expect(status).to_have_text(f"FAQ: {third} is already first.")

    # Mouse: drag the FAQ now second by its title bar above the one now first.
    page.locator("#faqs-0 h3").drag_to(page.locator("#faqs-2 h3"), target_position={"x": 40, "y": 2})
    expect(status).to_have_text(f"FAQ: {first} moved to position 1 of 4.")
    titles = group.locator(".inline-related:not(.empty-form) h3 .inline_label")
    expect(titles).to_have_text([first, third, second, "#4"])

    # A new FAQ goes last.
    page.locator("#id_faqs-3-question").fill("Can I wear glasses afterwards?")
    page.locator("#id_faqs-3-answer").fill("Not for the first weeks: your surgeon will say when.")
    page.get_by_role("button", name="Publish changes").first.click()
    expect(page.locator(".messagelist")).to_contain_text("published")
    page.context.clear_cookies()
    page.goto(demo_site + "/treatments/rhinoplasty/")
    expect(page.locator(".faqs summary")).to_have_text([first, third, second, "Can I wear glasses afterwards?"])
    assert list(treatment.faqs.values_list("question", flat=True)) == [
        first, third, second, "Can I wear glasses afterwards?"]


def test_removing_an_added_faq_keeps_the_order_staff_chose(staff_page, demo_site):
    page = staff_page
    treatment = Treatment.objects.get(slug="botox")
    questions = [faq.question for faq in treatment.faqs.all()]
    page.goto(f"{demo_site}/admin/treatments/treatment/{treatment.pk}/change/")
    extra = len(questions)  # the empty form Django offers
    page.locator("#faqs-group .add-row a").click()  # "Add another FAQ"
    added = extra + 1
    page.locator(f"#id_faqs-{added}-question").fill("Is it safe while breastfeeding?")
    page.locator(f"#id_faqs-{added}-answer").fill("It is not offered while breastfeeding.")
    mover = page.locator(f"#faqs-{added}").get_by_role("button", name=re.compile("^Move up"))
    for _ in range(added):
        mover.click()
    page.locator(f"#faqs-{extra} .inline-deletelink").click()  # Django renumbers the forms after it
    page.get_by_role("button", name="Publish changes").first.click()
    expect(page.locator(".messagelist")).to_contain_text("published")
    assert list(treatment.faqs.values_list("question", flat=True)) == ["Is it safe while breastfeeding?", *questions]

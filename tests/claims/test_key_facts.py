"""A treatment page checked against itself: its words must not contradict its own key facts."""

import pytest

from claims.checker import find_claims
from tests.factories import FAQFactory, TreatmentFactory
from treatments.models import Treatment

pytestmark = pytest.mark.django_db

RULE = "contradicts-key-facts"
SURGICAL_FACTS = {
    "category": Treatment.Category.SURGICAL, "results_last": "Long-lasting", "downtime": "1–2 weeks",
    "recovery": "Bruising and swelling for some days; most people are back to normal activities in 1–2 weeks",
}
INJECTABLE_FACTS = {"results_last": "3–4 months", "downtime": "None", "recovery": "Back to your day straight away"}


@pytest.fixture(autouse=True)
def us_rules(settings):
    settings.CLINIC_JURISDICTION = "us"


def contradictions(facts, summary="A short plain summary.", body="<p>Plain facts.</p>", **fields):
    treatment = TreatmentFactory.build(summary=summary, body=body, **{**facts, **fields})
    return [finding for finding in find_claims(treatment) if finding.rule_id == RULE]


CONTRADICTIONS = [
    # (facts, where, words, the words at fault)
    (SURGICAL_FACTS, "summary", "A quick procedure with no downtime.", "no downtime"),
    (SURGICAL_FACTS, "summary", "Zero downtime, natural results.", "Zero downtime"),
    (SURGICAL_FACTS, "body", "<p>Most people need no time off work.</p>", "no time off work"),
    (SURGICAL_FACTS, "body", "<p>You will be back to work the next day.</p>", "back to work the next day"),
    (SURGICAL_FACTS, "body", "<p>Expect <strong>2 days of downtime</strong>.</p>", "2 days of downtime"),
    (INJECTABLE_FACTS, "body", "<p>Plan for 1–2 weeks of downtime.</p>", "1-2 weeks of downtime"),
    (INJECTABLE_FACTS, "summary", "Downtime is about a week.", "Downtime is about a week"),
    (INJECTABLE_FACTS, "summary", "Softer lines; results last a year.", "results last a year"),
    (INJECTABLE_FACTS, "body", "<p>The effects last up to 12 months.</p>", "effects last up to 12 months"),
    (INJECTABLE_FACTS, "body", "<p>Results usually last for six months.</p>", "Results usually last for six months"),
    (INJECTABLE_FACTS, "body", "<p>Results can last only 3 weeks.</p>", "Results can last only 3 weeks"),
    (INJECTABLE_FACTS, "body", "<p>Most patients are back to normal in 3 days.</p>", "back to normal in 3 days"),
    (INJECTABLE_FACTS, "summary", "Suitable for over-16s.", "over-16s"),
    (INJECTABLE_FACTS, "body", "<p>We treat patients from the age of 16.</p>", "age of 16"),
    (INJECTABLE_FACTS, "seo_title", "Wrinkle relaxing for 17-year-olds", "17-year-olds"),
]


@pytest.mark.parametrize(("facts", "field", "text", "words"), CONTRADICTIONS)
def test_words_that_contradict_the_fact_box_are_found_and_quoted(facts, field, text, words):
    [finding] = contradictions(facts, **{field: text})
    assert finding.blocks and finding.field == field
    assert finding.words == (words,)
    assert f"You wrote “{words}”. But the page's key facts say" in finding.problem()


NON_CONTRADICTIONS = [
    (INJECTABLE_FACTS, "summary", "No downtime; results last about three to four months."),
    (INJECTABLE_FACTS, "body", "<p>Results last 3 to 4 months, sometimes 14 weeks.</p>"),
    (INJECTABLE_FACTS, "body", "<p>There is no downtime: most people go straight back to work.</p>"),
    (INJECTABLE_FACTS, "body", "<p>You can be back to work the same day.</p>"),
    (INJECTABLE_FACTS, "body", "<p>The appointment lasts 20 minutes.</p>"),  # not the results
    (INJECTABLE_FACTS, "risks", "<p>Side effects last up to 2 weeks.</p>"),  # side effects, not results
    (INJECTABLE_FACTS, "body", "<p>It is not true that results last a year.</p>"),  # negated
    (INJECTABLE_FACTS, "body", "<p>For adults aged 18 and over; over-21s are welcome too.</p>"),
    (INJECTABLE_FACTS, "body", "<p>Our practitioners have over 20 years of experience.</p>"),
    (SURGICAL_FACTS, "summary", "Expect 1–2 weeks of downtime, then lasting results."),
    (SURGICAL_FACTS, "body", "<p>Most people are back to normal activities in 10 days to 2 weeks.</p>"),
    (SURGICAL_FACTS, "body", "<p>Unlike surgery, a nose job does not come with no downtime.</p>"),  # negated
    (SURGICAL_FACTS, "body", "<p>Results last for years.</p>"),  # the fact gives no time to compare with
]


@pytest.mark.parametrize(("facts", "field", "text"), NON_CONTRADICTIONS)
def test_words_that_agree_with_the_fact_box_or_give_nothing_to_compare_pass(facts, field, text):
    assert contradictions(facts, **{field: text}) == []


def test_facts_left_empty_are_not_compared():
    assert contradictions({"results_last": "", "downtime": "", "recovery": ""}, summary="No downtime.") == []
    assert contradictions({"downtime": "Varies", "recovery": ""}, summary="No downtime at all.") == []


def test_every_contradiction_in_a_text_is_quoted_at_once():
    [finding] = contradictions(SURGICAL_FACTS, summary="No downtime. Really, zero downtime.")
    assert finding.words == ("No downtime", "zero downtime")


def test_faq_answers_are_checked_too():
    treatment = TreatmentFactory(**SURGICAL_FACTS)
    FAQFactory(treatment=treatment, question="Will I need time off?", answer="No, there is no downtime.")
    [finding] = [f for f in find_claims(treatment) if f.rule_id == RULE]
    assert finding.label == "FAQ “Will I need time off?”" and finding.field == ""
    assert "Downtime: 1–2 weeks" in finding.explanation


def test_not_checked_where_no_advertising_rules_apply(settings):
    settings.CLINIC_JURISDICTION = "none"
    assert contradictions(SURGICAL_FACTS, summary="No downtime.") == []

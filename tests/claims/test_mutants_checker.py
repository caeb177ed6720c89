"""What staff read in a claims finding (its excerpt, its message) and where the "near" rules stop: written for the
mutants mutation testing found alive in claims/checker.py (docs/testing.md)."""

import pytest

from claims.checker import Finding, find_claims, rule_name
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def findings(body, rule_id, settings):
    settings.CLINIC_JURISDICTION = "uk"
    page = ArticleFactory.build(title="Facial balance", slug="facial-balance", summary="", body=body)
    return [finding for finding in find_claims(page) if finding.rule_id == rule_id]


def test_the_excerpt_shows_forty_characters_either_side_and_marks_what_it_cut(settings):
    before, after = "a" * 45 + " ", " " + "b" * 45
    [finding] = findings(f"<p>{before}Results are guaranteed.{after}</p>", "guaranteed-results", settings)
    text = f"{before}Results are guaranteed.{after}"
    start = text.index("guaranteed")
    assert finding.excerpt == "…" + text[start - 40:start + len("guaranteed") + 40] + "…"


def test_a_short_text_is_quoted_whole_without_marks(settings):
    [finding] = findings("<p>Results are guaranteed.</p>", "guaranteed-results", settings)
    assert finding.excerpt == "Results are guaranteed."


def test_the_excerpt_is_marked_at_the_end_only_when_text_follows(settings):
    # The claim ends exactly forty characters before the end of the text: nothing is cut there.
    text = "Results are guaranteed" + "." * 40
    [finding] = findings(f"<p>{text}</p>", "guaranteed-results", settings)
    assert finding.excerpt == text
    [finding] = findings(f"<p>{text}!</p>", "guaranteed-results", settings)
    assert finding.excerpt == text + "…"


@pytest.mark.parametrize(("words_between", "found"), [(11, True), (12, False)])
def test_safe_near_no_downtime_counts_twelve_words_apart_however_far_into_the_text(settings, words_between, found):
    opening = " ".join(f"word{n}" for n in range(30))  # far into the text: positions are counted from its start
    between = " ".join(f"filler{n}" for n in range(words_between))
    body = f"<p>{opening} safe {between} no downtime</p>"  # "no" is words_between + 1 words after "safe"
    assert bool(findings(body, "safe-no-downtime", settings)) is found


def test_a_finding_without_quoted_words_says_only_what_is_wrong():
    finding = Finding("fair-balance", "block", "results_last", "Results last", "", "Give the risks too.",
                      "ASA CAP Code 12.1", "Benefits without their risks")
    assert finding.problem() == ("Results last — Benefits without their risks. Give the risks too. "
                                 "(fair-balance; ASA CAP Code 12.1)")


def test_an_unknown_rule_is_named_by_its_id():
    # An override kept for a rule a later rule pack dropped still shows something staff can search for.
    assert rule_name("retired-rule") == "retired-rule"

"""What staff read in a claims finding (its excerpt, its message) and where the "near" rules stop: written for the
mutants mutation testing found alive in claims/checker.py (docs/testing.md)."""

import pytest

from claims.checker import Finding, find_claims, rule_name
from tests.factories import ArticleFactory, ImageFactory, TreatmentFactory

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


@pytest.mark.parametrize(("fields", "field", "label"), [
    ({"title": "Guaranteed glow"}, "title", "Title"),
    ({"slug": "guaranteed-glow"}, "slug", "Address (slug)"),
    ({"summary": "Guaranteed glow."}, "summary", "Summary"),
    ({"seo_title": "Guaranteed glow"}, "seo_title", "SEO title"),
    ({"meta_description": "Guaranteed glow."}, "meta_description", "Meta description"),
    ({"hero_image_alt": "A guaranteed glow"}, "hero_image_alt", "Hero image text alternative"),
    ({"share_image_alt": "A guaranteed glow"}, "share_image_alt", "Share image text alternative"),
    ({"body": "<p>Guaranteed glow.</p>"}, "body", "Body"),
    ({"body": '<p><img src="/a.jpg" alt="A guaranteed glow"></p>'}, "body", "Image text alternative in body"),
])
def test_a_claim_is_reported_beside_the_field_it_is_in(settings, fields, field, label):
    settings.CLINIC_JURISDICTION = "uk"
    page = ArticleFactory.build(**{"title": "Facial balance", "slug": "facial-balance", "summary": "",
                                   "body": "<p>Plain facts.</p>", **fields})
    [finding] = [f for f in find_claims(page) if f.rule_id == "guaranteed-results"]
    assert (finding.field, finding.label) == (field, label)


def test_words_in_separate_blocks_never_make_a_phrase_and_the_excerpt_keeps_the_lines(settings):
    assert not findings("<ul><li>Pain</li><li>Less time off work</li></ul>", "absolute-safety", settings)
    [finding] = findings("<p>Results are</p><p>guaranteed.</p>", "guaranteed-results", settings)
    assert finding.excerpt == "Results are\nguaranteed."


def test_any_run_of_spaces_or_tabs_inside_a_phrase_still_matches(settings):
    settings.CLINIC_JURISDICTION = "uk"
    page = ArticleFactory.build(title="A risk\t\tfree peel", slug="peel", summary="", body="<p>Plain facts.</p>")
    [finding] = [f for f in find_claims(page) if f.rule_id == "absolute-safety"]
    assert finding.words == ("risk free",)


def test_the_treatment_fact_box_is_checked_against_title_summary_and_search_texts_not_the_address(settings):
    settings.CLINIC_JURISDICTION = "uk"

    def contradictions(**fields):
        page = TreatmentFactory.build(**{"title": "Peel", "slug": "peel", "summary": "", "downtime": "1–2 weeks",
                                         "body": "<p>Plain facts.</p>", **fields})
        return [f.field for f in find_claims(page) if f.rule_id == "contradicts-key-facts"]

    assert contradictions(title="No downtime peel") == ["title"]
    assert contradictions(summary="A peel with no downtime.") == ["summary"]
    assert contradictions(meta_description="A peel with no downtime.") == ["meta_description"]
    assert contradictions(slug="no-downtime-peel", hero_image_alt="No downtime") == []


@pytest.mark.parametrize(("text", "rule_id", "found"), [
    ("Voted #1 for lips.", "unqualified-superlative", True),
    ("Find us at #10 Harley Street.", "unqualified-superlative", False),
    ("Nothing here is misleading.", "unqualified-superlative", False),
    ("Arnica tablets: take 2 for 10 days before treatment.", "urgency-promotion", False),
    ("Two sessions, 2 for 1.", "urgency-promotion", True),
    ("It is Safe, with No Downtime.", "safe-no-downtime", True),
])
def test_terms_match_whole_words_in_any_case_whatever_they_start_or_end_with(settings, text, rule_id, found):
    assert bool(findings(f"<p>{text}</p>", rule_id, settings)) is found


def test_an_address_is_read_as_words(settings):
    settings.CLINIC_JURISDICTION = "uk"
    page = ArticleFactory.build(title="Injections", slug="a-guaranteed-glow", summary="", body="<p>Plain.</p>")
    [finding] = [f for f in find_claims(page) if f.rule_id == "guaranteed-results"]
    assert finding.excerpt == "a guaranteed glow"
    page.slug = "why-injections-are-not-painless"
    assert not [f for f in find_claims(page) if f.rule_id == "absolute-safety"]


@pytest.mark.django_db
@pytest.mark.parametrize(("library_alt", "page_alt"), [
    ("A guaranteed glow after one visit", ""),  # the library's description, which the page uses as it is
    ("A treatment room", "A guaranteed glow after one visit"),  # the page's own words for its share image
])
def test_a_claim_in_the_share_images_description_is_reported_whoever_wrote_it(settings, library_alt, page_alt):
    settings.CLINIC_JURISDICTION = "uk"
    image = ImageFactory(alt_text=library_alt)
    page = ArticleFactory.build(title="Facial balance", slug="facial-balance", summary="", body="<p>Plain facts.</p>",
                                share_image=image, share_image_alt=page_alt)
    [finding] = [f for f in find_claims(page) if f.rule_id == "guaranteed-results"]
    assert (finding.field, finding.label) == ("share_image_alt", "Share image text alternative")
    assert "guaranteed glow" in finding.excerpt.lower()

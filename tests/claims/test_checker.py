"""Each advertising rule, matching and not matching, with the edge cases decided here."""

import pytest

from claims.checker import find_claims
from tests.factories import ArticleFactory, FAQFactory, TreatmentFactory
from treatments.models import Treatment

pytestmark = pytest.mark.django_db


def rule_ids(page):
    return {finding.rule_id for finding in find_claims(page)}


def article(body="<p>Plain facts.</p>", **fields):
    return ArticleFactory.build(body=body, **{"title": "Facial balance", "slug": "facial-balance", **fields})


@pytest.mark.parametrize(("text", "rule"), [
    ("Our treatment is completely safe.", "absolute-safety"),
    ("A risk-free way to look fresher.", "absolute-safety"),
    ("Totally PAINLESS injections.", "absolute-safety"),
    ("There are no side effects at all.", "absolute-safety"),
    ("Results are guaranteed.", "guaranteed-results"),
    ("Enjoy permanent results.", "guaranteed-results"),
    ("It is safe and there is no downtime.", "safe-no-downtime"),
    ("The best clinic in London.", "unqualified-superlative"),
    ("London's No.1 for lips.", "unqualified-superlative"),
    ("A leading aesthetic clinic.", "unqualified-superlative"),
    ("See our specialist nurse.", "specialist-title"),
    ("Offer ends Friday!", "urgency-promotion"),
    ("Limited slots this month.", "urgency-promotion"),
    ("Two-for-one on fillers.", "urgency-promotion"),
    ("Get rid of those ugly lines.", "body-shaming"),
])
def test_rules_match_what_they_are_for(settings, text, rule):
    settings.CLINIC_JURISDICTION = "us"
    assert rule in rule_ids(article(f"<p>{text}</p>"))


@pytest.mark.parametrize(("text", "rule"), [
    ("It is not painless: expect a sharp scratch.", "absolute-safety"),  # negation
    ("No treatment is ever risk free.", "absolute-safety"),
    ("Nobody can guarantee results.", "guaranteed-results"),
    ("He bestows care on every patient.", "unqualified-superlative"),  # word inside a word
    ("Asbestos is not used anywhere.", "unqualified-superlative"),
    ("The offer of a consultation stands; it never ends.", "urgency-promotion"),
    ("Most people need no downtime. Side effects are listed below, and it is licensed, "
     "tested and used for decades by doctors around the world, which is why we consider it safe.", "safe-no-downtime"),
])
def test_rules_leave_alone_what_they_are_not_for(settings, text, rule):
    settings.CLINIC_JURISDICTION = "us"
    assert rule not in rule_ids(article(f"<p>{text}</p>"))


def test_words_split_by_markup_still_count(settings):
    settings.CLINIC_JURISDICTION = "uk"
    assert "prescription-only-medicine" in rule_ids(article("<p>Ask about Bo<strong>tox</strong>.</p>"))
    settings.CLINIC_JURISDICTION = "us"
    assert "absolute-safety" in rule_ids(article("<p>It is <em>risk</em>-free.</p>"))


def test_block_elements_separate_words(settings):
    settings.CLINIC_JURISDICTION = "us"
    assert "absolute-safety" not in rule_ids(article("<p>Some risk</p><p>Free parking on site.</p>"))


@pytest.mark.parametrize("fields", [
    {"title": "Botox explained"}, {"slug": "botox-explained"}, {"seo_title": "Botox in London"},
    {"meta_description": "All about Dysport."}, {"hero_image_alt": "Syringe of Xeomin"},
    {"share_image_alt": "A box of Bocouture"},
    {"body": '<figure class="image"><img src="/m/x.png" alt="A vial of Azzalure"></figure>'},
])
def test_prescription_medicine_names_are_found_everywhere_in_the_uk(settings, fields):
    settings.CLINIC_JURISDICTION = "uk"
    assert "prescription-only-medicine" in rule_ids(article(**fields))


def test_nicknames_and_plurals_count_too(settings):
    settings.CLINIC_JURISDICTION = "ie"
    assert "prescription-only-medicine" in rule_ids(article("<p>Beautox parties are not for us.</p>"))
    assert "prescription-only-medicine" in rule_ids(article("<p>Compare the Botoxes on offer.</p>"))


def test_brand_names_are_allowed_in_the_us_and_nothing_is_checked_under_none(settings):
    settings.CLINIC_JURISDICTION = "us"
    assert "prescription-only-medicine" not in rule_ids(article(title="Botox for facial symmetry"))
    settings.CLINIC_JURISDICTION = "none"
    assert rule_ids(article("<p>Risk-free and guaranteed, best price, offer ends today!</p>")) == set()


def test_faqs_are_checked(settings):
    settings.CLINIC_JURISDICTION = "us"
    treatment = TreatmentFactory()
    FAQFactory(treatment=treatment, question="Does it hurt?", answer="No, it is completely painless.")
    findings = [f for f in find_claims(treatment) if f.rule_id == "absolute-safety"]
    assert findings and findings[0].label == "FAQ “Does it hurt?”"


def test_temporary_treatments_must_say_how_long_results_last(settings):
    settings.CLINIC_JURISDICTION = "us"
    temporary = TreatmentFactory.build(category=Treatment.Category.NON_SURGICAL, results_last="")
    surgical = TreatmentFactory.build(category=Treatment.Category.SURGICAL, results_last="")
    assert "fair-balance" in rule_ids(temporary)
    assert "fair-balance" not in rule_ids(surgical)


def test_article_contradicting_the_treatment_facts_is_warned_naming_the_page(settings):
    settings.CLINIC_JURISDICTION = "us"
    TreatmentFactory(title="Botox", slug="botox", results_last="3–4 months")
    contradicting = article("<p>Botox results last 6 months for most people.</p>")
    [finding] = [f for f in find_claims(contradicting) if f.rule_id == "facts-mismatch"]
    assert finding.severity == "warn" and "/treatments/botox/" in finding.source
    assert "3–4 months" in finding.explanation
    agreeing = article("<p>Botox results last about 3 to 4 months.</p>")
    assert "facts-mismatch" not in rule_ids(agreeing)
    unrelated = article("<p>A good night's sleep lasts 6 months in the memory.</p>")
    assert "facts-mismatch" not in rule_ids(unrelated)


# Evasions seen in the wild: the text reads as the claim, but its characters differ.
EVASIONS = [
    ("pain\u00adless injections", "absolute-safety"),  # soft hyphen
    ("a risk\u2011free treatment", "absolute-safety"),  # non-breaking hyphen
    ("a risk\u00a0free treatment", "absolute-safety"),  # non-breaking space
    ("a risk\u2013free treatment", "absolute-safety"),  # en dash
    ("results are guaran\u200bteed", "guaranteed-results"),  # zero-width space
    ("results are guaran\u200dteed", "guaranteed-results"),  # zero-width joiner
    ("results are guar\u2060anteed", "guaranteed-results"),  # word joiner
    ("results are guaran\ufeffteed", "guaranteed-results"),  # byte order mark
    ("pain\u202dless injections", "absolute-safety"),  # bidirectional override
    ("\u0440\u0430inless injections", "absolute-safety"),  # Cyrillic р and а
    ("guar\u0430nt\u0435\u0435d results", "guaranteed-results"),  # Cyrillic а and е
    ("\u03c1ainless injections", "absolute-safety"),  # Greek rho
    ("ｐａｉｎｌｅｓｓ injections", "absolute-safety"),  # full-width letters
    ("pa\u0301inless injections", "absolute-safety"),  # combining accent
    ("completely ﬁne and harmle\u0455s", "absolute-safety"),  # ligature, Cyrillic ѕ
]


@pytest.mark.parametrize(("text", "rule"), EVASIONS)
def test_invisible_and_look_alike_characters_do_not_hide_a_claim(settings, text, rule):
    settings.CLINIC_JURISDICTION = "us"
    assert rule in rule_ids(article(f"<p>{text}.</p>"))
    assert rule in rule_ids(article(summary=text))


def test_the_finding_quotes_the_words_as_read(settings):
    settings.CLINIC_JURISDICTION = "us"
    [finding] = [f for f in find_claims(article("<p>Results are guaran\u200bteed.</p>"))
                 if f.rule_id == "guaranteed-results"]
    assert "guaranteed" in finding.excerpt


def test_other_languages_and_accents_are_left_alone(settings):
    settings.CLINIC_JURISDICTION = "us"
    assert rule_ids(article("<p>Café consultations in Zürich; Ελληνικά και русский текст.</p>")) == set()

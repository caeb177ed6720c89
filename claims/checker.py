"""The advertising-rules checker: finds claims regulators forbid in a page's text, by the rule pack of
the clinic's jurisdiction (CLINIC_JURISDICTION). An aid for staff, not legal advice."""

import html
import importlib
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from django.conf import settings
from django.utils.html import strip_tags

from publishing.models import page_types

NEGATORS = {"not", "never", "no", "nobody", "nothing", "none", "isn't", "isnt", "aren't", "arent", "cannot",
             "can't", "cant", "nor", "without"}
JURISDICTIONS = ("us", "uk", "ie", "none")
NEGATION_WINDOW = 4  # words before a claim that can turn it around ("not painless", "no treatment is risk-free")
# Inline markup can split a word ("Bo<strong>tox</strong>"); block markup separates words.
INLINE_TAGS = re.compile(r"</?(?:strong|b|em|i|a|span|mark|u|s|sub|sup|small|code)\b[^>]*>", re.IGNORECASE)
WORD = re.compile(r"[\w'’.#%-]+")
# Letters from other scripts that look like Latin ones ("раinless" with Cyrillic р and а), and dashes.
LOOK_ALIKES = str.maketrans(
    "аеорсухіјѕԁһԛԝАВЕКМНОРСТХУІЈЅԌԚԜαεοριυνχκΑΒΕΖΗΙΚΜΝΟΡΤΥΧ" "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d",
    "aeopcyxijsdhqwABEKMHOPCTXYIJSGQWaeopiuvxkABEZHIKMNOPTYX" "---------",
)


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: str
    field: str  # the form field it belongs to ("" for the page as a whole)
    label: str  # where, in words staff know
    excerpt: str
    explanation: str
    source: str
    name: str = ""  # the rule in plain words ("Benefits without their risks"); find_claims() fills it in
    words: tuple = ()  # every phrase at fault in this text, as read

    @property
    def blocks(self):
        return self.severity == "block"

    @property
    def quoted(self):
        return ", ".join(f"“{words}”" for words in self.words)

    def problem(self):
        """The finding as one error message, beside its field (or in a list of a page's problems)."""
        said = f" You wrote {self.quoted}." if self.words else ""
        return f"{self.label} — {self.name}.{said} {self.explanation} ({self.rule_id}; {self.source})"


@dataclass(frozen=True)
class PageRule:
    """A rule that only makes sense for one page type (treatments/claims.py, articles/claims.py), listed
    in that model's `claim_rules`. `check(page, texts)` returns its findings; `texts` as page_texts()."""

    id: str
    severity: str
    check: Callable
    name: str = ""  # in plain words, as for the packs' rules


@cache
def rules_for(jurisdiction):
    """The compiled rule pack of `jurisdiction` (us, uk, ie or none)."""
    rules = importlib.import_module(f"claims.packs.{jurisdiction}").RULES
    return [compile_rule(rule) for rule in rules]


def term_pattern(term):
    """Whole words in any case, plurals too; spaces and hyphens inside a phrase are interchangeable."""
    body = r"[ -]+".join(re.escape(word) for word in re.split(r"[\s-]+", term.strip()))
    start = r"\b" if term[0].isalnum() else ""
    end = r"(?:s|es)?\b" if term[-1].isalnum() else ""
    return start + body + end


def compile_rule(rule):
    compiled = dict(rule)
    if "terms" in rule:
        compiled["regex"] = re.compile("|".join(term_pattern(t) for t in rule["terms"]), re.IGNORECASE)
    if "near" in rule:
        compiled["near_regexes"] = [
            re.compile("|".join(term_pattern(t) for t in group), re.IGNORECASE) for group in rule["near"]
        ]
    return compiled


def plain(value):
    """Text as read: inline markup dropped, each block on its own line (a phrase never spans two)."""
    value = INLINE_TAGS.sub("", value or "")
    value = html.unescape(strip_tags(re.sub(r"<", "\n<", value)))
    lines = (" ".join(line.split()) for line in value.splitlines())
    return "\n".join(line for line in lines if line)


def readable(text):
    """`text` as the eye reads it, so a claim cannot hide from the rules: compatibility forms folded (full-width
    letters, ligatures, non-breaking spaces), invisible characters removed (soft hyphens, zero-width and
    bidirectional controls), accents and look-alike letters from other scripts mapped to plain Latin, every
    dash a hyphen."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Mn"))
    text = unicodedata.normalize("NFKC", text).translate(LOOK_ALIKES)
    return re.sub(r"[^\S\n]+", " ", text)


def page_texts(page):
    """(group, form field, label, text) for everything a patient or a search engine can read on `page`."""
    texts = [
        ("title", "title", "Title", page.title),
        ("slug", "slug", "Address (slug)", page.slug.replace("-", " ")),
        ("summary", "summary", "Summary", page.summary),
        ("seo", "seo_title", "SEO title", page.seo_title),
        ("seo", "meta_description", "Meta description", page.meta_description),
        # What screen readers will hear: the page's own text, else the library's description.
        ("alt", "hero_image_alt", "Hero image text alternative", page.hero_alt or page.hero_image_alt),
        ("alt", "share_image_alt", "Share image text alternative",
         page.share_image.effective_alt(page.share_image_alt) if page.share_image else page.share_image_alt),
    ]
    for field in page.rich_text_fields:
        label = page._meta.get_field(field).verbose_name.capitalize()
        texts.append(("body", field, label, plain(getattr(page, field))))
        for alt in re.findall(r'<img\b[^>]*\balt="([^"]*)"', getattr(page, field) or ""):
            texts.append(("alt", field, f"Image text alternative in {label.lower()}", html.unescape(alt)))
    for question, answer in page.questions_and_answers():
        texts.append(("faq", "", f"FAQ “{question}”", f"{question} {answer}"))
    return [(group, field, label, readable(text)) for group, field, label, text in texts if text]


def negated(text, position):
    """A negator shortly before, within the same clause ("No, it is painless" is still a claim)."""
    clause = re.split(r"[.,;:!?\n]", text[:position].lower())[-1]
    before = WORD.findall(clause)[-NEGATION_WINDOW:]
    return any(word.strip(".") in NEGATORS for word in before)


def excerpt(text, start, end):
    left = max(0, start - 40)
    return ("…" if left else "") + text[left:end + 40] + ("…" if end + 40 < len(text) else "")


def rule_matches(rule, text):
    """(start, end) of every place `rule` matches `text`, first to last: staff see all of them at once."""
    if "regex" in rule:
        return [match.span() for match in rule["regex"].finditer(text)
                if not (rule.get("negatable") and negated(text, match.start()))]
    # Each match with its position counted in words, found once.
    word_starts = [word.start() for word in WORD.finditer(text)]
    first, second = ([(bisect_left(word_starts, m.start()), m) for m in regex.finditer(text)]
                     for regex in rule["near_regexes"])
    spans = []
    for index_a, a in first:
        for index_b, b in second:
            if abs(index_a - index_b) <= rule["within_words"]:
                spans.append((min(a.start(), b.start()), max(a.end(), b.end())))
                break
    return spans


def words_at(text, spans):
    """The distinct phrases at `spans` of `text`, in order, as written (one line each)."""
    return tuple(dict.fromkeys(" ".join(text[start:end].split()) for start, end in spans))


def applies(rule, group):
    return rule["fields"] == "all" or group in rule["fields"]


def find_claims(page, jurisdiction=None):
    """Every finding on `page` by the rule pack of `jurisdiction` (default: CLINIC_JURISDICTION), plus the
    page type's own rules (its `claim_rules`), which apply wherever rules apply at all."""
    jurisdiction = jurisdiction or settings.CLINIC_JURISDICTION
    findings = []
    texts = page_texts(page)
    for rule in rules_for(jurisdiction):
        for group, field, label, text in texts:
            if applies(rule, group) and (spans := rule_matches(rule, text)):
                findings.append(Finding(rule["id"], rule["severity"], field, label, excerpt(text, *spans[0]),
                                        rule["explanation"], rule["source"], rule["name"], words_at(text, spans)))
    if jurisdiction != "none":
        for rule in page.claim_rules:
            findings += [replace(finding, name=finding.name or rule.name) for finding in rule.check(page, texts)]
    return findings


def rule_name(rule_id, model=None):
    """The plain name of the rule `rule_id` (in any pack, or `model`'s own rules); the id if there is none."""
    rules = [rule for jurisdiction in JURISDICTIONS for rule in rules_for(jurisdiction)]
    names = {rule["id"]: rule["name"] for rule in rules}
    for page_type in [model] if model else page_types():
        names.update({rule.id: rule.name for rule in getattr(page_type, "claim_rules", ())})
    return names.get(rule_id, rule_id)


def blocking_rules(model, jurisdiction=None):
    """(id, plain name) of every rule that can stop a page of `model` being published, and so can be overridden."""
    pack = rules_for(jurisdiction or settings.CLINIC_JURISDICTION)
    return [(rule["id"], rule["name"]) for rule in pack if rule["severity"] == "block"] + [
        (rule.id, rule.name) for rule in model.claim_rules if rule.severity == "block"
    ]

"""Advertising rules that only make sense for treatment pages."""

import re

from claims.checker import Finding, PageRule, excerpt, negated, readable, words_at
from claims.facts import DURATION, DURATION_RE, NEXT_DAY, SAME_DAY, disagree, fact_duration, weeks

FAIR_BALANCE_SOURCE = "FDA fair balance (21 CFR 202.1(e)(5)); CAP Code 12.1; GMC cosmetic guidance para 34"
KEY_FACTS_SOURCE = "The page's own key facts; CAP Code 3.1 (misleading advertising); FTC Act s.5"
# Where the words can be: everything patients read on the page, but not its address or image descriptions.
READ_GROUPS = {"title", "summary", "body", "seo", "faq"}
QUALIFIER = r"(?:(?:about|around|roughly|approximately|typically|usually|only|just|up to|at least|between)\s+)?"

NO_DOWNTIME = re.compile(r"\b(?:no|zero|nil|without(?: any)?)\s+(?:down-?\s?time|recovery time|time off(?: work)?)\b",
                         re.IGNORECASE)
DOWNTIME_AFTER = re.compile(rf"{DURATION}\s+(?:of\s+)?down-?\s?time\b", re.IGNORECASE)
DOWNTIME_BEFORE = re.compile(rf"\bdown-?\s?time\s+(?:is\s+|of\s+|lasts?\s+|:\s*)?{QUALIFIER}{DURATION}", re.IGNORECASE)
# "Results last 3-4 months", "the effects last about a year", "results that last up to 6 months" (not side effects).
RESULTS_LAST = re.compile(
    rf"(?:\bresults?\b|(?<!side )(?<!side-)\beffects?\b)[^.;:!?\n]{{0,60}}?\blast(?:s|ing)?\s+(?:for\s+)?{QUALIFIER}"
    rf"{DURATION}",
    re.IGNORECASE,
)
BACK_TO_NORMAL = re.compile(r"\bback to (?:normal|work|your (?:day|routine|usual)|everyday|daily)\b[^.;:!?\n]{0,40}",
                            re.IGNORECASE)
# "over-16s", "aged 16 and over", "from the age of 16", "16-year-olds".
MINIMUM_AGE = re.compile(
    r"\bover[- ]?(?P<over>\d{1,2})s\b|\b(?:aged|age of|ages)\s+(?P<aged>\d{1,2})\b"
    r"|\b(?P<olds>\d{1,2})[- ]year[- ]olds?\b",
    re.IGNORECASE,
)


def fair_balance(treatment, texts):
    # (A treatment without its risks section cannot be published in any jurisdiction: see Treatment.)
    if treatment.category != treatment.Category.NON_SURGICAL or treatment.results_last.strip():
        return []
    return [Finding("fair-balance", "block", "results_last", "Results last", "",
                    "Patients must see a treatment's limits beside its benefits: a temporary treatment must say "
                    "how long its results last, so patients know it will need repeating.", FAIR_BALANCE_SOURCE)]


def downtime_statements(text):
    """(span, weeks) for each thing `text` says about downtime."""
    found = [(match.span(), (0.0, 0.0)) for match in NO_DOWNTIME.finditer(text)]
    for pattern in (DOWNTIME_AFTER, DOWNTIME_BEFORE):
        found += [(match.span(), weeks(match)) for match in pattern.finditer(text)]
    return found


def results_statements(text):
    return [(match.span(), weeks(match)) for match in RESULTS_LAST.finditer(text)]


def back_to_normal_statements(text):
    """"Back to work the same day", "back to normal activities in 1-2 weeks"."""
    found = []
    for match in BACK_TO_NORMAL.finditer(text):
        clause = match.group(0)
        if duration := DURATION_RE.search(clause):
            found.append(((match.start(), match.start() + duration.end()), weeks(duration)))
        elif when := SAME_DAY.search(clause):
            found.append(((match.start(), match.start() + when.end()), (0.0, 0.0)))
        elif when := NEXT_DAY.search(clause):
            found.append(((match.start(), match.start() + when.end()), (1 / 7, 1 / 7)))
    return found


def key_facts_contradictions(treatment, texts):
    """Where the page's words say something its own fact box does not: "No downtime" above a downtime of
    "1–2 weeks", "results last a year" above "3–4 months", "from the age of 16" above a minimum age of 18."""
    facts = [
        ("Downtime", treatment.downtime, downtime_statements),
        ("Results last", treatment.results_last, results_statements),
        # "Back to work the next day" is about recovery; without a recovery fact, about downtime.
        ("Recovery", treatment.recovery, back_to_normal_statements) if treatment.recovery.strip()
        else ("Downtime", treatment.downtime, back_to_normal_statements),
    ]
    findings = []
    for group, field, label, text in texts:
        if group not in READ_GROUPS:
            continue
        for fact_label, value, statements in facts:
            fact = fact_duration(readable(value))
            if fact is None:
                continue
            spans = [span for span, stated in statements(text)
                     if not negated(text, span[0]) and disagree(stated, fact)]
            if spans:
                findings.append(contradiction(field, label, text, spans, f"{fact_label}: {value.strip()}"))
        if treatment.minimum_age:
            spans = [match.span() for match in MINIMUM_AGE.finditer(text)
                     if int(next(age for age in match.groups() if age)) < treatment.minimum_age
                     and not negated(text, match.start())]
            if spans:
                findings.append(contradiction(field, label, text, spans, f"Minimum age: {treatment.minimum_age}"))
    return findings


def contradiction(field, label, text, spans, fact):
    return Finding(
        "contradicts-key-facts", "block", field, label, excerpt(text, *spans[0]),
        f"But the page's key facts say {fact}. Patients read both: change the words or the fact so they agree.",
        KEY_FACTS_SOURCE, words=words_at(text, spans),
    )


RULES = [
    PageRule("fair-balance", "block", fair_balance, "Benefits without their risks"),
    PageRule("contradicts-key-facts", "block", key_facts_contradictions, "Words that contradict the key facts"),
]

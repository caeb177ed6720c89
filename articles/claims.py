"""Advertising rules that only make sense for articles: what they say must agree with the treatment pages."""

import re

from claims.checker import Finding, PageRule, excerpt
from treatments.models import Treatment

DURATION = re.compile(
    r"\blast(?:s|ing)?\s+(?:for\s+)?(?:about\s+|around\s+|up\s+to\s+|roughly\s+)?"
    r"(\d+)(?:\s*(?:–|-|to)\s*(\d+))?\s*(week|month|year)s?\b"
)
UNIT_WEEKS = {"week": 1, "month": 4.35, "year": 52}


def weeks_range(text):
    """The (shortest, longest) duration in weeks stated in `text`, e.g. "3–4 months" -> (13.05, 17.4)."""
    match = DURATION.search("last " + text.lower()) if text else None
    if not match:
        return None
    low, high, unit = int(match.group(1)), int(match.group(2) or match.group(1)), match.group(3)
    return low * UNIT_WEEKS[unit], high * UNIT_WEEKS[unit]


def consistency_with_facts(article, texts):
    """Warn where an article states how long a treatment lasts and the treatment's own page says otherwise."""
    body = " ".join(text for group, _field, _label, text in texts if group in ("title", "summary", "body")).lower()
    related = set(article.related_treatments.values_list("pk", flat=True)) if article.pk else set()
    findings = []
    for treatment in Treatment.objects.published().exclude(results_last=""):
        if treatment.pk not in related and not re.search(rf"\b{re.escape(treatment.title.lower())}\b", body):
            continue
        facts = weeks_range(treatment.results_last)
        for match in DURATION.finditer(body):
            stated = weeks_range(match.group(0))
            if facts and stated and (stated[1] < facts[0] * 0.9 or stated[0] > facts[1] * 1.1):
                findings.append(Finding(
                    "facts-mismatch", "warn", "body", "Body", excerpt(body, *match.span()),
                    f"This says results {match.group(0)}, but the {treatment.title} page says they last "
                    f"{treatment.results_last}. Make them agree, or explain the difference.",
                    f"The clinic's own treatment page: {treatment.get_absolute_url()}", words=(match.group(0),),
                ))
                break
    return findings


RULES = [PageRule("facts-mismatch", "warn", consistency_with_facts, "Disagrees with a treatment page")]

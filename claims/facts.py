"""Facts as pages state them in words: how long something takes ("3–4 months", "about a year", "three to four
weeks", "the same day"), or that there is none ("No downtime"). The rules compare what a text says with a
fact box, so they work in weeks: a pair (shortest, longest)."""

import re

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "a couple of": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24,
}
UNIT_WEEKS = {"hour": 1 / 168, "day": 1 / 7, "week": 1, "month": 4.35, "year": 52}
NUMBER = r"(?:\d+(?:\.\d+)?|" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True)) + ")"
# "3-4 months", "three to four months", "6 or 12 months", "a year", "24 hours" (texts are read with every dash a
# hyphen: claims.checker.readable).
DURATION = rf"(?P<low>{NUMBER})(?:\s*(?:-|to|or)\s*(?P<high>{NUMBER}))?\s*(?P<unit>hour|day|week|month|year)s?\b"
DURATION_RE = re.compile(DURATION, re.IGNORECASE)
# Differences smaller than this are rounding ("3 months" against "12-14 weeks"), not contradictions.
TOLERANCE = 0.1
NONE_AT_ALL = re.compile(
    r"^\W*(?:none|nil|no|zero|0|not needed|none needed|no downtime|no time off|none to speak of|"
    r"straight away|right away|immediately|at once|the same day|same day|back to your day straight away)\W*$",
    re.IGNORECASE,
)
SAME_DAY = re.compile(r"\b(?:straight away|right away|immediately|at once|(?:the )?same day)\b", re.IGNORECASE)
NEXT_DAY = re.compile(r"\b(?:the )?next day\b", re.IGNORECASE)


def number(word):
    word = word.lower()
    return float(word) if word[0].isdigit() else NUMBER_WORDS[word]


def weeks(match):
    """(shortest, longest) in weeks of a DURATION match."""
    unit = UNIT_WEEKS[match.group("unit").lower()]
    low = number(match.group("low"))
    high = number(match.group("high")) if match.group("high") else low
    return low * unit, high * unit


def duration_in(text):
    """(shortest, longest) in weeks of the first duration stated in `text`, or None."""
    match = DURATION_RE.search(text or "")
    return weeks(match) if match else None


def fact_duration(value):
    """A fact box value as (shortest, longest) weeks: (0, 0) for "None" or "Straight away", None when it
    gives no time ("Long-lasting", "Varies") or is empty."""
    value = (value or "").strip()
    if not value:
        return None
    if NONE_AT_ALL.match(value) or (SAME_DAY.search(value) and not DURATION_RE.search(value)):
        return 0.0, 0.0
    if NEXT_DAY.search(value) and not DURATION_RE.search(value):
        return 1 / 7, 1 / 7
    return duration_in(value)


def disagree(stated, fact):
    """Whether two (shortest, longest) ranges cannot both be true, allowing for rounding."""
    (stated_low, stated_high), (fact_low, fact_high) = stated, fact
    return stated_high < fact_low * (1 - TOLERANCE) or stated_low > fact_high * (1 + TOLERANCE)


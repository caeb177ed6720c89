"""Rules that apply wherever the clinic is: claims no regulator accepts for medical treatments.

Each rule: id, name (the rule in plain words, as staff see it), severity ("block" stops publishing unless an
Editor overrides it; "warn" only tells), what it matches (`terms`: words or phrases, matched as whole words, any
case, plurals too), optional `negatable` (a "not"/"never" just before turns the claim around), the fields it
applies to ("all", or a list of: title, slug, summary, body, seo, alt, faq), an explanation in plain
words, and its source.
"""

ABSOLUTE_SAFETY = {
    "id": "absolute-safety",
    "name": "Promises of no risk or no pain",
    "severity": "block",
    "terms": ["risk-free", "risk free", "100% safe", "completely safe", "totally safe", "perfectly safe",
              "no side effects", "no side-effects", "no risks", "painless", "pain-free", "pain free", "harmless"],
    "negatable": True,
    "fields": "all",
    "explanation": "Every medical treatment carries some risk. Claims that one is risk-free, painless or "
    "without side effects mislead patients; describe the usual side effects instead.",
    "source": "CAP Code 12.1 and 3.1 (UK); FTC Act s.5 and Health Products Compliance Guidance (US); GMC Good "
    "medical practice, para 70",
}

GUARANTEED_RESULTS = {
    "id": "guaranteed-results",
    "name": "Promised or permanent results",
    "severity": "block",
    "terms": ["guaranteed", "guarantee", "permanent results", "results are permanent", "permanently",
              "instant results", "miracle", "100% effective", "always works"],
    "negatable": True,
    "fields": "all",
    "explanation": "Results vary between people and most fade with time. Promising a result, or a permanent "
    "one, is a claim no clinician can stand behind; say what is typical instead.",
    "source": "GMC guidance on cosmetic interventions, para 34 (no unjustifiable claims about results); CAP Code 12.1",
}

SAFE_AND_NO_DOWNTIME = {
    "id": "safe-no-downtime",
    "name": "“Safe” next to “no downtime”",
    "severity": "warn",
    "near": (["safe", "safely"], ["no downtime"]),
    "within_words": 12,
    "fields": "all",
    "explanation": "“Safe” next to “no downtime” reads as a promise that nothing can go wrong. The ASA has "
    "upheld complaints against exactly this wording; give the facts (time off, usual side effects) instead.",
    "source": "ASA rulings on cosmetic clinics (e.g. 2021, “safe … no downtime”); CAP Code 12.1",
}

SUPERLATIVES = {
    "id": "unqualified-superlative",
    "name": "“Best” or “leading” without proof",
    "severity": "warn",
    "terms": ["best", "no.1", "no. 1", "number one", "#1", "leading", "world-class", "world class", "top-rated",
              "finest", "unrivalled", "unbeatable"],
    "fields": "all",
    "explanation": "Comparative claims (“best”, “leading”, “No.1”) must be provable with evidence you hold. "
    "Without it, describe what you do rather than rank yourself.",
    "source": "CAP Code 3.7 and 3.33 (comparisons need substantiation); FTC substantiation doctrine",
}

SPECIALIST_TITLES = {
    "id": "specialist-title",
    "name": "Titles with a protected meaning (specialist, consultant)",
    "severity": "warn",
    "terms": ["specialist", "consultant", "expert surgeon", "renowned"],
    "fields": "all",
    "explanation": "“Specialist” and “consultant” have protected meanings (for example the GMC Specialist "
    "Register). Use them only for practitioners who hold that status, and say so.",
    "source": "GMC Good medical practice para 95; CAP Code 12.4 (health professionals’ qualifications)",
}

URGENCY_AND_PROMOTIONS = {
    "id": "urgency-promotion",
    "name": "Pressure to book: deadlines and discounts",
    "severity": "block",
    "terms": ["offer ends", "limited slots", "limited spaces", "book now before", "today only", "last chance",
              "two for one", "2 for 1", "2-for-1", "buy one get one", "bogof", "half price", "flash sale",
              "while stocks last", "limited time"],
    "fields": "all",
    "explanation": "Time-limited offers and discounts push people into medical decisions. A consultation and "
    "a cooling-off period must come before any commitment.",
    "source": "CAP Code 12.1 and JCCP/CPSA guidance on responsible marketing of cosmetic procedures",
}

BODY_SHAMING = {
    "id": "body-shaming",
    "name": "Wording that makes people feel bad about their looks",
    "severity": "warn",
    "terms": ["ugly", "flaws", "imperfections", "embarrassing", "unsightly", "get rid of", "fix your", "beach body",
              "look your age", "hide your"],
    "fields": "all",
    "explanation": "Framing ordinary features as problems to be fixed plays on insecurity, which regulators "
    "treat as irresponsible. Describe what a treatment does, not what is wrong with people.",
    "source": "CAP Code 1.3 (social responsibility) and ASA guidance on body image in cosmetic advertising",
}

RULES = [ABSOLUTE_SAFETY, GUARANTEED_RESULTS, SAFE_AND_NO_DOWNTIME, SUPERLATIVES, SPECIALIST_TITLES,
         URGENCY_AND_PROMOTIONS, BODY_SHAMING]

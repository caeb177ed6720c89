"""United Kingdom: botulinum toxin is a prescription-only medicine that may not be advertised to the public."""

from .common import RULES as COMMON_RULES

POM_NAMES = ["botox", "botulinum", "botulinum toxin", "vistabel", "dysport", "azzalure", "bocouture", "xeomin",
             "letybo", "alluzience", "relfydess", "beautox", "baby botox", "brotox", "anti-wrinkle injection brands"]

PRESCRIPTION_ONLY_MEDICINES = {
    "id": "prescription-only-medicine",
    "name": "Naming a prescription-only medicine",
    "severity": "block",
    "terms": POM_NAMES,
    "fields": "all",
    "explanation": "Botulinum toxin is a prescription-only medicine: it may not be named or promoted to the "
    "public anywhere on the site, including titles, addresses (slugs), search and social descriptions and "
    "image text. Talk about “a consultation for lines and wrinkles” and give facts only after a prescriber "
    "has assessed the patient.",
    "source": "Human Medicines Regulations 2012, reg. 284; CAP Code 12.12; MHRA/ASA enforcement notice on "
    "botulinum toxin (2021)",
}

RULES = [PRESCRIPTION_ONLY_MEDICINES, *COMMON_RULES]

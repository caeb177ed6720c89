"""Ireland: prescription-only medicines may not be advertised to the public, as in the UK."""

from .uk import PRESCRIPTION_ONLY_MEDICINES
from .uk import RULES as UK_RULES

PRESCRIPTION_ONLY_MEDICINES_IE = {
    **PRESCRIPTION_ONLY_MEDICINES,
    "source": "Medicinal Products (Control of Advertising) Regulations 2007, reg. 8; HPRA guidance on "
    "advertising of botulinum toxin; ASAI Code 11",
}

RULES = [PRESCRIPTION_ONLY_MEDICINES_IE, *UK_RULES[1:]]

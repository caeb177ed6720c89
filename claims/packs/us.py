"""United States: claims must be truthful and substantiated (FTC), with risks beside benefits (FDA fair balance).
Naming a brand such as Botox is allowed, so the common pack is the whole of it."""

from .common import RULES

RULES = list(RULES)

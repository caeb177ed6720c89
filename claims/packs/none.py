"""No advertising rules: the checker finds nothing. Only for clinics that do their own review."""

RULES = []

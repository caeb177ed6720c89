"""Advertising rules that only make sense for treatment pages."""

from claims.checker import Finding, PageRule

FAIR_BALANCE_SOURCE = "FDA fair balance (21 CFR 202.1(e)(5)); CAP Code 12.1; GMC cosmetic guidance para 34"


def fair_balance(treatment, texts):
    # (A treatment without its risks section cannot be published in any jurisdiction: see Treatment.)
    if treatment.category != treatment.Category.NON_SURGICAL or treatment.results_last.strip():
        return []
    return [Finding("fair-balance", "block", "results_last", "Results last", "",
                    "A temporary treatment must say how long its results last, so patients know it will "
                    "need repeating.", FAIR_BALANCE_SOURCE)]


RULES = [PageRule("fair-balance", "block", fair_balance)]

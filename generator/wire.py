"""How wire services write: ticker symbols and the desk's abbreviations.

Shared by the text reader (headlines) and by entity extraction (never an entity), so both
agree on what a ticker and a wire abbreviation are.
"""

from __future__ import annotations

import re

# "<SUNF>", "<BP.L>", "<AELNA>": an exchange symbol in angle brackets, as wire services write it.
TICKER = re.compile(r"\s*<(?P<symbol>[A-Z][A-Z0-9]{0,7}(?:\.[A-Z]{1,3})?)>")

# Abbreviations of wire copy next to amounts ("3 mln dlrs", "up 12 pct in the qtr"), lower case.
WIRE_ABBREVIATIONS = frozenset("""
    mln mlns bln blns trln pct dlr dlrs ct cts qtr qtrs stg shr shrs revs avg oper yr yrs mths wk wks
""".split())


def tickers(text: str) -> frozenset[str]:
    """Every ticker symbol written in `text`."""
    return frozenset(m["symbol"] for m in TICKER.finditer(text))

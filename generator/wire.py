"""How wire services write: ticker symbols, the desk's abbreviations, and who the agencies are.

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


# Agencies as their sign-offs write them at the end of a story ("REUTER", "dpa"); case matters there.
SIGN_OFF_AGENCIES = (
    "REUTERS", "REUTER", "Reuters", "Reuter", "AP", "AFP", "dpa", "DPA", "UPI", "Bloomberg", "BLOOMBERG", "ANSA",
    "EFE", "Xinhua", "XINHUA", "PA", "CP", "TASS", "Interfax", "Kyodo", "KYODO", "APA", "Belga", "Lusa", "PTI", "IANS",
)

# News agencies and desks: they report events, they are not part of them (story clustering must not
# join two reports because both came from Interfax or from a "Bucharest Newsroom").
NEWS_AGENCIES = frozenset(name.strip().casefold() for name in (*SIGN_OFF_AGENCIES, *"""
    Associated Press|Agence France-Presse|Deutsche Presse-Agentur|United Press International|Press Association
    |Canadian Press|ITAR-TASS|RIA Novosti|Press Trust of India|Yonhap|Anadolu|AAP|Australian Associated Press|Jiji
    |Bernama|Antara
""".split("|")))
_DESK = re.compile(r"(?i)\b(?:newsroom|newsdesk|news desk|wire service|news agency)$")


def is_news_source(name: str) -> bool:
    """A news agency or a desk ("Interfax", "Bucharest Newsroom"), by its name."""
    return name.strip().casefold() in NEWS_AGENCIES or bool(_DESK.search(name.strip()))


def tickers(text: str) -> frozenset[str]:
    """Every ticker symbol written in `text`."""
    if "<" not in text:
        return frozenset()  # (the pattern's leading spaces make a scan slow where it cannot match)
    return frozenset(m["symbol"] for m in TICKER.finditer(text))

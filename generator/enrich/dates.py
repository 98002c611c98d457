"""Full dates written in article text: "Friday, September 12, 2025", "12. September 2025",
"22 mai 2012", "2025-09-12".

Only complete dates (day, month and year) count: a dateline such as "PARIS, Feb 26 -"
has no year, and guessing one would put the article in the wrong place.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

# Month names and common abbreviations, by language; keys are accent-folded and lower case.
_MONTHS_BY_LANGUAGE = {
    "en": ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"],
    "de": ["januar", "februar", "marz", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "dezember"],
    "fr": ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
           "octobre", "novembre", "decembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"],
    "pt": ["janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto", "setembro",
           "outubro", "novembro", "dezembro"],
}
_EXTRA_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12, "jän": 1, "marz": 3, "okt": 10, "dez": 12, "janv": 1,
    "fevr": 2, "avr": 4, "juil": 7, "sept.": 9, "ene": 1, "abr": 4, "ago": 8, "dic": 12,
    "gen": 1, "mag": 5, "giu": 6, "lug": 7, "ott": 10, "mei": 5, "okt.": 10,
}


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).rstrip(".")


MONTHS: dict[str, int] = dict(_EXTRA_ABBREVIATIONS)
for _names in _MONTHS_BY_LANGUAGE.values():
    for _number, _name in enumerate(_names, start=1):
        MONTHS.setdefault(_name, _number)

_MONTH_WORD = r"(?P<{}>[^\W\d_]{{3,10}}\.?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    # 2025-09-12 (ISO), possibly with a time after it
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    # September 12, 2025 / Sept. 12 2025 / Friday, September 12, 2025
    re.compile(r"\b" + _MONTH_WORD.format("mname") + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b"),
    # 12 September 2025 / 12. September 2025 / 22 mai 2012 / 3 de marzo de 2024
    re.compile(r"(?<!\d)" + _DAY + r"\.?\s+(?:de\s+)?" + _MONTH_WORD.format("mname") + r",?\s+(?:de\s+)?" + _YEAR + r"\b"),
    # 12.09.2025 (day first, as in most of Europe)
    re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?![\d.])"),
]


def find_dates(text: str) -> list[dt.date]:
    """All full dates in `text`, in the order they appear."""
    found: list[tuple[int, dt.date]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            date = _to_date(m)
            if date is not None:
                found.append((m.start(), date))
    found.sort(key=lambda pair: pair[0])
    return [d for _, d in found]


def first_date(text: str) -> dt.date | None:
    dates = find_dates(text)
    return dates[0] if dates else None


def _to_date(m: re.Match[str]) -> dt.date | None:
    groups = m.groupdict()
    if groups.get("mname"):
        month = MONTHS.get(_fold(groups["mname"]))
    else:
        month = int(groups["month"])
    if not month:
        return None
    try:
        return dt.date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None


def parse_date_value(value: object) -> dt.date | None:
    """A front matter `date` value: a YAML date, a datetime, or a string holding a full date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        value = value.strip()
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return first_date(value)
    return None

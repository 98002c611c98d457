"""Full dates written in article text: "Friday, September 12, 2025", "12. September 2025",
"22 mai 2012", "1 listopada 2024", "12 сентября 2025 года", "2025年9月12日", "2025-09-12".

Only complete dates (day, month and year) count: a dateline such as "PARIS, Feb 26 -"
has no year, and guessing one would put the article in the wrong place.

Dates are read in the article's language when it is known (`language="pl"`): the
same word can be two months ("listopad" is November in Polish and Czech, October in
Croatian), and short forms such as Portuguese "out" (outubro) would be misread in
other languages' text. Without a language, only the words every language agrees on count.
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
# More languages, with the inflected forms dates use ("1 listopada", "12 сентября");
# alternatives for one month are separated by "/". Read in the article's language first.
_MORE_MONTHS_BY_LANGUAGE = {
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
           "oktober", "november", "december"],
    "da": ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
           "oktober", "november", "december"],
    "no": ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"],
    "fi": ["tammikuuta/tammikuu", "helmikuuta/helmikuu", "maaliskuuta/maaliskuu", "huhtikuuta/huhtikuu",
           "toukokuuta/toukokuu", "kesäkuuta/kesäkuu", "heinäkuuta/heinäkuu", "elokuuta/elokuu",
           "syyskuuta/syyskuu", "lokakuuta/lokakuu", "marraskuuta/marraskuu", "joulukuuta/joulukuu"],
    "pl": ["stycznia/styczeń", "lutego/luty", "marca/marzec", "kwietnia/kwiecień", "maja/maj",
           "czerwca/czerwiec", "lipca/lipiec", "sierpnia/sierpień", "września/wrzesień",
           "października/październik", "listopada/listopad", "grudnia/grudzień"],
    "cs": ["ledna/leden", "února/únor", "března/březen", "dubna/duben", "května/květen", "června/červen",
           "července/červenec", "srpna/srpen", "září", "října/říjen", "listopadu/listopad", "prosince/prosinec"],
    "hr": ["siječnja/siječanj", "veljače/veljača", "ožujka/ožujak", "travnja/travanj", "svibnja/svibanj",
           "lipnja/lipanj", "srpnja/srpanj", "kolovoza/kolovoz", "rujna/rujan", "listopada/listopad",
           "studenoga/studenog/studeni", "prosinca/prosinac"],
    "ru": ["января/январь", "февраля/февраль", "марта/март", "апреля/апрель", "мая/май", "июня/июнь",
           "июля/июль", "августа/август", "сентября/сентябрь", "октября/октябрь", "ноября/ноябрь",
           "декабря/декабрь"],
    "uk": ["січня/січень", "лютого/лютий", "березня/березень", "квітня/квітень", "травня/травень",
           "червня/червень", "липня/липень", "серпня/серпень", "вересня/вересень", "жовтня/жовтень",
           "листопада/листопад", "грудня/грудень"],
    "el": ["ιανουαριου", "φεβρουαριου", "μαρτιου", "απριλιου", "μαιου", "ιουνιου", "ιουλιου",
           "αυγουστου", "σεπτεμβριου", "οκτωβριου", "νοεμβριου", "δεκεμβριου"],
    "tr": ["ocak", "şubat", "mart", "nisan", "mayıs/mayis", "haziran", "temmuz", "ağustos", "eylül",
           "ekim", "kasım/kasim", "aralık/aralik"],
    "ro": ["ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august",
           "septembrie", "octombrie", "noiembrie", "decembrie"],
    "ca": ["gener", "febrer", "març", "abril", "maig", "juny", "juliol", "agost", "setembre", "octubre",
           "novembre", "desembre"],
    "hu": ["január", "február", "március", "április", "május", "június", "július", "augusztus",
           "szeptember", "október", "november", "december"],
    # Short forms that are English words ("set", "out"): only in Portuguese text.
    "pt": ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"],
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


def _language_table(names: list[str]) -> dict[str, int]:
    return {_fold(form): number for number, forms in enumerate(names, start=1) for form in forms.split("/")}


# Month words by language; a language's own words win over MONTHS when it is known.
LANGUAGE_MONTHS: dict[str, dict[str, int]] = {
    code: _language_table(names) for code, names in {**_MONTHS_BY_LANGUAGE, **_MORE_MONTHS_BY_LANGUAGE}.items()
}
LANGUAGE_MONTHS["pt"] = {**_language_table(_MONTHS_BY_LANGUAGE["pt"]), **_language_table(_MORE_MONTHS_BY_LANGUAGE["pt"])}
# Without a language, the other languages' words count only where every language agrees.
_votes: dict[str, set[int]] = {}
for _code, _names in _MORE_MONTHS_BY_LANGUAGE.items():
    if _code != "pt":
        for _word, _number in _language_table(_names).items():
            _votes.setdefault(_word, set()).add(_number)
for _word, _numbers in sorted(_votes.items()):
    if len(_numbers) == 1 and MONTHS.get(_word, min(_numbers)) == min(_numbers):
        MONTHS.setdefault(_word, min(_numbers))
    else:
        MONTHS.pop(_word, None)
_MONTHS_IN = {code: {**MONTHS, **own} for code, own in LANGUAGE_MONTHS.items()}

_MONTH_WORD = r"(?P<{}>[^\W\d_]{{3,14}}\.?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    # 2025-09-12 (ISO), possibly with a time after it
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    # September 12, 2025 / Sept. 12 2025 / Friday, September 12, 2025
    re.compile(r"\b" + _MONTH_WORD.format("mname") + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b"),
    # 12 September 2025 / 12. September 2025 / 22 mai 2012 / 3 de marzo de 2024 / 1 d'octubre de 2024
    re.compile(r"(?<!\d)" + _DAY + r"\.?\s+(?:de\s+|d['’])?" + _MONTH_WORD.format("mname") + r",?\s+(?:de\s+)?" + _YEAR + r"\b"),
    # 2025. szeptember 12. (Hungarian, year first)
    re.compile(r"(?<!\d)" + _YEAR + r"\.\s+" + _MONTH_WORD.format("mname") + r"\s+" + _DAY + r"\.?(?!\d)"),
    # 2025年9月12日 (Chinese, Japanese) / 2025년 9월 12일 (Korean)
    re.compile(_YEAR + r"\s*[年년]\s*(?P<month>1[0-2]|0?[1-9])\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日일]"),
    # 12.09.2025 (day first, as in most of Europe)
    re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?![\d.])"),
]


_ANY_YEAR = re.compile(_YEAR)
assert all(_YEAR in p.pattern for p in _PATTERNS)
# Characters a pattern cannot match without (one of them), by pattern: a text without them is not
# searched by it (each search reads the whole text). None: any text may hold a match.
_NEEDS = [("-",), None, None, (".",), ("年", "년"), (".",)]
assert all(needs is None or all(re.escape(c) in p.pattern or c in p.pattern for c in needs)
           for p, needs in zip(_PATTERNS, _NEEDS))
_SEARCHES = list(zip(_PATTERNS, _NEEDS))


def find_dates(text: str, language: str | None = None) -> list[dt.date]:
    """All full dates in `text`, in the order they appear, month names read in `language` first."""
    return [date for _, _, date in date_spans(text, language)]


def date_spans(text: str, language: str | None = None) -> list[tuple[int, int, dt.date]]:
    """(start, end, date) of every full date in `text`, in text order; overlapping matches of
    two patterns keep the first."""
    if not _ANY_YEAR.search(text):
        return []  # every pattern has a year
    months = _MONTHS_IN.get((language or "").lower().split("-")[0], MONTHS)
    found: list[tuple[int, int, dt.date]] = []
    for pattern, needs in _SEARCHES:
        if needs is not None and not any(map(text.__contains__, needs)):
            continue
        for m in pattern.finditer(text):
            date = _to_date(m, months)
            if date is not None:
                found.append((m.start(), m.end(), date))
    found.sort(key=lambda span: (span[0], -span[1]))
    kept: list[tuple[int, int, dt.date]] = []
    for span in found:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def first_date(text: str, language: str | None = None) -> dt.date | None:
    dates = find_dates(text, language)
    return dates[0] if dates else None


def _to_date(m: re.Match[str], months: dict[str, int]) -> dt.date | None:
    groups = m.groupdict()
    if groups.get("mname"):
        month = months.get(_fold(groups["mname"]))
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

"""Which date written in an article is the day it was published.

A full date in the text is only taken when its place says it is the publication date:

- a date line at the top: "Published 12 March 2025", "Updated: …", "Publié le 22 mai 2012";
- a dateline, where the story was filed and when: "LONDON 1996-08-30" on a line of its own,
  "BRUSSELS, Friday, September 12, 2025 (AP) — …", "Zagreb, 1. listopada 2024. – …";
- a reporting pattern at the start of the lead: "today, 10 August 2005", "oggi 31 agosto 2005";
- a photo caption that says when the picture was taken: "… in Brussels, Friday, September 12,
  2025." (a weekday before the date), "… taken on 3 May 2024".

Any other date is the date of something the story tells (a birth, a maturity "due March 1,
1992", an earlier event) and never dates the article: when unsure, no date.
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import date_spans

# Words that introduce a publication date line, in the languages digest reads dates in.
_PUBLISHED = re.compile(
    r"^(?:(?:first\ |last\ )?(?:published|updated|posted|modified)(?:\ on|\ at)?"
    r"|publié(?:\ le)?|mis\ à\ jour(?:\ le)?|mise\ à\ jour|veröffentlicht(?:\ am)?|aktualisiert(?:\ am)?|stand"
    r"|pubblicato(?:\ il)?|aggiornato(?:\ il)?|publicado(?:\ el|\ em)?|actualizado(?:\ el)?|atualizado(?:\ em)?"
    r"|gepubliceerd(?:\ op)?|bijgewerkt(?:\ op)?|opublikowano|zaktualizowano|date)\b",
    re.IGNORECASE | re.VERBOSE,
)
_WEEKDAYS = frozenset("""
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
    montag dienstag mittwoch donnerstag freitag samstag sonntag
    lundi mardi mercredi jeudi vendredi samedi dimanche
    lunedì martedì mercoledì giovedì venerdì sabato domenica lunedi martedi mercoledi giovedi venerdi
    lunes martes miércoles jueves viernes sábado domingo miercoles sabado
    segunda-feira terça-feira quarta-feira quinta-feira sexta-feira
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
""".split())
# "today", in the words leads use for the day of the report.
_TODAY = frozenset("today tonight heute aujourd'hui aujourd’hui oggi stamane stasera hoy hoje vandaag dziś dzisiaj".split())
# Words before a caption date that say the picture was taken then.
_TAKEN = re.compile(r"\b(?:taken|photographed|pictured|aufgenommen|prise?|scattata|tomada)\s+(?:on|am|le|il|el)?\s*$",
                    re.IGNORECASE)
# A dateline's place: capitalized words, particles ("d'America", "de"), a country in brackets.
_PLACE_WORD = re.compile(r"^(?:[^\W\d_][\w'’.-]*|\([^()]{1,40}\))$")
_PARTICLE = re.compile(r"^(?:d['’]\w*|de|del|la|le|el|am|an|on|den|di|da|do|dos|du|of|the|upon|sur|in|im)$")
# What may follow a dateline's date: a credit in brackets, then a dash or colon, or the end.
_AFTER_DATELINE = re.compile(r"^\.?\s*(?:\([^()]{1,40}\)\s*)?(?:[-–—:|]|$)")
_MAX_DATE_LINE = 200


def publication_date(paragraphs: list[str], caption: str = "", language: str | None = None) -> dt.date | None:
    """The publication date the opening `paragraphs` (the first three of the body) or the lead
    photo's `caption` state, read in `language`; None when no date is stated as one."""
    for text in paragraphs[:3]:
        date = _date_line(text, language)
        if date is not None:
            return date
    for text in paragraphs[:2]:
        date = _dateline(text, language)
        if date is not None:
            return date
    if paragraphs and (date := _today(paragraphs[0], language)) is not None:
        return date
    return _caption_date(caption, language) if caption else None


def is_publication_line(text: str) -> bool:
    """"Published May 14, 2024 6:02 p.m. ET", "Updated: 3 June 2024": a line above the story
    that says when it was published, not a line of the story."""
    line = text.strip()
    return len(line) <= 120 and bool(_PUBLISHED.match(line)) and any(c.isdigit() for c in line)


def _date_line(text: str, language: str | None) -> dt.date | None:
    """"Published 12 March 2025 10:32", "Publié le 22 mai 2012 à 18h05", or a line that is a
    date alone ("1996-08-30", "Friday, 12 September 2025")."""
    line = text.strip()
    if len(line) > _MAX_DATE_LINE:
        return None
    spans = date_spans(line, language)
    if not spans:
        return None
    start, end, date = spans[0]
    rest = [w for w in re.split(r"[\s,.|·•]+", line[:start] + " " + line[end:]) if w]
    if all(w.casefold() in _WEEKDAYS for w in rest):
        return date
    marker = _PUBLISHED.match(line)
    # Beside the date, a date line holds a time, a zone or a place ("6:02 p.m. ET", "in Berlin"),
    # not a sentence: "Updated forecasts released on 3 March 2020 show …" is story text.
    if marker and len(rest) - len(marker.group().split()) <= 5:
        return date
    return None


def _dateline(text: str, language: str | None) -> dt.date | None:
    """"LONDON 1996-08-30", "LA CORUNA, Spain 1996-08-31", "Beirut (Libanon), 13.07.2006 – …",
    "Baghdad, domenica 5 novembre 2006 L'ex rais …": a place, maybe a weekday, the date, then a
    dash, the end of the line or (joined by a scraper) the lead's first sentence."""
    spans = date_spans(text[:160], language)
    if not spans:
        return None
    start, end, date = spans[0]
    before, after = text[:start].strip(), text[end:]
    if not before:
        return None
    words = before.replace(",", " , ").split()
    while words and (words[-1] == "," or words[-1].casefold().rstrip(",") in _WEEKDAYS
                     or _PARTICLE.match(words[-1].casefold())):
        words.pop()
    place = [w for w in words if w != ","]
    if not place or len(place) > 6 or not place[0][0].isupper() or sum(c.isalpha() for c in "".join(place)) < 3:
        return None
    if not all(_PLACE_WORD.match(w) and (w[0].isupper() or w[0] == "(" or _PARTICLE.match(w.casefold()))
               for w in place):
        return None
    # A place is set off from the date by a comma, or written in capitals ("LONDON 1996-08-30").
    if "," not in before and not before.isupper():
        return None
    if _AFTER_DATELINE.match(after) or re.match(r"^\.?\s+[\"“«]?[A-ZÀ-ÝÑ]", after):
        return date
    return None


def _today(lead: str, language: str | None) -> dt.date | None:
    """"… crashed into the Baltic today, Wednesday 10 August 2005": the day of the report, named
    as today in the lead's first sentences."""
    for start, _end, date in date_spans(lead[:400], language):
        words = re.sub(r"[,()]", " ", lead[max(0, start - 40):start]).split()
        while words and words[-1].casefold() in _WEEKDAYS:
            words.pop()
        if words and words[-1].casefold() in _TODAY:
            return date
    return None


def _caption_date(caption: str, language: str | None) -> dt.date | None:
    """A caption date that says when the photo was taken: after a weekday (agency style) or
    after "taken on"."""
    for start, _end, date in date_spans(caption, language):
        before = caption[:start].rstrip(" ,")
        last = before.split()[-1].casefold().rstrip(",") if before.split() else ""
        if last in _WEEKDAYS or _TAKEN.search(caption[:start]):
            return date
    return None

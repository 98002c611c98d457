"""Full dates in article text; partial ones are never completed by guessing."""

import datetime as dt

import pytest

from generator.text.dates import find_dates, first_date, parse_date_value


@pytest.mark.parametrize(
    "text, expected",
    [
        ("in Brussels, Friday, September 12, 2025. [AP Photo]", dt.date(2025, 9, 12)),
        ("Sept. 12, 2025", dt.date(2025, 9, 12)),
        ("on 4 March 2025, after", dt.date(2025, 3, 4)),
        ("LONDON 1996-08-30", dt.date(1996, 8, 30)),
        ("Berlin, 12. September 2025 -", dt.date(2025, 9, 12)),
        ("Paris, le 22 mai 2012", dt.date(2012, 5, 22)),
        ("Madrid, 3 de marzo de 2024", dt.date(2024, 3, 3)),
        ("am 12.09.2025 in Berlin", dt.date(2025, 9, 12)),
    ],
)
def test_full_dates(text, expected):
    assert first_date(text) == expected


@pytest.mark.parametrize("text", ["PARIS, Feb 26 - Ministers met", "on Friday", "in 2025", "February 30, 2025", "May 2025"])
def test_partial_or_impossible_dates_are_not_dates(text):
    assert first_date(text) is None


def test_dates_come_in_text_order():
    assert find_dates("First 2 May 2024, then 2023-01-05.") == [dt.date(2024, 5, 2), dt.date(2023, 1, 5)]


def test_front_matter_values():
    assert parse_date_value(dt.date(2024, 1, 2)) == dt.date(2024, 1, 2)
    assert parse_date_value("2024-01-02T10:00:00Z") == dt.date(2024, 1, 2)
    assert parse_date_value("not a date") is None
    assert parse_date_value(20240102) is None


def test_patterns_skipped_for_lacking_a_character_they_need_would_have_found_nothing():
    import random

    from generator.text import dates

    def every_pattern(text, language):  # date_spans as first written: every pattern searched
        months = dates._MONTHS_IN.get(language, dates.MONTHS)
        found = sorted(((m.start(), m.end(), d) for p in dates._PATTERNS for m in p.finditer(text)
                        if (d := dates._to_date(m, months)) is not None), key=lambda s: (s[0], -s[1]))
        kept = []
        for span in found:
            if not kept or span[0] >= kept[-1][1]:
                kept.append(span)
        return kept

    pieces = ["2025-09-12", "12.09.2025", "2025. szeptember 12.", "2025年9月12日", "2025년 9월 12일", "12 September 2025",
              "Sept. 12 2025", "3 de marzo de 2024", "Friday,", "on", "-", ".", " ", "2024", "12", "年", "May 1, 1999"]
    rng = random.Random(4)
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randrange(1, 6)))
        for language in ("en", "hu", "es"):
            assert dates.date_spans(text, language) == every_pattern(text, language), text

"""Articles the corpus-memo tests share (test_corpus_memo, test_entities_memo)."""

from __future__ import annotations

import datetime as dt
import hashlib

from generator.model import Article, Paragraph


def make(source: str, title: str, text: str, day: int = 1) -> Article:
    sha = hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()
    return Article(source=source, source_sha256=sha, title=title, blocks=tuple(Paragraph(p) for p in text.split("\n")),
                   date=dt.date(2024, 3, day), date_source="text", word_count=len(text.split()), language="en")


# A bare surname ("Brandt") and a one-word name typed as a place ("in Halvorsen") that a new
# article settles otherwise: Willy Brandt in full, and Mayor Halvorsen, a person.
LONE = make("lone.txt", "Shipyard talks in Gdansk",
            "Brandt told reporters at Westerplatte Shipping that workers in Halvorsen and in Gdansk would be hired "
            "as welders.\nTalks in Halvorsen go on, Brandt said, and Westerplatte Shipping expects a deal by June.", 3)
SETTLES = make("settles.txt", "Shipyard chief visits Gdansk",
               "Shipyard chief Willy Brandt and Mayor Halvorsen visited Westerplatte Shipping on Monday. Halvorsen "
               "said the dock would open. Willy Brandt told workers the yard was safe, and Mayor Halvorsen thanked "
               "them.", 9)

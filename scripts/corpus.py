"""Synthetic but realistic news corpora for benchmarks: `python scripts/corpus.py N DIR`.

Articles of about 700 words in the plain-text format scrapers produce (language line,
title, caption with credit, paragraphs, trailing junk), about politics, economy,
conflict, sport, culture and science. People, organizations and places come from
pools, drawn with a skewed distribution so that some are in the news every day and
most only now and then, as in real news. Seeded: the same N gives the same files.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

FIRST = ("Anna Mark Olaf Maria Friedrich Emmanuel Giorgia Pedro Ursula Kaja Donald Keir Justin Fumio Narendra "
         "Luiz Cyril Jacinda Mette Sanna Petr Viktor Andrzej Gitanas Alexander Edgars Kristen Jonas Elena Pavel "
         "Yulia Omar Fatima Chen Akira Sofia Lucas Ines Tomas Hanna").split()
LAST = ("Rutte Scholz Merz Macron Meloni Sanchez Leyen Kallas Tusk Costa Frederiksen Marin Fiala Orban Duda Nauseda "
        "Stubb Rinkevics Michal Kristersson Store Vucic Rama Plenkovic Golob Fico Nehammer Amherd Bettel Varadkar "
        "Starmer Sunak Trudeau Albanese Kishida Modi Lula Ramaphosa Milei Sheinbaum").split()
ROLES = ("President Chancellor Prime Minister|Foreign Minister|Defence Minister|Finance Minister|spokesperson|"
         "Secretary General|central bank governor|opposition leader|coach|chief executive").replace("President Chancellor Prime Minister", "President|Chancellor|Prime Minister").split("|")
ORGS = ("NATO|European Union|United Nations|World Bank|International Monetary Fund|European Central Bank|Bundeswehr|"
        "Kremlin|Reuters|Associated Press|Siemens|Volkswagen|Airbus|Deutsche Bank|Red Cross|World Health Organization|"
        "Greenpeace|UEFA|FIFA|Bayern Munich|Real Madrid|Social Democratic Party|Green Party|Defence Ministry|"
        "Federal Reserve|OPEC|Amnesty International|Constitutional Court|European Commission|Bundestag").split("|")
PLACES = ("Germany|France|Poland|Ukraine|Russia|Italy|Spain|Netherlands|Belgium|Denmark|Sweden|Finland|Norway|"
          "Lithuania|Latvia|Estonia|Austria|Hungary|Romania|Greece|Turkey|China|Japan|India|Brazil|Canada|"
          "Berlin|Paris|Warsaw|Kyiv|Moscow|Rome|Madrid|Brussels|The Hague|Vienna|Budapest|Athens|Ankara|Beijing|"
          "Tokyo|London|Washington|Geneva|Munich|Hamburg|Lyon|Milan|Barcelona|Krakow").split("|")
THEMES = {
    "politics": ("election coalition parliament vote minister government party reform campaign policy law "
                 "debate opposition majority cabinet summit diplomacy sanctions treaty").split(),
    "economy": ("inflation budget growth market investors shares bank interest rates trade exports prices "
                "deficit debt company profit jobs factory energy tariffs").split(),
    "conflict": ("troops drones missiles army defence military ceasefire border attack air force weapons "
                 "soldiers alliance deterrence frontline artillery security").split(),
    "sport": ("match goal season league coach players championship final tournament stadium fans victory "
              "defeat transfer title penalty squad").split(),
    "culture": ("festival film museum exhibition artist theatre music novel award audience director "
                "premiere gallery concert heritage").split(),
    "science": ("researchers study climate vaccine space telescope data scientists laboratory discovery "
                "energy emissions satellite experiment genome").split(),
}
FILLER = ("the a of to in and on for with that after before while said would could also more than its their "
          "new first last week year month officials report people country city region plans").split()
JUNK = ["Loading", "Share", "Advertisement", ""]


def _zipf_choice(rng: random.Random, pool: list[str], skew: float = 1.1) -> str:
    weights = [1 / (i + 1) ** skew for i in range(len(pool))]
    return rng.choices(pool, weights)[0]


def _people(rng: random.Random, n: int) -> list[str]:
    # A fixed pool of "public figures", larger than the name lists, so entities repeat across articles.
    names = sorted({f"{f} {l}" for f in FIRST for l in LAST})
    rng.shuffle(names)
    return names[:n]


def article(i: int, people: list[str], rng: random.Random, start: dt.date) -> str:
    theme = rng.choice(sorted(THEMES))
    vocab = THEMES[theme]
    date = start + dt.timedelta(days=i * 3 // 10)
    cast = [_zipf_choice(rng, people) for _ in range(3)]
    orgs = [_zipf_choice(rng, list(ORGS)) for _ in range(2)]
    places = [_zipf_choice(rng, list(PLACES)) for _ in range(3)]
    title = (f"{places[0]}: {rng.choice(vocab).capitalize()} {rng.choice(['talks', 'row', 'plan', 'vote', 'deal', 'warning', 'crisis', 'win'])} "
             f"as {cast[0].split()[-1]} {rng.choice(['meets', 'rejects', 'backs', 'warns', 'visits'])} {orgs[0]} "
             f"({i})")
    caption = (f"{rng.choice(ROLES).capitalize()} {cast[0]} speaks in {places[1]}, "
               f"{date.strftime('%A')}, {date.strftime('%B')} {date.day}, {date.year}. [AP Photo/{rng.choice(FIRST)} {rng.choice(LAST)}]")
    paragraphs = []
    words_left = 700
    while words_left > 0:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            who = rng.choice(cast)
            where = rng.choice(places)
            org = rng.choice(orgs)
            words = [rng.choice(vocab if rng.random() < 0.35 else FILLER) for _ in range(rng.randint(8, 18))]
            pattern = rng.randrange(4)
            if pattern == 0:
                s = f"{rng.choice(ROLES).capitalize()} {who} said the {' '.join(words)} in {where}."
            elif pattern == 1:
                s = f"The {org} {' '.join(words)}, according to officials in {where}."
            elif pattern == 2:
                s = f"{who.split()[-1]} told reporters: \u201c{' '.join(words).capitalize()}.\u201d"
            else:
                s = f"{' '.join(words).capitalize()} in {where}, the {org} said."
            sentences.append(s)
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        words_left -= len(paragraph.split())
    junk = rng.choice(JUNK)
    return "\n\n".join(["English", title, caption, *paragraphs] + ([junk] if junk else [])) + "\n"


def write_corpus(n: int, folder: Path, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    people = _people(rng, 600)
    folder.mkdir(parents=True, exist_ok=True)
    start = dt.date(2023, 1, 2)
    paths = []
    for i in range(n):
        path = folder / f"article-{i:05d}.txt"
        path.write_text(article(i, people, rng, start), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    count, target = int(sys.argv[1]), Path(sys.argv[2])
    write_corpus(count, target)
    print(f"wrote {count} articles to {target}")

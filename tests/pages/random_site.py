"""A random site of a few hundred articles, for tests that compare a fast path with a plain count."""

from __future__ import annotations

import datetime as dt
import random

from generator.model import EntityMention

from sitebuilder import ORG, PERSON, PLACE, article, make_site

NAMES = [(f"Person {i}", PERSON) for i in range(12)] + [(f"Org {i}", ORG) for i in range(8)] + \
        [(f"place {i}", PLACE) for i in range(6)] + [("Place 1", PLACE), ("Åland", PLACE)]


def random_site(seed: int, n: int = 300):
    rng = random.Random(seed)
    items = []
    for i in range(n):
        date = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(60)) if rng.random() > 0.1 else None
        named = rng.sample(NAMES, rng.randrange(0, 6)) + ([(f"Solo {i}", PERSON)] if rng.random() < 0.2 else [])
        mentions = tuple(EntityMention(name, type_, rng.randrange(1, 4), roles=tuple(rng.sample(["Mayor", "Chair", "Coach"], rng.randrange(3))),
                                       aliases=tuple(rng.sample([name, name.upper(), name[:3]], rng.randrange(3))))
                         for name, type_ in named)
        items.append(article(f"Story {i}", date, source=f"s{i}.txt", topics=rng.sample(["economy", "sport", "health"], rng.randrange(3)),
                             tags=tuple(rng.sample(["Drone", "drones", "Grain deal", "grain-deal", "port"], rng.randrange(3)))))
        items[-1] = items[-1].__class__(**{**items[-1].__dict__, "entities": mentions})
    return make_site(*items, entity_page_min_articles=rng.choice([2, 5]), tag_page_min_articles=2)

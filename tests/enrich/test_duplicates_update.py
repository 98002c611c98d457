"""Near-duplicates found from the last build's pairs (update_duplicates with `known`) are those a
comparison of every article finds, after articles are added, removed and edited."""

from __future__ import annotations

import random

from generator.enrich.duplicates import update_duplicates
from memo_articles import make

WORDS = ("harbour crane grain silo night ferry dock strike steel import fishing quota toll bridge cargo "
         "manifest pilot boat container yard rail freight customs officer tidal barrier salt marsh").split()


def story(i: int, rng: random.Random) -> tuple[str, str]:
    return f"Report {i}", " ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 120))) + "."


def pool(n: int, seed: int):
    """Articles, some of them copies of others with a word or two changed (near-duplicates), one exact copy."""
    rng = random.Random(seed)
    texts = [story(i, rng) for i in range(n)]
    out = [make(f"a{i:03d}.txt", t, x) for i, (t, x) in enumerate(texts)]
    for k in range(n // 3):
        title, text = texts[rng.randrange(n)]
        words = text.split()
        words[rng.randrange(len(words))] = "lighthouse"
        out.append(make(f"v{k:03d}.txt", title + " (updated)", " ".join(words)))
    out.append(make("copy.txt", *texts[0]))
    return out


def test_added_removed_and_edited_articles_give_the_pairs_of_a_clean_comparison():
    for seed in range(4):
        rng = random.Random(seed)
        everything = pool(24, seed)
        current = rng.sample(everything, 15)
        kept, problems, known = update_duplicates(current)
        assert any(a.versions for a in kept) or seed  # (near-duplicates are there to be found)
        for _ in range(8):
            step = rng.random()
            if step < 0.5:
                here = {a.source for a in current}
                current += rng.sample([a for a in everything if a.source not in here], 2)
            elif step < 0.8:
                current.remove(rng.choice(current))
            else:  # an article edited into a copy of another under its own name
                i, j = rng.sample(range(len(current)), 2)
                current[i] = make(current[i].source, current[j].title, current[j].blocks[0].text + " More.")
            rng.shuffle(current)
            kept, problems, known = update_duplicates(current, known=known)
            clean_kept, clean_problems, clean_known = update_duplicates(current)
            assert kept == clean_kept
            assert sorted(map(str, problems)) == sorted(map(str, clean_problems))
            assert known == clean_known

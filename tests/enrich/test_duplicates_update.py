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


class Counted(list):
    """Prints that count which are read (a `PartOf` over cached analyses decodes those alone)."""

    def __init__(self, prints):
        super().__init__(prints)
        self.read = set()

    def __getitem__(self, i):
        self.read.add(i)
        return super().__getitem__(i)

    def __iter__(self):
        self.read.update(range(len(self)))
        return super().__iter__()


def steps_of_a_user():
    """Builds a user makes in turn: a near-duplicate of an old article dropped, an exact copy dropped,
    the kept version of the copies removed, and an article edited out of its pair."""
    rng = random.Random(7)
    base = [make(f"a{i:03d}.txt", *story(i, rng)) for i in range(30)]
    title, text = base[4].title, base[4].blocks[0].text
    words = text.split()
    words[len(words) // 2] = "lighthouse"
    near = make("z-near.txt", title + " (updated)", " ".join(words))
    copy = make("b-copy.txt", base[9].title, base[9].blocks[0].text)
    edited = make("z-near.txt", "Another report", " ".join(rng.choice(WORDS) for _ in range(90)) + ".")
    return [base, base + [near], base + [near, copy], [a for a in base if a.source != "a009.txt"] + [near, copy],
            [a for a in base if a.source != "a009.txt"] + [edited, copy]]


def test_a_user_s_drops_give_what_a_clean_comparison_gives_and_read_only_new_prints():
    from generator.enrich import text_print
    steps = steps_of_a_user()
    known = None
    for number, current in enumerate(steps):
        prints = Counted([text_print(a) for a in current])
        kept, problems, known = update_duplicates(current, prints, known)
        clean_kept, clean_problems, clean_known = update_duplicates(current)
        assert kept == clean_kept
        assert sorted(map(str, problems)) == sorted(map(str, clean_problems))
        assert known == clean_known
        if number == 1:  # the near-duplicate is found (and linked) from its print alone and its pair's
            assert [a.versions for a in kept if a.source == "z-near.txt"] == [("a004.txt",)]
            assert {current[i].source for i in prints.read} == {"z-near.txt", "a004.txt"}
        if number == 3:  # the copy, published in place of the removed article, is compared as new
            assert any(a.source == "b-copy.txt" for a in kept)
        if number == 4:
            assert not any(a.versions for a in kept)
            assert "z-near.txt" in {current[i].source for i in prints.read}


def test_a_state_of_an_older_shape_or_damaged_is_recomputed():
    import dataclasses

    import numpy as np

    from generator.enrich.duplicates import NearPairs
    steps = steps_of_a_user()
    _, _, known = update_duplicates(steps[1])
    old_shape = object.__new__(NearPairs)
    old_shape.__dict__.update(compared=known.compared, pairs=known.pairs)  # (as a pickle of the old class loads)
    lost_hash = dataclasses.replace(known, prefixes=np.sort(np.delete(known.prefixes, 0)), owners=np.delete(known.owners, 0))
    wrong_owner = dataclasses.replace(known, owners=np.zeros_like(known.owners))
    unsorted = dataclasses.replace(known, prefixes=known.prefixes[::-1].copy())
    for bad in (old_shape, lost_hash, wrong_owner, unsorted, "not a state"):
        prints = Counted([text_print_of(a) for a in steps[2]])
        kept, problems, state = update_duplicates(steps[2], prints, bad)
        assert (kept, state) == update_duplicates(steps[2])[::2]
        assert len(prints.read) == len(steps[2])  # every print compared again


def text_print_of(article):
    from generator.enrich import text_print
    return text_print(article)

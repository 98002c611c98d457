"""The index files: what they hold, that they depend on the pages only, and incremental updates."""

from __future__ import annotations

import dataclasses
import json
import os
import random
from pathlib import Path

import pytest

from generator.search import SearchDoc, build_search_index
from generator.search.index import CHUNK, decode_postings, doc_terms, encode_postings, shard_file, spelling_file
from generator.search.text import shard_key

WORDS = ("drone airspace alliance budget coalition inflation harbour ferry strike tunnel election vaccine "
         "satellite summit treaty museum festival league transfer penalty").split()


def article(n: int, *, day: int | None = None, text: str | None = None, language: str = "en") -> SearchDoc:
    rng = random.Random(n)
    date = f"2025-{1 + (day if day is not None else n) // 28 % 12:02d}-{1 + (day if day is not None else n) % 28:02d}"
    body = text if text is not None else " ".join(rng.choice(WORDS) for _ in range(60))
    return SearchDoc(f"articles/a{n}.md", f"articles/a{n}/", f"{rng.choice(WORDS).title()} story {n}", "article",
                     date, f"Summary of story {n}.", body, language=language, since=date)


def person(name: str, since: str = "2025-01-01", weight: float = 2.0) -> SearchDoc:
    slug = name.lower().replace(" ", "-")
    return SearchDoc(f"entities/people/{slug}.md", f"entities/people/{slug}/", name, "person", "2025-06-01",
                     "Secretary General.", name.split()[-1], weight=weight, since=since)


def corpus(n: int = 60) -> list[SearchDoc]:
    return [article(i) for i in range(n)] + [person("Mark Rutte"), person("Kaja Kallas", "2025-02-01")]


def contents(files: dict[str, Path]) -> dict[str, bytes]:
    return {dest: path.read_bytes() for dest, path in files.items()}


def clean(docs, tmp_path: Path) -> dict[str, bytes]:
    folder = tmp_path / f"clean-{len(list(tmp_path.iterdir()))}"
    return contents(build_search_index(docs, folder))


def test_files_are_under_search_digest_and_meta_names_the_term_files(tmp_path):
    files = build_search_index(corpus(), tmp_path / "state")
    assert all(dest.startswith("search/digest/") and path.is_file() for dest, path in files.items())
    meta = json.loads(files["search/digest/meta.json"].read_bytes())
    assert (meta["articles"], meta["pages"], meta["chunk"]) == (60, 2, CHUNK)
    terms = {f"search/digest/t/{name}.json" for name in meta["terms"].split()}
    assert terms == {dest for dest in files if "/t/" in dest}
    assert shard_file("ru") in terms  # "rutte"
    assert {"search/digest/d/a0.json", "search/digest/d/a3.json", "search/digest/d/p0.json"} <= files.keys()
    assert "search/digest/d/a4.json" not in files  # 60 articles: chunks 0-3


def test_a_word_lists_its_pages_with_title_words_scoring_higher(tmp_path):
    filler = " ".join(["harbour"] * 300)
    docs = [article(0, text=f"ferry ferry {filler}"), article(1, text=filler), person("Mark Rutte")]
    docs[1] = dataclasses.replace(docs[1], title="Ferry strike called off")
    files = build_search_index(docs, tmp_path / "state")
    shard = json.loads(files[shard_file("fe")].read_bytes())
    count_a, text_a, count_p, _ = shard["w"]["ferry"]
    postings = decode_postings(count_a, text_a)
    assert (count_a, count_p, postings.ids) == (2, 0, [0, 1])
    assert postings.scores[1] > postings.scores[0]  # in the title beats twice in a long text
    chunk = json.loads(files["search/digest/d/a0.json"].read_bytes())
    assert chunk[1] == ["articles/a1/", "Ferry strike called off", "article", docs[1].date, "Summary of story 1."]


def test_the_person_page_outscores_an_article_for_the_name(tmp_path):
    docs = [article(0, text="Rutte said Rutte " * 5), person("Mark Rutte")]
    files = build_search_index(docs, tmp_path / "state")
    count_a, text_a, count_p, text_p = json.loads(files[shard_file("ru")].read_bytes())["w"]["rutte"]
    assert decode_postings(count_p, text_p).scores[0] > decode_postings(count_a, text_a).scores[0]


def test_stop_words_are_not_indexed_but_listed_for_the_browser(tmp_path):
    files = build_search_index([article(0, text="the war and the peace")], tmp_path / "state")
    shard = json.loads(files[shard_file("th")].read_bytes())
    assert "the" not in shard["w"] and "the" in shard["s"]
    assert "war" in json.loads(files[shard_file("wa")].read_bytes())["w"]


def test_urls_stay_relative_to_the_site_so_the_site_works_under_a_sub_path(tmp_path):
    files = build_search_index(corpus(20), tmp_path / "state")
    for dest in files:
        if "/d/" in dest:
            for url, *_ in json.loads(files[dest].read_bytes()):
                assert not url.startswith(("/", "http:", "https:")) and url.endswith("/")


def test_same_pages_in_any_order_give_the_same_bytes(tmp_path):
    docs = corpus()
    shuffled = docs[:]
    random.Random(1).shuffle(shuffled)
    assert clean(docs, tmp_path) == clean(shuffled, tmp_path)


def test_spelling_lists_hold_the_words_of_five_letters_or_more_by_their_last_two(tmp_path):
    files = build_search_index(corpus() + [article(90, text="Ōsaka kinds 東京都 ferries")], tmp_path / "state")
    meta = json.loads(files["search/digest/meta.json"].read_bytes())
    assert {spelling_file(k) for k in meta["spellings"].split()} == {d for d in files if "/e/" in d}
    ends_in_ka = json.loads(files[spelling_file("ka")].read_bytes())
    assert ends_in_ka == ["osaka"]  # folded like every indexed word
    assert "ferries" in json.loads(files[spelling_file("es")].read_bytes())
    assert "kinds" in json.loads(files[spelling_file("ds")].read_bytes())
    everything = {w for d in files if "/e/" in d for w in json.loads(files[d].read_bytes())}
    assert "war" not in everything and "東京" not in everything  # too short; a script without spaces
    assert everything == {w for d in files if "/t/" in d for w in json.loads(files[d].read_bytes())["w"]
                          if len(w) >= 5 and w.isascii()}


def test_a_new_word_joins_its_spelling_list_and_leaves_it_with_its_last_page(tmp_path):
    state = tmp_path / "state"
    build_search_index(corpus(), state)
    files = build_search_index(corpus() + [article(500, day=400, text="zeppelin hangar")], state)
    assert "zeppelin" in json.loads(files[spelling_file("in")].read_bytes())
    assert "hangar" in json.loads(files[spelling_file("ar")].read_bytes())
    files = build_search_index(corpus(), state)
    listed = {w for d in files if "/e/" in d for w in json.loads(files[d].read_bytes())}
    assert "zeppelin" not in listed and "hangar" not in listed and "harbour" in listed
    assert contents(files) == clean(corpus(), tmp_path)


def test_postings_round_trip_with_large_gaps():
    ids, scores = [0, 1, 127, 128, 300, 20_000, 2_000_000], [1, 2, 3, 255, 5, 6, 7]
    decoded = decode_postings(len(ids), encode_postings(ids, scores))
    assert (decoded.ids, decoded.scores) == (ids, scores)
    small = decode_postings(3, encode_postings([5, 6, 9], [9, 8, 7]))
    assert (small.ids, small.scores) == ([5, 6, 9], [9, 8, 7])


def test_duplicate_keys_are_refused(tmp_path):
    with pytest.raises(ValueError, match="a0.md"):
        build_search_index([article(0), article(0)], tmp_path / "state")


# --- incremental updates ------------------------------------------------------------


def _age(files: dict[str, Path]) -> None:
    """Backdate every file, so that a rewrite shows in its modification time."""
    for path in files.values():
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))


def test_one_new_article_rewrites_only_the_files_that_change(tmp_path):
    state = tmp_path / "state"
    docs = corpus(200)
    before = build_search_index(docs, state)
    old = contents(before)
    _age(before)
    new = article(999, day=300, text="ferry strike harbour")  # the newest
    after = build_search_index(docs + [new], state)
    rewritten = {dest for dest, path in after.items() if path.stat().st_mtime_ns != 1_000_000_000}
    changed = {dest for dest in after if old.get(dest) != after[dest].read_bytes()}
    assert rewritten == changed
    assert changed == {"search/digest/meta.json", "search/digest/d/a12.json"} | {
        shard_file(shard_key(term)) for term in doc_terms(new)}  # its words' files, its chunk, meta.json
    assert len(changed) < len(after) / 5
    assert contents(after) == clean(docs + [new], tmp_path)


def test_nothing_changed_writes_nothing(tmp_path):
    state = tmp_path / "state"
    files = build_search_index(corpus(), state)
    _age(files)
    again = build_search_index(corpus(), state)
    assert again.keys() == files.keys()
    assert all(path.stat().st_mtime_ns == 1_000_000_000 for path in again.values())


def test_updates_give_the_bytes_of_a_clean_build(tmp_path):
    """Random edits, additions (newest and older, which renumbers) and removals, each compared with a clean build."""
    rng = random.Random(8)
    state = tmp_path / "state"
    docs = {d.key: d for d in corpus(80)}
    build_search_index(docs.values(), state)
    next_n = 1000
    for step in range(30):
        action = rng.choice(["newest", "older", "edit", "remove", "remove-newest", "person", "weight"])
        keys = sorted(docs)
        if action == "newest":
            doc = article(next_n, day=400 + step)
        elif action == "older":
            doc = article(next_n, day=rng.randrange(0, 80))
        elif action == "edit":
            doc = dataclasses.replace(docs[rng.choice(keys)], text=" ".join(rng.choices(WORDS, k=30)))
        elif action == "remove":
            docs.pop(rng.choice(keys))
            doc = None
        elif action == "remove-newest":
            docs.pop(max(keys, key=lambda k: (docs[k].since or "", k)))
            doc = None
        elif action == "person":
            doc = person(f"Person {next_n}", since=f"2025-{rng.randrange(1, 13):02d}-01")
        else:
            doc = dataclasses.replace(docs["entities/people/mark-rutte.md"], weight=2.0 + step / 8)
        next_n += 1
        if doc is not None:
            docs[doc.key] = doc
        updated = contents(build_search_index(docs.values(), state))
        assert updated == clean(docs.values(), tmp_path), f"step {step}: {action}"
        present = {str(p.relative_to(state / "site")) for p in (state / "site").rglob("*") if p.is_file()}
        assert present == set(updated), f"step {step}: stale or missing files after {action}"


def test_removed_pages_take_their_files_with_them(tmp_path):
    state = tmp_path / "state"
    files = build_search_index(corpus(100) + [article(500, text="unique zeppelin")], state)
    assert shard_file("ze") in files
    fewer = build_search_index(corpus(20), state)
    assert shard_file("ze") not in fewer and "search/digest/d/a2.json" not in fewer
    assert not (state / "site" / shard_file("ze")).exists()
    assert not (state / "site" / "search/digest/d/a2.json").exists()


def test_a_new_language_brings_its_stop_words(tmp_path):
    state = tmp_path / "state"
    build_search_index(corpus(), state)
    german = article(700, day=500, text="Es war einmal ein Kanzler", language="de")
    files = build_search_index(corpus() + [german], state)
    assert "war" in json.loads(files[shard_file("wa")].read_bytes())["s"]
    assert contents(files) == clean(corpus() + [german], tmp_path)


@pytest.mark.parametrize("damage", ["delete a term file", "extra file", "truncate state", "edit a term file"])
def test_a_damaged_cache_still_gives_the_right_files(tmp_path, damage):
    state = tmp_path / "state"
    files = build_search_index(corpus(), state)
    if damage == "delete a term file":
        files[shard_file("dr")].unlink()
    elif damage == "extra file":
        (state / "site" / "search/digest/t/zz.json").write_text("{}")
    elif damage == "truncate state":
        (state / "index.state").write_bytes((state / "index.state").read_bytes()[:40])
    else:
        files[shard_file("dr")].write_text('{"s":[],"w":{}}')
    docs = corpus() + [article(800, day=600)]
    assert contents(build_search_index(docs, state)) == clean(docs, tmp_path)

"""Duplicates: the same article twice is published once; versions of one story are all kept and linked."""

from generator.enrich.duplicates import remove_duplicates
from generator.model import Article, Paragraph, Severity

STORY = [f"Sentence {i} of the council's report describes the new ferry pier number {i} and its timetable."
         for i in range(40)]


def article(source: str, title: str, paragraphs: list[str]) -> Article:
    return Article(source=source, source_sha256=source, title=title, blocks=tuple(Paragraph(p) for p in paragraphs))


def test_versions_of_a_story_are_all_kept_and_know_each_other():
    first = article("ferry.txt", "Ferry pier opens", STORY)
    update = article("ferry-update.txt", "Ferry pier opens, updated", STORY[:38] + ["The mayor cut the ribbon at noon."])
    late = article("ferry-late.txt", "Ferry pier opens at last", STORY[1:] + ["Crowds came."])
    other = article("rail.txt", "Rail strike", [f"Rail workers walked out on line {i} over pay." for i in range(40)])
    kept, problems = remove_duplicates([first, update, late, other])
    versions = {a.source: a.versions for a in kept}
    assert versions == {"ferry.txt": ("ferry-late.txt", "ferry-update.txt"),
                        "ferry-update.txt": ("ferry-late.txt", "ferry.txt"),
                        "ferry-late.txt": ("ferry-update.txt", "ferry.txt"),
                        "rail.txt": ()}
    notes = [p for p in problems if p.severity is Severity.INFO]
    assert notes and all("both are published, linked to each other" in p.reason for p in notes)


def test_an_exact_copy_is_still_published_once():
    first = article("a.txt", "Ferry pier opens", STORY)
    copy = article("b.txt", "Ferry pier opens", STORY)
    kept, problems = remove_duplicates([first, copy])
    assert [a.source for a in kept] == ["a.txt"] and kept[0].versions == ()
    assert [p.reason for p in problems] == ["duplicate of a.txt: published once, as a.txt"]


def test_a_text_print_is_the_words_and_shingles_of_the_folded_text():
    # As text_print was first written: every word folded, then joined and hashed; words and text
    # as written are only a faster way to the same print (folding never makes or moves a space).
    import hashlib
    import random
    import zlib

    from generator.enrich.duplicates import SAMPLE_MOD, SHINGLE, text_print
    from generator.text.markdown_text import plain_text
    from generator.textutil import words

    def reference(a: Article):
        tokens = words(plain_text(a.blocks).casefold())
        all_words = " ".join(words(a.title.casefold()) + tokens)
        sample = {zlib.crc32(" ".join(tokens[i : i + SHINGLE]).encode("utf-8"))
                  for i in range(len(tokens) - SHINGLE + 1)
                  if zlib.crc32(tokens[i].encode("utf-8")) % SAMPLE_MOD == 0}
        return hashlib.sha256(all_words.encode("utf-8")).hexdigest(), frozenset(sample)

    vocabulary = ["Ferry", "PIER", "opens", "Straße", "STRASSE", "İstanbul", "ŉ", "Ǆemal", "ΐ", "l'été", "O'Brien",
                  "co-op", "U.S.", "42", "x_y", "—", "“quoted”", "Σίσυφος", "ﬁnal", "K"]  # the last is the Kelvin sign
    rng = random.Random(9)
    for _ in range(400):
        paragraphs = [" ".join(rng.choice(vocabulary) for _ in range(rng.randrange(12)))
                      for _ in range(rng.randrange(4))]
        a = article("a.txt", " ".join(rng.choice(vocabulary) for _ in range(rng.randrange(3))), paragraphs)
        found = text_print(a)
        assert (found.words, found.sample) == reference(a), paragraphs
    ferry = article("f.txt", "Ferry pier opens", STORY)
    assert (text_print(ferry).words, text_print(ferry).sample) == reference(ferry)

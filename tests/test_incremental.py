"""`mkdocs build --dirty` after dropping one article rebuilds only the pages that depend on it,
and the site it leaves is byte for byte the site a clean build makes."""

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import make_project, run_mkdocs

pytestmark = pytest.mark.slow

CAST = ["Anna Lindqvist", "Marco Bellini", "Sofia Almeida", "Jonas Weber", "Ines Duarte", "Tomas Novak"]
PLACES = ["Gothenburg", "Lisbon", "Hamburg", "Genoa", "Rotterdam", "Gdansk"]
CARGO = ["grain", "timber", "steel", "coffee", "cars", "fish", "cement", "salt", "wine", "paper", "oil", "wool"]


def story(i: int) -> str:
    who, other, place = CAST[i % 6], CAST[(i + 2) % 6], PLACES[i % 6]
    return (f"Port authority report {i} from {place}\n\n"
            f"{place.upper()}, {1 + i % 27} March 2024 - Mayor {who} opened dock {i} in {place}, the Port Authority said. "
            f"{who.split()[-1]} told reporters that ferries and freight would share the new quay.\n\n"
            f"Harbour master {other} said {CARGO[i % 12]} and {CARGO[(i * 5 + 1) % 12]} shipments had grown "
            f"{i + 3} percent since {2000 + i}, while {CARGO[(i * 7 + 2) % 12]} traders asked for berth {i * 11}.\n")


def tree(site):
    """Every file's hash and every folder (an empty folder a clean build does not make is a difference)."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
            for p in sorted(site.rglob("*"))}


def mtimes(site):
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def test_dirty_build_after_a_drop_equals_a_clean_build(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    articles = {f"s{i:02d}.txt": story(i) for i in range(24)}
    project = make_project(tmp_path / "incremental", articles)
    run_mkdocs(project, "build")
    before = mtimes(project / "site")
    time.sleep(0.05)  # mtimes must be able to differ

    new = {"s99.txt": story(99)}
    (project / "content" / "s99.txt").write_text(new["s99.txt"], encoding="utf-8")
    run_mkdocs(project, "build", "--dirty")
    after = mtimes(project / "site")
    rebuilt = sorted(path for path, t in after.items() if before.get(path) != t)
    assert "articles/port-authority-report-99-from-genoa/index.html" in rebuilt
    assert "index.html" in rebuilt  # the home page lists it
    untouched = [p for p in before if p.startswith("articles/") and p not in rebuilt]
    assert len(untouched) >= 15, rebuilt  # most articles are not rebuilt

    clean = make_project(tmp_path / "clean", {**articles, **new})
    run_mkdocs(clean, "build")
    assert tree(project / "site") == tree(clean / "site")


def test_dirty_build_with_feeds_after_a_drop_equals_a_clean_build(tmp_path, monkeypatch):
    # With a site_url every topic and story has its feeds: a drop changes the digest's feed and
    # its topics', and the others are the last build's, taken from the page store (pages.memo).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    url = "https://owner.github.io/digest/"
    articles = {f"s{i:02d}.txt": story(i) for i in range(24)}
    project = make_project(tmp_path / "incremental", articles, site_url=url)
    run_mkdocs(project, "build")
    before = {path: t for path, t in mtimes_of(project / "site", "*.xml").items() if path.endswith("feed.xml")}
    time.sleep(0.05)  # mtimes must be able to differ

    (project / "content" / "s99.txt").write_text(story(99), encoding="utf-8")
    run_mkdocs(project, "build", "--dirty")
    after = mtimes_of(project / "site", "*.xml")
    assert after["feed.xml"] != before["feed.xml"]  # the digest's feed lists the new article
    assert len(before) > 2 and any(after[path] == t for path, t in before.items())  # a feed it is not in stays

    clean = make_project(tmp_path / "clean", {**articles, "s99.txt": story(99)}, site_url=url)
    run_mkdocs(clean, "build")
    assert tree(project / "site") == tree(clean / "site")


def mtimes_of(site, pattern):
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob(pattern)}


@pytest.mark.parametrize("site_pages", ["kept", "gone"])
def test_dirty_build_after_a_deletion_removes_the_page(tmp_path, monkeypatch, site_pages):
    # "gone": the removed article's page is not in the site folder, as under `mkdocs serve`
    # (which builds into a new folder) or after the owner deleted site/.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    articles = {f"s{i:02d}.txt": story(i) for i in range(6)}
    project = make_project(tmp_path / "incremental", articles)
    run_mkdocs(project, "build")
    if site_pages == "gone":
        shutil.rmtree(project / "site" / "articles")
    os.remove(project / "content" / "s05.txt")
    run_mkdocs(project, "build", "--dirty")
    assert not (project / "site" / "articles" / "port-authority-report-5-from-gdansk").exists()
    if site_pages == "kept":
        clean = make_project(tmp_path / "clean", {k: v for k, v in articles.items() if k != "s05.txt"})
        run_mkdocs(clean, "build")
        assert tree(project / "site") == tree(clean / "site")


# A bare surname ("Brandt") and a one-word name typed as a place ("in Halvorsen") that a new
# article settles otherwise: Willy Brandt in full, and Mayor Halvorsen, a person.
LONE = ("Shipyard talks in Gdansk\n\nGDANSK, 3 March 2024 - Brandt told reporters at Westerplatte Shipping that "
        "workers in Halvorsen and in Gdansk would be hired as welders.\n\n"
        "Talks in Halvorsen go on, Brandt said, and Westerplatte Shipping expects a deal by June.\n")
SETTLES = ("Shipyard chief visits Gdansk\n\nGDANSK, 9 March 2024 - Shipyard chief Willy Brandt and Mayor Halvorsen "
           "visited Westerplatte Shipping on Monday. Halvorsen said the dock would open. Willy Brandt told workers "
           "the yard was safe, and Mayor Halvorsen thanked them.\n")


def entity_names(site, page):
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_dirty_builds_follow_an_article_that_changes_an_entitys_type_and_name(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    articles = {f"s{i:02d}.txt": story(i) for i in range(12)} | {"lone.txt": LONE}
    project = make_project(tmp_path / "incremental", articles)
    run_mkdocs(project, "build")
    lone_page = "articles/shipyard-talks-in-gdansk"
    assert "Willy Brandt" not in entity_names(project / "site", lone_page)

    (project / "content" / "settles.txt").write_text(SETTLES, encoding="utf-8")
    run_mkdocs(project, "build", "--dirty")
    page = entity_names(project / "site", lone_page)
    assert "Willy Brandt" in page  # the bare surname is now the person named in full
    assert (project / "site" / "entities" / "people" / "halvorsen" / "index.html").exists()
    clean = make_project(tmp_path / "clean", articles | {"settles.txt": SETTLES})
    run_mkdocs(clean, "build")
    assert tree(project / "site") == tree(clean / "site")

    os.remove(project / "content" / "settles.txt")  # and back: Halvorsen a place again, Brandt unnamed
    run_mkdocs(project, "build", "--dirty")
    assert "Willy Brandt" not in entity_names(project / "site", lone_page)
    before = make_project(tmp_path / "before", articles)
    run_mkdocs(before, "build")
    assert tree(project / "site") == tree(before / "site")


QUAKE = {
    "quake-1.txt": "Earthquake strikes Morocco's Atlas Mountains\n\nRABAT, 8 September 2023 - A powerful earthquake of "
                   "magnitude 6.8 struck the High Atlas mountains south of Marrakesh late on Friday, the United States "
                   "Geological Survey said. Buildings collapsed in Marrakesh and in villages near the epicentre in Al "
                   "Haouz province, and rescuers searched the rubble for survivors of the earthquake.\n",
    "quake-2.txt": "Morocco earthquake death toll passes 2,000\n\nRABAT, 10 September 2023 - Rescuers in Morocco dug "
                   "through the rubble of collapsed villages in the High Atlas on Sunday as the death toll from the "
                   "earthquake passed 2,000. Al Haouz province near Marrakesh was the worst hit; survivors slept in the "
                   "open after the earthquake destroyed their homes.\n",
}
JOINS = ("Aid reaches Atlas villages cut off by Morocco earthquake\n\nRABAT, 12 September 2023 - Aid convoys reached "
         "villages of the High Atlas cut off since the earthquake, as Morocco accepted rescue teams from Spain. In Al "
         "Haouz province survivors of the earthquake said the rubble of their homes still held missing neighbours, "
         "and Marrakesh hospitals treated the injured.\n")


def test_dirty_builds_follow_an_article_that_joins_a_story_and_related_lists(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    articles = {f"s{i:02d}.txt": story(i) for i in range(8)} | QUAKE
    project = make_project(tmp_path / "incremental", articles)
    run_mkdocs(project, "build")
    first = "articles/earthquake-strikes-morocco-s-atlas-mountains"
    assert "Aid reaches Atlas villages" not in entity_names(project / "site", first)

    steps = [articles | {"quake-3.txt": JOINS},  # joins the story, and is related to both
             articles | {"quake-3.txt": JOINS.replace("Aid convoys", "Army convoys")},  # edited in place
             articles]  # and removed
    for i, files in enumerate(steps):
        if "quake-3.txt" in files:
            (project / "content" / "quake-3.txt").write_text(files["quake-3.txt"], encoding="utf-8")
        else:
            os.remove(project / "content" / "quake-3.txt")
        run_mkdocs(project, "build", "--dirty")
        listed = "Aid reaches Atlas villages" in entity_names(project / "site", first)
        assert listed == ("quake-3.txt" in files)  # the old article's page follows its story and related list
        clean = make_project(tmp_path / f"clean{i}", files)
        run_mkdocs(clean, "build")
        assert tree(project / "site") == tree(clean / "site")


# Each kills the build (SIGKILL: no clean-up runs) at one point: in the corpus stages, after
# the new corpus state is half written, and between writing it and renaming it into place.
KILL_POINTS = {
    "corpus stages": "import generator.pipeline as p\np.finish_corpus = die\n",
    "state half written": (
        "import generator.corpus_state as cs, generator.paths as ps\n"
        "class Half:\n"
        "    def __init__(self, fh): self.fh = fh\n"
        "    def __enter__(self): return self\n"
        "    def __exit__(self, *exc): return False\n"
        "    def write(self, data):\n"
        "        self.fh.write(data[: len(data) // 2]); self.fh.flush(); die()\n"
        "    def __getattr__(self, name): return getattr(self.fh, name)\n"
        "real_write, real_fdopen = cs.write_checked, ps.os.fdopen\n"
        "def write(*args, **kwargs):  # the corpus state's file alone\n"
        "    ps.os.fdopen = lambda fd, mode: Half(real_fdopen(fd, mode))\n"
        "    real_write(*args, **kwargs)\n"
        "cs.write_checked = write\n"
    ),
    "state written, not renamed": (
        "import generator.corpus_state as cs, generator.paths as ps\n"
        "real_write = cs.write_checked\n"
        "def write(*args, **kwargs):\n"
        "    ps.os.replace = die\n"
        "    real_write(*args, **kwargs)\n"
        "cs.write_checked = write\n"
    ),
    # The page store (its manifest says which pages the next build may take as they are): killed
    # after two of the changed pages are rewritten, before the new manifest.
    "page store half written": (
        "import generator.writer as w\n"
        "real_write, written = w._write_atomic, []\n"
        "def write(target, data):\n"
        "    real_write(target, data); written.append(target)\n"
        "    if len(written) == 2: die()\n"
        "w._write_atomic = write\n"
    ),
}


@pytest.mark.parametrize("point", sorted(KILL_POINTS))
def test_a_build_killed_midway_leaves_nothing_the_next_build_trusts(tmp_path, monkeypatch, point):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    articles = {f"s{i:02d}.txt": story(i) for i in range(12)} | {"lone.txt": LONE}
    project = make_project(tmp_path / "incremental", articles)
    run_mkdocs(project, "build")
    (project / "content" / "settles.txt").write_text(SETTLES, encoding="utf-8")
    os.remove(project / "content" / "s03.txt")

    script = ("import os, signal, sys\n"
              "def die(*args, **kwargs):\n    os.kill(os.getpid(), signal.SIGKILL)\n"
              + KILL_POINTS[point] +
              "from mkdocs.__main__ import cli\ncli(['build', '--dirty'])\n")
    killed = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=600)
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    run_mkdocs(project, "build", "--dirty")
    clean = make_project(tmp_path / "clean", {k: v for k, v in articles.items() if k != "s03.txt"} | {"settles.txt": SETTLES})
    run_mkdocs(clean, "build")
    assert tree(project / "site") == tree(clean / "site")


@pytest.mark.parametrize("damage", ["garbage", "cut short", "one byte changed", "foreign"])
def test_a_damaged_or_foreign_corpus_state_is_rebuilt_with_one_note(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    articles = {f"s{i:02d}.txt": story(i) for i in range(12)} | {"lone.txt": LONE}
    project = make_project(tmp_path / "incremental", articles)
    run_mkdocs(project, "build")
    state = project / ".cache" / "digest" / "corpus.state"
    data = state.read_bytes()
    if damage == "garbage":
        data = b"\x80\x04not a digest state" * 50
    elif damage == "cut short":
        data = data[: len(data) // 2]
    elif damage == "one byte changed":
        data = data[:-10] + bytes([data[-10] ^ 1]) + data[-9:]
    else:  # written by other code, or for other options: another key in its header
        lines = data.split(b"\n", 3)
        data = b"\n".join([lines[0], lines[1], b"0" * len(lines[2]), lines[3]])
    state.write_bytes(data)
    _rebuilt_with_one_note(project, articles, tmp_path / "clean", "corpus state")


def _rebuilt_with_one_note(project: Path, articles: dict[str, str], clean_folder: Path, named: str) -> None:
    """After a cache file was damaged: the next build (one article added) says so once in a line
    naming the file (`named`), gives a clean build's site and rewrites the file: no note after."""
    (project / "content" / "settles.txt").write_text(SETTLES, encoding="utf-8")
    result = run_mkdocs(project, "build", "--dirty")
    notes = [line for line in result.stderr.splitlines() if named in line]
    assert len(notes) == 1 and "not used" in notes[0], result.stderr
    clean = make_project(clean_folder, articles | {"settles.txt": SETTLES})
    run_mkdocs(clean, "build")
    assert tree(project / "site") == tree(clean / "site")
    assert named not in run_mkdocs(project, "build", "--dirty").stderr


def built_without_cached_texts(tmp_path, count):
    """A project of `count` articles built once, then its cached article texts deleted, as
    another build pruning them would: (project, articles)."""
    articles = {f"s{i:02d}.txt": story(i) for i in range(count)}
    project = make_project(tmp_path / "incremental", articles)
    run_mkdocs(project, "build")
    db = sqlite3.connect(project / ".cache" / "digest" / "extract.sqlite3")
    with db:
        assert db.execute("DELETE FROM texts").rowcount == count
    db.close()
    return project, articles


def test_an_article_changed_while_its_cached_text_was_gone_stops_the_build_with_one_line(tmp_path, monkeypatch):
    # Two builds racing: this one left an article's text in the cache, another pruned it, and
    # the file changed meanwhile (extract._text_again). The build stops with the file named.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project, _ = built_without_cached_texts(tmp_path, 6)
    (project / "content" / "s99.txt").write_text(story(99), encoding="utf-8")
    script = ("import generator.extract as extract\n"
              "from generator.readers import ReadError\n"
              "def changed(file, sha, config):\n"
              "    raise ReadError(f'{file.source}: the file changed during the build; build again')\n"
              "extract._text_again = changed\n"
              "from mkdocs.__main__ import cli\ncli(['build', '--dirty'])\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=600)
    assert done.returncode == 1, done.stderr
    assert "the file changed during the build; build again" in done.stderr
    assert "Traceback" not in done.stderr, done.stderr


def test_a_damaged_extraction_cache_is_rebuilt_with_one_note(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    articles = {f"s{i:02d}.txt": story(i) for i in range(8)}
    project = make_project(tmp_path / "incremental", articles)
    run_mkdocs(project, "build")
    (project / ".cache" / "digest" / "extract.sqlite3").write_bytes(b"not a database " * 100)
    result = run_mkdocs(project, "build", "--dirty")
    assert len([line for line in result.stderr.splitlines() if "cache of read articles" in line]) == 1, result.stderr
    clean = make_project(tmp_path / "clean", articles)
    run_mkdocs(clean, "build")
    assert tree(project / "site") == tree(clean / "site")
    assert "cache of read articles" not in run_mkdocs(project, "build", "--dirty").stderr


def test_dirty_builds_follow_an_edited_article_into_the_pages_that_show_it(tmp_path, monkeypatch):
    """Its title is in other articles' related links and previous/next links, and in listings:
    those pages are rendered again, the others are taken from the last build."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    articles = {f"s{i:02d}.txt": story(i) for i in range(24)}
    project = make_project(tmp_path / "incremental", articles)
    run_mkdocs(project, "build")
    edited = story(5).replace("Port authority report 5 from Gdansk", "Gdansk harbour doubles its quays", 1)
    (project / "content" / "s05.txt").write_text(edited, encoding="utf-8")
    result = run_mkdocs(project, "build", "--dirty", "-v")
    reused = int(result.stderr.split("pages (", 1)[1].split(" reused", 1)[0].replace(",", ""))
    total = int(result.stderr.split(" articles from ", 1)[1].split(" pages", 1)[0].split(", ")[-1].replace(",", ""))
    # Not the edited article, nor those that link to it, nor the listings that show it (at
    # least its day's and week's briefings, its month and its topics' and entities' pages).
    assert 5 <= reused <= total - 8, result.stderr
    site = project / "site"
    others = [p for p in site.glob("articles/*/index.html")
              if "gdansk-harbour-doubles" not in p.as_posix() and "Gdansk harbour doubles its quays" in p.read_text(encoding="utf-8")]
    assert others  # related or previous/next links on other articles follow the new title
    clean = make_project(tmp_path / "clean", {**articles, "s05.txt": edited})
    run_mkdocs(clean, "build")
    assert tree(site) == tree(clean / "site")

    os.remove(project / "content" / "s06.txt")  # and a removed article: its neighbours link past it
    run_mkdocs(project, "build", "--dirty")
    fewer = {k: v for k, v in articles.items() if k != "s06.txt"} | {"s05.txt": edited}
    clean = make_project(tmp_path / "clean-fewer", fewer)
    run_mkdocs(clean, "build")
    assert tree(site) == tree(clean / "site")


@pytest.mark.parametrize("damage", ["garbage", "cut short", "one byte changed"])
def test_a_damaged_page_store_manifest_reuses_no_page(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    articles = {f"s{i:02d}.txt": story(i) for i in range(8)}
    project = make_project(tmp_path / "incremental", articles)
    run_mkdocs(project, "build")
    manifest = project / ".cache" / "digest" / "pages" / ".digest-manifest"
    data = manifest.read_bytes()
    manifest.write_bytes({"garbage": b"{not json", "cut short": data[: len(data) // 2],
                          "one byte changed": data[:-3] + bytes([data[-3] ^ 1]) + data[-2:]}[damage])
    (project / "content" / "s99.txt").write_text(story(99), encoding="utf-8")
    result = run_mkdocs(project, "build", "--dirty")
    notes = [line for line in result.stderr.splitlines() if "page store" in line]
    assert len(notes) == 1, result.stderr
    clean = make_project(tmp_path / "clean", articles | {"s99.txt": story(99)})
    run_mkdocs(clean, "build")
    assert tree(project / "site") == tree(clean / "site")
    assert "page store" not in run_mkdocs(project, "build", "--dirty").stderr


def test_dirty_builds_follow_entities_yml_into_the_entity_pages(tmp_path, monkeypatch):
    """An entity page shows what the owner wrote about it, which is in none of its articles."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    rules = "entities:\n  Anna Lindqvist:\n    description: {}\n"
    articles = {f"s{i:02d}.txt": story(i) for i in range(12)}
    project = make_project(tmp_path / "incremental", articles | {"entities.yml": rules.format("Mayor of Gothenburg.")})
    run_mkdocs(project, "build")
    (project / "content" / "entities.yml").write_text(rules.format("Harbour commissioner."), encoding="utf-8")
    run_mkdocs(project, "build", "--dirty")
    page = (project / "site" / "entities" / "people" / "anna-lindqvist" / "index.html").read_text(encoding="utf-8")
    assert "Harbour commissioner." in page and "Mayor of Gothenburg." not in page
    clean = make_project(tmp_path / "clean", articles | {"entities.yml": rules.format("Harbour commissioner.")})
    run_mkdocs(clean, "build")
    assert tree(project / "site") == tree(clean / "site")


def test_a_dirty_build_whose_cached_texts_are_gone_reads_the_files_again(tmp_path, monkeypatch):
    # A --dirty build reads an article's text from the cache only for the pages it renders
    # again (cache.StoredBlocks). If another build pruned those texts meanwhile, the files
    # are read again: the site is still the clean build's.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project, articles = built_without_cached_texts(tmp_path, 12)
    articles["s03.txt"] = story(3).replace("opened dock", "closed dock")  # its page and its neighbours' change
    (project / "content" / "s03.txt").write_text(articles["s03.txt"], encoding="utf-8")
    (project / "content" / "s99.txt").write_text(story(99), encoding="utf-8")
    run_mkdocs(project, "build", "--dirty")
    clean = make_project(tmp_path / "clean", {**articles, "s99.txt": story(99)})
    run_mkdocs(clean, "build")
    assert tree(project / "site") == tree(clean / "site")


def test_a_damaged_prebuilt_gazetteer_is_rebuilt_with_one_note(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    articles = {f"s{i:02d}.txt": story(i) for i in range(8)}
    project = make_project(tmp_path / "incremental", articles)
    run_mkdocs(project, "build")
    prebuilt = project / ".cache" / "digest" / "gazetteer.prebuilt"
    data = prebuilt.read_bytes()
    prebuilt.write_bytes(data[:-10] + bytes([data[-10] ^ 1]) + data[-9:])
    _rebuilt_with_one_note(project, articles, tmp_path / "clean", "prebuilt gazetteer")
    assert prebuilt.read_bytes() == data  # written again, as built


def test_a_dirty_build_after_add_change_and_remove_makes_again_the_pages_whose_html_is_gone(tmp_path, monkeypatch):
    """A --dirty build asks the file system for each page's HTML only, the page store's times coming
    from writing it: a page whose HTML was deleted (or is older than its text) is still rendered,
    and the site is a clean build's."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    articles = {f"s{i:02d}.txt": story(i) for i in range(12)}
    project = make_project(tmp_path / "incremental", articles)
    run_mkdocs(project, "build")
    site = project / "site"
    gone = sorted(site.glob("articles/*/index.html"))[2]
    gone.unlink()
    older = sorted(site.glob("days/*/index.html"))[0]
    os.utime(older, (1_000_000, 1_000_000))
    edited = story(3).replace("Port authority report 3 from Genoa", "Genoa opens a night ferry quay", 1)
    (project / "content" / "s03.txt").write_text(edited, encoding="utf-8")
    (project / "content" / "s99.txt").write_text(story(99), encoding="utf-8")
    os.remove(project / "content" / "s07.txt")
    run_mkdocs(project, "build", "--dirty")
    assert gone.is_file() and older.stat().st_mtime > 1_000_000
    now = {k: v for k, v in articles.items() if k != "s07.txt"} | {"s03.txt": edited, "s99.txt": story(99)}
    clean = make_project(tmp_path / "clean", now)
    run_mkdocs(clean, "build")
    assert tree(site) == tree(clean / "site")

"""Pages reused from the last build (pages.memo) are the pages a render would make, and only
pages whose inputs are unchanged are reused."""

import dataclasses
import datetime as dt
import os
import subprocess
import sys

from sitebuilder import PERSON, article, make_site

from generator.pages import PageMemo, StoredPage, render_site
from generator.pages.memo import Remembered

D = dt.date(2025, 9, 10)


def articles():
    return [
        article("Harbour opens", D, entities=[("Anna Lindqvist", PERSON, 2)], related=("ferry_strike.txt",)),
        article("Ferry strike", D - dt.timedelta(days=1), entities=[("Anna Lindqvist", PERSON, 1)]),
        article("Grain prices", D - dt.timedelta(days=2), given_keys=frozenset({"title", "date", "author"}),
                author="Marco Bellini"),
        article("Dock workers vote", D - dt.timedelta(days=3)),
    ]


def texts(pages):
    return {page.src_uri: page.text() for page in pages}


def reused(memo, pages):
    """The pages taken from the memo's last build (in memory: the very same objects)."""
    return sorted(uri for uri, old in memo.previous.items() if pages.get(uri) is old.page)


def render(items, memo=None):
    return render_site(make_site(*items), memo=memo)


def test_reused_pages_are_the_pages_a_render_makes():
    first = PageMemo("salt")
    render(articles(), first)
    memo = first.next_build("salt")
    pages = render(articles(), memo)
    assert reused(memo, pages) == ["archive/2025-09.md", "articles/dock-workers-vote.md", "articles/ferry-strike.md",
                                   "articles/grain-prices.md", "articles/harbour-opens.md", "days/2025-09-07.md",
                                   "days/2025-09-08.md", "days/2025-09-09.md", "days/2025-09-10.md",
                                   "entities/people/anna-lindqvist.md", "weeks/2025-W36.md", "weeks/2025-W37.md"]
    assert memo.reused == 12
    assert texts(pages) == texts(render(articles()))


def test_a_page_is_rendered_again_when_another_article_it_shows_changes():
    first = PageMemo("salt")
    render(articles(), first)
    changed = articles()
    changed[1] = dataclasses.replace(changed[1], title="Ferry strike ends")  # linked as related and as next
    memo = first.next_build("salt")
    pages = render(changed, memo)
    assert texts(pages) == texts(render(changed))
    assert "Ferry strike ends" in pages.get("articles/harbour-opens.md").body
    assert "Ferry strike ends" in pages.get("articles/grain-prices.md").body  # its next article
    # only 'Dock workers vote' and the briefings of other days and weeks show nothing of it;
    # Anna Lindqvist's page, its day's and week's briefings and its month list it
    assert reused(memo, pages) == ["articles/dock-workers-vote.md", "days/2025-09-07.md", "days/2025-09-08.md",
                                   "days/2025-09-10.md", "weeks/2025-W36.md"]


def test_removed_and_added_articles_change_their_neighbours():
    first = PageMemo("salt")
    render(articles(), first)
    fewer = [a for a in articles() if a.title != "Grain prices"]
    memo = first.next_build("salt")
    pages = render(fewer, memo)
    assert texts(pages) == texts(render(fewer))
    assert "articles/grain-prices.md" not in pages
    # Ferry strike and Dock workers vote lost a neighbour, and so did their days' briefings (the
    # day before and after); Anna Lindqvist's articles are as they were, and so is the first week
    assert reused(memo, pages) == ["articles/harbour-opens.md", "days/2025-09-10.md", "entities/people/anna-lindqvist.md",
                                   "weeks/2025-W36.md"]


def test_another_salt_reuses_nothing():
    first = PageMemo("salt")
    render(articles(), first)
    memo = first.next_build("other options")
    render(articles(), memo)
    assert memo.reused == 0


def test_an_entity_page_follows_what_it_shows_from_elsewhere():
    """Its description (content/entities.yml) and the entities named alongside it are not in
    its articles: a change there renders it again."""
    items = articles() + [article("Quay vote", D - dt.timedelta(days=4),
                                  entities=[("Anna Lindqvist", PERSON, 1), ("Marco Bellini", PERSON, 1)])]
    first = PageMemo("salt")
    site = make_site(*items)
    render_site(site, memo=first)
    memo = first.next_build("salt")
    site = make_site(*items)
    site.entities[(PERSON, "Anna Lindqvist")].description = "Harbour master."
    pages = render_site(site, memo=memo)
    assert "Harbour master." in pages.get("entities/people/anna-lindqvist.md").body
    assert "entities/people/anna-lindqvist.md" not in reused(memo, pages)
    assert "entities/people/marco-bellini.md" in reused(memo, pages)


def test_digests_are_the_same_in_every_process():
    """A set's order follows string hashes, which change from run to run: the digest must not."""
    script = ("import sys; sys.path.insert(0, 'tests/pages')\n"
              "from test_page_memo import articles\nfrom sitebuilder import make_site\n"
              "from generator.pages import PageMemo, render_site\n"
              "memo = PageMemo('salt'); render_site(make_site(*articles()), memo=memo)\n"
              "print(sorted(memo.digests().items()))\n")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    runs = {subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(runs) == 1 and "articles/grain-prices.md" in runs.pop()


def test_a_page_in_the_store_is_read_from_its_file_and_missing_files_are_not_reused(tmp_path):
    first = PageMemo("salt")
    pages = render(articles(), first)
    stored = {}
    for uri, entry in first.recorded.items():
        path = tmp_path / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(pages.get(uri).text(), encoding="utf-8")
        stored[uri] = Remembered(entry.digest, fingerprint=pages.get(uri).fingerprint(), path=str(path))
    os.remove(tmp_path / "articles" / "ferry-strike.md")
    memo = PageMemo("salt", stored)
    again = render(articles(), memo)
    assert memo.reused == 11  # all but ferry-strike: three articles, Anna Lindqvist's page and 7 briefings and months
    page = again.get("articles/harbour-opens.md")
    assert isinstance(page, StoredPage) and page.kind == "article"
    assert page.text() == pages.get("articles/harbour-opens.md").text()
    assert page.fingerprint() == pages.get("articles/harbour-opens.md").fingerprint()
    assert not isinstance(again.get("articles/ferry-strike.md"), StoredPage)


def test_listings_are_kept_when_an_article_changes_where_no_listing_shows_it():
    """A new article changes other articles' related links and entities, which listings do not
    show: the day's briefing, the month and the entity's page are kept; the article is not.
    A quotation is on its person's page: a new one renders that page again."""
    first = PageMemo("salt")
    render(articles(), first)
    changed = articles()
    harbour = changed[0]
    changed[0] = dataclasses.replace(harbour, related=(), entities=(
        dataclasses.replace(harbour.entities[0], quotes=("The harbour is open.",)),))
    memo = first.next_build("salt")  # the suite verifies every reused page (DIGEST_VERIFY_PAGE_MEMO)
    pages = render(changed, memo)
    assert texts(pages) == texts(render(changed))
    kept = reused(memo, pages)
    assert "days/2025-09-10.md" in kept and "archive/2025-09.md" in kept and "weeks/2025-W37.md" in kept
    assert "articles/harbour-opens.md" not in kept
    assert "entities/people/anna-lindqvist.md" not in kept
    assert "The harbour is open." in pages.get("entities/people/anna-lindqvist.md").body

    again = first.next_build("salt")
    unquoted = articles()
    unquoted[0] = dataclasses.replace(unquoted[0], related=())
    pages = render(unquoted, again)
    assert "entities/people/anna-lindqvist.md" in reused(again, pages)


def test_an_entity_page_follows_the_dates_of_articles_its_list_does_not_show():
    # The entity's page lists only its newest articles, but counts them all and charts all
    # their dates: an older article's new date must render it again.
    def named(days_back):
        return [article(f"Report {n}", D - dt.timedelta(days=n), entities=[("Anna Lindqvist", PERSON, 1)])
                for n in days_back]

    first = PageMemo("salt")
    render_site(make_site(*named([0, 1, 2, 3, 4, 40]), archive_page_size=2), memo=first)
    memo = first.next_build("salt")
    moved = named([0, 1, 2, 3, 4, 200])  # the oldest, on a page behind the front, a year earlier
    pages = render_site(make_site(*moved, archive_page_size=2), memo=memo)
    assert texts(pages) == texts(render_site(make_site(*moved, archive_page_size=2)))
    assert "entities/people/anna-lindqvist.md" not in reused(memo, pages)


def test_an_article_key_leaves_out_only_what_the_article_page_does_not_show():
    """article_key holds what an article's page shows of it, not the whole article: a change to
    any field it leaves out must leave the page as it was. Every field but the blocks (a function
    of the file, whose hash is in) is changed in turn; a new field fails here until it has a change."""
    from generator.model import Article, EntityMention, Image, StoryRef, TopicScore
    from generator.pages.article import article_inputs, article_key, render_article

    base = dataclasses.replace(
        article("Harbour opens", D, topics=("economy", "transport"), entities=[("Anna Lindqvist", PERSON, 2)],
                author="Marco Bellini", publisher="Reuters", tickers=("SUNF",), tags=("harbour",),
                image=Image("A quay.", "Photo: A"), story=StoryRef("x.txt", "Harbour", "harbour"),
                related=("ferry_strike.txt",), versions=("other.txt",), extra={"note": "kept"}, slug="harbour-opens",
                word_count=120, reading_time=1, given_keys=frozenset({"title"})),
        entities=(EntityMention("Anna Lindqvist", PERSON, 2, roles=("Mayor",), aliases=("Lindqvist",), quotes=("Yes.",)),))
    changes = {
        "source": "elsewhere.txt", "source_sha256": "1" * 64, "title": "Harbour closes", "date": D - dt.timedelta(days=1),
        "date_source": "front-matter", "language": "de", "author": "Someone Else", "publisher": "AP", "tickers": ("X",),
        "image": Image("A quay.", "Photo: B"), "summary": "Other.", "word_count": 121, "reading_time": 2,
        "topics": (TopicScore("economy", 0.5), TopicScore("transport", 1.0)), "tags": ("quay",),
        "entities": (EntityMention("Anna Lindqvist", PERSON, 3, roles=("Harbour master",), aliases=(), quotes=()),),
        "related": ("dock_workers_vote.txt",), "story": StoryRef("x.txt", "Harbour", "harbour-2"),
        "versions": (), "extra": {"note": "changed"}, "given_keys": frozenset({"title", "date"}), "slug": "harbour-opens-2",
    }
    assert set(changes) == {f.name for f in dataclasses.fields(Article)} - {"blocks"}
    shown = {"source", "source_sha256", "title", "date", "date_source", "language", "author", "publisher", "tickers",
             "image", "summary", "word_count", "reading_time", "tags", "story", "extra", "slug"}

    def text(a):
        return render_article(article_inputs(a)).text()

    for name, value in changes.items():
        changed = dataclasses.replace(base, **{name: value})
        if article_key(changed) == article_key(base):
            assert text(changed) == text(base), name
        else:
            assert name in shown or name == "entities", name  # an entity's type and name are shown; here only its count
    # what the key leaves out: topic scores, an entity's count, roles, aliases and quotes, related
    # articles (in the inputs as they are shown, not as sources), versions (likewise), given keys
    for name in ("topics", "related", "versions", "given_keys"):
        assert article_key(dataclasses.replace(base, **{name: changes[name]})) == article_key(base), name
    assert article_key(dataclasses.replace(base, entities=changes["entities"])) == article_key(base)
    for name in shown:
        assert article_key(dataclasses.replace(base, **{name: changes[name]})) != article_key(base), name


def test_memo_inputs_are_plain_data_and_serialize_fast():
    """Every page kind's inputs in a site like the bench's are plain data (memo.serialized writes
    them with marshal, not pickle): a date or a dataclass slipping in would double their cost."""
    from generator.pages.memo import serialized

    first = PageMemo("salt")
    seen = []
    real = PageMemo.raw_digest

    def spy(self, inputs):
        seen.append(serialized(inputs)[:1])
        return real(self, inputs)

    PageMemo.raw_digest = spy
    try:
        render(articles(), first)
    finally:
        PageMemo.raw_digest = real
    assert seen and set(seen) == {b"m"}


def test_serialized_values_differ_when_values_differ():
    from generator.pages.memo import serialized

    values = [None, 0, 1, True, 1.0, "1", b"1", (1,), [1], ("a", "b"), ("ab",), ("a", ("b",)), dt.date(2025, 1, 1),
              dt.datetime(2025, 1, 1), (dt.date(2025, 1, 1),), "\ud800", "\u00e9", "e\u0301"]
    assert len({serialized(v) for v in values}) == len(values)


def test_a_stored_page_made_fast_is_the_stored_page(tmp_path):
    made = StoredPage.made("articles/a.md", str(tmp_path / "a.md"), "f" * 64, kind="article", origin="a.txt",
                           owner_markdown=True)
    assert made == StoredPage("articles/a.md", str(tmp_path / "a.md"), "f" * 64, kind="article", origin="a.txt",
                              owner_markdown=True)
    assert StoredPage.made("x.md", "p", "f") == StoredPage("x.md", "p", "f")


def test_a_feed_is_written_again_only_when_an_article_it_lists_changed():
    # Each feed (RSS and JSON Feed) is a unit of the memo: a changed article's feeds (the
    # digest's, its topic's) are made again, a feed that does not list it is the last build's.
    url = "https://owner.github.io/digest/"
    items = [article("Harbour opens", D, topics=["politics"]),
             article("Grain prices", D - dt.timedelta(days=1), topics=["economy"])]
    first = PageMemo("salt")
    render_site(make_site(*items), site_url=url, memo=first)
    changed = [items[0], dataclasses.replace(items[1], title="Grain prices fall")]
    memo = first.next_build("salt")
    pages = render_site(make_site(*changed), site_url=url, memo=memo)
    feeds = sorted(page.src_uri for page in pages if page.kind == "feed")
    assert feeds == ["feed.json", "feed.xml", "topics/economy/feed.json", "topics/economy/feed.xml",
                     "topics/politics/feed.json", "topics/politics/feed.xml"]
    assert [uri for uri in reused(memo, pages) if uri in feeds] == ["topics/politics/feed.json", "topics/politics/feed.xml"]
    assert "Grain prices fall" in pages.get("feed.xml").text()
    assert texts(pages) == texts(render_site(make_site(*changed), site_url=url))

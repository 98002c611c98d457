"""Stories: articles on one event grouped, unrelated ones apart, in one deterministic pass."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from generator.enrich import enrich_corpus
from generator.enrich.entities import load_rules
from generator.enrich.topics import load_taxonomy
from generator.model import Article, Paragraph

D = dt.date

QUAKE = [
    ("quake-1.txt", D(2025, 9, 10), "Earthquake of magnitude 6.8 strikes Morocco's Atlas Mountains",
     "A powerful earthquake of magnitude 6.8 struck the High Atlas mountains south of Marrakesh late on Friday, "
     "the United States Geological Survey said. Buildings collapsed in Marrakesh and in villages near the epicentre "
     "in Al Haouz province, and rescuers searched the rubble for survivors of the earthquake."),
    ("quake-2.txt", D(2025, 9, 11), "Morocco earthquake death toll passes 2,000 as rescuers dig through rubble",
     "Rescuers in Morocco dug through the rubble of collapsed mud-brick villages in the High Atlas on Sunday as the "
     "death toll from the earthquake passed 2,000. Al Haouz province near Marrakesh was the worst hit; survivors "
     "slept in the open after the earthquake destroyed their homes."),
    ("quake-3.txt", D(2025, 9, 13), "Aid reaches Atlas villages cut off by Morocco earthquake",
     "Aid convoys reached villages of the High Atlas cut off since the earthquake, as Morocco accepted rescue teams "
     "from Spain and the United Kingdom. In Al Haouz province survivors of the earthquake said the rubble of their "
     "homes still held missing neighbours, and Marrakesh hospitals treated the injured."),
]
CHIPS = ("chips.txt", D(2025, 9, 11), "Nvidia reports record quarterly revenue on demand for AI chips",
         "Nvidia said quarterly revenue rose to a record on demand for its artificial intelligence chips from data "
         "centres. Chief executive Jensen Huang told analysts that orders for the Blackwell processors exceeded "
         "supply, and the company's shares rose in after-hours trading on the Nasdaq.")


def make(source: str, date: dt.date | None, title: str, text: str) -> Article:
    return Article(source=source, source_sha256="0" * 64, title=title, blocks=(Paragraph(text),), date=date,
                   date_source="text" if date else None, word_count=len(text.split()))


@pytest.fixture(scope="module")
def context():
    return load_rules(None)[0], load_taxonomy(None)[0]


def stories_of(items, context) -> dict[str, object]:
    return {a.source: a.story for a in enrich_corpus([make(*i) for i in items], *context)}


def test_articles_on_one_event_share_a_story_and_an_unrelated_one_has_none(context):
    found = stories_of(QUAKE + [CHIPS], context)
    assert found["chips.txt"] is None  # a story of one article is not shown
    story = found["quake-1.txt"]
    assert story is not None and found["quake-2.txt"] == story == found["quake-3.txt"]
    assert story.key == "quake-1.txt"  # named by its first article, which never changes
    assert story.title == QUAKE[0][2]  # and titled by it


def test_the_same_words_months_apart_are_two_stories(context):
    later = [(s.replace("quake", "later"), d + dt.timedelta(days=180), t, x) for s, d, t, x in QUAKE[1:]]
    found = stories_of(QUAKE[:2] + later, context)
    assert found["quake-1.txt"] == found["quake-2.txt"]
    assert found["later-2.txt"] == found["later-3.txt"]
    assert found["quake-1.txt"] != found["later-2.txt"]


def test_undated_articles_join_by_content(context):
    source, _, title, text = QUAKE[1]
    found = stories_of([QUAKE[0], (source, None, title, text), CHIPS[:1] + (None,) + CHIPS[2:]], context)
    assert found["quake-1.txt"] is not None and found["quake-1.txt"] == found["quake-2.txt"]
    assert found["chips.txt"] is None


def test_input_order_does_not_change_the_stories(context):
    items = QUAKE + [CHIPS]
    expected = stories_of(items, context)
    for seed in range(3):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert stories_of(shuffled, context) == expected


def test_a_later_article_joins_a_story_without_regrouping_the_earlier_ones(context):
    before = stories_of(QUAKE[:2] + [CHIPS], context)
    after = stories_of(QUAKE + [CHIPS], context)
    assert after["quake-3.txt"] == after["quake-1.txt"]
    for source, story in before.items():
        assert (story and story.key) == (after[source] and after[source].key)


QUALIFIERS = [
    ("q-1.txt", D(1996, 8, 31), "Soccer - Armenia and Portugal draw 0-0 in World Cup qualifier",
     "Armenia and Portugal drew 0-0 in a World Cup qualifying group match in Yerevan on Saturday. Neither side "
     "created many chances in the first half and the goalless draw leaves both teams with a point in the group."),
    ("q-2.txt", D(1996, 8, 31), "Soccer - Austria draw 0-0 with Scotland in World Cup qualifier",
     "Austria and Scotland drew 0-0 in a World Cup qualifying group match in Vienna on Saturday. Neither side "
     "created many chances in the first half and the goalless draw leaves both teams with a point in the group."),
]
FROM_ONE_AGENCY = [
    ("judge.txt", D(1996, 8, 30), "Russian judge stabbed to death over $7 fine",
     "A Russian judge, Olga Lavrentyeva, was stabbed to death in her Moscow office by a man she had fined the "
     "equivalent of $7, Interfax news agency said. Police arrested Valery Ivankov near the court in Moscow."),
    ("soldiers.txt", D(1996, 8, 31), "Three Russian soldiers killed in gun attack near Moscow",
     "Three Russian soldiers were killed when gunmen opened fire on their patrol near Moscow on Saturday, Interfax "
     "news agency said. Police in Moscow said the attackers fled and a search was under way."),
]


def test_two_matches_of_one_competition_on_one_day_are_two_stories(context):
    """Read in make audit: reports written to one template ("X draw 0-0 in World Cup qualifier") were one story."""
    found = stories_of(QUALIFIERS, context)
    assert found["q-1.txt"] is None and found["q-2.txt"] is None


def test_the_agency_that_filed_two_reports_does_not_make_them_one_story(context):
    found = stories_of(FROM_ONE_AGENCY, context)
    assert found["judge.txt"] is None and found["soldiers.txt"] is None


def test_follow_ups_naming_the_same_people_still_join(context):
    found = stories_of(QUAKE + [CHIPS], context)
    assert found["quake-1.txt"] is not None and found["quake-1.txt"] == found["quake-2.txt"] == found["quake-3.txt"]
    assert found["chips.txt"] is None


def test_story_words_split_like_the_pattern():
    import random

    from generator.enrich.stories import _WORD, _words

    alphabet = "abéΣ1²_-'’.,;:!?\"“”()[]…—/* \u00a0\u0301"
    rng = random.Random(9)
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(20)))
        assert _words(text) == _WORD.findall(text), text

"""The taxonomy: the packaged IPTC default, and the owner's topics.yml extending it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.enrich.topics import load_taxonomy
from generator.model import EntityType

IPTC_NAMES = [
    "arts, culture, entertainment and media", "crime, law and justice", "disaster, accident and emergency incident",
    "economy, business and finance", "education", "environment", "health", "human interest", "labour",
    "lifestyle and leisure", "politics", "religion", "science and technology", "society", "sport",
    "conflict, war and peace", "weather",
]


def owner_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "topics.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_default_is_the_17_iptc_top_level_topics_with_descriptions_and_evidence():
    taxonomy, problems = load_taxonomy(None)
    assert problems == []
    assert [t.code for t in taxonomy.topics] == [f"medtop:{n:02d}000000" for n in range(1, 18)]
    assert [t.name for t in taxonomy.topics] == IPTC_NAMES
    for topic in taxonomy.topics:
        assert topic.description and topic.parent is None
        assert len(topic.words) >= 20 and topic.phrases, topic.name


def test_missing_owner_file_means_the_default(tmp_path):
    assert load_taxonomy(tmp_path / "topics.yml") == load_taxonomy(None)


def test_owner_topics_extend_the_default_with_sub_topics_by_parent_name_or_code(tmp_path):
    taxonomy, problems = load_taxonomy(owner_file(tmp_path, """
topics:
  - name: Drone warfare
    parent: conflict, war and peace
    words: [drone, {shootdown: 2}]
    phrases: [drone strike]
    entities: [Shahed, {Bayraktar: 3}]
  - name: Loitering munitions
    parent: own:drone-warfare
    words: [loitering]
"""))
    assert problems == []
    by_name = taxonomy.by_name()
    assert len(taxonomy.topics) == 19
    drones = by_name["Drone warfare"]
    assert drones.code == "own:drone-warfare" and drones.parent == "medtop:16000000"
    assert {(t.text, t.weight) for t in drones.words} == {("drone", 1.0), ("shootdown", 2.0)}
    assert {(t.text, t.weight) for t in drones.phrases} == {("drone strike", 2.0)}
    assert {(t.text, t.weight) for t in drones.entities} == {("shahed", 2.0), ("bayraktar", 3.0)}
    assert by_name["Loitering munitions"].parent == "own:drone-warfare"
    assert [t.name for t in taxonomy.children("medtop:16000000")] == ["Drone warfare"]


def test_repeating_a_default_code_adds_evidence_and_exclude_removes_a_topic(tmp_path):
    taxonomy, problems = load_taxonomy(owner_file(tmp_path, """
topics:
  - code: medtop:04000000
    description: Money.
    words: [austerity, {billion: 0.25}]
    entity_words:
      organization: [bank]
  - code: medtop:08000000
    exclude: true
"""))
    assert problems == []
    codes = taxonomy.by_code()
    assert "medtop:08000000" not in codes and len(taxonomy.topics) == 16
    economy = codes["medtop:04000000"]
    assert economy.name == "economy, business and finance" and economy.description == "Money."
    weights = {t.text: t.weight for t in economy.words}
    assert weights["billion"] == 0.25  # the owner's weight replaces the default's
    assert "inflation" in weights  # the default's evidence stays
    assert any(t.text == "bank" and t.entity_type is EntityType.ORGANIZATION for t in economy.entity_words)


def test_default_none_starts_from_the_owners_topics_only(tmp_path):
    taxonomy, problems = load_taxonomy(owner_file(tmp_path, """
default: none
settings: {max_topics: 1, min_evidence: 2}
topics:
  - name: Rail
    words: [train, railway]
"""))
    assert problems == []
    assert [t.name for t in taxonomy.topics] == ["Rail"]
    assert taxonomy.settings.max_topics == 1 and taxonomy.settings.min_evidence == 2.0


@pytest.mark.parametrize("text, line, words", [
    ("topics:\n  - name: Rail\n    words: [train\n", 4, "not valid YAML"),
    ("topics:\n  - name: Rail\n    parent: Trains\n    words: [train]\n", 3, "parent 'Trains'"),
    ("topics:\n  - name: Rail\n    wrods: [train]\n    words: [rail]\n", 3, "unknown key 'wrods'"),
    ("topics:\n  - name: Rail\n    words: [train, {railway: -1}]\n", 3, "weight of 'railway'"),
    ("topics:\n  - code: medtop:99000000\n    exclude: true\n", 2, "cannot exclude"),
    ("topics:\n  - description: no name\n", 2, "needs a name"),
    ("settings:\n  max_topics: many\n", 2, "max_topics"),
    ("topics:\n  - name: A\n    parent: B\n    words: [a]\n  - name: B\n    parent: A\n    words: [b]\n", 6, "loop"),
])
def test_mistakes_name_the_file_and_line_and_the_rest_still_counts(tmp_path, text, line, words):
    taxonomy, problems = load_taxonomy(owner_file(tmp_path, text))
    assert len(problems) == 1, problems
    message = str(problems[0])
    assert message.startswith(f"topics.yml: line {line}: "), message
    assert words in message
    assert len(taxonomy.topics) >= 17  # the default topics are still there


def test_the_shipped_owner_file_for_the_sample_content_is_valid():
    repo = Path(__file__).resolve().parents[2]
    taxonomy, problems = load_taxonomy(repo / "content" / "topics.yml")
    assert problems == []
    by_name = taxonomy.by_name()
    assert by_name["Drone warfare"].parent == by_name["German rearmament"].parent == "medtop:16000000"

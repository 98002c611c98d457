"""The owner's content/entities.yml: what it changes, and errors that name the file and line."""

from __future__ import annotations

from pathlib import Path

from support import REPO

from generator.enrich.entities import EntityRules, load_rules
from generator.model import EntityType


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "entities.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_example_is_valid_and_says_what_the_issue_asks():
    rules, problems = load_rules(REPO / "content" / "entities.yml")
    assert problems == []
    assert rules.aliases["Trump"] == "Donald Trump"
    assert rules.ignored("SACEUR")
    assert rules.descriptions["Mark Rutte"] and rules.links["Mark Rutte"].startswith("https://")


def test_no_file_means_no_rules(tmp_path):
    assert load_rules(None) == (EntityRules(), [])
    assert load_rules(tmp_path / "missing.yml") == (EntityRules(), [])


def test_every_section(tmp_path):
    rules, problems = load_rules(write(tmp_path, """\
aliases:
  US: United States
types:
  Bundeswehr: org
ignore:
  - SACEUR
entities:
  Mark Rutte:
    description: "Secretary General of NATO"
    link: https://www.nato.int/
    type: person
"""))
    assert problems == []
    assert rules.canonical("US") == "United States"
    assert rules.types == {"Bundeswehr": EntityType.ORGANIZATION, "Mark Rutte": EntityType.PERSON}
    assert rules.ignored("saceur")
    assert rules.descriptions == {"Mark Rutte": "Secretary General of NATO"}
    assert rules.links == {"Mark Rutte": "https://www.nato.int/"}


def test_invalid_entries_are_reported_with_their_line_and_the_rest_applies(tmp_path):
    rules, problems = load_rules(write(tmp_path, """\
aliases:
  Trump: Donald Trump
  Merz: [Friedrich, Merz]
types:
  Kremlin: building
colours:
  NATO: blue
ignore: SACEUR
entities:
  NATO:
    link: javascript:alert(1)
    colour: blue
"""))
    messages = [str(p) for p in problems]
    assert any(m.startswith("entities.yml:3:") and "'Merz'" in m for m in messages), messages
    assert any(m.startswith("entities.yml:5:") and "person, organization or place" in m for m in messages)
    assert any(m.startswith("entities.yml:6:") and "colours" in m for m in messages)
    assert any(m.startswith("entities.yml:8:") and "list" in m for m in messages)
    assert any(m.startswith("entities.yml:11:") and "http" in m for m in messages)
    assert any(m.startswith("entities.yml:12:") and "colour" in m for m in messages)
    assert rules.aliases == {"Trump": "Donald Trump"}
    assert rules.links == {}


def test_broken_yaml_names_the_line(tmp_path):
    rules, problems = load_rules(write(tmp_path, "aliases:\n  Trump: Donald Trump\n  bad: [unclosed\n"))
    assert rules == EntityRules()
    assert len(problems) == 1 and str(problems[0]).startswith("entities.yml:")
    assert "YAML" in problems[0].reason


def test_a_file_that_is_not_a_mapping(tmp_path):
    rules, problems = load_rules(write(tmp_path, "- just\n- a list\n"))
    assert rules == EntityRules()
    assert str(problems[0]).startswith("entities.yml:1:")

"""The owner's corrections, from `content/entities.yml`.

    aliases:            # a name as written -> the entity it means
      Trump: Donald Trump
    types:              # force a type: person, organization or place
      Bundeswehr: organization
    ignore:             # never an entity
      - SACEUR
    entities:           # an optional one-line description and link for an entity's page
      Mark Rutte:
        description: Secretary General of NATO since October 2024.
        link: https://www.nato.int/

Every problem names the file and the line, and the rest of the file still applies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ...model import EntityType, Problem

_TYPES = {
    "person": EntityType.PERSON, "people": EntityType.PERSON,
    "organization": EntityType.ORGANIZATION, "organisation": EntityType.ORGANIZATION, "org": EntityType.ORGANIZATION,
    "place": EntityType.PLACE, "location": EntityType.PLACE,
}
_SECTIONS = ("aliases", "types", "ignore", "entities")


@dataclass(frozen=True)
class EntityRules:
    """The owner's corrections: aliases, forced types, names to ignore, descriptions and links."""

    aliases: dict[str, str] = field(default_factory=dict)  # as written -> canonical name
    types: dict[str, EntityType] = field(default_factory=dict)  # canonical name -> type
    ignore: frozenset[str] = frozenset()  # casefolded names never reported
    descriptions: dict[str, str] = field(default_factory=dict)  # canonical name -> one line
    links: dict[str, str] = field(default_factory=dict)  # canonical name -> http(s) URL

    def canonical(self, name: str) -> str:
        return self.aliases.get(name, name)

    def ignored(self, *names: str) -> bool:
        return any(n.casefold() in self.ignore for n in names)


def load_rules(path: Path | None) -> tuple[EntityRules, list[Problem]]:
    """Read `entities.yml`; a missing file means no rules. Problems name the file and line."""
    if path is None or not path.is_file():
        return EntityRules(), []
    name = path.name
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f"{name}:{line + 1}" if line is not None else name
        reason = getattr(exc, "problem", None) or str(exc)
        return EntityRules(), [Problem(where, f"not valid YAML ({reason}); the entity rules were not used")]
    problems: list[Problem] = []

    def bad(node: yaml.Node, reason: str) -> None:
        problems.append(Problem(f"{name}:{node.start_mark.line + 1}", reason))

    aliases: dict[str, str] = {}
    types: dict[str, EntityType] = {}
    ignore: set[str] = set()
    descriptions: dict[str, str] = {}
    links: dict[str, str] = {}
    if root is None:
        return EntityRules(), []
    if not isinstance(root, yaml.MappingNode):
        bad(root, "expected sections aliases, types, ignore and entities; the entity rules were not used")
        return EntityRules(), problems

    for key_node, value in root.value:
        section = _scalar(key_node)
        if section not in _SECTIONS:
            bad(key_node, f"unknown section {section!r} (use {', '.join(_SECTIONS)}); ignored")
            continue
        if _is_null(value):
            continue
        if section == "ignore":
            if not isinstance(value, yaml.SequenceNode):
                bad(value, "'ignore' should be a list of names; ignored")
                continue
            for item in value.value:
                text = _scalar(item)
                if text:
                    ignore.add(text.casefold())
                else:
                    bad(item, "a name to ignore should be text; ignored")
            continue
        if not isinstance(value, yaml.MappingNode):
            bad(value, f"'{section}' should be a mapping of names; ignored")
            continue
        for k, v in value.value:
            entity = _scalar(k)
            if not entity:
                bad(k, f"a name in '{section}' should be text; ignored")
                continue
            if section == "aliases":
                target = _scalar(v)
                if not target:
                    bad(v, f"alias {entity!r} should name one entity, as text; ignored")
                elif target != entity:
                    aliases[entity] = target
            elif section == "types":
                type_ = _TYPES.get((_scalar(v) or "").casefold())
                if type_ is None:
                    bad(v, f"type of {entity!r} should be person, organization or place; ignored")
                else:
                    types[entity] = type_
            else:
                _entity_details(entity, v, descriptions, links, types, bad)
    return EntityRules(aliases, types, frozenset(ignore), descriptions, links), problems


def _entity_details(entity: str, node: yaml.Node, descriptions, links, types, bad) -> None:
    if not isinstance(node, yaml.MappingNode):
        bad(node, f"entity {entity!r} should have description, link or type; ignored")
        return
    for k, v in node.value:
        key = _scalar(k)
        text = _scalar(v)
        if key == "description":
            if text:
                descriptions[entity] = " ".join(text.split())
            else:
                bad(v, f"description of {entity!r} should be one line of text; ignored")
        elif key == "link":
            if text and text.startswith(("https://", "http://")) and not any(c.isspace() for c in text):
                links[entity] = text
            else:
                bad(v, f"link of {entity!r} should be an http(s) address; ignored")
        elif key == "type":
            type_ = _TYPES.get((text or "").casefold())
            if type_ is None:
                bad(v, f"type of {entity!r} should be person, organization or place; ignored")
            else:
                types[entity] = type_
        else:
            bad(k, f"unknown key {key!r} for {entity!r} (use description, link, type); ignored")


def _scalar(node: yaml.Node) -> str | None:
    if not isinstance(node, yaml.ScalarNode):
        return None
    value: Any = node.value
    text = " ".join(str(value).split())
    return text or None


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")

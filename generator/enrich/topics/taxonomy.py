"""The topic taxonomy: the packaged IPTC default, extended by the owner's `content/topics.yml`.

How the owner's file relates to the default: it *extends* it.
- A topic with a new code (or only a name; the code is then `own:<name>`) is added.
  With `parent:` (a code or a name) it is a sub-topic: its evidence also counts for the parent.
- A topic with a code that is already in the default (`medtop:04000000`) adds its words,
  phrases and entities to that topic's evidence; `name:` and `description:` replace the default's.
- `exclude: true` on a default code removes that topic.
- `default: none` at the top of the file starts from an empty taxonomy instead of IPTC.
- `settings:` overrides the assignment thresholds (see `Settings`).

Evidence, in each topic: `words` (single words; plurals match; `militar*` matches any ending),
`phrases` (several words in a row), `entities` (names of people, organizations, places, as the
entity stage writes them) and `entity_words` (words inside entity names, optionally per type:
`organization: [army, navy]`). An item is a string, or `{term: weight}` to change its weight.

Mistakes are reported as Problems naming the file and line; the rest of the file still counts.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml
from slugify import slugify

from ...model import EntityType, Problem, Severity

DEFAULT_RESOURCE = "iptc_media_topics.yml"
DEFAULT_WEIGHTS = {"words": 1.0, "phrases": 2.0, "entities": 2.0, "entity_words": 1.0}
_TOPIC_KEYS = {"code", "name", "description", "parent", "exclude", *DEFAULT_WEIGHTS}
_TYPE_NAMES = {t.value: t for t in EntityType} | {t.plural: t for t in EntityType} | {"organisation": EntityType.ORGANIZATION}


@dataclass(frozen=True)
class Term:
    """One piece of evidence: a word, a phrase, an entity name or a word inside entity names."""

    text: str  # lower case, as the owner wrote it ("drone", "air strike", "militar*", "nato")
    weight: float = 1.0
    entity_type: EntityType | None = None  # entity evidence only: restrict to this type


@dataclass(frozen=True)
class Topic:
    code: str
    name: str
    description: str = ""
    keywords: tuple[str, ...] = ()  # every word and phrase, for display
    parent: str | None = None  # code of the parent topic
    words: tuple[Term, ...] = ()
    phrases: tuple[Term, ...] = ()
    entities: tuple[Term, ...] = ()
    entity_words: tuple[Term, ...] = ()


@dataclass(frozen=True)
class Settings:
    max_topics: int = 3
    """At most this many top-level topics per article (their sub-topics come on top)."""
    min_evidence: float = 4.0
    """The evidence a topic needs at all; an article below it for every topic gets none."""
    min_terms: int = 2
    """...coming from at least this many different words, phrases or entities."""
    secondary_ratio: float = 0.3
    """A further topic needs this fraction of the main topic's evidence."""
    title_weight: float = 3.0
    """A word in the title counts this many times."""
    max_tags: int = 5
    """Tags (key phrases) per article."""
    related: int = 5
    """Related articles per article."""


_SETTING_TYPES = {f.name: f.type for f in dataclasses.fields(Settings)}


@dataclass(frozen=True)
class Taxonomy:
    topics: tuple[Topic, ...]
    settings: Settings = field(default_factory=Settings)

    def by_name(self) -> dict[str, Topic]:
        return {t.name: t for t in self.topics}

    def by_code(self) -> dict[str, Topic]:
        return {t.code: t for t in self.topics}

    def children(self, code: str) -> list[Topic]:
        return [t for t in self.topics if t.parent == code]


def load_taxonomy(path: Path | None) -> tuple[Taxonomy, list[Problem]]:
    """The default taxonomy extended by the owner's file at `path` (when it exists)."""
    default, problems = _parse(resources.files("generator").joinpath("data", DEFAULT_RESOURCE).read_text(encoding="utf-8"),
                               f"generator/data/{DEFAULT_RESOURCE}")
    if path is None or not path.is_file():
        return default, problems
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return default, problems + [Problem(path.name, f"cannot be read ({exc}); using the default topics")]
    return _parse(text, path.name, base=default)


def _parse(text: str, source: str, base: Taxonomy | None = None) -> tuple[Taxonomy, list[Problem]]:
    problems: list[Problem] = []

    def warn(node: yaml.Node | None, reason: str) -> None:
        line = f"line {node.start_mark.line + 1}: " if node is not None else ""
        problems.append(Problem(source, line + reason, Severity.WARNING))

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        fallback = base if base is not None else Taxonomy(())
        return fallback, [Problem(source, f"{where}not valid YAML ({getattr(exc, 'problem', None) or exc}); "
                                          "using the default topics")]
    top = _mapping(root, warn, "the file") if root is not None else {}
    for key, (key_node, _) in top.items():
        if key not in {"default", "settings", "topics"}:
            warn(key_node, f"unknown key '{key}' (expected default, settings, topics)")

    topics: dict[str, Topic] = {}
    settings = Settings()
    if base is not None:
        use_default = _scalar(top["default"][1]) if "default" in top else "iptc"
        if str(use_default).lower() in ("iptc", "true"):
            topics = {t.code: t for t in base.topics}
            settings = base.settings
        elif str(use_default).lower() not in ("none", "false"):
            warn(top["default"][1], f"'default' must be 'iptc' or 'none', not {use_default!r}; using iptc")
            topics = {t.code: t for t in base.topics}
            settings = base.settings
    if "settings" in top:
        settings = _settings(top["settings"][1], settings, warn)

    entries = top["topics"][1] if "topics" in top else None
    if entries is not None and not isinstance(entries, yaml.SequenceNode):
        warn(entries, "'topics' must be a list of topics")
        entries = None
    parents: dict[str, tuple[str, yaml.Node]] = {}
    for node in entries.value if entries is not None else []:
        entry = _mapping(node, warn, "a topic")
        if entry is None:
            continue
        for key, (key_node, _) in entry.items():
            if key not in _TOPIC_KEYS:
                warn(key_node, f"unknown key '{key}' in a topic (expected one of {', '.join(sorted(_TOPIC_KEYS))})")
        name = _text(entry, "name", warn)
        code = _text(entry, "code", warn)
        if not name and not code:
            warn(node, "a topic needs a name (or the code of a default topic to change)")
            continue
        code = code or f"own:{slugify(name)}"
        old = topics.get(code)
        if "exclude" in entry and _scalar(entry["exclude"][1]) is True:
            if old is None:
                warn(node, f"cannot exclude '{code}': no such topic")
            topics.pop(code, None)
            continue
        evidence = {key: _terms(entry[key][1], DEFAULT_WEIGHTS[key], warn, typed=(key in ("entities", "entity_words")))
                    for key in DEFAULT_WEIGHTS if key in entry}
        if old is None:
            if not name:
                warn(node, f"new topic '{code}' needs a name")
                continue
            if name in {t.name for t in topics.values()}:
                warn(node, f"two topics are named '{name}'; give one another name")
                continue
            old = Topic(code=code, name=name)
        elif name and name != old.name and name in {t.name for t in topics.values()}:
            warn(node, f"two topics are named '{name}'; give one another name")
            name = ""
        topic = dataclasses.replace(
            old,
            name=name or old.name,
            description=_text(entry, "description", warn) or old.description,
            words=_merge(old.words, evidence.get("words", ())),
            phrases=_merge(old.phrases, evidence.get("phrases", ())),
            entities=_merge(old.entities, evidence.get("entities", ())),
            entity_words=_merge(old.entity_words, evidence.get("entity_words", ())),
        )
        topics[code] = dataclasses.replace(topic, keywords=tuple(t.text for t in topic.words + topic.phrases))
        if "parent" in entry:
            parents[code] = (_text(entry, "parent", warn), entry["parent"][1])
        if not (topic.words or topic.phrases or topic.entities or topic.entity_words):
            warn(node, f"topic '{topic.name}' has no words, phrases or entities, so no article can get it")

    by_name = {t.name.casefold(): t.code for t in topics.values()}
    for code, (parent, node) in parents.items():
        if code not in topics:
            continue
        target = parent if parent in topics else by_name.get(parent.casefold())
        if target is None:
            warn(node, f"parent '{parent}' of '{topics[code].name}' is not a topic; it stays a top-level topic")
        elif _is_ancestor(code, target, topics):
            warn(node, f"parent '{parent}' of '{topics[code].name}' would make a loop; it stays a top-level topic")
        else:
            topics[code] = dataclasses.replace(topics[code], parent=target)
    for topic in list(topics.values()):
        if topic.parent and topic.parent not in topics:  # the owner excluded a default parent
            topics[topic.code] = dataclasses.replace(topic, parent=None)
    return Taxonomy(tuple(topics.values()), settings), problems


def _merge(old: tuple[Term, ...], new) -> tuple[Term, ...]:
    """Terms of both lists; a term written again (same text and type) takes the later weight."""
    merged = {(t.text, t.entity_type): t for t in old}
    merged.update({(t.text, t.entity_type): t for t in new})
    return tuple(merged.values())


def _is_ancestor(code: str, candidate: str, topics: dict[str, Topic]) -> bool:
    """True when `code` is `candidate` or one of its ancestors (so linking them makes a loop)."""
    seen = set()
    while candidate and candidate not in seen:
        if candidate == code:
            return True
        seen.add(candidate)
        candidate = topics[candidate].parent if candidate in topics else None
    return False


# --- YAML nodes -----------------------------------------------------------------


def _mapping(node: yaml.Node, warn, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
    if not isinstance(node, yaml.MappingNode):
        warn(node, f"{what} must be a mapping of keys to values")
        return None
    return {str(k.value): (k, v) for k, v in node.value}


def _scalar(node: yaml.Node):
    """The value of a scalar node as YAML reads it (true, 3, 0.5, text); None for anything else."""
    if not isinstance(node, yaml.ScalarNode):
        return None
    return yaml.SafeLoader("").construct_object(node)


def _text(entry: dict, key: str, warn) -> str:
    if key not in entry:
        return ""
    node = entry[key][1]
    if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
        warn(node, f"'{key}' must be text")
        return ""
    return " ".join(str(node.value).split())


def _terms(node: yaml.Node, default_weight: float, warn, *, typed: bool) -> list[Term]:
    """A list of terms; for entity evidence also a mapping of entity type to such a list."""
    if typed and isinstance(node, yaml.MappingNode):
        out: list[Term] = []
        for key, value in node.value:
            type_ = _TYPE_NAMES.get(str(key.value).lower())
            if type_ is None:
                warn(key, f"unknown entity type '{key.value}' (expected person, organization or place)")
                continue
            out += [dataclasses.replace(t, entity_type=type_) for t in _terms(value, default_weight, warn, typed=False)]
        return out
    if not isinstance(node, yaml.SequenceNode):
        warn(node, "expected a list of terms")
        return []
    out = []
    for item in node.value:
        text, weight = None, default_weight
        if isinstance(item, yaml.ScalarNode) and item.tag != "tag:yaml.org,2002:null":
            text = item.value
        elif isinstance(item, yaml.MappingNode) and len(item.value) == 1:
            key, value = item.value[0]
            text = key.value if isinstance(key, yaml.ScalarNode) else None
            try:
                weight = float(value.value) if isinstance(value, yaml.ScalarNode) else float("nan")
            except ValueError:
                weight = float("nan")
            if not weight == weight or weight <= 0:
                warn(value, f"the weight of '{text}' must be a number above 0")
                continue
        text = " ".join(str(text).lower().split()) if text is not None else ""
        if not text or text == "*":
            warn(item, "expected a term: text, or {text: weight}")
            continue
        out.append(Term(text, weight))
    return out


def _settings(node: yaml.Node, settings: Settings, warn) -> Settings:
    entry = _mapping(node, warn, "'settings'")
    changes = {}
    for key, (key_node, value_node) in (entry or {}).items():
        if key not in _SETTING_TYPES:
            warn(key_node, f"unknown setting '{key}' (expected one of {', '.join(_SETTING_TYPES)})")
            continue
        value = _scalar(value_node)
        wanted = int if _SETTING_TYPES[key] in (int, "int") else float
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or (wanted is int and value != int(value)):
            warn(value_node, f"setting '{key}' must be a {'whole ' if wanted is int else ''}number of 0 or more")
            continue
        changes[key] = wanted(value)
    return dataclasses.replace(settings, **changes)

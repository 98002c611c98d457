"""Per-article results of the corpus stages, kept from one build for the next.

Some steps of the corpus stages look at one article only, once its entities are known: ranking
its topics and dropping the candidate tags that name its entities (`topics.analysis._own`).
Their result is a function of the article (its file: `source_sha256`; the corpus state that
holds these tables is keyed by the code, options and taxonomies, see `corpus_state`) and of
what they read of its entities (`entity_key`). A table keeps each result under those inputs;
the next build takes a result only when the inputs are equal, so a reused result is the one
computing it again would give, and an article whose entities the new corpus changed (a name
that now resolves to a full name, a type that flips) is computed again.

The entity pass keeps its results the same way (tables 'entity rules' and 'entities', see
`entities.resolve`), under what the corpus changed of the article's names.

A table keeps for the next build only the entries of this build's articles: a removed
article's entry goes with it. Only small results are worth keeping: the state is loaded and
saved whole on every build, and results kept as dataclasses or with their long texts
(quotations, story features) take about as long to load as to compute (measured at 10,000
articles: see the README). Stories keep each article's features and vector as plain tuples
(`story_memo`, which reads `last` and writes with `keep`): what they spare is not their
computing but the greedy pass's searches for every article.

A step may also keep one value for the whole corpus (`CorpusMemo.state`, `keep_state`), which it
brings up to date itself by the articles added, changed and removed: the entity passes' corpus
facts (`entities.resolve`, `entities.unify`) and the topics' index of document frequencies, each
article's tags and related-articles vector and list (`topics.index`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ..model import EntityMention

T = TypeVar("T")


def entity_key(mentions: Sequence[EntityMention]) -> tuple[tuple[str, str, int], ...]:
    """What the memoized steps read of an article's entities: name, type and count of each."""
    return tuple([(m.name, m.type._value_, m.count) for m in mentions])  # (`_value_`: `value` is a slow property)


def tally(counts: dict, key: Any, change: int) -> int:
    """Add `change` to the count of `key` and return it; a count that comes to 0 is dropped, so
    counts an article added and then took back leave no trace (the corpus facts steps keep)."""
    n = counts.get(key, 0) + change
    if n:
        counts[key] = n
    else:
        del counts[key]
    return n


class Memo:
    """One step's results by article source: (inputs, result) from the last build, and this build's."""

    def __init__(self, known: object = None) -> None:
        self._known: dict[str, tuple[Any, Any]] = known if isinstance(known, dict) else {}
        self.kept: dict[str, tuple[Any, Any]] = {}
        self.computed = 0  # results computed in this build (the others were reused)

    def get(self, source: str, key: Any, compute: Callable[[], T]) -> T:
        """The result for `source` with inputs `key`: the last build's when its inputs were equal."""
        entry = self._known.get(source)
        if entry is None or entry[0] != key:
            entry = (key, compute())
            self.computed += 1
        self.kept[source] = entry
        return entry[1]

    def get_all(self, sources: Sequence[str], keys: list[Any], compute: Callable[[int], T]) -> list[T]:
        """`get` for each source in turn (`compute(i)` computes the result of the i-th). Where the
        last build's inputs are equal, `keys[i]` becomes the kept object: tables that keep the
        same object then find it equal by identity, without comparing (about 5 us an article)."""
        known, kept, out = self._known, self.kept, []
        for i, (source, key) in enumerate(zip(sources, keys)):
            entry = known.get(source)
            if entry is None or entry[0] != key:
                entry = (key, compute(i))
                self.computed += 1
            else:
                keys[i] = entry[0]
            kept[source] = entry
            out.append(entry[1])
        return out

    def last(self) -> dict[str, tuple[Any, Any]]:
        """The last build's entries, (inputs, result) by source, for a step that compares them itself."""
        return self._known

    def keep(self, source: str, key: Any, result: Any) -> None:
        """Keep `result` for `source` under inputs `key` for the next build."""
        self.kept[source] = (key, result)

    def keep_entry(self, source: str, entry: tuple[Any, Any]) -> None:
        """Keep the last build's (inputs, result) `entry` for `source` as it is (the same object)."""
        self.kept[source] = entry


@dataclass(frozen=True)
class StateWithTable:
    """A kept state (a tuple) whose item `at` is a dict by article source, each entry replaced,
    never changed in place, when it changes: the corpus state keeps that dict in shards, as it
    keeps the tables, and writes again only the shards where an entry is not the one loaded (a
    drop changes a few dozen of the topic index's 10,000 entries; pickling all took ~0.1 s)."""

    value: tuple
    at: int

    def with_table(self, table: dict | None) -> StateWithTable:
        """The same state with `table` in place of its table (None: the state saved without it)."""
        return StateWithTable(self.value[:self.at] + (table,) + self.value[self.at + 1:], self.at)


class CorpusMemo:
    """The tables of every memoized step, by name; `tables()` is what the next build gets back."""

    def __init__(self, known: object = None) -> None:
        self._known: dict[str, Any] = known if isinstance(known, dict) else {}
        self._tables: dict[str, Memo] = {}
        self._states: dict[str, Any] = {}

    def state(self, name: str) -> Any:
        """The last build's value kept under `name` with `keep_state` (None if there is none): a
        step's corpus-wide facts, which it updates with what changed rather than recomputing."""
        value = self._known.get(name)
        return value.value if isinstance(value, StateWithTable) else value

    def keep_state(self, name: str, value: Any, table_at: int | None = None) -> None:
        """Keep `value` (plain values: tuples, dicts, strings, numbers) under `name` for the next
        build; with `table_at`, `value[table_at]` is a dict by source whose entries are replaced,
        never changed in place (see `StateWithTable`)."""
        self._states[name] = value if table_at is None or value is None else StateWithTable(value, table_at)

    def table(self, name: str) -> Memo:
        memo = self._tables.get(name)
        if memo is None:
            memo = self._tables[name] = Memo(self._known.get(name))
        return memo

    def tables(self) -> dict[str, Any]:
        kept: dict[str, Any] = {name: memo.kept for name, memo in self._tables.items()}
        kept.update(self._states)
        return dict(sorted(kept.items()))

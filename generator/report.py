"""The report of one run: each problem named once with its file, and a summary line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Problem, Severity


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    articles: int = 0
    pages: int = 0
    files: int = 0

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            if problem not in self.problems:
                self.problems.append(problem)

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.severity is Severity.WARNING)

    @property
    def notes(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.severity is Severity.INFO)

    @property
    def failed(self) -> bool:
        """True when a file was rejected or repaired: what `--strict` turns into a failure."""
        return bool(self.errors or self.warnings)

    def lines(self) -> list[str]:
        """One line a problem, rejected files first: what the owner must act on."""
        out = [f"rejected {p}" for p in self.errors]
        out += [f"repaired {p}" for p in self.warnings]
        return out

    def note_lines(self) -> list[str]:
        return [f"note {p}" for p in self.notes]

    def summary(self) -> str:
        parts = [f"{self.articles:,} article{'s' if self.articles != 1 else ''} from {self.files:,} file{'s' if self.files != 1 else ''}",
                 f"{self.pages:,} pages"]
        if self.errors:
            parts.append(f"{len(self.errors)} file{'s' if len(self.errors) != 1 else ''} rejected")
        if self.warnings:
            parts.append(f"{len(self.warnings)} repair{'s' if len(self.warnings) != 1 else ''}")
        if self.notes:
            parts.append(f"{len(self.notes)} note{'s' if len(self.notes) != 1 else ''}")
        if not self.failed:
            parts.append("no problems")
        return ", ".join(parts)

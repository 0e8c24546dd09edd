"""Problems found in content, reported the way a compiler reports errors."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
# Problems of what is not a front matter field are named in the editor's words; a field path
# (articles[2].title) is shown as typed, since that is what the editor looks for.
FIELD_LABELS = {"body": "正文", "encoding": "编码", "contents": "目录"}


@dataclass(frozen=True)
class Problem:
    path: str  # relative to the project root, with forward slashes
    line: int  # 1-based; 0 when the problem concerns the whole file
    field: str  # e.g. "articles[2].departments[0]"; "" for the file itself
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        location = f"{self.path}:{self.line}" if self.line else self.path
        shown = FIELD_LABELS.get(self.field, self.field)
        field = f" {shown}:" if shown else ""
        prefix = " 警告:" if self.severity == WARNING else ""
        return f"{location}:{prefix}{field} {self.message}"


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == WARNING]


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.path, p.line, p.field, p.message))


def closest(value: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like `value`, if any is close enough to be what was meant."""
    matches = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.5)
    return matches[0] if matches else None


def did_you_mean(value: str, candidates: Iterable[str]) -> str:
    """A hint such as "（是不是“市司法局”？）", or "" when nothing is close."""
    match = closest(value, candidates)
    return f"（是不是“{match}”？）" if match else ""

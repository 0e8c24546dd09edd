"""Read every bulletin of a site: parse each file, then check what spans files."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .model import Bulletin, canonical_source_path, newest_first
from .parse import parse_bulletin
from .problems import Problem, sorted_problems
from .registry import Registry
from .text_encoding import decode_utf8

BULLETINS_DIR = "bulletins/"


@dataclass(frozen=True)
class Source:
    source_path: str  # relative to docs/, e.g. bulletins/2021/gzjb-009.md
    display_path: str  # relative to the project root, for messages
    text: str


def decode_source(
    data: bytes, source_path: str, display_path: str
) -> tuple[Source | None, list[Problem]]:
    """A bulletin file's bytes read as MkDocs reads them, or an error: such a file must stop
    the build, not vanish."""
    text, problems = decode_utf8(data, display_path)
    return (None if text is None else Source(source_path, display_path, text)), problems


def is_bulletin_source(source_path: str) -> bool:
    """Bulletins are the Markdown files under bulletins/, except section index pages."""
    return (
        source_path.startswith(BULLETINS_DIR)
        and source_path.endswith(".md")
        and not source_path.endswith("index.md")
    )


def files_under(directory: str, excluded: Callable[[str], bool]) -> list[str]:
    """Every file under `directory` that `excluded` keeps, as a path relative to it with forward
    slashes (the way MkDocs names its documents). Symbolic links are followed, as MkDocs does."""
    found = []
    for folder, _, names in os.walk(directory, followlinks=True):
        prefix = os.path.relpath(folder, directory).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        found += [path for name in names if not excluded(path := prefix + name)]
    return sorted(found)


def load_bulletins(
    sources: Iterable[Source], registry: Registry, parse: Callable = parse_bulletin
) -> tuple[list[Bulletin], list[Problem]]:
    """Parse all sources; returns the valid bulletins newest first and every problem found.

    `parse` is `parse_bulletin` or a caching stand-in for it (`parse_cache.ParseCache`).
    """
    sources = list(sources)
    bulletins: list[Bulletin] = []
    problems: list[Problem] = []
    for source in sources:
        bulletin, found = parse(source.text, source.source_path, source.display_path, registry)
        problems += found
        if bulletin is not None:
            bulletins.append(bulletin)
    display = {s.source_path: s.display_path for s in sources}
    problems += _cross_file_problems(bulletins, display)
    bulletins.sort(key=newest_first)
    return bulletins, sorted_problems(problems)


def _moved_from_problems(bulletins: list[Bulletin], display: dict[str, str]) -> list[Problem]:
    """A former file is another issue's file now, or two issues name the same former file:
    either way its URL cannot lead on to one issue."""
    current = {b.source_path for b in bulletins}
    claimed: dict[str, Bulletin] = {}
    problems = []
    for bulletin in bulletins:
        for former in bulletin.moved_from:
            old = former.source_path
            if old in current:
                message = f"“{old}”是另一期现在的文件，它的网址不能转到本期"
            elif old in claimed:
                other = display.get(claimed[old].source_path, claimed[old].source_path)
                message = f"{other} 也写了“{old}”：原来的文件只能属于一期"
            else:
                claimed[old] = bulletin
                continue
            path = display.get(bulletin.source_path, bulletin.source_path)
            problems.append(Problem(path, former.line, former.field_path, message))
    return problems


def _cross_file_problems(bulletins: list[Bulletin], display: dict[str, str]) -> list[Problem]:
    problems = []
    by_key: dict[tuple, list[Bulletin]] = defaultdict(list)
    for bulletin in bulletins:
        for key in bulletin.keys:  # a combined issue (合刊) takes each of its numbers
            by_key[key].append(bulletin)
    for (_, year, issue), claimants in by_key.items():
        if len(claimants) < 2:
            continue
        paths = sorted(display.get(b.source_path, b.source_path) for b in claimants)
        for bulletin in claimants:
            others = "、".join(
                p for p in paths if p != display.get(bulletin.source_path, bulletin.source_path)
            )
            problems.append(
                Problem(
                    display.get(bulletin.source_path, bulletin.source_path),
                    bulletin.issue_line,
                    "issue",
                    f"{others} 也是{bulletin.series.name} {year}年第{issue}期：一期只能有一个文件",
                )
            )
    problems += _moved_from_problems(bulletins, display)
    for bulletin in bulletins:
        expected = canonical_source_path(bulletin.series, bulletin.date, bulletin.issue)
        if bulletin.source_path != expected and len(by_key[bulletin.key]) == 1:
            issue_name = f"{bulletin.series.name} {bulletin.date.year}年{bulletin.number_text}"
            problems.append(
                Problem(
                    display.get(bulletin.source_path, bulletin.source_path),
                    bulletin.issue_line,  # series, issue and date stand together at the top
                    "issue",
                    f"文件名与{issue_name}（series、date、issue）不符："
                    f"请把文件移到 docs/{expected}，或改正这几项",
                )
            )
    return problems

"""Checking a site's bulletins: each file read, parsed and checked, with its attachments.

The build (before it empties site/) and scripts/check_content.py both check through here, so
that an editor's check and the build give the same problems. The registries come first: with
one broken, every name of its kind in every bulletin would be reported too (REGISTRY_STOP).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable

from .attachments import SIGNATURE_LENGTH, misnamed_attachments, missing_attachments
from .collection import Source, decode_source, load_bulletins
from .model import Bulletin
from .parse import parse_bulletin
from .problems import Problem
from .registry import Registry

Reader = Callable[[], "bytes | None"]  # a file's bytes, None when it cannot be read


def read_sources(files: Iterable[tuple[str, str, Reader]]) -> tuple[list[Source], list[Problem]]:
    """The bulletins' texts from (path under docs/, path shown in messages, reader); a file not
    in UTF-8 or gone since it was listed (mid-save, a broken link) is a problem on its file."""
    sources, problems = [], []
    for source_path, shown, read in files:
        data = read()
        if data is None:
            problems.append(
                Problem(shown, 0, "", "文件读不到：它已被删除或改名，或是一个失效的链接")
            )
            continue
        source, found = decode_source(data, source_path, shown)
        sources += [source] if source is not None else []
        problems += found
    return sources, problems


def check_bulletins(
    sources: list[Source],
    registry: Registry,
    documents: Collection[str],
    read_start: Callable[[str], bytes | None],
    docs_shown: str,
    parse: Callable = parse_bulletin,
) -> tuple[list[Bulletin], list[Problem]]:
    """Parse and check every bulletin, then their attachments: each among `documents` (paths
    under docs/) and of the kind its name says (`read_start(path)`: its first bytes)."""
    bulletins, problems = load_bulletins(sources, registry, parse)
    problems += missing_attachments(bulletins, documents, docs_shown)
    problems += misnamed_attachments(bulletins, read_start, docs_shown)
    return bulletins, problems


def file_reader(path: str, size: int = -1) -> Reader:
    """A reader of the file's bytes (its first `size`), None when it is not there."""

    def read() -> bytes | None:
        try:
            with open(path, "rb") as file:
                return file.read(size)
        except FileNotFoundError:
            return None

    return read


def start_reader(docs_dir: str) -> Callable[[str], bytes | None]:
    """`read_start` for documents on disk under `docs_dir`."""
    return lambda path: file_reader(os.path.join(docs_dir, path), SIGNATURE_LENGTH)()

"""Parsed bulletins kept between the rebuilds of `mkdocs serve`.

After an editor saves one bulletin, `serve` rebuilds the whole site; only that file needs parsing
again. The cache is keyed by the file's text (MkDocs reads every file anyway), which is stricter
than its modification time: a touched but unchanged file stays cached, an edit within the same
second does not. A change to the registries empties it. It holds the current build's files only,
so it does not grow from rebuild to rebuild.
"""

from __future__ import annotations

from collections.abc import Callable

from .model import Bulletin
from .parse import parse_bulletin
from .problems import Problem
from .registry import Registry

Parsed = tuple[Bulletin | None, list[Problem]]
Parser = Callable[[str, str, str, Registry], Parsed]


class ParseCache:
    def __init__(self) -> None:
        self._registry: Registry | None = None
        self._entries: dict[tuple[str, str, str], Parsed] = {}
        self.parsed = 0  # files parsed (not found in the cache) during the last build

    def parser(self, registry: Registry) -> Parser:
        """A `parse_bulletin` for one build that reuses what the previous build parsed."""
        previous = self._entries if registry == self._registry else {}
        self._registry = registry
        self._entries = {}
        self.parsed = 0

        def parse(text: str, source_path: str, display_path: str, registry: Registry) -> Parsed:
            key = (source_path, display_path, text)
            result = previous.get(key)
            if result is None:
                result = parse_bulletin(text, source_path, display_path, registry)
                self.parsed += 1
            self._entries[key] = result
            return result

        return parse

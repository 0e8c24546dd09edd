"""The search index files of the last build, kept between the rebuilds of `mkdocs serve`.

`serve` rebuilds the whole site after every save, into a cleaned directory. When the save did not
change what search indexes (a template, a stylesheet, a hand-written page, or a bulletin's
layout), the index files are the same as last time: they are written again from memory instead
of being built again (1.4 s of CPU at 500 issues). The key is the documents themselves (every
article's URL, titles, date, departments, topics and text) and the registry, so any change that
reaches the index rebuilds it. Only `mkdocs serve` uses this: a published build keeps nothing.
"""

from __future__ import annotations

from .registry import Registry
from .search_files import search_files
from .search_index import SearchDocument


class SearchIndexCache:
    def __init__(self) -> None:
        self._key: tuple | None = None
        self._files: list[tuple[str, str]] = []
        self.built = 0  # how many times the index was built (not taken from the cache)

    def files(self, documents: list[SearchDocument], registry: Registry) -> list[tuple[str, str]]:
        """(path under the site, content) of every index file: `search_files`, or the last result
        when `documents` and `registry` equal the last call's."""
        key = (tuple(documents), registry)
        if key != self._key:
            self._files = list(search_files(documents, registry))
            self._key = key
            self.built += 1
        return self._files

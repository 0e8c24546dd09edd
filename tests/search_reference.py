"""A brute-force reference for search tests and the benchmark: substring scans of the documents."""

from __future__ import annotations

from bulletins.search_fold import fold
from bulletins.search_index import SearchDocument


def occurrences(text: str, term: str) -> int:
    """Occurrences of `term` in `text`, overlapping ones included (as the index counts them)."""
    count, start = 0, text.find(term)
    while start >= 0:
        count += 1
        start = text.find(term, start + 1)
    return count


class Reference:
    """The documents folded once; `results(query)` scans them all."""

    def __init__(self, documents: list[SearchDocument]) -> None:
        self.folded = [(d.id, fold(d.title), fold(d.text)) for d in documents]

    def results(self, query: str) -> list[int]:
        """Ids of the documents containing every term of `query`, in the engine's ranking order."""
        terms = list(dict.fromkeys(fold(query).split()))
        if not terms:
            return []
        ranked = []
        for document_id, title, body in self.folded:
            if not all(t in title or t in body for t in terms):
                continue
            in_title = sum(occurrences(title, t) for t in terms)
            total = in_title + sum(occurrences(body, t) for t in terms)
            ranked.append((in_title == 0, -total, document_id))
        return [document_id for _, _, document_id in sorted(ranked)]


def expected_results(documents: list[SearchDocument], query: str) -> list[int]:
    return Reference(documents).results(query)

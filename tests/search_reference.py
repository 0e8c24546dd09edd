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


def expected_results(documents: list[SearchDocument], query: str) -> list[int]:
    """Ids of the documents containing every term of `query`, in the engine's ranking order."""
    terms = list(dict.fromkeys(fold(query).split()))
    if not terms:
        return []
    ranked = []
    for document in documents:
        title, body = fold(document.title), fold(document.text)
        counts = [(occurrences(title, t), occurrences(body, t)) for t in terms]
        if all(t + b for t, b in counts):
            in_title = sum(t for t, _ in counts)
            total = in_title + sum(b for _, b in counts)
            ranked.append((in_title == 0, -total, document.id))
    return [document_id for _, _, document_id in sorted(ranked)]

"""The search index: one document per article, folded text, character postings with positions.

Documents are numbered newest first (the collection's order), so a lower id is a newer article
and a year is a contiguous range of ids. For every key (a single character, or two adjacent
characters) the postings are one flat list of integers, per document in increasing id:

    bigram:    doc delta, title count, body count, title positions (delta), body positions (delta)
    character: doc delta, title count, body count

A query of several characters is checked exactly in the browser: bigrams placed end to end over
the query must occur at consistent positions in the same field (see search.js).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from .indexes import ArticleRef
from .model import Bulletin
from .search_fold import fold
from .urls import Links

# Markdown a bulletin body may contain; search sees only the words.
LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
ATTR_LIST_RE = re.compile(r"\{[:#.][^}]*\}")
HTML_TAG_RE = re.compile(r"<[^>]+>")
EMPHASIS_RE = re.compile(r"(\*\*|__|\*|`)")
BLOCK_MARK_RE = re.compile(r"^\s{0,3}(?:>\s?|[-*+]\s+|\d+\.\s+|#{1,6}\s+)", re.MULTILINE)
BLANK_LINES_RE = re.compile(r"\n\s*\n+")


@dataclass(frozen=True)
class SearchDocument:
    id: int
    url: str  # site-root-relative, with the article's anchor
    title: str
    bulletin_title: str
    date: str  # ISO
    departments: tuple[str, ...]  # department ids
    topics: tuple[str, ...]  # topic ids
    text: str  # plain body text, as shown in snippets


def plain_text(markdown: str) -> str:
    """The words of a Markdown body: links keep their text, markup and tags go."""
    text = LINK_RE.sub(r"\1", markdown)
    text = ATTR_LIST_RE.sub("", text)
    text = HTML_TAG_RE.sub("", text)
    text = EMPHASIS_RE.sub("", text)
    text = BLOCK_MARK_RE.sub("", text)
    return BLANK_LINES_RE.sub("\n", text).strip()


def search_documents(bulletins: Iterable[Bulletin], links: Links) -> list[SearchDocument]:
    """One document per article, newest bulletin first, articles in issue order."""
    documents = []
    for bulletin in bulletins:
        for article in bulletin.articles:
            documents.append(
                SearchDocument(
                    id=len(documents),
                    url=links.article(ArticleRef(bulletin, article)),
                    title=article.title,
                    bulletin_title=f"{bulletin.series.name} {bulletin.year}年第{bulletin.issue}期",
                    date=bulletin.date.isoformat(),
                    departments=tuple(d.id for d in article.departments),
                    topics=tuple(t.id for t in article.topics),
                    text=plain_text(article.body),
                )
            )
    return documents


def _bigram_positions(text: str) -> dict[str, list[int]]:
    positions: dict[str, list[int]] = {}
    for position in range(len(text) - 1):
        key = text[position : position + 2]
        found = positions.get(key)
        if found is None:
            positions[key] = [position]
        else:
            found.append(position)
    return positions


def _deltas(positions: list[int]) -> list[int]:
    return [positions[0], *[b - a for a, b in zip(positions, positions[1:])]]


def build_postings(documents: Iterable[SearchDocument]) -> dict[str, list[int]]:
    """{key: flat postings} over the folded title and text of every document."""
    postings: dict[str, list[int]] = {}
    last_id: dict[str, int] = {}
    none: list[int] = []
    for document in documents:
        title, body = fold(document.title), fold(document.text)
        in_title, in_body = _bigram_positions(title), _bigram_positions(body)
        for key in in_title.keys() | in_body.keys():
            at_title, at_body = in_title.get(key, none), in_body.get(key, none)
            entry = postings.get(key)
            if entry is None:
                entry = postings[key] = []
            entry.append(document.id - last_id.get(key, 0))
            entry.append(len(at_title))
            entry.append(len(at_body))
            if at_title:
                entry += _deltas(at_title)
            if at_body:
                entry += _deltas(at_body)
            last_id[key] = document.id
        title_counts, body_counts = Counter(title), Counter(body)
        for char in title_counts.keys() | body_counts.keys():
            entry = postings.get(char)
            if entry is None:
                entry = postings[char] = []
            entry += (document.id - last_id.get(char, 0), title_counts[char], body_counts[char])
            last_id[char] = document.id
    # Queries are split at white space, so keys with white space are never asked for.
    return {key: postings[key] for key in sorted(postings) if not any(c.isspace() for c in key)}


def key_bucket(key: str, bucket_count: int) -> int:
    """FNV-1a over UTF-16 code units, as search.js computes it (String.charCodeAt)."""
    value = 0x811C9DC5
    data = key.encode("utf-16-le")
    for index in range(0, len(data), 2):
        value ^= data[index] | data[index + 1] << 8
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value % bucket_count

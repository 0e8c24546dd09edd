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
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .indexes import ArticleRef
from .model import Bulletin
from .search_fold import fold_code_points
from .urls import Links

# Markdown a bulletin body may contain; search sees only the words.
LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
ATTR_LIST_RE = re.compile(r"\{[:#.][^}]*\}")
HTML_TAG_RE = re.compile(r"<[^>]+>")
EMPHASIS_RE = re.compile(r"(\*\*|__|\*|`)")
BLOCK_MARK_RE = re.compile(r"^\s{0,3}(?:>\s?|[-*+]\s+|\d+\.\s+|#{1,6}\s+)", re.MULTILINE)
BLANK_LINES_RE = re.compile(r"\n\s*\n+")
PARTS = 16  # the postings are built in this many passes (peak memory)
SPACE_CODE_POINTS = np.array([c for c in range(0x3001) if chr(c).isspace()], dtype=np.uint32)


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
    # Most bodies are plain paragraphs: a pattern runs only if the character it needs is there
    # (LINK_RE, whose optional `!` is tried at every character, was a third of this function).
    text = LINK_RE.sub(r"\1", markdown) if "](" in markdown else markdown
    if "{" in text:
        text = ATTR_LIST_RE.sub("", text)
    if "<" in text:
        text = HTML_TAG_RE.sub("", text)
    if "*" in text or "_" in text or "`" in text:
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
                    bulletin_title=f"{bulletin.series.name} {bulletin.year}年{bulletin.number_text}",
                    date=bulletin.date.isoformat(),
                    departments=tuple(d.id for d in article.departments),
                    topics=tuple(t.id for t in article.topics),
                    text=plain_text(article.body),
                )
            )
    return documents


def _fields(documents: list[SearchDocument]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Code points of all folded titles and texts, one newline after each; field and position."""
    fields = [part for d in documents for part in (d.title, d.text)]
    text = "\n".join(fields) + "\n"
    # Folding keeps lengths, so the text is folded once, as code points (str.translate per
    # field took a second at 5,000 issues).
    code_points = fold_code_points(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32))
    lengths = np.fromiter((len(f) + 1 for f in fields), dtype=np.int64, count=len(fields))
    index = np.repeat(np.arange(len(fields), dtype=np.int32), lengths)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    position = (np.arange(len(code_points), dtype=np.int64) - starts[index]).astype(np.int32)
    ids = np.fromiter((d.id for d in documents), dtype=np.int64, count=len(documents))
    field = (np.repeat(ids, 2) * 2 + np.tile([0, 1], len(documents)))[index].astype(np.int32)
    # field: document id * 2 + (1 if in the body)
    return code_points, field, position


def _runs(*columns: np.ndarray) -> np.ndarray:
    """Indices where any of the (sorted) columns changes: the starts of runs."""
    change = np.zeros(len(columns[0]), dtype=bool)
    change[:1] = True
    for column in columns:
        change[1:] |= column[1:] != column[:-1]
    return np.flatnonzero(change)


def _marks(indices: np.ndarray, length: int) -> np.ndarray:
    marks = np.zeros(length, dtype=bool)
    marks[indices] = True
    return marks


def _stable_order(keys: np.ndarray, dense: tuple[np.ndarray, ...] | None) -> np.ndarray:
    """np.argsort(keys, kind="stable"), by 16-bit passes when `dense` gives the keys as 16-bit
    columns of the same order (most significant first): numpy sorts 16-bit integers by radix,
    about twice as fast in all as its merge sort of 64-bit keys."""
    if dense is None:
        return np.argsort(keys, kind="stable")
    order = np.argsort(dense[-1], kind="stable")
    for column in reversed(dense[:-1]):  # least significant first
        order = order[np.argsort(column[order], kind="stable")]
    return order


def _postings(
    keys, field, position, with_positions: bool, dense=None
) -> tuple[np.ndarray, list, np.ndarray]:
    """Flat integer postings of keys (sorted stably, so documents and positions ascend)."""
    order = _stable_order(keys, dense)
    keys, field, position = keys[order], field[order], position[order]
    doc, in_body = field >> 1, field & 1
    key_starts = _runs(keys)
    group_starts = _runs(keys, doc)  # one group per key and document
    group_of = np.cumsum(_marks(group_starts, len(keys))) - 1
    body_counts = np.add.reduceat(in_body, group_starts)
    sizes = np.diff(np.append(group_starts, len(keys)))
    first_of_key = _marks(key_starts, len(keys))[group_starts]
    group_doc = doc[group_starts]
    doc_delta = np.where(first_of_key, group_doc, group_doc - np.roll(group_doc, 1))
    header = np.stack([doc_delta, sizes - body_counts, body_counts], axis=1)
    if not with_positions:
        values, key_offsets = header.reshape(-1), np.searchsorted(group_starts, key_starts) * 3
        return values, keys[key_starts], key_offsets
    run_start = _marks(_runs(keys, field), len(keys))
    delta = np.where(run_start, position, position - np.roll(position, 1))
    values = np.empty(len(keys) + 3 * len(group_starts), dtype=np.int64)
    header_at = group_starts + 3 * np.arange(len(group_starts))
    for column in range(3):
        values[header_at + column] = header[:, column]
    values[np.arange(len(keys)) + 3 * (group_of + 1)] = delta
    return values, keys[key_starts], header_at[np.searchsorted(group_starts, key_starts)]


# Postings are text: each integer is little-endian digits over 92 printable ASCII characters
# (no quote, no backslash, so JSON keeps them as they are). The first DIGIT_TERMINAL characters
# end an integer (digit 0..63), the others continue it (digit 0..27). Most values are small
# (counts, near positions), so this is about a fifth shorter than base64 of LEB128 bytes.
DIGIT_ALPHABET = np.array([c for c in range(0x21, 0x7F) if chr(c) not in '"\\'], dtype=np.uint8)
DIGIT_TERMINAL = 64
DIGIT_CONTINUE = len(DIGIT_ALPHABET) - DIGIT_TERMINAL


def _digits(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """ASCII codes of non-negative values in the digit encoding, and each value's first offset."""
    largest = int(values.max(initial=0))
    if largest < 1 << 31:  # 32-bit arithmetic: a fifth faster over millions of values
        values = values.astype(np.int32)
    lengths = np.ones(len(values), dtype=np.int8)
    limit = DIGIT_TERMINAL
    while limit <= largest:
        lengths += values >= limit
        limit *= DIGIT_CONTINUE
    offsets = np.zeros(len(values) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    out = np.empty(offsets[-1], dtype=np.uint8)
    # Most values (85 % at 5,000 issues) are one digit: every value's first digit is written in
    # one pass, and only the values of several digits are divided (a third of the time).
    several = np.flatnonzero(lengths > 1)
    rest = values[several]
    first = values.copy()
    first[several] = DIGIT_TERMINAL + rest % DIGIT_CONTINUE
    out[offsets[:-1]] = DIGIT_ALPHABET[first]
    rest, at, left = rest // DIGIT_CONTINUE, offsets[several] + 1, lengths[several] - 1
    while len(rest):  # digit by digit, each pass over only the values still longer
        last = left == 1
        out[at] = DIGIT_ALPHABET[np.where(last, rest, DIGIT_TERMINAL + rest % DIGIT_CONTINUE)]
        more = ~last
        rest, at, left = rest[more] // DIGIT_CONTINUE, at[more] + 1, left[more] - 1
    return out, offsets


def encode_values(values: list[int]) -> str:
    """Non-negative integers as digit text (posting lists, facets)."""
    return _digits(np.asarray(values, dtype=np.int64))[0].tobytes().decode("ascii")


def decode_values(text: str) -> list[int]:
    """The integers of digit text (what search.js does with a posting list)."""
    index = {chr(c): i for i, c in enumerate(DIGIT_ALPHABET.tolist())}
    values, value, scale = [], 0, 1
    for char in text:
        digit = index[char]
        if digit < DIGIT_TERMINAL:
            values.append(value + digit * scale)
            value, scale = 0, 1
        else:
            value += (digit - DIGIT_TERMINAL) * scale
            scale *= DIGIT_CONTINUE
    return values


def build_postings(documents: list[SearchDocument]) -> dict[str, str]:
    """{key: postings as digit text} over the folded title and text of every document."""
    code_points, field, position = _fields(documents)
    space = np.isin(code_points, SPACE_CODE_POINTS)
    postings: dict[str, str] = {}
    both = ~space[:-1] & ~space[1:]  # queries are split at white space: no key holds any
    bigram = (code_points[:-1].astype(np.int64) << 21) | code_points[1:]
    ids = _character_ids(code_points)
    bigram_ids, char_ids = (None, None) if ids is None else ((ids[:-1], ids[1:]), (ids,))
    kinds = (
        (bigram, both, field[:-1], position[:-1], True, _bigram_name, bigram_ids),
        (code_points.astype(np.int64), ~space, field, position, False, chr, char_ids),
    )
    for all_keys, wanted, all_fields, all_positions, with_positions, name, dense in kinds:
        # Keys are split into parts by their code, so the sort's temporaries stay small. One
        # stable sort by part gives each part's places in text order.
        wanted_at = np.flatnonzero(wanted)
        parts = (all_keys[wanted_at] % PARTS).astype(np.uint8)
        by_part = wanted_at[np.argsort(parts, kind="stable")]
        part_sizes = np.bincount(parts, minlength=PARTS)
        part_ends = np.cumsum(part_sizes)
        for part in range(PARTS):
            selected = by_part[part_ends[part] - part_sizes[part] : part_ends[part]]
            if not len(selected):
                continue
            values, key_codes, starts = _postings(
                all_keys[selected],
                all_fields[selected],
                all_positions[selected],
                with_positions,
                None if dense is None else tuple(column[selected] for column in dense),
            )
            data, offsets = _digits(values)
            text = data.tobytes().decode("ascii")
            ends = np.append(starts[1:], len(values))
            for code, start, end in zip(
                key_codes.tolist(), offsets[starts].tolist(), offsets[ends].tolist(), strict=True
            ):
                postings[name(code)] = text[start:end]
    return {key: postings[key] for key in sorted(postings)}


def _character_ids(code_points: np.ndarray) -> np.ndarray | None:
    """Each code point's rank among the distinct ones (same order), as 16-bit integers; None
    if the text has more than 65,536 distinct characters (then keys sort as 64-bit codes)."""
    present = np.zeros(int(code_points.max(initial=0)) + 1, dtype=bool)
    present[code_points] = True
    if np.count_nonzero(present) > 1 << 16:
        return None
    return (np.cumsum(present) - 1).astype(np.uint16)[code_points]


def _bigram_name(code: int) -> str:
    return chr(code >> 21) + chr(code & 0x1FFFFF)


def key_bucket(key: str, bucket_count: int) -> int:
    """FNV-1a over UTF-16 code units, as search.js computes it (String.charCodeAt)."""
    value = 0x811C9DC5
    data = key.encode("utf-16-le")
    for index in range(0, len(data), 2):
        value ^= data[index] | data[index + 1] << 8
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value % bucket_count

"""The table of contents after the masthead, if the bulletin has one.

A contents entry is recognised by what follows it: the same title printed again above its
article (compared without white space, since PDF text breaks long titles with spaces). The
contents form of a title is the one kept, as it has no stray spaces.

An entry worded otherwise than its title (`市卫健委…` in the contents, `市卫生健康委…` above the
article) is not printed again, but it is still an entry when it stands between two entries that
are and is written as one (bullet, page reference) or reads as a title; after the last entry
that is printed again, when it is written as the entries are or the first article's title comes
right after it. Its title is the most similar title-like text printed between its neighbours'
titles. Stopping the contents at such an entry, as a first version did, read the entries after
it as text and merged every later article into the one before it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from .lines import SECTION_RE, SourceLine, compact
from .punctuation import PROTECTED_RE

CONTENTS_LABEL_RE = re.compile(r"^(?:本期)?(?:目\s*录|要\s*目|导\s*读)[:：]?$")
BULLET_RE = re.compile(r"^(?:[-·•●◆◇■□★☆▪*]|\d{1,2}[.、．])\s*")
# `…… 3` (leaders), or the page number after a wide gap of spaces or a tab (`工作  3`).
PAGE_REFERENCE_RE = re.compile(r"(?:\s*[.…·．]{2,}\s*|[ \u3000]{2,}|\t+)\d{1,3}$")
FULL_WIDTH_KEY = str.maketrans(",;:?!()", "，；：？！（）")
TITLE_MAX_LINES = 3  # a title printed again in the body may be broken over this many lines
TITLE_MAX_CHARS = 40
TITLE_PUNCTUATION_RE = re.compile(r"[，。；！？,;!?]")
# Up to this many lines between two entries printed again may be entries worded differently.
MAX_DIFFERING_LINES = 2
# How alike an entry and its title printed otherwise must be (difflib's ratio), the most alike
# title-like text between the neighbours' titles taken: 市卫健委扎实推进全国文明城市创建工作 and
# 市卫生健康委…: 0.92; 市司法局召开动员会 and 市司法局召开文明建设及创城工作动员会: 0.67; two of
# the seed's titles that share only 全国文明城市创建工作: 0.62, but never between the same neighbours.
SIMILAR_TITLE_RATIO = 0.6


@dataclass(frozen=True)
class DifferingEntry:
    """A contents entry not printed the same above its article."""

    line: SourceLine  # its (first) line in the contents
    entry: str  # as the contents word it
    title: str | None  # as printed above the article; None: no title like it was found


@dataclass
class Contents:
    titles: list[str] = field(default_factory=list)  # in order, contents form
    lines: list[SourceLine] = field(default_factory=list)  # the lines the contents took
    differing: list[DifferingEntry] = field(default_factory=list)
    # title_key of a title's first part printed at the foot of a page -> the whole title, as
    # the contents give it: the rest starts the next page (see structure.complete_titles).
    broken: dict[str, str] = field(default_factory=dict)

    def title_for(self, text: str) -> str | None:
        """The contents form of a body line (or lines joined) that repeats a contents entry."""
        key = title_key(text)
        return next((title for title in self.titles if title_key(title) == key), None)


def title_key(text: str) -> str:
    """How a contents entry and a title are compared: no white space, punctuation full-width
    (the contents may have `“文明出行，从我做起”` where the body has a half-width comma)."""
    return compact(text).translate(FULL_WIDTH_KEY)


def reads_as_title(text: str) -> bool:
    """Short, without sentence punctuation outside quotation marks (启动“文明出行，从我做起”活动
    is a title)."""
    text = compact(text)
    return 0 < len(text) <= TITLE_MAX_CHARS and not TITLE_PUNCTUATION_RE.search(
        PROTECTED_RE.sub("", text)
    )


def entry_text(text: str) -> str:
    """A contents line without its bullet and its page reference (`…… 3`)."""
    return PAGE_REFERENCE_RE.sub("", BULLET_RE.sub("", text, count=1)).strip()


def written_as_entry(text: str) -> bool:
    """A bullet or a page reference: how contents lines are told from text."""
    return bool(BULLET_RE.match(text) or PAGE_REFERENCE_RE.search(text))


def line_openings(lines: list[SourceLine]) -> dict[str, int]:
    """Text of 1..TITLE_MAX_LINES lines joined (as `title_key`) -> the last line it starts on.

    Every line counts, not only those after a blank line: text from pdftotext often has no
    blank lines at all.
    """
    found: dict[str, int] = {}
    for index, line in enumerate(lines):
        for count in range(1, TITLE_MAX_LINES + 1):
            if index + count > len(lines):
                break
            key = title_key("".join(other.text for other in lines[index : index + count]))
            found[key] = max(found.get(key, 0), line.number)
    return found


Entry = tuple[list[SourceLine], str, bool]  # its lines, its text, printed again as it is


def read_contents(lines: list[SourceLine]) -> Contents:
    """Read contents entries from the start of `lines` (the content lines after the masthead)."""
    if not lines:
        return Contents()
    openings = line_openings(lines)

    def printed_later(text: str, line: SourceLine) -> bool:
        # The same text printed again further down: the title above its article.
        return openings.get(title_key(text), 0) > line.number

    def repeated_entry(index: int) -> tuple[str, int] | None:
        """(entry text, lines taken) of an entry at `index` printed again further down."""
        text = entry_text(lines[index].text)
        if printed_later(text, lines[index]):
            return text, 1
        if index + 1 < len(lines):
            joined = text + entry_text(lines[index + 1].text)  # an entry broken over two lines
            if printed_later(joined, lines[index]):
                return joined, 2
        return None

    entries: list[Entry] = []
    others: list[SourceLine] = []  # lines since the last entry printed again
    index = 1 if CONTENTS_LABEL_RE.match(compact(lines[0].text)) else 0
    stop = index  # lines[:stop] are the contents
    body_start = None  # the line of the first title printed again: the contents end before it
    while index < len(lines):
        line = lines[index]
        if body_start is not None and line.number >= body_start:
            break
        if SECTION_RE.match(compact(entry_text(line.text))):
            if others:
                break  # a column after the contents: the body has begun
            index = stop = index + 1  # a column name; printed again in the body
            continue
        found = repeated_entry(index)
        if found is None:
            if len(others) == MAX_DIFFERING_LINES:
                break
            others.append(line)
            index += 1
            continue
        if others:
            if not _gap_is_entries(others):
                break
            entries += _differing_entries(others)
            others = []
        text, taken = found
        entries.append((lines[index : index + taken], text, True))
        if body_start is None:
            body_start = openings[title_key(text)]
        index = stop = index + taken
    if not entries:
        return Contents()
    following = lines[stop + len(others)] if stop + len(others) < len(lines) else None
    trailing = _trailing_entries(others, following, entries, openings)
    stop += len(trailing)
    entries += _differing_entries(trailing)
    return _contents(entries, lines[:stop], lines, openings)


def _gap_is_entries(others: list[SourceLine]) -> bool:
    """Lines between two entries printed again are entries worded differently when each is
    written as an entry (bullet, page reference) or reads as a title: not a paragraph."""
    return all(
        written_as_entry(line.text) or reads_as_title(entry_text(line.text)) for line in others
    )


def _trailing_entries(others, following, entries, openings) -> list[SourceLine]:
    """Those of `others` (lines after the last entry printed again) that are entries too:
    written as the entries are, or, in contents of bare lines, followed at once by the first
    entry's title."""
    written = all(written_as_entry(entry_lines[0].text) for entry_lines, _, _ in entries)
    first_title_line = openings.get(title_key(entries[0][1]), 0) if entries[0][2] else None
    for count in range(len(others), 0, -1):
        after = others[count] if count < len(others) else following
        if written and all(written_as_entry(line.text) for line in others[:count]):
            return others[:count]
        if after is not None and after.number == first_title_line:
            return others[:count]
    return []


def _differing_entries(others: list[SourceLine]) -> list[Entry]:
    """Entries of lines not printed again: one a line, but a bulleted entry broken over two
    lines is one."""
    if (
        len(others) == 2
        and BULLET_RE.match(others[0].text)
        and not written_as_entry(others[1].text)
    ):
        return [(others, entry_text(others[0].text) + entry_text(others[1].text), False)]
    return [([line], entry_text(line.text), False) for line in others]


def _contents(entries: list[Entry], taken: list[SourceLine], lines, openings) -> Contents:
    """The contents of `entries`: a differing entry's title is looked for between the titles
    of its neighbours."""
    contents = Contents(lines=taken)
    end = taken[-1].number
    printed_at = [openings[title_key(text)] if again else None for _, text, again in entries]
    for position, (entry_lines, text, again) in enumerate(entries):
        if again:
            contents.titles.append(text)
            continue
        after = max([end] + [number for number in printed_at[:position] if number is not None])
        before = next((number for number in printed_at[position + 1 :] if number), None)
        found = _printed_like(text, lines, after, before)
        contents.differing.append(DifferingEntry(entry_lines[0], text, found and found[0]))
        if found:
            contents.titles.append(found[0])
            printed_at[position] = found[1]
            part = title_key(found[0])
            if title_key(text).startswith(part):
                contents.broken[part] = text
    return contents


def _printed_like(entry: str, lines: list[SourceLine], after: int, before: int | None):
    """(text, line) of the title-like text of 1..TITLE_MAX_LINES lines most like `entry`,
    printed after line `after` and before line `before`; None when nothing is alike enough."""
    key = title_key(entry)
    region = [
        line for line in lines if line.number > after and (before is None or line.number < before)
    ]
    best, best_ratio = None, SIMILAR_TITLE_RATIO
    for index, first in enumerate(region):
        for count in range(1, TITLE_MAX_LINES + 1):
            if index + count > len(region):
                break
            text = "".join(line.text.strip() for line in region[index : index + count])
            if not reads_as_title(text):
                break  # more lines only add to what rules it out
            ratio = difflib.SequenceMatcher(None, key, title_key(text), autojunk=False).ratio()
            if ratio > best_ratio:
                best, best_ratio = (text, first.number), ratio
    return best

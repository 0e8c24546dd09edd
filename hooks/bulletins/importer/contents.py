"""The table of contents after the masthead, if the bulletin has one.

A contents entry is recognised by what follows it: the same title printed again above its
article (compared without white space, since PDF text breaks long titles with spaces). The
contents form of a title is the one kept, as it has no stray spaces. A line printed three
times or more further down is a running head, not an entry.

An entry worded otherwise than its title (`市卫健委…` in the contents, `市卫生健康委…` above the
article) is not printed again. It is still an entry when it stands between two entries that
are, unless it ends a sentence; after the last entry printed again, when it reads as a title
and is written as the entries are (bullet, page reference), or, in contents of bare lines, when
it stands as close to the entries as they do to each other, its title is found (see
entry_titles.py for how) and holds most of it, and the first article's title comes right
after. Stopping the contents at such an entry, as a first version did, read the entries after
it as text and merged every later article into the one before it.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .entry_titles import (
    TITLE_MAX_LINES,
    Candidate,
    assign_titles,
    candidates,
    could_be_title,
    coverage,
    likeness,
    title_key,
)
from .lines import SECTION_RE, SourceLine, compact

CONTENTS_LABEL_RE = re.compile(r"^(?:本期)?(?:目\s*录|要\s*目|导\s*读)[:：]?$")
BULLET_RE = re.compile(r"^(?:[-·•●◆◇■□★☆▪*]|\d{1,2}[.、．])\s*")
# `…… 3` (leaders), the page number after a wide gap of spaces or a tab (`工作  3`), or in
# brackets (`工作（3）`; a title that ends so is still found, as one worded otherwise).
PAGE_REFERENCE_RE = re.compile(
    r"(?:(?:\s*[.…·．]{2,}\s*|[ \u3000]{2,}|\t+)\d{1,3}|\s*[（(]\d{1,3}[）)])$"
)
# A bare line after the last entry printed again may as well be a lead (志愿服务专题): it is an
# entry only if its title holds this much of it, in order (`coverage`: 市司法局召开动员会 in
# 市司法局召开文明建设及创城工作动员会: 1.0; 志愿服务专题 in a sub-heading 志愿服务在行动: 0.67).
BARE_ENTRY_COVERAGE = 0.8
# Up to this many lines between two entries printed again may be entries worded otherwise (any
# number if they are bulleted or have page references).
MAX_DIFFERING_LINES = 3


@dataclass(frozen=True)
class DifferingEntry:
    """A contents entry not printed the same above its article."""

    line: SourceLine  # its (first) line in the contents
    last_line: int  # the number of its last line (an entry may be broken over two)
    entry: str  # as the contents word it
    title: str | None  # as printed above the article; None: no title like it was found
    first: bool  # the contents' first entry: no article comes before its own


@dataclass
class Contents:
    titles: list[str] = field(default_factory=list)  # in order; as printed if worded otherwise
    lines: list[SourceLine] = field(default_factory=list)  # the lines the contents took
    differing: list[DifferingEntry] = field(default_factory=list)

    def title_for(self, text: str) -> str | None:
        """The contents form of a body line (or lines joined) that repeats a contents entry."""
        key = title_key(text)
        return next((title for title in self.titles if title_key(title) == key), None)


def entry_text(text: str) -> str:
    """A contents line without its bullet and its page reference (`…… 3`)."""
    return PAGE_REFERENCE_RE.sub("", BULLET_RE.sub("", text, count=1)).strip()


def written_as_entry(text: str) -> bool:
    """A bullet or a page reference: how contents lines are told from text."""
    return bool(BULLET_RE.match(text) or PAGE_REFERENCE_RE.search(text))


class Printed:
    """Where each text of 1..TITLE_MAX_LINES lines joined starts (by `title_key`): every line
    counts, not only those after a blank line, as text from pdftotext often has none."""

    def __init__(self, lines: list[SourceLine]) -> None:
        self._starts: dict[str, list[int]] = defaultdict(list)  # ascending line numbers
        self._lines: dict[str, list[int]] = defaultdict(list)  # the same, of single lines
        for index, line in enumerate(lines):
            self._lines[title_key(line.text)].append(line.number)
            for count in range(1, min(TITLE_MAX_LINES, len(lines) - index) + 1):
                key = title_key("".join(other.text for other in lines[index : index + count]))
                self._starts[key].append(line.number)

    def first_after(self, text: str, number: int) -> int | None:
        """The first line after line `number` where `text` starts."""
        return next((n for n in self._starts.get(title_key(text), ()) if n > number), None)

    def opens_pages(self, text: str, page_tops: frozenset[int]) -> bool:
        """Every single line reading `text` opens a page."""
        return all(n in page_tops for n in self._lines.get(title_key(text), ()))

    def lines_after(self, text: str, number: int) -> int:
        """How many single lines after line `number` read `text`."""
        return sum(n > number for n in self._lines.get(title_key(text), ()))


@dataclass(frozen=True)
class Entry:
    lines: list[SourceLine]
    text: str
    printed: bool  # printed again as it is, above its article


def read_contents(lines: list[SourceLine], page_tops: frozenset[int] = frozenset()) -> Contents:
    """Read contents entries from the start of `lines` (the content lines after the masthead).
    `page_tops`: numbers of the lines that open a page (after a page number left out)."""
    if not lines:
        return Contents()
    printed = Printed(lines)

    def repeated_entry(index: int) -> tuple[str, int, int] | None:
        """(entry text, lines taken, line of its title) of an entry at `index` printed again
        further down."""
        line = lines[index]
        # A title may itself end like a page reference: 学雷锋志愿服务系列活动（2）.
        for text in dict.fromkeys([BULLET_RE.sub("", line.text, 1), entry_text(line.text)]):
            if (title_line := printed.first_after(text, line.number)) is not None:
                if printed.lines_after(text, line.number) > 2 or (
                    line.number in page_tops and printed.opens_pages(text, page_tops)
                ):
                    return None  # printed on every page, or atop each: a running head
                return text, 1, title_line
        text = entry_text(line.text)
        if index + 1 < len(lines):
            joined = text + entry_text(lines[index + 1].text)  # an entry broken over two lines
            if (title_line := printed.first_after(joined, line.number)) is not None:
                return joined, 2, title_line
        return None

    entries: list[Entry] = []
    others: list[int] = []  # indices of the lines since the last entry printed again
    index = 1 if CONTENTS_LABEL_RE.match(compact(lines[0].text)) else 0
    stop = index  # lines[:stop] are the contents
    body_start = None  # the first entry's title: the contents end before it
    while index < len(lines):
        line = lines[index]
        if body_start is not None and line.number >= body_start:
            break
        if SECTION_RE.match(compact(entry_text(line.text))):  # a column; printed again later
            index += 1
            stop = stop if others else index
            continue
        found = repeated_entry(index)
        if found is None:
            written_run = written_as_entry(line.text) and all(
                written_as_entry(lines[i].text) for i in others
            )
            if len(others) >= MAX_DIFFERING_LINES and not written_run:
                break
            others.append(index)
            index += 1
            continue
        if others:
            if not all(could_be_title(entry_text(lines[i].text)) for i in others):
                break
            entries += _differing_entries([lines[i] for i in others])
            others = []
        text, taken, title_line = found
        entries.append(Entry(lines[index : index + taken], text, True))
        body_start = body_start or title_line
        index = stop = index + taken
    if not entries or not (entries[0].printed or _titles_apart(entries, lines, printed)):
        return Contents()  # lines worded otherwise first: entries printed again must follow
    trailing = _trailing_entries(entries, [*others, index], lines, printed, body_start)
    if trailing is not None:
        return trailing
    return _contents(entries, lines[:stop], lines, printed)


def _titles_apart(entries: list[Entry], lines: list[SourceLine], printed: Printed) -> bool:
    """At least two entries printed again, their titles in order with text between them: the
    same sub-headings opening two articles (一、主要做法 / （一）…) are printed together."""
    index_of = {line.number: index for index, line in enumerate(lines)}
    titles = [
        index_of[printed.first_after(entry.text, entry.lines[-1].number)]
        for entry in entries
        if entry.printed
    ]
    return len(titles) >= 2 and all(b - a >= 2 for a, b in itertools.pairwise(titles))


def _trailing_entries(entries, others, lines, printed, body_start) -> Contents | None:
    """The contents with as many of the lines after the last entry printed again (indices
    `others`, then the index of the line after them) as are entries too; None if none is.
    Running heads and what follows them are never entries. Bulleted or numbered lines are
    entries by their form (those at the end whose titles are not found keep their text). Bare
    lines are entries when they stand as close to the entries as these do to each other, the
    first article's title follows them, and each one's title is found and holds most of it."""
    written = all(written_as_entry(entry.lines[0].text) for entry in entries)
    if not written and entries[0].printed and others[-1] < len(lines):
        if lines[others[-1]].number != body_start:
            return None  # the lines run on past the first title: text, not entries
    repeated = next(
        (
            k
            for k, i in enumerate(others[:-1])
            if printed.lines_after(lines[i].text, lines[i].number)
        ),
        None,
    )
    if repeated is not None:
        others = others[: repeated + 1]  # from a line printed again (a running head) on: text
    if not written:  # bare lines further from the entries than they are from each other: text
        spacing = max(
            (b.lines[0].number - a.lines[-1].number for a, b in itertools.pairwise(entries)),
            default=1,
        )
        previous = entries[-1].lines[-1].number
        for k, i in enumerate(others[:-1]):
            if SECTION_RE.match(compact(lines[i - 1].text)):
                previous = lines[i - 1].number  # a column's name between entries
            if lines[i].number - previous > spacing:
                others = others[: k + 1]
                break
            previous = lines[i].number
    for count in range(len(others) - 1, 0, -1):
        trailing = [lines[i] for i in others[:count]]
        if not all(could_be_title(entry_text(line.text)) for line in trailing):
            continue
        if written and not all(written_as_entry(line.text) for line in trailing):
            continue
        contents = _contents(
            entries + _differing_entries(trailing), lines[: others[count - 1] + 1], lines, printed
        )
        found = {
            number
            for differing in contents.differing
            if differing.title
            and (written or coverage(differing.entry, differing.title) >= BARE_ENTRY_COVERAGE)
            for number in range(differing.line.number, differing.last_line + 1)
        }
        if all(line.number in found for line in trailing):
            return contents
        if written:  # entries by their form; those at the end whose titles are not found stay
            # text too (reported as errors all the same): a numbered lead can look like them
            kept = count
            while kept and trailing[kept - 1].number not in found:
                kept -= 1
            contents.lines = lines[: others[kept - 1] + 1] if kept else lines[: others[0]]
            return contents
    return None  # bare lines are entries only if their titles are printed


def _differing_entries(others: list[SourceLine]) -> list[Entry]:
    """Entries of lines not printed again: one a line, but a bulleted entry broken onto the next
    line is one."""
    if (
        len(others) == 2
        and BULLET_RE.match(others[0].text)
        and not written_as_entry(others[1].text)
        and others[1].number == others[0].number + 1
    ):
        return [Entry(others, entry_text(others[0].text) + entry_text(others[1].text), False)]
    return [Entry([line], entry_text(line.text), False) for line in others]


def _contents(entries: list[Entry], taken: list[SourceLine], lines, printed: Printed) -> Contents:
    """The contents of `entries`. The titles of differing entries are looked for run by run,
    between the titles of the entries printed again around the run."""
    contents = Contents(lines=taken)
    end = taken[-1].number
    body = [line for line in lines if line.number > end]
    counts = Counter(title_key(line.text) for line in body)
    searched = [line for line in body if counts[title_key(line.text)] == 1]  # no running heads
    position = 0
    while position < len(entries):
        if entries[position].printed:
            contents.titles.append(entries[position].text)
            position += 1
            continue
        run_end = next(
            (i for i in range(position, len(entries)) if entries[i].printed), len(entries)
        )
        after = printed.first_after(entries[position - 1].text, end) if position else end
        before = printed.first_after(entries[run_end].text, end) if run_end < len(entries) else None
        region = [
            line
            for line in searched
            if line.number > after and (before is None or line.number < before)
        ]
        for entry, found in _assign_run(entries[position:run_end], candidates(region)):
            _add_differing(contents, entry, found, first=entry.lines[0] is entries[0].lines[0])
        position = run_end
    return contents


def _assign_run(run: list[Entry], found: list[Candidate]) -> list[tuple[Entry, Candidate | None]]:
    """Titles for a run of differing entries. Two adjacent lines may be one entry broken over
    them: whichever reading gives the titles more alike is taken."""
    readings = [run] + [
        [*run[:i], Entry(run[i].lines + run[i + 1].lines, run[i].text + run[i + 1].text, False)]
        + run[i + 2 :]
        for i in range(len(run) - 1)
        if len(run[i].lines) == len(run[i + 1].lines) == 1
        and run[i + 1].lines[0].number == run[i].lines[0].number + 1
        and not PAGE_REFERENCE_RE.search(run[i].lines[0].text)  # it would end the entry
        and not BULLET_RE.match(run[i + 1].lines[0].text)  # it would start one
    ]
    scored = []
    for reading in readings:
        score, titles = assign_titles([entry.text for entry in reading], found)
        assigned = list(zip(reading, titles, strict=True))
        if reading is run or all(_joined_fits(entry, title) for entry, title in assigned):
            scored.append((score, assigned))
    return max(scored, key=lambda item: item[0])[1]  # the first of equals: lines read apart


def _joined_fits(entry: Entry, title: Candidate | None) -> bool:
    """Two lines read as one entry fit its title better than the first line alone: the last
    entry and the first article's title printed right under it are not one entry."""
    if len(entry.lines) == 1 or title is None:
        return True
    return likeness(entry.text, title.text) > likeness(entry_text(entry.lines[0].text), title.text)


def _add_differing(contents: Contents, entry: Entry, found: Candidate | None, first: bool):
    contents.differing.append(
        DifferingEntry(
            entry.lines[0], entry.lines[-1].number, entry.text, found.text if found else None, first
        )
    )
    if found is not None:
        contents.titles.append(found.text)

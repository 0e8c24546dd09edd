"""The table of contents after the masthead, if the bulletin has one.

A contents entry is recognised by what follows it: the same title printed again above its
article (compared without white space, since PDF text breaks long titles with spaces). The
contents form of a title is the one kept, as it has no stray spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import SECTION_RE, SourceLine, compact

CONTENTS_LABEL_RE = re.compile(r"^(?:本期)?(?:目\s*录|要\s*目|导\s*读)[:：]?$")
BULLET_RE = re.compile(r"^(?:[-·•●◆◇■□★☆▪*]|\d{1,2}[.、．])\s*")
# `…… 3` (leaders), or the page number after a wide gap of spaces or a tab (`工作  3`).
PAGE_REFERENCE_RE = re.compile(r"(?:\s*[.…·．]{2,}\s*|[ \u3000]{2,}|\t+)\d{1,3}$")
FULL_WIDTH_KEY = str.maketrans(",;:?!()", "，；：？！（）")
TITLE_MAX_LINES = 3  # a title printed again in the body may be broken over this many lines


@dataclass
class Contents:
    titles: list[str] = field(default_factory=list)  # in order, contents form
    lines: list[SourceLine] = field(default_factory=list)  # the lines the contents took

    def title_for(self, text: str) -> str | None:
        """The contents form of a body line (or lines joined) that repeats a contents entry."""
        key = title_key(text)
        return next((title for title in self.titles if title_key(title) == key), None)


def title_key(text: str) -> str:
    """How a contents entry and a title are compared: no white space, punctuation full-width
    (the contents may have `“文明出行，从我做起”` where the body has a half-width comma)."""
    return compact(text).translate(FULL_WIDTH_KEY)


def entry_text(text: str) -> str:
    """A contents line without its bullet and its page reference (`…… 3`)."""
    return PAGE_REFERENCE_RE.sub("", BULLET_RE.sub("", text, count=1)).strip()


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


def read_contents(lines: list[SourceLine]) -> Contents:
    """Read contents entries from the start of `lines` (the content lines after the masthead)."""
    contents = Contents()
    if not lines:
        return contents
    index = 0
    if CONTENTS_LABEL_RE.match(compact(lines[0].text)):
        contents.lines.append(lines[0])
        index = 1
    openings = line_openings(lines)

    def printed_later(text: str, line: SourceLine) -> bool:
        # The same text printed again further down: the title above its article.
        return openings.get(title_key(text), 0) > line.number

    while index < len(lines):
        line = lines[index]
        text = entry_text(line.text)
        if SECTION_RE.match(compact(text)):  # a column name; printed again in the body
            contents.lines.append(line)
            index += 1
            continue
        if printed_later(text, line):
            taken = 1
        elif index + 1 < len(lines) and printed_later(
            text + entry_text(lines[index + 1].text), line
        ):
            text = text + entry_text(lines[index + 1].text)  # an entry broken over two lines
            taken = 2
        else:
            break
        contents.titles.append(text)
        contents.lines += lines[index : index + taken]
        index += taken
    if not contents.titles:
        return Contents()
    return contents

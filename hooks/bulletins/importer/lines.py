"""Numbered lines of the input, and the lines that are print layout rather than content.

PDF text carries the page furniture along: page numbers (`- 3 -`, `第 3 页`), rules drawn as
dashes, and running heads repeated at the top of every page. They are dropped here, each with
its reason, so that a test can check that nothing else was lost.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—–－·\s]*\d{1,3}[-—–－·\s]*"
    r"|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3})$"
)
SEPARATOR_RE = re.compile(r"^[-—–－─━═_=＝~～*＊·•．.\s]{3,}$")
SPACE_RE = re.compile(r"\s+")
INDENT_RE = re.compile(r"^(?:\u3000|\t| {2})")
SENTENCE_PUNCTUATION_RE = re.compile(r"[，。；！？,;!?]")
SECTION_RE = re.compile(r"^【(?P<name>[^【】]+)】$")
# Text set in columns (a table row: a Word table's cells, or a PDF table copied out) has wide
# gaps inside the line; a title has none (letter-spaced mastheads use single spaces).
COLUMN_GAP_RE = re.compile(r"\S(?:\u3000{2,}|[ \u3000]{3,}|\t)\S")
RUNNING_HEAD_MAX_CHARS = 40

PAGE_NUMBER = "page number"
SEPARATOR = "separator"
RUNNING_HEAD = "running head"


@dataclass(frozen=True)
class SourceLine:
    number: int  # 1-based line in the input text
    text: str  # without the line break and without surrounding spaces
    indented: bool = False  # began with two spaces, a full-width space or a tab: a new paragraph

    @property
    def compact(self) -> str:
        return compact(self.text)


@dataclass(frozen=True)
class DroppedLine:
    number: int
    text: str
    reason: str  # PAGE_NUMBER, SEPARATOR, RUNNING_HEAD, or a header/contents reason


def compact(text: str) -> str:
    """The text without any white space: how titles and repeated lines are compared."""
    return SPACE_RE.sub("", text)


def split_lines(text: str) -> list[SourceLine]:
    """Every line of the text, numbered from 1, stripped (form feeds count as line breaks)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return [
        SourceLine(index, line.strip(), bool(INDENT_RE.match(line)) and bool(line.strip()))
        for index, line in enumerate(text.split("\n"), 1)
    ]


def layout_reason(line: SourceLine) -> str | None:
    """PAGE_NUMBER or SEPARATOR for a line that is page layout; None for content or blank."""
    if not line.text:
        return None
    if PAGE_NUMBER_RE.match(line.text):
        return PAGE_NUMBER
    if SEPARATOR_RE.match(line.text):
        return SEPARATOR
    return None


def running_heads(lines: list[SourceLine], keep: set[str]) -> set[str]:
    """Compact texts of short lines printed more than once: the heads at the top of each page.

    `keep` holds compact texts that may repeat legitimately (contents entries, which are
    printed again as titles). Column names in 【】 repeat too and are never running heads.
    """
    counts = Counter(line.compact for line in lines if line.text)
    return {
        text
        for text, count in counts.items()
        if count > 1
        and len(text) <= RUNNING_HEAD_MAX_CHARS
        and text not in keep
        and not SECTION_RE.match(text)
        and not SENTENCE_PUNCTUATION_RE.search(text)
    }


# A paragraph (or a line ending a paragraph) ends with one of these, possibly followed by
# closing quotes or brackets; anything else means the sentence goes on after the break. A
# half-width full stop counts too (it is made 。 later), except after a Latin letter ("e.g.").
PARAGRAPH_END_RE = re.compile(r"(?:[。！？!?；;：:…]|(?<![A-Za-z])\.)[”’」』）)》\"']*$")


def ends_paragraph(text: str) -> bool:
    return bool(PARAGRAPH_END_RE.search(text))


# Stricter: a sentence's full end (not a colon or semicolon, after which a list may follow),
# or a date ending a line, the end of a signature (市城管局办公室 / 2021年5月5日). A title found
# by layout comes only after one.
FULL_END_RE = re.compile(r"[。！？!?][”’」』）)》\"']*$|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


def ends_fully(text: str) -> bool:
    return bool(FULL_END_RE.search(text))

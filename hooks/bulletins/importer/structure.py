"""The body between the contents and the footer: article titles, 【】 columns and paragraphs.

PDF text breaks paragraphs in two ways: hard line breaks inside a paragraph (lines of the
page's width), and page breaks, which leave a blank line (and a page number, now dropped) in
the middle of a sentence. Lines are joined into paragraphs first; then a paragraph that stops
without closing punctuation is joined with the next one, unless a title or column comes between
or it is a short title-like line (a sub-heading, byline or subtitle).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass

from .contents import Contents
from .entry_titles import TITLE_MAX_CHARS, TITLE_MAX_LINES
from .lines import COLUMN_GAP_RE, SECTION_RE, SourceLine, compact, ends_fully, ends_paragraph
from .punctuation import PROTECTED_RE

TITLE = "title"
SECTION = "section"  # a column such as 【创城动态】 grouping the articles after it
PARAGRAPH = "paragraph"

TITLE_PUNCTUATION_RE = re.compile(r"[，。；！？,;!?]")
# A subtitle (——记…) or a byline wholly in brackets ((高新区创城办 张伟)) under a title.
SUBTITLE_OR_BYLINE_RE = re.compile(r"^(?:[—－-]{2}|[（(][^（()）]*[）)]$)")
UNWRAPPED_LINE_CHARS = 80  # no page is this wide: such lines are whole paragraphs
HEADING_LINE_RATIO = 0.6  # a title-like line this much shorter than the widest is a heading
SHORT_LINE_RATIO = 0.9  # a line this much shorter than the block's widest ends its paragraph
ASCII_WORD_END_RE = re.compile(r"[A-Za-z0-9]$")
ASCII_WORD_START_RE = re.compile(r"^[A-Za-z0-9]")


@dataclass
class Element:
    kind: str  # TITLE, SECTION or PARAGRAPH
    text: str
    line: int  # 1-based input line where it starts
    indented: bool = False  # its first line was indented
    after_page_break: bool = False  # a dropped page number or running head comes just before


def join_text(first: str, second: str) -> str:
    """Join two pieces of one paragraph: Chinese runs on, Latin words keep a space."""
    if ASCII_WORD_END_RE.search(first) and ASCII_WORD_START_RE.match(second):
        return f"{first} {second}"
    return first + second


def split_paragraphs(lines: list[SourceLine]) -> list[Element]:
    """Paragraphs of one block of consecutive lines (hard line breaks joined)."""
    width = max(len(line.text) for line in lines)
    paragraphs: list[Element] = []
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else None
        previous_short = previous is not None and len(previous.text) < SHORT_LINE_RATIO * width
        starts_new = (
            previous is None
            or line.indented
            or (ends_paragraph(previous.text) and (width > UNWRAPPED_LINE_CHARS or previous_short))
            # A short line without sentence punctuation (a list item, a signature) is a
            # paragraph's last line, not a wrapped one: in wrapped text only the last is short.
            # (Not after Latin text: "参见 e.g." goes on.)
            or (
                previous_short
                and reads_as_title(previous.text)
                and not previous.text[-1:].isascii()
            )
        )
        if starts_new:
            paragraphs.append(Element(PARAGRAPH, line.text, line.number, line.indented))
        else:
            paragraphs[-1].text = join_text(paragraphs[-1].text, line.text)
    return paragraphs


def reads_as_title(text: str) -> bool:
    """Short, without sentence punctuation outside quotation marks (启动“文明出行，从我做起”活动
    is a title)."""
    text = compact(text)
    return 0 < len(text) <= TITLE_MAX_CHARS and not TITLE_PUNCTUATION_RE.search(
        PROTECTED_RE.sub("", text)
    )


def could_stand_as_title(text: str) -> bool:
    """A paragraph that might be a title of its own: short, no sentence punctuation, not set
    in columns, not a subtitle or byline, not a lead-in ending with a colon."""
    return (
        reads_as_title(text)
        and not text.rstrip().endswith(("：", ":"))
        and not COLUMN_GAP_RE.search(text)
        and not SUBTITLE_OR_BYLINE_RE.match(text)
    )


def looks_like_title(lines: list[SourceLine]) -> bool:
    """Layout alone: one or two short lines without sentence punctuation (`一、…` included),
    not set in columns.

    Punctuation inside quotation marks does not count: 启动“文明出行，从我做起”主题活动.
    """
    return (
        len(lines) <= 2
        and not any(COLUMN_GAP_RE.search(line.text) for line in lines)
        and not SUBTITLE_OR_BYLINE_RE.match(lines[0].text)
        and reads_as_title("".join(line.text for line in lines))
    )


def split_at_titles(blocks: list[list[SourceLine]], contents: Contents) -> list[list[SourceLine]]:
    """Start a new block at each line that begins a contents title, blank line or not. A title
    may run on into the next block: broken over a page break, whose page number is dropped."""
    if not contents.titles:
        return blocks
    lines = [line for block in blocks for line in block]
    block_starts = set(itertools.accumulate((len(block) for block in blocks[:-1]), initial=0))
    result: list[list[SourceLine]] = []
    position = 0
    while position < len(lines):
        taken = _title_lines_at(lines, position, contents)
        if taken or position in block_starts:
            result.append([])
        taken = taken or 1
        result[-1] += lines[position : position + taken]
        position += taken
    return result


def _title_lines_at(lines: list[SourceLine], position: int, contents: Contents) -> int:
    """How many lines from `position` make a contents title (the most that do); 0: none."""
    for count in range(min(TITLE_MAX_LINES, len(lines) - position), 0, -1):
        if contents.title_for("".join(line.text for line in lines[position : position + count])):
            return count
    return 0


def read_body(
    blocks: list[list[SourceLine]], contents: Contents, dropped_lines: frozenset[int] = frozenset()
) -> list[Element]:
    """Titles, columns and paragraphs of the body blocks, page-break splits joined.

    `dropped_lines`: numbers of the input lines left out (page numbers, running heads): a block
    right after one starts a new page."""
    elements: list[Element] = []
    previous_end = None
    width = max((len(line.text) for block in blocks for line in block), default=0)
    split = split_at_titles(blocks, contents)
    for block, following in zip(split, [*split[1:], None], strict=False):  # None after the last
        found = _block_elements(
            block, contents, elements[-1] if elements else None, _lists_on(following, width)
        )
        if found and previous_end is not None:
            between = range(previous_end + 1, block[0].number)
            found[0].after_page_break = any(number in dropped_lines for number in between)
        elements += found
        previous_end = block[-1].number
    indents = sum(line.indented for block in blocks for line in block) >= 2
    return join_page_breaks(elements, indents, width)


def _lists_on(block: list[SourceLine] | None, width: int) -> bool:
    """Is `block` one more short title-like line? A title has text under it; short lines in
    a row are a list's items, or a signature and its date."""
    return (
        block is not None
        and len(block) == 1
        and could_stand_as_title(block[0].text)
        and len(block[0].text) < HEADING_LINE_RATIO * width
    )


def _stands_alone(paragraph: Element, width: int) -> bool:
    return reads_as_title(paragraph.text) and len(paragraph.text) < HEADING_LINE_RATIO * width


def _block_elements(
    block: list[SourceLine], contents: Contents, previous: Element | None, list_follows: bool
):
    if len(block) == 1 and SECTION_RE.match(compact(block[0].text)):
        return [Element(SECTION, compact(block[0].text), block[0].number)]
    if contents.titles:
        for count in range(min(TITLE_MAX_LINES, len(block)), 0, -1):
            title = contents.title_for("".join(line.text for line in block[:count]))
            if title is not None:
                rest = block[count:]
                return [Element(TITLE, title, block[0].number)] + (
                    split_paragraphs(rest) if rest else []
                )
    elif looks_like_title(block) and not list_follows and _title_may_follow(previous):
        # The text of a title found by layout keeps its words; PDF line-break spaces go.
        text = " ".join(line.text for line in block)
        return [Element(TITLE, text, block[0].number)]
    elif len(block) >= 2:
        return _split_at_layout_titles(block, previous)
    return split_paragraphs(block)


def _title_may_follow(previous: Element | None) -> bool:
    """After a title, a column or a sentence's full end; not after a colon (a list follows)."""
    return previous is None or previous.kind != PARAGRAPH or ends_fully(previous.text)


def _split_at_layout_titles(block: list[SourceLine], previous: Element | None) -> list[Element]:
    """Titles inside a block of wrapped lines (text with no blank lines, as `pdftotext` writes
    it, and no contents): a short line without sentence punctuation after a sentence's full
    end (not a colon: a list follows one), with a line of text under it that is not short too
    (short lines in a row are a list, or a signature above its date). Each such title was glued
    to the first sentence of its article."""
    width = max(len(line.text) for line in block)

    def short(line: SourceLine) -> bool:
        return len(line.text) < HEADING_LINE_RATIO * width

    elements: list[Element] = []
    start = 0
    for index, line in enumerate(block[:-1]):
        before_ends = ends_fully(block[index - 1].text) if index else _title_may_follow(previous)
        if before_ends and looks_like_title([line]) and short(line) and not short(block[index + 1]):
            elements += split_paragraphs(block[start:index]) if index > start else []
            elements.append(Element(TITLE, line.text, line.number))
            start = index + 1
    return elements + split_paragraphs(block[start:])


def join_page_breaks(
    elements: list[Element], indents: bool = False, width: int = 0
) -> list[Element]:
    """Join each paragraph that stops mid-sentence with the paragraph after it; in text whose
    paragraphs start indented (`indents`), also one that a new page continues without an
    indent, though the page ended at a sentence's end. A short title-like line on its own (a
    sub-heading, byline or subtitle; far shorter than the text's widest line, `width`) stays
    on its own: a page break cuts a sentence at a full line."""
    joined: list[Element] = []
    for element in elements:
        previous = joined[-1] if joined else None
        continues = previous is not None and (
            (not ends_paragraph(previous.text) and not _stands_alone(previous, width))
            or (
                indents
                and element.after_page_break
                and not element.indented
                # A title-like line after a sentence's end starts something (an article the
                # contents do not list): kept apart, it is reported, not hidden in a paragraph.
                and not (ends_paragraph(previous.text) and reads_as_title(element.text))
            )
        )
        if continues and element.kind == PARAGRAPH and previous.kind == PARAGRAPH:
            previous.text = join_text(previous.text, element.text)
        else:
            joined.append(dataclasses.replace(element))  # the caller's elements stay as they were
    return joined

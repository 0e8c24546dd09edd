"""Where the titles of contents entries worded otherwise than their titles are printed.

`市卫健委扎实推进…` in the contents may stand above its article as `市卫生健康委扎实推进…`. Such
entries come in runs between entries printed verbatim, whose titles bound the text searched.
Within a run the titles are assigned together, in order, each to a different title-like text
(one to three lines), so that the most alike pairs win: taking each entry's own best match
let `市司法局召开创城工作动员会` take the title of `市民政局召开创城工作动员会`, the next entry's.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .lines import SECTION_RE, SourceLine, compact, ends_paragraph
from .punctuation import PROTECTED_RE

TITLE_MAX_LINES = 3  # a title printed again in the body may be broken over this many lines
TITLE_MAX_CHARS = 40
FULL_WIDTH_KEY = str.maketrans(",;:?!()", "，；：？！（）")
SENTENCE_END_RE = re.compile(r"[。；！？;!?]")
# 一、 （二） 3． : a numbered sub-heading inside an article, unless the entry is numbered too.
NUMBERED_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])"
)
# How alike an entry and a text must be to be its title (difflib's ratio): 市卫健委扎实推进全国
# 文明城市创建工作 / 市卫生健康委…: 0.92; 市司法局召开动员会 / 市司法局召开文明建设及创城工作
# 动员会: 0.67; two of the seed's titles sharing only 全国文明城市创建工作: 0.62, which the joint
# assignment keeps apart when both entries are in the run.
SIMILAR_TITLE_RATIO = 0.6
UNASSIGNED_COST = 1.0  # an entry left without a title costs this much of the total likeness


def title_key(text: str) -> str:
    """How a contents entry and a title are compared: no white space, punctuation full-width
    (the contents may have `“文明出行，从我做起”` where the body has a half-width comma)."""
    return compact(text).translate(FULL_WIDTH_KEY)


def could_be_title(text: str) -> bool:
    """Short and no sentence ends outside quotation marks: 以创促建，市卫生健康委… may be a
    title (a comma), a line ending a sentence may not."""
    text = compact(text)
    return 0 < len(text) <= TITLE_MAX_CHARS and not SENTENCE_END_RE.search(
        PROTECTED_RE.sub("", text)
    )


def likeness(entry: str, text: str) -> float:
    if NUMBERED_RE.match(compact(text)) and not NUMBERED_RE.match(compact(entry)):
        return 0.0
    return difflib.SequenceMatcher(None, title_key(entry), title_key(text), autojunk=False).ratio()


def coverage(entry: str, text: str) -> float:
    """How much of `entry` `text` holds, in order: an abbreviation (市司法局召开动员会) is held
    whole by its title (市司法局召开文明建设及创城工作动员会), though only 0.67 alike."""
    key = title_key(entry)
    matcher = difflib.SequenceMatcher(None, key, title_key(text), autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(len(key), 1)


@dataclass(frozen=True)
class Candidate:
    text: str  # its lines joined
    line: int  # the number of its first line
    start: int  # its first line's index in the searched lines
    end: int  # one past its last line's index


def candidates(lines: Sequence[SourceLine]) -> list[Candidate]:
    """Every text of 1..TITLE_MAX_LINES consecutive lines that could be a title: it starts a
    paragraph, after a gap (a blank line, a running head or page number left out), a sentence's
    end or a column's name; in wrapped PDF text, a line within a paragraph may look like one."""
    found = []
    for start, first in enumerate(lines):
        previous = lines[start - 1] if start else None
        if not (
            previous is None
            or previous.number + 1 != first.number
            or ends_paragraph(previous.text)
            or SECTION_RE.match(compact(previous.text))
        ):
            continue
        for end in range(start + 1, min(start + TITLE_MAX_LINES, len(lines)) + 1):
            text = "".join(line.text.strip() for line in lines[start:end])
            if not could_be_title(text):
                break  # more lines only add to what rules it out
            found.append(Candidate(text, first.number, start, end))
    return found


def assign_titles(
    entries: Sequence[str], found: Sequence[Candidate]
) -> tuple[float, list[Candidate | None]]:
    """Each entry's title among `found`, in order and without overlap, the total likeness (less
    UNASSIGNED_COST for each entry without one) as high as it can be; and that total."""
    likeness_of = [[likeness(entry, candidate.text) for candidate in found] for entry in entries]

    @functools.cache
    def best(entry: int, first_line: int) -> tuple[float, tuple[int | None, ...]]:
        if entry == len(entries):
            return 0.0, ()
        score, chosen = best(entry + 1, first_line)
        result = (score - UNASSIGNED_COST, (None, *chosen))
        for index, candidate in enumerate(found):
            ratio = likeness_of[entry][index]
            if candidate.start >= first_line and ratio >= SIMILAR_TITLE_RATIO:
                score, chosen = best(entry + 1, candidate.end)
                if score + ratio > result[0]:
                    result = (score + ratio, (index, *chosen))
        return result

    score, chosen = best(0, 0)
    return score, [None if index is None else found[index] for index in chosen]

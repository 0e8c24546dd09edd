"""Half-width punctuation made full-width in Chinese text, only where that is safe.

Safe means: outside quotations and book titles (a quotation is reproduced as written), next
to a Chinese character (so `3,000`, `10:30`, `2021.3.11` and English text are left alone),
and, for brackets, only around text that contains a Chinese character. A space between two
Chinese characters is a PDF line-break artefact and goes.
"""

from __future__ import annotations

import re

CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’"
# Quoted spans, kept exactly: “…” ‘…’ 「…」 『…』 《…》 and ASCII "…".
PROTECTED_RE = re.compile(r"“[^”]*”|‘[^’]*’|「[^」]*」|『[^』]*』|《[^》]*》|\"[^\"\n]*\"")
FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}  # and `.` -> `。`, below
MARK_NEXT_TO_CJK_RE = re.compile(rf"(?<=[{CJK}])\s*([,;:?!])\s*|([,;:?!])\s*(?=[{CJK}])")
DIGIT_COLON_RE = re.compile(r"\d[,:]\d")
BRACKETS_RE = re.compile(r"\(([^()]*)\)")
HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# A full stop typed as `.` after a Chinese character, a closing bracket or a per cent sign
# (（扣分）. 95.6%.), never between digits (2021.3.11, 3.5).
FULL_STOP_RE = re.compile(
    r"(?<=[\u3400-\u4dbf\u4e00-\u9fff）%％])\.(?=[\u3400-\u4dbf\u4e00-\u9fff“‘「『《(（]|$)"
)
# One space (two typed, a tab, an ideographic space) between Chinese characters; a wider gap
# sets columns apart (a table row) and stays.
CJK_CHARACTER = CJK.replace(r"\u3000-", r"\u3001-")
SPACE_BETWEEN_CJK_RE = re.compile(
    rf"(?<=[{CJK_CHARACTER}])(?: {{1,2}}|\t|\u3000)(?=[{CJK_CHARACTER}])"
)


def normalise_punctuation(text: str) -> str:
    """The text with safe half-width to full-width replacements, quotations untouched."""
    text = _full_width_brackets(text)
    pieces = []
    position = 0
    for match in PROTECTED_RE.finditer(text):
        pieces.append(_normalise_plain(text[position : match.start()]))
        pieces.append(match[0])
        position = match.end()
    pieces.append(_normalise_plain(text[position:]))
    return "".join(pieces)


def _normalise_plain(text: str) -> str:
    text = SPACE_BETWEEN_CJK_RE.sub("", text)
    text = FULL_STOP_RE.sub("。", text)

    def replace(match: re.Match) -> str:
        mark = match[1] or match[2]
        around = text[max(match.start() - 1, 0) : match.end() + 1]
        if DIGIT_COLON_RE.search(around.replace(" ", "")):
            return match[0]  # 3,000 or 10:30
        return FULL_WIDTH[mark]

    return MARK_NEXT_TO_CJK_RE.sub(replace, text)


def _full_width_brackets(text: str) -> str:
    """Brackets around Chinese text made full-width, a quotation or book title inside them
    included (`(依据《条例》)`); brackets inside a quotation stay as written."""
    quoted = [match.span() for match in PROTECTED_RE.finditer(text)]

    def outside_quotes(position: int) -> bool:
        return not any(start <= position < end for start, end in quoted)

    def replace(match: re.Match) -> str:
        inner = match[1]
        if (
            HAN_RE.search(inner)
            and outside_quotes(match.start())
            and outside_quotes(match.end() - 1)
        ):
            return f"（{inner}）"
        return match[0]

    return BRACKETS_RE.sub(replace, text)

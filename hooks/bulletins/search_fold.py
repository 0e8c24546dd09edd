"""Character folding shared by the search index and the browser: one table, one char to one char.

Folding maps each character to exactly one character, so a position in the folded text is a
position in the original text (snippets highlight the original). The table is generated here
from Unicode NFKC (full-width/half-width and compatibility forms), OpenCC's traditional to
simplified character table (opencc-python-reimplemented ships it as text), and lower case; the
build writes the same table into the site for the browser's query folding.
"""

from __future__ import annotations

import functools
import sys
import unicodedata
from pathlib import Path

import numpy as np
import opencc

# OpenCC's t2s configuration uses TSPhrases + TSCharacters; phrases change length, so only the
# character table is used. Where OpenCC lists several simplified forms, the first is its default.
TS_CHARACTERS = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
# The blocks Chinese bulletins are written in. The table ships with every search, so the
# compatibility forms of other scripts (Arabic, Hangul, Greek, ...) are left out, on both sides.
FOLDED_BLOCKS = (
    (0x0020, 0x00FF),  # ASCII and Latin-1 (upper case, no-break space, superscripts)
    (0x2000, 0x206F),  # general punctuation
    (0x2150, 0x218F),  # number forms (Ⅻ)
    (0x2E80, 0x2FDF),  # CJK and Kangxi radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation (ideographic space)
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs (traditional to simplified)
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE6F),  # CJK compatibility forms, small form variants
    (0xFF00, 0xFFEF),  # half-width and full-width forms
)


def _traditional_to_simplified() -> dict[str, str]:
    table = {}
    for line in TS_CHARACTERS.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0] if targets else ""
        if len(source) == 1 and len(target) == 1 and source != target:
            table[source] = target
    return table


# Chinese quotation marks and the straight ones typed on a phone's keyboard are one (a query
# "八个要" found nothing in text that has “八个要”).
QUOTES = {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"}


def _single_char_fold(char: str, simplified: dict[str, str]) -> str:
    folded = unicodedata.normalize("NFKC", char).lower()
    if len(folded) != 1:
        folded = char.lower() if len(char.lower()) == 1 else char
    folded = QUOTES.get(folded, folded)
    return simplified.get(folded, folded)


@functools.cache
def fold_table() -> dict[str, str]:
    """{character: folded character} for every character of FOLDED_BLOCKS that folding changes."""
    simplified = _traditional_to_simplified()
    table = {}
    for code in (c for first, last in FOLDED_BLOCKS for c in range(first, last + 1)):
        char = chr(code)
        folded = _single_char_fold(char, simplified)
        # Chains (a compatibility form of a traditional character) fold to their end.
        for _ in range(3):
            again = _single_char_fold(folded, simplified)
            if again == folded:
                break
            folded = again
        # The browser folds UTF-16 code units: a target outside the BMP would not fit one.
        if folded != char and ord(folded) < 0x10000:
            table[char] = folded
    return dict(sorted(table.items()))


@functools.cache
def _translation() -> dict[int, str]:
    return {ord(source): target for source, target in fold_table().items()}


def fold(text: str) -> str:
    """The text as the index sees it; same length as `text`."""
    return text.translate(_translation())


@functools.cache
def _code_table() -> np.ndarray:
    table = np.arange(0x10000, dtype=np.uint32)
    for source, target in fold_table().items():
        table[ord(source)] = ord(target)
    return table


def fold_code_points(code_points: np.ndarray) -> np.ndarray:
    """`fold` over an array of code points (uint32): the index folds its whole text at once."""
    table = _code_table()
    in_table = code_points < len(table)  # every character folding changes is in the BMP
    return np.where(in_table, table[np.where(in_table, code_points, 0)], code_points)


if __name__ == "__main__":  # a quick look: python hooks/bulletins/search_fold.py 東昌府區（ＡＢＣ）
    print(fold(" ".join(sys.argv[1:])))

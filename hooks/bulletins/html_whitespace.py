"""Drop the indentation that Jinja templates leave in every page.

Material's templates and ours indent their markup for people reading the templates; in the
output that is about a sixth of each bulletin page. A line break followed by whitespace becomes
one line break: HTML renders it the same (one space), except inside elements that keep
whitespace, which are left as they are. (Spaces before a line break stay: matching them too made
the pattern four times slower on a large listing page.)
"""

from __future__ import annotations

import re

# Elements whose content must keep its whitespace: preformatted text, form text, code. The
# pattern splits a page into text to collapse, each kept element and its name (so parts[::3]
# are to collapse); the
# lookahead lets the regex engine skip most `<` quickly (a quarter less time than a plain
# case-insensitive alternation and a finditer loop).
KEEP_SPLIT_RE = re.compile(
    r"(<(?=[pPsStT])((?i:pre|textarea|script|style))\b.*?</(?i:\2)\s*>)",
    re.DOTALL,
)
INDENTED_BREAK_RE = re.compile(r"\n\s+")


def collapse_indentation(html: str) -> str:
    """`html` with every line break and the whitespace after it reduced to one '\\n'."""
    parts = KEEP_SPLIT_RE.split(html)
    parts[::3] = [INDENTED_BREAK_RE.sub("\n", part) for part in parts[::3]]
    del parts[2::3]  # the element names
    return "".join(parts)

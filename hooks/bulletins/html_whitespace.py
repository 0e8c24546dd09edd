"""Drop the indentation that Jinja templates leave in every page.

Material's templates and ours indent their markup for people reading the templates; in the
output that is about a sixth of each bulletin page. A line break followed by whitespace becomes
one line break: HTML renders it the same (one space), except inside elements that keep
whitespace, which are left as they are. (Spaces before a line break stay: matching them too made
the pattern four times slower on a large listing page.)
"""

from __future__ import annotations

import re

# Elements whose content must keep its whitespace: preformatted text, form text, code.
KEEP_RE = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
INDENTED_BREAK_RE = re.compile(r"\n\s+")


def collapse_indentation(html: str) -> str:
    """`html` with every line break and the whitespace after it reduced to one '\\n'."""
    output = []
    position = 0
    for kept in KEEP_RE.finditer(html):
        output.append(INDENTED_BREAK_RE.sub("\n", html[position : kept.start()]))
        output.append(kept.group(0))
        position = kept.end()
    output.append(INDENTED_BREAK_RE.sub("\n", html[position:]))
    return "".join(output)

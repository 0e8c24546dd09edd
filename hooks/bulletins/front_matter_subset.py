"""Read front matter written in the scripts' layout without PyYAML's node tree.

Composing the node tree was two thirds of parsing a bulletin: at 5,000 issues, a second of
the hooks' three. The scripts (`new_bulletin.py`, `import_bulletin.py`) and most editors
write one layout, a small part of YAML:

    key: value
    key: [item, item]
    key:
      - key: value
        key: [item, item]
      - item

Such text is read here line by line, to the values `frontmatter._to_python` makes of PyYAML's
tree: the same `Scalar`s, typed by the same resolver and constructors (`yaml_scalars`), with
the same lines. Anything else (quotes with escapes, comments, empty values, `: ` or `#` in a
value, tabs, a value continued on the next line, repeated keys, …) returns None, and PyYAML
reads the text: its messages are the ones editors see. `tests/test_front_matter_subset.py`
holds the two readers to the same values over real bulletins, the corpus and mutated text.
"""

from __future__ import annotations

import re

from .yaml_scalars import Scalar, plain_scalar

# indent, then `key:` with an optional value, or a list item (`- ` then a `key:` or a value).
LINE_RE = re.compile(
    r"(?P<indent> *)(?P<dash>- +)?"
    r"(?:(?P<key>[A-Za-z_][A-Za-z0-9_]{0,1023}):(?: +(?P<value>.+))?|(?P<item>.+))\Z"
)  # libyaml takes a key of at most 1,024 characters
# Anything but what YAML reads as printable text: tabs, CR and the other line breaks, BOMs,
# control characters. PyYAML decides about those.
UNSUPPORTED_CHARACTER_RE = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
# A plain value: not opening with a YAML indicator, no `:` or `#` anywhere (conservative: YAML
# minds only `: ` and ` #`).
PLAIN_VALUE_RE = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#]*\Z")
# In a flow list [a, b] every indicator ends or changes an item.
FLOW_UNSUPPORTED_RE = re.compile(r"[:#\[\]{}'\"&*!|>%@`?]")


class _Unsupported(Exception):
    """The text leaves the layout: PyYAML reads it."""


def read_subset(yaml_text: str) -> dict | None:
    """The front matter's values (dicts, lists, `Scalar`s), or None outside the layout."""
    if not yaml_text or UNSUPPORTED_CHARACTER_RE.search(yaml_text):
        return None
    try:
        reader = _Reader(_lines(yaml_text))
        data = reader.mapping(0)
    except (_Unsupported, RecursionError):  # nested hundreds deep: PyYAML says what it can
        return None
    return data if data and reader.at == len(reader.lines) else None


def _lines(yaml_text: str) -> list[tuple]:
    """(indent, length of the `- ` or 0, key, value, item, file line) of each non-blank line."""
    found = []
    for index, raw in enumerate(yaml_text.split("\n")):
        line = raw.rstrip(" ")
        if not line:
            continue
        match = LINE_RE.match(line)
        if match is None:
            raise _Unsupported
        indent, dash, key, value, item = match.group("indent", "dash", "key", "value", "item")
        # +1 for 1-based lines, +1 for the opening '---'
        found.append((len(indent), len(dash) if dash else 0, key, value, item, index + 2))
    return found


class _Reader:
    """Block mappings and lists by indentation, as YAML nests them."""

    def __init__(self, lines: list[tuple]) -> None:
        self.lines = lines
        self.at = 0  # the next line to read

    def mapping(self, indent: int, opened_by_dash: bool = False) -> dict:
        """The `key: value` lines at `indent`; `opened_by_dash`: the first is a list item's."""
        result = {}
        lines = self.lines
        while self.at < len(lines):
            line_indent, dash, key, value, _, line = lines[self.at]
            if opened_by_dash:
                opened_by_dash = False
            elif line_indent < indent or (line_indent == indent and dash):
                break  # the mapping ends; a list at its indent belongs to the key before
            elif line_indent > indent:
                raise _Unsupported
            if key is None or key in result:
                raise _Unsupported
            self.at += 1
            if value is not None:
                result[key] = _value(value, line)
            elif self.at < len(lines) and self._nested_under(indent):
                result[key] = self._block()
            else:
                raise _Unsupported  # an empty value: PyYAML places its null
        return result

    def sequence(self, indent: int) -> list:
        result = []
        lines = self.lines
        while self.at < len(lines):
            line_indent, dash, key, _, item, line = lines[self.at]
            if line_indent < indent or (line_indent == indent and not dash):
                break  # back to the mapping this list is the value of
            if line_indent > indent:
                raise _Unsupported
            if key is not None:
                result.append(self.mapping(indent + dash, opened_by_dash=True))
            elif item is not None:
                self.at += 1
                result.append(_value(item, line))
            else:
                raise _Unsupported
        return result

    def _nested_under(self, indent: int) -> bool:
        """Does the next line open a block under a `key:` at `indent`? A list may stand at the
        key's own indent."""
        line_indent, dash = self.lines[self.at][:2]
        return line_indent > indent or (line_indent == indent and bool(dash))

    def _block(self):
        line_indent, dash, key = self.lines[self.at][:3]
        if dash:
            return self.sequence(line_indent)
        if key is None:
            raise _Unsupported  # a value on its own line: a scalar continued, or an error
        return self.mapping(line_indent)


def _value(text: str, line: int):
    first = text[0]
    if first == "[":
        return _flow_list(text, line)
    if first == '"':
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != '"' or '"' in inner or "\\" in inner:
            raise _Unsupported
        return Scalar(inner, inner, True, line)
    if PLAIN_VALUE_RE.match(text) is None:
        raise _Unsupported
    return plain_scalar(text, line)


def _flow_list(text: str, line: int) -> list[Scalar]:
    inner = text[1:-1]
    if text[-1] != "]" or FLOW_UNSUPPORTED_RE.search(inner):
        raise _Unsupported
    items = []
    for part in inner.split(","):
        item = part.strip(" ")
        if not item or item[0] == "-":
            raise _Unsupported  # `[]`, `[a, ]`, `[-1]`: PyYAML decides
        items.append(plain_scalar(item, line))
    return items

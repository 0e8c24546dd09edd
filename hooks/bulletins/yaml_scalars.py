"""YAML scalars as PyYAML reads them, kept with their source text and line.

Shared by the two readers of front matter: `frontmatter` (PyYAML's node tree, any YAML) and
`front_matter_subset` (the layout the scripts write, without PyYAML's nodes). Both type a
plain scalar here, so that a value reads the same whichever reader read it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import yaml

STR_TAG = "tag:yaml.org,2002:str"
PLAIN = (True, False)  # a plain scalar's `implicit`, as the composer passes it to `resolve`


class _TextFirstResolver:
    """Most scalars of a bulletin are Chinese text, and no YAML type (number, date, bool, null)
    starts with their first character: they are text without trying each type's pattern
    (PyYAML's resolver tries them in Python, a third of composing a front matter)."""

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            if not implicit[0] or (value and value[0] not in self.yaml_implicit_resolvers):
                return STR_TAG  # quoted (text unless tagged, which the composer handles) or text
            return super().resolve(kind, value, implicit)
        # Mappings and lists: their default tags (a safe loader has no path resolvers).
        return self.DEFAULT_MAPPING_TAG if kind is yaml.MappingNode else self.DEFAULT_SEQUENCE_TAG


# libyaml's parser gives the same node tree (with marks) about ten times faster than PyYAML's
# pure-Python one: it is what keeps scripts/check_content.py under a second for hundreds of files.
COMPOSE_LOADER = type(
    "TextFirstLoader", (_TextFirstResolver, getattr(yaml, "CSafeLoader", yaml.SafeLoader)), {}
)
# No pattern tried on every scalar, no resolver by position in the document:
assert None not in COMPOSE_LOADER.yaml_implicit_resolvers and not COMPOSE_LOADER.yaml_path_resolvers
# First characters of the values YAML may read as another type than text.
TYPED_FIRST_CHARACTERS = frozenset(COMPOSE_LOADER.yaml_implicit_resolvers)


class Scalar(NamedTuple):  # a tuple: 165,000 of them at 5,000 issues, made 3× faster
    """A YAML scalar as written: its loaded value, its source text and whether it was quoted."""

    value: Any
    text: str
    quoted: bool
    line: int


class SafeConstructor(yaml.SafeLoader):
    """A loader used only for its scalar constructors, one node at a time."""

    def __init__(self) -> None:
        super().__init__("")

    def construct_scalar_node(self, node: yaml.ScalarNode):
        """The node's value (int, date, bool, …), forgotten at once: one instance serves every
        file (a loader per file cost more than its use, and left about 25 objects per file in
        reference cycles for the garbage collector)."""
        try:
            return self.construct_object(node, deep=True)
        finally:
            self.constructed_objects.clear()
            self.recursive_objects.clear()
            self.deep_construct = False


_SCALARS = SafeConstructor()
_RESOLVER = COMPOSE_LOADER("")


def typed_value(node: yaml.ScalarNode):
    """What PyYAML's safe loader makes of the node; its text when that fails (an impossible
    date, say), for validation to explain what is wrong."""
    if node.tag == STR_TAG:
        return node.value  # what the constructor returns; most scalars are text
    try:
        return _SCALARS.construct_scalar_node(node)
    except (yaml.constructor.ConstructorError, ValueError):
        return node.value


def plain_scalar(text: str, line: int) -> Scalar:
    """An unquoted scalar read as PyYAML reads it in a front matter (see `_TextFirstResolver`)."""
    if text[0] not in TYPED_FIRST_CHARACTERS:
        return Scalar(text, text, False, line)
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, PLAIN)
    return Scalar(typed_value(yaml.ScalarNode(tag, text)), text, False, line)


def scalar_text(scalar: Scalar) -> str:
    """The text an editor meant: an unquoted `NO` loads as False and `2021` as an int."""
    return (scalar.value if isinstance(scalar.value, str) else scalar.text).strip()

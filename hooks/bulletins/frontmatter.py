"""Split a Markdown file into YAML front matter and body, keeping line numbers.

PyYAML's `safe_load` loses positions and stops at the first bad scalar (an unquoted
`2021-02-30` raises inside the constructor). We compose the node tree instead and turn it into
Python values node by node, so that every value keeps its 1-based line and its source text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem

FENCE = "---"
# libyaml's parser gives the same node tree (with marks) about ten times faster than PyYAML's
# pure-Python one: it is what keeps scripts/check_content.py under a second for hundreds of files.
COMPOSE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Scalar:
    """A YAML scalar as written: its loaded value, its source text and whether it was quoted."""

    value: Any
    text: str
    quoted: bool
    line: int


@dataclass
class FrontMatter:
    data: Any  # dicts and lists whose leaves are `Scalar`
    lines: dict[str, int] = field(default_factory=dict)  # field path -> 1-based line
    body: str = ""
    body_start_line: int = 1  # line of the body's first line in the file


def split_front_matter(text: str, path: str) -> tuple[FrontMatter | None, list[Problem]]:
    """Read the front matter between the leading `---` lines. Returns (None, problems) on failure."""
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        return None, [
            Problem(path, 1, "", "missing front matter: the file must start with a '---' line")
        ]
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in (FENCE, "...")), None)
    if closing is None:
        return None, [Problem(path, 1, "", "front matter is not closed by a '---' line")]
    yaml_text = "\n".join(lines[1:closing])
    body = "\n".join(lines[closing + 1 :])
    try:
        node = yaml.compose(yaml_text, Loader=COMPOSE_LOADER)
    except yaml.YAMLError:
        try:  # again with PyYAML's own parser, whose messages are the ones editors see
            node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as error:
            return None, [_yaml_problem(error, path)]
    front = FrontMatter(data=None, body=body, body_start_line=closing + 2)
    problems: list[Problem] = []
    if node is None:
        front.data = {}
    else:
        front.data = _to_python(node, "", front.lines, problems, path, SafeConstructor())
    return front, problems


def _yaml_problem(error: yaml.YAMLError, path: str) -> Problem:
    # +1 for 1-based lines, +1 for the opening '---'
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 2 if mark else 1
    reason = getattr(error, "problem", None) or str(error)
    context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and context_mark and context_mark.line + 2 != line:
        reason += f" ({context} that starts on line {context_mark.line + 2})"
    return Problem(path, line, "", f"malformed YAML in front matter: {reason}")


class SafeConstructor(yaml.SafeLoader):
    """A loader used only for its scalar constructors, one node at a time."""

    def __init__(self) -> None:
        super().__init__("")


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 2  # 0-based in the YAML text, which starts on file line 2


def _to_python(node, path, lines, problems, file_path, constructor):
    lines[path] = _line(node)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = key if not path else f"{path}.{key}"
            if key in result:
                problems.append(
                    Problem(
                        file_path,
                        _line(key_node),
                        child,
                        "duplicate key (YAML keeps only the last)",
                    )
                )
            result[key] = _to_python(value_node, child, lines, problems, file_path, constructor)
            lines[child] = _line(key_node)  # `articles:` is on the key's line, not its first item's
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_python(item, f"{path}[{index}]", lines, problems, file_path, constructor)
            for index, item in enumerate(node.value)
        ]
    try:
        value = constructor.construct_object(node, deep=True)
    except (yaml.constructor.ConstructorError, ValueError):
        value = node.value  # e.g. an impossible date; validation explains what is wrong
    # PyYAML marks a plain scalar with style None, libyaml with "".
    return Scalar(value=value, text=node.value, quoted=bool(node.style), line=_line(node))


def scalar_text(scalar: Scalar) -> str:
    """The text an editor meant: an unquoted `NO` loads as False and `2021` as an int."""
    return (scalar.value if isinstance(scalar.value, str) else scalar.text).strip()

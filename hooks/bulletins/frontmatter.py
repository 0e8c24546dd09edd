"""Split a Markdown file into YAML front matter and body, keeping line numbers.

PyYAML's `safe_load` loses positions and stops at the first bad scalar (an unquoted
`2021-02-30` raises inside the constructor). We compose the node tree instead and turn it into
Python values node by node, so that every value keeps its 1-based line and its source text.
Front matter in the layout the scripts write is read without the node tree, to the same values
(`front_matter_subset`); the tree is composed for it only when a line is asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from .front_matter_subset import read_subset
from .problems import Problem
from .yaml_messages import yaml_error_text
from .yaml_scalars import COMPOSE_LOADER, Scalar, typed_value

FENCE = "---"


class FieldLines(Mapping):
    """Field path ("articles[2].title") -> 1-based line, worked out from the node tree when a
    line is first asked for: only files with a problem to report (or attachments) need it.
    The tree is composed then if the front matter was read without it."""

    def __init__(self, yaml_text: str, node: yaml.Node | None = None) -> None:
        self._yaml_text = yaml_text
        self._node = node
        self._lines: dict[str, int] | None = None

    def _all(self) -> dict[str, int]:
        if self._lines is None:
            self._lines = {}
            if self._node is None:
                self._node = yaml.compose(self._yaml_text, Loader=COMPOSE_LOADER)
            if self._node is not None:
                _collect_lines(self._node, "", self._lines)
        return self._lines

    def __getitem__(self, path: str) -> int:
        return self._all()[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __repr__(self) -> str:
        return repr(self._all())


@dataclass
class FrontMatter:
    data: Any  # dicts and lists whose leaves are `Scalar`
    lines: Mapping[str, int] = field(default_factory=dict)  # field path -> 1-based line
    body: str = ""
    body_start_line: int = 1  # line of the body's first line in the file


def split_front_matter(text: str, path: str) -> tuple[FrontMatter | None, list[Problem]]:
    """Read the front matter between the leading `---` lines. Returns (None, problems) on failure."""
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        message = "缺少前置信息：文件的第一行必须是“---”"
        if DASHES_RE.match(lines[0]):
            message += "（请用半角“-”，不要用“——”）"
        return None, [Problem(path, 1, "", message)]
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in (FENCE, "...")), None)
    if closing is None:
        message = "前置信息没有以“---”行结束：请在前置信息最后一行之后、正文之前加一行“---”"
        return None, [Problem(path, 1, "", message)]
    yaml_text = "\n".join(lines[1:closing])
    body = "\n".join(lines[closing + 1 :])
    body_start_line = closing + 2
    if (data := read_subset(yaml_text)) is not None:
        return FrontMatter(data, FieldLines(yaml_text), body, body_start_line), []
    try:
        node = yaml.compose(yaml_text, Loader=COMPOSE_LOADER)
    except yaml.YAMLError:
        try:  # again with PyYAML's own parser, whose messages are the ones editors see
            node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as error:
            return None, [_yaml_problem(error, path, yaml_text)]
    front = FrontMatter({}, FieldLines(yaml_text, node), body, body_start_line)
    problems: list[Problem] = []
    if node is not None:
        has_duplicates = []
        front.data = _to_python(node, has_duplicates)
        if has_duplicates:  # rare: walk again with field paths to name them
            _collect_lines(node, "", {}, problems, path)
    return front, problems


def _yaml_problem(error: yaml.YAMLError, path: str, yaml_text: str = "") -> Problem:
    # +1 for 1-based lines, +1 for the opening '---'
    line, reason = yaml_error_text(error, 2, yaml_text)
    line = line or 1
    if found := _typing_slip(yaml_text, line):
        line, reason = found  # the slip alone: PyYAML's reason for it would contradict the fix
    return Problem(path, line, "", f"前置信息的 YAML 格式有误：{reason}")


# Slips of a Chinese input method that YAML reports in its own terms, often a line late.
FULL_WIDTH_COLON_RE = re.compile(r"^[ \t\u3000]*(?:-[ \t\u3000]*)?[A-Za-z_][A-Za-z0-9_]*[ \t]*：")
INDENT_RE = re.compile(r"^[ \t\u3000]*")
# `date:2021-03-11`: a colon with no space after it is part of the text, not a key's colon.
NO_SPACE_COLON_RE = re.compile(r"^(?P<key>\s*(?:-\s*)?[A-Za-z_][A-Za-z0-9_]*:)(?P<value>\S.*)$")
# `title: "全国文明城市"创建工作`: a quoted value ends at its closing quote.
QUOTED_START_RE = re.compile(
    r"^\s*(?:-\s*)?(?P<key>[A-Za-z_][A-Za-z0-9_]*): +(?P<value>(?P<quote>[\"'])[^\"']*(?P=quote)\S.*?)\s*$"
)
# `issuer 聊城市…`: a key and its value with no colon between them.
NO_COLON_RE = re.compile(
    r"^\s*(?:-\s*)?(?P<key>[A-Za-z_][A-Za-z0-9_]*)[ \t\u3000]+(?P<value>[^:：]+?)\s*$"
)
DASHES_RE = re.compile(r"^\s*[-—–－―]{2,}\s*$")
KEY_OR_ITEM_RE = re.compile(r"-|[A-Za-z_][A-Za-z0-9_]*\s*[:：]")


def _typing_slip(yaml_text: str, line: int) -> tuple[int, str] | None:
    """(file line, what to type instead) for a slip on the error's line or the one above."""
    lines = yaml_text.split("\n")
    for number in (line, line - 1):
        text = lines[number - 2] if 2 <= number < len(lines) + 2 else ""
        indent = INDENT_RE.match(text)[0]
        if FULL_WIDTH_COLON_RE.match(text):
            return number, "字段名后面用了全角冒号“：”，请改成半角冒号“:”"
        if match := NO_SPACE_COLON_RE.match(text):
            written = f"{match['key'].strip()} {match['value'].strip()}"
            return number, f"半角冒号“:”后面要有一个空格，请写成 {written}"
        if (match := NO_COLON_RE.match(text)) and number == line:
            written = f"{match['key']}: {match['value']}"
            return number, f"字段名后面少了半角冒号“:”，请写成 {written}"
        if match := QUOTED_START_RE.match(text):
            outer = "'" if match["quote"] == '"' else '"'
            pair = "单引号" if outer == "'" else "双引号"
            return number, (
                f"值以引号开头时，整个值都要放在引号里：请写成 "
                f"{match['key']}: {outer}{match['value']}{outer}（外面加一对{pair}），或改用中文引号“”"
            )
        if not KEY_OR_ITEM_RE.match(text[len(indent) :]):
            continue  # text, not structure: its indent is not YAML's business
        if "\u3000" in indent:
            return number, "这一行用了全角空格缩进，请改用半角空格"
        if "\t" in indent:
            return number, "这一行用了 Tab 缩进，请改用空格"
    return None


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 2  # 0-based in the YAML text, which starts on file line 2


def _to_python(node, has_duplicates: list):
    """Dicts, lists and `Scalar`s; no field paths here (see `FieldLines`), they cost more
    than the values."""
    if isinstance(node, yaml.MappingNode):
        result = {str(key.value): _to_python(value, has_duplicates) for key, value in node.value}
        if len(result) < len(node.value):
            has_duplicates.append(node)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, has_duplicates) for item in node.value]
    # PyYAML marks a plain scalar with style None, libyaml with "".
    return Scalar(typed_value(node), node.value, bool(node.style), _line(node))


def _collect_lines(node, path, lines, problems=None, file_path=""):
    """Fill `lines` with each field path's line; report duplicate keys into `problems`."""
    lines[path] = _line(node)
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = key if not path else f"{path}.{key}"
            if key in seen and problems is not None:
                message = "字段重复（YAML 只保留最后一个）"
                problems.append(Problem(file_path, _line(key_node), child, message))
            seen.add(key)
            _collect_lines(value_node, child, lines, problems, file_path)
            lines[child] = _line(key_node)  # `articles:` is on the key's line, not its first item's
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, f"{path}[{index}]", lines, problems, file_path)

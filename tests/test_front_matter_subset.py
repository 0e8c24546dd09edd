"""The subset reader gives exactly PyYAML's values, or leaves the text to PyYAML.

`front_matter_subset.read_subset` reads the scripts' layout without PyYAML's node tree. Where
it reads a text, the values must be those of the node tree (`frontmatter._to_python`): the same
types, source texts, quoting and lines. The texts: every real bulletin, the import fixtures,
the benchmark corpus, and thousands of mutations of them with what YAML reads otherwise.
"""

from __future__ import annotations

import random

import pytest
import yaml
from bulletins import frontmatter
from bulletins.front_matter_subset import read_subset
from bulletins.yaml_scalars import COMPOSE_LOADER
from conftest import FIXTURES, ROOT
from corpus import generate_bulletins


def _yaml_part(text: str) -> str:
    lines = text.removeprefix("\ufeff").split("\n")
    closing = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
    return "\n".join(lines[1:closing])


REAL = [
    _yaml_part(path.read_text(encoding="utf-8"))
    for path in sorted(
        [*(ROOT / "docs" / "bulletins").rglob("*.md"), *(FIXTURES / "import").glob("*/expected.md")]
    )
]
CORPUS = [_yaml_part(text) for _, text in generate_bulletins(60, seed=7)]


def _pyyaml_values(yaml_text: str):
    """What the node tree gives, or None where PyYAML fails or finds a repeated key."""
    try:
        node = yaml.compose(yaml_text, Loader=COMPOSE_LOADER)
    except yaml.YAMLError:
        return None
    repeated = []
    values = frontmatter._to_python(node, repeated) if node is not None else None
    return None if repeated else values


def _assert_same_or_left_to_pyyaml(yaml_text: str) -> bool:
    """True when the subset read the text."""
    subset = read_subset(yaml_text)
    if subset is None:
        return False
    expected = _pyyaml_values(yaml_text)
    assert expected is not None, f"the subset read what PyYAML rejects:\n{yaml_text}"
    assert subset == expected, yaml_text
    return True


@pytest.mark.parametrize("yaml_text", REAL + CORPUS)
def test_the_scripts_layout_is_read_without_pyyaml_to_the_same_values(yaml_text):
    assert _assert_same_or_left_to_pyyaml(yaml_text), "the layout the scripts write was not read"


EDGE_CASES = [
    "a: true\nb: 12\nc: ~\ne: 2021-03-11\nf: 甲\ng: title\nh: NO\ni: 010\nj: 0x1F\nk: .5",
    "date: 2021-02-30\nissue: 3",  # an impossible date stays text
    'title: "甲 乙"\nissuer: ""\nx: "  padded  "',
    "a: [甲, 乙,丙 ,  丁]\nb: [2021, yes, ~]",
    "articles:\n- title: 甲\n  topics: [a]\n- title: 乙",  # a list at its key's indent
    "articles:\n  - title: 甲\n    topics:\n    - a\n    - b\n  - 乙",
    "a:\n  b:\n    c: 1\n  d: 2\ne: 3",
    "k" * 1024 + ": 1",
    "a: 甲 乙　丙　\nb: 他说“好”\nc: x'y\"z\nd: 95%\ne: 第3号楼[东]{西},南",
]
# Each leaves the layout, or is not YAML at all: the subset must leave it to PyYAML.
LEFT_TO_PYYAML = [
    "a: b: c",
    "a: x # comment",
    "# comment\na: 1",
    "a:",
    "a:\nb: 1",
    "a: 'quoted'",
    'a: "esc\\"aped"',
    'a: "line\\nbreak"',
    'a: "x"y"',
    "a: [x, ]",
    "a: []",
    "a: [x, [y]]",
    "k" * 1025 + ": 1",  # libyaml's limit for a key
    "a:\n  - " + "k" * 1025 + ": 1",
    "a: &anchor x\nb: *anchor",
    "a: !!str 12",
    "a: |\n  block",
    "a: >\n  folded",
    "a: first\n  continued",
    "a: 1\na: 2",
    "a:\t1",
    "a: 1\r\nb: 2",
    "a: x\u2028y",
    "- a\n- b",
    "  a: 1",
    "a:\n  - x\n   - y",
    "a: -1",
    "? a\n: b",
    "%YAML 1.1",
    "a: \x7f",
    "",
    "\n\n",
]


@pytest.mark.parametrize("yaml_text", EDGE_CASES)
def test_values_yaml_reads_as_other_types_are_typed_as_pyyaml_types_them(yaml_text):
    assert _assert_same_or_left_to_pyyaml(yaml_text)


@pytest.mark.parametrize("yaml_text", LEFT_TO_PYYAML)
def test_text_outside_the_layout_is_left_to_pyyaml(yaml_text):
    assert read_subset(yaml_text) is None


# Pieces that change how YAML reads a line, put into real front matter at random.
PIECES = [
    ": ", ":", " #", "#", "'", '"', "\\", "[", "]", "{", "}", ",", "-", "- ", "? ", "&a", "*a",
    "!", "|", ">", "%", "@", "`", "\t", "\r", " ", "  ", "~", "NO", "yes", "010", "0o7", "1e3",
    "2021-02-30", "2021-03-11", "12:30", ".inf", "null", "<<", "=", "\u3000", "\u2028", "\x85",
    "\ufeff", "\x00", "甲",
]  # fmt: skip


def _mutate(rng: random.Random, yaml_text: str) -> str:
    lines = yaml_text.split("\n")
    for _ in range(rng.randint(1, 3)):
        index = rng.randrange(len(lines))
        line = lines[index]
        action = rng.randrange(6)
        if action == 0:  # a piece into the line
            at = rng.randint(0, len(line))
            lines[index] = line[:at] + rng.choice(PIECES) + line[at:]
        elif action == 1:  # the line indented otherwise
            lines[index] = " " * rng.randint(0, 6) + line.lstrip(" ")
        elif action == 2:  # a value replaced
            key, colon, _ = line.partition(": ")
            if colon:
                lines[index] = f"{key}: {rng.choice(PIECES)}{rng.choice(PIECES)}"
        elif action == 3:  # a line repeated, dropped or split
            lines.insert(index, line)
        elif action == 4 and len(lines) > 1:
            del lines[index]
        else:
            at = rng.randint(0, len(line))
            lines[index : index + 1] = [line[:at], " " * rng.randint(0, 4) + line[at:]]
    return "\n".join(lines)


def test_mutated_front_matter_reads_as_pyyaml_reads_it_or_is_left_to_it():
    rng = random.Random(2021)
    bases = REAL + CORPUS[:10]
    read = 0
    for _ in range(4000):
        read += _assert_same_or_left_to_pyyaml(_mutate(rng, rng.choice(bases)))
    # The mutations must try both sides: text the subset reads, and text it leaves.
    assert 400 < read < 3600, read


def test_split_front_matter_gives_the_same_front_matter_either_way(monkeypatch):
    for text in [
        "---\n" + yaml_text + "\n---\n正文\n" for yaml_text in REAL + CORPUS[:5] + EDGE_CASES
    ]:
        by_subset = frontmatter.split_front_matter(text, "x.md")
        assert not by_subset[0].lines._lines  # no node tree composed yet
        monkeypatch.setattr(frontmatter, "read_subset", lambda yaml_text: None)
        by_pyyaml = frontmatter.split_front_matter(text, "x.md")
        monkeypatch.undo()
        assert repr(by_subset) == repr(by_pyyaml)  # repr: the lines of every field too


def test_nesting_deeper_than_python_recurses_is_left_to_pyyaml():
    deep = "".join(f"{' ' * level}k:\n" for level in range(2000)) + " " * 2000 + "x: 1"
    assert read_subset(deep) is None

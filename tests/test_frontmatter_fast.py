"""Front matter is composed by libyaml when available, with the same results as before."""

from __future__ import annotations

import yaml

from bulletins import frontmatter
from bulletins.frontmatter import split_front_matter


def test_libyaml_is_used_when_pyyaml_has_it():
    if yaml.__with_libyaml__:
        assert frontmatter._FAST_LOADER is yaml.CSafeLoader


def test_quoted_and_plain_scalars_keep_their_flag_and_lines():
    text = "---\nseries: 工作简报\nissue: '9'\ndate: 2021-03-11\ntags: [a, \"b\"]\n---\nbody\n"
    front, problems = split_front_matter(text, "x.md")
    assert problems == []
    assert front.data["series"].quoted is False and front.data["series"].line == 2
    assert front.data["issue"].quoted is True and front.data["issue"].value == "9"
    assert [t.quoted for t in front.data["tags"]] == [False, True]
    assert front.data["date"].value.isoformat() == "2021-03-11"
    assert front.body_start_line == 7


def test_malformed_yaml_is_explained_as_by_the_pure_python_parser():
    text = "---\nseries: 工作简报\nissue: [9\ndate: 2021-03-11\n---\n"
    front, problems = split_front_matter(text, "x.md")
    assert front is None and len(problems) == 1
    try:
        yaml.compose("series: 工作简报\nissue: [9\ndate: 2021-03-11", Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        expected = error.problem
        expected_line = error.problem_mark.line + 2
    assert problems[0].line == expected_line
    assert problems[0].message == f"malformed YAML in front matter: {expected}"

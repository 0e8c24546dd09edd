"""Templates compiled without their indentation render what collapsing the page's indentation did.

The reference is the pass the build used to run over every rendered page: a line break and the
whitespace after it became one line break, outside pre/textarea/script/style. Each template here
is rendered with and without `DropIndentation`; the collapsed outputs must be equal, and the
template compiled without indentation must leave little to collapse.
"""

from __future__ import annotations

import re

import jinja2
import pytest
from bulletins.template_whitespace import KEEP_SPLIT_RE, DropIndentation, drop_indentation

INDENTED_BREAK_RE = re.compile(r"\n\s+")


def collapse_indentation(html: str) -> str:
    parts = KEEP_SPLIT_RE.split(html)
    parts[::3] = [INDENTED_BREAK_RE.sub("\n", part) for part in parts[::3]]
    del parts[2::3]
    return "".join(parts)


def render(templates: dict[str, str], name: str, drop: bool, **context) -> str:
    extensions = [DropIndentation] if drop else []
    env = jinja2.Environment(loader=jinja2.DictLoader(templates), extensions=extensions)
    return env.get_template(name).render(**context)


NAV = """\
{% macro item(entry) %}
  {% set class = "nav__item" %}
  {% if entry.active %}
    {% set class = class ~ " nav__item--active" %}
  {% endif %}
  <li class="{{ class }}">
    <a href="{{ entry.url }}">{{ entry.title }}</a>
    {% if entry.children %}
      <ul>
        {% for child in entry.children %}
          {{ item(child) }}
        {% endfor %}
      </ul>
    {% endif %}
  </li>
{% endmacro %}
<nav>
  <ul>
    {% for entry in entries %}
      {{ item(entry) }}
    {% else %}
      <li>无</li>
    {% endfor %}
  </ul>
</nav>
"""
ENTRIES = [
    {"url": "a/", "title": "甲", "active": True, "children": [{"url": "a/b/", "title": "乙"}]},
    {"url": "c/", "title": "丙", "children": []},
]


@pytest.mark.parametrize("entries", [ENTRIES, []])
def test_a_navigation_renders_as_the_collapsed_page_did(entries):
    indented = render({"nav.html": NAV}, "nav.html", drop=False, entries=entries)
    dropped = render({"nav.html": NAV}, "nav.html", drop=True, entries=entries)
    assert collapse_indentation(dropped) == collapse_indentation(indented)
    # Left to collapse: the line breaks around each macro's output (3 calls), since a macro
    # cannot know that every call of it starts a line.
    assert len(dropped) - len(collapse_indentation(dropped)) <= 2 * 3
    assert len(dropped) < len(indented) * 0.8


INLINE = """\
<p>
  <span>一</span>{% if flag %}
    <span>二</span>
  {% endif %}
  <span>三</span>
  {% for word in words %}<b>{{ word }}</b>{% endfor %}
  {% for word in words %}
    <i>{{ word }}</i>{% endfor %}
  {%- if flag %}
    <u>四</u>
  {% endif %}
</p>
"""


@pytest.mark.parametrize("flag", [True, False])
def test_tags_in_the_middle_of_a_line_keep_the_space_between_words(flag):
    """A line break that separates inline elements is never dropped: it renders as a space."""
    context = {"flag": flag, "words": ["甲", "乙"]}
    indented = render({"p.html": INLINE}, "p.html", drop=False, **context)
    dropped = render({"p.html": INLINE}, "p.html", drop=True, **context)
    assert collapse_indentation(dropped) == collapse_indentation(indented)


def test_include_and_block_lines_keep_their_line_break():
    templates = {
        "base.html": "<div>\n  {% block body %}\n    <p>默认</p>\n  {% endblock %}\n</div>\n",
        "page.html": '{% extends "base.html" %}\n{% block body %}<b>正文</b>{% endblock %}',
        "outer.html": "<p>\n  <i>前</i>\n  {% include 'inner.html' %}\n  <i>后</i>\n</p>",
        "inner.html": "<b>中</b>",
    }
    for name in ("base.html", "page.html", "outer.html"):
        indented = render(templates, name, drop=False)
        dropped = render(templates, name, drop=True)
        assert collapse_indentation(dropped) == collapse_indentation(indented)


def test_pre_textarea_script_and_style_keep_their_source():
    source = (
        "<div>\n  {% if x %}\n  <pre><code>a:\n    b: 1\n</code></pre>\n  {% endif %}\n"
        "  <textarea>x\n  y</textarea>\n  <script>\n  {% if x %}\n    var s = `a\n   b`;\n"
        "  {% endif %}\n  </script>\n  <STYLE>p {\n  color: red;\n}</STYLE>\n</div>"
    )
    assert drop_indentation(source) == (
        "<div>\n{% if x %}<pre><code>a:\n    b: 1\n</code></pre>\n{% endif %}"
        "<textarea>x\n  y</textarea>\n<script>\n  {% if x %}\n    var s = `a\n   b`;\n"
        "  {% endif %}\n  </script>\n<STYLE>p {\n  color: red;\n}</STYLE>\n</div>"
    )


def test_tag_contents_and_spaces_without_a_line_break_are_kept():
    source = '<p>报： 市委常委 <b>a</b> <i>b</i></p>\n  {{ "x\n   y" }}{% set t = {\n  "a": 1} %}'
    assert drop_indentation(source) == (
        '<p>报： 市委常委 <b>a</b> <i>b</i></p>\n{{ "x\n   y" }}{% set t = {\n  "a": 1} %}'
    )


def test_only_html_templates_are_rewritten():
    templates = {"sitemap.xml": "<urlset>\n    <url>{{ 1 }}</url>\n</urlset>"}
    assert render(templates, "sitemap.xml", drop=True) == templates["sitemap.xml"].replace(
        "{{ 1 }}", "1"
    )

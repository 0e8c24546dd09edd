"""Indentation left by templates is dropped; what HTML renders is unchanged."""

from __future__ import annotations

from bulletins.html_whitespace import collapse_indentation


def test_indentation_and_blank_lines_become_one_line_break():
    html = "<ul>\n    <li>\n      <a href='#'>一</a>  \n\n    </li>\n</ul>\n"
    assert collapse_indentation(html) == "<ul>\n<li>\n<a href='#'>一</a>  \n</li>\n</ul>\n"


def test_spaces_without_a_line_break_are_kept():
    html = "<p>报： 市委常委 <b>a</b> <i>b</i></p>"
    assert collapse_indentation(html) == html


def test_preformatted_form_script_and_style_content_is_kept():
    html = (
        "<div>\n  <pre><code>a:\n    b: 1\n</code></pre>\n  <textarea>x\n  y</textarea>\n"
        "  <script>var s = `a\n   b`;</script>\n  <STYLE>p {\n  color: red;\n}</STYLE>\n</div>"
    )
    assert collapse_indentation(html) == (
        "<div>\n<pre><code>a:\n    b: 1\n</code></pre>\n<textarea>x\n  y</textarea>\n"
        "<script>var s = `a\n   b`;</script>\n<STYLE>p {\n  color: red;\n}</STYLE>\n</div>"
    )

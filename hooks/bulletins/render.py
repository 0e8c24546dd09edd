"""Changes to a bulletin's page: article anchors in the Markdown, metadata blocks in the HTML."""

from __future__ import annotations

import re
from collections.abc import Callable

from .model import Article, Bulletin
from .parse import heading_lines

# An article heading as Markdown writes it from annotate_body's line: `<h2 class=… id="a3">…</h2>`.
ARTICLE_HEADING_HTML_RE = re.compile(r'<h2\b[^>]*\bid="(?P<anchor>a\d+)"[^>]*>.*?</h2>', re.DOTALL)


def annotate_body(markdown: str, bulletin: Bulletin) -> str:
    """Give each article heading its stable ASCII anchor (MkDocs' slugs drop Han characters).

    The metadata blocks are added to the converted page (`insert_article_meta`), not here:
    raw HTML made Python-Markdown's conversion of a bulletin about 45 % slower.
    """
    articles = {article.title: article for article in bulletin.articles}
    parts, position = [], 0
    for _, text, start, end in heading_lines(markdown):
        article = articles.get(text)
        if article is not None:
            parts.append(markdown[position:start])
            parts.append(f"## {article.title} {{#{article.anchor} .bulletin-article-title}}")
            position = end
    parts.append(markdown[position:])
    return "".join(parts)


def insert_article_meta(
    html: str, bulletin: Bulletin, render_meta: Callable[[Article], str]
) -> str:
    """Put each article's metadata block (one line of HTML from `render_meta`) right after its
    heading."""
    articles = {article.anchor: article for article in bulletin.articles}

    def add_meta(heading: re.Match) -> str:
        article = articles.get(heading["anchor"])
        if article is None:
            return heading[0]
        return heading[0] + "\n" + render_meta(article)

    return ARTICLE_HEADING_HTML_RE.sub(add_meta, html)


# Stand in for a block's chips while its frame is rendered; never in page text.
DEPARTMENTS_SLOT, TOPICS_SLOT = "\x01", "\x02"


class ArticleMetaRenderer:
    """Metadata blocks from the partial's macros (`article_meta`, `department_chip`,
    `topic_chip`), each piece rendered once: the frame once, a chip once per link target. A
    macro call per page still cost 0.4 s at 5,000 issues, nearly all of it Jinja's loop
    machinery; the markup stays in the template."""

    def __init__(self, macros) -> None:
        self._macros = macros
        frame = _one_line(str(macros.article_meta(DEPARTMENTS_SLOT, TOPICS_SLOT)))
        before, rest = frame.split(DEPARTMENTS_SLOT)
        between, after = rest.split(TOPICS_SLOT)
        self._frame = (before, between, after)
        self._chips: dict[tuple[str, str, str], str] = {}

    def block(self, article: Article, page_links) -> str:
        """The article's block, one line, with links relative to the page of `page_links`."""
        before, between, after = self._frame
        departments = "".join(
            self._chip("department_chip", d, page_links.department(d)) for d in article.departments
        )
        topics = "".join(self._chip("topic_chip", t, page_links.topic(t)) for t in article.topics)
        return before + departments + between + topics + after

    def _chip(self, macro: str, entry, href: str) -> str:
        key = (macro, entry.id, href)
        chip = self._chips.get(key)
        if chip is None:
            chip = self._chips[key] = _one_line(str(getattr(self._macros, macro)(entry, href)))
        return chip


def _one_line(html: str) -> str:
    return " ".join(html.split())  # the block is one line of the page, as it always was

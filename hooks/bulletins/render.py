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
    """Put each article's metadata block (HTML from `render_meta`) right after its heading."""
    articles = {article.anchor: article for article in bulletin.articles}

    def add_meta(heading: re.Match) -> str:
        article = articles.get(heading["anchor"])
        if article is None:
            return heading[0]
        return heading[0] + "\n" + " ".join(render_meta(article).split())  # one line, as before

    return ARTICLE_HEADING_HTML_RE.sub(add_meta, html)


# Between the blocks of one render of all of a page's metadata blocks; never in page text.
META_SEPARATOR = "\x00"


def article_meta_blocks(render_all: Callable, bulletin: Bulletin, page_links) -> dict[int, str]:
    """Article number -> its metadata block, from one `render_all(articles, page_links,
    separator)` (the partial's `articles_meta` macro)."""
    rendered = str(render_all(bulletin.articles, page_links, META_SEPARATOR))
    blocks = rendered.split(META_SEPARATOR)[1:]
    return {article.number: block for article, block in zip(bulletin.articles, blocks, strict=True)}

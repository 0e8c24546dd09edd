"""Changes to a bulletin's Markdown body before MkDocs converts it: article anchors and metadata."""

from __future__ import annotations

from collections.abc import Callable

from .model import Article, Bulletin
from .parse import FENCE_RE, HEADING_RE


def annotate_body(markdown: str, bulletin: Bulletin, render_meta: Callable[[Article], str]) -> str:
    """Give each article heading its stable anchor and put its metadata block under it.

    `render_meta` turns an article into HTML (a template of `overrides/`); it is placed as a
    raw HTML block, so blank lines surround it.
    """
    articles = {article.title: article for article in bulletin.articles}
    output = []
    in_fence = False
    for line in markdown.split("\n"):
        if FENCE_RE.match(line):
            in_fence = not in_fence
        match = None if in_fence else HEADING_RE.match(line)
        article = articles.get(match["text"]) if match else None
        if article is None:
            output.append(line)
            continue
        output.append(f"## {article.title} {{#{article.anchor} .bulletin-article-title}}")
        output.append("")
        output.append(" ".join(render_meta(article).split()))
        output.append("")
    return "\n".join(output)

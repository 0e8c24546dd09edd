"""Article metadata blocks go into the converted page, right after each article heading."""

from __future__ import annotations

import markdown
from bulletins.parse import parse_bulletin
from bulletins.registry import load_registry
from bulletins.render import META_SEPARATOR, annotate_body, article_meta_blocks, insert_article_meta
from conftest import ROOT, SEED_BULLETIN

SEED_PATH = "bulletins/2021/gzjb-009.md"


def seed():
    registry, _ = load_registry(str(ROOT / "docs" / "_data"), "docs/_data")
    text = SEED_BULLETIN.read_text(encoding="utf-8")
    bulletin, problems = parse_bulletin(text, SEED_PATH, f"docs/{SEED_PATH}", registry)
    assert problems == []
    return bulletin, text.split("\n---\n", 1)[1]


def test_blocks_follow_their_headings_in_the_html():
    bulletin, body = seed()
    html = markdown.markdown(annotate_body(body, bulletin), extensions=["attr_list", "toc"])
    result = insert_article_meta(html, bulletin, lambda article: f"<p>meta {article.anchor}</p>")
    for article in bulletin.articles:
        heading = f'<h2 class="bulletin-article-title" id="{article.anchor}">{article.title}</h2>'
        assert f"{heading}\n<p>meta {article.anchor}</p>" in result
    assert result.count("<p>meta ") == len(bulletin.articles) == 5
    assert result.replace("\n<p>meta a1</p>", "", 1).count("meta a1") == 0


def test_other_headings_and_code_are_left_alone():
    bulletin, _ = seed()
    html = '<h2 id="other">x</h2><pre><code>&lt;h2 id="a1"&gt;</code></pre><h2 id="a9">y</h2>'
    assert insert_article_meta(html, bulletin, lambda article: "META") == html


def test_annotate_body_adds_anchors_and_no_raw_html():
    bulletin, body = seed()
    annotated = annotate_body(body, bulletin)
    assert "<p" not in annotated and "<" not in body
    assert "## 市司法局召开文明建设及创城工作动员会 {#a3 .bulletin-article-title}" in annotated


def test_one_render_of_all_blocks_is_split_per_article():
    bulletin, _ = seed()

    def render_all(articles, page_links, separator):
        assert separator == META_SEPARATOR and page_links == "links"
        return "".join(f"{separator}\n<p>{a.anchor} {a.title}</p>" for a in articles)

    blocks = article_meta_blocks(render_all, bulletin, "links")
    assert blocks == {a.number: f"\n<p>{a.anchor} {a.title}</p>" for a in bulletin.articles}

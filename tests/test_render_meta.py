"""Article metadata blocks go into the converted page, right after each article heading."""

from __future__ import annotations

import re

import jinja2
import markdown
from bulletins.parse import parse_bulletin
from bulletins.registry import load_registry
from bulletins.render import ArticleMetaRenderer, annotate_body, insert_article_meta
from bulletins.urls import Links, PageLinks
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


class CountingMacros:
    """Stands in for the partial's macros; counts the renders."""

    def __init__(self):
        self.calls = []

    def article_meta(self, department_chips, topic_chips):
        self.calls.append("frame")
        return f"<p>\n  D: {department_chips}\n  T: {topic_chips}\n</p>"

    def department_chip(self, department, href):
        self.calls.append(department.id)
        return f'<a href="{href}">\n{department.short}</a>'

    def topic_chip(self, topic, href):
        self.calls.append(topic.id)
        return f'<a href="{href}">{topic.name}</a>'


class FlatLinks:
    def department(self, department):
        return f"../d/{department.id}/"

    def topic(self, topic):
        return f"../t/{topic.id}/"


def test_renderer_assembles_blocks_from_pieces_rendered_once():
    bulletin, _ = seed()
    macros = CountingMacros()
    renderer = ArticleMetaRenderer(macros)
    blocks = [renderer.block(article, FlatLinks()) for article in bulletin.articles * 2]
    for article, block in zip(bulletin.articles * 2, blocks, strict=True):
        departments = "".join(f'<a href="../d/{d.id}/"> {d.short}</a>' for d in article.departments)
        topics = "".join(f'<a href="../t/{t.id}/">{t.name}</a>' for t in article.topics)
        assert block == f"<p> D: {departments} T: {topics} </p>"  # one line, spaces collapsed
    entries = {e.id for a in bulletin.articles for e in (*a.departments, *a.topics)}
    assert macros.calls.count("frame") == 1
    assert sorted(macros.calls[1:]) == sorted(entries)  # each chip once, though shown often


def test_the_partial_gives_each_article_its_chips():
    bulletin, _ = seed()
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")))
    partial = environment.get_template("partials/bulletin-article-meta.html").make_module()
    page_links = PageLinks(Links(use_directory_urls=True), "bulletins/2021/gzjb-009/")
    for article in bulletin.articles:
        block = ArticleMetaRenderer(partial).block(article, page_links)
        assert block.startswith('<p class="bulletin-article-meta">') and "\n" not in block
        departments = re.findall(r'bulletin-chip--department" href="([^"]+)">([^<]+)<', block)
        topics = re.findall(r'bulletin-chip--topic" href="([^"]+)">([^<]+)<', block)
        assert departments == [
            (f"../../../departments/{d.id}/", d.short) for d in article.departments
        ]
        assert topics == [(f"../../../topics/{t.id}/", t.name) for t in article.topics]
        assert block.index("部门：") < block.index("departments/") < block.index("专题：")

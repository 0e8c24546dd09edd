"""Reading built HTML in tests without a browser: links, text, elements by class."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

HAN_RE = re.compile(r"[\u3400-\u9fff]")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def page_file(site_dir: Path, url: str) -> Path:
    """The HTML file MkDocs wrote for a site-root-relative URL (without its #anchor)."""
    path = url.split("#")[0]
    return site_dir / (path + "index.html" if path.endswith("/") or not path else path)


def resolved_links(site_dir: Path, url: str) -> list[str]:
    """Every <a href> of the page at `url`, resolved to a site-root-relative URL."""
    parser = _Links()
    parser.feed(page_file(site_dir, url).read_text(encoding="utf-8"))
    base = "http://site/"
    resolved = []
    for href in parser.hrefs:
        absolute = urljoin(base + url, href)
        if absolute.startswith(base):
            resolved.append(absolute[len(base) :])
    return resolved


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def han(text: str) -> str:
    return "".join(HAN_RE.findall(text))


def inner_html(html: str, tag: str, css_class: str) -> str:
    """The content of the first <tag class="… css_class …"> up to its matching close tag."""
    start = re.search(rf'<{tag}\b[^>]*class="[^"]*\b{re.escape(css_class)}\b[^"]*"[^>]*>', html)
    assert start, f"no <{tag} class={css_class}>"
    depth, position = 1, start.end()
    pattern = re.compile(rf"<(/?){tag}\b[^>]*>")
    while depth:
        match = pattern.search(html, position)
        depth += -1 if match[1] else 1
        position = match.end()
    return html[start.end() : match.start()]

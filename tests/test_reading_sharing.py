"""A bulletin link pasted into a chat shows what it is: description, Open Graph, canonical URL."""

from __future__ import annotations

from html.parser import HTMLParser


class HeadReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: dict[str, str] = {}
        self.lang = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "meta" and ("name" in attrs or "property" in attrs):
            key = attrs.get("name") or attrs.get("property")
            self.meta.setdefault(key, []).append(attrs.get("content", ""))
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.links["canonical"] = attrs["href"]


def read_head(path) -> HeadReader:
    reader = HeadReader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader


def test_bulletin_page_has_description_open_graph_and_canonical(fixture_site, monkeypatch):
    monkeypatch.setenv("BULLETIN_SITE_URL", "https://example.org/jianbao/")
    result = fixture_site.build()
    assert result.returncode == 0, result.output
    head = read_head(fixture_site.site_dir / "bulletins" / "2021" / "gzjb-009" / "index.html")

    assert head.lang == "zh-CN"
    [description] = head.meta["description"]  # exactly one, the bulletin's, not the site's
    assert description.startswith(
        "工作简报 第9期（2021年3月11日）：郭建民调研全国文明城市创建工作；"
    )
    assert "市生态环境局全面推动全国文明城市创建工作" in description
    assert head.meta["og:description"] == [description]
    assert head.meta["og:title"] == ["工作简报 2021年第9期"]  # the bulletin's title
    assert head.meta["og:type"] == ["article"]
    assert head.meta["article:published_time"] == ["2021-03-11"]
    canonical = "https://example.org/jianbao/bulletins/2021/gzjb-009/"
    assert head.links["canonical"] == canonical
    assert head.meta["og:url"] == [canonical]

    home = read_head(fixture_site.site_dir / "index.html")
    assert home.meta["og:type"] == ["website"]
    assert home.meta["og:description"] == home.meta["description"]


def test_without_site_url_there_is_no_canonical_to_guess(fixture_site, monkeypatch):
    monkeypatch.setenv("BULLETIN_SITE_URL", "")  # as in the offline copy
    result = fixture_site.build()
    assert result.returncode == 0, result.output
    head = read_head(fixture_site.site_dir / "bulletins" / "2021" / "gzjb-009" / "index.html")
    assert "canonical" not in head.links and "og:url" not in head.meta
    assert head.meta["og:title"] == ["工作简报 2021年第9期"]

"""Atom feeds of the site and of each department, read by a real feed parser."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import feedparser
import pytest
from bulletins.collection import Source, load_bulletins
from bulletins.feeds import LATEST_ISSUES, FeedSite, department_feed, site_feed
from bulletins.indexes import articles_by_department
from bulletins.urls import Links
from conftest import ROOT
from helpers import bulletin_text, real_registry

SITE_URL = "https://example.gov.cn/wmcj/jianbao/"

APRIL_ISSUE = bulletin_text(
    issue="10",
    date="2021-04-02",
    extra="total_issue: 31",
    articles=[
        ("市住建局开展<物业小区>环境卫生集中整治", ["市住建局"], ["环境卫生", "问题整改"]),
        ("市文明办召开志愿服务工作推进会", ["市文明办"], ["志愿服务"]),
    ],
)


@pytest.fixture(scope="module")
def two_issue_site(tmp_path_factory):
    from conftest import FixtureSite

    site = FixtureSite(tmp_path_factory.mktemp("feeds") / "project")
    site.add_seed()
    site.add("bulletins/2021/gzjb-010.md", APRIL_ISSUE)
    result = site.build()
    assert result.returncode == 0, result.output
    catalog = json.loads((site.site_dir / "catalog.json").read_text(encoding="utf-8"))
    return site, catalog


def test_site_feed_lists_the_latest_issues_as_in_the_catalog(two_issue_site):
    site, catalog = two_issue_site
    feed = feedparser.parse((site.site_dir / "feeds/all.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "聊城市创建全国文明城市工作简报"
    entries = [(e.title, e.link, e.published[:10]) for e in feed.entries]
    expected = [(b["title"], SITE_URL + b["url"], b["date"]) for b in catalog["bulletins"]]
    assert entries == expected
    assert [b["issue"] for b in catalog["bulletins"]] == [10, 9]  # newest first
    # Each issue's entry links to its articles' anchors.
    content = feed.entries[0].content[0].value
    for article in catalog["bulletins"][0]["articles"]:
        assert f'href="{SITE_URL}{article["url"]}"' in content


def test_each_department_feed_lists_its_articles_as_in_the_catalog(two_issue_site):
    site, catalog = two_issue_site
    for department in catalog["departments"]:
        path = site.site_dir / "feeds" / "departments" / f"{department['id']}.xml"
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        expected = [
            (article["title"], SITE_URL + article["url"], bulletin["date"])
            for bulletin in catalog["bulletins"]
            for article in bulletin["articles"]
            if department["id"] in [d["id"] for d in article["departments"]]
        ]
        entries = [(e.title, e.link, e.published[:10]) for e in feed.entries]
        assert entries == expected, department["id"]
        assert len(entries) == department["articles"]
        assert feed.feed.title.startswith(department["short"])
    housing = feedparser.parse((site.site_dir / "feeds/departments/housing.xml").read_bytes())
    assert (
        housing.entries[0].title == "市住建局开展<物业小区>环境卫生集中整治"
    )  # escaped, not markup
    assert housing.entries[0].link.endswith("/bulletins/2021/gzjb-010/#a1")


def test_department_pages_link_their_feed(two_issue_site):
    site, catalog = two_issue_site
    for department in catalog["departments"]:
        html = (site.site_dir / department["url"] / "index.html").read_text(encoding="utf-8")
        href = f"../../feeds/departments/{department['id']}.xml"
        assert '<link rel="alternate" type="application/atom+xml"' in html
        assert f'href="{href}"' in html, department["id"]
    overview = (site.site_dir / "bulletins/index.html").read_text(encoding="utf-8")
    assert 'href="../feeds/all.xml"' in overview


def test_material_finds_a_sitemap_beside_every_feed_link(two_issue_site):
    """Material's script fetches sitemap.xml from the folder of each <link rel="alternate">
    (it takes them for language versions): the site answers it with an empty sitemap instead
    of a 404 on every page view."""
    site, _ = two_issue_site
    checked = set()
    for page in site.site_dir.rglob("*.html"):
        page_url = "http://host/" + page.relative_to(site.site_dir).as_posix()
        for href in re.findall(
            r'<link rel="alternate"[^>]* href="([^"]+)"', page.read_text("utf-8")
        ):
            sitemap = urljoin(urljoin(page_url, href), "sitemap.xml").removeprefix("http://host/")
            checked.add(sitemap)
    assert checked == {"feeds/sitemap.xml", "feeds/departments/sitemap.xml"}
    for path in checked:
        urlset = ET.fromstring((site.site_dir / path).read_bytes())
        assert urlset.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
        assert len(urlset) == 0  # lists nothing


def test_no_feeds_without_an_absolute_site_url(fixture_site):
    fixture_site.add_seed()
    text = (fixture_site.directory / "mkdocs.yml").read_text(encoding="utf-8")
    fixture_site.directory.joinpath("mkdocs.yml").write_text(
        text.replace('"https://example.gov.cn/wmcj/jianbao/"', '""'), encoding="utf-8"
    )
    result = fixture_site.build()
    assert result.returncode == 0, result.output
    assert not (fixture_site.site_dir / "feeds").exists()
    assert not (fixture_site.site_dir / "robots.txt").exists()
    html = (fixture_site.site_dir / "departments/housing/index.html").read_text(encoding="utf-8")
    assert "application/atom+xml" not in html


def _seed_bulletins(extra: list[tuple[str, str]] = ()):
    registry = real_registry()
    seed = (ROOT / "docs/bulletins/2021/gzjb-009.md").read_text(encoding="utf-8")
    sources = [Source("bulletins/2021/gzjb-009.md", "docs/bulletins/2021/gzjb-009.md", seed)]
    sources += [Source(path, f"docs/{path}", text) for path, text in extra]
    bulletins, problems = load_bulletins(sources, registry)
    assert [p for p in problems if p.severity == "error"] == []
    return bulletins, registry


def test_site_feed_keeps_only_the_latest_issues():
    issues = [
        (f"bulletins/2021/gzjb-{n:03d}.md",
         bulletin_text(issue=str(n), date="2021-04-02"))
        for n in range(10, 10 + LATEST_ISSUES + 5)
    ]  # fmt: skip
    bulletins, _ = _seed_bulletins(issues)
    site = FeedSite(SITE_URL, "简报", "办公室")
    feed = feedparser.parse(site_feed(bulletins, site, Links(True)))
    assert len(feed.entries) == LATEST_ISSUES
    assert feed.entries[0].title == f"工作简报 2021年第{10 + LATEST_ISSUES + 4}期"


def test_feeds_are_dated_by_the_issues_not_the_build():
    bulletins, registry = _seed_bulletins()
    site = FeedSite(SITE_URL, "简报", "办公室")
    text = site_feed(bulletins, site, Links(True))
    assert "<updated>2021-03-11T00:00:00+08:00</updated>" in text
    empty = department_feed(registry.departments["commerce"], [], site, Links(True))
    parsed = feedparser.parse(empty)
    assert not parsed.bozo and parsed.entries == []
    refs = articles_by_department(bulletins)["justice"]
    parsed = feedparser.parse(
        department_feed(registry.departments["justice"], refs, site, Links(False))
    )
    assert parsed.entries[0].link == f"{SITE_URL}bulletins/2021/gzjb-009.html#a3"
    assert parsed.entries[0].published == "2021-03-11T00:00:00+08:00"


def test_a_feed_opened_in_a_browser_is_explained_not_shown_as_xml(two_issue_site, serve, page):
    """A reader tapping 订阅本页更新 got an XML tree (found in review on a phone)."""
    site_dir = two_issue_site[0].site_dir
    for path in ("feeds/all.xml", "feeds/departments/housing.xml"):
        text = (site_dir / path).read_text(encoding="utf-8")
        href = re.search(r'<\?xml-stylesheet type="text/css" href="([^"]+)"\?>', text)[1]
        assert (site_dir / path).parent.joinpath(href).resolve() == site_dir / "assets/feed.css"
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(serve(site_dir).base + "feeds/departments/housing.xml")
    shown = page.evaluate("document.documentElement.textContent && document.body === null")
    assert shown  # an XML document, not an HTML page
    explained = page.evaluate("getComputedStyle(document.documentElement, '::before').content")
    assert "RSS 阅读器" in explained
    assert page.evaluate("getComputedStyle(document.querySelector('entry > id')).display") == (
        "none"
    )


def test_a_corrected_issue_is_updated_in_its_feed_entry():
    extra = "corrections:\n  - date: 2021-04-02\n    note: 改正错字。"
    source = Source("bulletins/2021/gzjb-010.md", "docs/b.md", bulletin_text(extra=extra))
    bulletins, problems = load_bulletins([source], real_registry())
    assert problems == []
    site = FeedSite("https://example.gov.cn/wmcj/jianbao/", "简报", "简报")
    feed = feedparser.parse(site_feed(bulletins, site, Links(True)))
    [entry] = feed.entries
    assert entry.published.startswith("2021-03-18") and entry.updated.startswith("2021-04-02")
    assert feed.feed.updated.startswith("2021-04-02")

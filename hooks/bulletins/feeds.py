"""Atom feeds: the latest issues of the whole site, and the latest articles of each department.

Pure functions of the parsed bulletins. Feed readers need absolute links, so feeds exist only
when `site_url` is the published address (not in the offline copy, see hosting.py). Dates are
the bulletins' dates (Beijing time), never the build time, so two builds give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urljoin

from .indexes import ArticleRef
from .model import Bulletin, Department, chinese_date
from .registry import Registry
from .urls import BULLETINS_OVERVIEW, HOME, Links, department_source

ATOM_NS = "http://www.w3.org/2005/Atom"
SITE_FEED = "feeds/all.xml"
LATEST_ISSUES = 30
LATEST_ARTICLES = 50
BEIJING = dt.timezone(dt.timedelta(hours=8))
NO_ISSUES_YET = dt.date(1970, 1, 1)  # an Atom feed needs <updated> even when it is empty


def department_feed_path(department: Department) -> str:
    return f"feeds/departments/{department.id}.xml"


@dataclass(frozen=True)
class FeedSite:
    """What every feed says about the site: its address, name and publisher."""

    url: str  # absolute, ends with '/'
    name: str
    publisher: str

    def absolute(self, path: str) -> str:
        return urljoin(self.url, path)


def site_feed(bulletins: list[Bulletin], site: FeedSite, links: Links) -> str:
    """One entry per issue, newest first, listing its articles with links to their anchors."""
    latest = bulletins[:LATEST_ISSUES]
    feed = _feed(site, SITE_FEED, site.name, "", _updated(latest))
    for bulletin in latest:
        url = site.absolute(links.bulletin(bulletin))
        contents = "".join(
            f'<li><a href="{site.absolute(links.article(ArticleRef(bulletin, a)))}">'
            f"{html.escape(a.title)}</a></li>"
            for a in bulletin.articles
        )
        summary = f"<p>{html.escape(bulletin.issuer)} {chinese_date(bulletin.date)}</p><ol>{contents}</ol>"
        categories = sorted(
            {(d.id, d.short) for a in bulletin.articles for d in a.departments}
        )  # fmt: skip
        _entry(feed, url, bulletin.title, bulletin, url, summary, categories)
    return _serialize(feed, SITE_FEED)


def department_feed(
    department: Department, refs: list[ArticleRef], site: FeedSite, links: Links
) -> str:
    """One entry per article of the department, newest first, linking to its anchor."""
    latest = refs[:LATEST_ARTICLES]
    title = f"{department.short} · {site.name}"
    subtitle = f"{department.name}的工作简报文章"
    feed = _feed(site, department_feed_path(department), title, subtitle,
                 _updated([ref.bulletin for ref in latest]), links.department(department))  # fmt: skip
    for ref in latest:
        url = site.absolute(links.article(ref))
        bulletin = ref.bulletin
        summary = (
            f"<p>{html.escape(bulletin.series.name)} {bulletin.number_text} · "
            f"{chinese_date(bulletin.date)} · {html.escape(bulletin.issuer)}</p>"
        )
        categories = [(t.id, t.name) for t in ref.article.topics]
        _entry(feed, url, ref.article.title, bulletin, url, summary, categories)
    return _serialize(feed, department_feed_path(department))


def all_feeds(
    bulletins: list[Bulletin],
    registry: Registry,
    site: FeedSite,
    links: Links,
    by_department: dict[str, list[ArticleRef]],
) -> dict[str, str]:
    """Feed files by path under the site: the site feed, then every department's (even empty).
    `by_department`: `indexes.articles_by_department(bulletins)`."""
    feeds = {SITE_FEED: site_feed(bulletins, site, links)}
    for department in registry.departments.values():
        refs = by_department.get(department.id, [])
        feeds[department_feed_path(department)] = department_feed(department, refs, site, links)
    return feeds


# Material's script takes every <link rel="alternate"> for a language version of the page and
# fetches sitemap.xml from the linked file's folder (zensical/zensical#908 has the same code):
# beside a feed, a 404 and a console error on every page view that links one. An empty sitemap
# there answers it and lists nothing.
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def sitemaps_beside_feeds(feed_paths: list[str]) -> dict[str, str]:
    """An empty sitemap.xml in each folder that holds a feed (see EMPTY_SITEMAP)."""
    folders = sorted({posixpath.dirname(path) for path in feed_paths})
    return {posixpath.join(folder, "sitemap.xml"): EMPTY_SITEMAP for folder in folders}


def feed_pages(registry: Registry) -> dict[str, str]:
    """Page source path -> the feed it links to: the site feed, or its department's."""
    pages = {HOME: SITE_FEED, BULLETINS_OVERVIEW: SITE_FEED}
    for department in registry.departments.values():
        pages[department_source(department)] = department_feed_path(department)
    return pages


def _feed(
    site: FeedSite, path: str, title: str, subtitle: str, updated: dt.date, page: str = ""
) -> ET.Element:
    feed = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": "zh-CN"})
    _text(feed, "id", site.absolute(path))
    _text(feed, "title", title)
    if subtitle:
        _text(feed, "subtitle", subtitle)
    ET.SubElement(
        feed, "link", {"rel": "self", "type": "application/atom+xml", "href": site.absolute(path)}
    )
    ET.SubElement(
        feed, "link", {"rel": "alternate", "type": "text/html", "href": site.absolute(page)}
    )
    _text(feed, "updated", _timestamp(updated))
    author = ET.SubElement(feed, "author")
    _text(author, "name", site.publisher)
    return feed


def _entry(feed, entry_id, title, bulletin: Bulletin, url, summary, categories) -> None:
    entry = ET.SubElement(feed, "entry")
    _text(entry, "id", entry_id)
    _text(entry, "title", title)
    ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": url})
    _text(entry, "published", _timestamp(bulletin.date))
    _text(entry, "updated", _timestamp(bulletin.last_changed))  # a correction updates it
    author = ET.SubElement(entry, "author")
    _text(author, "name", bulletin.issuer)
    for term, label in categories:
        ET.SubElement(entry, "category", {"term": term, "label": label})
    _text(entry, "content", summary).set("type", "html")


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element


def _updated(bulletins: list[Bulletin]) -> dt.date:
    return max((b.last_changed for b in bulletins), default=NO_ISSUES_YET)


def _timestamp(date: dt.date) -> str:
    return dt.datetime(date.year, date.month, date.day, tzinfo=BEIJING).isoformat()


FEED_STYLESHEET = "assets/feed.css"  # how a browser shows a feed opened from a page's link


def _serialize(feed: ET.Element, path: str) -> str:
    """The feed's XML; its stylesheet is named relative to `path`, the feed's own place."""
    ET.indent(feed)
    stylesheet = posixpath.relpath(FEED_STYLESHEET, posixpath.dirname(path))
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<?xml-stylesheet type="text/css" href="{stylesheet}"?>\n'
        + ET.tostring(feed, encoding="unicode")
        + "\n"
    )

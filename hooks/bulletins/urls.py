"""Where each page lives. URLs are ASCII and follow from the data, never from Chinese titles."""

from __future__ import annotations

from types import SimpleNamespace

from mkdocs.utils import normalize_url

from .indexes import ArticleRef
from .model import Bulletin, Department, Topic

HOME = "index.md"
BULLETINS_OVERVIEW = "bulletins/index.md"
DEPARTMENTS_OVERVIEW = "departments/index.md"
TOPICS_OVERVIEW = "topics/index.md"
ARCHIVE_OVERVIEW = "archive/index.md"
STATISTICS = "statistics/index.md"
CATALOG = "catalog.json"


def bulletin_year_source(year: int) -> str:
    return f"bulletins/{year}/index.md"


def department_source(department: Department) -> str:
    return f"departments/{department.id}.md"


def topic_source(topic: Topic) -> str:
    return f"topics/{topic.id}.md"


def archive_year_source(year: int) -> str:
    return f"archive/{year}.md"


def page_url(source_path: str, use_directory_urls: bool) -> str:
    """The site-root-relative URL MkDocs gives the page built from `source_path`."""
    stem = source_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        directory = stem.removesuffix("index")
        return directory if use_directory_urls else f"{directory}index.html"
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


class Links:
    """Site-root-relative URLs of everything a template links to (pipe them through `|url`)."""

    def __init__(self, use_directory_urls: bool) -> None:
        self.use_directory_urls = use_directory_urls
        # One per page: listings, feeds, the catalog and the metadata blocks ask for the same
        # department, topic and bulletin URLs hundreds of thousands of times at 5,000 issues.
        self._urls: dict[str, str] = {}

    def source(self, source_path: str) -> str:
        url = self._urls.get(source_path)
        if url is None:
            url = self._urls[source_path] = page_url(source_path, self.use_directory_urls)
        return url

    def bulletin(self, bulletin: Bulletin) -> str:
        return self.source(bulletin.source_path)

    def article(self, ref: ArticleRef) -> str:
        return f"{self.bulletin(ref.bulletin)}#{ref.article.anchor}"

    def department(self, department: Department) -> str:
        return self.source(department_source(department))

    def topic(self, topic: Topic) -> str:
        return self.source(topic_source(topic))

    def bulletin_year(self, year: int) -> str:
        return self.source(bulletin_year_source(year))

    def archive_year(self, year: int) -> str:
        return self.source(archive_year_source(year))


class PageLinks:
    """The links of `Links`, relative to one page: what `links.department(d) | url` gives.

    For the article metadata blocks, rendered once per bulletin page outside MkDocs' page
    context: MkDocs' `url` filter cost a fifth of a millisecond per article. A target whose first
    segment differs from the page's (departments/… from bulletins/…) is the way up to the site
    root, then the target; any other is left to the filter's own function.
    """

    def __init__(self, links: Links, page_url: str) -> None:
        self._links = links
        self._page_url = page_url
        parent, _, last = page_url.rpartition("/")
        directory = parent if "." in last else page_url  # as MkDocs' get_relative_url reads it
        parts = [part for part in directory.split("/") if part]
        self._first = parts[0] if parts else None
        self._to_root = "../" * len(parts)

    def relative(self, url: str) -> str:
        plain = url and ":" not in url and not url.startswith((".", "/", "#"))
        if plain and url.split("/", 1)[0] != self._first:
            return self._to_root + url
        return normalize_url(url, SimpleNamespace(url=self._page_url))  # what `| url` does

    def department(self, department: Department) -> str:
        return self.relative(self._links.department(department))

    def topic(self, topic: Topic) -> str:
        return self.relative(self._links.topic(topic))

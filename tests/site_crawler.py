"""Follow every link of a built site in Chromium, the way a reader would, and report what fails."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from playwright.sync_api import Error as PlaywrightError

PAGE_SUFFIXES = ("/", ".html")


@dataclass
class CrawlResult:
    pages: list[str] = field(default_factory=list)  # every page opened, in order
    other_files: list[str] = field(default_factory=list)  # feeds, catalog.json, attachments
    failures: list[str] = field(default_factory=list)  # "url (from page): why"


def crawl(page, start: str, base: str, limit: int = 400) -> CrawlResult:
    """Open `start`, then every page linked from it under `base`, breadth first.

    Pages are opened in `page`; other files under `base` are fetched (http) or looked up on
    disk (file://). Anchors are not checked here.
    """
    result = CrawlResult()
    queue = [(start, "start")]
    seen = {start}
    while queue and len(result.pages) < limit:
        url, source = queue.pop(0)
        if not url.endswith(PAGE_SUFFIXES):
            result.other_files.append(url)
            problem = _file_problem(page, url)
            if problem:
                result.failures.append(f"{url} (from {source}): {problem}")
            continue
        try:
            response = page.goto(url)
        except PlaywrightError as error:  # how Chromium reports a missing file:// page
            result.failures.append(f"{url} (from {source}): {error}")
            continue
        if response is not None and url.startswith("http") and response.status != 200:
            result.failures.append(f"{url} (from {source}): HTTP {response.status}")
            continue
        result.pages.append(url)
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            target = urldefrag(href).url
            if target.startswith(base) and target not in seen:
                seen.add(target)
                queue.append((target, url))
    return result


def _file_problem(page, url: str) -> str:
    if url.startswith("file://"):
        return "" if Path(unquote(urlsplit(url).path)).is_file() else "no such file"
    status = page.request.get(url).status
    return "" if status == 200 else f"HTTP {status}"

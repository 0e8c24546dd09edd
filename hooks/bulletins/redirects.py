"""Pages at the URLs an issue had before its date or number was corrected, leading on to it.

A bulletin's URL follows from its series, year and number; correcting one of them moves the
page, and links and citations to the old URL would end in a 404. The issue names its former
files (`moved_from`); each former URL gets a small page that goes on to the issue, keeping an
article's anchor (#a2), and tells the reader where it went when scripts do not run.
"""

from __future__ import annotations

import html
import json
import posixpath

from .model import Bulletin
from .urls import page_url


def redirect_pages(bulletins: list[Bulletin], use_directory_urls: bool) -> dict[str, str]:
    """Output path (under the site) -> HTML of each former URL's page."""
    pages = {}
    for bulletin in bulletins:
        target = page_url(bulletin.source_path, use_directory_urls)
        for former in bulletin.moved_from:
            url = page_url(former.source_path, use_directory_urls)
            output = f"{url}index.html" if url.endswith("/") else url
            pages[output] = redirect_html(_relative(target, output), bulletin.title)
    return pages


def _relative(target: str, output: str) -> str:
    """`target` (a site-root-relative URL) as seen from the page written at `output`."""
    relative = posixpath.relpath(target, posixpath.dirname(output) or ".")
    return f"{relative}/" if target.endswith("/") and not relative.endswith("/") else relative


def redirect_html(target: str, title: str) -> str:
    shown = html.escape(title)
    link = html.escape(target, quote=True)
    return (
        '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{shown}（已移到新网址）</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={link}">\n'
        # The refresh would drop the #a2 of a link to one article: the script keeps it.
        f"<script>location.replace({json.dumps(target)} + location.search + location.hash)"
        "</script>\n</head>\n<body>\n"
        f'<p>本期的网址已改，请到新网址阅读：<a href="{link}">{shown}</a></p>\n'
        "</body>\n</html>\n"
    )

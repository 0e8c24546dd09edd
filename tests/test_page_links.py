"""PageLinks gives, without MkDocs' `url` filter, exactly the URLs that filter gives."""

from __future__ import annotations

import pytest
from bulletins.urls import Links, PageLinks
from helpers import real_registry
from mkdocs.utils import normalize_url

PAGES = [
    "bulletins/2021/gzjb-009/", "bulletins/2021/gzjb-009.html", "", "index.html", "departments/",
    "departments/housing.html", "bulletins/2021/", "a/b", "x.html", "bulletins/2021/index.html",
]  # fmt: skip
TARGETS = [
    "departments/housing/", "departments/housing.html", "topics/fire-lanes/", "bulletins/2021/",
    "bulletins/", "index.html", "", "bulletins/2021/gzjb-009/", "x.html", "../up/",
    "https://example.gov.cn/a/", "#top", "/abs/",
]  # fmt: skip


class _Page:
    def __init__(self, url: str) -> None:
        self.url = url


@pytest.mark.parametrize("page_url", PAGES)
def test_relative_urls_are_the_url_filters(page_url):
    page_links = PageLinks(Links(True), page_url)
    for target in TARGETS:
        assert page_links.relative(target) == normalize_url(target, _Page(page_url)), target


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_department_and_topic_links_from_a_bulletin_page(use_directory_urls):
    registry = real_registry()
    links = Links(use_directory_urls)
    page_url = links.source("bulletins/2021/gzjb-009.md")
    page_links = PageLinks(links, page_url)
    for department in registry.departments.values():
        expected = normalize_url(links.department(department), _Page(page_url))
        assert page_links.department(department) == expected
    for topic in registry.topics.values():
        assert page_links.topic(topic) == normalize_url(links.topic(topic), _Page(page_url))
    assert page_links.department(department).startswith(
        "../../" if use_directory_urls is False else "../../../"
    )

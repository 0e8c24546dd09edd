"""Golden files: the main content of generated pages and catalog.json of a small fixture site.

The site is tests/fixtures/golden/docs (two invented bulletins) plus the seed issue. Expected
files live in tests/fixtures/golden/expected/. After an intended change, regenerate them with
`UPDATE_GOLDEN=1 python -m pytest tests/test_golden_pages.py` and review the diff.
"""

from __future__ import annotations

import os
import re

import pytest
from conftest import FIXTURES, FixtureSite
from html_text import inner_html, page_file

GOLDEN = FIXTURES / "golden"
PAGES = [
    "bulletins/",
    "bulletins/2021/",
    "bulletins/2021/gzjb-010/",
    "departments/",
    "departments/housing/",
    "topics/",
    "topics/fire-lanes/",
    "archive/",
    "archive/2021/",
    "archive/2022/",
]


@pytest.fixture(scope="module")
def golden_site(tmp_path_factory) -> FixtureSite:
    site = FixtureSite(tmp_path_factory.mktemp("golden") / "project")
    for path in sorted((GOLDEN / "docs").rglob("*.md")):
        site.add(path.relative_to(GOLDEN / "docs").as_posix(), path.read_text(encoding="utf-8"))
    site.result = site.build()
    assert site.result.returncode == 0, site.result.output
    return site


def check_golden(name: str, actual: str) -> None:
    expected_file = GOLDEN / "expected" / name
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.exists(), (
        f"{expected_file} is missing: run UPDATE_GOLDEN=1 python -m pytest {__file__} and review it"
    )
    assert actual == expected_file.read_text(encoding="utf-8"), (
        f"{name} differs from its golden file"
    )


def main_content(html: str) -> str:
    content = inner_html(html, "article", "md-content__inner")
    # Blank lines and indentation are the template's business, not the golden file's.
    return "\n".join(line.strip() for line in content.splitlines() if line.strip()) + "\n"


@pytest.mark.parametrize("url", PAGES)
def test_generated_page_matches_golden(golden_site, url):
    html = page_file(golden_site.site_dir, url).read_text(encoding="utf-8")
    name = re.sub(r"[^a-z0-9]+", "-", url).strip("-") + ".html"
    check_golden(name, main_content(html))


def test_catalog_matches_golden(golden_site):
    check_golden(
        "catalog.json", (golden_site.site_dir / "catalog.json").read_text(encoding="utf-8")
    )

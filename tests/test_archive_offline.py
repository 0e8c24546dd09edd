"""The offline copy: one reproducible zip that works from file:// with no network."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import package_archive
import pytest
from conftest import ROOT
from site_crawler import crawl

EPOCH = 1615420800  # 2021-03-11 00:00 UTC, the seed issue's date


@pytest.fixture(scope="session")
def offline_zip() -> tuple[str, bytes]:
    return package_archive.package(ROOT, "jianbao", EPOCH, "abc")


@pytest.fixture(scope="session")
def offline_copy(offline_zip, tmp_path_factory) -> Path:
    """The zip unpacked as an archivist would: the folder holding index.html."""
    target = tmp_path_factory.mktemp("disc")
    zipfile.ZipFile(io.BytesIO(offline_zip[1])).extractall(target)
    return target / offline_zip[0].removesuffix(".zip")


def test_zip_is_byte_identical_when_built_again(offline_zip):
    name, data = package_archive.package(ROOT, "jianbao", EPOCH, "abc")
    assert name == offline_zip[0] == "jianbao-20210311.zip"
    assert hashlib.sha256(data).hexdigest() == hashlib.sha256(offline_zip[1]).hexdigest()


def test_zip_entries_are_sorted_and_dated_by_source_date(offline_zip):
    infos = zipfile.ZipFile(io.BytesIO(offline_zip[1])).infolist()
    names = [info.filename for info in infos]
    assert names == sorted(names)
    assert {info.date_time for info in infos} == {(2021, 3, 11, 0, 0, 0)}
    assert all(name.startswith("jianbao-20210311/") for name in names)


def test_zip_holds_site_catalog_manifest_and_instructions(offline_copy):
    for name in ("index.html", "catalog.json", "SHA256SUMS", "使用说明.txt",
                 "bulletins/2021/gzjb-009.html", "search/data.js",
                 "assets/vendor/iframe-worker/shim.js", "assets/vendor/iframe-worker/LICENSE"):  # fmt: skip
        assert (offline_copy / name).is_file(), name
    # No hosting files in the copy: it has no address for feeds or robots.txt to point at.
    assert not (offline_copy / "feeds").exists()
    assert not (offline_copy / "robots.txt").exists()
    readme = (offline_copy / "使用说明.txt").read_text(encoding="utf-8-sig")
    assert "index.html" in readme and "1 期简报、5 篇文章" in readme


def test_manifest_lists_every_other_file_with_its_digest(offline_copy):
    listed = {}
    for line in (offline_copy / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, path = line.split("  ", 1)
        listed[path] = digest
    on_disk = sorted(
        p.relative_to(offline_copy).as_posix() for p in offline_copy.rglob("*") if p.is_file()
    )
    assert sorted(listed) == [p for p in on_disk if p != "SHA256SUMS"]
    for path, digest in listed.items():
        assert hashlib.sha256((offline_copy / path).read_bytes()).hexdigest() == digest, path


def test_pages_use_the_local_shim_and_no_other_host(offline_copy):
    index = (offline_copy / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/vendor/iframe-worker/shim.js"></script>' in index
    for html in offline_copy.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "unpkg.com" not in text, html
        assert 'rel="canonical"' not in text, html  # no address offline


def test_every_page_and_index_opens_from_file(offline_copy, page):
    page.context.set_offline(True)  # as on an archive machine with no network
    start = (offline_copy / "index.html").as_uri()
    result = crawl(page, start, base=offline_copy.as_uri() + "/")
    assert result.failures == []
    catalog = json.loads((offline_copy / "catalog.json").read_text(encoding="utf-8"))
    expected = {b["url"] for b in catalog["bulletins"]}
    expected |= {d["url"] for d in catalog["departments"] if d["articles"]}
    expected |= {t["url"] for t in catalog["topics"] if t["articles"]}
    expected |= {y["url"] for y in catalog["years"]} | {y["issues_url"] for y in catalog["years"]}
    opened = {url.removeprefix(offline_copy.as_uri() + "/") for url in result.pages}
    assert expected <= opened
    assert page.external_requests == []


def test_search_works_from_file(offline_copy, page):
    # The site's own search loads its index through <script> tags, which work from file://.
    page.context.set_offline(True)
    page.goto((offline_copy / "index.html").as_uri())
    page.click(".md-search__input")
    page.keyboard.insert_text("郭建民")
    page.keyboard.press("Shift")
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=15000)
    assert "gzjb-009.html" in first.get_attribute("href")
    first.click()
    page.wait_for_load_state()
    assert page.url.startswith((offline_copy / "bulletins/2021/gzjb-009.html").as_uri())
    assert "第9期" in page.inner_text(".bulletin-masthead")
    assert page.external_requests == []


def test_the_copy_keeps_the_sources_the_catalog_names(offline_copy):
    """The Markdown is what the site is rebuilt from: the preservation copy (archivist review)."""
    catalog = json.loads((offline_copy / "catalog.json").read_text(encoding="utf-8"))
    for bulletin in catalog["bulletins"]:
        kept = offline_copy / "source" / bulletin["source"]
        assert kept.read_bytes() == (ROOT / bulletin["source"]).read_bytes()
    for registry in ("series.yml", "departments.yml", "topics.yml"):
        kept = offline_copy / "source/docs/_data" / registry
        assert kept.read_bytes() == (ROOT / "docs/_data" / registry).read_bytes()
    assert catalog["site_url"] is None  # the copy has no address

"""Pure functions of hosting and packaging: shims, robots.txt, manifest, zip."""

from __future__ import annotations

import hashlib
import io
import subprocess
import zipfile
from pathlib import Path

import package_archive
import pytest
from bulletins.hosting import IFRAME_WORKER_SHIM, is_absolute_site_url, local_polyfills, robots_txt


def test_unpkg_shim_is_replaced_by_the_vendored_one():
    polyfills = ["assets/other.js", "https://unpkg.com/iframe-worker/shim"]
    assert local_polyfills(polyfills) == ["assets/other.js", IFRAME_WORKER_SHIM]
    assert local_polyfills(["assets/other.js"]) == ["assets/other.js"]  # hosted build: no shim


def test_robots_txt_points_at_the_sitemap_under_the_sub_path():
    robots = robots_txt("https://example.gov.cn/wmcj/jianbao")
    assert robots.endswith("Sitemap: https://example.gov.cn/wmcj/jianbao/sitemap.xml\n")
    assert is_absolute_site_url("https://example.gov.cn/")
    assert not is_absolute_site_url("") and not is_absolute_site_url(None)


def test_manifest_is_in_sha256sum_format_sorted_by_path():
    manifest = package_archive.sha256sums({"b.txt": b"b", "a/x.html": b"x"}).decode()
    assert manifest == (
        f"{hashlib.sha256(b'x').hexdigest()}  a/x.html\n{hashlib.sha256(b'b').hexdigest()}  b.txt\n"
    )


def test_zip_depends_only_on_its_inputs():
    files = {"index.html": b"<html>", "使用说明.txt": "说明".encode(), "a/b.css": b"x" * 1000}
    first = package_archive.zip_archive(files, "jianbao-20210311", 1615420800)
    second = package_archive.zip_archive(
        dict(reversed(list(files.items()))), "jianbao-20210311", 1615420800
    )
    assert first == second
    assert first != package_archive.zip_archive(files, "jianbao-20210311", 1615420801 + 86400)
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert archive.namelist() == [
        "jianbao-20210311/a/b.css", "jianbao-20210311/index.html", "jianbao-20210311/使用说明.txt",
    ]  # fmt: skip
    assert archive.read("jianbao-20210311/使用说明.txt").decode() == "说明"
    # Zip dates cannot go before 1980: an epoch of 0 must still give a valid, stable archive.
    assert zipfile.ZipFile(io.BytesIO(package_archive.zip_archive(files, "x", 0))).testzip() is None


def test_readme_counts_the_catalog_and_opens_in_notepad():
    catalog = {"bulletins": [{"articles": [1, 2]}, {"articles": [3]}]}
    data = package_archive.archive_readme(
        "{date} {revision} {issues} {articles}\n", "2021-03-11", "abc", catalog
    )
    assert data.startswith("\ufeff".encode())
    assert data.decode("utf-8-sig") == "2021-03-11 abc 2 3\r\n"


def test_source_date_comes_from_the_environment_first(tmp_path):
    assert (
        package_archive.source_date_epoch(tmp_path, {"SOURCE_DATE_EPOCH": "1615420800"})
        == 1615420800
    )


def test_without_git_or_source_date_the_script_stops(tmp_path):
    with pytest.raises(SystemExit, match="SOURCE_DATE_EPOCH"):
        package_archive.source_date_epoch(tmp_path, {})


def _git_project(directory: Path) -> Path:
    """A git checkout with a committed docs/ page and README."""
    (directory / "docs").mkdir(parents=True)
    (directory / "docs" / "index.md").write_text("# 首页\n", encoding="utf-8")
    (directory / "README.md").write_text("readme\n", encoding="utf-8")
    git = ["git", "-C", str(directory), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "first"], check=True)
    return directory


def test_a_clean_checkout_is_packaged_under_its_revision(tmp_path):
    project = _git_project(tmp_path)
    (project / "README.md").write_text("changed, but not a source of the site\n")
    revision = package_archive.source_revision(project, allow_uncommitted=False)
    assert revision == package_archive.git_revision(project)
    assert len(revision) == 12


def test_uncommitted_changes_to_the_sources_stop_the_packaging(tmp_path, capsys):
    project = _git_project(tmp_path)
    (project / "docs" / "index.md").write_text("# 改过的首页\n", encoding="utf-8")
    (project / "docs" / "新的.md").write_text("# 新\n", encoding="utf-8")

    assert package_archive.uncommitted_sources(project) == ["docs/index.md", "docs/新的.md"]
    with pytest.raises(SystemExit, match="未提交的改动") as stopped:
        package_archive.main(["--project", str(project), "--dry-run"])
    assert "docs/index.md" in str(stopped.value) and "--allow-uncommitted" in str(stopped.value)

    revision = package_archive.source_revision(project, allow_uncommitted=True)
    assert revision == package_archive.git_revision(project) + "+未提交的改动"


def test_the_copy_keeps_the_sources_of_the_published_bulletins_only(tmp_path):
    """A draft is not on the site nor in the catalog: its Markdown stays out of the copy too."""
    for path in ("docs/_data/series.yml", "docs/bulletins/2021/gzjb-009.md",
                 "docs/bulletins/2021/gzjb-010.md"):  # fmt: skip
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(path, encoding="utf-8")
    catalog = {"bulletins": [{"source": "docs/bulletins/2021/gzjb-009.md"}]}  # 010: a draft
    assert package_archive.preserved_sources(tmp_path, catalog) == {
        "source/docs/_data/series.yml": b"docs/_data/series.yml",
        "source/docs/bulletins/2021/gzjb-009.md": b"docs/bulletins/2021/gzjb-009.md",
    }

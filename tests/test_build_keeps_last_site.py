"""A broken bulletin stops the build before MkDocs empties site/: the last good site stays whole.

The bulletins are read and checked in `on_pre_build` (MkDocs cleans site/ right after it) by a
walk of docs/ that must find the documents MkDocs finds; `on_files` then uses what was read.
"""

from __future__ import annotations

import bulletin_hooks
import bulletins.content
import pytest
from bulletins.collection import files_under, is_bulletin_source
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import _default_exclude, get_files


def test_a_broken_bulletin_leaves_the_last_good_site_in_place(fixture_site):
    fixture_site.add_seed()
    assert fixture_site.build().returncode == 0
    seed_page = fixture_site.site_dir / "bulletins/2021/gzjb-009/index.html"
    built = {p: p.read_bytes() for p in fixture_site.site_dir.rglob("*") if p.is_file()}
    assert seed_page in built and len(built) > 100

    fixture_site.add("bulletins/2021/gzjb-010.md", "---\nseries: gzjb\nissue: 10\n---\n")
    result = fixture_site.build()

    assert result.returncode != 0
    assert "内容错误，构建已停止" in result.output
    assert "Cleaning site directory" not in result.output
    after = {p: p.read_bytes() for p in fixture_site.site_dir.rglob("*") if p.is_file()}
    assert after == built  # not a file lost or changed, none added


@pytest.mark.parametrize(
    ("path", "text", "printed"),
    [
        ("bulletins/2021/gzjb-010.md", "---\nseries: gzjb\nissue: 10\n---\n", "内容错误，构建已停止"),
        ("_data/topics.yml", "- id: [broken\n", "1 处名录错误，改正名录后才会检查各期简报"),
        # A warning stops a strict build too: it must not replace the site first.
        ("bulletins/2021/gzjb-009.md", None, "1 处警告：正式构建（--strict）不允许警告，构建已停止"),
    ],
    ids=["broken-bulletin", "broken-registry", "warning-under-strict"],
)  # fmt: skip
def test_a_failed_build_of_any_kind_keeps_the_last_site(fixture_site, path, text, printed):
    fixture_site.add_seed()
    assert fixture_site.build().returncode == 0
    built = {p: p.read_bytes() for p in fixture_site.site_dir.rglob("*") if p.is_file()}
    if text is None:  # the seed with a misspelt key and a changed sentence
        seed = (fixture_site.docs / path).read_text(encoding="utf-8")
        text = seed.replace("issuer:", "isuer: x\nissuer:", 1).replace("。", "！", 1)
    fixture_site.add(path, text)

    result = fixture_site.build()

    assert result.returncode != 0
    assert printed in result.output
    after = {p: p.read_bytes() for p in fixture_site.site_dir.rglob("*") if p.is_file()}
    assert after == built


def _project(tmp_path, extra_config: str = ""):
    docs = tmp_path / "docs"
    for path in (
        "index.md",
        "bulletins/2021/gzjb-009.md",
        "bulletins/2021/index.md",
        "bulletins/.drafts/gzjb-011.md",
        "bulletins/templates/gzjb-012.md",
        "bulletins/old/gzjb-013.md",
        "bulletins/2021/file.pdf",
    ):
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text("x", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(f"site_name: t\n{extra_config}", encoding="utf-8")
    return load_config(str(tmp_path / "mkdocs.yml"))


@pytest.mark.parametrize(
    "extra_config",
    [
        "",
        "exclude_docs: |\n  old/\n",
        "exclude_docs: |\n  !bulletins/.drafts/\n",
        "draft_docs: |\n  bulletins/2021/*.md\n",
    ],
    ids=["defaults", "exclude_docs", "exclude_docs-negated", "draft_docs"],
)
def test_the_walk_before_the_clean_finds_the_bulletins_mkdocs_finds(tmp_path, extra_config):
    config = _project(tmp_path, extra_config)
    walked = files_under(config.docs_dir, bulletin_hooks._excluded_by(config))
    by_mkdocs = [f.src_uri for f in get_files(config).documentation_pages()]
    assert [p for p in walked if is_bulletin_source(p)] == [
        p for p in by_mkdocs if is_bulletin_source(p)
    ]
    assert "bulletins/2021/file.pdf" in walked


def test_the_default_exclusion_is_mkdocs_own():
    # MkDocs keeps it private: an upgrade that changes it must show here.
    assert bulletin_hooks._MKDOCS_DEFAULT_EXCLUDE == _default_exclude


def test_a_build_reads_the_bulletins_once(fixture_site, monkeypatch):
    fixture_site.add_seed()
    calls = []
    load = bulletins.content.load_bulletins

    def counted(sources, *args):
        sources = list(sources)
        calls.append([s.source_path for s in sources])
        return load(sources, *args)

    # MkDocs loads the hooks' module afresh for each config; it imports the patched function.
    monkeypatch.setattr(bulletins.content, "load_bulletins", counted)
    monkeypatch.chdir(fixture_site.directory)
    config = load_config("mkdocs.yml", site_dir=str(fixture_site.site_dir))
    build(config)

    assert calls == [["bulletins/2021/gzjb-009.md"]]
    assert (fixture_site.site_dir / "bulletins/2021/gzjb-009/index.html").is_file()


def test_a_bulletin_that_cannot_be_read_is_named_not_a_traceback(fixture_site):
    fixture_site.add_seed()
    (fixture_site.docs / "bulletins/2021/gzjb-011.md").symlink_to("/nonexistent/gzjb-011.md")
    result = fixture_site.build()
    assert result.returncode != 0
    assert "docs/bulletins/2021/gzjb-011.md: 文件读不到：它已被删除或改名，或是一个失效的链接" in (
        result.output
    )
    assert "Traceback" not in result.output

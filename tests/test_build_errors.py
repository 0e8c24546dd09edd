"""Real `mkdocs build --strict` of fixture sites with broken bulletins.

Each case is a folder in tests/fixtures/bad_input/: `docs/` files added to a copy of the real
site (with the seed issue), and `expected.txt` with the exact problem lines the build must print.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

CASES = sorted(p for p in (FIXTURES / "bad_input").iterdir() if p.is_dir())
WARNING_ONLY = {"unknown-key"}  # the bulletin is kept; --strict stops the build on it


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_bulletin_fails_the_build_with_its_error_line(fixture_site, case: Path):
    expected_file = case / "expected.txt"
    assert expected_file.exists(), f"{expected_file} is missing: write the expected error lines"
    for path in sorted((case / "docs").rglob("*.md")):
        fixture_site.add(
            path.relative_to(case / "docs").as_posix(), path.read_text(encoding="utf-8")
        )

    result = fixture_site.build()

    assert result.returncode != 0, result.output
    printed = [
        line.split("hooks/bulletin_hooks: ")[-1].strip() for line in result.output.splitlines()
    ]
    for expected in expected_file.read_text(encoding="utf-8").splitlines():
        assert expected in printed, (
            f"missing line:\n{expected}\n--- build output ---\n{result.output}"
        )
    if case.name in WARNING_ONLY:
        assert "1 处警告：正式构建（--strict）不允许警告，构建已停止" in result.output
    else:
        assert "内容错误，构建已停止" in result.output
    # Stopped before any page was written: no site with a hole in it.
    assert not (fixture_site.site_dir / "index.html").exists()


def test_unknown_key_is_only_a_warning_without_strict(fixture_site):
    case = FIXTURES / "bad_input" / "unknown-key" / "docs"
    for path in case.rglob("*.md"):
        fixture_site.add(path.relative_to(case).as_posix(), path.read_text(encoding="utf-8"))
    result = fixture_site.build(strict=False)
    assert result.returncode == 0, result.output
    assert "警告: isuer: 不认识的字段" in result.output
    assert (fixture_site.site_dir / "bulletins/2021/gzjb-010/index.html").exists()


def test_a_bulletin_saved_as_gbk_stops_the_build_with_its_line(fixture_site):
    """MkDocs would stop with a traceback in its own code; the build names the file instead."""
    text = fixture_site.docs.joinpath("bulletins/2021/gzjb-009.md").read_text(encoding="utf-8")
    text = text.replace("issue: 9", "issue: 10")
    path = fixture_site.docs / "bulletins" / "2021" / "gzjb-010.md"
    path.write_bytes(text.encode("gbk"))
    first_chinese_line = next(
        number for number, line in enumerate(text.splitlines(), 1) if not line.isascii()
    )

    result = fixture_site.build()

    assert result.returncode != 0
    assert (
        f"docs/bulletins/2021/gzjb-010.md:{first_chinese_line}: 编码: 文件不是 UTF-8 文本"
        "（看起来是 GBK/GB18030 编码，即记事本的“ANSI”）：请打开它，另存为 UTF-8"
    ) in result.output
    assert "Traceback" not in result.output
    assert not (fixture_site.site_dir / "index.html").exists()

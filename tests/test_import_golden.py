"""Golden files of the importer: tests/fixtures/import/<case>/input.(txt|docx) -> expected.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bulletins.frontmatter import split_front_matter
from bulletins.importer.footer import COPIES_RE, FOOTER_FIELD_RE
from bulletins.importer.lines import split_lines
from bulletins.importer.pipeline import ImportResult, import_text
from bulletins.importer.sources import read_input
from bulletins.parse import PLACEHOLDER_PREFIX
from bulletins.problems import errors
from bulletins.registry import load_registry
from conftest import FIXTURES, ROOT, SEED_BULLETIN

IMPORT_FIXTURES = FIXTURES / "import"
INPUTS = sorted(p for p in IMPORT_FIXTURES.glob("*/input.*") if p.suffix in (".txt", ".docx"))
HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def registry():
    registry, problems = load_registry(str(ROOT / "docs" / "_data"), "docs/_data")
    assert not problems
    return registry


def run_import(path: Path, registry) -> tuple[str, ImportResult]:
    text, _ = read_input(path)
    return text, import_text(text, registry, path.name, path.parent.name)


def split(markdown: str) -> tuple[dict, str]:
    _, front, body = markdown.split("---\n", 2)
    return yaml.safe_load(front), body


def test_there_is_a_fixture_per_variant():
    cases = {path.parent.name for path in INPUTS}
    assert {"seed", "seed-docx", "pdf-page-breaks", "no-contents-columns"} <= cases
    assert len(cases) >= 6


@pytest.mark.parametrize("input_path", INPUTS, ids=lambda p: p.parent.name)
def test_import_matches_expected(input_path, registry):
    expected_path = input_path.parent / "expected.md"
    _, result = run_import(input_path, registry)
    if not expected_path.exists():
        pytest.fail(
            f"{expected_path.relative_to(ROOT)} is missing: review the output of "
            f"`python scripts/import_bulletin.py --dry-run {input_path.relative_to(ROOT)}` "
            "and save it there"
        )
    assert result.markdown == expected_path.read_text(encoding="utf-8")


@pytest.mark.parametrize("input_path", INPUTS, ids=lambda p: p.parent.name)
def test_no_body_text_is_lost(input_path, registry):
    """The Han characters of the input, minus masthead, contents and page furniture, are all
    in the output (body and distribution), in the same order."""
    text, result = run_import(input_path, registry)
    dropped = {line.number for line in result.dropped}
    kept = []
    for line in split_lines(text):
        if line.number in dropped:
            continue
        kept_text = COPIES_RE.sub("", line.text)
        if match := FOOTER_FIELD_RE.match(kept_text):  # the 报：/发： labels are form, not text
            kept_text = match["text"]
        kept.append(kept_text)
    front, body = split(result.markdown)
    distribution = front.get("distribution") or {}
    output = body + distribution.get("report_to", "") + distribution.get("send_to", "")
    assert HAN_RE.findall("".join(kept)) == HAN_RE.findall(output)
    assert {line.reason for line in result.dropped} <= {
        "masthead", "contents", "page number", "separator", "running head"
    }  # fmt: skip
    # Masthead and contents are the top of the first page: nothing kept comes before them.
    top = [line.number for line in result.dropped if line.reason in ("masthead", "contents")]
    first_kept = min(
        line.number for line in split_lines(text) if line.text and line.number not in dropped
    )
    assert max(top, default=0) < first_kept
    # Page furniture is short: a dropped line is never a paragraph.
    assert all(len(line.text) <= 40 for line in result.dropped if line.reason != "contents")


def test_seed_body_is_the_published_issue(registry):
    _, result = run_import(IMPORT_FIXTURES / "seed" / "input.txt", registry)
    imported_front, imported_body = split(result.markdown)
    published_front, published_body = split(SEED_BULLETIN.read_text(encoding="utf-8"))
    assert imported_body == published_body
    assert result.source_path == "bulletins/2021/gzjb-009.md"
    for front in (imported_front, published_front):  # the fields an editor judges
        for article in front["articles"]:
            del article["departments"], article["topics"]
    assert imported_front == published_front


def test_seed_docx_imports_like_the_text(registry):
    _, from_text = run_import(IMPORT_FIXTURES / "seed" / "input.txt", registry)
    _, from_docx = run_import(IMPORT_FIXTURES / "seed-docx" / "input.docx", registry)
    assert from_docx.markdown == from_text.markdown


@pytest.mark.parametrize("input_path", INPUTS, ids=lambda p: p.parent.name)
def test_placeholders_fail_validation_and_are_named(input_path, registry):
    """A file validates exactly when it has no placeholder; each placeholder is an error and
    the importer warned about the same field."""
    _, result = run_import(input_path, registry)
    front, _ = split_front_matter(result.markdown, "out.md")
    placeholder_lines = [
        number
        for number, line in enumerate(result.markdown.split("\n"), 1)
        if PLACEHOLDER_PREFIX in line and number < front.body_start_line
    ]
    error_lines = sorted({problem.line for problem in errors(result.problems)})
    assert error_lines == placeholder_lines
    warned_fields = {warning.field for warning in result.warnings}
    for problem in errors(result.problems):
        field = re.sub(r"\[\d+\]$", "", problem.field)  # departments[0] -> departments
        assert field in warned_fields, f"no warning names {field}"


def test_the_imported_seed_builds(fixture_site, registry):
    _, result = run_import(IMPORT_FIXTURES / "seed" / "input.txt", registry)
    fixture_site.add(result.source_path, result.markdown)
    built = fixture_site.build()
    assert built.returncode == 0, built.output
    page = (fixture_site.site_dir / "bulletins/2021/gzjb-009/index.html").read_text(
        encoding="utf-8"
    )
    assert "我市专项治理建筑施工围挡公益广告损毁、小区内占用消防车通道和乱贴小广告行为" in page

"""The synthetic corpus of the benchmarks: valid bulletins, deterministic, varied text."""

from __future__ import annotations

import re
import statistics
from collections import Counter

import pytest

from bulletins.model import canonical_source_path
from bulletins.parse import parse_bulletin
from corpus import ROOT, _registry, generate_bulletins, unlink_missing_bulletins, write_project

SENTENCE_RE = re.compile(r"[^。\n]+。")


@pytest.fixture(scope="module")
def sample() -> list[tuple[str, str]]:
    return generate_bulletins(300, seed=7)


@pytest.fixture(scope="module")
def parsed(sample):
    registry = _registry()
    results = [parse_bulletin(text, path, f"docs/{path}", registry) for path, text in sample]
    return results


def test_every_bulletin_passes_the_site_validator(sample, parsed):
    for (path, _), (bulletin, problems) in zip(sample, parsed):
        assert problems == [], f"{path}: {[str(p) for p in problems]}"
        assert bulletin is not None
        assert path == canonical_source_path(bulletin.series, bulletin.date, bulletin.issue)


def test_count_paths_and_issue_numbers(sample, parsed):
    assert len(sample) == 300
    assert len({path for path, _ in sample}) == 300
    numbers: dict[tuple[str, int], list[int]] = {}
    for bulletin, _ in parsed:
        numbers.setdefault((bulletin.series.id, bulletin.year), []).append(bulletin.issue)
    for key, issues in numbers.items():
        assert sorted(issues) == list(range(1, len(issues) + 1)), key  # per series and year from 1


def test_shape_of_the_archive(parsed):
    bulletins = [b for b, _ in parsed]
    per_issue = [len(b.articles) for b in bulletins]
    assert min(per_issue) >= 3 and max(per_issue) <= 7
    assert 4.5 <= statistics.mean(per_issue) <= 5.5
    assert {b.year for b in bulletins} == set(range(2016, 2026))
    series = Counter(b.series.name for b in bulletins)
    assert series.most_common(1)[0][0] == "工作简报" and len(series) >= 4
    assert len({d.id for b in bulletins for a in b.articles for d in a.departments}) >= 20
    assert len({t.id for b in bulletins for a in b.articles for t in a.topics}) >= 12
    assert all(b.distribution and b.distribution.copies for b in bulletins)


def test_deterministic_for_a_seed():
    assert generate_bulletins(20, seed=3) == generate_bulletins(20, seed=3)
    assert generate_bulletins(20, seed=3) != generate_bulletins(20, seed=4)


def test_text_is_varied_not_repeated(sample):
    sentences = [s for _, text in sample for s in SENTENCE_RE.findall(text.split("\n---\n", 1)[1])]
    assert len(sentences) > 300 * 15
    assert len(set(sentences)) / len(sentences) > 0.9
    body = "".join(text for _, text in sample)
    for phrase in ("消防车通道", "学雷锋志愿服务", "背街小巷整治", "垃圾分类", "文明交通劝导", "帮包社区", "东昌府区", "古楼街道"):
        assert phrase in body, phrase
    # many distinct short substrings: what the search benchmark draws its queries from
    grams = {body[i : i + 4] for i in range(0, len(body) - 4)}
    assert len(grams) > 20_000


def test_write_project_holds_only_generated_bulletins(tmp_path):
    project = write_project(tmp_path / "project", 5, seed=1)
    bulletins = sorted(p.relative_to(project / "docs").as_posix() for p in (project / "docs" / "bulletins").rglob("*.md"))
    assert bulletins == [path for path, _ in generate_bulletins(5, seed=1)]
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert (project / "hooks").resolve() == ROOT / "hooks"
    assert (project / "docs" / "_data" / "departments.yml").is_file()


def test_links_to_bulletins_missing_from_the_corpus_become_text():
    markdown = "见[第9期](bulletins/2021/gzjb-009.md)和[第1期](bulletins/2016/gzjb-001.md#a2)。"
    result = unlink_missing_bulletins(markdown, {"bulletins/2016/gzjb-001.md"})
    assert result == "见第9期和[第1期](bulletins/2016/gzjb-001.md#a2)。"

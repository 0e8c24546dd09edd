"""The parse cache of `mkdocs serve`: only changed files are parsed again."""

from __future__ import annotations

import dataclasses

from bulletins.collection import Source, load_bulletins
from bulletins.parse_cache import ParseCache
from bulletins.registry import load_registry
from conftest import ROOT, SEED_BULLETIN

SEED_PATH = "bulletins/2021/gzjb-009.md"


def registry():
    found, problems = load_registry(str(ROOT / "docs" / "_data"), "docs/_data")
    assert problems == []
    return found


def sources(text: str) -> list[Source]:
    return [Source(SEED_PATH, f"docs/{SEED_PATH}", text)]


def test_unchanged_files_are_not_parsed_again():
    cache, seed = ParseCache(), SEED_BULLETIN.read_text(encoding="utf-8")
    first, _ = load_bulletins(sources(seed), registry(), cache.parser(registry()))
    assert cache.parsed == 1
    second, _ = load_bulletins(sources(seed), registry(), cache.parser(registry()))
    assert cache.parsed == 0
    assert second[0] is first[0]


def test_a_changed_file_is_parsed_again():
    cache, seed = ParseCache(), SEED_BULLETIN.read_text(encoding="utf-8")
    load_bulletins(sources(seed), registry(), cache.parser(registry()))
    edited = seed.replace("共同形成创建合力", "共同形成创建合力，久久为功")
    bulletins, problems = load_bulletins(sources(edited), registry(), cache.parser(registry()))
    assert cache.parsed == 1 and problems == [] and bulletins[0].issue == 9
    broken = seed.replace("issue: 9", "issue: 09")
    bulletins, problems = load_bulletins(sources(broken), registry(), cache.parser(registry()))
    assert bulletins == [] and "有前导零" in str(problems[0])


def test_a_changed_registry_empties_the_cache():
    cache, seed = ParseCache(), SEED_BULLETIN.read_text(encoding="utf-8")
    load_bulletins(sources(seed), registry(), cache.parser(registry()))
    changed = registry()
    justice = changed.departments["justice"]
    changed.departments["justice"] = dataclasses.replace(justice, short="市司法局（改）")
    load_bulletins(sources(seed), changed, cache.parser(changed))
    assert cache.parsed == 1


def test_only_the_current_files_are_kept():
    cache, seed = ParseCache(), SEED_BULLETIN.read_text(encoding="utf-8")
    load_bulletins(sources(seed), registry(), cache.parser(registry()))
    load_bulletins([], registry(), cache.parser(registry()))
    load_bulletins(sources(seed), registry(), cache.parser(registry()))
    assert cache.parsed == 1  # the file left the site for one build: parsed again on return

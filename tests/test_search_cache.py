"""`mkdocs serve` reuses the search index files while the indexed documents stay the same."""

from __future__ import annotations

import dataclasses

from bulletins.collection import Source, load_bulletins
from bulletins.registry import load_registry
from bulletins.search_cache import SearchIndexCache
from bulletins.search_files import search_files
from bulletins.search_index import search_documents
from bulletins.urls import Links
from conftest import ROOT, SEED_BULLETIN

SEED_PATH = "bulletins/2021/gzjb-009.md"


def registry():
    found, problems = load_registry(str(ROOT / "docs" / "_data"), "docs/_data")
    assert problems == []
    return found


def documents(text: str):
    source = Source(SEED_PATH, f"docs/{SEED_PATH}", text)
    bulletins, problems = load_bulletins([source], registry())
    assert problems == []
    return search_documents(bulletins, Links(True))


def test_the_same_documents_give_the_same_files_without_building_again():
    cache, seed = SearchIndexCache(), SEED_BULLETIN.read_text(encoding="utf-8")
    first = cache.files(documents(seed), registry())  # parsed again: equal, not the same objects
    second = cache.files(documents(seed), registry())
    assert cache.built == 1
    assert second == first == list(search_files(documents(seed), registry()))
    assert any(path == "search/data.js" for path, _ in first)


def test_changed_text_builds_the_index_again():
    cache, seed = SearchIndexCache(), SEED_BULLETIN.read_text(encoding="utf-8")
    before = dict(cache.files(documents(seed), registry()))
    edited = seed.replace("共同形成创建合力", "共同形成创建合力，久久为功")
    after = dict(cache.files(documents(edited), registry()))
    assert cache.built == 2
    assert after != before
    assert after == dict(search_files(documents(edited), registry()))


def test_a_changed_registry_builds_the_index_again():
    cache, seed = SearchIndexCache(), SEED_BULLETIN.read_text(encoding="utf-8")
    cache.files(documents(seed), registry())
    changed = registry()
    department = next(iter(changed.departments.values()))
    changed.departments[department.id] = dataclasses.replace(department, short="改名后的部门")
    cache.files(documents(seed), changed)
    assert cache.built == 2

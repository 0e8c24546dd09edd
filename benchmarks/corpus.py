"""A synthetic corpus of realistic bulletins for the build and search benchmarks.

`generate_bulletins(count, seed)` composes bulletins in the site's format (front matter as in
docs/guide.md) from the real registries in docs/_data and the words in corpus_vocabulary.yml:
about five articles per issue, ten years of dates, several series, sentences assembled from
places, people, measures and numbers so that the text has many distinct substrings (the search
benchmark draws its queries from it). `write_project` makes a buildable MkDocs project holding
only generated bulletins; the real docs/ is never touched.

    python benchmarks/corpus.py 500 /tmp/corpus-500
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import random
import re
import shutil
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # the site's own package: registries, canonical paths

from bulletins.model import Department, Series, Topic, canonical_source_path  # noqa: E402
from bulletins.registry import Registry, load_registry  # noqa: E402

BULLETIN_LINK_RE = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<path>bulletins/[^)#]+\.md)(?:#[^)]*)?\)")
VOCABULARY = Path(__file__).resolve().parent / "corpus_vocabulary.yml"
FIRST_YEAR, LAST_YEAR = 2016, 2025
# What a project needs besides its bulletins (as tests/conftest.py's FixtureSite copies).
SITE_LINKS = ("hooks", "overrides")
SITE_COPIES = ("mkdocs.yml", "docs/_data", "docs/assets", "docs/index.md", "docs/guide.md")
# Slots that keep one value through a whole article (its subject); the others vary by sentence.
ARTICLE_SLOTS = {"dept", "district", "district_kind", "street", "community", "leader", "topic", "measure", "month"}  # fmt: skip


@functools.cache
def _vocabulary() -> dict:
    return yaml.safe_load(VOCABULARY.read_text(encoding="utf-8"))


@functools.cache
def _registry() -> Registry:
    registry, problems = load_registry(str(ROOT / "docs" / "_data"), "docs/_data")
    if problems:
        raise ValueError("\n".join(str(p) for p in problems))
    return registry


class _Slots(dict):
    """Values for `str.format_map`, drawn on first use; subject slots come from the article."""

    def __init__(self, rng: random.Random, article: dict, article_slots: _Slots | None = None):
        super().__init__()
        self.rng = rng
        self.article = article  # date, departments, topics of the article being written
        self.article_slots = article_slots

    def __missing__(self, key: str) -> str:
        if self.article_slots is not None and key in ARTICLE_SLOTS:
            value = self.article_slots[key]
        else:
            value = self._draw(key)
            if key.endswith("2"):  # "{district}、{district2}" names two different places
                while value == self[key[:-1]]:
                    value = self._draw(key)
        self[key] = value
        return value

    def _draw(self, key: str) -> str:
        rng, words, article = self.rng, _vocabulary(), self.article
        pick = rng.choice
        if key in ("dept", "dept2"):
            departments = article["departments"]
            if key == "dept" or len(departments) > 1:
                return departments[0 if key == "dept" else 1].short
            return pick(_registry_entries()[0]).short
        if key in ("district", "district2"):
            return pick(words["districts"])
        if key == "district_kind":
            return self["district"][-1]  # 全区 / 全县 / 全市
        if key in ("street", "street2"):
            return pick(words["streets"])
        if key in ("community", "community2"):
            return pick(words["community_prefixes"]) + pick(words["community_suffixes"])
        if key in ("compound", "compound2"):
            return (pick(words["community_prefixes"]) + pick(words["compound_suffixes"])
                    + pick(words["compound_phases"]))  # fmt: skip
        if key == "name":
            given = "".join(pick(words["given_characters"]) for _ in range(rng.choice((1, 2, 2))))
            return pick(words["surnames"]) + given
        if key == "position":
            return pick(_positions())
        if key == "leader":
            return pick(words["leader_positions"]) + self["name"]
        if key == "people":
            return pick(words["people"])
        if key == "quote":
            return pick(words["quotes"])
        if key == "topic":
            return article["topics"][0].name
        if key in ("measure", "measure2"):
            topics = article["topics"] if key == "measure" else article["topics"][1:] or article["topics"]
            return pick(_measures(topics[0] if key == "measure" else pick(topics)))
        if key in ("date", "date2"):
            day = article["date"] - dt.timedelta(days=rng.randint(1, 25) if key == "date" else 0)
            return f"{day.month}月{day.day}日"
        if key == "month":
            return str(article["date"].month)
        low, high = {"n_small": (2, 12), "n_mid": (13, 480), "n_large": (500, 9800),
                     "n_people": (20, 600), "n_money": (5, 300), "percent": (86, 100)}[key]  # fmt: skip
        return str(rng.randint(low, high))


@functools.cache
def _positions() -> list[str]:
    return _vocabulary()["leader_positions"] + _vocabulary()["local_positions"]


@functools.cache
def _registry_entries() -> tuple[list[Department], list[Topic]]:
    registry = _registry()
    return sorted(registry.departments.values(), key=lambda d: d.id), sorted(registry.topics.values(), key=lambda t: t.id)


def _measures(topic: Topic) -> list[str]:
    return _vocabulary()["measures"].get(topic.id) or list(topic.keywords) or [topic.name]


def _compose(rng: random.Random, pattern: str, slots: _Slots) -> str:
    return pattern.format_map(_Slots(rng, slots.article, slots))


def _article(rng: random.Random, date: dt.date, titles_taken: set[str]) -> tuple[dict, str, str]:
    """(front matter entry, title, body paragraphs) of one article."""
    words = _vocabulary()
    all_departments, all_topics = _registry_entries()
    departments = rng.sample(all_departments, rng.choice((1, 1, 2, 2, 3)))
    topics = rng.sample(all_topics, rng.choice((1, 2, 2, 3)))
    article = {"date": date, "departments": departments, "topics": topics}
    slots = _Slots(rng, article)
    title = _compose(rng, rng.choice(words["titles"]), slots)
    while title in titles_taken:  # headings must be unique within an issue
        slots = _Slots(rng, article)
        title = _compose(rng, rng.choice(words["titles"]), slots)
    titles_taken.add(title)
    paragraphs = [_compose(rng, rng.choice(words["openings"]), slots)]
    middles = iter(rng.sample(words["middles"], len(words["middles"])))  # no pattern twice
    for _ in range(rng.randint(1, 4)):
        paragraphs.append("".join(_compose(rng, next(middles), slots) for _ in range(rng.randint(1, 3))))
    paragraphs.append(_compose(rng, rng.choice(words["closings"]), slots))
    entry = {"title": title, "departments": [d.short for d in departments], "topics": [t.name for t in topics]}
    return entry, title, "\n\n".join(paragraphs)


def _issue_plan(rng: random.Random, count: int) -> list[tuple[Series, dt.date, int, int]]:
    """(series, date, issue, total issue) for `count` issues, numbered per series and year from 1."""
    registry, words = _registry(), _vocabulary()
    series = [registry.series_by_name[name] for name in words["series_weights"] if name in registry.series_by_name]
    weights = [words["series_weights"][s.name] for s in series]
    first, days = dt.date(FIRST_YEAR, 1, 1), (dt.date(LAST_YEAR, 12, 31) - dt.date(FIRST_YEAR, 1, 1)).days
    drawn = sorted(
        ((rng.choices(series, weights)[0], first + dt.timedelta(days=rng.randint(0, days))) for _ in range(count)),
        key=lambda item: (item[0].id, item[1]),
    )
    numbers: dict[tuple[str, int], int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    plan = []
    for one_series, date in drawn:
        numbers[(one_series.id, date.year)] += 1
        totals[one_series.id] += 1
        plan.append((one_series, date, numbers[(one_series.id, date.year)], totals[one_series.id]))
    return plan


def generate_bulletins(count: int, seed: int = 2021) -> list[tuple[str, str]]:
    """`count` bulletins as (source path under docs/, Markdown with front matter), sorted by path."""
    rng = random.Random(seed)
    words = _vocabulary()
    bulletins = []
    for series, date, issue, total in _issue_plan(rng, count):
        titles: set[str] = set()
        articles = [_article(rng, date, titles) for _ in range(rng.choice((3, 4, 5, 5, 5, 6, 7)))]
        lines = ["---", f"series: {series.name}", f"issue: {issue}"]
        if series.id == "gzjb":
            lines.append(f"total_issue: {total}")
        lines += [f"date: {date.isoformat()}", f"issuer: {rng.choice(words['issuers'])}", "articles:"]
        for entry, _, _ in articles:
            lines += [
                f"  - title: {entry['title']}",
                f"    departments: [{', '.join(entry['departments'])}]",
                f"    topics: [{', '.join(entry['topics'])}]",
            ]
        lines += [
            "distribution:",
            f"  report_to: {rng.choice(words['report_to'])}",
            f"  send_to: {rng.choice(words['send_to'])}",
            f"  copies: {rng.choice(words['copies'])}",
            "---",
        ]
        body = "\n\n".join(f"## {title}\n\n{text}" for _, title, text in articles)
        bulletins.append((canonical_source_path(series, date, issue), "\n".join(lines) + "\n\n" + body + "\n"))
    return sorted(bulletins)


def write_project(project_dir: Path, count: int, seed: int = 2021) -> Path:
    """A buildable MkDocs project of the real configuration with `count` generated bulletins only."""
    project_dir = Path(project_dir)
    docs = project_dir / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name in SITE_LINKS:
        (project_dir / name).symlink_to(ROOT / name)
    for part in SITE_COPIES:
        source, target = ROOT / part, project_dir / part
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy(source, target)
    bulletins = generate_bulletins(count, seed)
    for source_path, text in bulletins:
        path = docs / source_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    # The guide links the real seed issue, which the corpus may lack: `--strict` would fail.
    guide = project_dir / "docs" / "guide.md"
    text = unlink_missing_bulletins(guide.read_text(encoding="utf-8"), {p for p, _ in bulletins})
    guide.write_text(text, encoding="utf-8", newline="\n")
    return project_dir


def unlink_missing_bulletins(markdown: str, present: set[str]) -> str:
    """Turn `[text](bulletins/….md)` links to bulletins not in `present` into their text."""

    def replace(match: re.Match) -> str:
        return match[0] if match["path"] in present else match["text"]

    return BULLETIN_LINK_RE.sub(replace, markdown)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="number of bulletins (issues)")
    parser.add_argument("out_dir", type=Path, help="project directory to create (must not exist)")
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args(argv)
    if args.out_dir.exists():
        parser.error(f"{args.out_dir} exists; choose a new directory")
    write_project(args.out_dir, args.count, args.seed)
    print(f"{args.count} bulletins written to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

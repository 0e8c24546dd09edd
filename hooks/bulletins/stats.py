"""The campaign at a glance: counts over the parsed bulletins for the statistics page.

Pure functions over the same `Bulletin`s every index uses; the chart geometry is in charts.py
and the look in overrides/statistics.html. Months run from the first to the last month with a
bulletin, gaps included, so that a quiet month shows as a gap rather than disappearing.
"""

from __future__ import annotations

from dataclasses import dataclass

from .indexes import ArticleRef
from .model import Bulletin, Department, Topic
from .registry import Registry

Month = tuple[int, int]  # (year, month)


@dataclass(frozen=True)
class CountRow:
    """One labelled row of counts: a department over the months, a topic, a year."""

    label: str
    counts: tuple[int, ...]
    entry: Department | Topic | None = None

    @property
    def total(self) -> int:
        return sum(self.counts)


def campaign_months(bulletins: list[Bulletin]) -> list[Month]:
    """Every month from the first bulletin's to the last one's, oldest first."""
    if not bulletins:
        return []
    first = min(b.date for b in bulletins)
    last = max(b.date for b in bulletins)
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def monthly_counts(refs: list[ArticleRef], months: list[Month]) -> tuple[int, ...]:
    """How many of `refs` fall in each of `months`."""
    position = {month: i for i, month in enumerate(months)}
    counts = [0] * len(months)
    for ref in refs:
        counts[position[(ref.bulletin.date.year, ref.bulletin.date.month)]] += 1
    return tuple(counts)


def department_months(
    index: dict[str, list[ArticleRef]], registry: Registry, months: list[Month]
) -> list[CountRow]:
    """Articles per department per month (`index`: indexes.articles_by_department), for
    departments with any; most reported first."""
    rows = [
        CountRow(d.short, monthly_counts(index[d.id], months), entry=d)
        for d in registry.departments.values()
        if d.id in index
    ]
    return _most_first(rows)


def topic_totals(index: dict[str, list[ArticleRef]], registry: Registry) -> list[CountRow]:
    """Articles per topic (`index`: indexes.articles_by_topic), for topics with any; most
    reported first, then registry order."""
    rows = [
        CountRow(t.name, (len(index[t.id]),), entry=t)
        for t in registry.topics.values()
        if t.id in index
    ]
    return _most_first(rows)


def issues_per_year(by_year: dict[int, list[Bulletin]]) -> list[CountRow]:
    """Issues per year (`by_year`: indexes.bulletins_by_year), oldest year first (a time axis
    reads left to right, top to bottom)."""
    return [CountRow(f"{year}年", (len(by_year[year]),)) for year in sorted(by_year)]


def _most_first(rows: list[CountRow]) -> list[CountRow]:
    # sorted() is stable: equal totals keep the registry's order.
    return sorted(rows, key=lambda row: -row.total)


def month_label(month: Month) -> str:
    return f"{month[0]}年{month[1]}月"

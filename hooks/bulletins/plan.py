"""What the site consists of: the generated pages, their template data and the navigation.

Pure: takes the parsed bulletins and the registry, returns plain data. The MkDocs glue turns
`GeneratedPage`s into files and hands each page's `context` to its template in `overrides/`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import urls
from .indexes import (
    ArticleIndexes,
    article_indexes,
    group_by_month,
    month_counts,
    series_neighbours,
)
from .model import Bulletin, chinese_date
from .registry import Registry
from .statistics import activity_context, statistics_context
from .stats import campaign_months

LATEST_ISSUES = 10


@dataclass(frozen=True)
class GeneratedPage:
    source_path: str
    title: str
    template: str  # in overrides/
    context: dict  # what the template gets as `listing`

    def markdown(self) -> str:
        # The template renders the listing; the Markdown only names the page and its template.
        return f"---\ntitle: {self.title}\ntemplate: {self.template}\n---\n"


@dataclass
class SitePlan:
    indexes: ArticleIndexes  # made by plan_site, used again by the catalog and the feeds
    pages: list[GeneratedPage] = field(default_factory=list)
    nav: list = field(default_factory=list)
    neighbours: dict = field(default_factory=dict)
    summary: dict = field(default_factory=dict)


def plan_site(bulletins: list[Bulletin], registry: Registry, static_pages: list[str]) -> SitePlan:
    """`bulletins` newest first; `static_pages` are the hand-written pages besides the home page."""
    indexes = article_indexes(bulletins)
    by_department, by_topic = indexes.by_department, indexes.by_topic
    articles_per_year, issues_per_year = indexes.by_year, indexes.issues_by_year
    months = month_counts(bulletins)
    departments = list(registry.departments.values())
    topics = list(registry.topics.values())
    campaign = campaign_months(bulletins)

    pages = [
        GeneratedPage(
            urls.BULLETINS_OVERVIEW, "全部简报", "bulletins-overview.html",
            # Counts per year and only the latest issues: the full lists are on the year pages.
            {"years": [(y, len(issues)) for y, issues in issues_per_year.items()],
             "latest": bulletins[:LATEST_ISSUES]},
        ),
        GeneratedPage(
            urls.DEPARTMENTS_OVERVIEW, "按部门", "registry-overview.html",
            _overview("department", _ranked(departments, by_department)),
        ),
        GeneratedPage(
            urls.TOPICS_OVERVIEW, "按专题", "registry-overview.html",
            _overview("topic", _ranked(topics, by_topic)),
        ),
        GeneratedPage(
            urls.ARCHIVE_OVERVIEW, "按日期", "archive-overview.html",
            {
                "years": [
                    (year, len(issues_per_year[year]), len(articles_per_year[year]), months[year])
                    for year in issues_per_year
                ]
            },
        ),
        GeneratedPage(
            urls.STATISTICS, "数据统计", "statistics.html", statistics_context(bulletins, registry, indexes)
        ),
    ]  # fmt: skip
    for year, issues in issues_per_year.items():
        pages.append(
            GeneratedPage(
                urls.bulletin_year_source(year), f"{year}年简报", "bulletins-year.html",
                {"year": year, "bulletins": issues},
            )
        )  # fmt: skip
    for year, refs in articles_per_year.items():
        pages.append(
            GeneratedPage(
                urls.archive_year_source(year), f"{year}年", "article-listing.html",
                {"kind": "year", "year": year, "count": len(refs), "groups": group_by_month(refs)},
            )
        )  # fmt: skip
    for department in departments:
        refs = by_department.get(department.id, [])
        pages.append(
            GeneratedPage(
                urls.department_source(department), department.short, "article-listing.html",
                _listing("department", department, refs, campaign),
            )
        )  # fmt: skip
    for topic in topics:
        refs = by_topic.get(topic.id, [])
        pages.append(
            GeneratedPage(
                urls.topic_source(topic), topic.name, "article-listing.html",
                _listing("topic", topic, refs, campaign),
            )
        )  # fmt: skip

    article_count = sum(len(b.articles) for b in bulletins)
    summary = {
        "issues": len(bulletins),
        "articles": article_count,
        "departments": len(by_department),
        "topics": len(by_topic),
        "years": list(issues_per_year),
    }
    return SitePlan(
        pages=pages,
        nav=_nav(issues_per_year, departments, topics, by_department, by_topic, static_pages),
        neighbours=series_neighbours(bulletins),
        summary=summary,
        indexes=indexes,
    )


def _overview(kind: str, ranked: list[tuple]) -> dict:
    """An overview's rows: those with articles in the table, the others listed apart."""
    return {
        "kind": kind,
        "entries": ranked,
        "reported": [row for row in ranked if row[1]],
        "unreported": [row[0] for row in ranked if not row[1]],
    }


def _listing(kind: str, entry, refs, campaign) -> dict:
    """A department's or topic's articles by month, and the years to jump to: each year's
    newest month, newest year first."""
    groups = group_by_month(refs)
    newest_month: dict[int, int] = {}
    for (year, month), _ in groups:  # newest first: the first month seen of a year is its newest
        newest_month.setdefault(year, month)
    return {
        "kind": kind, "entry": entry, "count": len(refs), "groups": groups,
        "years": list(newest_month.items()), "activity": activity_context(refs, campaign),
    }  # fmt: skip


def _ranked(entries, index) -> list[tuple]:
    """(entry, article count, newest article) with the most reported first, then registry order."""
    rows = [
        (entry, len(index.get(entry.id, ())), (index.get(entry.id) or [None])[0])
        for entry in entries
    ]
    return sorted(rows, key=lambda row: -row[1])


def _nav(issues_per_year, departments, topics, by_department, by_topic, static_pages) -> list:
    # Bulletins are reached through their year's index page, not listed in the navigation:
    # Material writes the whole navigation into every page, which does not scale to 5,000 issues.
    years = [{f"{year}年": [urls.bulletin_year_source(year)]} for year in issues_per_year]
    archive_years = [{f"{year}年": urls.archive_year_source(year)} for year in issues_per_year]
    reported_departments = [
        {d.short: urls.department_source(d)} for d in departments if d.id in by_department
    ]
    reported_topics = [{t.name: urls.topic_source(t)} for t in topics if t.id in by_topic]
    nav = [
        {"首页": urls.HOME},
        {"简报": [urls.BULLETINS_OVERVIEW, *years]},
        {"部门": [urls.DEPARTMENTS_OVERVIEW, *reported_departments]},
        {"专题": [urls.TOPICS_OVERVIEW, *reported_topics]},
        {"归档": [urls.ARCHIVE_OVERVIEW, *archive_years]},
        {"数据统计": urls.STATISTICS},
    ]
    if static_pages:
        nav.append({"关于本站": list(static_pages)})
    return nav


def home_variables(bulletins: list[Bulletin], summary: dict, latest: int = LATEST_ISSUES) -> dict:
    """What the home page (rendered by mkdocs-macros) may use."""
    return {
        **summary,
        "latest": [
            {
                "title": b.title,
                "path": b.source_path,
                "date": chinese_date(b.date),
                "series": b.series.name,
                "issue": b.issue,
                "issuer": b.issuer,
                "articles": [{"title": a.title, "anchor": a.anchor} for a in b.articles],
            }
            for b in bulletins[:latest]
        ],
    }

"""What the statistics page (数据统计) and the listing pages' activity charts show.

Glue between the counts (stats.py) and the geometry (charts.py): plain data for the templates
statistics.html and partials/activity-chart.html.
"""

from __future__ import annotations

from .charts import heatmap, horizontal_bars, monthly_columns
from .indexes import ArticleIndexes, ArticleRef
from .model import Bulletin
from .registry import Registry
from .stats import (
    Month,
    campaign_months,
    department_months,
    issues_per_year,
    month_label,
    monthly_counts,
    topic_totals,
)

TOP_TOPICS = 15  # the chart shows the most reported; the table lists every topic


def statistics_context(
    bulletins: list[Bulletin], registry: Registry, indexes: ArticleIndexes
) -> dict:
    months = campaign_months(bulletins)
    departments = department_months(indexes.by_department, registry, months)
    topics = topic_totals(indexes.by_topic, registry)
    years = issues_per_year(indexes.issues_by_year)
    return {
        "issues": len(bulletins),
        "articles": sum(len(b.articles) for b in bulletins),
        "months": [month_label(m) for m in months],
        "departments": departments,
        "department_chart": heatmap(departments, months),
        "topics": topics,
        "topic_chart": horizontal_bars(topics[:TOP_TOPICS]),
        "years": years,
        "year_chart": horizontal_bars(years),
    }


def activity_context(refs: list[ArticleRef], months: list[Month]) -> dict:
    """A department's or topic's articles per campaign month, as a small column chart."""
    counts = monthly_counts(refs, months)
    return {
        "months": [month_label(m) for m in months],
        "counts": counts,
        "chart": monthly_columns(counts),
    }

"""数据统计: the counts, the chart geometry, and the built page's numbers against catalog.json."""

from __future__ import annotations

import dataclasses
import json
import math
import re
from html.parser import HTMLParser

from bulletins.charts import HEATMAP_LEVELS, heatmap, horizontal_bars, monthly_columns
from bulletins.collection import Source, load_bulletins
from bulletins.indexes import articles_by_department, articles_by_topic, bulletins_by_year
from bulletins.sharing import DESCRIPTION_LIMIT, bulletin_description
from bulletins.stats import (
    campaign_months,
    department_months,
    issues_per_year,
    monthly_counts,
    topic_totals,
)
from conftest import FIXTURES, SEED_BULLETIN
from helpers import real_registry

CAMPAIGN = FIXTURES / "campaign"


def campaign_bulletins(with_seed: bool = True):
    registry = real_registry()
    paths = sorted((CAMPAIGN / "bulletins").rglob("*.md"))
    if with_seed:
        paths.append(SEED_BULLETIN)
    sources = [
        Source(
            "bulletins/" + path.relative_to(path.parents[1]).as_posix(),
            path.name,
            path.read_text(encoding="utf-8"),
        )
        for path in paths
    ]
    bulletins, problems = load_bulletins(sources, registry)
    assert not problems, problems
    return bulletins, registry


def test_campaign_months_run_from_first_to_last_with_gaps():
    bulletins, _ = campaign_bulletins()
    months = campaign_months(bulletins)
    assert months[0] == (2021, 3) and months[-1] == (2022, 2)
    assert len(months) == 12  # March 2021 .. February 2022, the quiet months included
    assert (2021, 12) in months and (2022, 1) in months


def test_campaign_months_of_nothing_is_empty():
    assert campaign_months([]) == []


def test_department_months_count_each_article_once_per_department():
    bulletins, registry = campaign_bulletins()
    months = campaign_months(bulletins)
    rows = department_months(articles_by_department(bulletins), registry, months)
    by_label = {row.label: row for row in rows}
    housing = by_label["市住建局"]
    # seed (2021-03) 1 + 2021-03-25 1 + 2021-05 1 + 2021-11 1 + 2022-02 1
    assert housing.total == 5
    assert housing.counts[months.index((2021, 3))] == 2
    assert housing.counts[months.index((2021, 4))] == 0
    assert rows[0].label == "市住建局"  # most reported first
    totals = [row.total for row in rows]
    assert totals == sorted(totals, reverse=True)
    index = articles_by_department(bulletins)
    assert {row.entry.id: row.total for row in rows} == {k: len(v) for k, v in index.items()}


def test_topic_totals_and_issues_per_year():
    bulletins, registry = campaign_bulletins()
    topics = {row.label: row.total for row in topic_totals(articles_by_topic(bulletins), registry)}
    assert topics["环境卫生"] == 3
    assert topics["专项治理"] == 3  # seed 1 + 2021-03-25 + 2021-11
    years = [(row.label, row.total) for row in issues_per_year(bulletins_by_year(bulletins))]
    assert years == [("2021年", 4), ("2022年", 2)]


def test_monthly_counts_places_refs_in_their_month():
    bulletins, _ = campaign_bulletins(with_seed=False)
    months = campaign_months(bulletins)
    index = articles_by_department(bulletins)
    counts = monthly_counts(index["housing"], months)
    assert sum(counts) == len(index["housing"])
    assert counts[0] == 1 and counts[months.index((2021, 11))] == 1


def test_horizontal_bars_scale_to_the_largest():
    bulletins, registry = campaign_bulletins()
    rows = topic_totals(articles_by_topic(bulletins), registry)
    chart = horizontal_bars(rows)
    widths = [bar.width for bar in chart.bars]
    assert widths[0] == max(widths) and widths[0] > 0
    assert [bar.value for bar in chart.bars] == [row.total for row in rows]
    assert chart.bars[1].y > chart.bars[0].y
    assert all(bar.x + bar.width <= chart.width for bar in chart.bars)


def test_heatmap_shades_grow_with_counts():
    bulletins, registry = campaign_bulletins()
    months = campaign_months(bulletins)
    rows = department_months(articles_by_department(bulletins), registry, months)
    chart = heatmap(rows, months)
    assert len(chart.cells) == len(rows) * len(months)
    busiest = max(chart.cells, key=lambda cell: cell.value)
    assert busiest.level == HEATMAP_LEVELS
    assert all(cell.level == 0 for cell in chart.cells if cell.value == 0)
    assert all(cell.level > 0 for cell in chart.cells if cell.value > 0)
    years = [year for year, _, _ in chart.column_labels if year]
    assert years == ["2021年", "2022年"]  # at the first month and at January


def test_monthly_columns_of_empty_activity_has_no_height():
    chart = monthly_columns((0, 0, 0))
    assert [bar.height for bar in chart.bars] == [0, 0, 0]
    assert chart.width > 0


def test_bulletin_description_lists_the_contents():
    bulletins, _ = campaign_bulletins()
    seed = next(b for b in bulletins if b.issue == 9)
    text = bulletin_description(seed)
    assert text.startswith("工作简报 第9期（2021年3月11日）：郭建民调研全国文明城市创建工作；")
    assert all(article.title in text for article in seed.articles)
    longer = dataclasses.replace(seed, articles=seed.articles * 3)
    cut = bulletin_description(longer)
    assert len(cut) <= DESCRIPTION_LIMIT + 2
    assert cut.endswith("……")
    assert cut.removesuffix("……").split("：", 1)[1].split("；")[-1] in {
        a.title for a in seed.articles
    }


CELL_SHADE_RE = re.compile(r"\bstats-chart__cell--(\d+)\b")
CELL_RE = re.compile(r"M([\d.]+) ([\d.]+)h24v24h-24z")  # one square of the heatmap


class TableReader(HTMLParser):
    """Rows of the tables with an id, as lists of cell texts."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.current = None
        self.cell = None
        self.chart_values: dict[str, list[int]] = {}
        self.cell_levels: dict[str, dict[tuple[float, float], int]] = {}  # heatmap: (x, y) -> shade
        self.svg_id = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id"):
            self.current = self.tables.setdefault(attrs["id"], [])
        elif tag == "tr" and self.current is not None:
            self.current.append([])
        elif tag in ("td", "th") and self.current is not None:
            self.cell = ""
        elif tag == "title" and attrs.get("id", "").endswith("-title"):
            self.svg_id = attrs["id"].removesuffix("-title")
        elif tag in ("rect", "g") and "data-value" in attrs and self.svg_id:
            self.chart_values.setdefault(self.svg_id, []).append(int(attrs["data-value"]))
        elif (
            tag == "path"
            and self.svg_id
            and (shade := CELL_SHADE_RE.search(attrs.get("class", "")))
        ):
            cells = self.cell_levels.setdefault(self.svg_id, {})
            for x, y in CELL_RE.findall(attrs["d"]):
                cells[(float(x), float(y))] = int(shade[1])

    def handle_endtag(self, tag):
        if tag == "table":
            self.current = None
        elif tag in ("td", "th") and self.cell is not None and self.current is not None:
            self.current[-1].append(self.cell.strip())
            self.cell = None
        elif tag == "svg":
            self.svg_id = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def test_statistics_page_numbers_match_catalog(campaign_site):
    catalog = json.loads((campaign_site.site_dir / "catalog.json").read_text(encoding="utf-8"))
    reader = TableReader()
    reader.feed((campaign_site.site_dir / "statistics" / "index.html").read_text(encoding="utf-8"))

    # Issues per year.
    years = {f"{y['year']}年": y["issues"] for y in catalog["years"]}
    assert {row[0]: int(row[1]) for row in reader.tables["table-years"][1:]} == years
    # Topics: every topic with articles, with the catalog's count.
    topics = {t["name"]: t["articles"] for t in catalog["topics"] if t["articles"]}
    assert {row[0]: int(row[1]) for row in reader.tables["table-topics"][1:]} == topics
    # Departments per month, recounted from the catalog's articles.
    header, *rows = reader.tables["table-departments"]
    months = header[1:-1]
    expected: dict[tuple[str, str], int] = {}
    for bulletin in catalog["bulletins"]:
        year, month, _ = bulletin["date"].split("-")
        label = f"{int(year)}年{int(month)}月"
        for article in bulletin["articles"]:
            for department in article["departments"]:
                key = (department["name"], label)
                expected[key] = expected.get(key, 0) + 1
    found = {
        (row[0], month): int(value)
        for row in rows
        for month, value in zip(months, row[1:-1], strict=True)
        if int(value)
    }
    assert found == expected
    totals = {d["short"]: d["articles"] for d in catalog["departments"] if d["articles"]}
    assert {row[0]: int(row[-1]) for row in rows} == totals
    # The charts draw the same numbers as the tables.
    assert reader.chart_values["chart-years"] == [years[label] for label in sorted(years)]
    # The heatmap: a square per department and month, left to right and top to bottom as the
    # table's cells, shaded by its count against the busiest cell.
    cells = reader.cell_levels["chart-departments"]
    xs, ys = sorted({x for x, _ in cells}), sorted({y for _, y in cells})
    assert (len(ys), len(xs)) == (len(rows), len(months)) and len(cells) == len(xs) * len(ys)
    counts = [[int(value) for value in row[1:-1]] for row in rows]
    busiest = max(max(row) for row in counts)
    assert {
        (x, y): math.ceil(HEATMAP_LEVELS * counts[r][c] / busiest)
        for r, y in enumerate(ys)
        for c, x in enumerate(xs)
    } == cells


def test_department_page_has_its_activity_chart(campaign_site):
    catalog = json.loads((campaign_site.site_dir / "catalog.json").read_text(encoding="utf-8"))
    housing = next(d for d in catalog["departments"] if d["id"] == "housing")
    html = (campaign_site.site_dir / housing["url"] / "index.html").read_text(encoding="utf-8")
    reader = TableReader()
    reader.feed(html)
    values = reader.chart_values["activity-chart"]
    assert sum(values) == housing["articles"]
    assert len(values) == 12
    assert 'role="img"' in html

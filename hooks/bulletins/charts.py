"""Chart geometry for the statistics page and the small activity charts, in SVG user units.

Python decides where each bar and cell goes (testable, deterministic); the templates in
overrides/partials/chart-*.html turn the geometry into SVG markup and CSS gives it colour, so
the charts follow the light, dark and high-contrast schemes without any script or library.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .stats import CountRow, Month

LABEL_FONT = 14  # px; a Han character is about one em wide
BAR_AREA = 220
VALUE_AREA = 44
ROW_HEIGHT = 28
BAR_THICKNESS = 18
CELL = 26  # heatmap cell, square
HEATMAP_LEVELS = 4  # shades besides "none"
COLUMN_STEP = 12  # activity chart: one column per month
COLUMN_WIDTH = 8
COLUMN_AREA = 48


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class BarChart:
    width: float
    height: float
    label_width: float
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Cell:
    value: int
    level: int  # 0 (none) .. HEATMAP_LEVELS
    x: float
    y: float


@dataclass(frozen=True)
class Heatmap:
    width: float
    height: float
    label_width: float
    top: float  # height of the month labels above the cells
    row_labels: tuple[tuple[str, float], ...]  # (label, baseline y)
    column_labels: tuple[tuple[str, str, float], ...]  # (year or "", month number, left x)
    cells: tuple[Cell, ...]


def _label_width(labels: list[str]) -> float:
    return max((len(label) for label in labels), default=0) * LABEL_FONT + LABEL_FONT


def horizontal_bars(rows: list[CountRow]) -> BarChart:
    """One bar per row (its total), longest bar = the largest total."""
    label_width = _label_width([row.label for row in rows])
    largest = max((row.total for row in rows), default=0) or 1
    bars = tuple(
        Bar(
            label=row.label,
            value=row.total,
            x=label_width,
            y=i * ROW_HEIGHT + (ROW_HEIGHT - BAR_THICKNESS) / 2,
            width=round(BAR_AREA * row.total / largest, 1),
            height=BAR_THICKNESS,
        )
        for i, row in enumerate(rows)
    )
    return BarChart(label_width + BAR_AREA + VALUE_AREA, len(rows) * ROW_HEIGHT, label_width, bars)


def heatmap(rows: list[CountRow], months: list[Month]) -> Heatmap:
    """Rows × months; a cell's shade grows with its count relative to the busiest cell."""
    label_width = _label_width([row.label for row in rows])
    top = 2 * LABEL_FONT + 6  # two lines: year (at January and the first month), month
    largest = max((max(row.counts, default=0) for row in rows), default=0) or 1
    cells = tuple(
        Cell(
            value=value,
            level=math.ceil(HEATMAP_LEVELS * value / largest),
            x=label_width + c * CELL,
            y=top + r * CELL,
        )
        for r, row in enumerate(rows)
        for c, value in enumerate(row.counts)
    )
    row_labels = tuple(
        (row.label, top + r * CELL + CELL / 2 + LABEL_FONT / 3) for r, row in enumerate(rows)
    )
    column_labels = tuple(
        # The year is written above the first month and above every January.
        (f"{year}年" if c == 0 or number == 1 else "", str(number), label_width + c * CELL)
        for c, (year, number) in enumerate(months)
    )
    return Heatmap(
        width=label_width + len(months) * CELL + 2 * LABEL_FONT,  # room for the last year label
        height=top + len(rows) * CELL,
        label_width=label_width,
        top=top,
        row_labels=row_labels,
        column_labels=column_labels,
        cells=cells,
    )


def monthly_columns(counts: tuple[int, ...]) -> BarChart:
    """The small activity chart of a department or topic: one column per campaign month."""
    largest = max(counts, default=0) or 1
    bars = tuple(
        Bar(
            label=str(i),
            value=value,
            x=i * COLUMN_STEP + (COLUMN_STEP - COLUMN_WIDTH) / 2,
            y=round(COLUMN_AREA - COLUMN_AREA * value / largest, 1),
            width=COLUMN_WIDTH,
            height=round(COLUMN_AREA * value / largest, 1),
        )
        for i, value in enumerate(counts)
    )
    return BarChart(max(len(counts), 1) * COLUMN_STEP, COLUMN_AREA, 0, bars)

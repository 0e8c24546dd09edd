"""The one parsed form of a bulletin, built once per build and shared by every index."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Series:
    id: str
    name: str
    masthead: str = ""  # printed before the name on the masthead, e.g. 聊城市创建全国文明城市


@dataclass(frozen=True)
class Department:
    id: str
    name: str  # full name, e.g. 聊城市司法局
    short: str  # shown on the site, e.g. 市司法局
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    description: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Distribution:
    report_to: str = ""  # 报
    send_to: str = ""  # 发
    copies: int | None = None  # 共印 N 份
    report_label: str = "报"  # as printed: one of REPORT_LABELS
    send_label: str = "发"  # as printed: one of SEND_LABELS


# The labels a distribution footer prints: upward (报) and outward (发), in the words issues use.
REPORT_LABELS = ("报", "报送", "呈报", "抄报")
SEND_LABELS = ("发", "送", "抄送", "分送", "印发")


@dataclass(frozen=True)
class Correction:
    """A change made to a published issue, said on its page: the site keeps no other history."""

    date: dt.date
    note: str  # what was corrected, e.g. 第2篇标题中“小区”误作“社区”，已更正。


@dataclass(frozen=True)
class FormerFile:
    """A file an issue had before its date or number was corrected: its URL leads on to the
    issue (redirects.py)."""

    source_path: str  # relative to docs/, e.g. bulletins/2021/gzjb-009.md
    field_path: str = field(default="moved_from", compare=False)  # e.g. moved_from[1]
    line: int = field(default=0, compare=False)  # where it is written, for messages


@dataclass(frozen=True)
class Attachment:
    """The original file of an issue (PDF or Word), published next to its page."""

    source_path: str  # relative to docs/, e.g. bulletins/2021/gzjb-009.pdf
    written: str  # as in the front matter, relative to the bulletin file
    line: int = field(default=0, compare=False)  # where it is declared, for error messages

    @property
    def filename(self) -> str:
        return self.source_path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Article:
    number: int  # 1-based position in the issue
    title: str
    departments: tuple[Department, ...]
    topics: tuple[Topic, ...]
    body: str = ""  # the Markdown under the article's `## ` heading, for search

    @property
    def anchor(self) -> str:
        # Stable, ASCII, independent of the Chinese title (MkDocs' slugs drop Han characters).
        return f"a{self.number}"


@dataclass(frozen=True)
class Bulletin:
    source_path: str  # relative to docs/, e.g. bulletins/2021/gzjb-009.md
    series: Series
    issue: int
    date: dt.date
    issuer: str
    title: str
    articles: tuple[Article, ...]
    distribution: Distribution | None = None
    total_issue: int | None = None
    draft: bool = False
    issue_line: int = 1  # where `issue:` stands in the file, for problems that span files
    attachments: tuple[Attachment, ...] = ()
    body: str = ""  # the Markdown below the front matter, which MkDocs is given to convert
    corrections: tuple[Correction, ...] = ()  # oldest first
    issue_to: int | None = None  # a combined issue (合刊) 第3-4期: 4; its file and URL take 3
    moved_from: tuple[FormerFile, ...] = ()  # files it had before a correction moved it

    @property
    def number_text(self) -> str:
        """第9期, or 第3-4期 for a combined issue."""
        return issue_number_text(self.issue, self.issue_to)

    @property
    def keys(self) -> list[tuple[str, int, int]]:
        """(series, year, issue) of every number the issue takes: two files cannot share one."""
        last = self.issue_to or self.issue
        return [(self.series.id, self.year, number) for number in range(self.issue, last + 1)]

    @property
    def last_changed(self) -> dt.date:
        """The issue's date, or that of its latest correction (the sitemap's lastmod)."""
        return max([self.date, *(c.date for c in self.corrections)])

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.series.id, self.year, self.issue)


def issue_number_text(issue: int, issue_to: int | None = None) -> str:
    return f"第{issue}-{issue_to}期" if issue_to else f"第{issue}期"


def canonical_source_path(series: Series, date: dt.date, issue: int) -> str:
    """Where a bulletin's file lives under docs/; its URL follows from it."""
    return f"bulletins/{date.year}/{series.id}-{issue:03d}.md"


def newest_first(bulletin: Bulletin) -> tuple:
    """Sort key: date descending, then series id and issue number descending."""
    return (-bulletin.date.toordinal(), bulletin.series.id, -bulletin.issue)


def chinese_date(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"

"""Start a new bulletin file: front matter and one article, with `待填写` placeholders to fill.

Usage: python scripts/new_bulletin.py --series 工作简报 [--issue 10] [--date 2021-03-18]
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from editor_cli import (
    DOCS,
    OK,
    USAGE_ERROR,
    display_path,
    parser,
    read_sources,
    site_bulletin_files,
    site_registry,
    write_markdown,
)

# isort: split
# (editor_cli has put hooks/ on sys.path for the imports below)
from bulletins.collection import load_bulletins
from bulletins.importer.pipeline import placeholder
from bulletins.importer.structure import PARAGRAPH, TITLE
from bulletins.importer.writer import ArticleDraft, BulletinDraft, bulletin_markdown
from bulletins.model import Bulletin, Distribution, Series, canonical_source_path
from bulletins.problems import did_you_mean

DESCRIPTION = """\
新建一期简报文件，写好刊头信息和一篇文章的框架，其余内容写成“待填写：……”。
不写 --issue 时，自动取该系列当年的下一个期号；不写 --date 时用今天的日期。
编印单位和报送范围（报、发、共印份数）沿用该系列最近一期的写法，请核对。
文件写到 docs/bulletins/<年份>/<系列>-<期号>.md。
把“待填写”全部换成真实内容后，用 check_content.py 检查。"""
EPILOG = """\
例子：
  python scripts/new_bulletin.py --series 工作简报 --issue 10 --date 2021-03-18
  python scripts/new_bulletin.py --series 督查专报              今天的日期，下一个期号

退出码：0 已新建；2 命令用法有误（系列不存在、日期写法不对、该期文件已存在而没有 --force）。"""
ISSUE_FILE_RE = re.compile(r"^(?P<series>[a-z0-9-]+)-(?P<issue>\d+)\.md$")


ISSUE_TO_LINE_RE = re.compile(r"^issue_to: *(\d+) *$", re.MULTILINE)


def next_issue(series: Series, year: int, docs: Path) -> int:
    """One more than the highest issue of the series filed under that year (1 for the first).

    File names, so that a scaffold not yet filled in still takes its number; and a combined
    issue's (合刊) last number, which its file name does not carry.
    """
    numbers = []
    for path in (docs / "bulletins" / str(year)).glob(f"{series.id}-*.md"):
        if (match := ISSUE_FILE_RE.match(path.name)) and match["series"] == series.id:
            numbers.append(int(match["issue"]))
            text = path.read_text(encoding="utf-8", errors="replace")
            numbers += [int(last) for last in ISSUE_TO_LINE_RE.findall(text)]
    return max(numbers, default=0) + 1


def scaffold(series: Series, issue: int, date: dt.date, latest: Bulletin | None) -> str:
    """The new issue's file. Issuer and distribution (报/发/共印) are the series' latest issue's,
    which seldom change from one issue to the next (an issue without a footer: none); for a
    series' first issue, placeholders."""
    title = placeholder("标题")
    if latest is None:
        issuer = placeholder("编印单位")
        distribution = Distribution(placeholder("报送范围"), placeholder("发送范围"))
    else:
        issuer, distribution = latest.issuer, latest.distribution or Distribution()
    draft = BulletinDraft(
        series=series.name,
        issue=issue,
        date=date,
        issuer=issuer,
        articles=[ArticleDraft(title, [placeholder("部门")], [placeholder("专题")])],
        body=[(TITLE, title), (PARAGRAPH, placeholder("正文"))],
        report_to=distribution.report_to,
        send_to=distribution.send_to,
        copies=distribution.copies,
        report_label=distribution.report_label,
        send_label=distribution.send_label,
    )
    return bulletin_markdown(draft)


def latest_of_series(series: Series, registry) -> Bulletin | None:
    bulletins, _ = load_bulletins(read_sources(site_bulletin_files())[0], registry)
    return next((b for b in bulletins if b.series.id == series.id), None)  # newest first


def main(argv: list[str] | None = None) -> int:
    arguments = parser(DESCRIPTION, EPILOG)
    arguments.add_argument("--series", required=True, help="系列名称，如 工作简报、督查专报")
    arguments.add_argument("--issue", type=int, help="期号（正整数）；不写则取下一个期号")
    arguments.add_argument("--date", help="印发日期，写成 2021-03-18；不写则用今天")
    arguments.add_argument("--dry-run", action="store_true", help="把结果打印到屏幕，不写文件")
    arguments.add_argument(
        "--out", metavar="DIR", help="写到 DIR/bulletins/… 而不是 docs/bulletins/…"
    )
    arguments.add_argument("--force", action="store_true", help="该期文件已存在时覆盖它")
    options = arguments.parse_args(argv)

    registry, _ = site_registry()
    series = registry.series_by_name.get(options.series) or registry.series.get(options.series)
    if series is None:
        arguments.error(
            f"“{options.series}”不是名录中的系列"
            f"{did_you_mean(options.series, registry.series_by_name)}"
        )
    try:
        date = dt.date.fromisoformat(options.date) if options.date else dt.date.today()
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", options.date):  # written right, but no such day
            arguments.error(f"--date 的日期不存在：“{options.date}”")
        arguments.error(f"--date 的日期应写成 YYYY-MM-DD（如 2021-03-18），现在是“{options.date}”")
    if options.issue is not None and options.issue < 1:
        arguments.error("--issue 不能小于 1")
    out_dir = Path(options.out) if options.out else DOCS
    issue = options.issue or next_issue(series, date.year, out_dir)

    markdown = scaffold(series, issue, date, latest_of_series(series, registry))
    target = out_dir / canonical_source_path(series, date, issue)
    if options.dry_run:
        sys.stdout.write(markdown)
        return OK
    if target.exists() and not options.force:
        print(
            f"{display_path(target)}: 已存在，没有覆盖（要替换它，请加 --force）",
            file=sys.stderr,
        )
        return USAGE_ERROR
    write_markdown(target, markdown)
    print(display_path(target))
    print(
        "请把文件中所有“待填写：……”换成真实内容，再运行 scripts/check_content.py 检查。",
        file=sys.stderr,
    )
    return OK


if __name__ == "__main__":
    sys.exit(main())

"""Import one raw bulletin: text in, Markdown out, with warnings naming what an editor must fill.

Whatever cannot be determined gets a `待填写：…` placeholder, which the validator rejects, so a
file cannot be published until an editor has filled it. The Markdown is checked with the
build's own validator (`parse_bulletin`) before it is returned.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

from ..model import canonical_source_path
from ..parse import PLACEHOLDER_PREFIX, parse_bulletin
from ..problems import ERROR, WARNING, Problem
from ..registry import Registry
from .contents import Contents, read_contents
from .entry_titles import could_be_title
from .footer import is_footer_start, read_footer
from .header import read_header
from .infer import suggest_departments, suggest_topics
from .lines import (
    RUNNING_HEAD,
    DroppedLine,
    SourceLine,
    compact,
    ends_paragraph,
    layout_reason,
    running_heads,
    split_lines,
)
from .punctuation import normalise_punctuation
from .structure import PARAGRAPH, TITLE, Element, could_stand_as_title, read_body
from .writer import ArticleDraft, BulletinDraft, bulletin_markdown

MASTHEAD = "masthead"
CONTENTS = "contents"


def placeholder(what: str) -> str:
    return f"{PLACEHOLDER_PREFIX}：{what}"


@dataclass
class ImportResult:
    markdown: str
    source_path: str  # where it belongs under docs/, e.g. bulletins/2021/gzjb-009.md
    warnings: list[Problem] = field(default_factory=list)  # about the input: what to fill or check
    problems: list[Problem] = field(default_factory=list)  # the validator's, on the output
    dropped: list[DroppedLine] = field(default_factory=list)  # input lines left out, with why


def blocks_of(lines: list[SourceLine]) -> list[list[SourceLine]]:
    """Runs of consecutive non-blank lines (lines already removed do not separate runs)."""
    blocks: list[list[SourceLine]] = []
    previous_number = None
    for line in lines:
        if blocks and previous_number is not None and line.number == previous_number + 1:
            blocks[-1].append(line)
        else:
            blocks.append([line])
        previous_number = line.number
    return blocks


def import_text(
    text: str, registry: Registry, input_path: str, fallback_name: str, docs_display: str = "docs"
) -> ImportResult:
    """Import bulletin text. `input_path` is for messages; `fallback_name` names the output
    file when series, issue or date are unknown; `docs_display` is how the validator's
    messages show the directory the file is written under."""
    warnings: list[Problem] = []

    def warn(line: int, field_name: str, message: str, severity: str = WARNING) -> None:
        warnings.append(Problem(input_path, line, field_name, message, severity))

    all_lines = split_lines(text)
    dropped = [
        DroppedLine(line.number, line.text, reason)
        for line in all_lines
        if (reason := layout_reason(line))
    ]
    dropped_numbers = {entry.number for entry in dropped}
    content = [line for line in all_lines if line.text and line.number not in dropped_numbers]

    header = read_header(content, [series.name for series in registry.series.values()])
    dropped += [DroppedLine(line.number, line.text, MASTHEAD) for line in header.lines]
    rest = content[len(header.lines) :]
    contents = read_contents(rest, _page_tops(all_lines, dropped_numbers))
    dropped += [DroppedLine(line.number, line.text, CONTENTS) for line in contents.lines]
    rest = rest[len(contents.lines) :]

    rest = _without_running_heads(rest, content, contents.titles, dropped, warn)
    footer_start = next(
        (index for index, line in enumerate(rest) if is_footer_start(line.text)), len(rest)
    )
    footer = read_footer(rest[footer_start:])
    for line in footer.unread:
        warn(
            line.number,
            "distribution",
            f"“{line.text}”不属于报送范围的任何一项（报/发/共印）：没有导入",
        )
    for line, printed, shown in footer.relabelled:
        warn(
            line.number,
            "distribution",
            f"原件“{printed}：”一行的单位在网站上并入“{shown}：”一行"
            "（网站的报送范围只有“报”“发”两行）：请核对是否符合原件",
        )
    blocks = blocks_of(rest[:footer_start])
    if not contents.titles and len(blocks) == 1 and len(blocks[0]) > 3:
        blocks = [[line] for line in blocks[0]]  # no blank lines at all: one paragraph a line
    elements = read_body(blocks, contents, frozenset(entry.number for entry in dropped))
    _report_differing_entries(contents, {e.text for e in elements if e.kind == TITLE}, warn)
    if contents.titles:
        _report_possible_entries(elements, warn)
        _report_unlisted_titles(elements, warn)
    for element in elements:
        element.text = normalise_punctuation(element.text)

    draft = _draft(header, elements, registry, warn)
    draft.report_to, draft.send_to, draft.copies = (
        normalise_punctuation(footer.report_to),
        normalise_punctuation(footer.send_to),
        footer.copies,
    )
    draft.report_label, draft.send_label = footer.report_label, footer.send_label
    markdown = bulletin_markdown(draft)
    source_path = _source_path(draft, registry, fallback_name)
    _, problems = parse_bulletin(markdown, source_path, f"{docs_display}/{source_path}", registry)
    dropped.sort(key=lambda d: d.number)
    return ImportResult(markdown, source_path, warnings, problems, dropped)


def _page_tops(all_lines: list[SourceLine], dropped_numbers: set[int]) -> frozenset[int]:
    """Numbers of the first lines of text after each page number or other layout line."""
    tops, after_layout = set(), False
    for line in all_lines:
        if line.number in dropped_numbers:
            after_layout = True
        elif line.text and after_layout:
            tops.add(line.number)
            after_layout = False
    return frozenset(tops)


def _report_differing_entries(contents: Contents, titles: set[str], warn) -> None:
    for differing in contents.differing:
        if differing.title is None:
            read_as = "第一篇标题之前的文字" if differing.first else "上一篇的一部分"
            warn(
                differing.line.number,
                "contents",
                f"目录里有“{differing.entry}”，但正文中对应位置找不到与它相近的标题："
                f"这一篇被当作{read_as}；请加上它的“## ”标题和 articles 中的一项",
                ERROR,
            )
        elif differing.entry in titles:  # found only by joining lines across a page break
            warn(
                differing.line.number,
                "contents",
                f"“{differing.entry}”在正文中被分页断开：已重新接上；请核对",
            )
        else:
            warn(
                differing.line.number,
                "contents",
                f"目录里的“{differing.entry}”在正文中印作"
                f"“{normalise_punctuation(differing.title)}”：采用正文里印的标题；请核对",
            )


def _report_possible_entries(elements: list[Element], warn) -> None:
    """Text after the contents, before the first title, that reads like an entry: an entry of
    bare contents whose title is printed too differently to be found."""
    for element in itertools.takewhile(lambda element: element.kind != TITLE, elements):
        if element.kind == PARAGRAPH and could_be_title(element.text):
            warn(
                element.line,
                "contents",
                f"第一篇标题之前的“{element.text}”可能是目录中的一条，正文里的标题印得不一样："
                "那样的话，它的文章会被并进别的文章；请核对",
            )


def _report_unlisted_titles(elements: list[Element], warn) -> None:
    """A line standing alone like a title inside the articles, between whole paragraphs: an
    article the contents do not list (its text would be read as part of the one above), or a
    sub-heading. Only the editor can tell."""
    # Before the first title, _report_possible_entries speaks for such a line.
    first_title = next((i for i, e in enumerate(elements) if e.kind == TITLE), len(elements))
    after_first = elements[first_title:]
    for before, element, after in zip(after_first, after_first[1:], after_first[2:], strict=False):
        if (
            element.kind == PARAGRAPH
            and after.kind == PARAGRAPH
            and before.kind != TITLE
            and ends_paragraph(before.text)
            and could_stand_as_title(element.text)
        ):
            warn(
                element.line,
                "body",
                f"“{element.text}”像标题一样单独成行，但目录里没有：如果它是一篇文章，"
                "请把它改成“## ”标题，并在 articles 中加上一项；如果是小标题，不用改",
            )


def _without_running_heads(rest, content, titles, dropped, warn) -> list[SourceLine]:
    """`rest` without the running heads, which are recorded in `dropped` and warned about."""
    heads = running_heads(content, {compact(title) for title in titles})
    kept = []
    for line in rest:
        if line.compact in heads:
            dropped.append(DroppedLine(line.number, line.text, RUNNING_HEAD))
            warn(
                line.number,
                "body",
                f"“{line.text}”出现了多次：已当作页眉去掉",
            )
        else:
            kept.append(line)
    return kept


def _draft(header, elements: list[Element], registry: Registry, warn) -> BulletinDraft:
    first_line = header.lines[0].number if header.lines else 1
    series = header.series_name
    if series is None:
        if header.masthead:
            seen = f"刊头是“{header.masthead}”，不在 docs/_data/series.yml 中"
        else:
            seen = "没有找到 docs/_data/series.yml 中任何系列的刊头"
        warn(first_line, "series", f"{seen}：请填写 series")
        series = placeholder("系列")
    if header.issue is None:
        warn(first_line, "issue", "没有找到期号（第N期）：请填写 issue")
    for line, note in header.date_notes:
        warn(line, "date", f"{note}：请核对原件，填写 date（如 2021-03-11）")
    if header.date is None and not header.date_notes:
        warn(first_line, "date", "没有找到日期：请填写 date（如 2021-03-11）")
    if header.issuer is None:
        warn(first_line, "issuer", "没有找到编印单位：请填写 issuer")

    found = _articles_of(elements, warn)
    for index, (title, paragraphs) in enumerate(found):
        if not paragraphs:  # the contents or a sub-heading taken for a title, as a rule
            warn(
                title.line,
                f"articles[{index}]",
                f"“{title.text}”下面没有正文：如果它不是文章（而是目录行、小标题），"
                "请删去它的“## ”行和 articles 中的一项",
                ERROR,
            )
    articles = [
        _article(index, title, paragraphs, registry, warn)
        for index, (title, paragraphs) in enumerate(found)
    ]
    if not articles:
        warn(first_line, "articles", "没有识别出文章标题：请加上“## ”标题和 articles")
    return BulletinDraft(
        series=series,
        issue=header.issue if header.issue is not None else placeholder("期号"),
        date=header.date or placeholder("日期"),
        issuer=header.issuer or placeholder("编印单位"),
        articles=articles,
        body=[(e.kind, e.text) for e in elements],
        total_issue=header.total_issue,
        issue_to=header.issue_to,
    )


def _articles_of(elements: list[Element], warn) -> list[tuple[Element, list[str]]]:
    """Each title with the paragraphs under it (columns and text before any title excepted)."""
    articles: list[tuple[Element, list[str]]] = []
    for element in elements:
        if element.kind == TITLE:
            articles.append((element, []))
        elif element.kind == PARAGRAPH and articles:
            articles[-1][1].append(element.text)
        elif element.kind == PARAGRAPH:
            warn(element.line, "body", "第一篇文章标题之前有文字：请核对它属于哪里")
    return articles


def _article(index: int, title: Element, paragraphs: list[str], registry, warn) -> ArticleDraft:
    """The article's front matter: suggested departments and topics, or placeholders."""
    where = f"articles[{index}]"
    departments = suggest_departments(title.text, paragraphs, registry)
    topics = suggest_topics(title.text, paragraphs, registry)
    if not departments:
        warn(title.line, f"{where}.departments", f"没有为“{title.text}”找到部门：请填写")
    if not topics:
        warn(title.line, f"{where}.topics", f"“{title.text}”中没有找到专题关键词：请填写")
    return ArticleDraft(
        title.text,
        [department.short for department in departments] or [placeholder("部门")],
        [topic.name for topic in topics] or [placeholder("专题")],
    )


def _source_path(draft: BulletinDraft, registry: Registry, fallback_name: str) -> str:
    series = registry.series_by_name.get(draft.series)
    if series and isinstance(draft.issue, int) and isinstance(draft.date, dt.date):
        return canonical_source_path(series, draft.date, draft.issue)
    year = draft.date.year if isinstance(draft.date, dt.date) else "undated"
    return f"bulletins/{year}/{fallback_name}.md"

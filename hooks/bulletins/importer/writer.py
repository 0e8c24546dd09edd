"""Write an imported bulletin as Markdown: front matter in the site's key order, then the body.

The layout matches docs/bulletins/2021/gzjb-009.md (flow lists for departments and topics,
ISO dates, UTF-8 with `\\n`), so an imported file and a hand-written one read alike.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

import yaml

from .structure import PARAGRAPH, SECTION, TITLE

# Plain (unquoted) YAML is used only when it reads back as the same string; in a flow list
# these characters would also end or split the item.
FLOW_SPECIAL = set(",[]{}#&*!|>'\"%@`")
MARKDOWN_LINE_START_RE = re.compile(r"^(?:[-+*>#=]|\d+[.)])(?=\s|$)")


@dataclass
class ArticleDraft:
    title: str
    departments: list[str]
    topics: list[str]


@dataclass
class BulletinDraft:
    series: str
    issue: int | str
    date: dt.date | str
    issuer: str
    articles: list[ArticleDraft]
    body: list[tuple[str, str]] = field(default_factory=list)  # (kind, text) in order
    total_issue: int | None = None
    issue_to: int | None = None  # a combined issue (合刊)
    report_to: str = ""
    send_to: str = ""
    copies: int | None = None
    report_label: str = "报"  # written only when the issue prints another
    send_label: str = "发"


def yaml_scalar(value, in_flow: bool = False) -> str:
    """A scalar as YAML: plain when that reads back unchanged, else double-quoted."""
    if isinstance(value, (int, dt.date)) and not isinstance(value, bool):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    text = str(value)
    plain_ok = (
        text == text.strip()
        and text != ""
        and not (in_flow and FLOW_SPECIAL & set(text))
        and _reads_back(text)
    )
    return text if plain_ok else json.dumps(text, ensure_ascii=False)


def _reads_back(text: str) -> bool:
    try:
        return yaml.safe_load(f"key: {text}") == {"key": text}
    except yaml.YAMLError:
        return False


def flow_list(values: list[str]) -> str:
    return "[" + ", ".join(yaml_scalar(value, in_flow=True) for value in values) + "]"


def front_matter(draft: BulletinDraft) -> str:
    lines = ["---", f"series: {yaml_scalar(draft.series)}", f"issue: {yaml_scalar(draft.issue)}"]
    if draft.issue_to is not None:
        lines.append(f"issue_to: {draft.issue_to}")
    if draft.total_issue is not None:
        lines.append(f"total_issue: {draft.total_issue}")
    lines += [f"date: {yaml_scalar(draft.date)}", f"issuer: {yaml_scalar(draft.issuer)}"]
    lines.append("articles:")
    for article in draft.articles:
        lines += [
            f"  - title: {yaml_scalar(article.title)}",
            f"    departments: {flow_list(article.departments)}",
            f"    topics: {flow_list(article.topics)}",
        ]
    if draft.report_to or draft.send_to or draft.copies is not None:
        lines.append("distribution:")
        if draft.report_to:
            lines.append(f"  report_to: {yaml_scalar(draft.report_to)}")
            if draft.report_label != "报":
                lines.append(f"  report_label: {yaml_scalar(draft.report_label)}")
        if draft.send_to:
            lines.append(f"  send_to: {yaml_scalar(draft.send_to)}")
            if draft.send_label != "发":
                lines.append(f"  send_label: {yaml_scalar(draft.send_label)}")
        if draft.copies is not None:
            lines.append(f"  copies: {draft.copies}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def markdown_paragraph(text: str) -> str:
    """A paragraph as Markdown, so that a leading `-` or `1.` is not read as a list."""
    text = text.replace("<", "&lt;")
    if MARKDOWN_LINE_START_RE.match(text):
        return "\\" + text
    return text


def body_markdown(body: list[tuple[str, str]]) -> str:
    blocks = []
    for kind, text in body:
        if kind == TITLE:
            blocks.append(f"## {text}")
        elif kind == SECTION:
            # The site has no columns yet: the column name is kept, invisible, for the editor.
            blocks.append(f"<!-- {text} -->")
        elif kind == PARAGRAPH:
            blocks.append(markdown_paragraph(text))
    return "\n" + "\n\n".join(blocks) + "\n"


def bulletin_markdown(draft: BulletinDraft) -> str:
    return front_matter(draft) + body_markdown(draft.body)

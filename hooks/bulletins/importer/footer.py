"""The distribution footer: `报：…`, `发：…`, `共印 260 份`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import SourceLine

FOOTER_FIELD_RE = re.compile(
    r"^(?P<label>报送|呈报|抄报|报|抄送|分送|印发|发|送)\s*[:：]\s*(?P<text>.*)$"
)
COPIES_RE = re.compile(r"[（(]?\s*共印\s*(?P<copies>\d+)\s*份\s*[)）]?")
REPORT_LABELS = {"报", "报送", "呈报", "抄报"}  # upward: distribution.report_to
# The site's footer prints 报 and 发: any other label is filed under one of them, and said so.
SITE_LABELS = {"report_to": "报", "send_to": "发"}


def is_footer_start(text: str) -> bool:
    return bool(FOOTER_FIELD_RE.match(text) or re.match(r"^[（(]?\s*共印", text))


@dataclass
class Footer:
    report_to: str = ""
    send_to: str = ""
    copies: int | None = None
    unread: list[SourceLine] = field(default_factory=list)  # footer lines that fit no field
    # (line, label as printed, label the site prints) for labels other than 报 and 发
    relabelled: list[tuple[SourceLine, str, str]] = field(default_factory=list)


def read_footer(lines: list[SourceLine]) -> Footer:
    """Read the footer's fields; an unlabelled line continues the field above it."""
    footer = Footer()
    current: str | None = None
    for line in lines:
        text = line.text
        if match := COPIES_RE.search(text):
            footer.copies = int(match["copies"])
            text = (text[: match.start()] + text[match.end() :]).strip()
        if not text:
            continue
        if match := FOOTER_FIELD_RE.match(text):
            current = "report_to" if match["label"] in REPORT_LABELS else "send_to"
            if match["label"] != SITE_LABELS[current]:
                footer.relabelled.append((line, match["label"], SITE_LABELS[current]))
            text = match["text"].strip()
            if getattr(footer, current):  # a second 发： line adds to the first
                text = "，" + text
        if current is None:
            footer.unread.append(line)
            continue
        setattr(footer, current, getattr(footer, current) + text)
    return footer

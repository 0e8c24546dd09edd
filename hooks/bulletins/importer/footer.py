"""The distribution footer: `报：…`, `发：…`, `共印 260 份`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import REPORT_LABELS, SEND_LABELS
from .lines import SourceLine

# Longest first: 报送 is not 报 then 送.
_LABELS = "|".join(sorted(REPORT_LABELS + SEND_LABELS, key=len, reverse=True))
FOOTER_FIELD_RE = re.compile(rf"^(?P<label>{_LABELS})\s*[:：]\s*(?P<text>.*)$")
LABEL_OF = {"report_to": "report_label", "send_to": "send_label"}  # a line's field: its label's
COPIES_RE = re.compile(r"[（(]?\s*共印\s*(?P<copies>\d+)\s*份\s*[)）]?")


def is_footer_start(text: str) -> bool:
    return bool(FOOTER_FIELD_RE.match(text) or re.match(r"^[（(]?\s*共印", text))


@dataclass
class Footer:
    report_to: str = ""
    send_to: str = ""
    copies: int | None = None
    report_label: str = "报"  # the first label of each line, as printed
    send_label: str = "发"
    unread: list[SourceLine] = field(default_factory=list)  # footer lines that fit no field
    # (line, label as printed, label it is shown under): a second label on the same line of
    # the site's footer, which has one line upward (报…) and one outward (发…)
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
            label_field = LABEL_OF[current]
            text = match["text"].strip()
            if getattr(footer, current):  # a second 发： line adds to the first
                text = "，" + text
                if match["label"] != getattr(footer, label_field):
                    footer.relabelled.append((line, match["label"], getattr(footer, label_field)))
            else:
                setattr(footer, label_field, match["label"])
        if current is None:
            footer.unread.append(line)
            continue
        setattr(footer, current, getattr(footer, current) + text)
    return footer

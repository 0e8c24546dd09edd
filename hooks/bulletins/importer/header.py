"""The masthead block at the top of a bulletin: series, issue number, issuer and date.

Real mastheads vary: `第9期`, `第十二期`, `〔2021〕第3期`, `（总第十六期）` on its own line, the
issuer and the date on one line (`…办公室编印 2014年7月3日`), dates written `2021年3月11日`,
`2021.3.11` or `二〇二一年三月十一日`. Each line of the block is read on its own; the block ends
at the first line that is none of these (the contents or the first article).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .lines import SourceLine

CHINESE_DIGITS = {"〇": 0, "○": 0, "Ｏ": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3,
                  "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
NUMBER = r"[0-9０-９〇○零一二两三四五六七八九十百千]+"
YEAR_DIGITS = r"[0-9〇○Ｏ零一二三四五六七八九]{4}"
SMALL_NUMBER = r"[0-9一二三四五六七八九十]{1,3}"

# 第9期, 〔2021〕第3期, 2021年第17期 (the year is the date's business: only the number is read);
# a combined issue (合刊): 第3-4期, 第3、4期合刊, 第3期、第4期合刊, 第3—4期（合刊）.
RANGE = r"[-－—–~～、]"
ISSUE_RE = re.compile(
    rf"(?:[〔\[［(（]\d{{4}}[〕\]］)）]\s*|{YEAR_DIGITS}\s*年\s*)?第\s*(?P<issue>{NUMBER})\s*"
    rf"(?:{RANGE}\s*(?P<issue_to>{NUMBER})\s*)?期"
    rf"(?:\s*[、和]\s*第\s*(?P<issue_to_again>{NUMBER})\s*期)?(?:\s*[(（]?\s*合刊\s*[)）]?)?"
)
# 总第125期; a combined issue's 总第125-126期 is kept as its first number, like its issue.
TOTAL_ISSUE_RE = re.compile(
    rf"[(（]?\s*总\s*第\s*(?P<total>{NUMBER})\s*(?:{RANGE}\s*{NUMBER}\s*)?期\s*[)）]?"
)
DATE_RE = re.compile(
    rf"(?P<year>{YEAR_DIGITS})\s*年\s*(?P<month>{SMALL_NUMBER})\s*月\s*(?P<day>{SMALL_NUMBER})\s*[日号]"
    r"|(?P<year2>\d{4})\s*[.．/\-－]\s*(?P<month2>\d{1,2})\s*[.．/\-－]\s*(?P<day2>\d{1,2})(?!\d)"
)
# Words a bulletin title ends with when the series is not in the registry yet.
MASTHEAD_RE = re.compile(r"(?P<masthead>\S*(?:简报|动态|专报|通报|快报|情况|信息|专刊))$")
ISSUER_RE = re.compile(
    r"^(?P<issuer>[^，。；：,;:]{2,40}?(?:办公室|办|委员会|委|指挥部|领导小组|中心|局|部|厅|政府))"
    r"\s*(?:编印|印发|主办|编)?$"
)
# Masthead lines with no field of their own: confidentiality marks and who signed or edited.
HEADER_NOISE_RE = re.compile(
    r"^[（(]?(?:内部资料|内部刊物|注意保存|仅供参考|内部资料\s*注意保存)[)）]?$"
    r"|^(?:签发|主编|编辑|责任编辑|审核)\s*[:：]\s*\S{1,12}$"
)
WRAPPERS = "（）()〔〕[]［］ \u3000"


@dataclass
class Header:
    series_name: str | None = None  # as found in the registry
    masthead: str | None = None  # the masthead line's title word, e.g. 创城动态
    issue: int | None = None
    issue_to: int | None = None  # the last number of a combined issue (合刊)
    total_issue: int | None = None
    issuer: str | None = None
    date: dt.date | None = None
    lines: list[SourceLine] = field(default_factory=list)  # the lines the header took
    date_notes: list[tuple[int, str]] = field(default_factory=list)  # (line, what is wrong)


def chinese_number(text: str) -> int | None:
    """12 for `12`, `十二`, `一十二`; 2021 for `二〇二一` (digit by digit); None if not a number."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    if all(char in CHINESE_DIGITS for char in text):
        return int("".join(str(CHINESE_DIGITS[char]) for char in text))
    total = pending = 0
    for char in text:
        if char in CHINESE_DIGITS:
            pending = CHINESE_DIGITS[char]
        elif char in CHINESE_UNITS:
            total += (pending or 1) * CHINESE_UNITS[char]
            pending = 0
        else:
            return None
    return total + pending


def parse_date(match: re.Match) -> dt.date | None:
    """The date of a DATE_RE match, or None when it is not a real day (2021年2月30日)."""
    if match["year"]:
        parts = (match["year"], match["month"], match["day"])
    else:
        parts = (match["year2"], match["month2"], match["day2"])
    year, month, day = (chinese_number(part) for part in parts)
    try:
        return dt.date(year, month, day)
    except (TypeError, ValueError):
        return None


def read_header(lines: list[SourceLine], series_names: list[str]) -> Header:
    """Read the masthead block from the first content lines (blank and layout lines removed)."""
    header = Header()
    index = _masthead_index(lines, series_names)
    if index is not None:
        header.lines += lines[: index + 1]
        _read_masthead(header, lines[index].text, series_names)
        start = index + 1
    else:
        start = 0
    for line in lines[start:]:
        if not _read_line(header, line):
            break
        header.lines.append(line)
    return header


def _masthead_index(lines: list[SourceLine], series_names: list[str]) -> int | None:
    """The masthead line among the first few: the lines above it are its first part."""
    for index, line in enumerate(lines[:4]):
        text = _without_spaces(ISSUE_RE.sub("", TOTAL_ISSUE_RE.sub("", line.text)))
        if any(text.endswith(name) for name in series_names) or MASTHEAD_RE.search(text):
            return index
    return None


def _read_masthead(header: Header, text: str, series_names: list[str]) -> None:
    _read_numbers(header, text)
    text = _without_spaces(ISSUE_RE.sub("", TOTAL_ISSUE_RE.sub("", text)).strip(WRAPPERS))
    # Longest name first: 创城工作简报 must not be read as 工作简报 when both are registered.
    for name in sorted(series_names, key=len, reverse=True):
        if text.endswith(name):
            header.series_name = header.masthead = name
            return
    match = MASTHEAD_RE.search(text)
    header.masthead = match["masthead"] if match else text


def _without_spaces(text: str) -> str:
    """A masthead is often letter-spaced (`工 作 简 报`, `工　作　简　报`): its words without."""
    return re.sub(r"\s+", "", text)


def _read_numbers(header: Header, text: str) -> bool:
    found = False
    if match := TOTAL_ISSUE_RE.search(text):
        header.total_issue = chinese_number(match["total"])
        text = text.replace(match[0], "")
        found = True
    if match := ISSUE_RE.search(text):
        header.issue = chinese_number(match["issue"])
        last = match["issue_to"] or match["issue_to_again"]
        header.issue_to = chinese_number(last) if last else None
        found = True
    return found


def _read_line(header: Header, line: SourceLine) -> bool:
    """Take one header line; False when it is not part of the header."""
    rest = line.text
    found = False
    if header.date is None and (match := DATE_RE.search(rest)):
        date = parse_date(match)
        if date is None:
            header.date_notes.append((line.number, f"原稿的日期“{match[0]}”不存在"))
        header.date = date
        rest = rest.replace(match[0], "")
        found = True
    without_numbers = ISSUE_RE.sub("", TOTAL_ISSUE_RE.sub("", rest))
    if without_numbers != rest:
        _read_numbers(header, rest)
        rest = without_numbers
        found = True
    rest = rest.strip(WRAPPERS)
    if not rest:
        return found
    if HEADER_NOISE_RE.match(rest):
        return True
    if header.issuer is None and (match := ISSUER_RE.match(rest)):
        header.issuer = match["issuer"].strip()
        return True
    return False

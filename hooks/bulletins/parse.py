"""Parse and validate one bulletin file into a `Bulletin`, collecting every problem."""

from __future__ import annotations

import datetime as dt
import difflib
import re

from .attachments import resolve_attachment
from .frontmatter import split_front_matter
from .model import (
    REPORT_LABELS,
    SEND_LABELS,
    Article,
    Attachment,
    Bulletin,
    Correction,
    Distribution,
    FormerFile,
    issue_number_text,
)
from .problems import WARNING, Problem, closest, did_you_mean, errors
from .registry import Registry
from .yaml_scalars import Scalar, scalar_text

BULLETIN_KEYS = {
    "series", "issue", "total_issue", "date", "issuer", "title", "articles", "distribution",
    "draft", "attachments", "corrections", "issue_to", "moved_from",
}  # fmt: skip
REQUIRED_KEYS = ("series", "issue", "date", "issuer", "articles")
ARTICLE_KEYS = {"title", "departments", "topics"}
DISTRIBUTION_KEYS = {"report_to", "send_to", "copies", "report_label", "send_label"}
CORRECTION_KEYS = {"date", "note"}

HEADING_RE = re.compile(r"^## +(?P<text>.+?) *#*\s*$")
FENCE_STARTS = ("```", "~~~")
# A line break and a fence or heading after it: starting with a literal, the search jumps from
# line break to line break (a `^` in multiline mode is tried at every character, 3× slower).
CANDIDATE_LINE_RE = re.compile(r"\n(?:```|~~~|## )[^\n]*")
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# What scripts/import_bulletin.py and new_bulletin.py write where they cannot know the value,
# e.g. `待填写：部门`. Free-text fields would accept it, so it is rejected here explicitly.
PLACEHOLDER_PREFIX = "待填写"
# A combined issue (合刊) joins a few numbers, a year's end at most: more is a typo (34 for 4).
MAX_COMBINED_ISSUES = 6
# Where a bulletin's file can have been: its URL is made from it (model.canonical_source_path).
BULLETIN_PATH_RE = re.compile(r"^bulletins/\d{4}/[a-z0-9-]+-\d{3}\.md$")
# What to write instead of a placeholder in a field that is not free text.
PLACEHOLDER_HINTS = {
    "issue": "期号，如 10",
    "total_issue": "总期号，如 125",
    "copies": "份数，如 260",
    "date": "日期，如 2021-03-11",
}
# A list typed with the Chinese enumeration comma or a full-width comma: one name to YAML.
LIST_SLIP_RE = re.compile(r"[、，]")
FULL_WIDTH_INDENT = "\u3000"  # YAML reads it as part of the key, not as indent


def quoted(value: str) -> str:
    """A value in quotes “…”, or in 「…」 when it has “” of its own (““甲”乙” reads badly)."""
    return f"「{value}」" if "“" in value or "”" in value else f"“{value}”"


def placeholder_message(value: str, field: str) -> str:
    hint = PLACEHOLDER_HINTS.get(field.rsplit(".", 1)[-1])
    return f"{quoted(value)}还没有填写：" + (f"请写上{hint}" if hint else "请换成真实内容")


class _Checker:
    """Reads typed values out of front matter, recording a problem for each bad one."""

    def __init__(self, path: str, lines: dict[str, int]) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []
        # field path of a missing key -> the unknown key that is probably it, misspelt
        self.misspelt: dict[str, str] = {}
        # keys written after a full-width space, reported: YAML may have put them at the top
        # level, so the article they belong to is not known
        self.indented: set[str] = set()

    def line_of(self, field: str) -> int:
        return self.lines.get(field) or self.lines.get(field.rsplit(".", 1)[0], 1)

    def problem(self, field: str, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(self.path, self.line_of(field), field, message, severity))

    def unknown_keys(
        self, mapping: dict, known: set[str], prefix: str, required: tuple[str, ...] = ()
    ) -> None:
        """A warning for each unknown key; an unknown key close to a missing required one is
        said once, by `require`, as that key misspelt."""
        missing = [key for key in required if key not in mapping]
        for key in sorted(set(mapping) - known):
            field = f"{prefix}{key}"
            if key.startswith(FULL_WIDTH_INDENT):
                name = key.lstrip(FULL_WIDTH_INDENT + " ")
                self.indented.add(name)
                self.problems.append(
                    Problem(
                        self.path,
                        self.line_of(field),
                        f"{prefix}{name}",
                        "这一行用了全角空格缩进，请改用半角空格",
                    )
                )
                continue
            if close := difflib.get_close_matches(key, missing, n=1, cutoff=0.5):
                self.misspelt[f"{prefix}{close[0]}"] = field
                missing.remove(close[0])
                continue
            self.problem(field, f"不认识的字段{did_you_mean(key, known)}", WARNING)

    def require(self, mapping: dict, key: str, prefix: str = ""):
        field = f"{prefix}{key}"
        if key not in mapping:
            if key in self.indented:
                return None  # said already: the key is there, after a full-width space
            if misspelt := self.misspelt.get(field):
                line = self.line_of(misspelt)
                written = misspelt.rsplit(".", 1)[-1]
                message = f"缺少 {key}（第 {line} 行的“{written}”是不是写错了？）"
            else:
                where = prefix.rstrip(".")
                line = self.lines.get(where, 1) if where else 1
                message = f"缺少 {key}（必填）"
            self.problems.append(Problem(self.path, line, field, message))
            return None
        if _is_empty(mapping[key]):
            self.problems.append(Problem(self.path, self.line_of(field), field, "必填，不能为空"))
            return None
        return mapping[key]

    def text(self, value, field: str, if_empty: str = "不能为空") -> str | None:
        """`if_empty`: what to say of an empty value (an optional field: delete the line)."""
        if isinstance(value, Scalar) and value.value is None:
            self.problem(field, if_empty)
            return None
        if not isinstance(value, Scalar):
            self.problem(field, "应为文字")
            return None
        result = scalar_text(value)
        if not result:
            self.problem(field, if_empty)
            return None
        if result.startswith(PLACEHOLDER_PREFIX):
            self.problem(field, placeholder_message(result, field))
            return None
        return result

    def integer(self, value, field: str, if_empty: str = "不能为空") -> int | None:
        if not isinstance(value, Scalar):
            self.problem(field, "应为整数")
            return None
        text = value.text.strip()
        if value.value is None or not text:
            self.problem(field, if_empty)
            return None
        if text.startswith(PLACEHOLDER_PREFIX):
            self.problem(field, placeholder_message(text, field))
            return None
        if re.fullmatch(r"0\d+", text):
            self.problem(
                field,
                f"“{text}”有前导零，YAML 可能把它当作八进制数（请写 {int(text)}）",
            )
            return None
        if isinstance(value.value, bool) or not re.fullmatch(r"-?\d+", text):
            self.problem(field, f"应为整数，现在是{quoted(text)}")
            return None
        number = int(text)
        if number < 1:
            self.problem(field, "不能小于 1")
            return None
        return number

    def date(self, value, field: str) -> dt.date | None:
        if isinstance(value, Scalar) and type(value.value) is dt.date:
            return value.value
        text = value.text.strip() if isinstance(value, Scalar) else ""
        if text.startswith(PLACEHOLDER_PREFIX):
            self.problem(field, placeholder_message(text, field))
            return None
        if ISO_DATE_RE.match(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                self.problem(field, f"日期不存在：{quoted(text)}")
                return None
        self.problem(field, f"日期应写成 YYYY-MM-DD（如 2021-03-11），现在是{quoted(text)}")
        return None

    def text_list(self, value, field: str) -> list[tuple[str, str]]:
        """[(field path, text)] for a list of names; a single name is accepted as a list of one."""
        if isinstance(value, Scalar):
            value = [value]
            items = [(field, value[0])]
        elif isinstance(value, list):
            items = [(f"{field}[{index}]", item) for index, item in enumerate(value)]
        else:
            self.problem(field, "应为列表")
            return []
        if not items:
            self.problem(field, "至少要写一项")
        result = []
        for item_field, item in items:
            text = self.text(item, item_field)
            if text is not None:
                result.append((item_field, text))
        return result


def parse_bulletin(
    text: str, source_path: str, display_path: str, registry: Registry
) -> tuple[Bulletin | None, list[Problem]]:
    """Parse one bulletin. `source_path` is relative to docs/, `display_path` to the project."""
    front, problems = split_front_matter(text, display_path)
    if front is None:
        return None, problems
    check = _Checker(display_path, front.lines)
    check.problems += problems
    data = front.data
    if not isinstance(data, dict):
        check.problem("", "前置信息应由“字段: 值”组成")
        return None, check.problems
    check.unknown_keys(data, BULLETIN_KEYS, "", REQUIRED_KEYS)

    series = issue = date = issuer = None
    if (value := check.require(data, "series")) is not None:
        if (name := check.text(value, "series")) is not None:
            series, message = registry.find_series(name)
            if series is None:
                check.problem("series", message)
    if (value := check.require(data, "issue")) is not None:
        issue = check.integer(value, "issue")
    total_issue = (
        check.integer(data["total_issue"], "total_issue") if "total_issue" in data else None
    )
    issue_to = check.integer(data["issue_to"], "issue_to") if "issue_to" in data else None
    if issue_to is not None and issue is not None and issue_to - issue >= MAX_COMBINED_ISSUES:
        span = issue_to - issue + 1
        check.problem("issue_to", f"合刊“第{issue}-{issue_to}期”跨了 {span} 期，是不是写错了？")
        issue_to = None
    elif issue_to is not None and issue is not None and issue_to <= issue:
        check.problem(
            "issue_to",
            f"合刊的最后一期应大于 issue（{issue}），如 issue: {issue}、issue_to: {issue + 1}",
        )
        issue_to = None
    if (value := check.require(data, "date")) is not None:
        date = check.date(value, "date")
    if (value := check.require(data, "issuer")) is not None:
        issuer = check.text(value, "issuer")
    title = (
        check.text(data["title"], "title", if_empty="不写标题时请删去这一行")
        if "title" in data
        else None
    )
    draft = False
    if "draft" in data:
        draft_value = data["draft"]
        if isinstance(draft_value, Scalar) and isinstance(draft_value.value, bool):
            draft = draft_value.value
        else:
            check.problem("draft", "应为 true 或 false")

    found_headings = heading_lines(front.body)  # one scan of the body for both uses below
    sections = split_sections(front.body, found_headings)
    articles = _articles(check, data, registry, sections)
    distribution = _distribution(check, data["distribution"]) if "distribution" in data else None
    attachments = (
        _attachments(check, data["attachments"], source_path) if "attachments" in data else ()
    )
    corrections = _corrections(check, data["corrections"], date) if "corrections" in data else ()
    moved_from = _moved_from(check, data["moved_from"], source_path) if "moved_from" in data else ()
    headings = body_headings(front.body, front.body_start_line, found_headings)
    _match_headings(check, data, articles, headings, front.body, front.body_start_line)
    _check_body_text(check, front.body, front.body_start_line)

    if errors(check.problems) or None in (series, issue, date, issuer) or articles is None:
        return None, check.problems
    bulletin = Bulletin(
        source_path=source_path,
        series=series,
        issue=issue,
        date=date,
        issuer=issuer,
        # Numbers restart each year: the title carries it.
        title=title or f"{series.name} {date.year}年{issue_number_text(issue, issue_to)}",
        articles=tuple(articles),
        distribution=distribution,
        total_issue=total_issue,
        draft=draft,
        issue_line=data["issue"].line if isinstance(data.get("issue"), Scalar) else 1,
        attachments=attachments,
        body=front.body,
        corrections=corrections,
        issue_to=issue_to,
        moved_from=moved_from,
    )
    return bulletin, check.problems


def _articles(
    check: _Checker, data: dict, registry: Registry, sections: dict[str, str]
) -> list[Article] | None:
    """The valid articles, each with its body: the section under its title's heading."""
    value = check.require(data, "articles")
    if value is None:
        return None
    if not isinstance(value, list) or not value:
        check.problem("articles", "应为文章列表（每篇写 title、departments、topics）")
        return None
    articles = []
    for index, prefix, entry in _entries(check, value, "articles", "title、departments 和 topics"):
        check.unknown_keys(entry, ARTICLE_KEYS, f"{prefix}.", ("title", "departments", "topics"))
        title = departments = topics = None
        if (raw := check.require(entry, "title", f"{prefix}.")) is not None:
            title = check.text(raw, f"{prefix}.title")
        if (raw := check.require(entry, "departments", f"{prefix}.")) is not None:
            departments = _lookup(
                check, raw, f"{prefix}.departments", registry.find_department, "部门"
            )
        if (raw := check.require(entry, "topics", f"{prefix}.")) is not None:
            topics = _lookup(check, raw, f"{prefix}.topics", registry.find_topic, "专题")
        if title and departments and topics:
            articles.append(Article(index + 1, title, departments, topics, sections.get(title, "")))
    return articles


def _lookup(check: _Checker, raw, field: str, find, kind: str) -> tuple:
    """Registry entries of a list of names; `kind`: what they are called (部门, 专题)."""
    found = []
    for item_field, name in check.text_list(raw, field):
        entry, message = find(name)
        if entry is None and LIST_SLIP_RE.search(name):
            names = ", ".join(part.strip() for part in LIST_SLIP_RE.split(name) if part.strip())
            check.problem(item_field, f"几个{kind}之间请用半角逗号分隔，写成 [{names}]")
        elif entry is None:
            check.problem(item_field, message)
        elif entry in found:
            check.problem(item_field, f"{quoted(name)}写了两次", WARNING)
        else:
            found.append(entry)
    return tuple(found)


def _distribution(check: _Checker, value) -> Distribution | None:
    if not isinstance(value, dict):
        check.problem("distribution", "应写 report_to、send_to 和 copies")
        return None
    check.unknown_keys(value, DISTRIBUTION_KEYS, "distribution.")
    report_to = (
        check.text(value["report_to"], "distribution.report_to") if "report_to" in value else ""
    )
    send_to = check.text(value["send_to"], "distribution.send_to") if "send_to" in value else ""
    copies = (
        check.integer(value["copies"], "distribution.copies", if_empty="不写份数时请删去这一行")
        if "copies" in value
        else None
    )
    labels = {}
    for key, allowed in (("report_label", REPORT_LABELS), ("send_label", SEND_LABELS)):
        if key in value and (label := check.text(value[key], f"distribution.{key}")) is not None:
            if label in allowed:
                labels[key] = label
            else:
                guess = f"；是不是“{match}”？" if (match := closest(label, allowed)) else ""
                check.problem(
                    f"distribution.{key}",
                    f"{quoted(label)}不能用作这一行的标签（可用：{'、'.join(allowed)}{guess}）",
                )
    return Distribution(report_to=report_to or "", send_to=send_to or "", copies=copies, **labels)


def _attachments(check: _Checker, value, source_path: str) -> tuple[Attachment, ...]:
    """Paths relative to the bulletin file; whether the files exist is checked by the build."""
    found: list[Attachment] = []
    for field, written in check.text_list(value, "attachments"):
        resolved, message = resolve_attachment(written, source_path)
        if resolved is None:
            check.problem(field, message)
        elif any(a.source_path == resolved for a in found):
            check.problem(field, f"{quoted(written)}写了两次", WARNING)
        else:
            found.append(Attachment(resolved, written, check.lines.get(field, 1)))
    return tuple(found)


def _moved_from(check: _Checker, value, source_path: str) -> tuple[FormerFile, ...]:
    """The files the issue had before (under docs/, as the file-name check named them)."""
    found: list[FormerFile] = []
    for field, written in check.text_list(value, "moved_from"):
        path = written.removeprefix("docs/")
        if not BULLETIN_PATH_RE.match(path):
            check.problem(
                field, f"{quoted(written)}应写本期原来的文件，如 bulletins/2021/gzjb-009.md"
            )
        elif path == source_path:
            check.problem(field, f"{quoted(written)}就是本期现在的文件")
        elif all(former.source_path != path for former in found):
            found.append(FormerFile(path, field, check.line_of(field)))
    return tuple(found)


def _entries(check: _Checker, items: list, field: str, keys: str):
    """(index, field path, mapping) of each entry of a list of mappings; any other entry is a
    problem that names the `keys` it should have."""
    for index, entry in enumerate(items):
        prefix = f"{field}[{index}]"
        if isinstance(entry, dict):
            yield index, prefix, entry
        else:
            check.problem(prefix, f"应写 {keys}")


def _corrections(check: _Checker, value, issue_date: dt.date | None) -> tuple[Correction, ...]:
    """Each with its date (not before the issue's) and what was corrected; oldest first."""
    if not isinstance(value, list) or not value:
        check.problem("corrections", "应为更正列表（每项写 date 和 note）")
        return ()
    found = []
    for _, prefix, entry in _entries(check, value, "corrections", "date 和 note"):
        check.unknown_keys(entry, CORRECTION_KEYS, f"{prefix}.")
        date = note = None
        if (raw := check.require(entry, "date", f"{prefix}.")) is not None:
            date = check.date(raw, f"{prefix}.date")
        if (raw := check.require(entry, "note", f"{prefix}.")) is not None:
            note = check.text(raw, f"{prefix}.note")
        if date and issue_date and date < issue_date:
            check.problem(f"{prefix}.date", f"更正日期早于本期的日期（{issue_date.isoformat()}）")
        elif date and note:
            found.append(Correction(date, note))
    return tuple(sorted(found, key=lambda c: c.date))


def is_fence(line: str) -> bool:
    return line.startswith(FENCE_STARTS)


def heading_text(line: str) -> str | None:
    """The text of a level-2 heading line, else None."""
    match = HEADING_RE.match(line) if line.startswith("## ") else None
    return match["text"] if match else None


def heading_lines(body: str) -> list[tuple[int, str, int, int]]:
    """[(0-based line, text, start, end of the line)] of the `## ` headings outside fenced code.

    Only lines that start a fence or a heading are looked at: a bulletin's body is mostly
    paragraphs, and a loop over every line was a tenth of parsing a bulletin.
    """
    headings = []
    in_fence = False
    line, counted_to = 0, 0
    # After a line break put first, a candidate at index i of `text` is the line at i in `body`.
    text = "\n" + body
    for candidate in CANDIDATE_LINE_RE.finditer(text):
        start, end = candidate.start(), candidate.end() - 1  # the line in `body`
        content = text[start + 1 : end + 1]
        if is_fence(content):
            in_fence = not in_fence
        elif not in_fence and (heading := heading_text(content)) is not None:
            line += body.count("\n", counted_to, start)
            counted_to = start
            headings.append((line, heading, start, end))
    return headings


def body_headings(
    body: str, first_line: int, headings: list | None = None
) -> list[tuple[int, str]]:
    """[(file line, text)] of the level-2 headings of the body, outside fenced code.

    `headings`: `heading_lines(body)` when the caller has it already."""
    found = heading_lines(body) if headings is None else headings
    return [(first_line + line, text) for line, text, _, _ in found]


def split_sections(body: str, headings: list | None = None) -> dict[str, str]:
    """{heading text: the Markdown between it and the next `## ` heading}, outside fenced code.

    `headings`: `heading_lines(body)` when the caller has it already."""
    sections: dict[str, list[str]] = {}
    if headings is None:
        headings = heading_lines(body)
    for index, (_, text, _, end) in enumerate(headings):
        lines = sections.setdefault(text, [])  # a repeated heading continues its section
        if index + 1 < len(headings):
            between = body[end + 1 : headings[index + 1][2]]  # ends with the line break
            if between:
                lines.append(between[:-1])
        elif end < len(body):
            lines.append(body[end + 1 :])
    return {title: "\n".join(lines).strip() for title, lines in sections.items()}


def _check_body_text(check: _Checker, body: str, first_line: int) -> None:
    """A placeholder left in the body (new_bulletin.py writes `待填写：正文`) is an error on its
    line. Text before the first heading is not: a 督查专报 may open with a lead paragraph."""
    if PLACEHOLDER_PREFIX not in body:  # nearly always: the lines are looked at only otherwise
        return
    for number, line in enumerate(body.split("\n")):
        if PLACEHOLDER_PREFIX in line:
            text = line.strip()
            shown = text if len(text) <= 20 else f"{text[:20]}……"
            what = "真实标题" if heading_text(text) is not None else "真实正文"
            message = f"{quoted(shown)}还没有填写：请换成{what}"
            check.problems.append(Problem(check.path, first_line + number, "body", message))


def _match_headings(
    check: _Checker, data: dict, articles, headings, body: str = "", first_line: int = 1
) -> None:
    raw_articles = data.get("articles")
    if not isinstance(raw_articles, list):
        return
    titles = []
    for index, entry in enumerate(raw_articles):
        raw = entry.get("title") if isinstance(entry, dict) else None
        if isinstance(raw, Scalar):
            titles.append((f"articles[{index}].title", scalar_text(raw)))
    heading_texts = [text for _, text in headings]
    title_texts = [text for _, text in titles]
    # An article's text and anchor are found by its title: two articles of one title would
    # share the first one's section and leave the second without an anchor.
    first_field: dict[str, str] = {}
    for field, title in titles:
        if title in first_field:
            check.problem(
                field,
                f"{quoted(title)}也是 {first_field[title]} 的标题：每篇文章要有自己的标题"
                "（一篇文章分成两部分时，只写一项、一个“## ”标题）",
            )
        first_field.setdefault(title, field.removesuffix(".title"))
    seen_headings = set()
    for line, text in headings:
        if text in seen_headings and title_texts.count(text) < 2:
            check.problems.append(
                Problem(check.path, line, "body", f"标题{quoted(f'## {text}')}出现了两次")
            )
        seen_headings.add(text)
    for field, title in titles:
        if title not in heading_texts:
            cut = [h for h in heading_texts if h.startswith(f"{title} #")]
            hint = (
                f"（YAML 把“ #”当作注释的开头，标题被读成了{quoted(title)}："
                f'请加引号，写成 title: "{cut[0]}"）'
                if cut
                else _mistyped_heading(title, body, first_line) or _closest(title, heading_texts)
            )
            check.problem(field, f"正文中没有与这个标题一致的“## ”标题{hint}")
    for line, text in headings:
        if text not in title_texts:
            hint = _closest(text, title_texts)
            check.problems.append(
                Problem(
                    check.path,
                    line,
                    "body",
                    f"标题{quoted(f'## {text}')}在前置信息的 articles 中没有对应的文章{hint}",
                )
            )
    matched_titles = [t for t in title_texts if t in heading_texts]
    matched_headings = [h for h in heading_texts if h in title_texts]
    # (A repeated heading is reported above, not again as an order.)
    if matched_titles != matched_headings and len(seen_headings) == len(headings):
        # The first place where they differ names the article to move.
        pairs = zip(matched_titles, matched_headings, strict=True)
        position = next(i for i, (title, heading) in enumerate(pairs) if title != heading)
        field = next(f for f, t in titles if t == matched_titles[position])
        heading = matched_headings[position]
        heading_line = next(line for line, text in headings if text == heading)
        number = int(field.split("[")[1].split("]")[0]) + 1
        check.problem(
            field,
            f"articles 的顺序与正文中“## ”标题的顺序不同：这一篇是 articles 的第 {number} 篇，"
            f"正文中对应位置（第 {heading_line} 行）的标题却是{quoted(heading)}",
        )


# `##标题` (no space) and `＃＃ 标题` (full-width): not headings to Markdown.
MISTYPED_HEADING_RE = re.compile(r"^(?P<marks>[#＃]{2})(?P<space> ?)(?P<text>.+?)\s*$")


def _mistyped_heading(title: str, body: str, first_line: int) -> str:
    """A hint naming the line where the title's heading is mistyped, or ""."""
    if "##" not in body and "＃" not in body:
        return ""
    for number, line in enumerate(body.split("\n")):
        match = MISTYPED_HEADING_RE.match(line)
        if not match or match["text"].strip() != title:
            continue
        if "＃" in match["marks"]:
            return f"（第 {first_line + number} 行的“{match['marks']}”是全角字符，请改用半角“##”）"
        if not match["space"]:
            return f"（第 {first_line + number} 行的“##”后面要有一个空格）"
    return ""


def _closest(value: str, candidates: list[str]) -> str:
    matches = difflib.get_close_matches(value, candidates, n=1, cutoff=0.5)
    return f"（最接近的是{quoted(matches[0])}）" if matches else ""


def _is_empty(value) -> bool:
    return isinstance(value, Scalar) and value.value in (None, "")

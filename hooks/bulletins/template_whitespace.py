"""Drop the templates' indentation once, when Jinja compiles a template, not from every page.

Material's templates and ours indent their markup for people reading them; in the output that
was a sixth of each page, and a regex pass over every rendered page (0.35 ms a page) removed it.
Here the template's source is rewritten before Jinja compiles it, so that it renders what that
pass produced, whitespace for whitespace, outside elements that keep their whitespace:

- a line break and the whitespace after it become one line break;
- a line holding only tags that output nothing (`if`, `for`, `set x = …`, comments …) also
  loses its own line break, since the one before it already separates what is around it. That
  is only true when every way into the line ends with that line break, so a closing tag
  (`endif`, `else`, `endfor`) needs its opening tag to start a line too, and a `for` needs its
  `endfor` to start a line (the next pass of the loop starts where the last one ended).

Where a case is not sure (a tag in the middle of a line, whitespace control `{%-`), the line
break stays: one byte more, never one less.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jinja2.ext import Extension

# Elements whose content keeps its whitespace: preformatted text, form text, code. Their source
# is left as it is, Jinja tags inside included.
KEEP_SPLIT_RE = re.compile(
    r"(<(?=[pPsStT])((?i:pre|textarea|script|style))\b.*?</(?i:\2)\s*>)", re.DOTALL
)
TAG_RE = re.compile(r"\{%(-?)\s*(\w*)(.*?)-?%\}|\{#(-?).*?-?#\}|\{\{.*?\}\}", re.DOTALL)
# Tags that write nothing where they stand (a `set` with `=`; a `set` block captures text).
SILENT_TAGS = {"if", "elif", "else", "endif", "for", "endfor", "set", "import", "from"}
OPENING_TAGS = {"if", "for", "for-recursive"}
BRANCH_TAGS = {"elif", "else"}
CLOSING_TAGS = {"endif", "endfor"}
LINE_BREAK_RUN_RE = re.compile(r"[ \t]*\n[ \t\r\n]*")


@dataclass
class _Tag:
    start: int
    end: int
    name: str  # "" for a comment, "{{" for an expression
    line: int
    first_on_line: bool
    strips_before: bool  # `{%-`: Jinja removes the whitespace before the tag


def drop_indentation(source: str) -> str:
    """`source` of an HTML template, rewritten to render without its indentation."""
    line_starts = [0] + [match.end() for match in re.finditer("\n", source)]
    kept = [match.span() for match in KEEP_SPLIT_RE.finditer(source)]
    tags = _tags(source, line_starts)
    joined_ends = _ends_of_lines_to_join(source, line_starts, tags, kept)

    output, position = [], 0
    for start, end in _text_spans(source, tags, kept):
        output.append(source[position:start])
        output.append(
            LINE_BREAK_RUN_RE.sub(
                lambda run, start=start: _collapsed(run, start in joined_ends and run.start() == 0),
                source[start:end],
            )
        )
        position = end
    output.append(source[position:])
    return "".join(output)


def _collapsed(run: re.Match, ends_joined_line: bool) -> str:
    if ends_joined_line:
        return ""
    return run[0][: run[0].index("\n") + 1]  # spaces before a line break stay, as they did


def _tags(source: str, line_starts: list[int]) -> list[_Tag]:
    tags = []
    line = 0
    for match in TAG_RE.finditer(source):
        while line + 1 < len(line_starts) and line_starts[line + 1] <= match.start():
            line += 1
        if match[0].startswith("{{"):
            name, before = "{{", False
        elif match[0].startswith("{#"):
            name, before = "", bool(match[4])
        else:
            name, before = match[2], bool(match[1])
            if name == "set" and "=" not in match[3]:
                name = "set-block"  # captures its content: not silent
            if name == "for" and "recursive" in match[3]:
                name = "for-recursive"  # its body is also written where `loop()` is called
        first = not source[line_starts[line] : match.start()].strip()
        tags.append(_Tag(match.start(), match.end(), name, line, first, before))
    return tags


def _ends_of_lines_to_join(source, line_starts, tags, kept) -> set[int]:
    """Where the tags end on each line of silent tags only, reached only with the output ending
    in a line break: the line break after that goes."""
    tags_by_line: dict[int, list[_Tag]] = {}
    for tag in tags:
        tags_by_line.setdefault(tag.line, []).append(tag)

    def starts_clean_line(tag: _Tag) -> bool:
        """The tag is the first thing on a line after a line break that Jinja keeps."""
        if not tag.first_on_line or tag.line == 0 or tag.strips_before:
            return False
        previous_line_end = line_starts[tag.line] - 1
        previous = source[line_starts[tag.line - 1] : previous_line_end].rstrip()
        return not previous.endswith(("-%}", "-}}", "-#}"))

    # Which tags must start a clean line for each tag's line to be joined (see the docstring).
    needs: dict[int, list[_Tag]] = {}
    open_blocks: list[tuple[_Tag, list[_Tag]]] = []  # opening tag, its branch and closing tags
    for tag in tags:
        if tag.name in OPENING_TAGS:
            open_blocks.append((tag, []))
        elif tag.name in BRANCH_TAGS | CLOSING_TAGS and open_blocks:
            opening, later = open_blocks[-1]
            needs[id(tag)] = [opening]
            later.append(tag)
            if tag.name in CLOSING_TAGS:
                open_blocks.pop()
                if opening.name == "for":
                    needs[id(opening)] = later  # the next pass starts where the last one ended

    joined = set()
    for line, line_tags in tags_by_line.items():
        line_end = line_starts[line + 1] - 1 if line + 1 < len(line_starts) else None
        whole_line = (
            line_end is not None
            and not "".join(
                source[a.end : b.start] for a, b in zip(line_tags, line_tags[1:], strict=False)
            ).strip()
            and not source[line_tags[-1].end : line_end].strip()
        )
        if not (
            whole_line
            and line_tags[0].first_on_line
            and line_tags[-1].end <= line_end
            and all(tag.name in SILENT_TAGS or tag.name == "" for tag in line_tags)
            and starts_clean_line(line_tags[0])
            and all(
                starts_clean_line(other) for tag in line_tags for other in needs.get(id(tag), [])
            )
            and not any(start <= line_end < end for start, end in kept)
        ):
            continue
        joined.add(line_tags[-1].end)
    return joined


def _text_spans(source: str, tags: list[_Tag], kept: list[tuple[int, int]]):
    """(start, end) of the template's text outside tags and outside elements kept as they are."""
    skipped = sorted([(tag.start, tag.end) for tag in tags] + kept)
    position = 0
    for start, end in skipped:
        if start > position:
            yield position, start
        position = max(position, end)
    if position < len(source):
        yield position, len(source)


class DropIndentation(Extension):
    """Jinja extension: HTML templates are compiled without their indentation."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if name is None or not name.endswith(".html"):
            return source  # sitemap.xml and other text keeps its layout
        return drop_indentation(source)


def install(env) -> None:
    """Add the extension to MkDocs' theme environment (in `on_env`)."""
    env.add_extension(DropIndentation)
    env.cache.clear()  # a template compiled before now would keep its indentation

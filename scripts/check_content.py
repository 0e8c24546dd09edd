"""Check bulletins and registries without building the site, with the build's own validator.

Usage: python scripts/check_content.py [PATH ...]   (no PATH: every bulletin under docs/)
"""

from __future__ import annotations

import sys
from pathlib import Path

from editor_cli import (
    CONTENT_PROBLEMS,
    DOCS,
    OK,
    USAGE_ERROR,
    display_path,
    parser,
    print_problems,
    read_sources,
    site_bulletin_files,
    site_documents,
    site_registry,
)

# isort: split
# (editor_cli has put hooks/ on sys.path for the imports below)
from bulletins.content import check_bulletins, start_reader
from bulletins.problems import errors, sorted_problems, warnings
from bulletins.registry import REGISTRY_STOP

DESCRIPTION = """\
检查简报文件和名录（docs/_data/ 下的系列、部门、专题），不必构建整个网站。
检查规则与构建网站时完全相同：每个问题一行，格式为“文件:行号: 字段: 说明”。
警告也算问题，因为正式构建（mkdocs build --strict）会因警告而失败。"""
EPILOG = """\
例子：
  python scripts/check_content.py                      检查全部简报
  python scripts/check_content.py docs/bulletins/2021  只报告 2021 年的问题
  python scripts/check_content.py 新导入.md            检查一个文件

退出码：0 没有问题；1 有内容问题；2 命令用法有误（如路径不存在）。"""


def selected_files(paths: list[str]) -> list[Path] | str:
    """The .md files named or under the named folders; a message when a path does not exist."""
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*.md") if not p.name.endswith("index.md"))
        elif path.is_file():
            files.append(path)
        else:
            return f"“{name}”不存在"
    return files


def main(argv: list[str] | None = None) -> int:
    arguments = parser(DESCRIPTION, EPILOG)
    arguments.add_argument(
        "paths", nargs="*", metavar="PATH", help="简报文件或文件夹（默认：docs/bulletins）"
    )
    options = arguments.parse_args(argv)
    chosen = selected_files(options.paths) if options.paths else site_bulletin_files()
    if isinstance(chosen, str):
        print(f"check_content: {chosen}", file=sys.stderr)
        return USAGE_ERROR

    registry, problems = site_registry()
    if errors(problems):
        print_problems(sorted_problems(problems))
        print(f"{len(errors(problems))} 处{REGISTRY_STOP}", file=sys.stderr)
        return CONTENT_PROBLEMS
    # The site is checked as it would be with the chosen files in place: every other bulletin
    # takes part, so that a chosen file claiming an issue another file has is reported, and a
    # chosen file outside docs/ stands in for the docs/ file at its place. Only the chosen
    # files' problems are shown.
    chosen_sources, unreadable = read_sources(chosen)
    shown = {source.display_path for source in chosen_sources} | {p.path for p in unreadable}
    replaced = {source.source_path for source in chosen_sources}
    others, _ = read_sources(site_bulletin_files())
    others = [s for s in others if s.display_path not in shown and s.source_path not in replaced]
    _, bulletin_problems = check_bulletins(
        chosen_sources + others, registry, set(site_documents(DOCS)), start_reader(str(DOCS)),
        display_path(DOCS),
    )  # fmt: skip
    bulletin_problems += unreadable
    problems = sorted_problems(problems + [p for p in bulletin_problems if p.path in shown])

    print_problems(problems)
    print(
        f"检查了 {len(chosen)} 个简报文件：{len(errors(problems))} 处错误，"
        f"{len(warnings(problems))} 处警告",
        file=sys.stderr,
    )
    return CONTENT_PROBLEMS if problems else OK


if __name__ == "__main__":
    sys.exit(main())

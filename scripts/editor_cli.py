"""What the editors' scripts share: the project's paths, exit codes, reading the site's files.

The scripts run as `python scripts/<name>.py` from any directory, so this module puts `hooks/`
on `sys.path` to import the `bulletins` package the build uses (the same parser and validator).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
REGISTRY_DIR = DOCS / "_data"
if str(ROOT / "hooks") not in sys.path:
    sys.path.insert(0, str(ROOT / "hooks"))

from bulletins.collection import Source, files_under, is_bulletin_source  # noqa: E402
from bulletins.content import file_reader  # noqa: E402
from bulletins.content import read_sources as read_files  # noqa: E402
from bulletins.problems import Problem  # noqa: E402
from bulletins.registry import Registry, load_registry  # noqa: E402

OK = 0
CONTENT_PROBLEMS = 1
USAGE_ERROR = 2  # argparse's own exit status for bad arguments


# argparse's own messages that an editor meets, in Chinese. argparse words them through a
# gettext it binds at import; translating them here leaves argparse as it is for other code.
ARGPARSE_ERRORS = [
    (re.compile(r"the following arguments are required: (.+)"), r"缺少必需的参数：\1"),
    (re.compile(r"unrecognized arguments: (.+)"), r"不认识的参数：\1"),
    (re.compile(r"argument (\S+): invalid int value: '(.*)'"), r"\1 后面应写整数，现在是“\2”"),
    (re.compile(r"argument (\S+): expected one argument"), r"\1 后面要写一个值"),
    (
        re.compile(r"argument (\S+): invalid choice: '(.*)' \(choose from (.+)\)"),
        r"\1 不能是“\2”（可选：\3）",
    ),
    (re.compile(r"ambiguous option: (\S+) could match (.+)"), r"选项 \1 不明确，可能是：\2"),
]


class _ChineseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with its usage, headings, -h and errors in Chinese; exit status 2 as before."""

    def __init__(self, **kwargs) -> None:
        super().__init__(formatter_class=_ChineseHelpFormatter, add_help=False, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本说明并退出")

    def error(self, message: str):
        for pattern, chinese in ARGPARSE_ERRORS:
            message = pattern.sub(chinese, message)
        self.print_usage(sys.stderr)
        self.exit(USAGE_ERROR, f"{self.prog}：错误：{message}\n")


def parser(description: str, epilog: str = "") -> argparse.ArgumentParser:
    return ChineseArgumentParser(description=description, epilog=epilog)


def display_path(path: Path) -> str:
    """A path as messages show it: relative to the project when inside it, with '/'."""
    path = path.resolve()
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def source_path_for(path: Path) -> str:
    """Where a bulletin file sits relative to a docs/ directory, e.g. bulletins/2021/gzjb-009.md.

    For a file outside docs/ (an import written with --out), the part from its last
    `bulletins` folder is used, so that file-name checks still apply.
    """
    path = path.resolve()
    try:
        return path.relative_to(DOCS).as_posix()
    except ValueError:
        parts = path.parts
        if "bulletins" in parts:
            start = len(parts) - 1 - parts[::-1].index("bulletins")
            return "/".join(parts[start:])
        return f"bulletins/{path.name}"


def site_registry() -> tuple[Registry, list[Problem]]:
    return load_registry(str(REGISTRY_DIR), display_path(REGISTRY_DIR))


def site_documents(docs: Path = DOCS) -> list[str]:
    """Every file under docs/ (paths relative to it) but hidden ones, found as the build finds
    them (following linked folders): the scripts check what the build would publish."""
    return files_under(str(docs), lambda path: any(p.startswith(".") for p in path.split("/")))


def site_bulletin_files() -> list[Path]:
    """Every bulletin file of the site, in a fixed order."""
    return [DOCS / path for path in site_documents() if is_bulletin_source(path)]


def read_sources(paths: list[Path]) -> tuple[list[Source], list[Problem]]:
    """The files as the build reads them; a file that is not UTF-8 is a problem, not a crash."""
    return read_files(
        (source_path_for(path), display_path(path), file_reader(str(path))) for path in paths
    )


def print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def write_markdown(path: Path, markdown: str) -> None:
    """UTF-8 with `\\n` line ends, whatever the platform."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(markdown)

"""Import raw bulletins (.txt copied out of a PDF, or Word .docx) as Markdown files of the site.

Usage: python scripts/import_bulletin.py INPUT [INPUT ...] [--dry-run] [--out DIR] [--force]
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
    site_registry,
    write_markdown,
)

# isort: split
# (editor_cli has put hooks/ on sys.path for the imports below)
from bulletins.importer.pipeline import import_text
from bulletins.importer.sources import SUPPORTED_SUFFIXES, UnsupportedInput, read_input
from bulletins.problems import errors

DESCRIPTION = """\
把一期简报的原稿变成网站上的 Markdown 文件：
  - 原稿可以是 Word 文件（.docx），也可以是从 PDF 复制出来的文字（.txt，
    UTF-8 或 GBK/GB18030 编码均可，会自动识别）；
  - 自动识别刊头、期号、编印单位、日期、目录、各篇文章和报送范围，
    去掉页码和每页重复的页眉，接好被分页断开的段落；
  - 根据部门名录和专题词表为每篇文章建议部门和专题。
识别不出的内容会写成“待填写：……”，并在屏幕上提示要填什么；
不填好，检查（check_content.py）和构建都不会通过。
文件写到 docs/bulletins/<年份>/<系列>-<期号>.md，并打印写出的文件路径。"""
EPILOG = """\
例子：
  python scripts/import_bulletin.py 第10期.docx
  python scripts/import_bulletin.py 第10期.txt --dry-run     只在屏幕上显示结果，不写文件

退出码：0 导入成功且检查通过；1 已写出，但有要编辑填写或修改的内容问题；
2 命令用法有误（文件不存在、格式不支持、目标文件已存在而没有 --force）。"""


def main(argv: list[str] | None = None) -> int:
    arguments = parser(DESCRIPTION, EPILOG)
    arguments.add_argument("inputs", nargs="+", metavar="INPUT", help="原稿文件（.txt 或 .docx）")
    arguments.add_argument("--dry-run", action="store_true", help="把结果打印到屏幕，不写任何文件")
    arguments.add_argument(
        "--out", metavar="DIR", help="写到 DIR/bulletins/… 而不是 docs/bulletins/…"
    )
    arguments.add_argument("--force", action="store_true", help="目标文件已存在时覆盖它")
    options = arguments.parse_args(argv)

    inputs = [Path(name) for name in options.inputs]
    for path in inputs:
        if not path.is_file():
            arguments.error(f"“{path}”不存在")
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            arguments.error(f"“{path}”：只能导入 {'、'.join(SUPPORTED_SUFFIXES)} 文件")
    out_dir = Path(options.out) if options.out else DOCS
    registry, registry_problems = site_registry()
    if errors(registry_problems):
        print_problems(registry_problems)
        return CONTENT_PROBLEMS

    status = OK
    for path in inputs:
        try:
            text, _ = read_input(path)
        except UnsupportedInput as error:  # 格式不支持: a usage error, as --help says
            print(f"{display_path(path)}: {error}", file=sys.stderr)
            status = max(status, USAGE_ERROR)
            continue
        result = import_text(text, registry, display_path(path), path.stem, display_path(out_dir))
        target = out_dir / result.source_path
        if options.dry_run:
            sys.stdout.write(result.markdown)
        elif target.exists() and not options.force:
            print(
                f"{display_path(target)}: 已存在，没有覆盖（要替换它，请加 --force）",
                file=sys.stderr,
            )
            status = USAGE_ERROR
            continue
        else:
            write_markdown(target, result.markdown)
            print(display_path(target))
        print_problems(result.warnings + result.problems)
        if errors(result.warnings + result.problems):  # an error about the input too
            status = max(status, CONTENT_PROBLEMS)
    return status


if __name__ == "__main__":
    sys.exit(main())

"""Read an input file into text: plain text in a detected encoding, or a Word .docx file."""

from __future__ import annotations

import zipfile
from pathlib import Path

TEXT_SUFFIXES = (".txt",)
DOCX_SUFFIXES = (".docx",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + DOCX_SUFFIXES

# Strict decodes, most specific first: a BOM is proof; valid UTF-8 is almost never valid by
# accident for Chinese text in GB18030, while nearly any byte string decodes as GB18030 (a
# superset of GBK and GB2312), so it comes last. Statistical detectors (charset-normalizer) guess
# Big5 or Shift-JIS for short Chinese texts; office files here are UTF-8 or GBK.
BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
STRICT_ENCODINGS = ("utf-8", "gb18030")
TABLE_CELL_GAP = "\u3000\u3000"  # two ideographic spaces between a table row's cells


class UnsupportedInput(ValueError):
    """The file is of a kind the importer does not read (e.g. .doc, .pdf) or cannot be decoded."""


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding name) for the bytes of a text file."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding).removeprefix("\ufeff"), encoding
    for encoding in STRICT_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "gb18030" and not _reads_as_simplified_chinese(text):
            raise UnsupportedInput(
                "不是 UTF-8 或 GBK 文本：按 GBK 读出来大多是生僻字，像是 Big5 或别的编码；"
                "请把文件另存为 UTF-8（如果其实是 GBK，另存为 UTF-8 后照样能导入）"
            )
        return text, encoding
    raise UnsupportedInput("不是 UTF-8、UTF-16 或 GB18030/GBK 文本：请把文件另存为 UTF-8")


# GB18030 decodes nearly any bytes: Big5 read as GBK is a run of rare characters and kana. In
# simplified Chinese nearly every character is one of GB2312's 3,755 common ones (level 1:
# first byte 0xB0-0xD7); the seed issue: 99.96 %, its text as Big5 read as GBK: 24 %.
COMMON_SHARE = 0.8
MIN_CHARACTERS = 20  # too few to judge


def _reads_as_simplified_chinese(text: str) -> bool:
    characters = [c for c in text if "\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff"]
    common = sum(map(_is_common, characters))
    if any(c <= "\u30ff" for c in characters):  # kana: no bulletin has any, Big5 as GBK does
        return common >= COMMON_SHARE * len(characters)
    return len(characters) < MIN_CHARACTERS or common >= COMMON_SHARE * len(characters)


def _is_common(character: str) -> bool:
    try:
        return 0xB0 <= character.encode("gb2312")[0] <= 0xD7
    except UnicodeEncodeError:
        return False


def docx_text(path: Path) -> str:
    """The paragraphs of a Word file in document order, table cells included, one per block.

    A paragraph's manual line breaks stay as newlines: the importer treats them like the hard
    line breaks of PDF text.
    """
    import docx  # python-docx; imported here so that reading .txt files does not need it
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as error:
        raise UnsupportedInput(
            "不是 Word .docx 文件（可能是改了扩展名的 .doc，或文件已损坏）："
            "请用 Word 或 WPS 打开，另存为 .docx"
        ) from error
    paragraphs: list[str] = []

    def add_table(table: Table) -> None:
        # A merged cell is returned once per grid position it covers. Its XML element tells
        # it apart: the element itself is kept, since `id()` of a proxy dropped after use is
        # reused by the next cell's (which lost most cells of a table).
        seen = set()
        for row in table.rows:
            cells = []
            for cell in row.cells:
                if cell._tc not in seen:
                    seen.add(cell._tc)
                    # A cell's paragraphs stay on the row's line (on a line of its own, a
                    # figure was dropped as a page number).
                    cells.append(" ".join(p.text.strip() for p in cell.paragraphs).strip())
            # A row is one line, its cells apart as a printed table sets them: a cell on its
            # own line was read as a page number (a figure) or a title (a column's name).
            row_text = TABLE_CELL_GAP.join(cell for cell in cells if cell)
            if row_text:
                paragraphs.append(row_text)

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            add_table(item)
        else:
            paragraphs.append(item.text)
    return "\n\n".join(paragraphs)


def read_input(path: Path) -> tuple[str, str]:
    """(text, how it was read) for a .txt or .docx file; raises UnsupportedInput otherwise."""
    suffix = path.suffix.lower()
    if suffix in DOCX_SUFFIXES:
        return docx_text(path), "docx"
    if suffix in TEXT_SUFFIXES:
        return decode_text(path.read_bytes())
    raise UnsupportedInput(
        f"不能读取“{suffix or path.name}”文件：请把简报另存为 .docx 或 .txt"
        "（.doc 或 .pdf 可以用 Word 或 WPS 另存为 .docx）"
    )

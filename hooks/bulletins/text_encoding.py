"""Files editors save are read as UTF-8; one saved otherwise is named, never read as gibberish."""

from __future__ import annotations

from .problems import Problem


def decode_utf8(data: bytes, display_path: str) -> tuple[str | None, list[Problem]]:
    """The text (a BOM dropped, as MkDocs does), or an error on the line of the first byte that
    is not UTF-8, saying what the file seems to be."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
    try:
        data.decode("gb18030")
        kind = "看起来是 GBK/GB18030 编码，即记事本的“ANSI”"
    except UnicodeDecodeError:
        kind = "是网站读不了的编码"
    message = f"文件不是 UTF-8 文本（{kind}）：请打开它，另存为 UTF-8"
    return None, [Problem(display_path, line, "encoding", message)]

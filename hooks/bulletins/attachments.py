"""Attachments: the original file of an issue (PDF or Word), published next to its page.

The parser resolves and checks the paths written in front matter (`resolve_attachment`); the
build checks that the files exist (`missing_attachments`) and are what their names say
(`misnamed_attachments`), and shows each with its size and
SHA-256 (`describe_attachment`), so an archivist can verify a copy against the page.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from .model import Attachment, Bulletin
from .problems import Problem, did_you_mean

ATTACHMENT_TYPES = (".pdf", ".doc", ".docx")  # the issue as printed, or as drafted in Word


def resolve_attachment(written: str, bulletin_source: str) -> tuple[str | None, str]:
    """(path relative to docs/, "") for a path written relative to the bulletin, or (None, why)."""
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(bulletin_source), written))
    if written.startswith("/") or "\\" in written or resolved == ".." or resolved.startswith("../"):
        example = posixpath.basename(bulletin_source).removesuffix(".md") + ".pdf"
        return (
            None,
            f"“{written}”应写成相对于简报文件、在 docs/ 之内的路径（如“{example}”）",
        )
    if not written.lower().endswith(ATTACHMENT_TYPES):
        return None, f"“{written}”不是 PDF 或 Word 文件（{'、'.join(ATTACHMENT_TYPES)}）"
    return resolved, ""


def missing_attachments(
    bulletins: Iterable[Bulletin], available: Collection[str], docs_prefix: str
) -> list[Problem]:
    """A problem for every attachment whose file is not among `available` (paths under docs/)."""
    candidates = sorted(path for path in available if path.lower().endswith(ATTACHMENT_TYPES))
    problems = []
    for bulletin in bulletins:
        folder = posixpath.dirname(bulletin.source_path)
        for index, attachment in enumerate(bulletin.attachments):
            if attachment.source_path in available:
                continue
            # The hint is written the way the editor writes it: relative to the bulletin.
            hint = did_you_mean(
                attachment.written, [posixpath.relpath(c, folder) for c in candidates]
            )
            message = f"找不到文件：{docs_prefix}/{attachment.source_path}{hint}"
            problems.append(_problem(bulletin, index, message, docs_prefix))
    return problems


# How each kind of file begins; Word's .doc is an OLE2 compound file, .docx a zip.
SIGNATURES = {
    ".pdf": (b"%PDF-", "PDF"),
    ".docx": (b"PK\x03\x04", "Word .docx"),
    ".doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Word .doc"),
}
# PDF readers find the header within the first 1024 bytes (some writers put bytes before it).
SIGNATURE_LENGTH = 1024


def misnamed_attachments(
    bulletins: Iterable[Bulletin], read_start: Callable[[str], bytes | None], docs_prefix: str
) -> list[Problem]:
    """A problem for every attachment whose content is not the kind its name says (a web page
    saved as .pdf, a .doc renamed .docx): an archive must not keep it as the original.
    `read_start(source_path)` gives the file's first SIGNATURE_LENGTH bytes, None if missing."""
    problems = []
    for bulletin in bulletins:
        for index, attachment in enumerate(bulletin.attachments):
            start = read_start(attachment.source_path)
            if start is None or _is_kind(start, attachment.source_path):
                continue
            kind = _kind_of_name(attachment.source_path)[1]
            message = f"“{attachment.written}”的内容不是 {kind} 文件：{_advice(start)}"
            problems.append(_problem(bulletin, index, message, docs_prefix))
    return problems


def _kind_of_name(path: str) -> tuple[bytes, str]:
    """(signature, kind) by the file's extension, as resolve_attachment accepted it."""
    # Longest first: .docx before .doc.
    suffix = next(s for s in sorted(SIGNATURES, key=len, reverse=True) if path.lower().endswith(s))
    return SIGNATURES[suffix]


def _is_kind(start: bytes, path: str) -> bool:
    signature, kind = _kind_of_name(path)
    return signature in start if kind == "PDF" else start.startswith(signature)


def _problem(bulletin: Bulletin, index: int, message: str, docs_prefix: str) -> Problem:
    """A problem of the bulletin's attachment `index`, on the line that declares it."""
    line = bulletin.attachments[index].line
    return Problem(f"{docs_prefix}/{bulletin.source_path}", line, f"attachments[{index}]", message)


def _advice(start: bytes) -> str:
    for suffix, (signature, kind) in SIGNATURES.items():
        if start.startswith(signature):
            return f"它其实是 {kind} 文件，请把扩展名改为 {suffix}"
    if start.startswith(b"{\\rtf"):
        return "它其实是 RTF 文件：请用 Word 或 WPS 打开，另存为 .docx"
    if start.lstrip()[:1] == b"<":
        return "它像是网页（可能是下载时存下了登录页或出错页），请换成原件"
    if not start:
        return "文件是空的，请换成原件"
    return "认不出它是什么文件，请换成原件"


@dataclass(frozen=True)
class PublishedAttachment:
    attachment: Attachment
    size: int  # bytes
    sha256: str  # hex

    @property
    def kind(self) -> str:
        return "PDF" if self.attachment.source_path.lower().endswith(".pdf") else "Word"

    @property
    def size_text(self) -> str:
        return human_size(self.size)


def describe_attachment(attachment: Attachment, data: bytes) -> PublishedAttachment:
    return PublishedAttachment(attachment, len(data), hashlib.sha256(data).hexdigest())


def human_size(size: int) -> str:
    """1536 -> '1.5 KB': sizes as a reader expects them, in powers of 1024."""
    if size < 1024:
        return f"{size} 字节"
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            return f"{size:.1f} {unit}"
    raise AssertionError("unreachable")


def publish_attachments(
    bulletins: Iterable[Bulletin], read: Callable[[str], bytes]
) -> dict[str, list[PublishedAttachment]]:
    """Bulletin source path -> its attachments with size and digest; `read(source_path)` -> bytes."""
    return {
        bulletin.source_path: [
            describe_attachment(a, read(a.source_path)) for a in bulletin.attachments
        ]
        for bulletin in bulletins
        if bulletin.attachments
    }

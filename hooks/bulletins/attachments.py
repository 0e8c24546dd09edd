"""Attachments: the original file of an issue (PDF or Word), published next to its page.

The parser resolves and checks the paths written in front matter (`resolve_attachment`); the
build checks that the files exist (`missing_attachments`) and shows each with its size and
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
            problems.append(
                Problem(f"{docs_prefix}/{bulletin.source_path}", attachment.line,
                        f"attachments[{index}]",
                        f"找不到文件：{docs_prefix}/{attachment.source_path}{hint}")
            )  # fmt: skip
    return problems


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

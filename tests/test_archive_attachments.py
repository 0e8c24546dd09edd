"""Attachments: the original PDF/Word file of an issue, checked, published and described."""

from __future__ import annotations

import hashlib
import json

import pytest
from bulletins.attachments import (
    describe_attachment,
    human_size,
    misnamed_attachments,
    missing_attachments,
    resolve_attachment,
)
from bulletins.catalog import build_catalog
from bulletins.collection import Source, load_bulletins
from bulletins.indexes import article_indexes
from bulletins.model import Attachment
from bulletins.urls import Links
from conftest import SEED_BULLETIN
from helpers import real_registry

ORIGINAL = b"%PDF-1.4\n% test stand-in for the scanned original\n%%EOF\n"


def _seed_with(attachments_line: str) -> tuple[str, int]:
    """The seed text with an attachments line before distribution, and that line's number."""
    text = SEED_BULLETIN.read_text(encoding="utf-8")
    text = text.replace("distribution:\n", f"{attachments_line}\ndistribution:\n", 1)
    line = text.split("\n").index(attachments_line.split("\n")[0]) + 1
    return text, line


def _parse(text: str):
    registry = real_registry()
    source = Source("bulletins/2021/gzjb-009.md", "docs/bulletins/2021/gzjb-009.md", text)
    return load_bulletins([source], registry)


def test_attachment_paths_resolve_next_to_the_bulletin():
    assert resolve_attachment("gzjb-009.pdf", "bulletins/2021/gzjb-009.md") == (
        "bulletins/2021/gzjb-009.pdf", "",
    )  # fmt: skip
    assert resolve_attachment("originals/第9期.docx", "bulletins/2021/gzjb-009.md")[0] == (
        "bulletins/2021/originals/第9期.docx"
    )
    outside, message = resolve_attachment("../../../secret.pdf", "bulletins/2021/gzjb-009.md")
    assert outside is None and "在 docs/ 之内" in message and "“gzjb-009.pdf”" in message
    assert resolve_attachment("/etc/x.pdf", "bulletins/2021/gzjb-009.md")[0] is None
    wrong, message = resolve_attachment("gzjb-009.txt", "bulletins/2021/gzjb-009.md")
    assert wrong is None and "不是 PDF 或 Word 文件" in message


def test_parser_records_attachments_with_their_lines():
    text, line = _seed_with("attachments: [gzjb-009.pdf, gzjb-009.docx]")
    bulletins, problems = _parse(text)
    assert problems == []
    assert bulletins[0].attachments == (
        Attachment("bulletins/2021/gzjb-009.pdf", "gzjb-009.pdf"),
        Attachment("bulletins/2021/gzjb-009.docx", "gzjb-009.docx"),
    )
    assert [a.line for a in bulletins[0].attachments] == [line, line]


def test_parser_reports_a_bad_attachment_at_its_line():
    text, _ = _seed_with("attachments:\n  - gzjb-009.jpg")
    line = text.split("\n").index("  - gzjb-009.jpg") + 1
    _, problems = _parse(text)
    assert [str(p) for p in problems] == [
        (
            f"docs/bulletins/2021/gzjb-009.md:{line}: attachments[0]: “gzjb-009.jpg”不是 PDF "
            "或 Word 文件（.pdf、.doc、.docx）"
        )
    ]


def test_missing_file_is_reported_with_the_closest_existing_one():
    text, line = _seed_with("attachments: [gzjb-009.pdf]")
    bulletins, _ = _parse(text)
    problems = missing_attachments(bulletins, {"bulletins/2021/gzjb-09.pdf", "index.md"}, "docs")
    assert [str(p) for p in problems] == [
        (
            f"docs/bulletins/2021/gzjb-009.md:{line}: attachments[0]: 找不到文件："
            "docs/bulletins/2021/gzjb-009.pdf（是不是“gzjb-09.pdf”？）"
        )
    ]
    assert missing_attachments(bulletins, {"bulletins/2021/gzjb-009.pdf"}, "docs") == []


def test_description_gives_size_and_sha256():
    published = describe_attachment(Attachment("bulletins/2021/a.pdf", "a.pdf"), ORIGINAL)
    assert published.size == len(ORIGINAL)
    assert published.sha256 == hashlib.sha256(ORIGINAL).hexdigest()
    assert published.kind == "PDF"
    assert human_size(900) == "900 字节"
    assert human_size(1536) == "1.5 KB"
    assert human_size(3 * 1024 * 1024) == "3.0 MB"


def test_build_publishes_the_attachment_next_to_the_page(fixture_site):
    text, _ = _seed_with("attachments: [gzjb-009.pdf]")
    fixture_site.add("bulletins/2021/gzjb-009.md", text)
    (fixture_site.docs / "bulletins/2021/gzjb-009.pdf").write_bytes(ORIGINAL)
    result = fixture_site.build()
    assert result.returncode == 0, result.output
    assert (fixture_site.site_dir / "bulletins/2021/gzjb-009.pdf").read_bytes() == ORIGINAL
    html = (fixture_site.site_dir / "bulletins/2021/gzjb-009/index.html").read_text(
        encoding="utf-8"
    )
    assert 'href="../gzjb-009.pdf"' in html  # relative: works under a sub-path and offline
    assert hashlib.sha256(ORIGINAL).hexdigest() in html
    assert f"（{len(ORIGINAL)} 字节）" in html
    catalog = json.loads((fixture_site.site_dir / "catalog.json").read_text(encoding="utf-8"))
    assert catalog["bulletins"][0]["attachments"] == [
        {
            "url": "bulletins/2021/gzjb-009.pdf",
            "name": "gzjb-009.pdf",
            "size": len(ORIGINAL),
            "sha256": hashlib.sha256(ORIGINAL).hexdigest(),
        }
    ]


def test_build_fails_when_the_attachment_is_missing(fixture_site):
    text, line = _seed_with("attachments: [gzjb-009.pdf]")
    fixture_site.add("bulletins/2021/gzjb-009.md", text)
    result = fixture_site.build()
    assert result.returncode != 0
    assert (
        f"docs/bulletins/2021/gzjb-009.md:{line}: attachments[0]: 找不到文件："
        "docs/bulletins/2021/gzjb-009.pdf"
    ) in result.output


def test_catalog_gives_an_attachments_url_encoded_and_its_name_as_written():
    text, _ = _seed_with("attachments: [原件 第9期.docx]")
    bulletins, problems = _parse(text)
    assert problems == []
    registry = real_registry()
    published = {
        bulletins[0].source_path: [
            describe_attachment(bulletins[0].attachments[0], b"PK\x03\x04 stand-in")
        ]
    }
    catalog = build_catalog(
        bulletins, registry, Links(True), article_indexes(bulletins), published,
        "https://example.gov.cn/wmcj/jianbao/",
    )  # fmt: skip

    [entry] = catalog["bulletins"][0]["attachments"]
    assert entry["url"] == "bulletins/2021/%E5%8E%9F%E4%BB%B6%20%E7%AC%AC9%E6%9C%9F.docx"
    assert entry["name"] == "原件 第9期.docx"
    assert catalog["site_url"] == "https://example.gov.cn/wmcj/jianbao/"
    assert catalog["series"][0] == {
        "id": "gzjb",
        "name": "工作简报",
        "masthead": "聊城市创建全国文明城市",
    }


@pytest.mark.parametrize(
    ("written", "start", "advice"),
    [
        ("gzjb-009.pdf", b"%PDF-1.7", None),
        ("gzjb-009.docx", b"PK\x03\x04\x14\x00", None),
        ("gzjb-009.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", None),
        ("gzjb-009.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
         "“gzjb-009.docx”的内容不是 Word .docx 文件：它其实是 Word .doc 文件，请把扩展名改为 .doc"),
        ("gzjb-009.pdf", b"  <html>",
         "“gzjb-009.pdf”的内容不是 PDF 文件：它像是网页（可能是下载时存下了登录页或出错页），请换成原件"),
        ("gzjb-009.pdf", b"", "“gzjb-009.pdf”的内容不是 PDF 文件：文件是空的，请换成原件"),
        ("gzjb-009.docx", b"\x00\x01junk",
         "“gzjb-009.docx”的内容不是 Word .docx 文件：认不出它是什么文件，请换成原件"),
        ("gzjb-009.pdf", b"\r\n" * 20 + b"%PDF-1.4", None),  # readers look in the first 1 KB
        ("gzjb-009.doc", b"{\\rtf1\\ansi",
         "“gzjb-009.doc”的内容不是 Word .doc 文件：它其实是 RTF 文件：请用 Word 或 WPS 打开，另存为 .docx"),
        (".PDF", b"<html>",
         "“.PDF”的内容不是 PDF 文件：它像是网页（可能是下载时存下了登录页或出错页），请换成原件"),
    ],
)  # fmt: skip
def test_an_attachment_must_be_what_its_name_says(written, start, advice):
    text, line = _seed_with(f"attachments: [{written}]")
    bulletins, _ = _parse(text)
    problems = misnamed_attachments(bulletins, lambda path: start, "docs")
    expected = [] if advice is None else [
        f"docs/bulletins/2021/gzjb-009.md:{line}: attachments[0]: {advice}"
    ]  # fmt: skip
    assert [str(p) for p in problems] == expected


def test_a_web_page_saved_as_the_original_stops_the_build_and_keeps_the_last_site(fixture_site):
    fixture_site.add_seed()
    assert fixture_site.build().returncode == 0
    text, line = _seed_with("attachments: [gzjb-009.pdf]")
    fixture_site.add("bulletins/2021/gzjb-009.md", text)
    (fixture_site.docs / "bulletins/2021/gzjb-009.pdf").write_bytes(b"<html>login</html>")

    result = fixture_site.build()

    assert result.returncode != 0
    assert f"docs/bulletins/2021/gzjb-009.md:{line}: attachments[0]: “gzjb-009.pdf”的内容不是" in (
        result.output
    )
    assert (fixture_site.site_dir / "bulletins/2021/gzjb-009/index.html").is_file()

"""Printing a bulletin with Chromium gives the printed issue's look on A4 (print.css)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

A4_POINTS = (595, 842)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} not found: install Debian's poppler-utils (.ci/run does)")
    return path


@pytest.fixture(scope="module")
def seed_pdf(seed_site, browser, tmp_path_factory) -> Path:
    from conftest import LocalServer

    server = LocalServer(seed_site.site_dir)
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{server.base}bulletins/2021/gzjb-009/")
        page.emulate_media(media="print")
        path = tmp_path_factory.mktemp("print") / "gzjb-009.pdf"
        page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    finally:
        context.close()
        server.close()
    return path


def _pdf_info(path: Path) -> dict[str, str]:
    output = subprocess.run(
        [_tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True
    )
    return dict(line.split(":", 1) for line in output.stdout.splitlines() if ":" in line)


def _pdf_text(path: Path) -> str:
    output = subprocess.run(
        [_tool("pdftotext"), "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return output.stdout


def test_printed_issue_is_a4_with_a_few_pages(seed_pdf):
    info = _pdf_info(seed_pdf)
    width, height = (round(float(n)) for n in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert (width, height) == A4_POINTS
    # The seed issue is five articles: about as many pages as the printed original, not 1 or 20.
    assert 3 <= int(info["Pages"].strip()) <= 7


def test_printed_issue_has_masthead_articles_and_distribution_in_order(seed_pdf):
    text = re.sub(r"\s+", "", _pdf_text(seed_pdf))
    expected_in_order = [
        "聊城市创建全国文明城市工作简报",
        "第9期",
        "聊城市创建全国文明城市工作办公室",
        "2021年3月11日",
        "郭建民调研全国文明城市创建工作",
        "市生态环境局全面推动全国文明城市创建工作",
        "为深入贯彻全市创建全国文明城市工作动员会精神",
        "报：市委常委",
        "发：聊城市创建全国文明城市工作办公室全体成员",
        "共印260份",
    ]
    positions = [text.find(part) for part in expected_in_order]
    assert -1 not in positions, [
        p for p, at in zip(expected_in_order, positions, strict=True) if at == -1
    ]
    assert positions == sorted(positions)
    # Screen-only parts are not printed: tabs, search, article chips, links to other issues.
    for screen_only in ("按部门", "搜索", "部门：", "专题：", "上一期", "Material"):
        assert screen_only not in text, screen_only


def test_printed_masthead_is_red(seed_pdf, tmp_path):
    subprocess.run(
        [_tool("pdftoppm"), "-r", "30", "-f", "1", "-l", "1", str(seed_pdf), str(tmp_path / "p")],
        check=True,
    )
    width, height, pixels = _read_ppm(next(tmp_path.glob("p*.ppm")))
    top, rest = (
        _red_pixels(width, pixels, 0, height // 3),  # series name and red rule
        _red_pixels(width, pixels, height // 3, height),
    )
    assert top > 50, "no red masthead at the top of page 1"
    assert rest < top / 5, "red outside the masthead"


def _read_ppm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    magic, width, height, maximum, pixels = re.match(
        rb"(P6)\s+(\d+)\s+(\d+)\s+(\d+)\s(.*)", data, re.S
    ).groups()
    return int(width), int(height), pixels


def _red_pixels(width: int, pixels: bytes, first_row: int, last_row: int) -> int:
    count = 0
    for offset in range(first_row * width * 3, last_row * width * 3, 3):
        red, green, blue = pixels[offset], pixels[offset + 1], pixels[offset + 2]
        count += red > 150 and green < 100 and blue < 100
    return count

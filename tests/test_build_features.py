"""Real builds of small fixture sites: template text in bulletins, drafts."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from helpers import bulletin_text
from html_text import page_file

JINJA_BODY = """
## 市住建局开展消防车通道专项整治

会议材料中的占位符 {{ 7*7 }} 与 {% raw %} 应原样显示。
"""


def test_template_text_in_a_bulletin_appears_literally(fixture_site):
    fixture_site.add("bulletins/2021/gzjb-010.md", bulletin_text(body=JINJA_BODY))
    result = fixture_site.build()
    assert result.returncode == 0, result.output
    html = page_file(fixture_site.site_dir, "bulletins/2021/gzjb-010/").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in html and "{% raw %}" in html
    assert "49" not in html.split("{{ 7*7 }}")[0][-20:]


def test_draft_is_left_out_of_the_published_site(fixture_site):
    fixture_site.add("bulletins/2021/gzjb-010.md", bulletin_text(extra="draft: true"))
    result = fixture_site.build()
    assert result.returncode == 0, result.output
    assert not page_file(fixture_site.site_dir, "bulletins/2021/gzjb-010/").exists()
    catalog = json.loads((fixture_site.site_dir / "catalog.json").read_text(encoding="utf-8"))
    assert [b["url"] for b in catalog["bulletins"]] == ["bulletins/2021/gzjb-009/"]
    housing = page_file(fixture_site.site_dir, "departments/housing/").read_text(encoding="utf-8")
    assert "gzjb-010" not in housing


def test_draft_is_shown_by_mkdocs_serve(fixture_site):
    fixture_site.add("bulletins/2021/gzjb-010.md", bulletin_text(extra="draft: true"))
    with socket.socket() as probe:  # a free port for the server
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=fixture_site.directory,
        # `mkdocs serve` mounts the site at site_url's path (/wmcj/jianbao/): serve it at the root.
        env={**os.environ, "BULLETIN_SITE_URL": ""},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        draft_page = fetch_when_up(f"http://127.0.0.1:{port}/bulletins/2021/gzjb-010/")
        assert "市住建局开展消防车通道专项整治" in draft_page
        housing = fetch_when_up(f"http://127.0.0.1:{port}/departments/housing/")
        assert "gzjb-010" in housing
    finally:
        server.terminate()
        server.wait(timeout=10)


def fetch_when_up(url: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_a_corrected_issue_says_so_on_its_page_in_the_catalog_and_the_sitemap(fixture_site):
    corrections = (
        "distribution:\n  report_to: 市委\n  send_to: 市直各部门\n  copies: 200\n"
        "corrections:\n  - date: 2021-04-02\n    note: 第1篇标题中“整治”误作“整理”，已更正。"
    )
    fixture_site.add("bulletins/2021/gzjb-010.md", bulletin_text(extra=corrections))
    result = fixture_site.build()
    assert result.returncode == 0, result.output

    html = page_file(fixture_site.site_dir, "bulletins/2021/gzjb-010/").read_text(encoding="utf-8")
    assert '<a href="#corrections">本期于2021年4月2日更正（见文末）</a>' in html
    section = html.split('id="corrections"', 1)[1].split("</section>", 1)[0]
    assert "更正说明" in section
    assert (
        '<time datetime="2021-04-02">2021年4月2日</time>：第1篇标题中“整治”误作“整理”，已更正。'
        in section
    )
    # The footer ends the issue as printed; the original file and the corrections come after.
    assert html.index("bulletin-distribution") < html.index('id="corrections"')
    catalog = json.loads((fixture_site.site_dir / "catalog.json").read_text(encoding="utf-8"))
    entry = next(b for b in catalog["bulletins"] if b["url"] == "bulletins/2021/gzjb-010/")
    assert entry["corrections"] == [
        {"date": "2021-04-02", "note": "第1篇标题中“整治”误作“整理”，已更正。"}
    ]
    sitemap = (fixture_site.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert "bulletins/2021/gzjb-010/</loc>\n         <lastmod>2021-04-02</lastmod>" in sitemap


def test_a_combined_issue_is_shown_as_printed(fixture_site):
    fixture_site.add("bulletins/2021/gzjb-003.md", bulletin_text(issue="3", extra="issue_to: 4"))
    result = fixture_site.build()
    assert result.returncode == 0, result.output

    html = page_file(fixture_site.site_dir, "bulletins/2021/gzjb-003/").read_text(encoding="utf-8")
    assert '<span class="bulletin-masthead__number">第3-4期（合刊）</span>' in html
    assert "<title>工作简报 2021年第3-4期" in html
    housing = page_file(fixture_site.site_dir, "departments/housing/").read_text(encoding="utf-8")
    assert "工作简报 第3-4期</a>" in housing
    catalog = json.loads((fixture_site.site_dir / "catalog.json").read_text(encoding="utf-8"))
    entry = next(b for b in catalog["bulletins"] if b["url"] == "bulletins/2021/gzjb-003/")
    assert (entry["issue"], entry["issue_to"]) == (3, 4)

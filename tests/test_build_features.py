"""Real builds of small fixture sites: template text in bulletins, drafts."""

from __future__ import annotations

import json

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

"""The real site (docs/) built with `mkdocs build --strict`: seed fidelity, indexes, catalog."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import SEED_TITLES
from html_text import han, inner_html, page_file, resolved_links, text_of

SEED_TEXT = Path("/work/shared/seed/000_24e0309bb15562c2.txt")


def seed_source() -> str:
    from conftest import ROOT

    shared = ROOT.parent / "shared" / "seed" / "000_24e0309bb15562c2.txt"
    return (shared if shared.exists() else SEED_TEXT).read_text(encoding="utf-8")


def catalog(site) -> dict:
    return json.loads((site.site_dir / "catalog.json").read_text(encoding="utf-8"))


def test_build_prints_one_summary_line(seed_site):
    summaries = [line for line in seed_site.result.output.splitlines() if "期简报" in line]
    assert len(summaries) == 1
    assert summaries[0].endswith("1 期简报, 5 篇文章, 8 个部门, 13 个专题")


def test_seed_issue_is_reproduced_character_for_character(seed_site):
    html = page_file(seed_site.site_dir, "bulletins/2021/gzjb-009/").read_text(encoding="utf-8")
    body = inner_html(html, "div", "bulletin-body")
    body = re.sub(r'<p class="bulletin-article-meta">.*?</p>', "", body, flags=re.DOTALL)
    seed_lines = seed_source().split("\n")
    seed_body = "\n".join(seed_lines[16:65])  # from the first article title to before 报：
    # Every Han character of the seed's body, in order, and nothing else.
    assert han(text_of(body)) == han(seed_body)
    # Page-break splits are joined inside one paragraph.
    for joined in (
        "一是提高认识，统一思想",
        "各相关部门和各社区",
        "“一盘棋”思想",
        "市生态环境局组织志愿者",
        "常态工作阶段持续",
    ):
        assert joined in text_of(body)


def test_seed_masthead_contents_and_distribution(seed_site):
    html = page_file(seed_site.site_dir, "bulletins/2021/gzjb-009/").read_text(encoding="utf-8")
    masthead = " ".join(text_of(inner_html(html, "header", "bulletin-masthead")).split())
    # The printed masthead's first line, as the seed has it: 聊城市创建全国文明城市 工作简报.
    assert masthead.startswith("聊城市创建全国文明城市 工作简报 第9期")
    for expected in ("聊城市创建全国文明城市工作办公室", "2021年3月11日"):
        assert expected in masthead
    toc = inner_html(html, "nav", "bulletin-toc")
    assert re.findall(r'<a href="#(a\d)">([^<]+)</a>', toc) == [
        (f"a{i}", title) for i, title in enumerate(SEED_TITLES, 1)
    ]
    footer = " ".join(text_of(inner_html(html, "footer", "bulletin-distribution")).split())
    seed_lines = seed_source().split("\n")
    assert seed_lines[66] in footer  # 报：…
    assert seed_lines[68] in footer  # 发：…
    assert "共印 260 份" in footer
    for number, title in enumerate(SEED_TITLES, 1):
        assert re.search(
            rf'<h2 class="bulletin-article-title" id="a{number}">{title}', html
        ) or re.search(rf'<h2 id="a{number}" class="bulletin-article-title">{title}', html), title


def test_catalog_lists_the_seed_with_its_articles(seed_site):
    data = catalog(seed_site)
    assert len(data["bulletins"]) == 1
    seed = data["bulletins"][0]
    assert (seed["series"], seed["issue"], seed["date"], seed["url"]) == (
        "工作简报",
        9,
        "2021-03-11",
        "bulletins/2021/gzjb-009/",
    )
    assert seed["source"] == "docs/bulletins/2021/gzjb-009.md"
    assert seed["distribution"]["copies"] == 260
    assert [a["title"] for a in seed["articles"]] == SEED_TITLES
    assert [a["url"] for a in seed["articles"]] == [
        f"bulletins/2021/gzjb-009/#a{i}" for i in range(1, 6)
    ]
    assert [d["name"] for d in seed["articles"][1]["departments"]] == [
        "市住建局",
        "市文明办",
        "市消防救援支队",
    ]
    assert [t["id"] for t in seed["articles"][1]["topics"]] == [
        "special-campaigns",
        "fire-lanes",
        "public-service-ads",
        "street-ads",
        "long-term-mechanism",
    ]
    counts = {d["id"]: d["articles"] for d in data["departments"]}
    assert counts["housing"] == 1 and counts["justice"] == 1 and counts["water"] == 0
    assert data["years"] == [
        {
            "year": 2021,
            "url": "archive/2021/",
            "issues_url": "bulletins/2021/",
            "issues": 1,
            "articles": 5,
        }
    ]


def test_every_catalog_url_is_a_built_page(seed_site):
    data = catalog(seed_site)
    urls = [b["url"] for b in data["bulletins"]]
    urls += [a["url"] for b in data["bulletins"] for a in b["articles"]]
    urls += [e["url"] for e in data["departments"] + data["topics"] + data["years"]]
    for url in urls:
        assert page_file(seed_site.site_dir, url).exists(), url


def test_index_pages_link_every_article_to_its_anchor(seed_site):
    """Each department, topic and year page links exactly the articles that belong to it."""
    data = catalog(seed_site)
    expected: dict[str, set[str]] = {}
    for bulletin in data["bulletins"]:
        year_url = next(
            y["url"] for y in data["years"] if bulletin["date"].startswith(str(y["year"]))
        )
        for article in bulletin["articles"]:
            owners = [d["id"] for d in article["departments"]]
            for entry in data["departments"]:
                if entry["id"] in owners:
                    expected.setdefault(entry["url"], set()).add(article["url"])
            for entry in data["topics"]:
                if entry["id"] in [t["id"] for t in article["topics"]]:
                    expected.setdefault(entry["url"], set()).add(article["url"])
            expected.setdefault(year_url, set()).add(article["url"])
    all_articles = {a["url"] for b in data["bulletins"] for a in b["articles"]}
    for page in [e["url"] for e in data["departments"] + data["topics"] + data["years"]]:
        linked = {url for url in resolved_links(seed_site.site_dir, page) if url in all_articles}
        assert linked == expected.get(page, set()), page


def test_bulletin_page_links_departments_and_topics_under_each_heading(seed_site):
    links = resolved_links(seed_site.site_dir, "bulletins/2021/gzjb-009/")
    for target in (
        "departments/housing/",
        "departments/fire-rescue/",
        "topics/fire-lanes/",
        "topics/volunteering/",
    ):
        assert target in links


def test_home_page_counts_and_latest_issue(seed_site):
    html = page_file(seed_site.site_dir, "").read_text(encoding="utf-8")
    text = " ".join(text_of(html).split())
    assert "共 1 期、 5 篇文章" in text or "共 1 期、5 篇文章" in text
    assert "8 个部门、 13 个专题" in text or "8 个部门、13 个专题" in text
    links = resolved_links(seed_site.site_dir, "")
    assert "bulletins/2021/gzjb-009/" in links
    assert "bulletins/2021/gzjb-009/#a2" in links


def test_archive_overview_counts_years_and_months(seed_site):
    html = page_file(seed_site.site_dir, "archive/").read_text(encoding="utf-8")
    text = " ".join(text_of(inner_html(html, "article", "md-content__inner")).split())
    assert "2021年 （1 期，5 篇）" in text
    assert "3月 1 期，5 篇" in text
    assert "archive/2021/#m2021-03" in resolved_links(seed_site.site_dir, "archive/")


def test_navigation_has_tabs_and_does_not_list_bulletins(seed_site):
    html = page_file(seed_site.site_dir, "departments/housing/").read_text(encoding="utf-8")
    tabs = inner_html(html, "nav", "md-tabs")
    assert [
        t.strip() for t in re.findall(r'class="md-tabs__link[^"]*"[^>]*>\s*([^<]+?)\s*<', tabs)
    ] == ["首页", "简报", "部门", "专题", "归档", "数据统计", "关于本站"]
    assert "gzjb-009" not in inner_html(html, "nav", "md-nav--primary")


def test_built_pages_load_nothing_from_other_hosts(seed_site):
    loads = re.compile(
        r"""<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=["']?(?:https?:)?//"""
        r"""|<link\b(?![^>]*\brel=["']?(?:canonical|alternate)\b)[^>]*\bhref=["']?(?:https?:)?//"""
        r"""|@import\s+(?:url\()?["']?(?:https?:)?//|url\(["']?(?:https?:)?//""",
        re.IGNORECASE,
    )
    offenders = []
    for path in seed_site.site_dir.rglob("*"):
        if path.suffix in (".html", ".css", ".js") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            offenders += [f"{path}: {m[0][:80]}" for m in loads.finditer(text)]
            if "fonts.googleapis" in text or "fonts.gstatic" in text:
                offenders.append(f"{path}: Google Fonts")
    assert offenders == []


def test_registries_are_not_published(seed_site):
    assert not (seed_site.site_dir / "_data").exists()


def test_about_the_site_is_written_for_readers_and_comes_first(seed_site):
    """关于本站 led only to the editors' guide (YAML, file paths): readers get their own page."""
    home = page_file(seed_site.site_dir, "").read_text(encoding="utf-8")
    tab = re.search(r'<a href="([^"]+)" class="md-tabs__link">\s*关于本站', home)
    assert tab and tab[1] == "about/"
    about = text_of(page_file(seed_site.site_dir, "about/").read_text(encoding="utf-8"))
    for words in ("怎样查找", "字号", "打印", "订阅"):
        assert words in about
    assert "YAML" not in about


def test_a_footer_prints_its_labels_as_the_issue_does(fixture_site):
    from helpers import bulletin_text

    extra = (
        "distribution:\n  report_to: 市委常委\n  report_label: 抄报\n  send_to: 各县（市、区）\n"
        "  send_label: 抄送\n  copies: 20"
    )
    fixture_site.add("bulletins/2021/gzjb-010.md", bulletin_text(extra=extra))
    result = fixture_site.build()
    assert result.returncode == 0, result.output
    html = page_file(fixture_site.site_dir, "bulletins/2021/gzjb-010/").read_text(encoding="utf-8")
    footer = " ".join(text_of(inner_html(html, "footer", "bulletin-distribution")).split())
    assert footer == "抄报：市委常委 抄送：各县（市、区） 共印 20 份"
    catalog = json.loads((fixture_site.site_dir / "catalog.json").read_text(encoding="utf-8"))
    entry = next(b for b in catalog["bulletins"] if b["issue"] == 10)
    assert (entry["distribution"]["report_label"], entry["distribution"]["send_label"]) == (
        "抄报",
        "抄送",
    )


def test_the_guides_table_of_messages_quotes_messages_the_checks_give():
    """The editors' guide explains the checks' messages: each phrase it quotes must still be one
    the checks print, or the table has gone stale."""
    root = Path(__file__).resolve().parent.parent
    guide = (root / "docs" / "guide.md").read_text(encoding="utf-8")
    table = guide.split("| 说明里的文字 |", 1)[1].split("\n\n", 1)[0]
    rows = table.splitlines()[2:]
    # Two columns: what the message says, how to fix it (a third repeated the first).
    assert [row for row in rows if row.count("|") != 3] == []
    quoted = [part for row in rows for part in re.findall(r"`([^`]+)`", row.split("|")[1])]
    code = "\n".join(p.read_text(encoding="utf-8") for p in (root / "hooks").rglob("*.py"))

    def in_code(phrase: str) -> bool:  # what a message fills in (… or [N]) may be anything
        pattern = re.escape(phrase).replace("…", ".*?").replace(r"articles\[N\]", ".*?")
        return re.search(pattern, code) is not None

    assert len(quoted) > 20
    assert [phrase for phrase in quoted if not re.search("[\u4e00-\u9fff]", phrase)] == []
    assert [phrase for phrase in quoted if not in_code(phrase)] == []

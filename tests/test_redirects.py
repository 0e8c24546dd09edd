"""An issue whose date or number was corrected keeps its old URLs alive (`moved_from`)."""

from __future__ import annotations

from bulletins.collection import Source, load_bulletins
from bulletins.redirects import redirect_pages
from conftest import SEED_BULLETIN
from helpers import bulletin_text, real_registry

MOVED = "moved_from: [bulletins/2021/gzjb-010.md]"


def _load(*sources: tuple[str, str]):
    return load_bulletins(
        [Source(path, f"docs/{path}", text) for path, text in sources], real_registry()
    )


def test_a_former_url_leads_on_to_the_issue_keeping_the_article_anchor():
    bulletins, problems = _load(
        ("bulletins/2021/gzjb-011.md", bulletin_text(issue="11", extra=MOVED))
    )
    assert problems == []
    assert [f.source_path for f in bulletins[0].moved_from] == ["bulletins/2021/gzjb-010.md"]

    [(path, page)] = redirect_pages(bulletins, use_directory_urls=True).items()
    assert path == "bulletins/2021/gzjb-010/index.html"
    assert '<meta http-equiv="refresh" content="0; url=../gzjb-011/">' in page
    assert 'location.replace("../gzjb-011/" + location.search + location.hash)' in page
    assert '<a href="../gzjb-011/">工作简报 2021年第11期</a>' in page

    [(path, page)] = redirect_pages(bulletins, use_directory_urls=False).items()  # offline copy
    assert path == "bulletins/2021/gzjb-010.html"
    assert 'content="0; url=gzjb-011.html"' in page


def test_a_former_file_is_checked_on_its_line():
    extra = "moved_from:\n  - 2021/gzjb-010.md\n  - docs/bulletins/2021/gzjb-011.md"
    bulletin, problems = _load(
        ("bulletins/2021/gzjb-011.md", bulletin_text(issue="11", extra=extra))
    )
    assert [str(p) for p in problems] == [
        "docs/bulletins/2021/gzjb-011.md:11: moved_from[0]: “2021/gzjb-010.md”应写本期原来的文件，"
        "如 bulletins/2021/gzjb-009.md",
        "docs/bulletins/2021/gzjb-011.md:12: moved_from[1]: “docs/bulletins/2021/gzjb-011.md”"
        "就是本期现在的文件",
    ]
    assert bulletin == []


def test_a_former_file_that_is_another_issues_file_or_named_twice_is_an_error():
    seed = SEED_BULLETIN.read_text(encoding="utf-8")
    _, problems = _load(
        ("bulletins/2021/gzjb-009.md", seed),
        ("bulletins/2021/gzjb-011.md", bulletin_text(issue="11", extra="moved_from: [bulletins/2021/gzjb-009.md]")),
        ("bulletins/2021/gzjb-012.md", bulletin_text(issue="12", extra=MOVED)),
        ("bulletins/2021/gzjb-013.md", bulletin_text(issue="13", extra=MOVED)),
    )  # fmt: skip
    assert [str(p) for p in problems] == [
        "docs/bulletins/2021/gzjb-011.md:10: moved_from[0]: “bulletins/2021/gzjb-009.md”是另一期现在的"
        "文件，它的网址不能转到本期",
        "docs/bulletins/2021/gzjb-013.md:10: moved_from[0]: docs/bulletins/2021/gzjb-012.md 也写了"
        "“bulletins/2021/gzjb-010.md”：原来的文件只能属于一期",
    ]


def test_the_old_address_opens_the_article_at_its_new_one(fixture_site, serve, page):
    fixture_site.add("bulletins/2021/gzjb-011.md", bulletin_text(issue="11", extra=MOVED))
    assert fixture_site.build().returncode == 0
    assert (fixture_site.site_dir / "bulletins/2021/gzjb-010/index.html").is_file()

    server = serve(fixture_site.site_dir)
    page.goto(f"{server.base}bulletins/2021/gzjb-010/#a1")
    page.wait_for_url("**/bulletins/2021/gzjb-011/#a1")
    assert page.locator("#a1").inner_text().startswith("市住建局开展消防车通道专项整治")

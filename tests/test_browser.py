"""The built seed site in headless Chromium over HTTP on 127.0.0.1."""

from __future__ import annotations

from conftest import ROOT

SCREENSHOTS = ROOT / "tests" / "artifacts"


def test_home_to_department_to_article_heading(seed_site, serve, page):
    server = serve(seed_site.site_dir)
    page.goto(server.base)
    assert "聊城市创建全国文明城市工作简报" in page.title()
    assert page.locator("html").get_attribute("lang").startswith("zh")

    page.get_by_role("link", name="部门", exact=True).first.click()
    page.wait_for_url("**/departments/")
    page.get_by_role("link", name="市住建局", exact=True).first.click()
    page.wait_for_url("**/departments/housing/")

    page.locator(".article-item__title").first.click()
    page.wait_for_url("**/bulletins/2021/gzjb-009/#a2")
    heading = page.locator("h2#a2")
    assert heading.inner_text().startswith("我市专项治理建筑施工围挡公益广告损毁")
    box = heading.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"], "the article heading is scrolled into view"
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "article-from-department.png"))
    assert page.external_requests == []


def test_bulletin_page_contents_links_and_neighbours(seed_site, serve, page):
    server = serve(seed_site.site_dir)
    page.goto(server.base + "bulletins/2021/gzjb-009/")
    page.locator(".bulletin-toc a").nth(4).click()
    assert page.url.endswith("#a5")
    page.locator("h2#a5 + p .bulletin-chip--topic", has_text="志愿服务").click()
    page.wait_for_url("**/topics/volunteering/")
    assert page.locator("h1").inner_text() == "志愿服务"
    assert page.locator(".article-item__title").count() == 1
    assert page.external_requests == []

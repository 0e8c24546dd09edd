"""Hosting: at a domain root and under a sub-path, with sitemap.xml, robots.txt, canonical URLs."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bulletins.hosting import sources_commit_date
from site_crawler import crawl

SITE_URL = "https://example.gov.cn/wmcj/jianbao/"  # mkdocs.yml's default site_url
PREFIX = "/wmcj/jianbao/"


class PrefixHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only under PREFIX, as a web server with the site in a sub-folder would."""

    def translate_path(self, path):
        if not path.startswith(PREFIX):
            return "/nonexistent/outside-the-prefix"
        return super().translate_path("/" + path[len(PREFIX) :])

    def log_message(self, format, *args):
        pass


class PrefixHandler404(PrefixHandler):
    """A missing page answered by the site's 404.html, as nginx's `error_page 404` or a static
    host does, whatever the depth of the address asked for."""

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def prefixed_server(seed_site):
    handler = functools.partial(PrefixHandler404, directory=str(seed_site.site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{PREFIX}"
    httpd.shutdown()
    httpd.server_close()


def test_every_link_works_under_a_sub_path(prefixed_server, page):
    result = crawl(page, prefixed_server, base=prefixed_server)
    assert result.failures == []
    assert len(result.pages) >= 20
    assert any(url.endswith("/bulletins/2021/gzjb-009/") for url in result.pages)
    assert any(url.endswith("/feeds/all.xml") for url in result.other_files)
    assert page.external_requests == []


def test_every_link_works_at_the_domain_root(seed_site, serve, page):
    server = serve(seed_site.site_dir)
    result = crawl(page, server.base, base=server.base)
    assert result.failures == []
    assert len(result.pages) >= 20


def test_a_missing_page_shows_the_sites_404_page_in_chinese_with_ways_on(prefixed_server, page):
    response = page.goto(f"{prefixed_server}bulletins/2021/gzjb-099/")

    assert response.status == 404
    assert page.locator("h1").inner_text() == "页面不存在"
    # Styled from the site's path at this depth too: Material's header is coloured.
    header = page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert header not in ("rgba(0, 0, 0, 0)", "transparent")
    links = page.locator("article a").evaluate_all("links => links.map(a => a.href)")
    assert len(links) == 6
    for link in links:
        assert page.request.get(link).status == 200, link


def test_search_result_opens_under_a_sub_path(prefixed_server, page):
    page.goto(prefixed_server)
    page.click(".md-search__input")
    page.keyboard.insert_text("郭建民")
    page.keyboard.press("Shift")
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=15000)
    with page.expect_navigation() as navigation:
        first.click()
    assert navigation.value.status == 200
    assert page.url.startswith(f"{prefixed_server}bulletins/2021/gzjb-009/")


def test_sitemap_lists_pages_under_the_site_url(seed_site):
    sitemap = ET.parse(seed_site.site_dir / "sitemap.xml").getroot()
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    entries = {
        url.findtext("s:loc", namespaces=namespace): url.findtext("s:lastmod", namespaces=namespace)
        for url in sitemap.findall("s:url", namespace)
    }
    assert SITE_URL in entries
    assert entries[f"{SITE_URL}bulletins/2021/gzjb-009/"] == "2021-03-11"  # the date
    assert all(loc.startswith(SITE_URL) for loc in entries)


def test_robots_txt_names_the_sitemap(seed_site):
    robots = (seed_site.site_dir / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots


def test_pages_carry_their_canonical_url(seed_site):
    html = (seed_site.site_dir / "bulletins/2021/gzjb-009/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}bulletins/2021/gzjb-009/">' in html


def _commit_all(directory, when: str) -> None:
    environ = {**os.environ, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_DATE": when}
    git = ["git", "-C", str(directory), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "site"]):
        subprocess.run([*git, *command], check=True, env=environ)


def test_sitemap_dates_come_from_the_sources_not_the_day_of_the_build(fixture_site, monkeypatch):
    """Two builds of one commit, on any days, give the same sitemap (archivist review)."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    fixture_site.add_seed()
    _commit_all(fixture_site.directory, "2021-04-01T12:00:00+00:00")

    assert fixture_site.build().returncode == 0

    sitemap = ET.parse(fixture_site.site_dir / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    dates = {
        url.findtext("s:loc", namespaces=ns): url.findtext("s:lastmod", namespaces=ns)
        for url in sitemap.findall("s:url", ns)
    }
    assert dates.pop(f"{SITE_URL}bulletins/2021/gzjb-009/") == "2021-03-11"
    assert len(dates) > 20 and set(dates.values()) == {"2021-04-01"}


def test_sources_commit_date_yields_to_source_date_epoch_and_needs_git(tmp_path):
    assert sources_commit_date(str(tmp_path), {}) is None  # not a checkout
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# 首页\n", encoding="utf-8")
    _commit_all(tmp_path, "2021-04-01T23:30:00-08:00")  # 2021-04-02 in UTC
    assert sources_commit_date(str(tmp_path), {}) == "2021-04-02"
    assert sources_commit_date(str(tmp_path), {"SOURCE_DATE_EPOCH": "1615420800"}) is None


def test_material_files_no_page_loads_are_left_out_and_never_asked_for(seed_site, serve, page):
    """Material's lunr, search worker and source maps: 2.3 MB of every copy, used by nothing."""
    site = seed_site.site_dir
    assert not (site / "assets/javascripts/lunr").exists()
    assert not (site / "assets/javascripts/workers").exists()
    assert list(site.rglob("*.map")) == []
    assert (site / "assets/vendor/iframe-worker/shim.js").is_file()  # our own files stay

    server = serve(site)
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    for path in ("", "bulletins/2021/gzjb-009/", "departments/housing/", "search/?q=消防车通道"):
        page.goto(server.base + path)
        page.wait_for_load_state("networkidle")
    page.click(".md-search__input")
    page.keyboard.insert_text("郭建民")
    page.locator(".md-search-result__item a").first.wait_for(timeout=15000)
    assert failed == []


def test_a_build_under_the_example_address_says_to_set_the_real_one(fixture_site, monkeypatch):
    monkeypatch.delenv("BULLETIN_SITE_URL", raising=False)
    result = fixture_site.build()
    assert result.returncode == 0  # a notice, not a warning: --strict passes
    assert f"网站地址 site_url 还是示例地址 {SITE_URL}：正式发布前" in result.output

    monkeypatch.setenv("BULLETIN_SITE_URL", "https://wmcj.liaocheng.gov.cn/jianbao/")
    result = fixture_site.build()
    assert result.returncode == 0
    assert "示例地址" not in result.output
    sitemap = (fixture_site.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://wmcj.liaocheng.gov.cn/jianbao/" in sitemap and "example.gov.cn" not in sitemap


def test_sources_commit_date_is_not_guessed_in_a_shallow_clone_or_a_changed_tree(tmp_path):
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# 首页\n", encoding="utf-8")
    _commit_all(project, "2021-04-01T12:00:00+00:00")
    (project / "README.md").write_text("not a source\n", encoding="utf-8")
    _commit_all(project, "2030-01-01T12:00:00+00:00")
    assert sources_commit_date(str(project), {}) == "2021-04-01"  # the README's commit is not it

    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{project}", str(shallow)], check=True
    )
    assert sources_commit_date(str(shallow), {}) is None  # its one commit would say 2030

    (project / "docs" / "index.md").write_text("# 改过的首页\n", encoding="utf-8")
    assert sources_commit_date(str(project), {}) is None  # newer than any commit

"""Search in headless Chromium on a built fixture site: the page, the header box, file://."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from bulletins.search_index import search_documents
from bulletins.urls import Links
from conftest import FIXTURES, FixtureSite
from search_reference import expected_results
from test_search_index import fixture_bulletins

FIXTURE_FILES = {
    "bulletins/2020/gzjb-014.md": FIXTURES / "search" / "gzjb-2020-014.md",
    "bulletins/2022/gzjb-003.md": FIXTURES / "search" / "gzjb-2022-003.md",
}

QUERIES = {
    "infix": "雷锋",  # inside 学雷锋
    "last word": "通道",  # the end of 消防车通道
    "whole phrase": "消防车通道",
    "two words": "消防车通道 东昌府区",
    "traditional": "東昌府區",
    "full-width": "ＡＡＡ级",  # the text has AAA级
    "half-width punctuation": "(试行版)",  # the text has （试行版）
    "straight quotes": '"八个要"',  # the text has “八个要”
    "single character": "斑",
    "common single character": "市",
    "title and body ranking": "公益广告",
    "no match": "不存在的词语",
}


def build(directory, *args) -> FixtureSite:
    site = FixtureSite(directory)
    site.add_seed()
    for source, path in FIXTURE_FILES.items():
        site.add(source, path.read_text(encoding="utf-8"))
    result = site.build(*args)
    assert result.returncode == 0, result.output
    return site


@pytest.fixture(scope="module")
def search_site(tmp_path_factory) -> FixtureSite:
    return build(tmp_path_factory.mktemp("search") / "project")


@pytest.fixture(scope="module")
def documents():
    bulletins, _ = fixture_bulletins()
    return search_documents(bulletins, Links(True))


def open_search(page, base, query="", extra=""):
    page.goto(f"{base}search/index.html?q={quote(query)}{extra}")
    page.wait_for_function("document.getElementById('search-count').hasAttribute('data-count')")


def result_links(page) -> list[str]:
    """Each result's article address, without the ?h=… that marks the words on its page."""
    return page.eval_on_selector_all(
        "#search-results > li",
        "items => items.map(li => li.querySelector('a').getAttribute('href')"
        ".replace(/\\?h=[^#]*/, ''))",
    )


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
def test_search_page_returns_exactly_the_articles_containing_the_query(
    query, search_site, documents, serve, page
):
    open_search(page, serve(search_site.site_dir).base, query)
    expected = [f"../{documents[i].url}" for i in expected_results(documents, query)]
    assert result_links(page) == expected
    assert page.get_attribute("#search-count", "data-count") == str(len(expected))
    assert page.external_requests == []


def test_results_show_bulletin_date_departments_and_highlight(search_site, serve, page):
    open_search(page, serve(search_site.site_dir).base, "学雷锋")
    item = page.inner_text("#search-results > li")
    assert "工作简报 2020年第14期 · 2020年11月20日 · 市教体局、市文明办" in item
    marks = page.eval_on_selector_all("#search-results mark", "ms => ms.map(m => m.textContent)")
    assert marks and set(marks) == {"学雷锋"}


def test_filters_narrow_results_count_per_value_and_live_in_the_url(search_site, serve, page):
    base = serve(search_site.site_dir).base
    open_search(page, base, "公益广告")
    assert page.get_attribute("#search-count", "data-count") == "2"
    page.wait_for_selector("input[data-facet='department'][value='publicity-dept']")
    label = page.inner_text("label:has(input[data-facet='department'][value='publicity-dept'])")
    assert label.split() == ["市委宣传部", "1"]
    page.check("input[data-facet='department'][value='publicity-dept']")
    page.wait_for_function("document.getElementById('search-count').dataset.count === '1'")
    assert result_links(page) == ["../bulletins/2022/gzjb-003/#a3"]
    assert "department=publicity-dept" in page.url

    # The URL alone reproduces the filtered result set: year, topic and date range.
    open_search(page, base, "公益广告", "&year=2021")
    assert result_links(page) == ["../bulletins/2021/gzjb-009/#a2"]
    open_search(page, base, "通道", "&topic=fire-lanes")
    assert result_links(page) == [
        "../bulletins/2022/gzjb-003/#a2",
        "../bulletins/2021/gzjb-009/#a2",
    ]
    years = page.eval_on_selector_all(
        "input[data-facet='year']", "boxes => boxes.map(b => b.closest('label').innerText.trim())"
    )
    assert years == ["2022年 1", "2021年 1"]  # counted under the other filters (topic)
    open_search(page, base, "通道", "&topic=fire-lanes&from=2021-01-01&to=2021-12-31")
    assert result_links(page) == ["../bulletins/2021/gzjb-009/#a2"]
    assert page.input_value("input[name='from']") == "2021-01-01"


def test_filters_alone_list_a_departments_articles_of_a_year(search_site, serve, page, documents):
    # "Everything 住建局 did in 2021" needs no keyword (found in review: an empty form).
    base = serve(search_site.site_dir).base
    open_search(page, base, "", "&department=housing&year=2021")
    expected = [
        f"../{d.url}" for d in documents if "housing" in d.departments and d.date[:4] == "2021"
    ]
    assert expected and result_links(page) == expected
    assert page.inner_text("#search-count").startswith(f"共 {len(expected)} 篇文章")
    assert page.inner_text("#search-filter-selected") == "（已选 2 项）"
    page.focus("#search-clear")
    page.keyboard.press("Enter")
    page.wait_for_function("!document.querySelector('#search-results > li')")
    assert page.is_hidden("#search-clear") and page.is_hidden("#search-more")
    assert page.evaluate("document.activeElement.id") == "search-query"
    assert "department" not in page.url and "year" not in page.url
    # The filters stay, counted over every article, to pick another without a keyword.
    page.wait_for_selector("#search-filters input[data-facet='department'][value='housing']")
    assert not page.get_attribute("#search-count", "data-count")


def test_a_filter_picked_on_the_empty_search_page_lists_its_articles(
    search_site, serve, page, documents
):
    page.set_viewport_size({"width": 1280, "height": 780})
    page.goto(serve(search_site.site_dir).base + "search/index.html")
    page.wait_for_function("document.getElementById('search-count').textContent.includes('筛选')")
    box = "input[data-facet='department'][value='housing']"
    page.wait_for_selector(f"#search-filters {box}")
    total = sum("housing" in d.departments for d in documents)
    label = page.inner_text(f"#search-filters label:has({box})")
    assert label.split()[-1] == str(total)  # its count over every article
    page.check(box)
    page.wait_for_function(f"document.getElementById('search-count').dataset.count === '{total}'")
    assert result_links(page) == [f"../{d.url}" for d in documents if "housing" in d.departments]


def test_a_start_date_after_the_end_date_is_named_and_can_be_cleared(
    search_site, serve, page, documents
):
    open_search(page, serve(search_site.site_dir).base, "通道", "&from=2021-12-31&to=2021-01-01")
    assert page.inner_text("#search-count").startswith("开始日期晚于结束日期")
    page.click("#search-clear")
    every = len(expected_results(documents, "通道"))
    page.wait_for_function(f"document.getElementById('search-count').dataset.count === '{every}'")
    assert page.input_value("input[name='from']") == ""


@pytest.mark.parametrize("width, folded", [(360, True), (1280, False)])
def test_filters_fold_away_on_a_phone_so_results_come_first(
    search_site, serve, page, width, folded
):
    page.set_viewport_size({"width": width, "height": 780})
    open_search(page, serve(search_site.site_dir).base, "通道")
    page.wait_for_selector("#search-filters input[data-facet]", state="attached")
    assert page.evaluate("document.getElementById('search-filter-toggle').open") is (not folded)
    first = page.locator("#search-results > li").first.bounding_box()
    assert first["y"] + 40 < 780, "the first result is below the fold"
    if folded:
        page.click("#search-filter-toggle > summary")
        assert page.is_visible("#search-filters input[data-facet='topic']")


def test_header_box_shows_instant_results_in_materials_look(search_site, serve, page):
    page.goto(serve(search_site.site_dir).base)
    page.click(".md-search__input")
    page.keyboard.insert_text("東昌府區")
    page.keyboard.press("Shift")
    page.wait_for_selector(".md-search-result__list .md-search-result__item")
    links = page.eval_on_selector_all(
        ".md-search-result__list a", "links => links.map(a => a.getAttribute('href'))"
    )
    words = "?h=%E4%B8%9C%E6%98%8C%E5%BA%9C%E5%8C%BA"  # 东昌府区: the query as search folds it
    assert links == [
        f"./bulletins/2022/gzjb-003/{words}#a2",
        f"./bulletins/2021/gzjb-009/{words}#a1",
    ]
    assert "找到 2 篇文章" in page.inner_text(".md-search-result__meta")
    assert page.is_visible(".md-search__output")
    page.keyboard.press("Enter")  # opens the search page with the query
    page.wait_for_function("document.getElementById('search-count').dataset.count === '2'")
    assert page.input_value("#search-query") == "東昌府區"
    assert page.external_requests == []


BUNDLE_START = """() => {
  const bundle = performance.getEntriesByType("resource")
    .find(entry => /\\/bundle\\.[0-9a-f]+\\.min\\.js$/.test(entry.name));
  return bundle ? bundle.startTime : null;
}"""


def assert_material_started(page) -> None:
    """Material's bundle ran and saw the document: its `document$` emitted, which happens on
    DOMContentLoaded (the page sends it again after starting the bundle late)."""
    page.wait_for_function("window.document$ !== undefined", timeout=5000)
    emitted = page.evaluate(
        """() => new Promise(resolve => {
          window.document$.subscribe(() => resolve(true));
          setTimeout(() => resolve(false), 3000);
        })"""
    )
    assert emitted, "Material's document$ never emitted: its components were not mounted"


def assert_palette_switches_scheme(page) -> None:
    """Material's bundle runs: its palette toggle changes the page's colour scheme (without
    the bundle the toggle is not shown, and nothing sets the scheme)."""
    before = page.get_attribute("body", "data-md-color-scheme")
    page.click("label.md-header__button[for^='__palette']:visible", timeout=5000)
    page.wait_for_function(
        f"document.body.getAttribute('data-md-color-scheme') !== {before!r}", timeout=5000
    )


def started_by(page) -> str:
    """What started Material's bundle on the search page (bulletin-search-page.js)."""
    page.wait_for_selector("#material-bundle[data-started-by]", state="attached", timeout=5000)
    return page.get_attribute("#material-bundle", "data-started-by")


def test_materials_bundle_starts_after_the_first_results_are_on_screen(search_site, serve, page):
    base = serve(search_site.site_dir).base
    open_search(page, base, "消防车通道")
    assert started_by(page) == "first results"  # not the reader, not the 2 s fallback
    page.wait_for_function(f"({BUNDLE_START})() !== null", timeout=5000)
    first_results, bundle_asked = page.evaluate(
        f"[window.bulletinSearchFirstPaint, ({BUNDLE_START})()]"
    )
    # asked for in the frame that shows the first results or later (timestamps are coarsened)
    assert first_results is not None and bundle_asked >= first_results - 1
    assert_material_started(page)
    assert_palette_switches_scheme(page)
    assert page.external_requests == []


@pytest.mark.parametrize("query", ["", QUERIES["no match"]], ids=["no query", "no results"])
def test_materials_bundle_starts_when_the_search_ends_without_results(
    query, search_site, serve, page
):
    page.goto(f"{serve(search_site.site_dir).base}search/index.html?q={quote(query)}")
    assert started_by(page) == "search ended"
    assert_material_started(page)
    assert_palette_switches_scheme(page)
    assert page.external_requests == []


def test_search_page_says_when_the_index_cannot_load_and_material_still_starts(
    search_site, serve, page
):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Every index file missing: the first script's own requests fail before the engine is there.
    page.route("**/search/*.js", lambda route: route.fulfill(status=404, body=""))
    page.goto(f"{serve(search_site.site_dir).base}search/index.html?q={quote('消防车通道')}")
    page.wait_for_function(
        "document.getElementById('search-count').textContent === '搜索索引加载失败'", timeout=5000
    )
    assert started_by(page) == "search ended"
    assert_material_started(page)
    assert errors == []


def test_header_shortcut_does_nothing_before_material_has_started(search_site, serve, page):
    # Material's bundle never arrives: its no-js styles stay, and the header box has no width.
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    page.goto(f"{serve(search_site.site_dir).base}search/index.html")
    assert started_by(page) == "search ended"
    page.keyboard.press("/")
    assert page.evaluate("document.getElementById('__search').checked") is False  # no dim overlay
    page.unroute("**/assets/javascripts/bundle.*.min.js")
    page.goto(serve(search_site.site_dir).base)  # where Material runs, "/" opens the box
    page.wait_for_function("!document.documentElement.classList.contains('no-js')")
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')")


def test_search_works_from_file_urls(tmp_path, documents, page):
    site = build(tmp_path / "project", "--no-directory-urls")
    query = "消防车通道"
    page.goto((site.site_dir / "search" / "index.html").as_uri() + f"?q={quote(query)}")
    page.wait_for_function("document.getElementById('search-count').hasAttribute('data-count')")
    expected = [
        f"../{documents[i].url.replace('/#', '.html#')}" for i in expected_results(documents, query)
    ]
    assert result_links(page) == expected
    page.click("#search-results > li a")
    page.wait_for_load_state()
    assert page.url.endswith(f"gzjb-003.html?h={quote(query)}#a2")
    assert page.locator("mark.search-hit").first.text_content() == query  # file:// too
    assert page.external_requests == []


# Not traditional characters: the first script cannot fold them (the table is in data.js), so
# its guess for 東昌府區 loads buckets that search.js then does not use.
@pytest.mark.parametrize("query", ["消防车通道 东昌府区", "ＡＡＡ级", "斑"])
def test_search_page_asks_for_each_index_file_once_and_only_those_the_query_needs(
    query, search_site, serve, page
):
    """The page's first script asks for the query's buckets before search.js runs (same keys,
    same buckets); search.js adopts them: no file twice, no bucket the query does not use."""
    requested = []
    page.on(
        "request",
        lambda r: r.url.endswith(".js") and "/search/" in r.url and requested.append(r.url),
    )
    open_search(page, serve(search_site.site_dir).base, query)
    names = [url.rsplit("/", 1)[1][: -len(".js")] for url in requested]
    assert len(names) == len(set(names)), names
    needed = page.evaluate(
        "q => q.split(/\\s+/).map(t => bulletinSearchEngine.fold(t.normalize('NFKC').toLowerCase()))",
        query,
    )
    buckets = [n for n in names if n.startswith("i") and "-" not in n]
    assert "data" in names and buckets
    # Every bucket asked for holds a key of the query (a wrong guess would load a useless file).
    for bucket in buckets:
        entries = page.evaluate(
            "name => bulletinSearchEngine.load(name).then(b => Object.keys(b))", bucket
        )
        keys = {key for term in needed for key in keys_of(term)}
        assert keys & set(entries), (bucket, keys)


def keys_of(term: str) -> list[str]:
    """The keys search.js looks up for a folded term (see parseQuery)."""
    chars = list(term)
    if len(chars) == 1:
        return chars
    keys = [chars[i] + chars[i + 1] for i in range(0, len(chars) - 1, 2)]
    if len(chars) % 2:
        keys.append(chars[-2] + chars[-1])
    return keys


def test_search_pages_first_script_alone_asks_for_data_and_the_querys_buckets(
    search_site, serve, page
):
    """With search.js never loading, the page's first script still asks for data.js and the
    buckets of the URL's query (what makes the first result come sooner)."""
    page.route("**/bulletin-search.js", lambda route: route.abort())
    requested = []
    page.on(
        "request",
        lambda r: r.url.endswith(".js") and "/search/" in r.url and requested.append(r.url),
    )
    page.goto(f"{serve(search_site.site_dir).base}search/index.html?q={quote('消防车通道')}")
    page.wait_for_load_state("load")
    names = {url.rsplit("/", 1)[1] for url in requested}
    assert "data.js" in names
    assert len([n for n in names if n.startswith("i")]) >= 1, names


def test_a_listing_over_several_years_offers_each_year_to_jump_to(search_site):
    """A department's page of an archive is thousands of articles long: the years at its top
    lead to each year's newest month (found in review: 2021 began 9,000 px down on a phone)."""
    import re

    html = (search_site.site_dir / "departments" / "wenming-office" / "index.html").read_text(
        encoding="utf-8"
    )
    nav = re.search(r'<nav class="listing-years"[^>]*>(.*?)</nav>', html, re.S)
    assert nav, "no year links"
    links = re.findall(r'<a href="#(m\d{4}-\d\d)">(\d{4})年</a>', nav[1])
    month_ids = re.findall(r'<h2 id="(m\d{4}-\d\d)"', html)
    assert [year for _, year in links] == sorted({m[1:5] for m in month_ids}, reverse=True)
    for anchor, year in links:  # each year's first (newest) month on the page
        assert anchor == next(m for m in month_ids if m[1:5] == year)


def test_a_result_opens_its_article_with_the_search_words_marked(search_site, serve, page):
    """Staff see why an article was found: the words are marked on its page."""
    open_search(page, serve(search_site.site_dir).base, "消防车通道 东昌府區")
    first = page.locator("#search-results > li a").first
    assert "?h=" in first.get_attribute("href")
    first.click()
    page.wait_for_url("**/bulletins/**")
    marks = page.eval_on_selector_all("mark.search-hit", "ms => ms.map(m => m.textContent)")
    assert marks and set(marks) <= {"消防车通道", "东昌府区"}
    anchor = page.evaluate("location.hash.slice(1)")
    in_article = page.evaluate(
        """id => { const heading = document.getElementById(id);
                   return [...document.querySelectorAll('mark.search-hit')].some(m =>
                     heading.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING); }""",
        anchor,
    )
    assert in_article
    assert page.locator(".bulletin-masthead mark").count() == 0  # the body only

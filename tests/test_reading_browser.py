"""The reading experience in Chromium: phones, the font-size control (also from file://), the
keyboard path, typography, and axe-core on six pages in the light, dark and high-contrast schemes.

Screenshots at 360 and 1280 px go to tests/artifacts/reading/ for a person to look at.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "tests" / "artifacts" / "reading"

# The six pages of the issue (and the statistics page); the search page with a query in the URL,
# so that its results and filters are on the page being checked.
SEARCH_QUERY = "消防车通道"
PAGES = {
    "home": "",
    "bulletin": "bulletins/2021/gzjb-009/",
    "department": "departments/housing/",
    "topic": "topics/environment-sanitation/",
    "archive": "archive/",
    "search": f"search/?q={quote(SEARCH_QUERY)}",
    "statistics": "statistics/",
}
SCHEMES = ["default", "slate", "high-contrast"]  # in the order the palette toggle cycles

# Interactive elements a finger must hit, except links inside running text (WCAG 2.5.5 exempts
# inline links); only those really on screen (hit-testable), not the closed drawer's. A control
# inside its <label> is hit through the whole label: the label is the target measured.
SMALL_TARGETS_JS = """() => [...new Set([...document.querySelectorAll('a, button, input, select, summary, label[for]')]
  .map(e => (e.tagName === 'INPUT' && e.closest('label')) || e))]
  .filter(e => !e.closest('p'))
  .filter(e => {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= 0 || r.left >= innerWidth) return false;
    e.scrollIntoView({block: 'center'});
    const q = e.getBoundingClientRect();
    const hit = document.elementFromPoint(q.left + q.width / 2, q.top + q.height / 2);
    return hit && (hit === e || e.contains(hit)) && (q.width < 44 || q.height < 44);
  })
  .map(e => `${e.tagName} "${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 20)}" `
            + `${Math.round(e.getBoundingClientRect().width)}x${Math.round(e.getBoundingClientRect().height)}`)"""


@pytest.fixture(scope="module")
def site_url(campaign_site, serve):
    return serve(campaign_site.site_dir).base


@pytest.fixture(scope="module")
def serve():  # module-scoped twin of conftest's `serve`, so one server serves a module's tests
    from conftest import LocalServer

    servers = []

    def start(directory):
        servers.append(LocalServer(directory))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


@pytest.fixture
def axe_source() -> str:
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{AXE} missing: CI must run `npm ci` before pytest")
        pytest.skip("axe-core not installed: run `npm ci`")
    return AXE.read_text(encoding="utf-8")


def open_page(page, base: str, name: str) -> None:
    page.goto(base + PAGES[name])
    if name == "search":
        # bulletin-search-page.js sets data-count once results and filters are on the page.
        page.wait_for_function("document.getElementById('search-count').hasAttribute('data-count')")
        assert page.locator("#search-results > li").count() > 0
        assert page.locator("#search-filters input[type='checkbox']").count() > 0


@pytest.mark.parametrize("name", list(PAGES))
def test_phone_layout(page, site_url, name):
    page.set_viewport_size({"width": 360, "height": 740})
    open_page(page, site_url, name)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-360.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "horizontal scrolling"
    body_size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.md-content .md-typeset')).fontSize)"
    )
    assert body_size >= 16
    small = page.evaluate(SMALL_TARGETS_JS)
    assert small == [], small
    # The largest font size must not make the page scroll sideways either.
    page.click("button[data-font-size='x-large']")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("name", ["home", "bulletin", "search", "statistics"])
def test_desktop_screenshot(page, site_url, name):
    page.set_viewport_size({"width": 1280, "height": 900})
    open_page(page, site_url, name)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-1280.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert page.is_visible("button[data-font-size='large']")


def test_bulletin_header_and_distribution_fit_a_phone(page, site_url):
    page.set_viewport_size({"width": 360, "height": 740})
    open_page(page, site_url, "bulletin")
    for selector in (".bulletin-masthead", ".bulletin-distribution"):
        box = page.locator(selector).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, selector
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.locator(".bulletin-distribution").screenshot(
        path=str(ARTIFACTS / "bulletin-distribution-360.png")
    )


def test_chinese_line_and_paragraph_spacing(page, site_url):
    open_page(page, site_url, "bulletin")
    spacing = page.evaluate(
        """() => {
        const ps = [...document.querySelectorAll('.bulletin-body p:not(.bulletin-article-meta)')];
        const style = getComputedStyle(ps[0]);
        const gap = ps[1].getBoundingClientRect().top - ps[0].getBoundingClientRect().bottom;
        return {size: parseFloat(style.fontSize), line: parseFloat(style.lineHeight), gap};
    }"""
    )
    assert spacing["line"] >= 1.5 * spacing["size"]
    assert spacing["gap"] >= 1.3 * spacing["line"] - 0.5


def root_font_size(page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_font_size_control_scales_text_and_is_remembered(page, site_url):
    open_page(page, site_url, "bulletin")
    standard = root_font_size(page)
    body = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.bulletin-body p')).fontSize)"
    )
    page.click("button[data-font-size='large']")
    assert root_font_size(page) == pytest.approx(standard * 1.2, rel=0.01)
    assert page.get_attribute("button[data-font-size='large']", "aria-pressed") == "true"
    assert page.get_attribute("button[data-font-size='standard']", "aria-pressed") == "false"
    larger = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.bulletin-body p')).fontSize)"
    )
    assert larger == pytest.approx(body * 1.2, rel=0.01)
    # Another page, and a later visit, keep the choice.
    open_page(page, site_url, "archive")
    assert root_font_size(page) == pytest.approx(standard * 1.2, rel=0.01)
    later = page.context.new_page()
    later.goto(site_url)
    later.click("button[data-font-size='x-large']")
    assert root_font_size(later) == pytest.approx(standard * 1.4, rel=0.01)
    later.click("button[data-font-size='standard']")
    assert root_font_size(later) == pytest.approx(standard, rel=0.01)
    assert page.external_requests == []


def test_font_size_control_works_from_file(page, campaign_site):
    bulletin = (campaign_site.site_dir / "bulletins" / "2021" / "gzjb-009" / "index.html").as_uri()
    archive = (campaign_site.site_dir / "archive" / "index.html").as_uri()
    page.goto(bulletin)
    standard = root_font_size(page)
    page.click("button[data-font-size='x-large']")
    assert root_font_size(page) == pytest.approx(standard * 1.4, rel=0.01)
    page.goto(archive)
    assert root_font_size(page) == pytest.approx(standard * 1.4, rel=0.01)
    assert page.external_requests == []


def test_font_size_control_survives_a_throwing_local_storage(page, site_url):
    # Some browsers throw on localStorage for file:// pages or in privacy modes.
    page.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new Error('denied'); }})"
    )
    errors = []
    page.on("pageerror", lambda error: errors.append(error.stack or str(error)))
    open_page(page, site_url, "bulletin")
    standard = root_font_size(page)
    page.click("button[data-font-size='large']")
    assert root_font_size(page) == pytest.approx(standard * 1.2, rel=0.01)
    assert [e for e in errors if "reading.js" in e] == []


def focused(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
        return {tag: e.tagName, id: e.id, cls: e.className, text: (e.textContent || '').trim(),
                name: e.getAttribute('name'), size: e.getAttribute('data-font-size'),
                type: e.getAttribute('type'), facet: e.getAttribute('data-facet'), value: e.value,
                outline: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth)}; }"""
    )


def test_keyboard_path(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    open_page(page, site_url, "bulletin")
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["text"] == "跳到正文"
    assert first["outline"] != "none" and first["outlineWidth"] >= 2
    assert page.locator(".reading-skip").bounding_box()["y"] >= 0  # shown when focused
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main-content"

    # From the top: the font-size control and the search box are reached with Tab alone.
    page.goto(site_url + PAGES["bulletin"])
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        now = focused(page)
        seen.append(now)
        if now["size"] == "large":
            page.keyboard.press("Enter")
            assert page.get_attribute("html", "data-font-size") == "large"
            break
    else:
        pytest.fail(f"font-size control not reached by Tab: {seen}")
    assert any(f["name"] == "query" for f in seen), "search box not reached by Tab"
    assert all(f["outline"] != "none" for f in seen if f["tag"] in ("A", "BUTTON"))

    # The header search box: type, move into the instant results with the arrows, open one.
    page.focus("input[name='query']")
    assert_focus_visible([focused(page)])
    page.keyboard.insert_text("环境卫生")
    page.keyboard.press("Shift")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")  # as in Material: the arrows move through the results
    link = focused(page)
    assert "md-search-result__link" in link["cls"]
    assert_focus_visible([link])
    page.keyboard.press("Enter")
    page.wait_for_url("**/bulletins/**")
    # Enter in the box itself opens the search page with the query.
    page.focus("input[name='query']")
    page.keyboard.press("Control+A")  # the box may keep the last query
    page.keyboard.insert_text("环境卫生")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    wait_for_results(page)
    assert page.input_value("#search-query") == "环境卫生"
    assert page.external_requests == []


# How far the focus ring reaches beyond the element, in px (reading.css: a 3 px outline at an
# offset of 2 px; its 5 px shadow reaches as far).
RING = 5


# Two consecutive links of the page's text one line apart: the second is put just below the
# header and focused, so the first sits under the header, in the viewport.
FOCUS_BELOW_A_LINK_UNDER_THE_HEADER_JS = """() => {
  const links = [...document.querySelectorAll('article a[href]')];
  for (let i = 1; i < links.length; i++) {
    const above = links[i - 1].getBoundingClientRect(), below = links[i].getBoundingClientRect();
    if (above.height > 0 && below.top - above.top >= 25 && below.top - above.top <= 60) {
      scrollBy(0, below.top - 75);
      links[i].focus({preventScroll: true});
      return links[i - 1].getBoundingClientRect().top;
    }
  }
  return null;
}"""


@pytest.mark.parametrize("width", [360, 1280])
def test_shift_tab_scrolls_the_link_below_the_sticky_header(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 740})
    open_page(page, site_url, "bulletin")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    under_header = page.evaluate(FOCUS_BELOW_A_LINK_UNDER_THE_HEADER_JS)
    assert under_header is not None and under_header < header  # the case being tested
    page.keyboard.press("Shift+Tab")
    focus = page.evaluate("document.activeElement.getBoundingClientRect().top")
    assert focus - RING >= header, (focus, header)


@pytest.mark.parametrize("width", [360, 1280])
def test_anchor_lands_just_below_the_sticky_header(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(site_url + PAGES["bulletin"] + "#a3")
    page.wait_for_timeout(300)
    heading = page.evaluate("document.getElementById('a3').getBoundingClientRect().top")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header <= heading <= header + 30, (heading, header)


def tab_to(page, wanted, limit: int = 60) -> list[dict]:
    """Press Tab until the focused element satisfies `wanted`; every element passed on the way."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        seen.append(focused(page))
        if wanted(seen[-1]):
            return seen
    pytest.fail(f"not reached by Tab: {seen}")


def assert_focus_visible(steps: list[dict]) -> None:
    hidden = [f for f in steps if f["outline"] == "none" or f["outlineWidth"] < 2]
    assert hidden == [], [(f["tag"], f["name"], f["outline"], f["outlineWidth"]) for f in hidden]


def wait_for_results(page) -> None:
    page.wait_for_function("document.getElementById('search-count').hasAttribute('data-count')")


def select_scheme(page, scheme: str) -> None:
    """Click Material's palette toggle until `scheme` is on, as a reader would."""
    for _ in range(len(SCHEMES)):
        if page.get_attribute("body", "data-md-color-scheme") == scheme:
            return
        page.click("label.md-header__button[for^='__palette']:not([hidden])")
    assert page.get_attribute("body", "data-md-color-scheme") == scheme


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", [n for n in PAGES])
def test_axe_finds_no_serious_violations(page, site_url, axe_source, name, scheme):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url)
    select_scheme(page, scheme)  # remembered by Material for the next page
    open_page(page, site_url, name)
    assert page.get_attribute("body", "data-md-color-scheme") == scheme
    assert serious_violations(page, axe_source) == []
    assert page.get_attribute("html", "lang") == "zh-CN"
    assert page.external_requests == []


def serious_violations(page, axe_source: str) -> list[str]:
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    page.add_script_tag(content=axe_source)
    return page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)"""
    )


@pytest.mark.parametrize("name", list(PAGES))
def test_headings_in_order_and_landmarks(page, site_url, name):
    open_page(page, site_url, name)
    levels = page.evaluate(
        "[...document.querySelectorAll('.md-content h1, .md-content h2, .md-content h3, "
        ".md-content h4')].map(h => Number(h.tagName[1]))"
    )
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    assert page.locator("main").count() == 1 and page.locator("header").count() >= 1
    vague = page.evaluate(
        "[...document.querySelectorAll('a')].map(a => a.textContent.trim())"
        ".filter(t => ['点击这里', '这里', '更多', '点击'].includes(t))"
    )
    assert vague == []


# Each text's line boxes: a date or a column heading broken over two lines has two.
BROKEN_TEXTS_JS = """() => [...document.querySelectorAll('.md-content time, .registry-table thead th')]
  .filter(e => { const r = document.createRange(); r.selectNodeContents(e);
                 return new Set([...r.getClientRects()].map(q => Math.round(q.top))).size > 1; })
  .map(e => e.textContent.trim())"""


@pytest.mark.parametrize(
    "path", [PAGES["department"], PAGES["topic"], "archive/2021/", "departments/"]
)
def test_dates_and_column_headings_never_break_on_a_phone(page, site_url, path):
    # Found in review at 360 px: 2021年3月11 / 日, 文章 / 数 (文 / 章 / 数 at 150 % zoom).
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + path)
    for size in ("standard", "x-large"):
        page.click(f"button[data-font-size='{size}']")
        assert page.locator(".md-content time").count() > 0
        assert page.evaluate(BROKEN_TEXTS_JS) == [], size


def test_a_wrapped_list_title_keeps_the_number_on_its_first_line(page, site_url):
    # An inline-block title put the list number beside its last line.
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + PAGES["department"])
    page.click("button[data-font-size='x-large']")
    titles = page.locator(".article-item__title")
    assert titles.count() > 0
    assert page.evaluate(
        "[...document.querySelectorAll('.article-item__title, .bulletin-item__title')]"
        ".every(e => getComputedStyle(e).display === 'block')"
    )


def test_the_sites_name_is_whole_in_a_phones_header(page, site_url):
    # It was cut to 聊城市创建全国文… at 360 px (and to 聊… at 150 % zoom): two lines now.
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + PAGES["bulletin"])
    name = page.locator(".md-header__topic:first-child .md-ellipsis")
    assert name.inner_text().strip() == "聊城市创建全国文明城市工作简报"
    assert name.evaluate(
        "e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight + 2"
    ), "the name is cut"

"""Long listings at archive scale: a month's list is laid out when it comes on screen.

A listing page of over 100 articles marks its month lists `article-list--long`; the browser then
skips the layout of the months off screen (`content-visibility: auto`, docs/assets/bulletin.css).
Built from 250 synthetic issues of the benchmarks' corpus (test content, never published).
"""

from __future__ import annotations

import re
import sys

import pytest
from conftest import ROOT, FixtureSite, LocalServer

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import generate_bulletins  # noqa: E402

ISSUES = 250  # about 1,250 articles: a topic or year page holds well over 100
LONG_LIST = "ol.article-list--long"
# The browser's own answer to "is this laid out?": false for a skipped month.
RENDERED_JS = "list => list.firstElementChild.checkVisibility({contentVisibilityAuto: true})"


@pytest.fixture(scope="module")
def archive_site(tmp_path_factory) -> FixtureSite:
    site = FixtureSite(tmp_path_factory.mktemp("archive") / "project")
    for source_path, text in generate_bulletins(ISSUES, seed=11):
        site.add(source_path, text)
    result = site.build()
    assert result.returncode == 0, result.output
    return site


@pytest.fixture(scope="module")
def archive_url(archive_site) -> str:
    server = LocalServer(archive_site.site_dir)  # one server for the module's tests
    yield server.base
    server.close()


@pytest.fixture(scope="module")
def longest_topic(archive_site) -> str:
    """The URL path of the topic page with the most articles."""
    counts = {}
    for path in (archive_site.site_dir / "topics").glob("*/index.html"):
        html = path.read_text(encoding="utf-8")
        counts[path.parent.name] = int(re.search(r"共 <strong>(\d+)</strong> 篇文章", html)[1])
    name = max(counts, key=counts.get)
    assert counts[name] > 100, counts
    return f"topics/{name}/"


def test_long_listing_marks_each_month_with_its_article_count(archive_site, longest_topic):
    html = (archive_site.site_dir / longest_topic / "index.html").read_text(encoding="utf-8")
    lists = re.findall(
        r'<ol class="article-list article-list--long" style="--articles: (\d+)">(.*?)</ol>',
        html,
        re.S,
    )
    assert len(lists) == html.count('<ol class="article-list')  # every month of the page
    for count, items in lists:
        assert int(count) == items.count('<li class="article-item">')


def test_short_listing_is_laid_out_as_before(seed_site):
    # The real site's listings hold a few articles: nothing is deferred there.
    pages = [
        path
        for part in ("topics", "departments", "archive")
        for path in (seed_site.site_dir / part).glob("*/index.html")
    ]
    listings = [p.read_text(encoding="utf-8") for p in pages]
    assert sum('<ol class="article-list">' in html for html in listings) >= 3
    assert not any("article-list--long" in html for html in listings)


@pytest.mark.parametrize("width", [360, 1280])
def test_only_the_months_on_screen_are_laid_out(page, archive_url, longest_topic, width):
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(archive_url + longest_topic)
    lists = page.locator(LONG_LIST)
    months = lists.count()
    assert months > 10
    # The browser decides what is near the screen when it first renders the page.
    page.wait_for_function(f"({RENDERED_JS})(document.querySelector('{LONG_LIST}'))")
    assert not lists.last.evaluate(RENDERED_JS)  # far below: skipped until it comes on screen
    lists.last.scroll_into_view_if_needed()
    page.wait_for_function(f"({RENDERED_JS})([...document.querySelectorAll('{LONG_LIST}')].pop())")
    # Print lays out every month (once the browser has applied the print media).
    page.emulate_media(media="print")
    page.wait_for_function(
        f"[...document.querySelectorAll('{LONG_LIST}')].every({RENDERED_JS})", timeout=5000
    )


@pytest.mark.parametrize("width", [360, 1280])
def test_deferred_months_keep_their_place_numbers_and_focus_rings(
    page, archive_url, longest_topic, width
):
    """The padding that keeps numbers and focus rings inside the contained box must not move
    anything: each month's list, with and without the long-list class, puts its items at the
    same place; and the list's box holds its numbers."""
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(archive_url + longest_topic)
    places = page.evaluate(
        """selector => [...document.querySelectorAll(selector)].slice(0, 3).map(list => {
             const item = () => { const r = list.firstElementChild.getBoundingClientRect(),
                                        next = list.nextElementSibling.getBoundingClientRect();
                                  return [r.left, r.top + scrollY, r.width, next.top + scrollY]; };
             const contained = item();
             const box = list.getBoundingClientRect();
             list.classList.remove('article-list--long');
             const plain = item();
             list.classList.add('article-list--long');
             return {contained, plain, boxLeft: box.left, boxTop: box.top + scrollY};
           })""",
        LONG_LIST,
    )
    assert len(places) == 3
    for place in places:
        assert place["contained"] == pytest.approx(place["plain"], abs=0.5), place
        item_left, item_top = place["contained"][0], place["contained"][1]
        # Room for a two-digit number ("17." is about 1.5em) and a focus ring above the first title.
        assert item_left - place["boxLeft"] >= 30 and item_top - place["boxTop"] >= 7, place


@pytest.mark.parametrize("width", [360, 1280])
def test_reload_and_back_come_back_to_the_same_article(page, archive_url, longest_topic, width):
    """The browser restores the scroll offset of a reloaded page; the months above it must then
    have their real heights, not the estimate, or the reader lands months away."""
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(archive_url + longest_topic)
    for _ in range(40):  # scroll as a reader does, laying out the months passed
        page.mouse.wheel(0, 600)
    page.wait_for_timeout(300)
    # The first article below the header (a fixed point could fall between two months).
    first_below = (
        "[...document.querySelectorAll('.article-list > li')]"
        ".find(li => li.getBoundingClientRect().top >= 100)"
    )
    at_top = f"{first_below}?.textContent.trim()"
    before = page.evaluate(at_top)
    assert before and page.evaluate("scrollY") > 10000
    page.reload()
    page.wait_for_timeout(500)
    assert page.evaluate("document.documentElement.classList.contains('listing-restored')")
    assert page.evaluate(at_top) == before
    # The same after reading an article and coming Back.
    page.evaluate(f"{first_below}.querySelector('a').click()")
    page.wait_for_url("**/bulletins/**")
    page.go_back()
    page.wait_for_timeout(500)
    assert page.evaluate(at_top) == before

"""The search page and the header search box as an older reader on a phone or with the keyboard
meets them: 16 px text, the keyboard path through query, date, filters and results, axe-core on
the open header results. The six-page checks (tap targets, screenshots, axe) are in
test_reading_browser.py, whose fixtures and helpers this module shares.
"""

from __future__ import annotations

import pytest
import test_reading_browser as reading
from test_reading_browser import (
    SCHEMES,
    SEARCH_QUERY,
    assert_focus_visible,
    focused,
    open_page,
    select_scheme,
    serious_violations,
    tab_to,
    wait_for_results,
)

# The same module-scoped site and server, and axe-core, as the six-page checks.
serve = reading.serve
site_url = reading.site_url
axe_source = reading.axe_source


def test_search_page_text_is_16px_on_a_phone(page, site_url):
    page.set_viewport_size({"width": 360, "height": 740})
    open_page(page, site_url, "search")
    sizes = page.evaluate(
        """() => Object.fromEntries(['#search-query', '#search-filters label', '#search-filters h2',
            '.bulletin-search-result__title', '.bulletin-search-result__snippet']
          .map(s => [s, parseFloat(getComputedStyle(document.querySelector(s)).fontSize)]))"""
    )
    assert all(size >= 16 for size in sizes.values()), sizes


def test_search_page_by_keyboard_alone(page, site_url):
    """Query box, typing, a date, a filter and a result, all with the keyboard, focus always shown."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "search/")
    path = tab_to(page, lambda f: f["id"] == "search-query")
    page.keyboard.insert_text(SEARCH_QUERY)  # what an input method does
    page.keyboard.press("Enter")
    wait_for_results(page)
    assert "q=" in page.url

    path += tab_to(page, lambda f: f["name"] == "from")
    page.keyboard.type("01012021")  # mm/dd/yyyy in Chromium's en-US date field
    page.wait_for_function("location.search.includes('from=2021-01-01')")

    path += tab_to(page, lambda f: f["facet"] is not None)
    box = path[-1]
    page.evaluate("document.getElementById('search-count').removeAttribute('data-count')")
    page.keyboard.press("Space")
    wait_for_results(page)
    assert f"{box['facet']}={box['value']}" in page.url
    # The filters were redrawn with new counts: focus stays on the box just ticked.
    now = focused(page)
    assert (now["facet"], now["value"]) == (box["facet"], box["value"])
    assert page.is_checked(f"input[data-facet='{box['facet']}'][value='{box['value']}']")

    path += tab_to(page, lambda f: "bulletin-search-result__title" in f["cls"])
    assert_focus_visible(path)
    page.keyboard.press("Enter")
    page.wait_for_url("**/bulletins/**")
    assert page.external_requests == []


def test_focus_ring_shows_before_materials_script_has_run(page, site_url):
    """On the search page Material's script starts late; until it runs, its styles would hide
    the ring on header buttons (they wait for its .focus-visible mark)."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    page.goto(site_url + "search/")
    assert page.evaluate("document.documentElement.classList.contains('no-js')")  # not run
    path = tab_to(page, lambda f: "md-header__button" in f["cls"])
    assert_focus_visible(path)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_on_the_header_search_results(page, site_url, axe_source, scheme):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url)
    select_scheme(page, scheme)
    page.focus("input[name='query']")
    page.keyboard.insert_text(SEARCH_QUERY)
    page.keyboard.press("Shift")
    page.wait_for_selector(".md-search-result__item")
    assert serious_violations(page, axe_source) == []

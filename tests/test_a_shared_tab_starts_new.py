"""The worker's shared tab (shared_tab.py) must reach each test as new as a fresh context would. Each
test here borrows it twice, as two tests in a row would: the first borrower leaves traces, the second
looks for them."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from pages import MISSION, box, open_element, quick, tick

pytestmark = pytest.mark.browser


def leave_traces(page: Page):
    open_element(page, MISSION)
    tick(box(page, "mission-need-recognized"))
    page.locator("#tf-notes").fill("typed just before the test ended")  # saved as the tab leaves
    page.evaluate("() => { sessionStorage.setItem('left', 'behind'); history.pushState({}, '', '#moved'); }")
    page.set_viewport_size({"width": 390, "height": 800})
    page.emulate_media(color_scheme="dark", media="print")
    page.on("dialog", lambda dialog: dialog.dismiss())  # would answer the next test's prompts
    page.route("**/*.css", lambda route: route.abort())


def test_the_next_test_gets_the_same_tab_with_nothing_left_in_it(shared_tabs):
    tab = shared_tabs({})
    first = tab.lend()
    leave_traces(first)
    tab.give_back()
    page = tab.lend()
    try:
        assert page is first, "the tab was not reused: this test proves nothing"
        page.goto(MISSION)
        # Only what any first visit keeps: Material's note of the palette, light as the system asks
        assert page.evaluate("() => [Object.keys(localStorage), Object.keys(sessionStorage)]") == [
            ["/.__palette"], []]
        assert '"scheme":"default"' in page.evaluate("() => localStorage.getItem('/.__palette')")
        assert page.viewport_size == {"width": 1280, "height": 720}
        assert page.evaluate("() => matchMedia('(prefers-color-scheme: dark)').matches") is False
        assert page.evaluate("() => matchMedia('print').matches") is False
        assert page.evaluate("() => document.styleSheets.length") > 2  # no route holds the CSS back
        page.once("dialog", lambda dialog: dialog.accept())  # the last test's handler would dismiss it
        assert page.evaluate("() => confirm('Still asked?')") is True
    finally:
        tab.give_back()


@pytest.mark.parametrize("irreversible", quick(["init script", "clock", "another origin"]))
def test_what_cannot_be_taken_back_retires_the_tab(shared_tabs, irreversible, tmp_path):
    tab = shared_tabs({})
    first = tab.lend()
    if irreversible == "init script":
        first.add_init_script("window.__left_behind = true")
    elif irreversible == "clock":
        first.clock.install()
    else:  # a page opened from a folder keeps its storage under file://, out of the wipe's reach
        (tmp_path / "page.html").write_text("<script>localStorage.setItem('left', 'behind')</script>")
        first.goto((tmp_path / "page.html").as_uri())
    first.goto(MISSION)
    tab.give_back()
    page = tab.lend()
    try:
        assert page is not first
        page.goto(MISSION)
        assert page.evaluate("() => ['__left_behind' in window, '__pwClock' in globalThis]") == [False, False]
    finally:
        tab.give_back()

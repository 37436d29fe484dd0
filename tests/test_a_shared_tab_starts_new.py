"""The worker's shared tab (shared_tab.py) must reach each test as new as a fresh context would: these
tests run in order on one worker, the odd ones leaving traces, the even ones looking for them."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from pages import MISSION, box, open_element, tick

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("shared-tab")]

seen: dict[str, Page] = {}


def test_1_a_test_leaves_storage_handlers_and_emulation_behind(page: Page):
    seen["first"] = page
    open_element(page, MISSION)
    tick(box(page, "mission-need-recognized"))
    page.locator("#tf-notes").fill("typed just before the test ended")  # saved as the tab leaves
    page.evaluate("() => { sessionStorage.setItem('left', 'behind'); history.pushState({}, '', '#moved'); }")
    page.set_viewport_size({"width": 390, "height": 800})
    page.emulate_media(color_scheme="dark", media="print")
    page.on("dialog", lambda dialog: dialog.dismiss())  # would keep the next test's prompts
    page.route("**/*.css", lambda route: route.abort())


def test_2_the_next_test_gets_the_same_tab_and_finds_none_of_it(page: Page):
    assert page is seen["first"], "the tab was not reused: this test proves nothing"
    page.goto(MISSION)
    # Only what any first visit keeps: Material's note of the palette, light as the system asks
    assert page.evaluate("() => [Object.keys(localStorage), Object.keys(sessionStorage)]") == [
        ["/.__palette"], []]
    assert '"scheme":"default"' in page.evaluate("() => localStorage.getItem('/.__palette')")
    assert page.viewport_size == {"width": 1280, "height": 720}
    assert page.evaluate("() => matchMedia('(prefers-color-scheme: dark)').matches") is False
    assert page.evaluate("() => matchMedia('print').matches") is False
    assert page.evaluate("() => getComputedStyle(document.body).fontFamily") != ""  # CSS loads
    assert page.evaluate("() => document.styleSheets.length") > 2
    page.once("dialog", lambda dialog: dialog.accept())  # the last test's handler would dismiss it
    assert page.evaluate("() => confirm('Still asked?')") is True


def test_3_an_init_script_cannot_be_taken_back(page: Page):
    seen["third"] = page
    page.add_init_script("window.__left_by_test_3 = true")
    page.goto(MISSION)
    assert page.evaluate("() => window.__left_by_test_3") is True


def test_4_so_the_next_test_gets_a_new_context(page: Page):
    assert page is not seen["third"]
    page.goto(MISSION)
    assert page.evaluate("() => '__left_by_test_3' in window") is False


def test_5_a_clock_cannot_be_taken_back(page: Page):
    seen["fifth"] = page
    page.clock.install()
    page.goto(MISSION)


def test_6_so_the_next_test_gets_real_time(page: Page):
    assert page is not seen["fifth"]
    page.goto(MISSION)
    assert page.evaluate("() => '__pwClock' in globalThis") is False

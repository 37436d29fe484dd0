"""Typing notes (#26.10), in a real Chromium: typed text is saved when typing pauses, not at every key,
so a key costs the same at any document size (measured in scripts/bench, not here). What users rely
on is tested here: nothing typed is lost when the tab closes or the page is left right after the
last key, and two tabs typing and ticking at once still end with both.

Every test runs under the site's real Content-Security-Policy and fails on any uncaught page error
(see `watch`) and on any request leaving the machine (conftest).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pages import MISSION, box, open_element

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("watch"), pytest.mark.slow]

NOTES = "#tf-notes"


def test_notes_typed_right_before_the_tab_closes_are_kept(context: BrowserContext):
    page = context.new_page()
    open_element(page, MISSION)
    box(page, "mission-clearly-written").check()
    page.locator(NOTES).press_sequentially("Typed, then the tab closed at once")
    page.close(run_before_unload=True)  # the next key would have come sooner than any save
    again = context.new_page()
    open_element(again, MISSION)
    expect(again.locator(NOTES)).to_have_value("Typed, then the tab closed at once")


def test_notes_typed_right_before_a_link_is_followed_are_kept(page: Page):
    open_element(page, MISSION)
    page.locator(NOTES).press_sequentially("Typed, then off to the dashboard")
    page.goto("self-assessment/")
    open_element(page, MISSION)
    expect(page.locator(NOTES)).to_have_value("Typed, then off to the dashboard")


def test_two_tabs_typing_and_ticking_at_once_both_end_with_both(context: BrowserContext):
    one, two = context.new_page(), context.new_page()
    open_element(one, MISSION)
    box(one, "mission-clearly-written").check()
    open_element(two, MISSION)
    one.locator(NOTES).press_sequentially("typed in one")
    box(two, "mission-input-sought").check()  # between keys and the save of one's notes
    one.locator(NOTES).press_sequentially(", still typing")
    for page in (one, two):
        expect(box(page, "mission-input-sought")).to_be_checked()
    expect(two.locator(NOTES)).to_have_value("typed in one, still typing")  # once one saved
    for page in (one, two):
        page.reload()
        expect(box(page, "mission-clearly-written")).to_be_checked()
        expect(box(page, "mission-input-sought")).to_be_checked()
        expect(page.locator(NOTES)).to_have_value("typed in one, still typing")

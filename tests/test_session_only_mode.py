"""Session-only mode (keep nothing in this browser once the tabs close), in a real Chromium: it
holds in tabs opened from a session tab, and an unreadable flag fails safe and says so.

Every test runs under the site's real Content-Security-Policy and fails on any uncaught page
error (see `watch`) and on any request leaving the machine (conftest)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pages import MISSION, box, dialog_ok, fill_mission, open_data, open_element

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("watch"), pytest.mark.slow]


# --- 6. session-only mode holds in every tab of the site ------------------------------------------

def local_copy(page: Page) -> str:
    return page.evaluate("() => localStorage.getItem(TF.key) || ''")


def test_session_only_mode_holds_in_tabs_opened_from_a_session_tab(context: BrowserContext):
    """Once the mode belonged to one tab: a Ctrl+click tab saved for good, and Wipe now left the
    copies of other tabs. Now a flag in localStorage (no answers) holds it for every tab."""
    page, before = context.new_page(), context.new_page()
    fill_mission(page)
    open_element(before, MISSION)  # open in normal mode before the session starts
    open_data(page)
    saved = local_copy(page)
    page.get_by_role("button", name="Use this session only").click()
    dialog_ok(page, "Use this session only")
    open_element(page, MISSION)
    box(page, "mission-periodic-review").check()

    with context.expect_page() as opened:  # Ctrl+click: a new tab, without a copy of this one's
        page.get_by_role("link", name="Open the dashboard").click(modifiers=["Control"])
    ctrl = opened.value
    expect(ctrl.locator("tr[data-element]")).to_have_count(23)
    expect(ctrl.locator(".tf-d-status")).to_contain_text("this session only")
    with context.expect_page() as opened:  # window.open: a tab with a copy of this one's storage
        page.evaluate(f"() => window.open({json.dumps(page.url)})")
    child = opened.value
    expect(child.locator(".tf-a-status")).to_contain_text("this session only")
    expect(box(child, "mission-periodic-review")).to_be_checked()
    child.bring_to_front()  # a background tab's clicks wait on its throttled frames
    box(child, "mission-clearly-written").check()
    ctrl.bring_to_front()
    open_element(ctrl, MISSION)
    expect(box(ctrl, "mission-clearly-written")).to_be_checked()  # the open tabs share one session
    box(ctrl, "mission-input-sought").check()
    expect(before.locator(".tf-a-status")).to_contain_text("this session only")  # it joined too
    expect(box(before, "mission-input-sought")).to_be_checked()
    for p in (page, ctrl, child, before):
        assert local_copy(p) == saved  # nothing of the session reached localStorage

    page.bring_to_front()
    page.get_by_role("button", name="Wipe now").click()
    for p in (page, ctrl, child, before):  # every copy the site can reach is wiped
        expect(box(p, "mission-periodic-review")).not_to_be_checked()
        expect(box(p, "mission-input-sought")).not_to_be_checked()
        # polled by time: background tabs get few animation frames
        p.wait_for_function("() => !(sessionStorage.getItem(TF.key) || '').includes('mission-')",
                            polling=100)
    child.reload()
    expect(box(child, "mission-clearly-written")).not_to_be_checked()

    open_data(page)
    page.get_by_role("button", name="Stop session-only mode").click()
    dialog_ok(page, "Save in this browser")
    with context.expect_page() as opened:  # off again: new tabs save as usual
        page.get_by_role("link", name="Mission Statement", exact=True).first.click(modifiers=["Control"])
    after = opened.value
    expect(after.locator(".tf-a-status")).to_contain_text("saved in this browser only")


def test_an_unreadable_session_flag_fails_safe_and_says_so(page: Page):
    """A session flag this version can't read (another version, devtools) means session-only mode,
    never saving for good by mistake; the dashboard says the mode is on, and stopping it works."""
    fill_mission(page)
    open_data(page)
    saved = local_copy(page)
    page.evaluate("() => localStorage.setItem(TF.key + '#session-only', '{broken')")
    page.reload()
    expect(page.locator(".tf-d-status")).to_contain_text("this session only")
    expect(page.get_by_text("Session-only mode is on in every tab of this site")).to_be_visible()
    open_element(page, MISSION)
    box(page, "mission-periodic-review").check()
    assert local_copy(page) == saved
    open_data(page)
    page.get_by_role("button", name="Stop session-only mode").click()
    dialog_ok(page, "Save in this browser")
    expect(page.locator(".tf-d-status")).to_contain_text("saved in this browser only")
    assert page.evaluate("() => localStorage.getItem(TF.key + '#session-only')") is None
    assert "mission-periodic-review" in local_copy(page)

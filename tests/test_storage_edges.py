"""Saving at the edges of storage (#26.8, #26.9), in a real Chromium: storage full while it holds data
this version cannot read, and a saved time at the limit the store accepts. What the user is offered
and told must be true: a copy of unreadable data needs no storage, "Delete everything" names what it
destroys, and no message blames full storage for a failure it did not cause.

Every test runs under the site's real Content-Security-Policy and fails on any uncaught page error
(see `watch`) and on any request leaving the machine (conftest).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from pages import FULL_WHEN_ASKED, MISSION, box, download, open_dashboard, open_data, open_element

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("watch"), pytest.mark.slow]

UNREADABLE = '{"schema": 2, "from": "a newer version", "notes": "kept"}'


def _stuck(page: Page):
    """Unreadable data in the main key, and storage too full to set it aside."""
    page.add_init_script(FULL_WHEN_ASKED)
    open_element(page, MISSION)
    page.evaluate("(raw) => localStorage.setItem(TF.key, raw)", UNREADABLE)
    page.add_init_script("window.__full = true;")


def test_full_storage_with_unreadable_data_still_offers_a_copy_of_it(page: Page):
    _stuck(page)
    open_dashboard(page)
    status = page.locator(".tf-d-status")
    expect(status).to_contain_text("too full to set them aside")
    name, text = download(page, "Save a copy of the unreadable data")
    assert text == UNREADABLE and name.endswith(".txt")
    open_element(page, MISSION)  # the element page's own warning offers it too
    name, text = download(page, "Save a copy of the unreadable data")
    assert text == UNREADABLE


def test_delete_everything_names_the_unreadable_data_it_destroys(page: Page):
    _stuck(page)
    open_data(page)
    page.get_by_role("button", name="Delete everything saved here").click()
    dialog = page.locator("dialog")
    expect(dialog).to_contain_text("This also deletes the saved data this version of the site cannot read")
    expect(dialog).to_contain_text("Undo does not bring it back")
    page.get_by_role("button", name="Cancel").click()
    assert page.evaluate("() => localStorage.getItem(TF.key)") == UNREADABLE  # nothing happened


def test_a_saved_time_at_the_clock_limit_does_not_stop_changes_and_nothing_false_is_said(page: Page, roadmap):
    """8.64e15 is the latest time a Date holds, and the store reads it: the next change once got a
    time past it, which the store refused to write, and the page blamed full storage."""
    indicator = roadmap.element("mission-statement").indicators[0].id
    open_element(page, MISSION)
    box(page, indicator).check()
    page.evaluate("""(id) => {
        const doc = JSON.parse(localStorage.getItem(TF.key));
        doc.list.first.ticks[id] = [1, 8.64e15];
        localStorage.setItem(TF.key, JSON.stringify(doc));
    }""", indicator)
    page.reload()
    expect(box(page, indicator)).to_be_checked()
    for on in (False, True, False):
        box(page, indicator).set_checked(on)
        expect(page.locator(".tf-assessment .tf-a-warn")).to_have_count(0)  # no "storage is full"
        page.reload()
        expect(box(page, indicator)).to_be_checked(checked=on)
    assert "8640000000000000" not in page.evaluate("() => localStorage.getItem(TF.key)")


# Storage that refuses a write for another reason than room (blocked meanwhile, a browser error).
REFUSED_WHEN_ASKED = """(() => {
  const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    if (window.__refuse && k.startsWith('tf-roadmap/')) throw new DOMException('denied', 'SecurityError');
    return set.call(this, k, v);
  };
})()"""


def test_a_write_refused_for_another_reason_than_room_is_not_called_full_storage(page: Page):
    page.add_init_script(REFUSED_WHEN_ASKED)
    open_element(page, MISSION)
    page.evaluate("() => { window.__refuse = true; }")
    box(page, "mission-clearly-written").check()
    warning = page.locator(".tf-assessment .tf-a-warn")
    expect(warning).to_contain_text("Your last change could not be saved: this browser refused to write it")
    expect(warning).not_to_contain_text("full")
    page.evaluate("() => { window.__refuse = false; }")
    box(page, "mission-input-sought").check()  # the next write succeeds: the warning goes
    expect(warning).to_have_count(0)

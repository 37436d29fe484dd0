"""Undoing a slip, in a real Chromium: deleting an assessment or a snapshot, "Delete everything"
(in every tab) and replacing on import can be undone for minutes; a wipe leaves no undo behind.

Every test runs under the site's real Content-Security-Policy and fails on any uncaught page
error (see `watch`) and on any request leaving the machine (conftest)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pages import MISSION, box, dialog_ok, exported, fill_mission, open_data, open_element, picker, saved_text, snapshot_ids

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("watch")]


# --- 16. undo -----------------------------------------------------------------------------------

def undo_after_a_minute(page: Page):
    """A minute and a bit later (on the page's clock) the Undo is still there, and works."""
    page.clock.fast_forward("01:05")
    page.get_by_role("button", name="Undo", exact=True).click()
    expect(page.locator("#tf-undo")).to_have_count(0)


@pytest.fixture
def clocked(page: Page) -> Page:
    page.clock.install()
    return page


def test_deleting_an_assessment_can_be_undone_for_a_minute_and_more(clocked: Page):
    page = clocked
    fill_mission(page)
    open_data(page)
    before = exported(page)
    page.get_by_role("button", name="Duplicate", exact=True).click()
    dialog_ok(page, "Duplicate", "Second")
    picker(page).select_option(index=0)
    page.get_by_role("button", name="Delete", exact=True).click()
    dialog_ok(page, "Delete")
    expect(page.locator("#tf-message")).to_have_text("Deleted “Our assessment”.")
    expect(page.locator("#tf-undo")).to_contain_text("Deleted “Our assessment”. Undo")
    assert "kept notes" in saved_text(page)  # the copy "Second" holds them too
    open_element(page, MISSION)  # a look elsewhere in the same tab keeps the Undo
    open_data(page)
    undo_after_a_minute(page)
    expect(page.locator("#tf-message")).to_have_text("Put back “Our assessment”.")
    expect(picker(page).locator("option:checked")).to_contain_text("Our assessment")
    assert exported(page) == before
    page.reload()
    assert exported(page) == before  # saved, not only shown

    # The offer ends after five minutes: the copy is let go.
    page.get_by_role("button", name="Delete", exact=True).click()
    dialog_ok(page, "Delete")
    expect(page.locator("#tf-undo")).to_be_visible()
    page.clock.fast_forward("05:01")
    expect(page.locator("#tf-undo")).to_have_count(0)


@pytest.mark.slow
def test_deleting_a_snapshot_can_be_undone(clocked: Page):
    page = clocked
    fill_mission(page)
    open_data(page)
    page.get_by_role("button", name="Save a dated snapshot").click()
    (sid,) = snapshot_ids(page)
    page.locator(f"li[data-snapshot='{sid}']").get_by_role("button", name="Delete").click()
    dialog_ok(page, "Delete")
    expect(page.locator("#tf-snapshot-none")).to_be_visible()
    undo_after_a_minute(page)
    assert snapshot_ids(page) == [sid]
    page.reload()
    assert snapshot_ids(page) == [sid]


@pytest.mark.slow
def test_delete_everything_can_be_undone_and_every_tab_gets_it_back(context: BrowserContext):
    page, other = context.new_page(), context.new_page()
    page.clock.install()
    fill_mission(page)
    open_data(page)
    before = exported(page)
    open_element(other, MISSION)
    page.get_by_role("button", name="Delete everything saved here").click()
    dialog_ok(page, "Delete everything")
    assert saved_text(page) == ""
    expect(box(other, "mission-need-recognized")).not_to_be_checked()
    undo_after_a_minute(page)
    expect(page.locator("#tf-message")).to_have_text("Put back everything that was saved here.")
    assert exported(page) == before
    expect(box(other, "mission-need-recognized")).to_be_checked()  # the other tab merged it back


@pytest.mark.slow
def test_a_wipe_leaves_no_undo_behind(page: Page):
    fill_mission(page)
    open_data(page)
    page.get_by_role("button", name="Delete", exact=True).click()
    dialog_ok(page, "Delete")
    expect(page.locator("#tf-undo")).to_be_visible()
    page.get_by_role("button", name="Use this session only").click()
    dialog_ok(page, "Use this session only")
    expect(page.locator("#tf-undo")).to_have_count(0)  # no copy crosses into the session


@pytest.mark.slow
def test_replacing_on_import_can_be_undone(clocked: Page, tmp_path):
    page = clocked
    fill_mission(page)
    open_data(page)
    before = exported(page)
    data = page.evaluate("() => TF.exportData()")
    data["assessment"]["ticked"] = []
    data["assessment"]["elements"] = {"media": {"stage": 4, "notes": "from the file"}}
    file = tmp_path / "later.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    page.get_by_label("Import a JSON export").set_input_files(str(file))
    dialog_ok(page, "Replace")
    assert page.evaluate("() => TF.exportData()")["assessment"]["elements"]["media"]["stage"] == 4
    expect(page.locator("#tf-undo")).to_contain_text("Replaced “Our assessment” with the file.")
    undo_after_a_minute(page)
    expect(page.locator("#tf-message")).to_have_text("Put back “Our assessment” as it was before the import.")
    assert exported(page) == before
    page.reload()
    assert exported(page) == before

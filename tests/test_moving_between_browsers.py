"""Moving an assessment between browsers, in a real Chromium: restoring keeps its id and saves no
placeholder, a later export still replaces what was imported under a new id, pickers show the
date beside each name, and a share link's import claims no export.

Every test runs under the site's real Content-Security-Policy and fails on any uncaught page
error (see `watch`) and on any request leaving the machine (conftest)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pages import MISSION, box, choose, dialog_ok, exported, fill_mission, open_data, open_element, picker, saved_text

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("watch"), pytest.mark.slow]


DIALOG = "dialog.tf-dialog"


# --- 8 and 10. moving between browsers ------------------------------------------------------------

def import_json(page: Page, tmp_path, data: dict, button: str, name: str = "moved.json"):
    file = tmp_path / name
    file.write_text(json.dumps(data), encoding="utf-8")
    page.get_by_label("Import a JSON export").set_input_files(str(file))
    dialog = page.locator(DIALOG)
    expect(dialog.get_by_role("button", name=button, exact=True)).to_be_visible()
    dialog_ok(page, button)


def saved_ids(page: Page) -> list[str]:
    return sorted(json.loads(saved_text(page) or '{"list": {}}')["list"])


def test_restoring_into_a_fresh_browser_keeps_the_id_and_saves_no_placeholder(
        context: BrowserContext, new_context, tmp_path):
    page = context.new_page()
    fill_mission(page)
    open_data(page)
    page.get_by_role("button", name="Rename", exact=True).click()
    dialog_ok(page, "Rename", "Moved")
    data = page.evaluate("() => TF.exportData()")

    there = new_context().new_page()  # another browser, nothing saved
    open_data(there)
    expect(picker(there).locator("option")).to_have_count(1)  # the placeholder, shown, not saved
    assert saved_text(there) == ""
    import_json(there, tmp_path, data, "Import")
    expect(picker(there).locator("option")).to_have_count(1)  # no empty "Our assessment" beside it
    assert saved_ids(there) == [data["assessment"]["id"]]  # the id travelled with it

    # A later export of the same assessment offers Replace, not another copy.
    open_element(page, MISSION)
    box(page, "mission-clearly-written").check()
    later = page.evaluate("() => TF.exportData()")
    open_data(there)
    import_json(there, tmp_path, later, "Replace", "later.json")
    expect(picker(there).locator("option")).to_have_count(1)
    assert exported(there)["assessment"]["ticked"] == later["assessment"]["ticked"]


def test_an_assessment_imported_under_a_new_id_is_still_replaced_by_its_later_export(
        page: Page, tmp_path):
    fill_mission(page)  # this browser's own "first", with answers
    open_data(page)
    own_first = exported(page)["assessment"]
    data = json.loads(json.dumps(page.evaluate("() => TF.exportData()")))
    data["assessment"]["created"] = "2025-01-02T03:04:05.000Z"  # another browser's "first"
    data["assessment"]["name"] = "From the other laptop"
    import_json(page, tmp_path, data, "Import")
    expect(picker(page).locator("option")).to_have_count(2)
    data["assessment"]["ticked"] = []
    import_json(page, tmp_path, data, "Replace", "later.json")
    expect(picker(page).locator("option")).to_have_count(2)
    choose(picker(page), "Our assessment")
    assert exported(page)["assessment"] == own_first  # this browser's own is untouched


def test_pickers_show_the_date_beside_each_name(page: Page, tmp_path):
    fill_mission(page)
    open_data(page)
    data = page.evaluate("() => TF.exportData()")
    data["assessment"].update(id="other", name="Our assessment", created="2025-03-04T10:00:00.000Z")
    import_json(page, tmp_path, data, "Import")
    texts = picker(page).locator("option").all_inner_texts()
    assert len(texts) == 2 and len(set(texts)) == 2, texts  # same names, told apart
    assert any("2025" in t for t in texts), texts
    for n in (0, 1):
        expect(page.get_by_role("combobox", name=["From", "To"][n], exact=True).locator("option")).to_have_text(texts)


def test_a_share_link_import_does_not_claim_an_export(context: BrowserContext, new_context):
    page = context.new_page()
    fill_mission(page)
    open_data(page)
    link = page.evaluate("async () => TF.core.url(TF_RUBRIC.pages.shared) + '#' +"
                         " await TF.core.share.encode(TF.exportData(), true, '')")
    there = new_context().new_page()
    there.goto(link)
    there.get_by_role("button", name="Import into my browser").click()
    dialog_ok(there, "Import")
    open_data(there)
    status = there.locator(".tf-d-status")
    expect(status).to_contain_text("Not exported yet: export a copy as a backup")
    expect(status).not_to_contain_text("Last exported")

"""Undo keeps its promise (issue 26 §5, §6), in a real Chromium: a wipe in one tab drops every undo
copy in every tab, so nothing wiped comes back; two deletions can both be undone; and an undo
keeps what another tab wrote after the action it undoes."""

from __future__ import annotations

import json
import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pages import MISSION, axe, box, choose, dialog_ok, exported, open_data, open_element

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("watch"), pytest.mark.slow]


def picker(page: Page):
    return page.get_by_role("combobox", name="Assessment", exact=True)


def names(page: Page) -> list[str]:
    return page.evaluate("() => TF.core.store.assessments().map((a) => TF.core.store.nameOf(a))")


def undo_buttons(page: Page):
    return page.locator("#tf-undo").get_by_role("button", name="Undo", exact=True)


def notes(page: Page):
    return page.get_by_role("textbox", name="Notes on Mission Statement")


def delete_current(page: Page):
    page.get_by_role("button", name="Delete", exact=True).click()
    dialog_ok(page, "Delete")


def test_a_session_wipe_in_one_tab_drops_the_undo_copy_in_another(context: BrowserContext):
    wiper, other = context.new_page(), context.new_page()
    open_data(wiper)
    wiper.get_by_role("button", name="Use this session only").click()
    dialog_ok(wiper, "Use this session only")
    open_element(other, MISSION)  # joins the session
    notes(other).fill("private notes of the session")
    open_data(other)
    other.get_by_role("button", name="New", exact=True).click()
    dialog_ok(other, "Create", "Second")
    choose(picker(other), "This session")
    delete_current(other)
    expect(undo_buttons(other)).to_have_count(1)

    wiper.get_by_role("button", name="Wipe this session now").click()
    expect(wiper.locator("#tf-message")).to_have_text("Wiped.")
    expect(other.locator("#tf-undo")).to_have_count(0)  # gone at once, in the other tab too
    other.reload()
    expect(other.locator("#tf-backup")).to_be_visible()
    expect(other.locator("#tf-undo")).to_have_count(0)  # and not read back from its sessionStorage
    assert "private notes" not in json.dumps(exported(other))
    assert "private notes" not in json.dumps(exported(wiper))
    assert "private notes" not in other.evaluate("() => JSON.stringify(sessionStorage)")


def test_delete_everything_in_one_tab_drops_the_undo_copy_in_another(context: BrowserContext):
    page, other = context.new_page(), context.new_page()
    open_element(other, MISSION)
    notes(other).fill("notes of the first")
    open_data(other)
    other.get_by_role("button", name="Duplicate", exact=True).click()
    dialog_ok(other, "Duplicate", "Second")
    delete_current(other)
    expect(undo_buttons(other)).to_have_count(1)
    open_data(page)
    page.get_by_role("button", name="Delete everything saved here").click()
    dialog_ok(page, "Delete everything")
    expect(other.locator("#tf-undo")).to_have_count(0)
    other.reload()
    expect(other.locator("#tf-backup")).to_be_visible()
    expect(other.locator("#tf-undo")).to_have_count(0)


@pytest.mark.browser_context_args(bypass_csp=True)  # to inject axe-core
def test_two_deletions_can_both_be_undone(page: Page):
    open_element(page, MISSION)
    box(page, "mission-need-recognized").check()
    open_data(page)
    for name in ("Second", "Third"):
        page.get_by_role("button", name="Duplicate", exact=True).click()
        dialog_ok(page, "Duplicate", name)
    choose(picker(page), "Our assessment")
    delete_current(page)
    choose(picker(page), "Second")
    delete_current(page)
    expect(undo_buttons(page)).to_have_count(2)
    expect(page.locator("#tf-undo li").nth(0)).to_contain_text("Deleted “Second”.")
    expect(page.locator("#tf-undo li").nth(1)).to_contain_text("Deleted “Our assessment”.")
    expect(page.locator("#tf-undo li").nth(1)).to_contain_text("in this tab")
    assert axe(page) == []  # two Undo buttons, each described by what it undoes
    page.reload()  # the offers outlive the page
    expect(undo_buttons(page)).to_have_count(2)
    page.get_by_role("button", name="Delete everything saved here").click()  # says what it drops
    expect(page.locator("dialog.tf-dialog")).to_contain_text("Earlier deletions can no longer be undone")
    page.keyboard.press("Escape")
    undo_buttons(page).nth(1).click()  # the first deletion, still on offer
    expect(page.locator("#tf-message")).to_have_text("Put back “Our assessment”.")
    expect(undo_buttons(page)).to_have_count(1)
    undo_buttons(page).click()
    expect(page.locator("#tf-undo")).to_have_count(0)
    assert sorted(names(page)) == ["Our assessment", "Second", "Third"]


def test_undo_keeps_notes_another_tab_wrote_after_the_import(context: BrowserContext, tmp_path):
    page, other = context.new_page(), context.new_page()
    open_element(page, MISSION)
    box(page, "mission-need-recognized").check()
    notes(page).fill("before the import")
    open_data(page)
    data = page.evaluate("() => TF.exportData()")
    data["assessment"]["ticked"] = []
    data["assessment"]["elements"] = {"mission-statement": {"stage": 4, "notes": "from the file"}}
    file = tmp_path / "later.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    page.get_by_label("Import a JSON export").set_input_files(str(file))
    dialog_ok(page, "Replace")
    expect(undo_buttons(page)).to_have_count(1)
    open_element(other, MISSION)
    expect(notes(other)).to_have_value("from the file")
    notes(other).fill("written in another tab after the import")
    notes(other).blur()
    # Chromium hands each tab the other's storage a moment later: Undo comes after that, as a person's would
    page.wait_for_function("() => (localStorage.getItem(TF.key) || '').includes('written in another tab')")
    undo_buttons(page).click()
    expect(page.locator("#tf-message")).to_have_text("Put back “Our assessment” as it was before the import.")
    after = exported(page)["assessment"]
    assert after["ticked"] == ["mission-need-recognized"]  # the import's change is undone
    assert after["elements"]["mission-statement"]["notes"] == "written in another tab after the import"
    assert after["elements"]["mission-statement"]["stage"] is None
    expect(notes(other)).to_have_value("written in another tab after the import")
    expect(box(other, "mission-need-recognized")).to_be_checked()

"""Confirming the self-assessment's dialogs, in a real Chromium: Enter confirms a dialog once and
never reopens it, an empty name keeps it open, and Material's keyboard shortcuts stay out of an
open dialog.

Every test runs under the site's real Content-Security-Policy and fails on any uncaught page
error (see `watch`) and on any request leaving the machine (conftest)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from pages import open_data, picker, quick
from test_team_consensus import load, open_team

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("watch")]


DIALOG = "dialog.tf-dialog"


# --- 9. Enter confirms a dialog once ------------------------------------------------------------

@pytest.mark.parametrize("action", quick(["New", "Rename", "Duplicate"], "New"))
def test_enter_in_a_name_dialog_confirms_once_and_does_not_reopen(page: Page, action: str):
    open_data(page)
    page.get_by_role("button", name=action, exact=True).click()
    name = page.locator(DIALOG).get_by_role("textbox", name="Name")
    expect(name).to_be_focused()
    name.fill("Typed then Enter")
    page.keyboard.press("Enter")
    expect(picker(page).locator("option:checked")).to_contain_text("Typed then Enter")
    expect(page.locator(DIALOG)).to_have_count(0)  # not reopened by the same key
    expect(page.get_by_role("button", name=action, exact=True)).to_be_focused()
    page.keyboard.press("Enter")  # on the button again: the dialog opens, nothing is created
    expect(page.locator(DIALOG)).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(DIALOG)).to_have_count(0)
    expect(picker(page).locator("option")).to_have_count(1 if action == "Rename" else 2)


def test_enter_in_the_save_agreed_dialog_saves_once(page: Page):
    r, files, s = open_team(page)
    load(page, files)
    page.get_by_role("button", name="Save the agreed result as a new assessment").click()
    page.locator(DIALOG).get_by_role("textbox", name="Name").fill("Agreed by Enter")
    page.keyboard.press("Enter")
    expect(page.locator("#tf-message")).to_contain_text("Saved “Agreed by Enter”")
    expect(page.locator(DIALOG)).to_have_count(0)
    stored = page.evaluate("() => localStorage.getItem(TF.key)")
    assert stored.count("Agreed by Enter") == 1


def test_an_empty_name_keeps_the_dialog_open(page: Page):
    open_data(page)
    page.get_by_role("button", name="New", exact=True).click()
    name = page.locator(DIALOG).get_by_role("textbox", name="Name")
    name.fill("   ")
    page.keyboard.press("Enter")
    expect(page.locator(DIALOG)).to_be_visible()
    expect(name).to_be_focused()
    page.keyboard.press("Escape")
    expect(picker(page).locator("option")).to_have_count(1)


# --- 12. Material's shortcuts stay out of an open dialog -----------------------------------------

@pytest.mark.parametrize("key", quick(["n", "p", ".", ","], "n"))  # next and previous page
def test_material_shortcuts_do_nothing_behind_an_open_dialog(page: Page, key: str):
    open_data(page)
    assert page.locator("a.md-footer__link--next").count() == 1  # "n" has somewhere to go
    url = page.url
    page.get_by_role("button", name="Delete", exact=True).click()
    expect(page.locator(DIALOG)).to_be_visible()
    page.keyboard.press(key)
    page.keyboard.press(key)
    expect(page.locator(DIALOG)).to_be_visible()
    assert page.url == url
    page.locator(DIALOG).get_by_role("button", name="Cancel").click()
    expect(page.locator(DIALOG)).to_have_count(0)
    page.keyboard.press("n")  # without a dialog, the shortcut works as before
    expect(page).not_to_have_url(url)

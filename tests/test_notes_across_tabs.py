"""Writing notes with the site open in several tabs, in a real Chromium: a focused notes box writes
to the assessment it was opened for, shows another tab's change, and two tabs editing the same
note keep both texts and say so.

Every test runs under the site's real Content-Security-Policy and fails on any uncaught page
error (see `watch`) and on any request leaving the machine (conftest)."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pages import MISSION, dialog_ok, open_data, open_element, saved_text

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("watch"), pytest.mark.slow]


# --- 5. notes bound to the assessment and element they were opened for ---------------------------

def notes_box(page: Page):
    return page.get_by_role("textbox", name="Notes on Mission Statement")


def saved_notes(page: Page) -> dict[str, str]:
    """{assessment name: its Mission Statement notes}, as stored."""
    doc = json.loads(saved_text(page))
    out = {}
    for a in doc["list"].values():
        if a["del"][0] or not a["name"][0]:
            continue
        field = a["els"].get("mission-statement", {}).get("n")
        out[a["name"][0]] = field[0] if field else ""
    return out


def test_a_focused_notes_box_writes_to_the_assessment_it_was_opened_for(context: BrowserContext):
    b, a = context.new_page(), context.new_page()
    open_element(b, MISSION)
    notes_box(b).click()
    b.keyboard.type("B started")
    open_data(a)
    a.get_by_role("button", name="New", exact=True).click()
    dialog_ok(a, "Create", "Other")  # A's current assessment changes; B's tab keeps its own
    b.wait_for_function("() => (localStorage.getItem(TF.key) || '').includes('Other')")
    b.keyboard.type(" and went on")
    expect(notes_box(b)).to_have_value("B started and went on")
    b.wait_for_function("() => (localStorage.getItem(TF.key) || '').includes('and went on')")
    assert saved_notes(b) == {"Our assessment": "B started and went on", "Other": ""}
    b.keyboard.press("Tab")  # done: B still shows its assessment's notes
    expect(notes_box(b)).to_have_value("B started and went on")
    expect(b.locator(".tf-a-status strong")).to_have_text("Our assessment")
    expect(b.locator("#tf-notes-bound")).to_have_count(0)


def test_another_tabs_change_to_a_focused_note_is_shown(context: BrowserContext):
    one, two = context.new_page(), context.new_page()
    for p in (one, two):
        open_element(p, MISSION)
        notes_box(p).click()
    one.keyboard.type("hello")
    expect(notes_box(two)).to_have_value("hello")  # shown although two's box has focus
    expect(notes_box(two)).to_be_focused()
    two.keyboard.press("End")
    two.keyboard.type(" world")
    expect(notes_box(one)).to_have_value("hello world")
    assert saved_notes(one) == {"Our assessment": "hello world"}


def test_two_tabs_editing_the_same_note_keep_both_texts_and_say_so(context: BrowserContext):
    from pages import HOLD
    one, two = context.new_page(), context.new_page()
    two.add_init_script(HOLD)
    for p in (one, two):
        open_element(p, MISSION)
        notes_box(p).click()
    two.evaluate("() => { window.__hold = true; }")  # two hears nothing of one's typing
    one.keyboard.type("Text from one")
    # Each tab's renderer reads its own cached copy of localStorage, updated asynchronously: wait
    # until two's copy holds all of one's text (its storage events stay held), as it would for a
    # person who starts typing in two a moment later.
    for p in (one, two):
        p.wait_for_function("() => (localStorage.getItem(TF.key) || '').includes('Text from one')")
    two.keyboard.type("Text from two")
    expect(two.locator("#tf-notes-conflict")).to_contain_text("Another tab changed these notes")
    for p in (two, one):  # one hears two's write: both boxes hold both texts
        expect(notes_box(p)).to_have_value(re.compile("Text from one"))
        expect(notes_box(p)).to_have_value(re.compile("Text from two"))
    kept = saved_notes(one)["Our assessment"]
    assert "Text from one" in kept and "Text from two" in kept

"""Defects found by the review of the merged #26 work, each shown failing before its fix.

Two Chromium tabs of one context share localStorage; each tab reads its own copy, updated
asynchronously, so a test waits in a tab until a write is visible there before acting on it."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pages import MISSION, box, open_element

pytestmark = pytest.mark.slow

REPORT = "self-assessment/report/"
PEOPLE = "Who took part (optional; names appear in the report)"


def stored(page: Page) -> dict:
    return json.loads(page.evaluate("() => localStorage.getItem(TF.key) || '{\"list\": {}}'"))


def holds(page: Page, text: str):
    page.wait_for_function("(t) => (localStorage.getItem(TF.key) || '').includes(t)", arg=text)


def two_tabs_on_the_report(context: BrowserContext) -> tuple[Page, Page]:
    """Tabs A and B on the report of an assessment with something ticked."""
    a, b = context.new_page(), context.new_page()
    open_element(a, MISSION)
    box(a, "mission-clearly-written").check()
    holds(a, "mission-clearly-written")
    b.goto(REPORT)
    a.goto(REPORT)
    return a, b


def test_a_report_field_focused_in_one_tab_does_not_overwrite_what_another_tab_typed(context: BrowserContext):
    """B's "who took part" has the focus but nothing typed yet; A types names there and saves them.
    B's next key must not write B's stale empty value over A's names without a word."""
    a, b = two_tabs_on_the_report(context)
    b.get_by_label(PEOPLE).click()  # focused, nothing typed
    a.get_by_label(PEOPLE).click()
    a.keyboard.type("Police, prosecutor")
    a.get_by_label(PEOPLE).press("Tab")
    holds(b, "Police, prosecutor")
    b.bring_to_front()
    b.get_by_label(PEOPLE).press("End")
    b.keyboard.type(", shelter")
    b.get_by_label(PEOPLE).press("Tab")
    holds(a, "shelter")
    people = [x["people"][0] for x in stored(a)["list"].values() if not x["del"][0]]
    assert any("Police, prosecutor" in p for p in people), people


def test_when_both_tabs_typed_in_a_report_field_the_other_tabs_text_is_kept_on_the_page(context: BrowserContext):
    """B types in "who took part" while A types there too and saves: B's page keeps A's text,
    ready to copy, and says that B's next key replaces it."""
    a, b = two_tabs_on_the_report(context)
    b.get_by_label(PEOPLE).click()
    b.keyboard.type("Police")
    holds(a, "Police")
    a.get_by_label(PEOPLE).fill("Police, prosecutor, shelter")
    a.get_by_label(PEOPLE).press("Tab")
    holds(b, "shelter")
    kept = b.locator(".tf-lost", has_text="Changed in another tab")
    expect(kept).to_be_visible()
    expect(kept.locator("textarea")).to_have_value("Police, prosecutor, shelter")
    expect(b.get_by_label(PEOPLE)).to_have_value("Police")  # B's own text stays in the field


def test_text_typed_for_a_wiped_assessment_does_not_land_in_the_new_one_that_takes_its_id(context: BrowserContext):
    """A fresh browser's first assessment has the id "first", and so has the placeholder that
    follows "Delete everything". B types in the report for the first; A deletes everything; B's
    field, still bound to "first", must not write what was typed for the wiped one into the new."""
    from pages import dialog_ok, open_data
    b, a = context.new_page(), context.new_page()
    open_element(b, MISSION)
    box(b, "mission-clearly-written").check()
    holds(b, "mission-clearly-written")
    assert '"first"' in b.evaluate("() => localStorage.getItem(TF.key)")
    b.goto(REPORT)
    b.get_by_label(PEOPLE).click()
    b.keyboard.type("Typed before the wipe")
    holds(b, "Typed before the wipe")
    open_data(a)
    a.get_by_role("button", name="Delete everything saved here").click()
    dialog_ok(a, "Delete everything")
    b.wait_for_function("() => !(localStorage.getItem(TF.key) || '').includes('Typed before')")
    b.bring_to_front()
    b.keyboard.type(", and after")
    b.get_by_label(PEOPLE).press("Tab")
    b.goto(REPORT)  # whatever was saved is in storage now
    raw = b.evaluate("() => localStorage.getItem(TF.key) || ''")
    assert "Typed before the wipe" not in raw, raw[:400]
    expect(b.locator(".tf-lost textarea").first).to_have_count(0)  # the notice went with the page

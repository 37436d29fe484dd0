"""Importing a share link over the same assessment (issue 26 §7), in a real Chromium: a link made
without owners and notes keeps this browser's notes, owners and "who took part", and the import
dialog says exactly what changes and what stays."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from pages import DATA, MISSION, box, dialog_ok, exported, open_data, open_element

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("watch"), pytest.mark.slow]

SETUP = """() => {
  const s = TF.core.store, a = s.current(), m = TF.core.elementById["mission-statement"];
  s.setElementField(a.id, m, "n", "our notes");
  for (const text of ["Write the mission", "Adopt it"]) {
    const id = s.addAction(a.id, "mission-statement", text, []);
    s.setAction(a.id, id, "owner", "Sam Rivera");
  }
  s.setPlanText(a.id, "people", "Sam Rivera, Alex Chen");
  s.setPlanText(a.id, "taskForce", "Metro Task Force");
}"""


def test_a_link_without_owners_and_notes_keeps_ours_and_says_so(page: Page):
    open_element(page, MISSION)
    box(page, "mission-need-recognized").check()
    open_data(page)
    page.evaluate(SETUP)
    link = page.evaluate("async () => { await TF.core.overviewParts();"
                         " return TF.core.url(TF_RUBRIC.pages.shared) + '#' +"
                         " await TF.core.share.encode(TF.exportData(), false, ''); }")
    open_element(page, MISSION)
    box(page, "mission-need-recognized").uncheck()  # changed here since the link was made
    before = exported(page)["assessment"]
    page.goto(link)
    page.get_by_role("button", name="Import into my browser").click()
    dialog = page.locator("dialog.tf-dialog")
    expect(dialog).to_contain_text("Ticked indicators: 0 become 1 (1 newly ticked, 0 unticked).")
    expect(dialog).to_contain_text("The link does not carry notes, owners or who took part: yours stay as they are.")
    expect(dialog).not_to_contain_text("Notes change")
    expect(dialog).not_to_contain_text("Actions:")
    expect(dialog).not_to_contain_text("Who took part")
    dialog_ok(page, "Replace")
    after = exported(page)["assessment"]
    assert after["ticked"] == ["mission-need-recognized"]
    assert after["elements"]["mission-statement"]["notes"] == "our notes"
    assert [(x["text"], x["owner"]) for x in after["actions"]] == \
        [(x["text"], x["owner"]) for x in before["actions"]] == \
        [("Write the mission", "Sam Rivera"), ("Adopt it", "Sam Rivera")]
    assert after["people"] == "Sam Rivera, Alex Chen"
    assert after["taskForce"] == "Metro Task Force"
    page.goto(DATA)  # saved, not only shown
    expect(page.locator("#tf-backup")).to_be_visible()
    assert exported(page)["assessment"]["people"] == "Sam Rivera, Alex Chen"

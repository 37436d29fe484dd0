"""What a reader types or ticks in one tab stays with the assessment that tab shows, whatever
another tab creates, picks or deletes meanwhile (#26 items 1 and 2).

Each Chromium tab reads its own cached copy of localStorage, updated asynchronously: a two-tab test
waits in both tabs until a write is visible before acting on it."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pages import MISSION, box, choose, dialog_ok, open_data, open_element, open_plan

pytestmark = pytest.mark.slow

REPORT = "self-assessment/report/"
PLAN = "self-assessment/plan/"


def stored(page: Page) -> dict:
    return json.loads(page.evaluate("() => localStorage.getItem(TF.key)") or '{"list": {}}')


def by_name(page: Page) -> dict[str, dict]:
    """The live assessments as stored, by name."""
    return {a["name"][0]: a for a in stored(page)["list"].values() if not a["del"][0] and a["name"][0]}


def holds(page: Page, text: str):
    """Waits until this tab's own copy of localStorage holds the text."""
    page.wait_for_function("(t) => (localStorage.getItem(TF.key) || '').includes(t)", arg=text)


def gone(page: Page, name: str):
    """Waits until this tab's own copy of localStorage has the assessment deleted."""
    page.wait_for_function("(n) => Object.values(JSON.parse(localStorage.getItem(TF.key)).list)"
                           ".every((x) => x.name[0] !== n || x.del[0])", arg=name)


def create(page: Page, name: str):
    """Another tab creates an assessment (which becomes that tab's current one)."""
    open_data(page)
    page.get_by_role("button", name="New", exact=True).click()
    dialog_ok(page, "Create", name)


def delete(page: Page, name: str):
    """Another tab picks an assessment and deletes it."""
    open_data(page)
    choose(page.get_by_role("combobox", name="Assessment", exact=True), name)
    page.get_by_role("button", name="Delete", exact=True).click()
    dialog_ok(page, "Delete")


def ticked(a: dict) -> set[str]:
    return {k for k, v in a["ticks"].items() if v[0] == 1}


# --- 2. each tab keeps answering the assessment it shows ------------------------------------------

def test_a_tab_keeps_answering_its_assessment_when_another_tab_creates_or_picks_one(context: BrowserContext):
    b, a = context.new_page(), context.new_page()
    open_element(b, MISSION)
    box(b, "mission-clearly-written").check()
    holds(b, "mission-clearly-written")
    create(a, "Other")
    holds(b, '"Other"')  # b has heard of it
    expect(b.locator(".tf-a-status strong")).to_have_text("Our assessment")
    box(b, "mission-input-sought").check()  # b's next tick
    holds(a, "mission-input-sought")
    named = by_name(a)
    assert ticked(named["Our assessment"]) == {"mission-clearly-written", "mission-input-sought"}
    assert ticked(named["Other"]) == set()
    # A reload or another page in b stays with b's assessment; a new tab starts at the last picked.
    b.reload()
    expect(b.locator(".tf-a-status strong")).to_have_text("Our assessment")
    b.goto(REPORT)
    expect(b.locator(".tf-r-controls")).to_contain_text("“Our assessment”")
    c = context.new_page()
    open_element(c, MISSION)
    expect(c.locator(".tf-a-status strong")).to_have_text("Other")
    # a picks "Our assessment" back: c, which shows "Other", goes on answering "Other".
    choose(a.get_by_role("combobox", name="Assessment", exact=True), "Our assessment")
    holds(c, "mission-input-sought")
    box(c, "mission-need-recognized").check()
    holds(a, "mission-need-recognized")
    named = by_name(a)
    assert ticked(named["Other"]) == {"mission-need-recognized"}
    assert "mission-need-recognized" not in ticked(named["Our assessment"])
    # The reader switches in the tab itself: from then on the tab answers the one picked.
    open_data(c)
    choose(c.get_by_role("combobox", name="Assessment", exact=True), "Our assessment")
    open_element(c, MISSION)
    expect(c.locator(".tf-a-status strong")).to_have_text("Our assessment")


def test_the_report_fields_stay_with_the_report_shown_when_another_tab_picks_another(context: BrowserContext):
    b, a = context.new_page(), context.new_page()
    open_element(b, MISSION)
    box(b, "mission-clearly-written").check()
    b.goto(REPORT)
    name = b.get_by_label("Task force name (kept with this assessment)")
    name.click()
    b.keyboard.type("Metro task force")
    create(a, "Other")  # and a's current one
    holds(b, '"Other"')
    b.keyboard.type(" East")
    name.press("Tab")
    holds(a, "Metro task force East")
    named = by_name(a)
    assert named["Our assessment"]["taskForce"][0] == "Metro task force East"
    assert named["Other"]["taskForce"][0] == ""


# --- 1. an editor stays bound to its record; a deleted record's text is kept on the page ---------

def lost_notice(page: Page):
    return page.locator(".tf-lost")


def test_an_action_typed_for_an_assessment_another_tab_deletes_is_kept_and_written_nowhere(
        context: BrowserContext):
    b, a = context.new_page(), context.new_page()
    open_element(b, MISSION)
    box(b, "mission-clearly-written").check()
    create(a, "Other")  # the one that remains once b's is gone
    holds(b, '"Other"')
    open_plan(b)
    b.get_by_role("button", name="Add an action").click()
    text = b.locator("ol.tf-a-actions > li textarea").first
    expect(text).to_be_focused()
    b.keyboard.type("Brief the new members")
    holds(b, "Brief the new members")
    holds(a, "Brief the new members")
    delete(a, "Our assessment")
    gone(b, "Our assessment")
    b.keyboard.type(" by March")
    notice = lost_notice(b)
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("“Our assessment”, which another tab deleted")
    expect(notice.get_by_role("textbox")).to_have_value("Brief the new members by March")
    expect(notice.get_by_role("button", name="Copy the text")).to_be_visible()
    b.wait_for_timeout(300)  # any write would be in storage by now
    assert "by March" not in json.dumps(stored(b))
    assert by_name(b)["Other"]["acts"] == {}
    # The page now shows the remaining assessment, and still keeps the lost text until dismissed.
    expect(b.locator(".tf-a-status strong")).to_have_text("Other")
    notice.get_by_role("button", name="Dismiss").click()
    expect(notice).to_have_count(0)


def test_notes_typed_for_an_assessment_another_tab_deletes_stay_on_the_page(context: BrowserContext):
    b, a = context.new_page(), context.new_page()
    open_element(b, MISSION)
    box(b, "mission-clearly-written").check()
    create(a, "Other")
    open_element(a, MISSION)
    a.get_by_role("textbox", name="Notes on Mission Statement").fill("Other's own notes")
    holds(b, "Other's own notes")
    notes = b.get_by_role("textbox", name="Notes on Mission Statement")
    notes.click()
    b.keyboard.type("B's notes")
    holds(a, "B's notes")
    delete(a, "Our assessment")
    gone(b, "Our assessment")
    b.keyboard.type(" and more")
    expect(b.locator("#tf-notes-bound")).to_contain_text("was deleted in another tab")
    notes.press("Tab")  # leaving the box: the box shows Other's notes, the typed text stays on the page
    expect(notes).to_have_value("Other's own notes")
    expect(lost_notice(b).get_by_role("textbox")).to_have_value("B's notes and more")
    b.wait_for_timeout(300)
    assert by_name(b)["Other"]["els"]["mission-statement"]["n"][0] == "Other's own notes"


def test_the_report_name_typed_for_a_deleted_assessment_is_kept_not_written_elsewhere(context: BrowserContext):
    b, a = context.new_page(), context.new_page()
    open_element(b, MISSION)
    box(b, "mission-clearly-written").check()
    create(a, "Other")
    holds(b, '"Other"')
    b.goto(REPORT)
    name = b.get_by_label("Task force name (kept with this assessment)")
    name.click()
    b.keyboard.type("Metro")
    holds(a, "Metro")
    delete(a, "Our assessment")
    gone(b, "Our assessment")
    expect(b.locator(".tf-r-controls")).to_contain_text("“Other”")
    b.keyboard.type(" task force")
    name.press("Tab")
    expect(lost_notice(b).get_by_role("textbox")).to_have_value("Metro task force")
    b.wait_for_timeout(400)  # past the report's save delay
    assert by_name(b)["Other"]["taskForce"][0] == ""


def test_a_target_date_on_the_work_plan_is_written_to_the_assessment_shown(context: BrowserContext):
    b, a = context.new_page(), context.new_page()
    open_element(b, MISSION)
    box(b, "mission-clearly-written").check()
    b.goto(PLAN)
    date = b.get_by_label("Target date for Mission Statement")
    expect(date).to_be_visible()
    create(a, "Other")
    holds(b, '"Other"')
    date.fill("2027-06-30")
    holds(a, "2027-06-30")
    named = by_name(a)
    assert named["Our assessment"]["els"]["mission-statement"]["d"][0] == "2027-06-30"
    assert "mission-statement" not in named["Other"]["els"]


def test_a_focused_target_on_the_work_plan_does_not_move_to_the_assessment_that_remains(context: BrowserContext):
    b, a = context.new_page(), context.new_page()
    open_element(b, MISSION)
    box(b, "mission-clearly-written").check()
    create(a, "Other")
    holds(b, '"Other"')
    b.goto(PLAN)
    pick = b.get_by_label("Target stage for Mission Statement")
    pick.focus()
    delete(a, "Our assessment")
    gone(b, "Our assessment")
    expect(b.locator("#tf-plan-page, [data-tf-page]").first).to_contain_text("Other")
    b.keyboard.press("ArrowDown")  # meant for the deleted assessment's target
    b.keyboard.press("ArrowDown")
    b.wait_for_timeout(300)
    assert "mission-statement" not in by_name(b)["Other"]["els"]

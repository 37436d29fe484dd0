"""What a person sees of the site's limits and of the text they type (#26 items 11-13), in a real
Chromium: a limit that stops something says so, a field shows what is saved, a name typed three
ways is one name, a file from a newer version is named as such, an import says what it keeps,
and a plan left open past midnight marks what fell due."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timezone

import pytest
from playwright.sync_api import Page, expect

from pages import MEDIA, download, open_element, open_plan
from test_assessment_schema import sample

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("watch"), pytest.mark.slow]

PLAN = "self-assessment/plan/"
DATA = "self-assessment/data/"
JOSE = ["Jos\u00e9", "Jose\u0301", "Jos\u200b\u00e9"]  # NFC, NFD, with a zero-width space


def actions(page: Page):
    return page.locator("ol.tf-a-actions > li")


def new_action(page: Page, text: str = "Brief the press office"):
    before = actions(page).count()
    page.get_by_role("button", name="Add an action").click()
    row = actions(page).nth(before)
    expect(row.locator("textarea")).to_be_focused()
    page.keyboard.type(text)
    return row


def stored_actions(page: Page) -> list[dict]:
    return page.evaluate("() => TF.exportData()")["assessment"].get("actions", [])


def import_refused(page: Page, data: dict, tmp_path) -> str:
    file = tmp_path / "export.json"
    file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    page.goto(DATA)
    expect(page.locator("#tf-backup")).to_be_visible()
    page.get_by_label("Import a JSON export").set_input_files(str(file))
    message = page.locator("#tf-message")
    expect(message).to_contain_text("Import refused")
    expect(page.locator("dialog.tf-dialog")).to_have_count(0)
    return message.text_content()


# --- 11. every limit is shown or said ------------------------------------------------------------

def test_at_the_action_limit_both_add_buttons_say_why_nothing_was_added(page: Page):
    open_element(page, MEDIA)
    open_plan(page)
    limit = page.evaluate("() => TF.core.store.LIMITS.actions")
    # The assessment's other actions, on another element: this page stays short.
    page.evaluate("""(n) => { const s = TF.core.store, a = s.current();
        s.batch(() => { for (let k = 0; k < n; k++) s.addAction(a.id, 'leadership', 'Step ' + k, []); }); }""",
                  limit)
    assert len(stored_actions(page)) == limit
    page.get_by_role("button", name="Add an action").click()
    said = page.locator("#tf-actions-full")
    expect(said).to_be_visible()
    expect(said).to_contain_text(f"Not added: “Our assessment” already has {limit:,} actions")
    expect(actions(page)).to_have_count(0)
    page.reload()
    open_plan(page)
    expect(page.locator("#tf-actions-full")).to_have_count(0)
    page.locator("[id^=tf-check-]").first.check()  # a stage found: the next stage's steps show
    page.locator(".tf-a-steps li").first.get_by_role("button", name=re.compile("^Add as an action")).click()
    expect(page.locator("#tf-actions-full")).to_contain_text(f"already has {limit:,} actions")
    assert len(stored_actions(page)) == limit
    # Room again: the message goes, and the next add works.
    page.evaluate("""() => { const s = TF.core.store, a = s.current();
        s.setAction(a.id, s.actionsOf(a)[0].id, 'removed', 1); }""")
    expect(page.locator("#tf-actions-full")).to_have_count(0)
    new_action(page)
    expect(actions(page)).to_have_count(1)


def test_at_the_assessment_limit_new_and_duplicate_say_why_nothing_was_made(page: Page):
    page.goto(DATA)
    expect(page.locator("#tf-backup")).to_be_visible()
    limit = page.evaluate("() => TF.core.store.LIMITS.assessments")
    page.evaluate("""(n) => { const s = TF.core.store;
        s.batch(() => { while (s.assessments().length < n) s.create('Year ' + s.assessments().length); }); }""",
                  limit)
    for button, verb in (("New", "created"), ("Duplicate", "duplicated")):
        page.get_by_role("button", name=button, exact=True).first.click()
        dialog = page.locator("dialog.tf-dialog")
        dialog.get_by_role("button", name=re.compile("^(Create|Duplicate)$")).click()
        expect(page.locator("#tf-message")).to_have_text(
            f"Not {verb}: this browser already keeps {limit:,} assessments, the most it can. "
            "Delete one you no longer need first.")
    assert page.evaluate("() => TF.core.store.assessments().length") == limit


def test_an_action_text_pasted_past_its_limit_says_what_was_cut(page: Page):
    open_element(page, MEDIA)
    open_plan(page)
    row = new_action(page, "")
    limit = page.evaluate("() => TF.core.store.LIMITS.actionText")
    text = row.locator("textarea")
    text.fill("é" * (limit + 150))  # a paste: one input event
    expect(text).to_have_value("é" * limit)
    note = row.locator(".tf-a-limit")
    expect(note).to_be_visible()
    expect(note).to_contain_text(f"Cut at {limit:,} characters")
    expect(note).to_contain_text("the last 150 characters")
    assert stored_actions(page)[0]["text"] == "é" * limit
    text.fill("Shorter")
    expect(note).to_have_count(0)


def test_a_date_field_never_shows_one_date_while_another_is_saved(page: Page):
    open_element(page, MEDIA)
    open_plan(page)
    row = new_action(page)
    due = row.get_by_label("Due", exact=True)
    due.fill("2026-06-30")
    assert stored_actions(page)[0]["due"] == "2026-06-30"
    # A fifth digit typed in the year: Chromium's field takes it unless told the date's range.
    due.click()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.type("20261")
    shown = due.input_value()
    saved = stored_actions(page)[0]["due"]
    note = row.locator(".tf-a-limit")
    assert shown != "20261-06-30" or saved != "2026-06-30" or note.is_visible()
    if shown != saved:  # refused, and said
        expect(note).to_contain_text("Not saved")
        expect(note).to_contain_text("0001-01-01 to 9999-12-31")
    # A date with a part cleared is not saved as "no date" either.
    due.click()
    page.keyboard.press("Backspace")
    assert stored_actions(page)[0]["due"] == saved
    expect(note).to_contain_text("Not saved")


def test_an_import_with_a_date_no_field_can_show_is_refused_with_the_dates_kept(page: Page, roadmap, tmp_path):
    data = sample(roadmap)
    data["assessment"]["actions"][0]["due"] = "0000-01-01"
    said = import_refused(page, data, tmp_path)
    assert "assessment.actions[0].due" in said and "0001-01-01 to 9999-12-31" in said


# --- 12. text as people type it --------------------------------------------------------------------

def test_a_name_typed_three_ways_is_one_owner_in_the_filter_and_the_csv(page: Page):
    open_element(page, MEDIA)
    open_plan(page)
    for n, owner in enumerate(JOSE):
        row = new_action(page, f"Step {n}")
        field = row.get_by_label("Owner (a person, role or agency)")
        field.fill(owner)
        expect(field).to_have_value("Jos\u00e9")  # the field shows what is saved
    assert {a["owner"] for a in stored_actions(page)} == {"Jos\u00e9"}
    page.goto(PLAN)
    owners = page.locator("#tf-plan-owner option").all_text_contents()
    assert [o for o in owners if o.startswith("Jos")] == ["Jos\u00e9"], owners
    _, text = download(page, "Export CSV")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert {r["Owner"] for r in rows} == {"Jos\u00e9"}


def test_control_characters_pasted_into_an_action_never_reach_the_calendar_file(page: Page):
    open_element(page, MEDIA)
    open_plan(page)
    row = new_action(page, "")
    text = row.locator("textarea")
    text.fill("Brief\u000b the press\u001b[31m office")
    expect(text).to_have_value("Brief the press[31m office")
    row.get_by_label("Due", exact=True).fill("2026-06-30")
    page.goto(PLAN)
    _, ics = download(page, "Export calendar (.ics)")
    assert "SUMMARY:Due: Brief the press[31m office" in ics.replace("\r\n ", "")
    assert not [c for c in ics if c < " " and c not in "\r\n\t"]


def test_an_import_keeps_names_as_the_page_would_have_them_typed(page: Page, roadmap, tmp_path):
    data = sample(roadmap)
    a = data["assessment"]
    a["actions"][0]["owner"], a["actions"][1]["owner"] = JOSE[1], JOSE[2]
    a["actions"][1]["text"] = "Call the press\u000b office\u001b"
    file = tmp_path / "export.json"
    file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    page.goto(DATA)
    page.get_by_label("Import a JSON export").set_input_files(str(file))
    page.locator("dialog.tf-dialog").get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("#tf-message")).to_contain_text("Imported")
    kept = stored_actions(page)
    assert {x["owner"] for x in kept} == {"Jos\u00e9"}
    assert "Call the press office" in {x["text"] for x in kept}


# --- 13. messages ------------------------------------------------------------------------------------

def test_a_file_from_a_newer_version_says_so_and_what_to_do(page: Page, roadmap, tmp_path):
    data = sample(roadmap)
    data["schema"] = 3
    data["assessment"]["checklists"] = []  # a field this version has not met
    said = import_refused(page, data, tmp_path)
    assert "made by a newer version of this site" in said
    assert "current version" in said
    assert "must be 1 or" not in said and "unexpected field" not in said


def test_the_import_dialog_says_actions_for_elements_this_roadmap_lacks_are_kept(page: Page, roadmap, tmp_path):
    data = sample(roadmap)
    data["assessment"]["actions"][1]["element"] = "an-element-from-a-later-roadmap"
    file = tmp_path / "export.json"
    file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    page.goto(DATA)
    page.get_by_label("Import a JSON export").set_input_files(str(file))
    dialog = page.locator("dialog.tf-dialog")
    expect(dialog).to_contain_text(
        "1 action(s) are for elements this version of the roadmap does not have: they are kept")
    dialog.get_by_role("button", name="Import", exact=True).click()
    assert "an-element-from-a-later-roadmap" in {x["element"] for x in stored_actions(page)}


def test_a_plan_left_open_past_midnight_marks_what_fell_due(page: Page):
    page.goto(MEDIA)
    # Two minutes before local midnight on June 30, 2026, in the browser's own time zone.
    before = page.evaluate("() => new Date(2026, 5, 30, 23, 58).getTime()")
    page.clock.install(time=datetime.fromtimestamp(before / 1000, tz=timezone.utc))
    open_element(page, MEDIA)
    open_plan(page)
    row = new_action(page)
    row.get_by_label("Due", exact=True).fill("2026-06-30")
    assert stored_actions(page)[0]["due"] == "2026-06-30"
    for path, line in ((PLAN, "#tf-plan-count"), ("self-assessment/report/", "#tf-r-figures")):
        page.goto(path)
        count = page.locator(line).first
        expect(count).to_be_visible()
        expect(count).not_to_contain_text("overdue")
        page.clock.run_for(3 * 60_000)  # past midnight, nothing touched
        expect(count).to_contain_text("1 overdue")
        page.clock.set_system_time(datetime.fromtimestamp(before / 1000, tz=timezone.utc))

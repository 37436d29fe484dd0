"""The private self-assessment in a real Chromium: ticking, stages, notes, the dashboard, named
assessments, export and import, durability, storage failures, tabs, keyboard and accessibility.

Every test here runs under the site's real Content-Security-Policy and fails on any policy
violation or uncaught page error (see `watch`), and on any request leaving the machine (conftest).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pages import (DASHBOARD, FULL_WHEN_ASKED, HOLD, MEDIA, MISSION, axe, box, choose, dark, dialog_ok, download,
                   exported, open_dashboard, open_data, open_element, option, options)
from project import ROOT
from test_assessment_schema import bad_samples, sample

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("watch")]

def row(page: Page, element: str):
    return page.locator(f"tr[data-element='{element}']")


# --- element pages ------------------------------------------------------------------------------

def test_each_indicator_gets_a_checkbox_labelled_by_its_text(page: Page, roadmap):
    open_element(page, MISSION)
    element = roadmap.element("mission-statement")
    expect(page.locator("li[data-indicator] > input.tf-check[type=checkbox]")).to_have_count(len(element.indicators))
    for ind in element.indicators:
        checkbox = page.get_by_role("checkbox", name=ind.text[:60])
        expect(checkbox).to_have_count(1)
        expect(checkbox).to_have_attribute("id", f"tf-check-{ind.id}")
        expect(checkbox).to_have_accessible_description("true for our task force")
    expect(page.locator("#tf-hint")).to_have_count(1)
    expect(page.get_by_text("true for our task force")).to_have_count(1)  # once per page, not per box
    # The DOM contract and the reader's controls survive the enhancement.
    expect(page.locator("#mission-roles-connected a[href*='#cite-1']")).to_have_count(1)
    expect(page.locator("li[data-indicator] > .tf-copy")).to_have_count(len(element.indicators))
    panel = page.locator(".tf-assessment")
    expect(panel).to_be_visible()
    # The roadmap's own caution, quoted word for word from the rubric, not paraphrased.
    expect(panel).to_contain_text(f"The roadmap says: “{roadmap.front.planning_note}”")
    expect(panel).to_contain_text("ties go to the lower stage; nothing ticked means no suggestion")
    expect(panel.get_by_role("link", name="Open the dashboard")).to_have_attribute("href", re.compile(r"/self-assessment/$"))
    assert page.evaluate("() => performance.getEntriesByName('tf-checklist-ready').length") == 1


def test_ticks_stage_and_notes_survive_a_reload(page: Page):
    open_element(page, MISSION)
    box(page, "mission-clearly-written").check()
    page.get_by_text("true for our task force").click()  # the hint is not a control
    page.get_by_text("Task force leadership seeks input").click()  # the label ticks its box
    page.get_by_role("radio", name=re.compile("^Stage 4 ")).check()
    announced = page.locator(".tf-a-result p").first.element_handle()
    page.get_by_role("textbox", name="Notes on Mission Statement").fill("Revisit in June — “quotes”, <b>no html</b>")
    assert announced.evaluate("(e) => e.isConnected")  # typing notes does not re-announce the stage
    page.reload()
    expect(box(page, "mission-clearly-written")).to_be_checked()
    expect(box(page, "mission-input-sought")).to_be_checked()
    expect(box(page, "mission-no-shared-statement")).not_to_be_checked()
    expect(page.get_by_role("radio", name=re.compile("^Stage 4 "))).to_be_checked()
    expect(page.get_by_role("textbox", name="Notes on Mission Statement")).to_have_value(
        "Revisit in June — “quotes”, <b>no html</b>")
    expect(page.locator("#mission-clearly-written")).to_have_class(re.compile("tf-ticked"))
    data = exported(page)["assessment"]
    assert data["ticked"] == ["mission-clearly-written", "mission-input-sought"]
    assert data["elements"]["mission-statement"]["stage"] == 4


def test_the_suggestion_rule_through_the_page(page: Page):
    open_element(page, MISSION)
    panel = page.locator(".tf-assessment")
    expect(panel).to_contain_text("Suggested stage: none yet: nothing is ticked.")
    expect(panel).to_contain_text("Counted stage: not assessed yet.")
    expect(page.locator(".tf-a-choice input:checked")).to_have_accessible_name(re.compile("^Not yet assessed"))
    box(page, "mission-need-recognized").check()  # stage 2: 1 of 2
    box(page, "mission-clearly-written").check()  # stage 3: 1 of 3
    expect(panel).to_contain_text("Suggested stage: Stage 2 · Developing Structure & Organization (1 of 2 ticked).")
    expect(panel).to_contain_text("Counted stage: Stage 2 · Developing Structure & Organization (the suggestion")
    # What the stage question has selected is what is counted: the suggestion, by name.
    selected = page.locator(".tf-a-choice input:checked")
    expect(selected).to_have_accessible_name(
        re.compile(r"^Use the suggestion \(Stage 2 · Developing Structure & Organization\)"))
    expect(page.get_by_role("radio", name="Not yet assessed")).to_have_count(0)
    box(page, "mission-no-shared-statement").check()  # stage 1: 1 of 2, a tie with stage 2
    expect(panel).to_contain_text("Suggested stage: Stage 1 ·")
    for checkbox in page.locator(".tf-check").all():
        checkbox.check()
    expect(panel).to_contain_text("Suggested stage: Stage 1 · Creating a Foundation & Getting Started (2 of 2 ticked).")
    expect(page.get_by_role("radio", name=re.compile(r"^Stage 5 .*\(3 of 3 ticked\)"))).to_have_count(1)
    page.get_by_role("radio", name="Not applicable").check()
    expect(panel).to_contain_text("Counted stage: Not applicable: counts as assessed, with no stage.")
    expect(panel).to_contain_text("no next stage")
    open_dashboard(page)
    expect(row(page, "mission-statement")).to_have_attribute("data-stage", "")
    expect(row(page, "mission-statement")).to_have_attribute("data-status", "na")
    expect(page.locator("#tf-progress")).to_contain_text("1 of 23 elements assessed")


def test_what_the_next_stage_looks_like_lists_its_unticked_indicators(page: Page, roadmap):
    open_element(page, MISSION)
    steps = page.locator(".tf-a-steps")
    expect(steps).to_have_text("Tick indicators or choose a stage to see what the next stage looks like.")
    box(page, "mission-need-recognized").check()
    box(page, "mission-input-sought").check()  # stage 2 fully ticked: suggested 2
    box(page, "mission-clearly-written").check()  # stage 3: 1 of 3
    stage3 = [i for i in roadmap.element("mission-statement").indicators if i.stage == 3]
    links = steps.get_by_role("link")
    expect(links).to_have_count(2)
    expect(links).to_have_text([i.text for i in stage3 if i.id != "mission-clearly-written"])
    expect(steps).to_contain_text("What Stage 3 · Institutionalizing looks like, not yet ticked")
    links.first.click()
    expect(page).to_have_url(re.compile(f"#{stage3[1].id}$"))
    page.get_by_role("radio", name=re.compile("^Stage 5 ")).check()
    expect(steps).to_have_text("Stage 5 is the last stage: keep evaluating and evolving.")
    page.get_by_role("radio", name=re.compile("^Stage 4 ")).check()
    expect(steps.get_by_role("link")).to_have_count(3)  # none of stage 5 is ticked


# --- instant navigation and tabs ----------------------------------------------------------------

def test_instant_navigation_keeps_the_page_alive_and_the_checklist_working(page: Page, roadmap):
    open_element(page, MISSION)
    box(page, "mission-clearly-written").check()
    page.evaluate("() => { window.__marker = 'still here'; }")
    # At 1280 px an element page's navigation is a drawer (test_navigation.py): the pager leads on here.
    page.locator(".tf-pager a[rel=next]", has_text="Guiding Principles").click()
    expect(page).to_have_url(re.compile(r"/guiding-principles/$"))
    expect(page.locator(".tf-assessment")).to_contain_text("Which stage fits Guiding Principles best?")
    assert page.evaluate("() => window.__marker") == "still here"  # no full page load happened
    guiding = roadmap.element("guiding-principles")
    expect(page.locator(".tf-check")).to_have_count(len(guiding.indicators))
    expect(page.locator("#tf-hint")).to_have_count(1)
    first = guiding.indicators[0]
    box(page, first.id).check()
    expect(page.locator(".tf-assessment")).to_contain_text("Suggested stage: Stage 1")
    page.get_by_role("link", name="Open the dashboard").click()
    expect(page.locator("tr[data-element]")).to_have_count(23)
    assert page.evaluate("() => window.__marker") == "still here"
    expect(row(page, "guiding-principles")).to_have_attribute("data-stage", "1")
    expect(row(page, "mission-statement")).to_have_attribute("data-stage", "3")
    page.go_back()
    expect(box(page, first.id)).to_be_checked()
    assert page.evaluate("() => window.__marker") == "still here"


@pytest.mark.slow
def test_two_tabs_lose_no_tick(context: BrowserContext):
    one, two = context.new_page(), context.new_page()
    two.add_init_script(HOLD)
    for tab in (one, two):
        open_element(tab, MISSION)
    # Tab two goes deaf, so it acts on a stale copy: the case a whole-document write would lose.
    two.evaluate("() => { window.__hold = true; }")
    box(one, "mission-clearly-written").check()
    two.wait_for_function("() => window.__held > 0")
    expect(box(two, "mission-clearly-written")).not_to_be_checked()  # it really did not hear
    box(two, "mission-input-sought").check()
    two.get_by_role("textbox", name="Notes on Mission Statement").fill("from tab two")
    two.evaluate("() => { window.__hold = false; }")
    for tab in (one, two):
        for ind in ("mission-clearly-written", "mission-input-sought"):
            expect(box(tab, ind)).to_be_checked()
    expect(one.get_by_role("textbox", name="Notes on Mission Statement")).to_have_value("from tab two")
    # And while both listen, a change in one shows in the other.
    box(two, "mission-clearly-written").uncheck()
    expect(box(one, "mission-clearly-written")).not_to_be_checked()
    one.get_by_role("radio", name=re.compile("^Stage 2 ")).check()
    expect(two.get_by_role("radio", name=re.compile("^Stage 2 "))).to_be_checked()
    three = context.new_page()
    open_element(three, MISSION)
    assert exported(three)["assessment"]["ticked"] == ["mission-input-sought"]
    assert exported(three)["assessment"]["elements"]["mission-statement"]["notes"] == "from tab two"


# --- dashboard ----------------------------------------------------------------------------------

def test_dashboard_shows_stages_heatmap_summary_next_steps_and_notes(page: Page, roadmap):
    open_element(page, MISSION)
    page.get_by_role("radio", name=re.compile("^Stage 2 ")).check()
    box(page, "mission-need-recognized").check()
    page.get_by_role("textbox", name="Notes on Mission Statement").fill("Line one\nLine two <script>")
    open_element(page, MEDIA)
    media = roadmap.element("media")
    for ind in [i for i in media.indicators if i.stage == 3]:
        box(page, ind.id).check()
    open_dashboard(page)
    expect(page.locator("#tf-progress")).to_contain_text("2 of 23 elements assessed")
    expect(page.locator("#tf-progress")).to_contain_text("3 of 295 indicators ticked")
    for element in roadmap.elements:
        expect(row(page, element.id)).to_have_count(1)
    mission, media_row = row(page, "mission-statement"), row(page, "media")
    expect(mission).to_have_attribute("data-stage", "2")
    expect(mission).to_have_attribute("data-status", "chosen")
    expect(media_row).to_have_attribute("data-stage", "3")
    expect(media_row).to_have_attribute("data-status", "suggested")
    expect(row(page, "outreach")).to_have_attribute("data-stage", "")
    expect(mission.locator("td.tf-heat__cell")).to_have_text(["0/2", "1/2", "0/3", "0/2", "0/3"])
    expect(mission.locator("td.tf-counted")).to_have_text("1/2")
    expect(media_row.locator("td.tf-heat__cell.tf-h5")).to_have_text("2/2")
    expect(media_row).to_contain_text("suggested")
    expect(page.locator(".tf-d-summary[data-area='internal-foundations']")).to_have_text(
        "1 of 10 assessed · Stage 2: 1")  # stages no element is at go unsaid
    # The notes, as text; the next stage's lists are on each element's page, a click away.
    notes = page.locator("[data-notes='mission-statement']")
    expect(notes.locator(".tf-d-notes")).to_have_text("Line one\nLine two <script>")
    expect(notes.get_by_role("link", name="Mission Statement")).to_have_attribute("href", re.compile("#tf-notes$"))
    expect(page.locator("[data-notes]")).to_have_count(1)
    assert page.locator("#tf-dashboard script").count() == 0
    assert page.evaluate("() => performance.getEntriesByName('tf-dashboard-drawn').length") == 1


def test_named_assessments_and_comparison(page: Page):
    open_element(page, MISSION)
    box(page, "mission-need-recognized").check()
    page.get_by_role("radio", name=re.compile("^Stage 2 ")).check()
    open_data(page)  # the picker, and the comparison
    picker = page.get_by_role("combobox", name="Assessment", exact=True)
    expect(picker.locator("option")).to_have_text(options(["Our assessment"]))
    expect(page.locator("#tf-compare ~ p").first).to_contain_text("second assessment")

    page.get_by_role("button", name="Duplicate").click()
    dialog_ok(page, "Duplicate", "2027 review")
    expect(picker.locator("option")).to_have_text(options(["Our assessment", "2027 review"]))
    expect(picker.locator("option:checked")).to_have_text(option("2027 review"))
    page.get_by_role("link", name="Self-assessment", exact=True).first.click()  # the dashboard
    expect(row(page, "mission-statement")).to_have_attribute("data-stage", "2")  # copied

    page.get_by_role("link", name="Mission Statement", exact=True).first.click()
    box(page, "mission-clearly-written").check()
    box(page, "mission-need-recognized").uncheck()
    page.get_by_role("radio", name=re.compile("^Stage 3 ")).check()
    page.get_by_role("link", name="Open the dashboard").click()

    page.get_by_role("button", name="Rename").click()
    dialog_ok(page, "Rename", "2027 annual review")
    expect(picker.locator("option:checked")).to_have_text(option("2027 annual review"))
    page.get_by_role("link", name="Snapshots and comparison").click()

    expect(page.get_by_role("combobox", name="From", exact=True).locator("option:checked")).to_have_text(option("Our assessment"))
    expect(page.get_by_role("combobox", name="To", exact=True).locator("option:checked")).to_have_text(option("2027 annual review"))
    comparison = page.locator("#tf-comparison")
    expect(comparison).to_contain_text("1 of 23 elements differ")
    change = comparison.locator("[data-compare='mission-statement']")
    expect(change).to_contain_text("Stage 2 · Developing Structure & Organization → Stage 3 · Institutionalizing (up 1).")
    expect(change).to_contain_text("Indicators gained (1):")
    expect(change).to_contain_text("The task force's mission statement is clearly written")
    expect(change).to_contain_text("Indicators lost (1):")
    expect(change).to_contain_text("Members understand the need for a mission statement")
    choose(page.get_by_role("combobox", name="From", exact=True), "2027 annual review")
    choose(page.get_by_role("combobox", name="To", exact=True), "Our assessment")
    expect(change).to_contain_text("(down 1)")

    page.get_by_role("button", name="New").click()
    dialog_ok(page, "Create", "Scratch")
    expect(picker.locator("option")).to_have_text(options(["Our assessment", "2027 annual review", "Scratch"]))
    assert page.evaluate("() => TF.exportData()")["assessment"]["ticked"] == []

    choose(picker, "Our assessment")
    assert page.evaluate("() => TF.exportData()")["assessment"]["elements"]["mission-statement"]["stage"] == 2
    choose(picker, "Scratch")
    page.get_by_role("button", name="Delete", exact=True).click()
    page.locator("dialog.tf-dialog").get_by_role("button", name="Cancel").click()
    expect(picker.locator("option")).to_have_count(3)
    page.get_by_role("button", name="Delete", exact=True).click()
    expect(page.locator("dialog.tf-dialog")).to_contain_text("removed from this browser. You can undo this")
    dialog_ok(page, "Delete")
    expect(picker.locator("option")).to_have_text(options(["Our assessment", "2027 annual review"]))
    expect(page.locator("#tf-message")).to_have_text("Deleted “Scratch”.")
    page.reload()
    expect(picker.locator("option")).to_have_text(options(["Our assessment", "2027 annual review"]))
    expect(picker.locator("option:checked")).to_have_text(option("Our assessment"))
    assert "Scratch" not in page.evaluate("() => localStorage.getItem(TF.key)")  # really gone


# --- export and import --------------------------------------------------------------------------

def fill_in(page: Page):
    open_element(page, MISSION)
    for ind in ("mission-need-recognized", "mission-input-sought", "mission-clearly-written"):
        box(page, ind).check()
    page.get_by_role("radio", name=re.compile("^Stage 2 ")).check()
    page.get_by_role("textbox", name="Notes on Mission Statement").fill('=SUM(A1:A9), "quoted"\nsecond line, ünïcödé')
    open_element(page, MEDIA)
    page.get_by_role("radio", name="Not applicable").check()


def test_export_then_import_restores_exactly(page: Page, tmp_path: Path, roadmap):
    from jsonschema import Draft202012Validator
    fill_in(page)
    open_data(page)
    expect(page.locator(".tf-d-status")).to_contain_text("Not exported yet")
    name, text = download(page, "Export JSON")
    assert re.fullmatch(r"self-assessment-our-assessment-\d{4}-\d{2}-\d{2}\.json", name)
    data = json.loads(text)
    schema = json.loads((ROOT / "docs" / "assessment.schema.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    assert data["rubric"] == roadmap.version and data["schema"] == 2
    assert data["assessment"]["elements"]["media"]["stage"] == "na"
    expect(page.locator(".tf-d-status")).to_contain_text("Last exported")
    expect(page.locator(".tf-d-status")).not_to_contain_text("changed answers since")
    before = exported(page)

    open_element(page, MISSION)  # change everything
    box(page, "mission-clearly-written").uncheck()
    box(page, "mission-periodic-review").check()
    page.get_by_role("radio", name=re.compile(r"^Use the suggestion")).check()
    page.get_by_role("textbox", name="Notes on Mission Statement").fill("changed")
    open_data(page)
    expect(page.locator(".tf-d-status")).to_contain_text("You have changed answers since: export again")
    assert exported(page) != before

    file = tmp_path / name
    file.write_text(text, encoding="utf-8")
    page.get_by_label("Import a JSON export").set_input_files(str(file))
    dialog = page.locator("dialog.tf-dialog")
    expect(dialog).to_contain_text("Replace “Our assessment” with the file?")
    expect(dialog).to_contain_text("1 newly ticked, 1 unticked")
    expect(dialog).to_contain_text("Mission Statement (Not yet assessed → Stage 2")
    expect(dialog).to_contain_text("Notes change on 1 element(s): Mission Statement")
    dialog_ok(page, "Replace")
    expect(page.locator("#tf-message")).to_contain_text("Imported “Our assessment”")
    assert exported(page) == before
    expect(page.locator(".tf-d-status")).not_to_contain_text("changed answers since")
    page.reload()
    assert exported(page) == before
    open_element(page, MISSION)
    expect(box(page, "mission-clearly-written")).to_be_checked()
    expect(box(page, "mission-periodic-review")).not_to_be_checked()

    # A colleague's (another id, created at another moment) arrives as a new assessment beside the first.
    data["assessment"].update(id="from-a-colleague", name="Colleague's view", created="2025-06-01T09:00:00.000Z")
    other = tmp_path / "colleague.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    open_data(page)
    page.get_by_label("Import a JSON export").set_input_files(str(other))
    expect(page.locator("dialog.tf-dialog")).to_contain_text("Adds a new assessment “Colleague's view” with 3 ticked indicator(s)")
    dialog_ok(page, "Import")
    expect(page.get_by_role("combobox", name="Assessment", exact=True).locator("option")).to_have_text(
        options(["Colleague's view", "Our assessment"]))  # oldest first


def test_a_bad_import_is_refused_and_changes_nothing(page: Page, tmp_path: Path):
    fill_in(page)
    open_data(page)
    saved = page.evaluate("() => localStorage.getItem(TF.key)")
    files = {
        "notes.txt": ("this is not json", "is not valid JSON"),
        "other.json": ('{"hello": "world"}', 'format: must be "tf-roadmap-assessment"'),
        "stage.json": (None, 'assessment.elements.mission-statement.stage: must be 1 to 5, "na" or null'),
        "list.json": ("[1, 2]", "does not hold a JSON object"),
    }
    good = page.evaluate("() => TF.exportData()")
    for name, (text, reason) in files.items():
        if text is None:
            bad = json.loads(json.dumps(good))
            bad["assessment"]["elements"]["mission-statement"]["stage"] = 7
            text = json.dumps(bad)
        (tmp_path / name).write_text(text, encoding="utf-8")
        page.get_by_label("Import a JSON export").set_input_files(str(tmp_path / name))
        message = page.locator("#tf-message")
        expect(message).to_contain_text(f"Import refused: “{name}”")
        expect(message).to_contain_text(reason)
        expect(message).to_contain_text("Nothing was changed.")
        expect(page.locator("dialog.tf-dialog")).to_have_count(0)
        assert page.evaluate("() => localStorage.getItem(TF.key)") == saved
    # Valid, but the user says no: still nothing changes.
    good["assessment"]["ticked"] = []
    (tmp_path / "fine.json").write_text(json.dumps(good), encoding="utf-8")
    page.get_by_label("Import a JSON export").set_input_files(str(tmp_path / "fine.json"))
    page.locator("dialog.tf-dialog").get_by_role("button", name="Cancel").click()
    expect(page.locator("#tf-message")).to_have_text("Import cancelled. Nothing was changed.")
    assert page.evaluate("() => localStorage.getItem(TF.key)") == saved


def test_the_browser_checks_refuse_what_the_schema_refuses(page: Page, roadmap):
    from jsonschema import Draft202012Validator
    schema = Draft202012Validator(json.loads((ROOT / "docs" / "assessment.schema.json").read_text(encoding="utf-8")))
    open_element(page, MISSION)
    good = sample(roadmap)
    assert page.evaluate("(d) => TF.validate(d)", good) == []
    verdicts = page.evaluate("(docs) => docs.map((d) => TF.validate(d))", bad_samples(roadmap))
    assert all(verdicts), [i for i, v in enumerate(verdicts) if not v]
    # Where regex engines differ (a final newline, odd spaces, prototype names), both agree.
    edges = []
    for where, value in [("id", "first\n"), ("name", "\x1c"), ("name", "\u3000"), ("name", " \t"),
                         ("created", "2026-02-27T09:00:00Z\n"), ("ticked", ["constructor"]),
                         ("ticked", ["mission-clearly-written\n"]), ("elements", {"constructor": {"stage": 1, "notes": ""}}),
                         ("elements", {"__proto__": {"stage": 1, "notes": ""}})]:
        doc = json.loads(json.dumps(good))
        doc["assessment"][where] = value
        edges.append(json.dumps(doc))
    judged = page.evaluate("(docs) => docs.map((t) => TF.validate(JSON.parse(t)).length === 0)", edges)
    assert judged == [schema.is_valid(json.loads(t)) for t in edges]
    assert judged == [False, True, True, False, False, True, False, True, False]


def test_csv_has_a_row_per_element_and_per_indicator_and_is_spreadsheet_safe(page: Page, roadmap):
    fill_in(page)
    open_data(page)
    name, text = download(page, "Export CSV")
    assert name.endswith(".csv")
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["Row", "Area", "Element id", "Element"] and "Notes" in header
    col = {h: n for n, h in enumerate(header)}
    elements = [r for r in body if r[0] == "element"]
    indicators = [r for r in body if r[0] == "indicator"]
    assert [r[col["Element id"]] for r in elements] == [e.id for e in roadmap.elements]
    assert len(indicators) == len(roadmap.indicators)
    mission = next(r for r in elements if r[col["Element id"]] == "mission-statement")
    assert mission[col["Chosen stage"]] == "2" and mission[col["Counted stage"]] == "2"
    assert mission[col["Suggested stage"]] == "2"
    # Formula injection guarded; commas, quotes and line breaks survive quoting.
    assert mission[col["Notes"]] == "'" + '=SUM(A1:A9), "quoted"\nsecond line, ünïcödé'
    media = next(r for r in elements if r[col["Element id"]] == "media")
    assert media[col["Chosen stage"]] == "N/A" and media[col["Counted stage"]] == "N/A"
    ticked = {r[col["Indicator id"]] for r in indicators if r[col["True for our task force"]] == "yes"}
    assert ticked == {"mission-need-recognized", "mission-input-sought", "mission-clearly-written"}
    first = next(r for r in indicators if r[col["Indicator id"]] == roadmap.indicators[0].id)
    assert first[col["Indicator"]] == roadmap.indicators[0].text
    assert all(not c.startswith(("=", "+", "-", "@")) for r in rows for c in r)


# --- content versions ---------------------------------------------------------------------------

@pytest.mark.slow
def test_answers_from_another_roadmap_version_are_kept_and_flagged(page: Page, tmp_path: Path, roadmap):
    old = sample(roadmap)
    old["rubric"] = "0123456789ab"
    old["assessment"]["elements"]["mission-statement"]["reviewed"] = "00000000aa"  # answered against other text
    old["assessment"]["elements"]["a-retired-element"] = {"stage": 3, "notes": "kept?"}
    old["assessment"]["elements"]["constructor"] = {"stage": 1, "notes": ""}  # a name objects inherit
    file = tmp_path / "old.json"
    file.write_text(json.dumps(old), encoding="utf-8")
    open_data(page)
    page.get_by_label("Import a JSON export").set_input_files(str(file))
    dialog = page.locator("dialog.tf-dialog")
    expect(dialog).to_contain_text("another version of the roadmap")
    expect(dialog).to_contain_text("3 answer(s) refer to indicators or elements this version of the roadmap does not have")
    dialog_ok(page, "Import")
    open_dashboard(page)
    kept = page.locator("#tf-kept")
    expect(kept).to_contain_text("indicator “an-indicator-from-an-older-roadmap”: ticked")
    expect(kept).to_contain_text("element “a-retired-element”: Stage 3 · Institutionalizing, with notes")
    expect(kept).to_contain_text("element “constructor”: Stage 1")
    expect(page.locator("#tf-review")).to_contain_text("Mission Statement")
    expect(page.locator("#tf-review li")).to_have_count(1)
    expect(row(page, "mission-statement")).to_contain_text("(review)")
    page.locator("#tf-review").get_by_role("link", name="Mission Statement").click()
    panel = page.locator(".tf-assessment")
    expect(panel).to_contain_text("this element's indicators changed in the roadmap")
    page.get_by_role("button", name="I have reviewed this element").click()
    expect(panel).not_to_contain_text("this element's indicators changed")
    open_dashboard(page)
    expect(page.locator("#tf-review")).to_have_count(0)
    expect(page.locator("#tf-kept")).to_be_visible()  # never dropped
    data = exported(page)["assessment"]
    assert "an-indicator-from-an-older-roadmap" in data["ticked"]
    assert data["elements"]["a-retired-element"] == {"stage": 3, "notes": "kept?"}
    assert data["elements"]["constructor"] == {"stage": 1, "notes": ""}
    open_data(page)
    _, text = download(page, "Export CSV")
    assert "an-indicator-from-an-older-roadmap" in text


# --- durability and storage ---------------------------------------------------------------------

@pytest.mark.slow
def test_first_save_asks_for_persistent_storage(page: Page):
    page.add_init_script("""(() => {
      window.__persistCalls = 0;
      const s = navigator.storage;
      s.persist = () => { window.__persistCalls++; return Promise.resolve(false); };
      s.persisted = () => Promise.resolve(false);
    })()""")
    open_element(page, MISSION)
    assert page.evaluate("() => window.__persistCalls") == 0  # looking saves nothing
    assert page.evaluate("() => localStorage.getItem(TF.key)") is None
    box(page, "mission-clearly-written").check()
    box(page, "mission-input-sought").check()
    assert page.evaluate("() => window.__persistCalls") == 1
    open_dashboard(page)
    expect(page.locator(".tf-d-status")).to_contain_text("may clear the site's storage when space runs low")


@pytest.mark.slow
def test_blocked_storage_still_works_and_says_so(page: Page):
    page.add_init_script("""Object.defineProperty(window, 'localStorage', {
      configurable: true, get() { throw new DOMException('blocked by test', 'SecurityError'); } });""")
    open_element(page, MISSION)
    expect(page.locator(".tf-assessment")).to_contain_text("Storage is blocked in this browser")
    expect(page.locator(".tf-a-status")).to_contain_text("not saved: this browser blocks storage")
    box(page, "mission-clearly-written").check()
    expect(page.locator(".tf-assessment")).to_contain_text("Suggested stage: Stage 3")
    page.get_by_role("link", name="Open the dashboard").click()  # instant navigation keeps memory
    expect(row(page, "mission-statement")).to_have_attribute("data-stage", "3")
    expect(page.locator(".tf-d-status")).to_contain_text("Storage is blocked")
    page.get_by_role("link", name="Export and import").click()  # instant navigation again
    name, text = download(page, "Export JSON")
    assert json.loads(text)["assessment"]["ticked"] == ["mission-clearly-written"]
    page.goto(DASHBOARD)  # nothing saved: the start guide, no heatmap
    expect(page.locator("#tf-start")).to_be_visible()
    expect(row(page, "mission-statement")).to_have_count(0)


@pytest.mark.slow
def test_full_storage_says_the_change_was_not_saved(page: Page):
    page.add_init_script(FULL_WHEN_ASKED)
    open_element(page, MISSION)
    page.evaluate("() => { window.__full = true; }")
    box(page, "mission-clearly-written").check()
    expect(page.locator(".tf-assessment")).to_contain_text("Your last change could not be saved")
    expect(page.locator(".tf-assessment")).to_contain_text("Suggested stage: Stage 3")  # still works
    page.evaluate("() => { window.__full = false; }")
    box(page, "mission-input-sought").check()
    expect(page.locator(".tf-assessment")).not_to_contain_text("could not be saved")
    page.reload()
    expect(box(page, "mission-clearly-written")).to_be_checked()  # saved with the next change


def test_session_only_mode_keeps_nothing_in_local_storage_and_wipes_in_one_click(page: Page):
    open_element(page, MISSION)
    box(page, "mission-clearly-written").check()
    saved = page.evaluate("() => localStorage.getItem(TF.key)")
    open_data(page)
    page.get_by_role("button", name="Use this session only").click()
    dialog_ok(page, "Use this session only")
    expect(page.locator(".tf-d-status")).to_contain_text("this session only, in every tab of this site: wiped when you close them")
    open_dashboard(page)
    expect(page.locator("#tf-start")).to_be_visible()  # nothing assessed yet
    open_element(page, MISSION)
    expect(page.locator(".tf-a-status")).to_contain_text("this session only")
    expect(box(page, "mission-clearly-written")).not_to_be_checked()
    box(page, "mission-periodic-review").check()
    page.reload()
    expect(box(page, "mission-periodic-review")).to_be_checked()  # a reload keeps the session
    assert page.evaluate("() => localStorage.getItem(TF.key)") == saved  # nothing written there
    assert "mission-periodic-review" in page.evaluate("() => sessionStorage.getItem(TF.key)")
    page.get_by_role("button", name="Wipe now").click()  # one click, no question
    expect(box(page, "mission-periodic-review")).not_to_be_checked()
    assert "mission-periodic-review" not in page.evaluate("() => sessionStorage.getItem(TF.key)")
    open_data(page)
    page.get_by_role("button", name="Stop session-only mode").click()
    dialog_ok(page, "Save in this browser")
    expect(page.locator(".tf-d-status")).to_contain_text("saved in this browser only")
    assert page.evaluate("() => sessionStorage.getItem(TF.key)") is None
    choose(page.get_by_role("combobox", name="Assessment", exact=True), "Our assessment")
    open_dashboard(page)
    expect(row(page, "mission-statement")).to_have_attribute("data-stage", "3")


@pytest.mark.slow
def test_delete_everything_empties_storage_in_every_tab(context: BrowserContext):
    one, two = context.new_page(), context.new_page()
    open_element(one, MISSION)
    box(one, "mission-clearly-written").check()
    open_dashboard(two)
    expect(row(two, "mission-statement")).to_have_attribute("data-stage", "3")
    two.get_by_role("link", name="Session-only mode and deleting").click()
    two.get_by_role("button", name="Delete everything saved here").click()
    dialog_ok(two, "Delete everything")
    # The dialog closes before its answer is acted on: the message says the wipe is done.
    expect(two.locator("#tf-message")).to_have_text("Everything saved here was deleted.")
    open_dashboard(two)
    expect(two.locator("#tf-start")).to_be_visible()  # back to the first visit's guide
    assert two.evaluate("() => localStorage.getItem(TF.key)") is None
    expect(box(one, "mission-clearly-written")).not_to_be_checked()  # the other tab let go too
    assert one.evaluate("() => localStorage.getItem(TF.key)") is None


# --- the offline edition (file://) ----------------------------------------------------------------

@pytest.mark.xdist_group("offline")  # on the worker that builds the offline edition for test_offline
def test_the_offline_edition_saves_and_links_from_a_folder(page: Page, offline: Path):
    page.goto((offline / "internal-foundations" / "meetings.html").as_uri())
    page.locator("li[data-indicator] input.tf-check").first.check()
    link = page.get_by_role("link", name="Open the dashboard")
    expect(link).to_have_attribute("href", (offline / "self-assessment.html").as_uri())
    link.click()
    expect(row(page, "meetings")).to_have_attribute("data-stage", "1")
    hrefs = page.locator("#tf-dashboard a[href^='file:']").evaluate_all("(as) => as.map((a) => a.href)")
    assert len(hrefs) > 30  # 23 elements, 4 areas, the other tools (the data page's included)
    for href in set(h.split("#")[0] for h in hrefs):
        assert Path(href.removeprefix("file://")).is_file(), href


# --- keyboard, small screens, print, no JavaScript, accessibility -------------------------------

def focus_next(page: Page, predicate: str, limit: int = 80) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const e = document.activeElement; return {predicate}; }}"):
            return page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
                return {outline: s.outlineStyle, width: s.outlineWidth}; }""")
    raise AssertionError(f"Tab never reached {predicate}")


def test_keyboard_only(page: Page):
    open_element(page, MISSION)
    style = focus_next(page, "e.classList.contains('tf-check')")
    assert style["outline"] != "none" and style["width"] != "0px", style
    page.keyboard.press("Space")
    expect(box(page, "mission-no-shared-statement")).to_be_checked()
    focus_next(page, "e.name === 'tf-choice'")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name=re.compile("^Stage 2 "))).to_be_checked()
    focus_next(page, "e.id === 'tf-notes'", 5)
    page.keyboard.type("typed by keyboard")
    page.reload()
    expect(page.get_by_role("textbox", name="Notes on Mission Statement")).to_have_value("typed by keyboard")
    expect(page.get_by_role("radio", name=re.compile("^Stage 2 "))).to_be_checked()

    open_dashboard(page)
    focus_next(page, "e.dataset.k === 'new'")
    page.keyboard.press("Enter")
    expect(page.locator("dialog.tf-dialog")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("dialog.tf-dialog")).to_have_count(0)
    assert page.evaluate("() => document.activeElement.dataset.k") == "new"  # focus came back
    page.keyboard.press("Enter")
    page.keyboard.press("Control+A")
    page.keyboard.type("Keyboard review")
    page.keyboard.press("Enter")
    expect(page.get_by_role("combobox", name="Assessment", exact=True).locator("option:checked")).to_have_text(option("Keyboard review"))


def test_small_screen_has_no_sideways_scroll(page: Page, screenshots: Path):
    page.set_viewport_size({"width": 360, "height": 760})
    fill_in(page)
    open_element(page, MISSION)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    page.screenshot(path=screenshots / "assessment-element-360.png", full_page=True)
    open_dashboard(page)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    page.screenshot(path=screenshots / "assessment-dashboard-360.png", full_page=True)


@pytest.mark.slow
def test_the_dashboard_prints_with_its_heatmap(page: Page, screenshots: Path):
    fill_in(page)
    open_dashboard(page)
    page.emulate_media(media="print")
    expect(page.locator(".tf-d-printinfo")).to_be_visible()
    for hidden in (".tf-d-bar", ".tf-d-status", "#tf-compare", "#tf-backup", "#tf-storage"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator("table.tf-heat")).to_have_count(4)
    cell = row(page, "media").locator("td.tf-heat__cell").first
    assert cell.evaluate("e => getComputedStyle(e).printColorAdjust") == "exact"
    filled = row(page, "mission-statement").locator("td.tf-h5")
    assert filled.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator(".tf-tool-page a").first.evaluate("a => getComputedStyle(a, '::after').content") in ("none", "normal")
    pdf = page.pdf(path=str(screenshots / "assessment-dashboard.pdf"), format="Letter")
    assert pdf[:4] == b"%PDF"


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_without_javascript_the_page_reads_as_before(page: Page, roadmap):
    page.goto(MISSION)
    element = roadmap.element("mission-statement")
    expect(page.locator("li[data-indicator]")).to_have_count(len(element.indicators))
    # The boxes are in the page, for the checklist's code to bind; without it nothing could save.
    expect(page.locator("input[type=checkbox].tf-check")).to_have_count(len(element.indicators))
    expect(page.locator("input[type=checkbox].tf-check:visible")).to_have_count(0)
    expect(page.locator(".tf-a-hint")).to_be_hidden()  # written at build time, shown only with JS
    expect(page.locator(".tf-assessment")).to_be_hidden()
    page.goto(DASHBOARD)
    expect(page.locator("article")).to_contain_text("needs JavaScript")
    expect(page.get_by_role("button", name="Import a file")).to_be_hidden()
    page.goto("self-assessment/team/")  # its picker is in the page, for the code to take
    expect(page.locator("article")).to_contain_text("needs JavaScript")
    expect(page.locator("#tf-team-files")).to_be_hidden()
    expect(page.locator("#tf-team-empty")).to_be_hidden()


# axe-core is injected as an inline script, which the site's CSP rightly refuses: these two tests
# run in a context that bypasses the policy (every other test here runs under it).
@pytest.mark.browser_context_args(bypass_csp=True)
def test_axe_finds_nothing_on_an_element_page_with_the_panel(page: Page):
    open_element(page, MISSION)
    box(page, "mission-clearly-written").check()
    page.get_by_role("radio", name=re.compile("^Stage 2 ")).check()
    assert axe(page) == []
    dark(page)
    assert axe(page) == []


@pytest.mark.browser_context_args(bypass_csp=True)
def test_axe_finds_nothing_on_the_pages_that_wait_for_their_code(page: Page):
    page.set_viewport_size({"width": 390, "height": 844})
    # The dashboard's first visit (its start guide; the tools are a screen down) and the team
    # page's picker, before the code arrives.
    for path in (DASHBOARD, "self-assessment/team/"):
        page.goto(path)
        assert page.evaluate("() => typeof TF") == "undefined"  # as written at build time
        assert axe(page) == []


@pytest.mark.browser_context_args(bypass_csp=True)
def test_axe_finds_nothing_on_the_dashboard(page: Page):
    fill_in(page)
    open_data(page)  # the comparison is there; the dashboard's summary is checked after
    page.get_by_role("button", name="Duplicate").click()
    dialog_ok(page, "Duplicate", "Second")
    expect(page.locator("#tf-comparison")).to_be_visible()
    assert axe(page) == []
    page.get_by_role("button", name="Rename").click()  # the open dialog too
    expect(page.locator("dialog.tf-dialog")).to_be_visible()
    assert axe(page) == []
    page.keyboard.press("Escape")
    dark(page)
    assert axe(page) == []
    open_dashboard(page)  # the summary, in the dark palette the toggle kept
    expect(page.locator("tr[data-element]")).to_have_count(23)
    assert axe(page) == []

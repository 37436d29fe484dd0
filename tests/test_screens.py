"""Every screen a coordinator uses, as a coordinator uses it (issue 24, sections 2, 3 and 5): the
dashboard as a summary of a fully assessed task force, its tools one click away on the data page
(old addresses included), the plan and the report at laptop width, on a phone and on paper, and
dates that read one way and never break across lines."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from pages import DASHBOARD, MISSION, dialog_ok, download, open_dashboard, quick
from taskforce_roadmap.checklist import element_signature

pytestmark = pytest.mark.usefixtures("watch")

DATA = "self-assessment/data/"
PLAN = "self-assessment/plan/"
REPORT = "self-assessment/report/"
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
OWNERS = ["María José Núñez, Coordinator", "Sgt. R. Okafor", "Victim services (A. Lee)", ""]
STATUSES = ["not-started", "in-progress", "done", "dropped"]


def full_task_force(roadmap, today: date) -> dict:
    """An export of a task force that assessed all 23 elements, set a target and a date on each,
    wrote notes on a third of them and planned two or three actions each (some overdue)."""
    elements, ticked, actions = {}, [], []
    for n, e in enumerate(roadmap.elements):
        stage = n % 4 + 1
        for k, indicators in enumerate(e.stages, start=1):
            ticked += [i.id for i in indicators[: (len(indicators) if k <= stage else 0)]]
        elements[e.id] = {"stage": stage, "notes": "", "reviewed": element_signature(e),
                          "target": min(5, stage + 1 + n % 3),
                          "targetDate": (today + timedelta(days=120 + 30 * n)).isoformat()}
        if n % 3 == 0:
            elements[e.id]["notes"] = (f"Discussed at partners' meeting no. {n + 1}: the chair and the "
                                       "prosecutor's office agree on the next step.\nFollow up in spring.")
        for k in range(2 + n % 2):
            due = today + timedelta(days=(n * 11 + k * 37) % 200 - 40)
            actions.append({"id": f"{n:02d}{k:02d}aa{n:02d}bb{k:02d}"[:12].ljust(12, "0"), "element": e.id,
                            "text": f"{e.title}: draft, discuss with partners and adopt step {k + 1}",
                            "owner": OWNERS[(n + k) % 4], "due": due.isoformat(),
                            "status": STATUSES[(n + k) % 4], "indicators": [],
                            "created": "2026-06-01T09:00:00.000Z"})
    return {"format": "tf-roadmap-assessment", "schema": 2, "rubric": roadmap.version,
            "exported": "2026-06-02T10:00:00.000Z",
            "assessment": {"id": "fa11a55e55ed", "name": "2026 review", "created": "2026-06-01T08:00:00.000Z",
                           "ticked": sorted(ticked), "elements": elements, "actions": actions,
                           "snapshots": [], "taskForce": "Metro Anti-Trafficking Task Force",
                           "people": "Police; prosecutor's office; victim services"}}


def import_on_data_page(page: Page, data: dict, tmp_path: Path):
    file = tmp_path / f"{data['assessment']['id']}.json"
    file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    page.goto(DATA)
    page.get_by_label("Import a JSON export").set_input_files(str(file))
    dialog_ok(page, "Import")
    expect(page.locator("#tf-message")).to_contain_text(f"Imported “{data['assessment']['name']}”")


@pytest.fixture
def assessed(page: Page, roadmap, tmp_path) -> dict:
    page.set_viewport_size(LAPTOP)
    data = full_task_force(roadmap, date.today())
    import_on_data_page(page, data, tmp_path)
    return data


# --- The dashboard: a summary -------------------------------------------------------------------

def test_a_fully_assessed_task_force_fits_its_dashboard_in_three_laptop_screens(page: Page, assessed):
    open_dashboard(page)
    expect(page.locator("tr[data-element]")).to_have_count(23)
    height = page.evaluate("() => document.documentElement.scrollHeight")
    assert height <= 2600, height
    # Where it stands, what is due, the gaps, the notes: all on it.
    expect(page.locator("#tf-progress")).to_have_text(re.compile("^23 of 23 elements assessed"))
    expect(page.locator("[data-gap]")).to_have_count(5)
    expect(page.locator("[data-notes]").first).to_be_visible()


def test_the_dashboard_says_what_is_overdue_and_links_each_to_its_element(page: Page, assessed):
    open_dashboard(page)
    today = date.today().isoformat()
    overdue = [x for x in assessed["assessment"]["actions"]
               if x["status"] in ("not-started", "in-progress") and x["due"] < today]
    assert overdue  # the sample has some
    expect(page.locator("#tf-due-count")).to_contain_text(f"{len(overdue)} overdue")
    first = page.locator(".tf-d-due-list li.tf-overdue").first
    expect(first).to_contain_text("overdue")
    link = first.get_by_role("link")
    element = link.get_attribute("href").split("#")[0]
    link.click()
    expect(page).to_have_url(re.compile(re.escape(element) + "#tf-plan$"))
    # The place is drawn by the page's code after the browser looked for it: shown once drawn.
    expect(page.locator("#tf-plan")).to_be_in_viewport()


def test_every_tool_the_dashboard_had_is_one_click_away(page: Page, assessed):
    open_dashboard(page)
    tools = page.locator("#tf-dashboard")
    for name, ready in (("Targets and work plan", "#tf-plan-count"), ("Set targets", "#tf-targets"),
                        ("Export and import", "#tf-backup"),
                        ("Share a link", "#tf-share"), ("Snapshots and comparison", "#tf-snapshots"),
                        ("Session-only mode and deleting", "#tf-storage")):
        tools.get_by_role("link", name=name).click()
        expect(page.locator(ready)).to_be_in_viewport()
        page.go_back()
        expect(page.locator("#tf-tools")).to_be_visible()


@pytest.mark.parametrize("anchor, page_path, shows", [
    ("tf-storage", DATA, "Use this session only"),
    *(pytest.param(*old, marks=pytest.mark.slow) for old in [  # the same move to the same page
        ("tf-backup", DATA, "Export JSON"),
        ("tf-share", DATA, "Copy a link to these results"),
        ("tf-snapshots", DATA, "Save a dated snapshot"),
        ("tf-compare", DATA, None)]),
    ("tf-targets", PLAN, None),
])
def test_old_dashboard_addresses_lead_to_the_tool_they_named(page: Page, anchor, page_path, shows):
    page.goto(f"{DASHBOARD}#{anchor}")
    expect(page).to_have_url(re.compile(re.escape(page_path) + "#" + anchor + "$"))
    expect(page.locator("#" + anchor)).to_be_in_viewport()
    if shows:
        expect(page.get_by_role("button", name=shows)).to_be_visible()


def test_the_old_address_of_the_snapshots_history_leads_to_the_data_page(page: Page):
    page.goto(f"{DASHBOARD}#tf-history")  # the table is drawn there once a snapshot exists
    expect(page).to_have_url(re.compile(re.escape(DATA) + "#tf-history$"))
    expect(page.get_by_role("button", name="Save a dated snapshot")).to_be_visible()


def test_a_jump_within_the_dashboard_to_an_old_anchor_leads_there_too(page: Page, assessed):
    open_dashboard(page)
    page.evaluate("() => { location.hash = '#tf-import'; }")
    expect(page).to_have_url(re.compile(re.escape(DATA) + "#tf-import$"))
    expect(page.locator("#tf-import")).to_be_in_viewport()


def test_the_data_page_exports_and_imports_the_same_assessment(page: Page, assessed, tmp_path):
    page.goto(DATA)
    name, text = download(page, "Export JSON")
    saved = json.loads(text)
    assert saved["assessment"]["elements"] == assessed["assessment"]["elements"]
    # Changed here, then the export brought back: what was exported is what is kept.
    page.get_by_role("button", name="Delete everything saved here").click()
    dialog_ok(page, "Delete everything")
    expect(page.locator("#tf-message")).to_contain_text("Everything saved here was deleted.")
    file = tmp_path / name
    file.write_text(text, encoding="utf-8")
    page.get_by_label("Import a JSON export").set_input_files(str(file))
    dialog = page.locator("dialog.tf-dialog")
    # A fresh browser holds one empty assessment: the dialog says the import takes its place.
    expect(dialog).to_contain_text("takes the place of the empty assessment")
    expect(dialog).to_contain_text("will be the only assessment in this browser")
    dialog_ok(page, "Import")
    again = page.evaluate("() => TF.exportData()")
    assert again["assessment"]["elements"] == saved["assessment"]["elements"]
    assert again["assessment"]["actions"] == saved["assessment"]["actions"]
    name, csv = download(page, "Export CSV")
    assert name.endswith(".csv") and "Mission Statement" in csv


# --- Plan and report: the room the page has, controls whole, dates on one line -----------------

# A select cuts its value when the chosen option's text is wider than the room inside the box
# (its scrollWidth never says so: a select does not scroll).
CUT_SELECTS = """() => [...document.querySelectorAll('.md-content select')].filter((s) => s.offsetParent)
  .map((s) => {
    const cs = getComputedStyle(s), probe = document.createElement('span');
    probe.style.font = cs.font;
    probe.style.whiteSpace = 'pre';
    probe.style.position = 'absolute';
    probe.textContent = s.selectedOptions[0] ? s.selectedOptions[0].text : '';
    document.body.append(probe);
    const need = probe.getBoundingClientRect().width, room = s.clientWidth
      - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 16;  // 16: the arrow
    probe.remove();
    return need > room || s.scrollWidth > s.clientWidth ? `${s.id || s.dataset.k}: ${Math.round(need)} > ${Math.round(room)}` : null;
  }).filter(Boolean)"""
# A date (class tf-date) laid out on more than one line.
SPLIT_DATES = """() => [...document.querySelectorAll('.tf-date')].filter((d) => d.offsetParent)
  .filter((d) => new Set([...d.getClientRects()].map((r) => Math.round(r.top))).size > 1
    || d.getBoundingClientRect().height > 1.6 * parseFloat(getComputedStyle(d).lineHeight || 20))
  .map((d) => d.textContent)"""
PEOPLE_DATE = re.compile(r"^(January|February|March|April|May|June|July|August|September|October|November|December)"
                         r"\u00a0\d{1,2},\u00a0\d{4}$")


@pytest.mark.parametrize("viewport", [pytest.param(LAPTOP, marks=pytest.mark.slow), PHONE], ids=["laptop", "phone"])
@pytest.mark.parametrize("path", quick([PLAN, REPORT, DASHBOARD, DATA], PLAN, REPORT))
def test_no_select_cuts_its_value_and_no_date_breaks(page: Page, assessed, viewport, path):
    page.set_viewport_size(viewport)
    page.goto(path)
    expect(page.locator("#tf-message")).to_be_attached()
    assert page.evaluate(CUT_SELECTS) == []
    assert page.evaluate(SPLIT_DATES) == []
    dates = page.locator(".tf-date").all_text_contents()
    assert all(PEOPLE_DATE.match(d) for d in dates), dates[:3]
    if path in (PLAN, REPORT):
        assert dates


def test_the_plan_uses_the_width_of_a_laptop(page: Page, assessed):
    page.goto(PLAN)
    table = page.locator("table.tf-plan").first
    expect(table).to_be_visible()
    content = page.locator(".md-content").bounding_box()["width"]
    assert table.bounding_box()["width"] >= 0.9 * content - 60
    assert content >= 900, content
    # Dates for people, files in ISO: the CSV keeps the day as typed.
    first_due = page.locator("tr[data-plan-action] .tf-date").first.text_content()
    assert PEOPLE_DATE.match(first_due)
    name, csv = download(page, "Export CSV")
    assert re.search(r",\d{4}-\d{2}-\d{2},", csv)


def test_the_plan_holds_the_targets_and_each_card_value_keeps_its_name_on_a_phone(page: Page, assessed):
    page.set_viewport_size(PHONE)
    page.goto(PLAN)
    row = page.locator("tr[data-target-row='mission-statement']")
    expect(row).to_be_visible()
    expect(row.get_by_text("Target date", exact=True)).to_be_visible()
    expect(row.get_by_text("Target stage", exact=True)).to_be_visible()
    expect(row.get_by_label("Target date for Mission Statement")).to_be_visible()
    labels = page.evaluate("""() => [...document.querySelectorAll(
        'table.tf-plan tbody td:not(:first-child), table.tf-targets tbody td[data-label]')]
      .filter((td) => td.offsetParent).map((td) => getComputedStyle(td, '::before').content)""")
    assert labels and all(re.fullmatch(r'"[A-Z][a-z ]+"', c) for c in labels), set(labels)


def test_the_counted_stage_reads_as_a_highlight(page: Page, assessed):
    open_dashboard(page)
    cell = page.locator("tr[data-element='mission-statement'] td.tf-counted")
    style = cell.evaluate("(td) => { const s = getComputedStyle(td); return [s.outlineStyle, s.fontWeight,"
                          " s.textDecorationLine]; }")
    assert style[0] == "none" and int(style[1]) >= 700 and "underline" in style[2], style


def pdf_lines(page: Page, paper: str, tmp_path: Path) -> list[str]:
    path = tmp_path / f"{paper}.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(path), format=paper)
    page.emulate_media(media="screen")
    # The text as laid out on paper, line by line (pdftotext -layout, where poppler is installed).
    return [line for p in PdfReader(str(path)).pages
            for line in (p.extract_text(extraction_mode="layout") or "").replace("\u00a0", " ").splitlines()]


@pytest.mark.parametrize("path", quick([REPORT, PLAN], REPORT))  # PDF printing
def test_no_date_breaks_across_lines_on_paper(page: Page, assessed, tmp_path, path):
    page.goto(path)
    expect(page.locator(".tf-date").first).to_be_visible()
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    for paper in ("Letter", "A4"):
        lines = pdf_lines(page, paper, tmp_path)
        whole = sum(len(re.findall(rf"\b(?:{months}) \d{{1,2}}, \d{{4}}\b", line)) for line in lines)
        cut = [line for line in lines if re.search(rf"\b(?:{months})(?: \d{{1,2}},?)?\s*$", line)]
        assert whole >= 5 and cut == [], (paper, cut)
        assert not any(re.search(r"\d{4}-\s*$", line) for line in lines), paper


# --- Small things ---------------------------------------------------------------------------------

def test_add_as_an_action_asks_for_the_task_forces_own_words(page: Page, assessed):
    page.goto(MISSION)
    page.locator("#tf-next-steps").scroll_into_view_if_needed()
    before = page.locator("#tf-actions > li").count()
    page.get_by_role("button", name=re.compile("^Add as an action")).first.click()
    rows = page.locator("#tf-actions > li")
    expect(rows).to_have_count(before + 1)
    text = rows.last.get_by_role("textbox", name=re.compile("^Action"))
    expect(text).to_be_focused()
    expect(text).to_have_value("")
    expect(text).to_have_attribute("placeholder", re.compile("own words"))
    expect(rows.last.locator(".tf-a-toward")).to_contain_text("Works toward:")


def test_a_first_visit_to_an_element_page_shows_the_question_its_panel_will_hold(page: Page):
    page.route("**/assets/js/store.js", lambda route: route.abort())  # the code never comes
    page.goto(MISSION)
    mount = page.locator(".tf-assessment")
    mount.scroll_into_view_if_needed()
    expect(mount).to_be_visible()
    expect(mount).to_contain_text("Which stage of Mission Statement fits your task force?")
    assert mount.bounding_box()["height"] >= 400  # the room the panel takes is still kept

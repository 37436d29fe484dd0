"""Dated snapshots on the dashboard, in a real Chromium under the site's CSP, with every request
recorded: one click saves, the history table shows each element's counted stage over time, and
snapshots persist, belong to their assessment, merge across tabs, survive a replacing import and
load on the dashboard only."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pages import (HOLD, MEDIA, MISSION, assess_something, axe, box, choose, dark, dialog_ok, exported,
                   open_dashboard, open_data, open_element, open_plan, option, options, tick)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("watch")]

SAVE = "Save a dated snapshot"
ON_DEMAND = ("snapshots", "share", "consensus", "dashboard", "undo", "plan", "report")


def snaps(page: Page):
    return page.locator("#tf-snapshot-list li[data-snapshot]")


def snap_ids(page: Page) -> list[str]:
    return snaps(page).evaluate_all("(lis) => lis.map((li) => li.dataset.snapshot)")


def expect_snaps(page: Page, ids: list[str]):
    """The list shows these snapshots, in this order, once the page's code has drawn it."""
    expect(snaps(page)).to_have_count(len(ids))
    assert snap_ids(page) == ids


def history(page: Page, element: str):
    return page.locator(f"#tf-history tr[data-history='{element}'] td")


def classes(cells) -> list[str | None]:
    return cells.evaluate_all("(tds) => tds.map((td) => td.getAttribute('class'))")


def save_snapshot(page: Page, name: str = "Our assessment") -> str:
    """One click, no dialog; returns the new snapshot's id."""
    before = snap_ids(page)
    page.get_by_role("button", name=SAVE).click()
    expect(page.locator("dialog")).to_have_count(0)
    expect(snaps(page)).to_have_count(len(before) + 1)
    expect(page.locator("#tf-message")).to_contain_text(f"Saved a snapshot of “{name}” dated ")
    (new,) = set(snap_ids(page)) - set(before)
    return new


def stage(page: Page, n: int | str):
    label = "Not applicable" if n == "na" else re.compile(f"^Stage {n} ")
    page.get_by_role("radio", name=label).check()


def stored(page: Page) -> str:
    return page.evaluate("() => localStorage.getItem(TF.key)") or ""


# --- 1. stages over time ------------------------------------------------------------------------

def test_one_click_saves_and_the_history_shows_each_elements_stage_over_time(page: Page):
    open_element(page, MISSION)
    box(page, "mission-no-shared-statement").check()  # suggested Stage 1
    open_element(page, MEDIA)
    stage(page, 4)  # Stage 4 throughout
    open_data(page)
    expect(page.locator("#tf-snapshot-none")).to_have_text("No snapshots of “Our assessment” yet.")
    expect(page.locator("#tf-history")).to_have_count(0)
    first = save_snapshot(page)
    expect(page.locator("#tf-snapshot-none")).to_have_count(0)
    expect(snaps(page)).to_contain_text(["2 of 23 elements assessed · 1 indicators ticked"])

    open_element(page, MISSION)  # tick more and choose a higher stage
    box(page, "mission-clearly-written").check()
    stage(page, 3)
    open_element(page, "public-engagement/outreach/")
    stage(page, "na")
    open_data(page)
    second = save_snapshot(page)
    expect_snaps(page, [first, second])  # oldest first
    expect(snaps(page)).to_contain_text(["2 of 23 elements assessed · 1 indicators ticked",
                                         "3 of 23 elements assessed · 2 indicators ticked"])

    open_element(page, MISSION)
    stage(page, 2)  # and down again
    open_data(page)
    heads = page.locator("#tf-history thead th")
    expect(heads).to_have_count(4)
    expect(heads.first).to_have_text("Element")
    expect(heads.last).to_have_text("Now")
    mission = history(page, "mission-statement")
    expect(mission).to_have_text(["Stage 1", "Stage 3 ▲ up from Stage 1", "Stage 2 ▼ down from Stage 3"])
    assert classes(mission) == [None, "tf-move-up", "tf-move-down"]
    expect(history(page, "media")).to_have_text(["Stage 4", "Stage 4", "Stage 4"])
    assert classes(history(page, "media")) == [None, None, None]
    expect(history(page, "outreach")).to_have_text(["—", "N/A", "N/A"])  # no move to or from N/A
    assert classes(history(page, "outreach")) == [None, None, None]
    expect(history(page, "leadership")).to_have_text(["—", "—", "—"])
    expect(page.locator("#tf-history tr[data-history]")).to_have_count(23)
    expect(page.locator("#tf-history td.tf-move-up")).to_have_count(1)  # nothing else moved
    expect(page.locator("#tf-history td.tf-move-down")).to_have_count(1)
    expect(page.locator("#tf-history .tf-move")).to_have_count(2)

    # What each snapshot froze, as exported.
    taken = exported(page)["assessment"]["snapshots"]
    assert [s["id"] for s in taken] == [first, second]
    assert taken[0]["stages"] == {"mission-statement": 1, "media": 4}
    assert taken[0]["ticked"] == ["mission-no-shared-statement"]
    assert taken[1]["stages"] == {"mission-statement": 3, "media": 4, "outreach": "na"}
    assert taken[1]["ticked"] == ["mission-clearly-written", "mission-no-shared-statement"]
    assert taken[0]["taken"] < taken[1]["taken"]


@pytest.mark.slow
def test_a_plan_or_a_history_alone_keeps_the_overview_instead_of_the_start_guide(page: Page):
    """A target, or a snapshot kept after every answer was cleared, is something to show."""
    open_dashboard(page)
    assert stored(page) == ""  # looking saves nothing
    expect(page.locator("#tf-start")).to_be_visible()
    open_element(page, MISSION)
    open_plan(page)
    page.get_by_label("Target stage", exact=True).select_option("3")
    open_dashboard(page)
    expect(page.locator("#tf-start")).to_be_hidden()
    open_data(page)
    save_snapshot(page)
    open_element(page, MISSION)
    open_plan(page)
    page.get_by_label("Target stage", exact=True).select_option("")
    open_dashboard(page)
    expect(page.locator("#tf-start")).to_be_hidden()
    open_data(page)
    expect(history(page, "mission-statement")).to_have_text(["— (target 3)", "—"])
    page.reload()
    expect(snaps(page)).to_have_count(1)


# --- 2. persistence, assessments, deletion ------------------------------------------------------

def test_snapshots_persist_belong_to_their_assessment_and_delete_only_when_confirmed(page: Page):
    open_element(page, MISSION)
    stage(page, 2)
    open_data(page)
    ours = save_snapshot(page)
    page.reload()
    expect_snaps(page, [ours])
    expect(history(page, "mission-statement")).to_have_text(["Stage 2", "Stage 2"])

    # Material's instant navigation: to an element page from the history table, and back.
    page.evaluate("() => { window.__marker = 'still here'; }")
    page.locator("#tf-history tr[data-history='mission-statement'] th a").click()
    expect(page.locator(".tf-assessment")).to_contain_text("Which stage fits Mission Statement best?")
    stage(page, 5)
    page.get_by_role("link", name="Open the dashboard").click()
    expect(page.locator("tr[data-element]")).to_have_count(23)
    page.get_by_role("link", name="Snapshots and comparison").click()  # the dashboard's way there
    assert page.evaluate("() => window.__marker") == "still here"  # no full page load happened
    expect_snaps(page, [ours])
    expect(history(page, "mission-statement")).to_have_text(["Stage 2", "Stage 5 ▲ up from Stage 2"])
    expect(page.locator("#tf-snapshots")).to_have_count(1)  # drawn once, not once per visit
    expect(page.get_by_role("button", name=SAVE)).to_have_count(1)

    # Another assessment has its own snapshots, or none.
    picker = page.locator("#tf-switch")
    page.get_by_role("button", name="New").click()
    dialog_ok(page, "Create", "Second")
    expect(picker.locator("option:checked")).to_have_text(option("Second"))
    expect(snaps(page)).to_have_count(0)
    expect(page.locator("#tf-snapshot-none")).to_have_text("No snapshots of “Second” yet.")
    expect(page.locator("#tf-history")).to_have_count(0)
    theirs = save_snapshot(page, "Second")
    assert theirs != ours
    expect_snaps(page, [theirs])
    expect(history(page, "mission-statement")).to_have_text(["—", "—"])
    choose(picker, "Our assessment")
    expect(snaps(page)).to_have_count(1)
    expect_snaps(page, [ours])
    expect(history(page, "mission-statement")).to_have_text(["Stage 2", "Stage 5 ▲ up from Stage 2"])
    second = save_snapshot(page)
    expect(page.locator("#tf-history thead th")).to_have_count(4)

    # Delete asks first; Cancel (or Escape) keeps the snapshot.
    saved = stored(page)
    row = snaps(page).filter(has=page.locator(f"[data-k='snapshot-delete-{ours}']"))
    row.get_by_role("button", name="Delete").click()
    dialog = page.locator("dialog.tf-dialog")
    expect(dialog).to_contain_text("Delete the snapshot of ")
    expect(dialog).to_contain_text("The assessment itself stays as it is.")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_have_count(0)
    expect_snaps(page, [ours, second])
    assert stored(page) == saved
    row.get_by_role("button", name="Delete").click()
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect_snaps(page, [ours, second])
    row.get_by_role("button", name="Delete").click()
    dialog_ok(page, "Delete")
    expect_snaps(page, [second])
    expect(page.locator("#tf-message")).to_contain_text("Deleted the snapshot of ")
    expect(page.locator("#tf-history thead th")).to_have_count(3)
    expect(history(page, "mission-statement")).to_have_text(["Stage 5", "Stage 5"])
    page.reload()
    expect_snaps(page, [second])
    assert [s["id"] for s in exported(page)["assessment"]["snapshots"]] == [second]
    choose(picker, "Second")
    expect_snaps(page, [theirs])  # the other assessment's snapshot is untouched

    # Deleting the assessment deletes its snapshots from storage, not just from view.
    page.locator("[data-k='delete']").click()
    expect(page.locator("dialog.tf-dialog")).to_contain_text("Delete “Second”?")
    dialog_ok(page, "Delete")
    expect(picker.locator("option")).to_have_text(options(["Our assessment"]))
    assert theirs not in stored(page)
    assert second in stored(page)


# --- 3. two tabs --------------------------------------------------------------------------------

@pytest.mark.slow
def test_two_tabs_each_save_a_snapshot_and_both_keep_both(context: BrowserContext):
    one, two = context.new_page(), context.new_page()
    two.add_init_script(HOLD)
    assess_something(one)  # the snapshot controls sit in the overview, not the start guide
    for tab in (one, two):
        open_data(tab)
    # Tab two goes deaf, so it saves on a stale copy: the case a whole-document write would lose.
    two.evaluate("() => { window.__hold = true; }")
    one.bring_to_front()  # a background tab's clicks wait on its throttled frames
    a = save_snapshot(one)
    two.wait_for_function("() => window.__held > 0")
    expect(two.locator("#tf-snapshot-none")).to_be_visible()  # it really did not hear
    two.bring_to_front()
    two.get_by_role("button", name=SAVE).click()  # its save merges what tab one stored
    expect(snaps(two)).to_have_count(2)
    two.evaluate("() => { window.__hold = false; }")
    for tab in (one, two):
        expect(snaps(tab)).to_have_count(2)
    assert snap_ids(one) == snap_ids(two) and a in snap_ids(one)
    expect(one.locator("#tf-history thead th")).to_have_count(4)

    # While both listen: a third from tab one, then a deletion in tab two, reach the other tab.
    one.bring_to_front()
    c = save_snapshot(one)
    expect(snaps(two)).to_have_count(3)
    two.bring_to_front()
    two.locator(f"[data-k='snapshot-delete-{a}']").click()
    dialog_ok(two, "Delete")
    expect(snaps(one)).to_have_count(2)
    assert a not in snap_ids(one) and c in snap_ids(one)
    three = context.new_page()
    open_data(three)
    assert snap_ids(three) == snap_ids(one) == snap_ids(two)


@pytest.mark.slow
def test_a_deletion_confirmed_after_another_tab_wrote_is_not_lost(context: BrowserContext):
    """The Delete dialog is open while another tab saves: the merge replaces this tab's copy of
    the assessment, and the confirmed deletion must land on the current copy, not a stale one."""
    one, two = context.new_page(), context.new_page()
    assess_something(one)  # the snapshot controls sit in the overview, not the start guide
    for tab in (one, two):
        open_data(tab)
    one.bring_to_front()  # a background tab's clicks wait on its throttled frames
    a = save_snapshot(one)
    expect(snaps(two)).to_have_count(1)
    two.bring_to_front()
    two.locator(f"[data-k='snapshot-delete-{a}']").click()
    expect(two.locator("dialog.tf-dialog")).to_be_visible()
    one.bring_to_front()
    b = save_snapshot(one)  # heard by tab two while it asks
    expect(snaps(two)).to_have_count(2)
    two.bring_to_front()
    dialog_ok(two, "Delete")
    for tab in (one, two):
        expect(snaps(tab)).to_have_count(1)
        assert snap_ids(tab) == [b]
    assert json.loads(stored(one))["list"]["first"]["snaps"][a][0] is None  # stored as deleted


@pytest.mark.slow
def test_a_rename_or_delete_confirmed_after_another_tab_wrote_is_not_lost(context: BrowserContext):
    """The same race on the dashboard's own dialogs: Rename and Delete land on the current copy."""
    one, two = context.new_page(), context.new_page()
    assess_something(one)  # the snapshot controls sit in the overview, not the start guide
    for tab in (one, two):
        open_data(tab)
    one.bring_to_front()
    save_snapshot(one)  # the first save stores the assessment
    two.bring_to_front()
    two.get_by_role("button", name="Rename").click()
    two.locator("dialog.tf-dialog").get_by_role("textbox", name="Name").fill("Renamed")
    one.bring_to_front()
    save_snapshot(one)  # heard by tab two while it asks
    expect(snaps(two)).to_have_count(2)
    two.bring_to_front()
    two.locator("dialog.tf-dialog").get_by_role("button", name="Rename", exact=True).click()
    for tab in (one, two):
        expect(tab.locator("#tf-switch option:checked")).to_have_text(option("Renamed"))
    assert json.loads(stored(one))["list"]["first"]["name"][0] == "Renamed"
    two.locator("[data-k='delete']").click()
    expect(two.locator("dialog.tf-dialog")).to_be_visible()
    one.bring_to_front()
    save_snapshot(one, "Renamed")
    two.bring_to_front()
    dialog_ok(two, "Delete")
    # The dialog closes before its answer is acted on: wait until both tabs show the deletion.
    for tab in (one, two):
        expect(tab.locator("#tf-switch")).not_to_contain_text("Renamed")
    assert json.loads(stored(one))["list"]["first"]["del"][0] == 1


# --- 4. on-demand modules -----------------------------------------------------------------------

@pytest.mark.slow
def test_element_pages_do_not_load_the_dashboards_modules(page: Page, context: BrowserContext):
    seen: list[str] = []
    context.on("request", lambda r: seen.append(r.url))
    js = lambda name: [u for u in seen if re.search(rf"/assets/js/{name}\.js(\?|$)", u)]  # noqa: E731
    open_element(page, MISSION)
    box(page, "mission-clearly-written").check()
    page.wait_for_load_state("networkidle")
    assert js("assessment"), seen  # the recorder does see the site's scripts
    for name in ON_DEMAND:
        assert js(name) == [], name
    assert page.evaluate("() => [TF.core.parts.length, 'snapshots' in TF.core, Object.keys(TF.core.pages)]") == [0, False, []]
    open_element(page, MEDIA)  # another element page, by a full load
    page.wait_for_load_state("networkidle")
    for name in ON_DEMAND:
        assert js(name) == [], name

    page.get_by_role("link", name="Open the dashboard").click()  # instant navigation
    expect(page.locator("#tf-due")).to_have_count(1)
    assert len(js("dashboard")) == 1 and len(js("plan")) == 1  # the summary: what is due, gaps
    assert js("snapshots") == js("share") == js("consensus") == []  # the data page's tools
    page.get_by_role("link", name="Snapshots and comparison").click()
    expect(page.locator("#tf-snapshots")).to_have_count(1)
    assert len(js("snapshots")) == 1 and len(js("share")) == 1 and len(js("data")) == 1
    page.go_back()  # back to the dashboard, an element page, then the dashboard again: nothing loads twice
    page.go_back()
    expect(page.locator(".tf-check")).not_to_have_count(0)
    page.get_by_role("link", name="Open the dashboard").click()
    expect(page.locator("#tf-due")).to_have_count(1)
    assert len(js("dashboard")) == 1 and len(js("plan")) == 1 and len(js("snapshots")) == 1

    seen.clear()
    open_data(page)  # a full load of the data page requests them too
    expect(page.locator("#tf-snapshots")).to_have_count(1)
    assert len(js("snapshots")) == 1 and len(js("share")) == 1 and js("consensus") == []



@pytest.mark.slow
def test_a_first_visit_does_without_the_overviews_parts_until_something_is_assessed(page: Page,
                                                                                     context: BrowserContext):
    seen: list[str] = []
    context.on("request", lambda r: seen.append(r.url))
    js = lambda name: [u for u in seen if re.search(rf"/assets/js/{name}\.js(\?|$)", u)]  # noqa: E731
    parts = ("plan",)  # what is due and the gaps to target
    open_dashboard(page)  # nothing saved: the start guide, the picker and the links to the tools
    expect(page.locator("#tf-start")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert len(js("dashboard")) == 1
    assert [name for name in parts if js(name)] == []

    # Another tab's first tick (no move on this page) ends the first visit: the parts come, once.
    other = context.new_page()
    open_element(other, MISSION)
    tick(box(other, "mission-clearly-written"))
    for heading in ("What is due", "Largest gaps to target", "Stages by element"):
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(page.locator("#tf-start")).to_have_count(0)
    assert [len(js(name)) for name in parts] == [1]

    # A later visit with something saved brings them with the rest, and draws them at once.
    seen.clear()
    open_dashboard(page)
    expect(page.locator("#tf-due")).to_be_visible()
    assert [len(js(name)) for name in parts] == [1]


@pytest.mark.slow
def test_the_overviews_parts_refused_are_said_and_the_rest_still_works(page: Page, context: BrowserContext):
    open_dashboard(page)
    expect(page.locator("#tf-start")).to_be_visible()
    share = re.compile(r"/assets/js/plan\.js")  # what is due and the gaps
    refuse = lambda route: route.abort()  # noqa: E731
    context.route(share, refuse)
    page.get_by_role("button", name="New", exact=True).click()
    dialog_ok(page, "Create", "Second")
    expect(page.locator("#tf-message")).to_have_text(
        "Part of this page could not be loaded. Reload the page to try again.")
    expect(page.locator("#tf-progress")).to_contain_text("0 of 23 elements assessed")
    expect(page.locator("#tf-switch option")).to_have_count(2)
    context.unroute(share, refuse)
    page.reload()  # the next page view tries again (the empty first assessment was never saved)
    expect(page.locator("#tf-start")).to_be_visible()
    page.get_by_role("button", name="New", exact=True).click()
    dialog_ok(page, "Create", "Third")
    expect(page.get_by_role("heading", name="What is due", exact=True)).to_be_visible()
    expect(page.locator("#tf-message")).to_have_count(1)
    expect(page.locator("#tf-message")).to_have_text("")


# --- 5. accessibility ---------------------------------------------------------------------------

@pytest.mark.slow  # the dashboard's own axe test runs in the quick run
@pytest.mark.browser_context_args(bypass_csp=True)
def test_axe_finds_nothing_on_the_dashboard_with_two_snapshots(page: Page):
    open_element(page, MISSION)
    stage(page, 1)
    open_data(page)
    save_snapshot(page)
    open_element(page, MISSION)
    stage(page, 3)
    open_data(page)
    save_snapshot(page)
    expect(page.locator("#tf-history .tf-move")).to_have_count(1)
    expect(page.locator("#tf-history thead th")).to_have_count(4)
    assert axe(page) == []
    snaps(page).first.get_by_role("button", name="Delete").click()  # the open dialog too
    expect(page.locator("dialog.tf-dialog")).to_be_visible()
    assert axe(page) == []
    page.keyboard.press("Escape")
    dark(page)
    assert axe(page) == []


# --- the dashboard's import, where snapshots meet it --------------------------------------------

def import_file(page: Page, tmp_path, data: dict, button: str, name: str = "import.json"):
    file = tmp_path / name
    file.write_text(json.dumps(data), encoding="utf-8")
    page.get_by_label("Import a JSON export").set_input_files(str(file))
    dialog_ok(page, button)
    expect(page.locator("#tf-message")).to_contain_text(f"Imported “{data['assessment']['name']}”")


@pytest.mark.slow
def test_a_file_that_replaces_the_assessment_keeps_its_snapshots(page: Page, tmp_path):
    open_element(page, MISSION)
    stage(page, 2)
    open_data(page)
    ours = save_snapshot(page)
    data = page.evaluate("() => TF.exportData()")
    assert [s["id"] for s in data["assessment"]["snapshots"]] == [ours]

    # The file replaces the answers; it has no snapshots, and ours stay.
    file = json.loads(json.dumps(data))
    del file["assessment"]["snapshots"]
    file["assessment"]["elements"]["mission-statement"]["stage"] = 4
    file["assessment"]["ticked"] = ["mission-clearly-written"]
    page.get_by_label("Import a JSON export").set_input_files(
        {"name": "replace.json", "mimeType": "application/json", "buffer": json.dumps(file).encode()})
    expect(page.locator("dialog.tf-dialog")).to_contain_text("Replace “Our assessment” with the file?")
    dialog_ok(page, "Replace")
    expect_snaps(page, [ours])
    expect(history(page, "mission-statement")).to_have_text(["Stage 2", "Stage 4 ▲ up from Stage 2"])
    after = exported(page)["assessment"]
    assert after["ticked"] == ["mission-clearly-written"]
    assert after["snapshots"] == data["assessment"]["snapshots"]
    page.reload()
    expect_snaps(page, [ours])

    # A file with its own (older) snapshot: history only grows, oldest first.
    older = {"id": "0a0b0c0d0e0f", "taken": "2020-01-02T03:04:05.000Z", "stages": {"mission-statement": 5},
             "ticked": []}
    file["assessment"]["snapshots"] = [older]
    import_file(page, tmp_path, file, "Replace", "older.json")
    expect_snaps(page, ["0a0b0c0d0e0f", ours])
    expect(history(page, "mission-statement")).to_have_text(
        ["Stage 5", "Stage 2 ▼ down from Stage 5", "Stage 4 ▲ up from Stage 2"])

    # A colleague's (another id, created at another moment) is another assessment, with the file's snapshots only.
    file["assessment"].update(id="a-colleague", name="Colleague", created="2025-06-01T09:00:00.000Z")
    import_file(page, tmp_path, file, "Import", "colleague.json")
    expect(page.locator("#tf-switch option:checked")).to_have_text(option("Colleague"))
    expect_snaps(page, ["0a0b0c0d0e0f"])
    choose(page.locator("#tf-switch"), "Our assessment")
    expect_snaps(page, ["0a0b0c0d0e0f", ours])

    # A snapshot deleted here stays deleted when a file without it replaces the assessment.
    page.locator(f"[data-k='snapshot-delete-{ours}']").click()
    dialog_ok(page, "Delete")
    file["assessment"].update(id="first", name="Our assessment")
    del file["assessment"]["snapshots"]
    import_file(page, tmp_path, file, "Replace", "again.json")
    expect_snaps(page, ["0a0b0c0d0e0f"])


# --- 6. dates ------------------------------------------------------------------------------------

# Counts every call that loads locale data (the first one on a page blocks it for 30-100 ms).
LOCALE_CALLS = """
window.__locale = [];
for (const [owner, names] of [[Date.prototype, ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']],
                              [Number.prototype, ['toLocaleString']], [String.prototype, ['localeCompare']]])
  for (const name of names) {
    const real = owner[name];
    owner[name] = function (...args) { window.__locale.push(name); return real.apply(this, args); };
  }
for (const name of ['DateTimeFormat', 'NumberFormat', 'Collator', 'RelativeTimeFormat', 'ListFormat', 'PluralRules']) {
  const Real = Intl[name];
  Intl[name] = function (...args) { window.__locale.push('Intl.' + name); return new Real(...args); };
}
"""


@pytest.mark.browser_context_args(timezone_id="America/Chicago")
@pytest.mark.slow
def test_dates_read_in_the_readers_time_zone_and_the_dashboard_loads_no_locale_data(page: Page, tmp_path):
    page.context.add_init_script(LOCALE_CALLS)
    open_dashboard(page)  # a first visit
    expect(page.locator("#tf-start")).to_be_visible()
    assert page.evaluate("() => window.__locale") == []

    assess_something(page)
    open_data(page)
    data = page.evaluate("() => TF.exportData()")
    # Taken at 03:04 UTC on 2 January, which is still the 1st in Chicago (UTC-6 in winter); created
    # at 03:00 UTC on 1 June, the 31st of May there (UTC-5 in summer).
    data["assessment"].update(id="a-colleague", name="Colleague", created="2025-06-01T03:00:00.000Z",
                              snapshots=[{"id": "0a0b0c0d0e0f", "taken": "2020-01-02T03:04:05.000Z",
                                          "stages": {"mission-statement": 5}, "ticked": []}])
    import_file(page, tmp_path, data, "Import")
    expect(page.locator("#tf-switch option:checked")).to_have_text("Colleague · May 31, 2025")
    expect(snaps(page)).to_have_count(1)
    expect(snaps(page).first).to_contain_text("January 1, 2020, 21:04 · 1 of 23 elements assessed")
    page.reload()
    expect(snaps(page)).to_have_count(1)
    assert page.evaluate("() => window.__locale") == []
    open_dashboard(page)  # the summary writes dates too, without Intl
    expect(page.locator("#tf-due")).to_be_visible()
    assert page.evaluate("() => window.__locale") == []

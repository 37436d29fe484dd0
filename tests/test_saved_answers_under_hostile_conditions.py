"""The saved self-assessment under hostile or unlucky conditions, in a real Chromium: ids named like
Object.prototype's members, unreadable saved data, full storage, a clock that ran fast, impossible
dates, times no clock can produce, and the limits shared by what the page lets you type, what an
import accepts and what the store writes (it never writes past a limit it reads back).

Every test runs under the site's real Content-Security-Policy and fails on any uncaught page error
(see `watch`) and on any request leaving the machine (conftest)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pages import (DASHBOARD, FILL, FULL_WHEN_ASKED, MISSION, box, choose, dialog_ok, download, open_dashboard, open_data,
                   open_element)
from test_assessment_schema import sample

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("watch"), pytest.mark.slow]


SHARED = "self-assessment/shared/"
# Every own property name of Object.prototype in Chromium, asserted below against the page's own.
PROTOTYPE_NAMES = sorted(["constructor", "__defineGetter__", "__defineSetter__", "hasOwnProperty",
                          "__lookupGetter__", "__lookupSetter__", "isPrototypeOf", "propertyIsEnumerable",
                          "toString", "valueOf", "__proto__", "toLocaleString"])


def stored(page: Page) -> str | None:
    return page.evaluate("() => localStorage.getItem(TF.key)")


def set_aside(page: Page) -> dict:
    return page.evaluate("""() => Object.fromEntries(Object.keys(localStorage)
        .filter((k) => k.startsWith(TF.key + '#unreadable')).map((k) => [k, localStorage.getItem(k)]))""")


def row(page: Page, element: str):
    return page.locator(f"tr[data-element='{element}']")


# --- ids that are names on Object.prototype ------------------------------------------------------

def _export_named(roadmap, name: str) -> dict:
    data = sample(roadmap)
    data["assessment"]["id"] = name
    data["assessment"]["name"] = f"Named {name}"
    data["assessment"]["ticked"] = sorted(data["assessment"]["ticked"] + [name])
    data["assessment"]["elements"][name] = {"stage": 4, "notes": f"notes on {name}"}
    data["assessment"]["snapshots"][0]["stages"][name] = 2
    return data


def _page_still_works(page: Page):
    page.goto(DASHBOARD)  # a full load reads the saved data afresh
    page.reload()
    expect(page.locator("#tf-tools")).to_be_visible()  # drawn: the summary, or a first visit's guide
    open_element(page, MISSION)
    box(page, "mission-input-sought").check()
    expect(box(page, "mission-input-sought")).to_be_checked()
    page.goto(DASHBOARD)
    expect(page.locator("tr[data-element]")).to_have_count(23)


@pytest.mark.slow
def test_ids_named_like_object_prototype_members_are_data_through_import(page: Page, roadmap, tmp_path: Path):
    open_element(page, MISSION)
    assert page.evaluate("() => Object.getOwnPropertyNames(Object.prototype).sort()") == PROTOTYPE_NAMES
    box(page, "mission-clearly-written").check()  # a browser with a saved tick
    for name in PROTOTYPE_NAMES:
        open_data(page)
        data = _export_named(roadmap, name)
        file = tmp_path / f"{name}.json"
        file.write_text(json.dumps(data), encoding="utf-8")
        page.locator("#tf-import").set_input_files(str(file))
        valid = page.evaluate("(t) => TF.validate(JSON.parse(t)).length === 0", json.dumps(data))
        if not valid:  # not an id this site writes: refused with a message, nothing changed
            expect(page.locator("#tf-message")).to_contain_text(f"Import refused: “{name}.json”")
            continue
        dialog_ok(page, "Import")
        expect(page.locator("#tf-message")).to_contain_text(f"Imported “Named {name}”")
        _page_still_works(page)
        # Nothing dropped: the element and the tick named like a prototype member are kept.
        choose(page.get_by_role("combobox", name="Assessment", exact=True), f"Named {name}")
        back = page.evaluate("() => TF.exportData()")["assessment"]
        assert back["id"] == name
        assert back["elements"][name] == {"stage": 4, "notes": f"notes on {name}"}
        assert name in back["ticked"]
        assert back["snapshots"][0]["stages"][name] == 2
        expect(page.locator("#tf-kept")).to_contain_text(f"element “{name}”: Stage 4")
    # Only "constructor" looks like an id of this site; the others were refused.
    names = [a["name"][0] for a in json.loads(stored(page))["list"].values()]
    assert names == ["Our assessment", "Named constructor"]


@pytest.mark.slow
def test_ids_named_like_object_prototype_members_are_data_through_share_links(page: Page, roadmap):
    open_element(page, MISSION)
    box(page, "mission-clearly-written").check()
    page.goto(SHARED)
    page.wait_for_function("() => window.TF && TF.core.share")
    imported = 0
    for name in PROTOTYPE_NAMES:
        data = _export_named(roadmap, name)
        data["rubric"] = page.evaluate("() => TF.core.rubric.version")
        frag = page.evaluate("(d) => TF.core.share.encode(d, true, '')", data)
        page.goto(SHARED + "#" + frag)
        if name != "constructor":
            expect(page.locator("#tf-shared-error")).to_contain_text("does not hold results this site can read")
            continue
        page.get_by_role("button", name="Import into my browser").click()
        dialog_ok(page, "Import")
        imported += 1
        _page_still_works(page)
        choose(page.get_by_role("combobox", name="Assessment", exact=True), f"Named {name}")
        back = page.evaluate("() => TF.exportData()")["assessment"]
        assert back["elements"][name] == {"stage": 4, "notes": f"notes on {name}"}
        assert name in back["ticked"]
        page.goto(SHARED)
    assert imported == 1


# --- unreadable saved data is set aside, kept and offered; new answers are saved -------------------

def _unreadable_values(roadmap) -> dict[str, str]:
    good = {"schema": 1, "cur": ["first", 1], "list": {"first": {
        "id": "first", "created": ["2026-01-01T00:00:00.000Z", 1], "name": ["Ours", 1], "del": [0, 1],
        "ticks": {"mission-clearly-written": [1, 2]}, "els": {"media": {"s": [2, 3], "n": ["x", 3]}},
        "exp": [None, 0], "snaps": {}}}}

    def broken(change) -> str:
        doc = json.loads(json.dumps(good))
        change(doc["list"]["first"])
        return json.dumps(doc)

    return {
        "cut off": json.dumps(good)[:40],
        "not JSON": "<html>",
        "newer schema": json.dumps({**good, "schema": 2}),
        "a null tick": broken(lambda a: a["ticks"].update({"mission-input-sought": None})),
        "snapshots as a string": broken(lambda a: a.update(snaps="none")),
        "a malformed element field": broken(lambda a: a["els"]["media"].update(s=[9, 3])),
        "an assessment without fields": json.dumps({"schema": 1, "cur": ["x", 1], "list": {"x": {"id": "x"}}}),
        "an impossible date": broken(lambda a: a.update(created=["2024-13-45T99:99:99Z", 1])),
        "a JSON null": "null",
    }


def test_unreadable_saved_data_is_set_aside_kept_offered_and_new_answers_are_saved(page: Page, roadmap):
    open_element(page, MISSION)
    for case, raw in _unreadable_values(roadmap).items():
        page.evaluate("(v) => { localStorage.clear(); localStorage.setItem(TF.key, v); }", raw)
        page.reload()
        warning = page.locator(".tf-assessment .tf-a-warn")
        expect(warning).to_contain_text("cannot read. They are kept aside", timeout=5000)
        assert list(set_aside(page).values()) == [raw], case  # moved aside at once, byte for byte
        box(page, "mission-periodic-review").check()  # then saved as usual, no step needed
        assert "mission-periodic-review" in stored(page), case
        page.reload()
        expect(box(page, "mission-periodic-review")).to_be_checked()
        name, text = download(page, "Save a copy of the unreadable data")
        assert text == raw, case
        assert name.endswith(".txt")
    open_data(page)
    expect(page.locator(".tf-d-status")).to_contain_text("cannot read. They are kept aside")
    page.get_by_role("button", name="Delete everything saved here").click()
    expect(page.locator("dialog")).to_contain_text("also deletes the copy of unreadable saved data")
    dialog_ok(page, "Delete everything")
    assert set_aside(page) == {} and stored(page) is None
    expect(page.locator(".tf-d-status")).not_to_contain_text("cannot read")


def test_unreadable_data_from_another_tab_is_set_aside_not_overwritten(context: BrowserContext):
    one, two = context.new_page(), context.new_page()
    open_element(one, MISSION)
    box(one, "mission-clearly-written").check()
    open_element(two, MISSION)
    two.evaluate("() => localStorage.setItem(TF.key, '{\"schema\": 2, \"from\": \"a newer version\"}')")
    box(one, "mission-input-sought").check()  # the open tab's next change
    assert list(set_aside(one).values()) == ['{"schema": 2, "from": "a newer version"}']
    saved = json.loads(stored(one))["list"]["first"]["ticks"]
    assert saved["mission-clearly-written"][0] == 1 and saved["mission-input-sought"][0] == 1


def test_stopping_session_only_mode_sets_unreadable_data_aside(page: Page):
    open_element(page, MISSION)
    box(page, "mission-clearly-written").check()
    open_data(page)
    page.get_by_role("button", name="Use this session only").click()
    dialog_ok(page, "Use this session only")
    page.evaluate("() => localStorage.setItem(TF.key, '{\"schema\": 2}')")  # a newer version wrote meanwhile
    open_element(page, MISSION)
    box(page, "mission-periodic-review").check()
    open_data(page)
    page.get_by_role("button", name="Stop session-only mode").click()
    dialog_ok(page, "Save in this browser")
    expect(page.locator(".tf-d-status")).to_contain_text("saved in this browser only")
    assert list(set_aside(page).values()) == ['{"schema": 2}']
    assert "mission-periodic-review" in stored(page)


def test_unreadable_data_stays_untouched_when_there_is_no_room_to_set_it_aside(page: Page):
    page.add_init_script(FULL_WHEN_ASKED)
    open_element(page, MISSION)
    page.evaluate("() => { localStorage.setItem(TF.key, '{\"schema\": 2}'); window.__full = true; }")
    page.add_init_script("window.__full = true;")
    page.reload()
    expect(page.locator(".tf-assessment")).to_contain_text("too full to set them aside")
    box(page, "mission-clearly-written").check()
    assert stored(page) == '{"schema": 2}' and set_aside(page) == {}


# --- full storage never hides readable data --------------------------------------------------------

def test_full_storage_still_shows_and_exports_what_is_saved(page: Page):
    open_element(page, MISSION)
    box(page, "mission-clearly-written").check()
    page.locator("#tf-notes").fill("Kept when storage fills up.")
    # Typed text is saved once typing pauses: storage fills after that.
    page.wait_for_function("() => (localStorage.getItem(TF.key) || '').includes('Kept when storage')")
    page.evaluate(FILL)  # the origin's real quota, filled by another part of the site
    page.reload()
    expect(box(page, "mission-clearly-written")).to_be_checked()
    expect(page.locator("#tf-notes")).to_have_value("Kept when storage fills up.")
    warning = page.locator(".tf-assessment .tf-a-warn")
    expect(warning).to_contain_text("new changes can't be saved until space is freed")
    expect(page.locator(".tf-assessment")).not_to_contain_text("Storage is blocked")
    open_dashboard(page)
    expect(row(page, "mission-statement")).to_have_attribute("data-stage", "3")
    expect(page.locator("#tf-progress")).to_contain_text("1 of 23 elements assessed")
    open_data(page)
    _, text = download(page, "Export JSON")
    data = json.loads(text)["assessment"]
    assert data["ticked"] == ["mission-clearly-written"]
    assert data["elements"]["mission-statement"]["notes"] == "Kept when storage fills up."
    page.evaluate("() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k))")
    open_element(page, MISSION)
    box(page, "mission-input-sought").check()  # space freed: saved again
    expect(page.locator(".tf-assessment")).not_to_contain_text("can't be saved")
    assert "mission-input-sought" in stored(page)


# --- time: a clock that ran fast does not make the next change lose -------------------------------

FAST = "(() => { const real = Date.now; Date.now = () => real() + 400 * 86400000; })()"


def test_a_change_after_a_fast_clock_was_corrected_still_wins(page: Page):
    open_element(page, MISSION)
    page.evaluate(FAST)  # the clock runs 400 days fast
    box(page, "mission-clearly-written").check()
    page.locator("#tf-notes").fill("written while the clock ran fast")
    page.reload()  # the clock is right again
    box(page, "mission-clearly-written").uncheck()
    page.locator("#tf-notes").fill("written later")
    page.reload()
    expect(box(page, "mission-clearly-written")).not_to_be_checked()
    expect(page.locator("#tf-notes")).to_have_value("written later")


def test_a_change_after_another_tab_ran_fast_still_wins(context: BrowserContext):
    one, two = context.new_page(), context.new_page()
    open_element(one, MISSION)
    open_element(two, MISSION)
    one.evaluate(FAST)
    box(one, "mission-clearly-written").check()
    expect(box(two, "mission-clearly-written")).to_be_checked()  # merged into the other tab
    box(two, "mission-clearly-written").uncheck()  # its clock is right
    expect(box(one, "mission-clearly-written")).not_to_be_checked()
    two.reload()
    expect(box(two, "mission-clearly-written")).not_to_be_checked()


# --- impossible dates ---------------------------------------------------------------------------------

def test_impossible_dates_are_refused(page: Page, roadmap):
    open_element(page, MISSION)
    verdicts = {}
    for when in ["2024-13-45T99:99:99Z", "2026-02-30T10:00:00Z", "2026-02-28T24:00:00Z",
                 "2026-02-28T10:60:00Z", "2026-02-28T10:00:60Z", "2026-02-28T10:00:00+25:00",
                 "2024-02-29T10:00:00Z", "2026-12-31T23:59:59.999-05:00"]:
        data = sample(roadmap)
        data["exported"] = when
        verdicts[when] = page.evaluate("(d) => TF.validate(d)", data)
    assert [when for when, problems in verdicts.items() if not problems] == [
        "2024-02-29T10:00:00Z", "2026-12-31T23:59:59.999-05:00"]
    assert verdicts["2024-13-45T99:99:99Z"] == ["exported: must be a date and time"]


# --- one set of limits: what the page lets you type is what an import accepts ---------------------

def test_notes_are_limited_where_they_are_typed_with_a_visible_count(page: Page):
    open_element(page, MISSION)
    limit = page.evaluate("() => TF.core.store.LIMITS.notes")
    notes = page.locator("#tf-notes")
    expect(page.locator("#tf-notes-count")).to_have_text(f"0 of {limit:,} characters")
    notes.fill("é" * (limit + 50))  # as a paste would
    expect(page.locator("#tf-notes-count")).to_have_text(f"{limit:,} of {limit:,} characters")
    data = page.evaluate("() => TF.exportData()")
    assert len(data["assessment"]["elements"]["mission-statement"]["notes"]) == limit
    assert page.evaluate("(d) => TF.validate(d)", data) == []


def test_snapshots_stop_at_the_limit_an_import_accepts(page: Page, roadmap, tmp_path: Path):
    open_data(page)
    limit = page.evaluate("() => TF.core.store.LIMITS.snapshots")
    data = sample(roadmap)
    data["assessment"]["snapshots"] = [
        {"id": f"s{n:04d}", "taken": f"2026-01-{1 + n // 1440:02d}T{n // 60 % 24:02d}:{n % 60:02d}:00.000Z",
         "stages": {}, "ticked": []} for n in range(limit)]
    file = tmp_path / "full.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    page.locator("#tf-import").set_input_files(str(file))
    dialog_ok(page, "Import")
    expect(page.locator("#tf-snapshot-count")).to_have_text(f"{limit} of {limit} snapshots this assessment can keep.")
    page.get_by_role("button", name="Save a dated snapshot").click()
    expect(page.locator("#tf-message")).to_contain_text(f"already has {limit}")
    back = page.evaluate("() => TF.exportData()")
    assert len(back["assessment"]["snapshots"]) == limit
    assert page.evaluate("(d) => TF.validate(d)", back) == []


def test_a_copy_name_stays_within_the_limit(page: Page):
    open_data(page)
    limit = page.evaluate("() => TF.core.store.LIMITS.name")
    page.get_by_role("button", name="Rename").click()
    dialog_ok(page, "Rename", "n" * limit)
    page.get_by_role("button", name="Duplicate").click()
    value = page.locator("dialog").get_by_role("textbox", name="Name").input_value()
    assert len(value) <= limit and value.endswith(" (copy)")
    dialog_ok(page, "Duplicate")
    assert page.evaluate("(d) => TF.validate(d)", page.evaluate("() => TF.exportData()")) == []


UNREADABLE = "cannot read"


def _import(page: Page, tmp_path: Path, data: dict, button: str = "Import"):
    file = tmp_path / f"import-{len(list(tmp_path.iterdir()))}.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    page.locator("#tf-import").set_input_files(str(file))
    expect(page.locator("dialog.tf-dialog")).to_be_visible(timeout=20000)  # a large file takes a moment
    dialog_ok(page, button)


def _dashboard_and_sample(page: Page, roadmap, limit: str, id: str) -> tuple[int, dict]:
    """The dashboard open, one of the store's limits, and an export to import under a fresh id."""
    open_data(page)
    data = sample(roadmap)
    data["assessment"]["id"] = id
    return page.evaluate(f"() => TF.core.store.LIMITS.{limit}"), data


def _still_readable(page: Page):
    """A full load reads the saved document afresh: nothing may be set aside as unreadable."""
    page.reload()
    expect(page.locator("#tf-backup")).to_be_visible()  # drawn: the heatmap, or the start guide
    expect(page.locator(".tf-d-status")).not_to_contain_text(UNREADABLE)
    assert page.evaluate("() => Object.keys(localStorage).filter((k) => k.includes('#unreadable'))") == []


# --- the store writes what it refuses to read back ------------------------------------------------

def test_a_tick_after_an_import_at_the_id_limit_is_refused_and_all_stays_readable(
        page: Page, roadmap, tmp_path: Path):
    """Once ticking one box past 5000 ticked ids saved a document the next load set aside."""
    limit, data = _dashboard_and_sample(page, roadmap, "ids", "at-the-limit")
    data["assessment"]["ticked"] = sorted(f"kept-{n:04d}" for n in range(limit))  # valid: exactly the limit
    _import(page, tmp_path, data)
    last = roadmap.element("mission-statement").indicators[-1].id
    open_element(page, MISSION)
    box(page, last).click()  # one more indicator: an export could not carry it
    expect(page.get_by_role("alert")).to_contain_text(f"already has {limit} ticked indicators")
    expect(box(page, last)).not_to_be_checked()
    open_data(page)
    _still_readable(page)
    expect(page.get_by_role("combobox", name="Assessment", exact=True)).to_contain_text("2026 baseline")
    assert page.evaluate("() => TF.core.store.tickedIds(TF.core.store.current()).length") == limit


def test_reimporting_an_assessment_with_other_snapshots_past_the_limit_is_refused(
        page: Page, roadmap, tmp_path: Path):
    """Re-importing keeps both sets of snapshots; past the limit that once saved a document the next
    load set aside. Now the import is refused up front, with the reason, and nothing changes."""
    limit, data = _dashboard_and_sample(page, roadmap, "snapshots", "baseline")

    def snapshots(prefix: str, count: int) -> list[dict]:
        return [{"id": f"{prefix}{n:04d}", "taken": f"2026-01-{1 + n // 60:02d}T10:{n % 60:02d}:00.000Z",
                 "stages": {"media": 2}, "ticked": []} for n in range(count)]

    data["assessment"]["snapshots"] = snapshots("a", 250)  # this browser's history
    _import(page, tmp_path, data)
    data["assessment"]["snapshots"] = snapshots("b", 251)  # the same assessment from a colleague: 501 in all
    file = tmp_path / "colleague.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    page.locator("#tf-import").set_input_files(str(file))
    # 250 snapshot rows stay drawn while 501 are checked: slow on a loaded machine
    expect(page.get_by_role("status").filter(has_text="Import refused")).to_contain_text(
        f"would make 501, over the {limit}", timeout=20000)
    expect(page.locator("dialog.tf-dialog")).to_have_count(0)
    _still_readable(page)
    expect(page.get_by_text(f"250 of {limit} snapshots")).to_be_visible(timeout=20000)
    data["assessment"]["snapshots"] = snapshots("a", 200) + snapshots("b", 50)  # within the limit: replaces
    _import(page, tmp_path, data, "Replace")
    _still_readable(page)
    expect(page.get_by_text(f"300 of {limit} snapshots")).to_be_visible(timeout=20000)  # 300 rows drawn


def test_a_new_assessment_past_the_assessment_limit_is_refused_or_readable(page: Page):
    """1000 kept, 999 of them deleted: the oldest deletion marker makes way for the new one."""
    open_data(page)
    limit = page.evaluate("() => TF.core.store.LIMITS.assessments")
    # Years of use: assessments made and deleted (tombstones are kept so no tab brings them back).
    kept = page.evaluate("""(n) => {
        const store = TF.core.store, count = () => Object.keys(JSON.parse(localStorage.getItem(TF.key)).list).length;
        store.create('Still in use');
        store.batch(() => { for (let k = count(); k < n; k++) store.remove(store.create('Old ' + k).id); });
        return count();
    }""", limit)
    assert kept == limit
    _still_readable(page)
    page.get_by_role("button", name="New", exact=True).click()
    dialog_ok(page, "Create", "One more")
    picker = page.get_by_role("combobox", name="Assessment", exact=True)
    expect(picker).to_contain_text("One more")
    _still_readable(page)
    expect(picker).to_contain_text("One more")


# --- times no clock can produce ----------------------------------------------------------------------

def test_a_saved_time_no_clock_can_produce_is_unreadable_and_does_not_freeze_changes(page: Page, roadmap):
    """A time past 2**53 (devtools, a broken version) once froze the logical clock: each change got
    the same time as the saved one and lost the tie, so a box could not be unticked."""
    indicator = roadmap.element("mission-statement").indicators[0].id
    open_element(page, MISSION)
    box(page, indicator).check()
    page.evaluate("""(id) => {
        const doc = JSON.parse(localStorage.getItem(TF.key));
        doc.list.first.ticks[id] = [1, 1e17];  // a finite number, but past any Date
        localStorage.setItem(TF.key, JSON.stringify(doc));
    }""", indicator)
    page.reload()
    expect(page.locator(".tf-assessment .tf-a-warn")).to_contain_text(UNREADABLE)  # set aside, kept
    for on in (True, False):
        box(page, indicator).set_checked(on)
        page.reload()
        expect(box(page, indicator)).to_be_checked(checked=on)


# --- one set of limits, counted one way ------------------------------------------------------------

def test_notes_outside_the_basic_plane_are_counted_as_the_import_counts_them(page: Page, roadmap, tmp_path: Path):
    """The counter and the box's limit once counted UTF-16 units (an emoji counted twice), where the
    import counts characters: imported emoji notes read '40000 of 20000' and could not be typed in."""
    limit, data = _dashboard_and_sample(page, roadmap, "notes", "emoji")
    line = "\U0001F600" * 99 + "\n"  # lines: Chromium's renderer crashes editing one line of 20000 emoji
    data["assessment"]["elements"]["mission-statement"]["notes"] = line * (limit // 100)  # accepted: `limit` characters
    assert page.evaluate("(d) => TF.validate(d)", data) == []
    _import(page, tmp_path, data)
    open_element(page, MISSION)
    expect(page.locator("#tf-notes-count")).to_have_text(f"{limit:,} of {limit:,} characters")
    notes = page.locator("#tf-notes")
    notes.click()
    page.keyboard.press("Control+End")
    for _ in range(3):
        page.keyboard.press("Backspace")  # one character each, emoji or not
    expect(page.locator("#tf-notes-count")).to_have_text(f"{limit - 3:,} of {limit:,} characters")
    page.keyboard.press("Control+Home")
    page.keyboard.type("ab\U0001F600\U0001F600")  # one character more than there is room for
    expect(page.locator("#tf-notes-count")).to_have_text(f"{limit:,} of {limit:,} characters")
    expected = "ab\U0001F600" + (line * (limit // 100))[:-3]  # the last one typed is the one left out
    page.wait_for_function("(v) => TF.core.store.notesOf(TF.core.store.current(), 'mission-statement') === v",
                           arg=expected)
    expect(notes).to_have_value(expected)


def test_answers_past_the_element_limit_are_refused_and_all_stays_readable(page: Page, roadmap, tmp_path: Path):
    """An import may carry answers on 500 elements (of other versions): a first answer on one more
    element once saved 501, which the next load set aside."""
    limit, data = _dashboard_and_sample(page, roadmap, "elements", "many-elements")
    data["assessment"]["elements"] = {f"kept-{n:03d}": {"stage": None, "notes": "kept"} for n in range(limit)}
    _import(page, tmp_path, data)
    open_element(page, MISSION)
    page.locator("#tf-choice-1").click()  # a first answer on this element: one element too many
    expect(page.get_by_role("alert")).to_contain_text(f"already holds answers on {limit} elements")
    expect(page.locator("#tf-choice-1")).not_to_be_checked()
    _still_readable_element(page)


def _still_readable_element(page: Page):
    page.reload()
    expect(page.locator(".tf-assessment .tf-a-status")).to_be_visible()
    expect(page.locator(".tf-assessment")).not_to_contain_text(UNREADABLE)
    assert page.evaluate("() => Object.keys(localStorage).filter((k) => k.includes('#unreadable'))") == []


def test_no_store_write_passes_a_limit_it_reads_back(page: Page):
    """Every writer the pages call, given more than a limit allows: each clamps or refuses, so what
    is saved always reads back (names, notes, action texts and owners, plan texts, targets, actions)."""
    open_data(page)
    refused = page.evaluate("""() => {
        const s = TF.core.store, L = s.LIMITS, long = (n) => '\\u{1F600}'.repeat(n + 5);
        const a = s.create('Limits'), e = TF.core.allElements[0], out = [];
        s.rename(a.id, long(L.name));
        s.setElementField(a.id, e, 'n', long(L.notes));
        s.setPlanText(a.id, 'taskForce', long(L.taskForce));
        s.setPlanText(a.id, 'people', long(L.people));
        if (!s.setElementField(a.id, e, 't', 99)) out.push('target');
        const act = s.addAction(a.id, e.id, long(L.actionText), []);
        s.setAction(a.id, act, 'owner', long(L.owner));
        s.setAction(a.id, act, 'text', long(L.actionText));
        s.batch(() => { for (let n = 1; n < L.actions; n++) s.addAction(a.id, e.id, 'more', []); });
        if (s.addAction(a.id, e.id, 'one too many', []) === null) out.push('actions');
        const back = s.byId(a.id), count = (t) => [...t].length;
        if (count(s.nameOf(back)) === L.name) out.push('name');
        if (count(s.notesOf(back, e.id)) === L.notes) out.push('notes');
        if (count(s.planTextOf(back, 'taskForce')) === L.taskForce) out.push('taskForce');
        if (count(s.planTextOf(back, 'people')) === L.people) out.push('people');
        const first = s.actionsOf(back).find((x) => x.id === act);
        if (count(first.text) === L.actionText) out.push('action text');
        if (first.owner === '') out.push('owner');
        return out.sort();
    }""")
    assert refused == sorted(["target", "actions", "name", "notes", "taskForce", "people", "action text", "owner"])
    _still_readable(page)
    assert page.evaluate("() => TF.validate(TF.core.store.exportData(TF.core.store.current()))") == []

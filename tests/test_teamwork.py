"""Team consensus, share links and dated snapshots in a real Chromium, under the site's CSP, with
every request recorded: what a facilitator, a sender and a recipient see and rely on."""

from __future__ import annotations

import copy
import csv
import io
import json
import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from test_assessment_browser import (axe, dark, dialog_ok, download, exported, open_dashboard,  # noqa: F401
                                     open_element, watch)
from test_assessment_schema import sample

pytestmark = pytest.mark.browser

TEAM = "self-assessment/team/"


def member(roadmap, name: str, stages: dict, ticked: list[str]) -> dict:
    return {"format": "tf-roadmap-assessment", "schema": 1, "rubric": roadmap.version,
            "exported": "2026-11-20T09:00:00Z",
            "assessment": {"id": "first", "name": name, "created": "2026-11-01T09:00:00Z",
                           "ticked": sorted(ticked),
                           "elements": {k: {"stage": v, "notes": ""} for k, v in stages.items()}}}


def as_file(data: dict, name: str) -> dict:
    return {"name": name, "mimeType": "application/json", "buffer": json.dumps(data).encode()}


def record(context: BrowserContext) -> list[str]:
    """Every request's URL, headers and body, as text."""
    seen: list[str] = []
    context.on("request", lambda r: seen.append(f"{r.url}\n{json.dumps(r.headers)}\n{r.post_data or ''}"))
    return seen


@pytest.fixture
def team(roadmap) -> tuple[list[dict], dict]:
    """Three members with known disagreements, and the indicators they split on."""
    meetings = roadmap.element("meetings")
    x = next(i for i in meetings.indicators if i.stage == 3)
    y = next(i for i in meetings.indicators if i.stage == 4)
    files = [
        # Mission Statement: stages 1, 4, 2 (spread 3). Leadership: 2, 3, 2 (spread 1).
        # Media: N/A, N/A, 2 (differs, no numeric spread). Meetings: all at 3, ticks differ.
        member(roadmap, "Alice (police)", {"mission-statement": 1, "leadership": 2, "media": "na", "meetings": 3}, [x.id, y.id]),
        member(roadmap, "Bob (prosecutor)", {"mission-statement": 4, "leadership": 3, "media": "na", "meetings": 3}, [x.id]),
        member(roadmap, "Carol (NGO)", {"mission-statement": 2, "leadership": 2, "media": 2, "meetings": 3}, []),
    ]
    return files, {"x": x, "y": y}


def load_team(page: Page, files: list[dict]):
    page.goto(TEAM)
    page.get_by_label("Members' self-assessment exports (JSON files)").set_input_files(
        [as_file(f, f"{f['assessment']['name'].split()[0].lower()}.json") for f in files])


def test_three_members_give_the_expected_agenda_csv_and_agreed_result(page: Page, context, team, roadmap):
    requests = record(context)
    files, split = team
    load_team(page, files)

    agenda = page.locator("#tf-agenda > li")
    expect(agenda).to_have_count(4)
    assert [li.get_attribute("data-agenda") for li in agenda.all()] == [
        "mission-statement", "leadership", "media", "meetings"]  # spread 3, spread 1, differs, ticks only
    expect(agenda.nth(0).locator("h3")).to_have_text("Mission Statement · spread 3 (Stage 1 to 4)")
    expect(agenda.nth(1).locator("h3")).to_contain_text("spread 1 (Stage 2 to 3)")
    expect(agenda.nth(2).locator("h3")).to_have_text("Media · stages differ")
    expect(agenda.nth(3).locator("h3")).to_have_text("Meetings · same stage, indicators differ")
    expect(agenda.nth(0)).to_contain_text("Alice (police): Stage 1 · Bob (prosecutor): Stage 4 · Carol (NGO): Stage 2")
    meetings = page.locator("li[data-agenda='meetings'] li[data-split]")
    assert [li.get_attribute("data-split") for li in meetings.all()] == [split["x"].id, split["y"].id]
    expect(meetings.nth(0)).to_contain_text("True for 2 of 3: Alice (police), Bob (prosecutor); not for Carol (NGO).")
    expect(page.locator("#tf-agenda-summary")).to_contain_text("4 of 23 elements to discuss")
    expect(page.locator("#tf-team-agreed")).to_contain_text("Answered alike by everyone (19)")

    overview = page.locator("tr[data-team='mission-statement'] td")
    expect(overview).to_have_text(["Stage 1", "Stage 4", "Stage 2", "3 (Stage 1 to 4)"])
    expect(page.locator("tr[data-team='outreach'] td").last).to_have_text("agreed")

    # Anonymised: no name on screen, in print or in the CSV.
    page.get_by_label("Hide names", exact=False).check()
    body = page.locator("#tf-team").inner_text()
    assert not any(n in body for n in ("Alice", "Bob", "Carol")), body[:400]
    expect(agenda.nth(0)).to_contain_text("Member A: Stage 1 · Member B: Stage 4 · Member C: Stage 2")
    name, text = download(page, "Export CSV")
    assert name.startswith("team-consensus-") and name.endswith(".csv")
    assert not any(n in text for n in ("Alice", "Bob", "Carol"))
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    col = {h: n for n, h in enumerate(rows[0])}
    assert rows[0][7:] == ["Member A", "Member B", "Member C", "Spread or ticked by", "Agreed"]
    mission = next(r for r in rows if r[0] == "element" and r[col["Element id"]] == "mission-statement")
    assert [mission[col[m]] for m in ("Member A", "Member B", "Member C")] == ["1", "4", "2"]
    assert mission[col["Spread or ticked by"]] == "3" and mission[col["Agreed"]] == ""
    x_row = next(r for r in rows if r[col["Indicator id"]] == split["x"].id)
    assert [x_row[col[m]] for m in ("Member A", "Member B", "Member C")] == ["yes", "yes", "no"]
    assert x_row[col["Agreed"]] == "yes"  # the majority, until the meeting decides otherwise

    # The meeting decides: Mission Statement at Stage 2, and x is not true after all.
    page.get_by_label("Agreed stage for Mission Statement").select_option(label="Stage 2 · Developing Structure & Organization")
    page.locator(f"#tf-agree-{split['x'].id}").uncheck()
    page.get_by_role("button", name="Save the agreed result as a new assessment").click()
    dialog_ok(page, "Save", "Team consensus, November")
    expect(page.locator("#tf-message")).to_contain_text("Saved “Team consensus, November” in this browser")
    open_dashboard(page)
    result = exported(page)["assessment"]
    assert result["name"] == "Team consensus, November"
    assert result["ticked"] == []  # x overruled, y ticked by one of three
    assert {k: v["stage"] for k, v in result["elements"].items() if v["stage"] is not None} == {
        "mission-statement": 2, "meetings": 3}
    for secret in ("Alice", "Bob", "Carol", "police"):
        assert not any(secret in r for r in requests), secret


def test_bad_and_repeated_files_are_refused_and_drop_works(page: Page, team):
    files, _ = team
    page.goto(TEAM)
    broken = {"name": "broken.json", "mimeType": "application/json", "buffer": b"{not json"}
    wrong = copy.deepcopy(files[0])
    wrong["assessment"]["elements"]["media"]["stage"] = 7
    page.get_by_label("Members' self-assessment exports (JSON files)").set_input_files(
        [as_file(files[0], "alice.json"), broken, as_file(wrong, "wrong.json"), as_file(files[0], "alice-again.json")])
    message = page.locator("#tf-message")
    expect(message).to_contain_text("Loaded 1 file(s)")
    expect(message).to_contain_text("“broken.json” was refused: it is not valid JSON.")
    expect(message).to_contain_text("“wrong.json” was refused: it is not a self-assessment export this site can read "
                                    "(assessment.elements.media.stage: must be 1 to 5")
    expect(message).to_contain_text("“alice-again.json” was skipped: it holds the same answers as “alice.json”.")
    expect(page.locator("#tf-team-members li")).to_have_count(1)
    expect(page.locator("#tf-team-empty")).to_have_text("Load at least one more member's file to compare.")
    # Two more dropped on the page, as a file manager would.
    page.locator("#tf-team").evaluate("""(root, docs) => {
        const dt = new DataTransfer();
        for (const [name, text] of docs) dt.items.add(new File([text], name, { type: "application/json" }));
        root.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }""", [["bob.json", json.dumps(files[1])], ["carol.json", json.dumps(files[2])]])
    expect(page.locator("#tf-team-members li")).to_have_count(3)
    expect(page.locator("#tf-agenda > li")).to_have_count(4)


def full_assessment(roadmap) -> dict:
    """Every indicator ticked, every element's stage chosen and reviewed, no notes."""
    stages = [1, 2, 3, 4, 5, "na"]
    return {"format": "tf-roadmap-assessment", "schema": 1, "rubric": roadmap.version,
            "exported": "2026-11-20T09:00:00.000Z",
            "assessment": {"id": "first", "name": "Our assessment", "created": "2026-11-01T09:00:00.000Z",
                           "ticked": sorted(i.id for i in roadmap.indicators),
                           "elements": {e.id: {"stage": stages[n % 6], "notes": "", "reviewed": e.signature}
                                        for n, e in enumerate(roadmap.elements)}}}


def import_on_dashboard(page: Page, data: dict, tmp_path, name="import.json"):
    file = tmp_path / name
    file.write_text(json.dumps(data), encoding="utf-8")
    open_dashboard(page)
    page.get_by_label("Import a JSON export").set_input_files(str(file))
    dialog_ok(page, "Replace" if page.locator("dialog.tf-dialog button", has_text="Replace").count() else "Import")


def make_link(page: Page, notes: bool = False, passphrase: str = "") -> str:
    page.locator("#tf-share-notes").set_checked(notes)
    page.locator("#tf-share-pass").fill(passphrase)
    page.evaluate("() => TF.core.say(null)")  # so the message below is this link's, not the last one's
    page.get_by_role("button", name="Copy a link to these results").click()
    expect(page.locator("#tf-message")).to_have_text(re.compile(
        r"(Copied|Made) a link.* to “.*”" + (" with notes" if notes else "")
        + (", encrypted with your passphrase" if passphrase else "") + r"\.$"))
    return page.locator("#tf-share-link").input_value()


def test_a_share_link_round_trips_exactly_and_no_request_carries_it(page: Page, context, new_context, roadmap, tmp_path):
    original = sample(roadmap)  # notes, N/A, a kept unknown id, a reviewed hash
    sent = record(context)
    import_on_dashboard(page, original, tmp_path)
    before = exported(page)["assessment"]
    link = make_link(page, notes=True)
    assert "/self-assessment/shared/#tf1." in link
    payload = link.split("#", 1)[1]

    other = new_context()  # the recipient: another browser, nothing saved
    received = record(other)
    theirs = other.new_page()
    theirs.goto(link)
    expect(theirs.locator("#tf-shared-name")).to_have_text("2026 baseline")
    expect(theirs.locator("tr[data-shared='mission-statement']")).to_have_attribute("data-stage", "2")
    expect(theirs.locator("tr[data-shared='media']")).to_have_attribute("data-stage", "na")
    assert theirs.evaluate("() => localStorage.getItem(TF.key)") is None  # read-only until imported
    theirs.get_by_role("button", name="Import into my browser").click()
    dialog_ok(theirs, "Import")
    expect(theirs.locator("#tf-message")).to_have_text("Imported “2026 baseline” from a shared link.")
    after = theirs.evaluate("() => TF.exportData()")["assessment"]
    before.pop("snapshots")  # snapshots stay home: a link carries stages, ticks and notes
    assert after == before

    # Without notes: everything else identical, notes empty.
    link = make_link(page, notes=False)
    theirs.goto(link)
    expect(theirs.locator("#tf-shared-name")).to_have_text("2026 baseline")
    expect(theirs.locator("#tf-shared")).not_to_contain_text("Draft at the March meeting")
    for secret in (payload, "2026 baseline", "Draft at the March meeting", link.split("#", 1)[1]):
        assert not any(secret in r for r in sent + received), secret[:40]
    other.close()


def test_a_full_assessment_fits_in_a_link_under_2000_characters(page: Page, roadmap, tmp_path):
    import_on_dashboard(page, full_assessment(roadmap), tmp_path)
    plain = make_link(page)
    locked = make_link(page, passphrase="a long enough passphrase")
    assert len(plain) < 2000 and len(locked) < 2000, (len(plain), len(locked))
    page.goto(plain)
    expect(page.locator("#tf-shared-name")).to_have_text("Our assessment")
    expect(page.locator("#tf-shared")).to_contain_text(f"{len(roadmap.indicators)} indicators ticked")


def test_a_wrong_passphrase_is_refused_and_shows_nothing(page: Page, roadmap, tmp_path):
    import_on_dashboard(page, sample(roadmap), tmp_path)
    link = make_link(page, notes=True, passphrase="correct horse battery")
    assert "#tf1e." in link
    page.goto(link)
    page.get_by_label("Passphrase").fill("wrong horse")
    page.get_by_role("button", name="Show the results").click()
    expect(page.locator("#tf-shared-error")).to_have_text(
        "The results stay hidden: the passphrase does not open it (or the link is damaged). "
        "Check the passphrase with the sender and try again.")
    expect(page.locator("#tf-shared-name")).to_have_count(0)
    expect(page.locator("tr[data-shared]")).to_have_count(0)
    assert "2026 baseline" not in page.locator("body").inner_text()
    page.get_by_label("Passphrase").fill("correct horse battery")
    page.get_by_role("button", name="Show the results").click()
    expect(page.locator("#tf-shared-name")).to_have_text("2026 baseline")
    expect(page.locator("#tf-shared")).to_contain_text("Draft at the March meeting.")
    # A link cut short or altered shows nothing either (opened afresh, as a recipient would).
    for broken in (link[:-12], link[:-3] + ("AAA" if not link.endswith("AAA") else "BBB")):
        page.goto("about:blank")
        page.goto(broken)
        page.get_by_label("Passphrase").fill("correct horse battery")
        page.get_by_role("button", name="Show the results").click()
        expect(page.locator("#tf-shared-error")).to_be_visible()
        expect(page.locator("tr[data-shared]")).to_have_count(0)


def test_damaged_and_foreign_links_are_refused_with_a_reason(page: Page, roadmap, tmp_path):
    import_on_dashboard(page, sample(roadmap), tmp_path)
    link = make_link(page)
    base, payload = link.split("#", 1)
    for fragment, reason in [(payload[:-20], "damaged or cut off"), ("tf1.<script>", "characters a link of this site never has"),
                             ("elsewhere", "not a results link of this site")]:
        page.goto(f"{base}#{fragment}")
        expect(page.locator("#tf-shared-error")).to_contain_text(reason)
        expect(page.locator("tr[data-shared]")).to_have_count(0)


def test_snapshots_show_each_elements_stage_over_time(page: Page):
    open_element(page, "internal-foundations/mission-statement/")
    page.get_by_role("radio", name="Stage 1 · Creating a Foundation & Getting Started").check()
    open_dashboard(page)
    page.get_by_role("button", name="Save a dated snapshot").click()
    expect(page.locator("#tf-snapshot-list li")).to_have_count(1)
    open_element(page, "internal-foundations/mission-statement/")
    page.get_by_role("radio", name="Stage 3 · Institutionalizing").check()
    open_dashboard(page)
    page.get_by_role("button", name="Save a dated snapshot").click()
    expect(page.locator("#tf-snapshot-list li")).to_have_count(2)
    open_element(page, "internal-foundations/mission-statement/")
    page.get_by_role("radio", name="Stage 2 · Developing Structure & Organization").check()
    open_dashboard(page)
    cells = page.locator("tr[data-history='mission-statement'] td")
    expect(cells).to_have_text(["Stage 1", "Stage 3 ▲ up from Stage 1", "Stage 2 ▼ down from Stage 3"])
    assert [c.get_attribute("class") for c in cells.all()] == [None, "tf-move-up", "tf-move-down"]
    expect(page.locator("tr[data-history='media'] td")).to_have_text(["—", "—", "—"])
    # Kept across a reload, and in the export.
    page.reload()
    expect(page.locator("#tf-snapshot-list li")).to_have_count(2)
    snaps = exported(page)["assessment"]["snapshots"]
    assert [s["stages"].get("mission-statement") for s in snaps] == [1, 3]
    page.locator("#tf-snapshot-list li").first.get_by_role("button", name="Delete").click()
    dialog_ok(page, "Delete")
    expect(page.locator("#tf-snapshot-list li")).to_have_count(1)
    expect(cells).to_have_text(["Stage 3", "Stage 2 ▼ down from Stage 3"])


@pytest.mark.browser_context_args(bypass_csp=True)
def test_axe_finds_nothing_on_the_team_and_shared_pages(page: Page, team, roadmap, tmp_path):
    files, _ = team
    load_team(page, files)
    expect(page.locator("#tf-agenda > li")).to_have_count(4)
    assert axe(page) == []
    import_on_dashboard(page, sample(roadmap), tmp_path)
    page.get_by_role("button", name="Save a dated snapshot").click()
    link = make_link(page, passphrase="pass")
    assert axe(page) == []  # the dashboard with snapshots and a link
    page.goto(link)
    expect(page.get_by_label("Passphrase")).to_be_visible()
    assert axe(page) == []
    page.get_by_label("Passphrase").fill("pass")
    page.get_by_role("button", name="Show the results").click()
    expect(page.locator("#tf-shared-name")).to_be_visible()
    assert axe(page) == []
    dark(page)
    assert axe(page) == []


def test_hostile_links_are_shown_as_text_or_refused(page: Page, roadmap, tmp_path):
    import base64
    import zlib
    hostile = sample(roadmap)
    hostile["assessment"]["name"] = '<img src=x onerror="window.__pwned=1">'
    hostile["assessment"]["elements"]["outreach"]["notes"] = "<script>window.__pwned=2</script>"
    import_on_dashboard(page, hostile, tmp_path)
    link = make_link(page, notes=True)
    page.goto(link)
    expect(page.locator("#tf-shared-name")).to_have_text(hostile["assessment"]["name"])
    page.locator("#tf-shared details", has_text="Outreach").locator("summary").click()
    expect(page.locator("#tf-shared")).to_contain_text("<script>window.__pwned=2</script>")
    assert page.locator("#tf-shared img, #tf-shared script").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    # A few kilobytes that would inflate to 6 MB are refused before they are parsed.
    bomb = zlib.compress(b"[" + b" " * 6_000_000 + b"]", 9)
    fragment = "tf1." + base64.urlsafe_b64encode(bomb).decode().rstrip("=")
    assert len(fragment) < 12_000
    page.goto(link.split("#")[0] + "#" + fragment)
    expect(page.locator("#tf-shared-error")).to_have_text("This link cannot be shown: it expands to over 5 MB.")

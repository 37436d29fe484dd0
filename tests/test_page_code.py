"""Each page carries only its own code and data: an element page loads the rubric's head and its
own element (in its HTML); the checklist's code (the store and assessment.js) once the browser holds
answers or the reader moves toward the checklist; never the whole rubric (tf-rubric.js) nor the code
only the dashboard, team, shared, plan and report pages use, nor the targets and actions editor
until the element has a plan or the reader asks for one. Checked on the network log of a real build
in Chromium, with and without saved answers, with the targets and actions editor in use."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pages import DASHBOARD, MEDIA, MISSION, TICKED, box, open_element, open_plan, quick, tick, wait_until
from test_team_consensus import DROP, as_file, export

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("watch")]

# What an element page loads for a reader, and what the checklist adds: all it may load of the
# site's own scripts until the editor is asked for.
READER_SCRIPTS = {
    "assets/javascripts/tf-rubric-head.js",  # version, stages, page links
    "assets/js/roadmap.js",  # copy links, the highlighted target
    "assets/js/drawer.js",  # the header's menu button from the keyboard
    "assets/js/assessment-loader.js",  # when the checklist's code is needed
}
CHECKLIST_SCRIPTS = {"assets/js/store-text.js", "assets/js/store-merge.js",
                     "assets/js/store-format.js", "assets/js/store-undo.js",
                     "assets/js/store-folders.js", "assets/js/store-tabs.js", "assets/js/store.js",
                     "assets/js/assessment-rules.js", "assets/js/assessment-dom.js",
                     "assets/js/assessment-notes.js", "assets/js/assessment-checklist.js",
                     "assets/js/assessment.js"}
ELEMENT_PAGE_SCRIPTS = READER_SCRIPTS | CHECKLIST_SCRIPTS
EDITOR = "assets/js/actions.js"  # the targets and actions editor, on demand
COPIES = "assets/js/store-copies.js"  # the store's export, import, undo and snapshots
WHOLE_RUBRIC = "assets/javascripts/tf-rubric.js"
LISTING = "assets/js/listing.js"
SLASHED_AND_CITED = ["internal-foundations/membership/", "internal-foundations/meetings/",
                     "case-operations/prosecutions/"]


@pytest.fixture
def scripts(context: BrowserContext, site) -> list[str]:
    """The site's own scripts requested, in order (Material's bundle left out)."""
    requested: list[str] = []

    def note(request):
        path = urlsplit(request.url).path.lstrip("/")
        if request.resource_type == "script" and (
                path.startswith("assets/js/") or path.startswith("assets/javascripts/tf-")):
            requested.append(path)
    context.on("request", note)
    return requested


def checklist_ready(page: Page):
    """The checklist is drawn, and the targets and actions editor or the button that opens it."""
    expect(page.locator(".tf-assessment h2")).to_have_text("Your self-assessment")
    expect(page.locator(".tf-a-plan")).to_have_attribute("data-plan", re.compile("^(closed|open)$"))


def next_step_texts(page: Page) -> list[str]:
    return page.locator(".tf-a-steps li > a").all_text_contents()


# The page has loaded and its observers have had their first look (they report at a frame).
SETTLED = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def reader_opens(page: Page, path: str):
    """An element page opened on a phone in a browser that holds no answers, as a shared link opens."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(path)
    page.evaluate(SETTLED)
    # Only meaningful where the checklist is out of reach: farther than the quarter screen ahead
    # that assessment-loader.js watches (on a phone every element's is 2.5 screens down or more).
    assert page.evaluate("() => document.querySelector('.tf-assessment').getBoundingClientRect().top"
                         " > 1.25 * innerHeight")


def test_a_reader_gets_the_page_without_the_checklists_code(page: Page, scripts):
    reader_opens(page, MISSION)
    expect(box(page, "mission-clearly-written")).to_be_visible()  # ready to tick
    # A finger put down on the stages to scroll them is not a move toward the checklist.
    page.locator("li[data-indicator] label").first.dispatch_event("pointerdown", {"pointerType": "touch"})
    page.evaluate(SETTLED)
    assert set(scripts) == READER_SCRIPTS
    assert page.evaluate("() => [typeof TF_STORE, typeof TF]") == ["undefined", "undefined"]
    # Reading on, to the foot of the page, brings it in time to be drawn.
    page.locator(".tf-assessment").scroll_into_view_if_needed()
    expect(page.locator(".tf-assessment h2")).to_have_text("Your self-assessment")
    assert set(scripts) == ELEMENT_PAGE_SCRIPTS


def test_a_tick_made_before_the_checklists_code_arrives_is_saved(page: Page, context: BrowserContext,
                                                                   scripts):
    held = []
    context.route("**/assets/js/store.js", lambda route: held.append(route))  # on its way, slowly
    reader_opens(page, MISSION)
    with page.expect_request("**/assets/js/store.js"):  # the tick asked for the code
        box(page, "mission-periodic-review").check()
    wait_until(page, lambda: held, "the held request for the checklist's code")
    expect(page.locator(".tf-assessment h2")).to_have_count(0)
    # Let it through before unrouting: with no route left, Playwright lets held requests go itself.
    held[0].continue_()
    context.unroute("**/assets/js/store.js")
    expect(page.locator("li#mission-periodic-review")).to_have_class(TICKED)
    expect(page.locator(".tf-a-result")).to_contain_text("Suggested stage: Stage 5 · ")
    # Saved: a reload shows it without any move (the browser holds answers now).
    page.reload()
    page.evaluate(SETTLED)
    expect(box(page, "mission-periodic-review")).to_be_checked()
    expect(page.locator(".tf-check:checked")).to_have_count(1)


@pytest.mark.slow
def test_a_checklist_that_fails_to_load_says_so_and_loads_at_the_next_tick(page: Page,
                                                                          context: BrowserContext):
    context.route("**/assets/js/store.js", lambda route: route.abort())
    reader_opens(page, MISSION)
    box(page, "mission-clearly-written").check()
    expect(page.locator("#tf-not-loaded")).to_have_text(re.compile("^The self-assessment could not be "
                                                                   "loaded, so ticks are not saved yet"))
    context.unroute("**/assets/js/store.js")
    tick(box(page, "mission-roles-connected"))
    expect(page.locator("#tf-not-loaded")).to_have_count(0)
    # Both ticks count: the one made while the code could not load, and the one that brought it.
    expect(page.locator("li.tf-ticked")).to_have_count(2)
    page.reload()
    expect(page.locator(".tf-check:checked")).to_have_count(2)


def test_a_keyboard_user_ticks_before_the_code_arrives(page: Page):
    reader_opens(page, MISSION)
    box(page, "mission-clearly-written").focus()
    page.keyboard.press("Space")
    expect(page.locator("li#mission-clearly-written")).to_have_class(TICKED)
    page.reload()
    expect(box(page, "mission-clearly-written")).to_be_checked()


def test_a_link_to_the_panel_brings_it_and_a_malformed_address_breaks_nothing(page: Page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(MISSION + "#tf-your-assessment")
    expect(page.locator("#tf-your-assessment")).to_have_text("Your self-assessment")
    page.goto(MEDIA + "#%E0%A4%A")  # not a valid escape: decodeURIComponent throws on it
    page.evaluate(SETTLED)
    tick(page.locator(".tf-check").first)  # and no page error (the watch fixture)


@pytest.mark.slow
def test_another_tab_saving_brings_the_checklist_to_a_readers_tab(page: Page, context: BrowserContext,
                                                                  scripts):
    reader_opens(page, MISSION)
    assert "assets/js/store.js" not in scripts
    other = context.new_page()
    open_element(other, MISSION)
    box(other, "mission-clearly-written").check()
    expect(box(page, "mission-clearly-written")).to_be_checked()
    expect(page.locator("li#mission-clearly-written")).to_have_class(TICKED)


def test_an_element_page_loads_only_the_checklist_and_its_own_element(page: Page, scripts, roadmap):
    media = roadmap.element("media")

    # A blank browser, scrolled to the checklist.
    open_element(page, MEDIA)
    checklist_ready(page)
    assert set(scripts) == ELEMENT_PAGE_SCRIPTS

    # The checklist works from the page's own data: ticks, the suggested stage, what Stage 2
    # looks like (the indicators' text as the rubric has it), the stage, notes; no editor yet.
    stage_1 = [i for i in media.indicators if i.stage == 1]
    box(page, stage_1[0].id).check()
    expect(page.locator(".tf-a-result")).to_contain_text("Suggested stage: Stage 1 · ")
    stage_2 = [i for i in media.indicators if i.stage == 2]
    assert next_step_texts(page) == [i.text for i in stage_2]
    page.get_by_role("radio", name=re.compile("^Stage 2 ")).check()
    expect(page.locator(".tf-a-result")).to_contain_text("Counted stage: Stage 2 · ")
    page.locator("#tf-notes").fill("Press contact list lives with the coordinator.")
    stage_3 = [i for i in media.indicators if i.stage == 3]
    expect(page.locator(".tf-a-steps li > a")).to_have_text([i.text for i in stage_3])
    expect(page.locator(".tf-a-plan")).to_have_attribute("data-plan", "closed")
    assert set(scripts) == ELEMENT_PAGE_SCRIPTS

    # "Add as an action" is there before the editor: it brings the editor, then the action.
    step = page.locator(".tf-a-steps li").first
    step.get_by_role("button", name=re.compile("^Add as an action")).click()
    action = page.locator("ol.tf-a-actions > li").first
    expect(action.locator("textarea")).to_have_value("")  # the task force's own words, linked below
    expect(action.locator("textarea")).to_be_focused()
    expect(action.locator(".tf-a-toward")).to_have_text(f"Works toward: {stage_3[0].text}")
    page.get_by_label("Target stage", exact=True).select_option("3")
    expect(page.locator("#tf-target-state")).to_have_text("Counted Stage 2 · target Stage 3: on track.")
    assert set(scripts) == ELEMENT_PAGE_SCRIPTS | {EDITOR}

    # With saved answers, after a reload: the element's plan brings the editor unasked.
    scripts.clear()
    page.reload()
    checklist_ready(page)
    expect(box(page, stage_1[0].id)).to_be_checked()
    expect(page.locator("#tf-notes")).to_have_value("Press contact list lives with the coordinator.")
    expect(page.locator("ol.tf-a-actions > li")).to_have_count(1)
    expect(page.get_by_label("Target stage", exact=True)).to_have_value("3")
    assert set(scripts) == ELEMENT_PAGE_SCRIPTS | {EDITOR}
    stored = page.evaluate("() => TF.exportData()")["assessment"]
    assert stored["ticked"] == [stage_1[0].id]
    assert stored["elements"]["media"]["stage"] == 2 and stored["elements"]["media"]["target"] == 3


def test_the_whole_rubric_loads_once_a_page_lists_every_element(page: Page, scripts):
    open_element(page, MEDIA)
    checklist_ready(page)
    page.locator(".tf-stage[data-stage='1'] .tf-check").first.check()
    assert WHOLE_RUBRIC not in scripts and LISTING not in scripts and COPIES not in scripts
    assert page.evaluate("() => [typeof TF_STORE.exportData, typeof TF_STORE.validateExport]") == [
        "undefined", "undefined"]
    # Material's instant navigation keeps the page's scripts: the dashboard asks for the rest.
    page.get_by_role("link", name="Open the dashboard").click()
    expect(page).to_have_url(re.compile(re.escape(DASHBOARD) + "$"))
    expect(page.locator("tr[data-element]")).to_have_count(23)
    expect(page.locator("tr[data-element='media']")).to_contain_text("Stage 1")
    assert (scripts.index(WHOLE_RUBRIC) < scripts.index(LISTING) < scripts.index(COPIES)
            < scripts.index("assets/js/dashboard.js"))
    # The store's copies of the saved data are the store's own code: the export is its document.
    exported = page.evaluate("() => TF_STORE.exportData(TF_STORE.current())")["assessment"]
    assert exported["ticked"] == [page.evaluate("() => TF_STORE.tickedIds(TF_STORE.current())")[0]]
    # And back on an element page, the checklist still draws from the page.
    page.go_back()
    checklist_ready(page)
    expect(page.locator(".tf-check:checked")).to_have_count(1)


@pytest.mark.parametrize("saved", [False, True], ids=["first visit", "answers saved"])
def test_the_dashboards_modules_are_asked_for_with_the_checklists_code_not_after_it(
        page: Page, context: BrowserContext, scripts, saved):
    if saved:
        open_element(page, MISSION)
        tick(box(page, "mission-clearly-written"))
    held = []
    context.route("**/assets/js/assessment.js", lambda route: held.append(route))
    scripts.clear()
    page.goto(DASHBOARD, wait_until="domcontentloaded")  # its load event waits for assessment.js
    wanted = page.evaluate("(saved) => TF_CODE.modules('tf-dashboard', saved).map(TF_CODE.url)", saved)
    wanted = [urlsplit(u).path.lstrip("/") for u in wanted]
    # assessment.js, which runs them, is still on its way: they were asked for beside it.
    wait_until(page, lambda: held and set(wanted) <= set(scripts), f"{wanted} beside assessment.js")
    held[0].continue_()
    context.unroute("**/assets/js/assessment.js")
    expect(page.locator("#tf-tools")).to_be_visible()
    expect(page.locator("#tf-due")).to_have_count(1 if saved else 0)  # plan.js: what is due
    page.wait_for_load_state("networkidle")
    assert sorted(p for p in scripts if scripts.count(p) > 1) == []  # each asked for once


@pytest.mark.parametrize("path", quick(SLASHED_AND_CITED, SLASHED_AND_CITED[0]))
def test_indicators_read_from_the_page_match_the_rubric(page: Page, scripts, roadmap, path):
    """Citation marks, copy-link buttons and line-break hints in the items are not the text."""
    open_element(page, path)
    element = next(e for e in roadmap.elements if e.url.strip("/") == path.strip("/"))
    read = page.evaluate("""(ids) => ids.map((id) => {
      const i = TF.core.indicatorById[id];
      return i && [i.id, i.stage, i.text, i.el.id, i.el.sig];
    })""", [i.id for i in element.indicators])
    assert read == [[i.id, i.stage, i.text, element.id, element.signature] for i in element.indicators]
    assert WHOLE_RUBRIC not in scripts


@pytest.mark.slow
def test_the_editor_opens_from_the_keyboard_where_its_button_was(page: Page, scripts):
    """Answers on another element bring no editor here; the reader's button does, in its place,
    with the focus in the editor's first field."""
    open_element(page, MISSION)
    open_plan(page)
    page.get_by_label("Target stage", exact=True).select_option("2")
    scripts.clear()
    open_element(page, MEDIA)
    checklist_ready(page)
    opener = page.get_by_role("button", name="Set a target and plan actions for Media")
    expect(opener).to_be_visible()
    assert EDITOR not in scripts
    opener.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Target stage", exact=True)).to_be_focused()
    expect(opener).to_have_count(0)  # the editor took its place
    expect(page.locator(".tf-a-plan #tf-target-stage")).to_have_count(1)
    assert scripts.count(EDITOR) == 1


@pytest.mark.slow
def test_an_editor_that_fails_to_load_says_so_and_loads_when_asked_again(page: Page, context: BrowserContext):
    context.route(f"**/{EDITOR}", lambda route: route.abort())
    open_element(page, MEDIA)
    page.get_by_role("button", name="Set a target and plan actions for Media").click()
    expect(page.locator(".tf-a-plan [role=alert]")).to_have_text(
        "The target and actions editor could not be loaded. Check your connection, then try again.")
    expect(page.locator(".tf-a-plan")).to_have_attribute("data-plan", "closed")
    context.unroute(f"**/{EDITOR}")
    page.get_by_role("button", name="Set a target and plan actions for Media").click()
    expect(page.get_by_label("Target stage", exact=True)).to_be_focused()
    expect(page.locator(".tf-a-plan [role=alert]")).to_have_count(0)


# The dashboard's own code, all of which a first visit on a phone does without until it is needed.
DASHBOARD_CODE = CHECKLIST_SCRIPTS | {WHOLE_RUBRIC, LISTING, COPIES, "assets/js/dashboard.js"}
GUIDE_TOP = "() => document.getElementById('tf-start').getBoundingClientRect().top + scrollY"


def reader_opens_dashboard(page: Page):
    """The dashboard opened on a phone in a browser that holds no answers: the start guide, with
    the dashboard's tools a screen down, beyond the quarter screen ahead the loader watches."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(DASHBOARD)
    page.evaluate(SETTLED)
    assert page.evaluate("() => document.querySelector('[data-tf-tools]').getBoundingClientRect().top"
                         " > 1.25 * innerHeight")


def test_a_first_visit_on_a_phone_reads_the_start_guide_without_the_dashboards_code(page: Page,
                                                                                     scripts):
    reader_opens_dashboard(page)
    expect(page.get_by_role("link", name="Start with Mission Statement")).to_be_visible()
    assert set(scripts) == READER_SCRIPTS
    guide_top = page.evaluate(GUIDE_TOP)
    # Reading on toward the tools brings them, drawn below the guide: what was read stays put.
    page.evaluate("() => scrollBy(0, innerHeight / 2)")
    expect(page.get_by_role("link", name="Session-only mode and deleting")).to_be_attached()
    expect(page.locator("#tf-start")).to_be_visible()
    assert DASHBOARD_CODE <= set(scripts)
    assert page.evaluate(GUIDE_TOP) == guide_top


@pytest.mark.slow
def test_following_a_link_in_the_stages_is_not_a_move_toward_the_checklist(page: Page, scripts):
    reader_opens(page, "internal-foundations/meetings/")
    cited = page.locator(".tf-stages a[href*='citations/#cite-']").first
    cited.click()  # a click on a link focuses it first: neither is a move toward the checklist
    expect(page).to_have_url(re.compile(r"/citations/#cite-\d+$"))
    page.evaluate(SETTLED)
    assert set(scripts) == READER_SCRIPTS


def import_clicked_while_the_code_is_held(page: Page, context: BrowserContext) -> list:
    """A first visit on a phone where "Import a file" is clicked while the dashboard's code is on
    its way, slowly: the held request (store.js), for the test to let through. The code is asked
    for by the click, or by the tools as the button is scrolled into view."""
    held = []
    context.route("**/assets/js/store.js", lambda route: held.append(route))
    reader_opens_dashboard(page)
    page.get_by_role("button", name="Import a file").click()
    wait_until(page, lambda: held, "the held request for the dashboard's code")
    return held


def file_choosers(page: Page) -> list:
    """The file choosers the page opens from now on."""
    opened: list = []
    page.on("filechooser", lambda chooser: opened.append(chooser))
    return opened


@pytest.mark.slow
def test_import_clicked_before_the_dashboards_code_arrived_opens_the_file_when_it_does(
        page: Page, context: BrowserContext, scripts, tmp_path):
    open_element(page, MISSION)
    tick(box(page, "mission-no-shared-statement"))
    file = tmp_path / "ours.json"
    file.write_text(json.dumps(page.evaluate("() => TF.exportData()")), encoding="utf-8")
    page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")  # a new browser
    held = import_clicked_while_the_code_is_held(page, context)
    expect(page.locator("#tf-tools")).to_have_count(0)
    with page.expect_file_chooser() as chooser:  # the click is acted on once the code is there
        held[0].continue_()
    context.unroute("**/assets/js/store.js")
    chooser.value.set_files(str(file))
    page.locator("dialog.tf-dialog").get_by_role("button", name=re.compile("^(Import|Replace)$")).click()
    expect(page.locator("tr[data-element='mission-statement']")).to_contain_text("1/2")
    expect(page.locator("#tf-start")).to_have_count(0)


@pytest.mark.slow
def test_import_asked_long_before_the_code_arrived_asks_for_the_file_again(page: Page,
                                                                           context: BrowserContext):
    chooser = file_choosers(page)
    # A slow phone: the code comes after the click's user activation lapsed (about 5 s in Chromium),
    # when the browser would refuse to open a file chooser. Stood in for: Playwright's own calls into
    # the page count as user gestures, so waiting for it to lapse here is a matter of luck.
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'userActivation', "
                         "{ get: () => ({ isActive: false, hasBeenActive: true }) })")
    held = import_clicked_while_the_code_is_held(page, context)
    held[0].continue_()
    context.unroute("**/assets/js/store.js")
    expect(page.locator("#tf-message")).to_have_text(
        "Choose the file to import: the page was still loading when you asked.")
    expect(page.get_by_label("Import a JSON export")).to_be_focused()
    assert chooser == []


@pytest.mark.slow
def test_a_keyboard_user_in_the_start_guide_keeps_their_place_as_the_code_arrives(page: Page, scripts):
    reader_opens_dashboard(page)
    start = page.locator("#tf-start-first")
    start.evaluate("(link) => link.focus({ preventScroll: true })")  # as a Tab reaching it
    page.evaluate(SETTLED)
    assert set(scripts) == READER_SCRIPTS  # a link reached is not yet a move: it may be followed
    page.keyboard.press("Tab")  # a key in the page is
    expect(page.locator("#tf-tools")).to_be_attached()
    assert DASHBOARD_CODE <= set(scripts)
    # The guide was moved into the drawn dashboard: the focus went with it, not to the page's top.
    expect(page.get_by_role("button", name="Import a file")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(start).to_be_focused()


@pytest.mark.slow
def test_a_click_asked_of_the_dashboard_is_not_replayed_on_a_later_visit(page: Page,
                                                                        context: BrowserContext):
    chooser = file_choosers(page)
    held = import_clicked_while_the_code_is_held(page, context)
    # The reader changes their mind before the code arrives, and comes back later.
    page.get_by_role("link", name="Start with Mission Statement").click()
    expect(page).to_have_url(re.compile(re.escape(MISSION) + "$"))
    expect(box(page, "mission-clearly-written")).to_be_visible()  # the element page is in place
    held[0].continue_()
    context.unroute("**/assets/js/store.js")
    expect(page.locator(".tf-assessment h2")).to_have_text("Your self-assessment")
    page.go_back()
    expect(page.locator("#tf-tools")).to_be_attached()
    page.evaluate(SETTLED)
    assert chooser == []


@pytest.mark.slow
def test_another_tab_saving_draws_the_dashboard_a_first_visit_left_waiting(page: Page,
                                                                          context: BrowserContext,
                                                                          scripts):
    reader_opens_dashboard(page)
    assert "assets/js/store.js" not in scripts
    other = context.new_page()
    open_element(other, MISSION)
    tick(box(other, "mission-clearly-written"))
    expect(page.locator("tr[data-element='mission-statement']")).to_contain_text("1/")
    expect(page.locator("#tf-start")).to_have_count(0)


def test_a_link_to_a_part_of_the_dashboard_brings_its_code_on_a_first_visit(page: Page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(DASHBOARD + "#tf-storage")  # the tool moved to the data page: the address leads there
    expect(page).to_have_url(re.compile(r"self-assessment/data/#tf-storage$"))
    expect(page.get_by_role("button", name="Use this session only")).to_be_visible()


@pytest.mark.slow
def test_a_dashboard_whose_code_fails_to_load_says_so_and_tries_again_at_the_next_click(
        page: Page, context: BrowserContext):
    tries = []
    context.route("**/assets/js/store.js", lambda route: (tries.append(route), route.abort()))
    reader_opens_dashboard(page)
    page.get_by_role("button", name="Import a file").click()
    expect(page.locator("#tf-not-loaded")).to_have_text(re.compile(
        "^This page.s code could not be loaded. Check your connection"))
    for _ in range(5):  # ten frames: an observer in view would have asked again at each
        page.evaluate(SETTLED)
    assert len(tries) == 1  # the tools in view do not ask again, frame after frame
    context.unroute("**/assets/js/store.js")
    with page.expect_file_chooser():
        page.get_by_role("button", name="Import a file").click()
    expect(page.locator("#tf-tools")).to_be_attached()
    expect(page.locator("#tf-not-loaded")).to_have_count(0)


# Team consensus: its picker is in the page, and every visit starts with no files (they are never
# kept), so its code waits for the facilitator's first move, on any screen.
TEAM = "self-assessment/team/"
PICKER_AT = "() => [document.getElementById('tf-team-files'), document.getElementById('tf-team-empty')]" \
    ".map((node) => Math.round(node.getBoundingClientRect().top + scrollY))"


def members_files(page: Page) -> list[dict]:
    """Two members' exports, for the version of the roadmap this build carries (from its head)."""
    version = page.evaluate("() => TF_RUBRIC.version")
    return [as_file(export(version, name, n, {"mission-statement": n}, {"mission-clearly-written"}))
            for n, name in ((1, "Ana"), (2, "Ben"))]


def test_team_consensus_opens_with_its_picker_and_without_its_code(page: Page, scripts):
    page.goto(TEAM)
    page.evaluate(SETTLED)
    expect(page.get_by_label("Members' self-assessment exports (JSON files)")).to_be_visible()
    expect(page.locator("#tf-team-empty")).to_have_text("No files loaded yet.")
    assert set(scripts) == READER_SCRIPTS
    at = page.evaluate(PICKER_AT)
    # A facilitator reaching the picker brings the code, which draws around it: nothing moves.
    page.locator("#tf-team-files").focus()
    expect(page.locator("#tf-team #tf-message")).to_be_attached()
    assert {COPIES, "assets/js/consensus.js"} <= set(scripts)
    assert page.evaluate(PICKER_AT) == at
    expect(page.locator("#tf-team-files")).to_be_focused()


@pytest.mark.slow
def test_files_chosen_before_the_team_code_arrived_are_read_when_it_does(page: Page,
                                                                        context: BrowserContext):
    held = []
    context.route("**/assets/js/store.js", lambda route: held.append(route))
    page.goto(TEAM)
    with page.expect_request("**/assets/js/store.js"):
        page.locator("#tf-team-files").set_input_files(members_files(page))
    wait_until(page, lambda: held, "the held request for the team page's code")
    held[0].continue_()
    context.unroute("**/assets/js/store.js")
    expect(page.locator("#tf-team-members > li")).to_have_count(2)
    expect(page.locator("#tf-message")).to_have_text("Loaded 2 file(s): 2 member(s) in all.")


@pytest.mark.slow
def test_files_dropped_before_the_team_code_arrived_are_kept_from_the_browser_and_read(page: Page,
                                                                                      scripts):
    page.goto(TEAM)
    page.evaluate(SETTLED)
    docs = [[f["name"], f["buffer"].decode()] for f in members_files(page)]
    state = page.locator("#tf-team-empty").evaluate(DROP, docs)
    # Not left to the browser, which would open the file in place of the site.
    assert state["overPrevented"] and state["dropPrevented"]
    expect(page.locator("#tf-team-members > li")).to_have_count(2)
    assert "assets/js/consensus.js" in scripts

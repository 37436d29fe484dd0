"""Leaving a page (a reload, a closed tab, a link) keeps what the reader typed, ticked or chose, or
asks first (#26 items 3 and 4)."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect

from pages import MISSION, box
from test_plan_report import act, member
from test_team_page_names_and_leaving import leaving_asks

pytestmark = pytest.mark.slow

REPORT = "self-assessment/report/"
TEAM = "self-assessment/team/"
CHECKLIST_LAST = "**/assets/js/assessment.js"  # the checklist's code ends with it (checklist.py)


def stored(page: Page) -> str:
    return page.evaluate("() => localStorage.getItem(TF.key) || ''")


# --- 3. saved as typed ----------------------------------------------------------------------------

def test_the_reports_names_are_saved_as_typed_without_leaving_the_field(page: Page):
    page.goto(MISSION)
    box(page, "mission-clearly-written").check()
    page.goto(REPORT)
    name = page.get_by_label("Task force name (kept with this assessment)")
    people = page.get_by_label("Who took part (optional; names appear in the report)")
    people.click()
    page.keyboard.type("Police, prosecutor")
    expect(people).to_be_focused()
    page.wait_for_function("() => (localStorage.getItem(TF.key) || '').includes('Police, prosecutor')")
    name.click()
    page.keyboard.type("Metro task force")
    page.reload()  # at once, the field still focused: the page's leaving saves it
    expect(name).to_have_value("Metro task force")
    expect(people).to_have_value("Police, prosecutor")
    expect(page.locator("#tf-r-title")).to_have_text("Metro task force")


def proposals_files(roadmap, tmp_path) -> list[str]:
    one = member(roadmap, "Ana", 1, {"media": (4, "2027-06-30")}, [act(1, "media", "Name a press officer", "Ana")])
    two = member(roadmap, "Ben", 2, {"media": (3, None)}, [act(2, "media", "Write a media protocol", "Ben")])
    files = []
    for d in (one, two):
        path = tmp_path / f"{d['assessment']['name']}.json"
        path.write_text(json.dumps(d), encoding="utf-8")
        files.append(str(path))
    return files


def open_team_with(page: Page, files: list[str]):
    page.goto(TEAM)
    page.get_by_label("Members' self-assessment exports (JSON files)").set_input_files(files)
    expect(page.locator("#tf-proposals > li")).to_have_count(1)


def test_every_facilitator_choice_on_the_team_page_asks_before_leaving(context: BrowserContext, roadmap, tmp_path):
    files = proposals_files(roadmap, tmp_path)
    choices = [
        lambda p: p.get_by_label("Agreed target for Media").select_option("2"),
        lambda p: p.get_by_label("By (optional)").fill("2027-09-30"),
        lambda p: p.locator("li[data-pick]").first.get_by_role("checkbox").click(),
    ]
    page = context.new_page()
    open_team_with(page, files)
    assert leaving_asks(page) is False  # nothing chosen yet: the files are still on disk
    for choose in choices:
        page = context.new_page()
        open_team_with(page, files)
        choose(page)
        assert leaving_asks(page) is True


# --- 4. a tick made while the checklist's code is on its way ---------------------------------------

def test_a_tick_made_before_the_code_arrives_survives_following_a_link(context: BrowserContext):
    held: list[Route] = []
    context.route(CHECKLIST_LAST, lambda route: held.append(route))  # a slow connection
    page = context.new_page()
    page.goto(MISSION)
    page.evaluate("() => { window.__marker = 'still here'; }")
    box(page, "mission-clearly-written").check()  # the loader asks for the code: it is held
    page.wait_for_function("() => document.querySelector('script[src$=\"assets/js/assessment.js\"]')")
    page.locator("a.md-footer__link--next").click()  # on to the next element, before the code came
    expect(page).to_have_url(re.compile("guiding-principles"))
    assert page.evaluate("() => window.__marker") == "still here"  # instant navigation
    for route in held:
        route.continue_()
    context.unroute(CHECKLIST_LAST)
    expect(page.locator(".tf-assessment h2")).to_have_text("Your self-assessment")
    page.wait_for_function("() => (localStorage.getItem(TF.key) || '').includes('mission-clearly-written')")
    page.goto(MISSION)
    expect(box(page, "mission-clearly-written")).to_be_checked()


def test_a_tick_made_before_the_code_arrives_survives_a_full_page_load(context: BrowserContext):
    context.route(CHECKLIST_LAST, lambda route: route.abort())  # never arrives on this page
    page = context.new_page()
    page.goto(MISSION)
    box(page, "mission-clearly-written").check()
    expect(page.locator("#tf-not-loaded")).to_be_visible()
    context.unroute(CHECKLIST_LAST)
    page.goto(REPORT)  # a full load of another page: the tick is saved there
    page.wait_for_function("() => (localStorage.getItem(TF.key) || '').includes('mission-clearly-written')")
    page.goto(MISSION)
    expect(box(page, "mission-clearly-written")).to_be_checked()

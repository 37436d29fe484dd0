"""The team page's care with members' names and agreed choices, in a real Chromium: "Hide names"
also hides the file names in its messages, and leaving with unsaved agreed choices asks first.

Every test runs under the site's real Content-Security-Policy and fails on any uncaught page
error (see `watch`) and on any request leaving the machine (conftest)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pages import dialog_ok
from test_team_consensus import SECRETS, as_file, load, open_team

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("watch")]


# --- 7. hidden names stay hidden in the team page's messages -------------------------------------

def test_hide_names_also_hides_the_file_names_in_messages(page: Page):
    r, files, s = open_team(page)
    load(page, files[:1], members=1)
    expect(page.locator("#tf-message")).to_contain_text("Loaded 1 file(s)")
    page.get_by_label("Hide names", exact=False).check()
    expect(page.locator("#tf-message")).to_have_text("")
    other = json.loads(json.dumps(files[2]))
    other["rubric"] = "0" * 16  # another version of the roadmap: a message of its own
    page.locator("#tf-team-files").set_input_files([
        as_file(files[1]),
        as_file(files[0], "self-assessment-alice-marchetti-again.json"),  # a repeat
        {"name": "self-assessment-dave-oyelaran-whitfield-2026-11-20.json",  # refused
         "mimeType": "application/json", "buffer": b'{"format": '},
        as_file(other),
    ])
    message = page.locator("#tf-message")
    expect(message).to_contain_text("Loaded 2 file(s): 3 member(s) in all.")
    expect(message).to_contain_text("File 2 of 4 was skipped: it holds the same answers as Member A.")
    expect(message).to_contain_text("File 3 of 4 was refused: it is not valid JSON.")
    expect(message).to_contain_text("Member C was made with another version of the roadmap")
    assert [w for w in SECRETS if w in message.inner_text().lower()] == []
    page.get_by_label("Hide names", exact=False).uncheck()  # names come back on request
    page.locator("#tf-team-files").set_input_files([as_file(files[1], "bob-again.json")])
    expect(message).to_contain_text("“bob-again.json” was skipped: it holds the same answers as “self-assessment-bob")


# --- 13. the team page warns before agreed choices are lost ---------------------------------------

def leaving_asks(page: Page) -> bool:
    """Closes the page as a user would (running beforeunload); True if the browser asked first."""
    asked: list[str] = []

    def answer(dialog):
        asked.append(dialog.type)
        dialog.accept()
    page.on("dialog", answer)
    with page.expect_event("close"):
        page.close(run_before_unload=True)
    return asked == ["beforeunload"]


@pytest.mark.slow
def test_the_team_page_warns_before_leaving_with_unsaved_agreed_choices(context: BrowserContext):
    page = context.new_page()
    r, files, s = open_team(page)
    load(page, files)
    assert leaving_asks(page) is False  # members only: the files are still on disk

    page = context.new_page()
    open_team(page)
    load(page, files)
    page.get_by_label("Agreed stage for Confidentiality").select_option("2")
    assert leaving_asks(page) is True

    page = context.new_page()
    open_team(page)
    load(page, files)
    page.locator(f"#tf-agree-{s['m4']}").uncheck()
    page.get_by_role("button", name="Save the agreed result as a new assessment").click()
    dialog_ok(page, "Save")
    assert leaving_asks(page) is False  # saved: nothing to lose

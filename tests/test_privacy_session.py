"""One full scripted session: every page type, search, ticking, export and import. Not one
request leaves the machine (the conftest recorder aborts and reports any), and the console shows
no CSP violation or error."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pages import tick

pytestmark = pytest.mark.browser

PAGES = ["", "stages/", "internal-foundations/", "internal-foundations/mission-statement/",
         "case-operations/victim-services/", "citations/", "resources/", "about/", "privacy/",
         "self-assessment/", "no-such-page/"]


@pytest.mark.slow  # among the slowest browser tests (README: scripts/test -m "not slow")
def test_a_full_session_stays_on_the_origin_with_a_quiet_console(page: Page, context: BrowserContext,
                                                                  tmp_path):
    console: list[str] = []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    context.add_init_script("document.addEventListener('securitypolicyviolation', e =>"
                            " console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))")
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))

    for path in PAGES:
        page.goto(path)
    page.goto("./")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("referral protocol")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10000)
    page.keyboard.press("Escape")

    page.goto("case-operations/referral-protocols/")
    tick(page.locator("li[data-indicator] input[type=checkbox]").first)
    tick(page.locator("li[data-indicator] input[type=checkbox]").nth(4))
    page.goto("self-assessment/data/")  # export and import
    with page.expect_download() as info:
        page.get_by_role("button", name="Export JSON").click()
    exported = tmp_path / "export.json"
    info.value.save_as(exported)
    with page.expect_download():
        page.get_by_role("button", name="Export CSV").click()
    page.get_by_label("Import a JSON export").set_input_files(str(exported))
    expect(page.locator("dialog.tf-dialog")).to_be_visible()
    page.locator("dialog.tf-dialog").get_by_role("button", name="Cancel").click()

    # The one expected line: the deliberate visit to a missing page answers 404.
    missing = [m for m in console if "status of 404" in m]
    assert len(missing) == 1, console
    assert [m for m in console if m not in missing] == []
    assert context.foreign_requests == []
    assert len(requests) > 30  # the session really loaded pages, assets and the search index

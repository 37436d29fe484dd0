"""Keeping one's place while the page redraws, in a real Chromium: deleting a snapshot by keyboard
leaves focus on a neighbour, and a redraw from another tab keeps focus and caret.

Every test runs under the site's real Content-Security-Policy and fails on any uncaught page
error (see `watch`) and on any request leaving the machine (conftest)."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pages import MISSION, assess_something, box, open_dashboard, open_data, open_element, snapshot_ids

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("watch"), pytest.mark.slow]


DIALOG = "dialog.tf-dialog"


# --- 14. focus and caret ------------------------------------------------------------------------

def focused_key(page: Page) -> str | None:
    return page.evaluate("() => document.activeElement.dataset.k || document.activeElement.tagName")


def delete_snapshot_by_keyboard(page: Page, sid: str):
    page.locator(f"[data-k='snapshot-delete-{sid}']").focus()
    page.keyboard.press("Enter")
    expect(page.locator(DIALOG)).to_be_visible()
    page.keyboard.press("Tab")  # from Cancel to Delete
    page.keyboard.press("Enter")
    expect(page.locator(f"li[data-snapshot='{sid}']")).to_have_count(0)


def test_deleting_a_snapshot_by_keyboard_leaves_focus_on_a_neighbour(page: Page):
    assess_something(page)  # the snapshot controls sit in the overview, not the start guide
    open_data(page)
    for n in range(3):
        page.get_by_role("button", name="Save a dated snapshot").click()
        expect(page.locator("#tf-snapshot-list li")).to_have_count(n + 1)
    first, middle, last = snapshot_ids(page)
    delete_snapshot_by_keyboard(page, middle)
    assert focused_key(page) == f"snapshot-delete-{last}"  # the next one, as in a list
    delete_snapshot_by_keyboard(page, last)
    assert focused_key(page) == f"snapshot-delete-{first}"  # none after: the one before
    delete_snapshot_by_keyboard(page, first)
    assert focused_key(page) == "snapshot"  # none left: the button that makes one


def redrawn_by_another_tab(page: Page, other: Page, selector: str):
    """Ticks in `other` and waits until `page` has drawn its view again (the old node is gone)."""
    page.evaluate("(s) => { window.__old = document.querySelector(s); }", selector)
    open_element(other, MISSION)
    box(other, "mission-clearly-written").set_checked(not box(other, "mission-clearly-written").is_checked())
    page.wait_for_function("() => !window.__old.isConnected")


def caret(page: Page) -> list:
    return page.evaluate("() => { const e = document.activeElement;"
                         " return [e.id, e.value, e.selectionStart, e.selectionEnd]; }")


def test_a_redraw_from_another_tab_keeps_focus_and_caret(context: BrowserContext):
    page, other = context.new_page(), context.new_page()
    assess_something(page)  # the share controls sit in the overview, not the start guide
    open_data(page)
    field = page.get_by_label("Passphrase (optional)")
    field.fill("correct horse")
    field.press("Home")
    for _ in range(3):
        field.press("ArrowRight")
    redrawn_by_another_tab(page, other, "#tf-share-pass")
    assert caret(page) == ["tf-share-pass", "correct horse", 3, 3]
    page.keyboard.type("X")  # typing goes on where it was
    expect(field).to_have_value("corXrect horse")

    # A control without a key of its own (a link in the dashboard's heatmap) keeps the focus too.
    open_dashboard(page)
    page.locator("tr[data-element='media'] th a").focus()
    redrawn_by_another_tab(page, other, "tr[data-element='media'] th a")
    assert page.evaluate("() => document.activeElement.closest('tr').dataset.element") == "media"


def test_a_redraw_from_another_tab_keeps_the_caret_in_the_shared_pages_passphrase(context: BrowserContext):
    page, other = context.new_page(), context.new_page()
    assess_something(page)  # a dashboard with something to share has the share module
    open_data(page)
    link = page.evaluate("async () => TF.core.url(TF_RUBRIC.pages.shared) + '#' +"
                         " await TF.core.share.encode(TF.exportData(), false, 'secret')")
    page.goto(link)
    field = page.get_by_label("Passphrase", exact=True)
    for attempt in range(3):  # Material may replace the content once just after a fragment load
        field.fill("abcdef")
        try:
            expect(field).to_have_value("abcdef", timeout=300 * (attempt + 1))
            break
        except AssertionError:
            continue
    field.press("ArrowLeft")
    field.press("ArrowLeft")
    redrawn_by_another_tab(page, other, "#tf-shared-pass")
    assert caret(page) == ["tf-shared-pass", "abcdef", 4, 4]

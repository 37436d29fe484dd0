"""The first visit: with nothing assessed yet the dashboard is a short start guide in the source's
own words; the heatmap appears once there is something to show."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from pages import DASHBOARD, MISSION, box, open_dashboard, open_element

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("watch")]


def test_a_first_visit_gets_a_start_guide_instead_of_an_empty_heatmap(page: Page, roadmap):
    open_dashboard(page)
    guide = page.locator("#tf-start")
    expect(guide).to_be_visible()
    expect(page.locator("#tf-overview")).to_have_count(0)
    expect(page.locator("tr[data-element]")).to_have_count(0)
    # The roadmap's own caution, word for word from the rubric, not the site's paraphrase.
    expect(guide.locator("blockquote")).to_have_text(roadmap.front.important_notes[0])
    assert "not intended as a checklist" in roadmap.front.important_notes[0]
    expect(guide).to_contain_text("about five minutes")
    first = roadmap.elements[0]
    start = guide.get_by_role("link", name=f"Start with {first.title}")
    site = page.url.split(DASHBOARD)[0]
    start.click()
    expect(page).to_have_url(site + first.url.lstrip("/"))


def test_import_a_file_from_the_guide_and_the_heatmap_appears(page: Page, tmp_path):
    open_element(page, MISSION)
    box(page, "mission-no-shared-statement").check()
    data = page.evaluate("() => TF.exportData()")
    page.evaluate("() => TF.core.store.wipeAll()")
    file = tmp_path / "ours.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    open_dashboard(page)
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import a file").click()
    chooser.value.set_files(str(file))
    page.locator("dialog.tf-dialog").get_by_role("button", name=re.compile("^(Import|Replace)$")).click()
    expect(page.locator("tr[data-element]")).to_have_count(23)
    expect(page.locator("#tf-start")).to_have_count(0)


def test_the_heatmap_replaces_the_guide_once_something_is_ticked(page: Page):
    open_element(page, MISSION)
    box(page, "mission-no-shared-statement").check()
    open_dashboard(page)
    expect(page.locator("tr[data-element]")).to_have_count(23)
    expect(page.locator("#tf-start")).to_have_count(0)
    expect(page.locator('tr[data-element="mission-statement"]')).to_contain_text("1/2")


def test_a_redraw_keeps_the_keyboards_place_in_the_start_guide(page: Page):
    open_dashboard(page)
    page.locator("#tf-start-first").focus()
    # The guide is kept and moved into each drawing: moving a node takes the focus from it.
    page.evaluate("() => TF.core.refresh()")
    expect(page.locator("#tf-start-first")).to_be_focused()

"""The offline edition (scripts/offline zips it): works from file:// with nothing fetched."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from pages import tick

# The offline edition's own build and journeys: in the full run. The quick run keeps one journey
# (test_assessment_browser: saving and linking from a folder).
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("offline")]  # one build of the edition


def test_the_edition_holds_every_page_and_no_external_reference(offline, roadmap):
    for element in roadmap.elements:
        assert (offline / element.area_id / f"{element.id}.html").is_file(), element.id
    assert (offline / "search" / "search_index.js").is_file()
    for page in offline.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in html, page
        fetched = re.findall(r'<(?:script|img|iframe)\b[^>]*\ssrc="([^"]+)"|'
                             r'<link\b[^>]*rel="(?:stylesheet|icon|preload|modulepreload)"[^>]*href="([^"]+)"', html)
        for url in (a or b for a, b in fetched):
            assert "://" not in url and not url.startswith("//"), (page, url)


def test_search_and_self_assessment_work_from_file(page: Page, context, offline):
    page.goto((offline / "index.html").as_uri())
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("witness bonds")
    # Results refresh as each key arrives: wait for the answer to the whole query.
    result = page.locator(".md-search-result__item > .md-search-result__link").first
    expect(result).to_have_attribute("href", re.compile(r"case-operations/prosecutions\.html(\?|#|$)"), timeout=10000)

    page.goto((offline / "internal-foundations" / "meetings.html").as_uri())
    box = page.locator("li[data-indicator='meetings-notes-taken'] input[type=checkbox]")
    tick(box)
    page.reload()
    expect(box).to_be_checked()
    expect(page.locator("li[data-indicator] input[type=checkbox]:checked")).to_have_count(1)
    assert context.foreign_requests == []


def test_dashboard_snapshots_share_links_and_team_page_work_from_file(page: Page, context, offline):
    """The on-demand modules load from file://, and share links (compression, WebCrypto) work there."""
    page.goto((offline / "internal-foundations" / "meetings.html").as_uri())
    tick(page.locator("li[data-indicator='meetings-notes-taken'] input[type=checkbox]"))
    page.goto((offline / "self-assessment.html").as_uri())
    expect(page.locator("tr[data-element]")).to_have_count(23)
    expect(page.locator("#tf-due")).to_be_visible()  # plan.js, from file:// too
    page.get_by_role("link", name="Snapshots and comparison").click()  # the data page, from a folder
    page.get_by_role("button", name="Save a dated snapshot").click()
    expect(page.locator("#tf-snapshot-list li")).to_have_count(1)
    page.locator("#tf-share-pass").fill("offline passphrase")
    page.get_by_role("button", name="Copy a link to these results").click()
    link = page.locator("#tf-share-link")
    expect(link).to_have_value(re.compile(r"^file:///.*/self-assessment/shared\.html#tf1e\."))
    page.goto(link.input_value())
    page.locator("#tf-shared-pass").fill("offline passphrase")
    page.get_by_role("button", name="Show the results").click()
    expect(page.locator("#tf-shared-name")).to_have_text("Our assessment")
    expect(page.locator("tr[data-shared='meetings']")).to_contain_text("1/")
    page.goto((offline / "self-assessment" / "team.html").as_uri())
    expect(page.get_by_label("Members' self-assessment exports (JSON files)")).to_be_visible()
    assert context.foreign_requests == []


MEETINGS_BOX = "li[data-indicator='meetings-notes-taken'] input[type=checkbox]"


def _copy(offline, where):
    import shutil
    shutil.copytree(offline, where)
    return where


def test_answers_follow_the_edition_to_another_folder(page: Page, offline, tmp_path):
    """Answers were once kept under the folder's path: a newer copy unpacked elsewhere, or a moved
    folder, showed an empty assessment. The first page says where answers live."""
    first, second = _copy(offline, tmp_path / "unpacked 2025"), _copy(offline, tmp_path / "newer" / "roadmap")
    page.goto((first / "index.html").as_uri())
    expect(page.locator("#tf-offline-storage")).to_contain_text("kept by this web browser on this computer")
    expect(page.locator("#tf-offline-storage")).to_contain_text("Export JSON")
    page.goto((first / "internal-foundations" / "meetings.html").as_uri())
    tick(page.locator(MEETINGS_BOX))
    page.goto((second / "internal-foundations" / "meetings.html").as_uri())
    expect(page.locator(MEETINGS_BOX)).to_be_checked()
    page.goto((second / "self-assessment.html").as_uri())
    expect(page.locator("#tf-progress")).to_contain_text("1 of 23 elements assessed")


def test_answers_kept_under_an_old_folder_key_move_to_the_edition_key(page: Page, offline, tmp_path):
    """An older edition's answers, under its folder's path, join this edition's without mixing:
    two first assessments, each browser's "first", stay two."""
    folder = _copy(offline, tmp_path / "edition")
    page.goto((folder / "internal-foundations" / "meetings.html").as_uri())
    tick(page.locator(MEETINGS_BOX))  # saved under the new key, as "first"
    old_key = "tf-roadmap/v1:/old/unpacked/folder/"
    page.evaluate("""(old) => {
        const doc = JSON.parse(localStorage.getItem(TF.key));
        const a = doc.list.first;
        a.created = ['2024-05-01T10:00:00.000Z', a.created[1]];  // another assessment, also "first"
        a.name = ['From the old folder', a.name[1]];
        localStorage.setItem(old, JSON.stringify(doc));
    }""", old_key)
    page.goto((folder / "self-assessment.html").as_uri())
    picker = page.get_by_role("combobox", name="Assessment", exact=True)
    expect(picker.locator("option")).to_have_count(2)
    expect(picker).to_contain_text("From the old folder")
    expect(picker).to_contain_text("Our assessment")
    assert page.evaluate("(old) => localStorage.getItem(old)", old_key) is None
    page.reload()
    expect(picker.locator("option")).to_have_count(2)

"""The offline edition (scripts/offline zips it): works from file:// with nothing fetched."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


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
    box.check()
    page.reload()
    expect(box).to_be_checked()
    expect(page.locator("li[data-indicator] input[type=checkbox]:checked")).to_have_count(1)
    assert context.foreign_requests == []


def test_dashboard_snapshots_share_links_and_team_page_work_from_file(page: Page, context, offline):
    """The on-demand modules load from file://, and share links (compression, WebCrypto) work there."""
    page.goto((offline / "internal-foundations" / "meetings.html").as_uri())
    page.locator("li[data-indicator='meetings-notes-taken'] input[type=checkbox]").check()
    page.goto((offline / "self-assessment.html").as_uri())
    expect(page.locator("tr[data-element]")).to_have_count(23)
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

"""Reading and sharing the roadmap in a real Chromium: layout, sharing, search, print, a11y."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pages import AXE, axe

pytestmark = pytest.mark.browser

MISSION = "internal-foundations/mission-statement/"
PAGES = {"home": "", "element": MISSION, "stages": "stages/", "citations": "citations/",
         "resources": "resources/", "area": "case-operations/", "about": "about/",
         # column titles as headings inside the introduction (axe checks their order)
         "confidentiality": "case-operations/confidentiality/"}


def boxes(page: Page, selector: str) -> list[dict]:
    return page.eval_on_selector_all(
        selector, "els => els.map(e => { const r = e.getBoundingClientRect();"
                  " return {x: Math.round(r.x), y: Math.round(r.y), w: r.width}; })")


# --- home and about -------------------------------------------------------------------------------

def test_home_explains_the_roadmap_and_shows_the_snapshot(page: Page, roadmap):
    page.goto("./")
    article = page.locator("article")
    # The source's own headings, in its order, as headings a screen reader can list.
    heading = roadmap.front.headings
    headings = article.locator("h1, h2, h3").evaluate_all(
        "hs => hs.map(h => [h.tagName, [...h.childNodes].filter(n => !n.classList?.contains('headerlink'))"
        ".map(n => n.textContent).join('').trim()])")
    assert headings == [
        ["H1", roadmap.title], ["H2", heading.what_is_a_task_force], ["H2", heading.development],
        ["H3", heading.purpose], ["H3", heading.format], ["H2", heading.areas_snapshot],
        *[["H3", f"{a.number}. {a.title}"] for a in roadmap.areas], ["H2", heading.stages_snapshot]]
    # The areas as the introduction words them, each a link to its area.
    for area, words in zip(roadmap.areas, roadmap.front.areas_of_function):
        expect(article.get_by_role("link", name=words, exact=True)).to_have_attribute(
            "href", re.compile(rf"{area.id}/$"))
    # The site's own words sit in one box; nothing else on the page is the site's.
    site_words = article.locator("nav.tf-site-actions")
    expect(site_words).to_contain_text("See where your task force stands")
    expect(article.locator(".tf-lead")).to_have_count(0)
    expect(article).to_contain_text("This tool is a planning resource only.")
    expect(article).to_contain_text("different elements are at different stages of development")
    snapshot = page.locator(".tf-snapshot")
    for area in roadmap.areas:
        expect(snapshot).to_contain_text(area.title)
    links = snapshot.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    for element in roadmap.elements:
        assert any(h.rstrip("/").endswith(element.url.rstrip("/")) for h in links), element.id
    stages = page.locator(".tf-snapshot-stages li")
    expect(stages).to_have_count(5)
    for stage, item in zip(roadmap.stages, stages.all()):
        expect(item).to_contain_text(stage.name)


def test_about_carries_acknowledgements_grants_and_disclaimer(page: Page):
    page.goto("about/")
    article = page.locator("article")
    expect(article).to_contain_text("Development & Operations Road Map")  # the original title
    expect(article).to_contain_text("Kentucky Human Trafficking Task Force")
    expect(article).to_contain_text("2015-VT-BX-K001")
    expect(article).to_contain_text("2016-VF-GX-K014")
    expect(article).to_contain_text("do not necessarily represent the official position")
    expect(article.locator("ul").nth(1).locator("li")).to_have_count(6)


# --- element pages --------------------------------------------------------------------------------

def test_stages_sit_side_by_side_on_a_wide_screen(page: Page, roadmap):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(MISSION)
    cols = boxes(page, ".tf-stage")
    assert len(cols) == 5
    assert len({c["y"] for c in cols}) == 1, cols  # one row
    assert [c["x"] for c in cols] == sorted(c["x"] for c in cols)
    assert all(c["w"] > 150 for c in cols), cols
    for stage, heading in zip(roadmap.stages, page.locator(".tf-stage h3").all()):
        expect(heading).to_contain_text(f"Stage {stage.number}")
        expect(heading).to_contain_text(stage.name)


@pytest.mark.slow  # among the slowest browser tests (README: scripts/test -m "not slow")
def test_stages_stack_on_a_phone_and_nothing_scrolls_sideways(page: Page, screenshots: Path):
    page.set_viewport_size({"width": 360, "height": 760})
    for name, path in PAGES.items():
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{name} scrolls sideways: {width}px"
        if name == "element":
            cols = boxes(page, ".tf-stage")
            assert len({c["x"] for c in cols}) == 1 and [c["y"] for c in cols] == sorted(c["y"] for c in cols)
        page.screenshot(path=screenshots / f"{name}-360.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    for name, path in PAGES.items():
        page.goto(path)
        page.screenshot(path=screenshots / f"{name}-1280.png", full_page=True)


def test_element_page_has_boxes_previous_next_and_resources(page: Page):
    page.goto(MISSION)
    expect(page.locator(".admonition.example")).to_contain_text("coordinated and collaborative")
    pager = page.locator(".tf-pager")
    expect(pager.locator("a[rel=next]")).to_contain_text("Guiding Principles")
    expect(pager.locator("a[rel=prev]")).to_have_count(0)
    resources = page.locator("#additional-resources ~ ul").first
    expect(resources).to_contain_text("How to Lead Collective Impact Working Groups")
    page.goto("public-engagement/media/")
    expect(page.locator(".tf-pager a[rel=prev]")).to_contain_text("Outreach")
    expect(page.locator(".tf-pager a[rel=next]")).to_have_count(0)
    expect(page.locator(".admonition.note")).to_contain_text("Media and publicity")


def test_prosecutions_marks_the_cut_off_remember_box(page: Page):
    page.goto("case-operations/prosecutions/")
    box = page.locator(".admonition.info")
    expect(box).to_contain_text("Prosecution, while important, is not the only remedy")
    expect(box.locator(".tf-incomplete")).to_contain_text("cut off")


def test_citation_marks_are_links_with_the_source_as_tooltip(page: Page):
    page.goto(MISSION)
    mark = page.locator("#mission-roles-connected a[href*='#cite-1']")
    expect(mark).to_have_attribute("title", re.compile("Minnesota Department of Education"))
    # Material records the scroll position in history.state 100 ms after the last scroll; a click
    # inside that window lets the late record land on the new entry, which Material then restores
    # instead of scrolling to the anchor (its race, not ours). Click as a reader would: after
    # scrolling has settled.
    mark.scroll_into_view_if_needed()
    page.wait_for_function("() => history.state && history.state.y === Math.round(scrollY)")
    mark.click()
    expect(page).to_have_url(re.compile(r"/citations/#cite-1$"))
    expect(page.locator("#cite-1")).to_be_in_viewport()


# --- sharing --------------------------------------------------------------------------------------

def test_every_stage_and_indicator_has_a_copy_link_control(page: Page, context, site, roadmap):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(MISSION)
    element = roadmap.element("mission-statement")
    expect(page.locator(".tf-stage > h3 .tf-copy")).to_have_count(5)
    expect(page.locator("li[data-indicator] > .tf-copy")).to_have_count(len(element.indicators))

    page.locator("#stage-3 .tf-copy").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{site.url}{MISSION}#stage-3"
    expect(page.locator("#tf-announce")).to_have_text(f"Link copied: {site.url}{MISSION}#stage-3")

    page.locator("#mission-periodic-review .tf-copy").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{site.url}{MISSION}#mission-periodic-review"
    expect(page.locator("#mission-periodic-review")).to_have_class(re.compile("tf-target"))


@pytest.mark.parametrize("fragment", ["stage-4", "mission-widely-known"])
def test_a_shared_link_scrolls_to_and_highlights_its_target(page: Page, fragment):
    page.set_viewport_size({"width": 360, "height": 700})
    page.goto(f"{MISSION}#{fragment}")
    target = page.locator(f"#{fragment}")
    expect(target).to_be_in_viewport()
    highlighted = target if fragment.startswith("mission") else page.locator(".tf-stage[data-stage='4']")
    color = highlighted.evaluate("e => getComputedStyle(e).backgroundColor")
    assert color not in ("rgba(0, 0, 0, 0)", "transparent"), color


def test_titles_and_descriptions_make_good_link_previews(page: Page):
    page.goto("case-operations/victim-screening/")
    expect(page).to_have_title(re.compile(r"^Victim Screening · Case Operations"))
    description = page.locator("meta[name=description]").get_attribute("content")
    assert "Victim Screening" in description and "Case Operations" in description
    assert page.locator("meta[property='og:title']").get_attribute("content").startswith("Victim Screening")
    assert page.locator("meta[property='og:image']").count() == 0


# --- search ---------------------------------------------------------------------------------------

def first_result(page: Page, query: str):
    """The top search result for query. Results refresh as each key arrives, so callers wait for
    the one they expect instead of reading whichever list is showing."""
    page.goto("./")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially(query)
    return page.locator(".md-search-result__item > .md-search-result__link").first


def test_search_ranks_the_element_page_first(page: Page):
    expect(first_result(page, "mission statement")).to_have_attribute(
        "href", re.compile(r"/internal-foundations/mission-statement/(\?|#|$)"), timeout=10000)


def test_search_finds_indicator_text(page: Page):
    expect(first_result(page, "material witness bonds")).to_have_attribute(
        "href", re.compile(r"/case-operations/prosecutions/(\?|#|$)"), timeout=10000)


# --- print ----------------------------------------------------------------------------------------

def test_printing_an_element_gives_the_whole_element_without_chrome(page: Page, screenshots: Path):
    page.goto(MISSION)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".tf-copy"):
        assert page.locator(chrome).first.evaluate("e => getComputedStyle(e).display") == "none", chrome
    expect(page.locator(".tf-stage")).to_have_count(5)
    for stage in page.locator(".tf-stage").all():
        assert stage.evaluate("e => getComputedStyle(e).display") != "none"
    link = page.locator("#additional-resources ~ ul a").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert "https://www.fsg.org/" in after, after
    pdf = page.pdf(path=str(screenshots / "element-print.pdf"), format="Letter")
    assert pdf[:4] == b"%PDF"


def test_printing_the_stages_page_gives_the_overview(page: Page, screenshots: Path, roadmap):
    """On paper: the five stages in order, each with its description, none of the screen's
    chrome or permalink marks, and short enough to hand round (at most two Letter pages)."""
    page.goto("stages/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                   "article .headerlink"):
        assert page.locator(chrome).first.evaluate("e => getComputedStyle(e).display") == "none", chrome
    headings = page.locator("article h2[id^='stage-']")
    expect(headings).to_have_count(len(roadmap.stages))
    for heading, stage in zip(headings.all(), roadmap.stages):
        expect(heading).to_have_attribute("id", f"stage-{stage.number}")
        expect(heading).to_contain_text(stage.name)
        expect(heading).to_be_visible()
        description = heading.locator("xpath=following-sibling::p[1]")
        expect(description).to_be_visible()
        assert description.inner_text().strip(), stage.number
    pdf = page.pdf(path=str(screenshots / "stages-print.pdf"), format="Letter")
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert 1 <= pages <= 2, f"the overview prints on {pages} pages"


# --- accessibility and comfort --------------------------------------------------------------------

# axe is injected as an inline script, which the site's own CSP rightly blocks.
@pytest.mark.browser_context_args(bypass_csp=True)
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violation(page: Page, name):
    page.goto(PAGES[name])
    page.add_script_tag(path=str(AXE))
    # target-size (touch targets, WCAG 2.2) ships switched off in axe-core: on here as in pages.axe.
    result = page.evaluate("axe.run(document, {resultTypes: ['violations'],"
                           " rules: {'target-size': {enabled: true}}})")
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                  for v in result["violations"]]
    assert violations == []
    # heading-order (a best-practice rule) ran and passed: bold pseudo-headings are headings now
    assert "heading-order" in [r["id"] for r in result["passes"]]


@pytest.mark.browser_context_args(bypass_csp=True)
def test_axe_finds_no_violation_in_the_dark_palette(page: Page):
    page.goto(MISSION)
    page.locator("label[for='__palette_1']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.reload()  # the palette is remembered; a fresh load has no colour transition in flight
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert axe(page) == []


def test_palette_toggle_switches_and_is_remembered(page: Page):
    page.goto("./")
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    other = page.locator("body").get_attribute("data-md-color-scheme")
    assert other != scheme
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", other)


def test_keyboard_reaches_the_copy_controls_with_visible_focus(page: Page):
    page.goto(MISSION)
    seen = set()
    for _ in range(120):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const e = document.activeElement;
            const s = getComputedStyle(e);
            return {cls: e.className || '', outline: s.outlineStyle, width: s.outlineWidth,
                    shadow: s.boxShadow}; }""")
        if "tf-copy" in str(info["cls"]):
            assert info["outline"] != "none" or info["shadow"] != "none", info
            seen.add("copy")
            break
    assert "copy" in seen


def test_a_missing_page_gets_a_helpful_404(page: Page, site):
    response = page.goto("internal-foundations/no-such-element/")
    assert response.status == 404
    expect(page.locator("article h1")).to_have_text("This page is not here")
    expect(page.locator("article a", has_text="The five stages of development")).to_be_visible()
    page.locator("article a", has_text="Case Operations").click()
    expect(page).to_have_url(f"{site.url}case-operations/")

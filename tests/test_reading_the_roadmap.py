"""Reading the roadmap in a real Chromium, on a laptop and a phone: layout, words that hold together,
nothing scrolling sideways, linking and link previews, search, print, the heatmap's colour scale,
accessibility (axe, keyboard, touch targets), the 404 page, and what the build ships to a reader
(referrer policy, minified own CSS and JS, no source maps)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pages import (AXE, BROKEN_WORDS, DASHBOARD, MISSION, axe, box, dark, open_dashboard, open_element, quick,
                   reading_problems)
from test_team_consensus import as_file, load, open_team

pytestmark = pytest.mark.browser


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


@pytest.mark.slow  # PDF printing; printing an element stays in the quick run
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
@pytest.mark.parametrize("name", quick(list(PAGES), "home", "element"))
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


@pytest.mark.slow
@pytest.mark.parametrize("width", [1280, 1366])
def test_no_element_page_breaks_a_word_or_scrolls_sideways_on_a_laptop(page: Page, roadmap, width):
    page.set_viewport_size({"width": width, "height": 800})
    problems = {}
    for element in roadmap.elements:
        page.goto(element.url.lstrip("/"))
        expect(page.locator(".tf-check")).not_to_have_count(0)  # the checklist is drawn
        found = reading_problems(page)
        if found:
            problems[element.id] = found[:5]
    assert problems == {}


@pytest.mark.parametrize("width", quick([1280, 1366, 1440, 1920], 1280))
def test_the_five_stages_stand_side_by_side_on_a_laptop(page: Page, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("case-operations/prosecutions/")
    tops = page.locator(".tf-stage").evaluate_all("(s) => s.map((e) => e.getBoundingClientRect().top)")
    assert len(set(tops)) == 1, tops
    # ~18 characters a line at the least: the narrowest indicator's text is that wide.
    narrowest = page.locator(".tf-check__label").evaluate_all("""(ls) => Math.min(...ls.map((l) => {
        const probe = document.createElement('span');
        probe.textContent = 'the task force has';  // 18 characters of ordinary text
        probe.style.whiteSpace = 'nowrap';
        l.append(probe);
        const fits = l.clientWidth - probe.getBoundingClientRect().width;
        probe.remove();
        return fits; }))""")
    assert narrowest >= 0


# --- the dashboard and team tables on a phone ----------------------------------------------------

@pytest.mark.parametrize("width", [390, 1280])
def test_the_dashboard_heatmap_fits_without_breaking_words(page: Page, tmp_path, width):
    page.set_viewport_size({"width": width, "height": 800})
    r, files, _ = open_team(page)
    file = tmp_path / "mine.json"
    file.write_bytes(as_file(files[0])["buffer"])
    open_dashboard(page)  # a first visit: on a phone its tools are a screen down
    page.get_by_label("Import a JSON export").set_input_files(str(file))
    page.locator("dialog.tf-dialog").get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("tr[data-element='confidentiality']")).to_have_attribute("data-stage", "1")
    assert reading_problems(page) == []
    # The numbers stand for "Stage N", which assistive technology still reads.
    expect(page.locator("table.tf-heat thead th").nth(2)).to_have_text("Stage 1")


@pytest.mark.parametrize("width", [390, 1280])
def test_the_team_table_breaks_no_element_name_mid_word(page: Page, width):
    page.set_viewport_size({"width": width, "height": 800})
    _, files, _ = open_team(page)
    load(page, files)
    assert page.evaluate("""() => [...document.querySelectorAll('#tf-team-overview')]
        .flatMap((t) => [...t.querySelectorAll('th a')])
        .filter((a) => a.getClientRects().length > new Set([...a.getClientRects()].map((r) => r.top)).size)
        .length""") == 0
    assert page.evaluate(BROKEN_WORDS) == []


# --- the heatmap's colour scale --------------------------------------------------------------------

SCALE = """() => {
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, k) => s + v * [0.2126, 0.7152, 0.0722][k], 0);
  const page = lum(rgb(getComputedStyle(document.body).backgroundColor));
  return [...document.querySelectorAll('.tf-d-swatch:not(.tf-counted)')].map((s) => {
    const bg = getComputedStyle(s).backgroundColor;
    const own = bg === 'rgba(0, 0, 0, 0)' ? page : lum(rgb(bg));
    return (Math.max(own, page) + 0.05) / (Math.min(own, page) + 0.05); });
}"""


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_a_larger_share_always_stands_further_from_the_page(page: Page, palette):
    open_element(page, MISSION)  # the heatmap and its legend appear once something is assessed
    box(page, "mission-clearly-written").check()
    page.goto(DASHBOARD)
    if palette == "dark":
        dark(page)
    swatches = page.locator(".tf-d-swatch:not(.tf-counted)")  # the scale, not the counted cell's sample
    expect(swatches).to_have_count(6)
    expect(swatches.first).to_have_text("none")
    contrast = page.evaluate(SCALE)
    assert contrast == sorted(contrast) and len(set(contrast)) == 6, contrast


# --- touch targets -----------------------------------------------------------------------------

@pytest.mark.browser_context_args(bypass_csp=True)
def test_the_axe_helper_checks_touch_targets(page: Page):
    """axe-core ships target-size switched off: the shared helper turns it on (a page with two
    tiny adjacent buttons fails it)."""
    page.goto("./")
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('afterbegin',
        '<p><button style="width:10px;height:10px;padding:0">a</button><button ' +
        'style="width:10px;height:10px;padding:0">b</button></p>')""")
    assert "target-size" in [v[0] for v in axe(page)]


# --- what the build ships -------------------------------------------------------------------------

def test_every_page_sends_no_referrer(site):
    pages = list(site.dir.rglob("*.html"))
    assert len(pages) > 30
    missing = [p.relative_to(site.dir).as_posix() for p in pages
               if '<meta name="referrer" content="no-referrer">' not in p.read_text(encoding="utf-8")]
    assert missing == []


def test_no_source_maps_are_shipped(site):
    assert list(site.dir.rglob("*.map")) == []
    pointing = [p.name for p in site.dir.rglob("*") if p.suffix in (".js", ".css")
                and "sourceMappingURL" in p.read_text(encoding="utf-8")[-300:]]
    assert pointing == []


def test_the_sites_own_css_and_js_ship_minified(site):
    from project import ROOT
    styles = list((ROOT / "overrides/assets/css").glob("*.css"))
    scripts = list((ROOT / "overrides/assets/js").glob("*.js"))
    assert len(styles) >= 2 and len(scripts) >= 10
    for source in styles + scripts:
        shipped = (site.dir / source.relative_to(ROOT / "overrides")).read_text(encoding="utf-8")
        assert len(shipped) < 0.8 * len(source.read_text(encoding="utf-8")), source.name
        assert "/*" not in shipped and "\n  " not in shipped, f"{source.name} keeps comments or indentation"


def test_minified_js_keeps_a_template_literal_nested_in_another(site, page: Page):
    # rjsmin turned `Stage ${s}${d ? ` by ${d}` : ""}` into "Stage 3by 2027-06-18" (now June 18, 2027).
    open_element(page, "case-operations/prosecutions/")
    text = page.evaluate("""() => window.TF.core.targetText({ stage: 3, date: "2027-06-18" }, "")""")
    assert text == "Stage 3 by June\u00a018,\u00a02027"

"""Reading on a laptop and a phone: stage columns that hold their words, no word broken mid-word,
nothing scrolling sideways, the heatmap's colour scale in both palettes, touch targets, and what
the build ships (referrer policy, minified own CSS, no source maps)."""

from __future__ import annotations


import pytest
from playwright.sync_api import Page, expect

from pages import BROKEN_WORDS, DASHBOARD, MISSION, axe, box, dark, open_dashboard, open_element, reading_problems
from test_team_consensus import as_file, load, open_team

pytestmark = pytest.mark.browser


# --- element pages at laptop widths --------------------------------------------------------------

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


@pytest.mark.parametrize("width", [1280, 1366, 1440, 1920])
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

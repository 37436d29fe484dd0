"""Helpers the self-assessment's browser tests share: where pages are, how a reader opens and
uses them, and scripts that record or bend what a page does. Fixtures stay in conftest.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from project import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
MISSION = "internal-foundations/mission-statement/"  # stages hold 2, 2, 3, 2, 3 indicators
MEDIA = "public-engagement/media/"  # 3, 1, 2, 2, 3
DASHBOARD = "self-assessment/"
DATA = "self-assessment/data/"  # the dashboard's tools: export, import, share, snapshots, storage
RECORDER = """
window.__problems = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__problems.push('CSP ' + e.violatedDirective + ' ' + e.blockedURI));
"""


def box(page: Page, indicator: str):
    return page.locator(f"#tf-check-{indicator}")


TICKED = re.compile(r"\btf-ticked\b")


def tick(box: Locator):
    """Ticks an indicator's box and waits until the checklist has it: on a page opened without
    `open_element` the checklist's code arrives with the first tick, and a tick made before it
    arrives is saved when it does."""
    box.check()
    expect(box.locator("xpath=..")).to_have_class(TICKED)


def open_element(page: Page, path: str):
    """An element page with its checklist drawn. Where nothing is saved yet the checklist's code
    comes with the reader's first move toward it (assessment-loader.js): here, scrolling to "Your
    self-assessment" and back to where the page opened."""
    page.goto(path)
    opened_at = page.evaluate("() => scrollY")
    page.locator(".tf-assessment").evaluate("(mount) => mount.scrollIntoView()")
    expect(page.locator(".tf-assessment h2")).to_have_text("Your self-assessment")
    page.evaluate("(y) => scrollTo(0, y)", opened_at)


def open_plan(page: Page):
    """The target and actions editor under an element's checklist, loaded on demand: opened by the
    reader's button unless the element's plan already brought it."""
    plan = page.locator(".tf-a-plan")
    expect(plan).to_have_attribute("data-plan", re.compile("^(closed|loading|open)$"))
    if plan.get_attribute("data-plan") == "closed":
        page.get_by_role("button", name=re.compile("^Set a target and plan actions")).click()
    expect(plan).to_have_attribute("data-plan", "open")
    expect(page.get_by_label("Target stage", exact=True)).to_be_visible()


def assess_something(page: Page):
    """One tick saved: the dashboard then shows its overview, not the first visit's start guide.
    (Tests that toggle "mission-clearly-written" in another tab keep this one.)"""
    open_element(page, MISSION)
    box(page, "mission-periodic-review").check()


def fill_mission(page: Page):
    """Mission Statement answered in every way: a tick, a stage chosen, notes."""
    open_element(page, MISSION)
    box(page, "mission-need-recognized").check()
    page.get_by_role("radio", name=re.compile("^Stage 2 ")).check()
    page.get_by_role("textbox", name="Notes on Mission Statement").fill("kept notes")


def saved_text(page: Page) -> str:
    """The saved document as stored, "" when nothing is."""
    return page.evaluate("() => localStorage.getItem(TF.key)") or ""


def snapshot_ids(page: Page) -> list[str]:
    return page.locator("#tf-snapshot-list li").evaluate_all("(lis) => lis.map((li) => li.dataset.snapshot)")


# On a first visit the dashboard's code waits for its tools, below the start guide, to come near
# (on a phone they are a screen down): brought into view as a reader scrolling to them would.
TOOLS_NEAR = "() => { const tools = document.querySelector('[data-tf-tools]'); " \
    "if (tools) tools.scrollIntoView({ block: 'nearest' }); }"


def open_dashboard(page: Page):
    """The dashboard, drawn: the summary once something is assessed, else the start guide; the
    links to the other tools under both."""
    page.goto(DASHBOARD)
    page.evaluate(TOOLS_NEAR)
    expect(page.locator("#tf-tools")).to_be_visible()


def open_data(page: Page):
    """Your assessment's data: export and import, share, snapshots, compare, this browser's copy."""
    page.goto(DATA)
    expect(page.locator("#tf-backup")).to_be_visible()


def exported(page: Page) -> dict:
    """The current assessment in the export format, minus the moment of export."""
    data = page.evaluate("() => TF.exportData()")
    del data["exported"]
    return data


def picker(page: Page) -> Locator:
    """The picker of the assessment being worked on."""
    return page.get_by_role("combobox", name="Assessment", exact=True)


def option(name: str) -> re.Pattern:
    """A picker's option: the assessment's name, then " · " and the day it was created."""
    return re.compile("^" + re.escape(name) + " · ")


def options(names: list[str]) -> list[re.Pattern]:
    return [option(n) for n in names]


def choose(select: Locator, name: str):
    """Picks the assessment named `name` in a picker (its options also show a date)."""
    select.select_option(select.locator("option").filter(has_text=option(name)).get_attribute("value"))


def dialog_ok(page: Page, button: str, name: str | None = None):
    dialog = page.locator("dialog.tf-dialog")
    expect(dialog).to_be_visible()
    if name is not None:
        dialog.get_by_role("textbox", name="Name").fill(name)
    dialog.get_by_role("button", name=button, exact=True).click()
    expect(dialog).to_have_count(0)


HOLD = """
window.__held = 0;
window.addEventListener('storage', (e) => {  // registered before the page's own listener
  if (window.__hold) { e.stopImmediatePropagation(); window.__held++; }
});
"""


# Storage that is full whenever the page sets window.__full: the site's writes throw as Chromium's do.
FULL_WHEN_ASKED = """(() => {
  const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    if (window.__full && k.startsWith('tf-roadmap/')) throw new DOMException('full', 'QuotaExceededError');
    return set.call(this, k, v);
  };
})()"""


# The origin's real quota, filled by another part of the site.
FILL = """() => {
  let chunk = 'x'.repeat(1 << 20), n = 0;
  while (chunk.length) {
    try { localStorage.setItem('filler-' + n++, chunk); } catch { chunk = chunk.slice(0, chunk.length >> 1); }
  }
}"""



def wait_until(page: Page, condition: Callable[[], object], what: str, timeout_ms: int = 10_000):
    """Waits, bounded, for something only Python sees (a held route, a recorded request): Playwright
    hands its events to Python only while Python calls it, so each short wait lets them in. Fails
    with `what` if the condition is still false after `timeout_ms`."""
    for _ in range(timeout_ms // 20):
        if condition():
            return
        page.wait_for_timeout(20)
    assert condition(), f"still waiting after {timeout_ms} ms for {what}"


def download(page: Page, button: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    d = info.value
    return d.suggested_filename, Path(d.path()).read_bytes().decode("utf-8")


def axe(page: Page) -> list:
    # Colours are measured as rendered: the pointer rests in the empty margin (Material's hover
    # colour is its accent), and transitions (Material fades its header) finish first.
    page.mouse.move(0, 400)
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    page.add_script_tag(path=str(AXE))
    # target-size (WCAG 2.2, 2.5.8: 24 px or spaced apart) ships switched off in axe-core.
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations'],"
                           " rules: {'target-size': {enabled: true}}})")
    return [(v["id"], v["impact"], [(n["target"], n["failureSummary"][-160:]) for n in v["nodes"]][:3])
            for v in result["violations"]]


def dark(page: Page):
    """Material's palette toggle, switched without hovering it (a hover opens its tooltip)."""
    page.locator("input#__palette_1").evaluate("(e) => e.click()")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


# Words a line breaks inside (a break at a space, hyphen or slash is not one), in visible text.
# Web addresses are left out: they may break anywhere rather than widen the page.
BROKEN_WORDS = r"""() => {
  const found = [], range = document.createRange();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    if (parent.getBoundingClientRect().width < 2) continue; // text kept for screen readers only
    for (const token of node.data.matchAll(/\S+/g)) {
      if (/:\/\/|^www\.|@|\.(org|com|gov|edu|net)\b/i.test(token[0])) continue;
      for (const word of token[0].matchAll(/[\p{L}\p{N}'’]{2,}/gu)) {
        const start = token.index + word.index;
        range.setStart(node, start);
        range.setEnd(node, start + word[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        if (new Set(rects.map((r) => Math.round(r.top))).size > 1)
          found.push(`${word[0]} (in #${(parent.closest("[id]") || {}).id})`);
      }
    }
  }
  return found;
}"""
# Anything wider than its box that can scroll sideways: the page itself, or a scrolling region.
SIDEWAYS = """() => [document.documentElement, ...document.querySelectorAll('.md-content *')]
  .filter((e) => e.scrollWidth > e.clientWidth + 1 && (e === document.documentElement ||
    ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)))
  .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`)"""


def reading_problems(page: Page) -> list[str]:
    """Words broken mid-word and anything that scrolls sideways on the page as shown."""
    return page.evaluate(BROKEN_WORDS) + page.evaluate(SIDEWAYS)


def quick(values: list, *kept) -> list:
    """Parameters of which only `kept` run in the quick run (`-m "not slow"`): the rest are marked
    slow. The kept ones exercise every branch; the others repeat the check for more sizes, pages or
    inputs."""
    return [v if v in kept else pytest.param(v, marks=pytest.mark.slow) for v in values]

"""No layout shift: every page keeps still while its own code draws into it, with and without
saved answers, at desktop and phone sizes (CLS ≤ 0.01, as Lighthouse and field data count it)."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pages import DASHBOARD, MISSION, open_dashboard, quick

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Lighthouse's own screens: desktop, and the phone its mobile run emulates.
SIZES = {"desktop": {"width": 1350, "height": 940}, "phone": {"width": 412, "height": 823}}
PAGES = {
    "home": "",
    "element": MISSION,
    "dashboard": DASHBOARD,
    "team": "self-assessment/team/",
    "plan": "self-assessment/plan/",
    "report": "self-assessment/report/",
}

# Registered before any of the page's own code: every shift from the first paint on, as the
# layout-shift entries' buffer would give them, minus those right after input (there is none here).
OBSERVER = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    if (!entry.hadRecentInput)
      window.__shifts.push({ value: entry.value, nodes: entry.sources.map((s) => {
        const n = s.node, name = !n ? '?' : n.id ? '#' + n.id : n.nodeName.toLowerCase() + '.' + n.className;
        const at = (r) => `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;
        return `${name} ${at(s.previousRect)} → ${at(s.currentRect)}`;
      }) });
}).observe({ type: 'layout-shift', buffered: true });
"""
# Two frames after the page went quiet: any shift its drawing caused has been reported.
SETTLED = """() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(
  window.__shifts))))"""

SEED = """() => {
  const s = TF.core.store, id = s.current().id, elements = TF.core.allElements;
  s.batch(() => {
    for (const e of elements.slice(0, 9)) {
      for (const i of e.indicators.slice(0, 3)) s.setTick(id, i.id, true, e);
      s.setElementField(id, e, "n", "Discussed at the " + e.title + " meeting.");
    }
    s.setElementField(id, elements[0], "s", 2);
  });
  return s.hasAnswers(s.current());
}"""


def seed(page: Page):
    open_dashboard(page)  # a page that loads the whole rubric
    assert page.evaluate(SEED)


def shifts(page: Page, path: str) -> list[dict]:
    page.goto(path)
    page.wait_for_load_state("networkidle")  # the page's on-demand code has arrived and drawn
    return page.evaluate(SETTLED)


@pytest.mark.parametrize("answers", ["none", "saved"])
@pytest.mark.parametrize("size", quick(list(SIZES), "phone"))  # Lighthouse-like
def test_no_page_shifts_while_it_draws(context: BrowserContext, size: str, answers: str):
    context.add_init_script(OBSERVER)
    page = context.new_page()
    page.set_viewport_size(SIZES[size])
    if answers == "saved":
        seed(page)
    found, measured = {}, {}
    for name, path in PAGES.items():
        entries = shifts(page, path)
        measured[name] = total = round(sum(e["value"] for e in entries), 4)
        if total > 0.01:
            found[name] = (total, [e["nodes"] for e in entries][:4])
    print(size, answers, measured)
    assert found == {}

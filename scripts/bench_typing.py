"""scripts/bench's section on typing (#26.10): what one key in an element's notes costs the page when
this browser holds a 2.5 MB saved document, against what a change saved at once costs (a tick). A
key only updates the document in memory; the whole document is written once typing pauses."""

from __future__ import annotations

import statistics

KEYS = 60  # keys typed per run

# A saved document of about `size` characters: assessments whose every element has long notes.
# Written as the store writes it, so it reads back whole (checked below: nothing set aside).
ELEMENTS = ("mission-statement guiding-principles goals-objectives leadership membership structure "
            "roles-responsibilities decision-making meetings protocols victim-centered-investigations "
            "proactive-investigations prosecutions victim-services victim-screening referral-protocols "
            "confidentiality data-collection-sharing data-driven-approach assessment "
            "community-awareness-training outreach media").split()
BIG_DOCUMENT = """([size, els]) => {
  const list = {}, note = "A long note. ".repeat(140);
  const one = (n) => ({ id: `a${n}`, created: ["2026-01-01T00:00:00Z", 1], name: [`Assessment ${n}`, 1],
    del: [0, 1], ticks: {}, exp: [null, 0],
    els: Object.fromEntries(els.map((e) => [e, { n: [`${n} ${note}`, 1] }])) });
  const per = JSON.stringify(one(0)).length;
  for (let n = 0; n < Math.ceil(size / per); n++) list[`a${n}`] = one(n);
  const raw = JSON.stringify({ schema: 1, cur: ["a0", 2], list });
  localStorage.setItem(TF.key, raw);
  return raw.length;
}"""

# Each key as the browser delivers it to the page: the value changes, then "input" runs every
# listener (the store's write, the views' redraw) before the next key. Milliseconds per key.
TYPE_KEYS = """async (keys) => {
  const box = document.querySelector("#tf-notes"), times = [];
  box.focus();
  box.setSelectionRange(box.value.length, box.value.length);
  for (let n = 0; n < keys; n++) {
    const t0 = performance.now();
    box.setRangeText("x", box.selectionStart, box.selectionEnd, "end");
    box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: "x" }));
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));  // a fast typist's pace, under the save's pause
  }
  return times;
}"""

# A change saved at once (a tick), for comparison: the whole document read, merged and written.
TICK = """() => {
  const box = document.querySelector(".tf-check"), t0 = performance.now();
  box.click();
  return performance.now() - t0;
}"""


def typing_cost(page, url: str, runs: int, size: int = 2_500_000) -> dict:
    """Median per-key and per-tick cost, in ms, on an element page with `size` characters saved."""
    path = url + "internal-foundations/mission-statement/"
    page.goto(path)
    page.locator(".tf-check").first.check()  # an assessor's browser: the checklist's code is in
    page.wait_for_function("() => window.TF && TF.key")
    stored = page.evaluate(BIG_DOCUMENT, [size, ELEMENTS])
    keys: list[float] = []
    ticks: list[float] = []
    for _ in range(runs):
        page.goto(path)
        page.wait_for_function("() => performance.getEntriesByName('tf-checklist-ready').length > 0",
                               timeout=20000)
        keys += page.evaluate(TYPE_KEYS, KEYS)
        ticks.append(page.evaluate(TICK))
        page.wait_for_timeout(500)  # the typed text's save, at the pause
    saved = page.evaluate("() => JSON.parse(localStorage.getItem(TF.key)).list.a0.els['mission-statement'].n[0]")
    assert saved.endswith("x" * KEYS), "the typed text was saved"
    assert not page.evaluate("() => Object.keys(localStorage).some((k) => k.includes('#unreadable'))")
    page.evaluate("() => localStorage.clear()")
    return {"typing_stored_chars": stored,
            "typing_key_ms": statistics.median(keys),
            "typing_key_p95_ms": sorted(keys)[int(len(keys) * 0.95)],
            "typing_tick_ms": statistics.median(ticks)}


def rows(figures: dict) -> list[tuple[str, str, str]]:
    """This section's lines of the bench table."""
    mb = figures["typing_stored_chars"] / 1e6
    return [
        (f"a key in notes, {mb:.1f} MB saved (median / 95th percentile)",
         f"{figures['typing_key_ms']:.1f} / {figures['typing_key_p95_ms']:.1f} ms", "< 16 ms"),
        (f"a tick, saved at once, {mb:.1f} MB saved", f"{figures['typing_tick_ms']:.0f} ms", ""),
    ]

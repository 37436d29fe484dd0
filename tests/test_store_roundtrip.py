"""What the site can produce, it accepts back, exactly: a Hypothesis state machine makes changes the
pages can make (ticks, stages, notes of any length, names, new, duplicate, delete, switch,
snapshots, review marks, exports) against the real store in Chromium, and checks after them that
every assessment round-trips through export → import, share link → import, and member file → team
page, that every export satisfies the published JSON Schema, and that a reload reads back exactly
what was saved (the store never finds its own writing unreadable).
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from jsonschema import Draft202012Validator
from playwright.sync_api import Page, expect

from pages import DATA
from project import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.usefixtures("watch")]

SCHEMA = Draft202012Validator(json.loads((ROOT / "docs" / "assessment.schema.json").read_text(encoding="utf-8")))

# Text as people type or paste it: any characters a text field can hold (no lone surrogates), short
# or around the limits, so the limits themselves are exercised.
def typed(limit_name: str):
    return st.one_of(
        st.text(max_size=40),
        st.tuples(st.text(min_size=1, max_size=3), st.integers(-5, 5)).map(lambda p: (p[0], p[1], limit_name)),
    )


EVERY_ASSESSMENT = """async () => {
  await TF.core.overviewParts(); // share links: a first visit's dashboard does without them
  const s = TF.core.store, share = TF.core.share, out = [];
  for (const a of s.assessments()) {
    const data = s.exportData(a);
    const file = JSON.stringify(data, null, 2) + "\\n"; // as the dashboard saves it
    const link = await share.encode(data, true, ""); // with notes, as "Include my notes" does
    const member = s.exportData(s.readOnly(JSON.parse(file))); // as the team page reads a file
    out.push({ data, file, bytes: new Blob([file]).size, fromLink: (await share.decode(link, "")),
               member, problems: s.validateExport(JSON.parse(file)) });
  }
  return { out, status: s.status() };
}"""
# The saved assessments (an untouched placeholder lives in memory only), in the export format.
SAVED = """() => {
  const s = TF.core.store, raw = localStorage.getItem(TF.key), saved = raw ? JSON.parse(raw).list : {};
  return s.assessments().filter((a) => Object.hasOwn(saved, a.id)).map((a) => s.exportData(a));
}"""
IMPORT = """(data) => {
  const s = TF.core.store;
  if (s.validateExport(data).length) return null;
  return s.exportData(s.importExport(data));
}"""


def without(data: dict, *keys: str) -> dict:
    copy = json.loads(json.dumps(data))
    copy.pop("exported", None)
    for key in keys:
        copy["assessment"].pop(key, None)
    return copy


def check_round_trips(page: Page, importer: Page):
    result = page.evaluate(EVERY_ASSESSMENT)
    assert result["status"]["setAside"] == [] and not result["status"]["failed"]
    limit = page.evaluate("() => TF.core.store.LIMITS.fileBytes")
    for case in result["out"]:
        data = case["data"]
        assert case["problems"] == [], case["problems"]
        assert SCHEMA.is_valid(json.loads(case["file"])), list(SCHEMA.iter_errors(json.loads(case["file"])))[:3]
        assert case["bytes"] <= limit
        # Member file → team page: the member is exactly the file.
        assert without(case["member"]) == without(data)
        # Share link → read-only page: everything but snapshots, which links do not carry.
        assert without(case["fromLink"], "snapshots") == without(data, "snapshots")
        # Export → import into another browser; then the share link's results, imported there too.
        for incoming, drop in ((json.loads(case["file"]), ()), (case["fromLink"], ("snapshots",))):
            back = importer.evaluate(IMPORT, incoming)
            assert back is not None
            # The id may change when the other browser already uses it (its placeholder "first").
            assert without(back, "id", *drop) == without(incoming, "id", *drop)


class Changes(RuleBasedStateMachine):
    """Changes made as the pages make them: the same store calls with the same limits."""
    page: Page
    importer: Page
    rubric: dict

    @initialize()
    def fresh(self):
        self.page.evaluate("() => TF.core.store.wipeAll()")
        self.steps = 0

    def current(self) -> str:
        return self.page.evaluate("() => TF.core.store.current().id")

    def text(self, value) -> str:
        if isinstance(value, tuple):  # a text right at a limit, give or take a few characters
            chunk, delta, limit_name = value
            limit = self.page.evaluate(f"() => TF.core.store.LIMITS.{limit_name}")
            value = (chunk * (limit // len(chunk) + 2))[:max(1, limit + delta)]
        return value

    @rule(data=st.data(), on=st.booleans())
    def tick(self, data, on):
        indicator = data.draw(st.sampled_from(self.rubric["indicators"]))
        self.page.evaluate("""([id, on]) => { const s = TF.core.store;
            s.setTick(s.current().id, id, on, TF.core.indicatorById[id].el); }""", [indicator, on])

    @rule(data=st.data())
    def choose_stage(self, data):
        element = data.draw(st.sampled_from(self.rubric["elements"]))
        stage = data.draw(st.sampled_from([None, *self.rubric["stages"], "na"]))
        self.page.evaluate("""([id, v]) => { const s = TF.core.store;
            s.setElementField(s.current().id, TF.core.elementById[id], "s", v); }""", [element, stage])

    @rule(data=st.data(), notes=typed("notes"))
    def write_notes(self, data, notes):
        element = data.draw(st.sampled_from(self.rubric["elements"]))
        # The notes box's maxlength holds what can be typed; the store clamps any longer text too.
        self.page.evaluate("""([id, v]) => { const s = TF.core.store;
            s.setElementField(s.current().id, TF.core.elementById[id], "n", v); }""", [element, self.text(notes)])

    @rule(data=st.data())
    def mark_reviewed(self, data):
        element = data.draw(st.sampled_from(self.rubric["elements"]))
        self.page.evaluate("""(id) => { const s = TF.core.store, e = TF.core.elementById[id];
            s.setElementField(s.current().id, e, "r", e.sig); }""", element)

    # Names as the dialog passes them on (the store trims, refuses blank names and clamps).
    @rule(name=typed("name"))
    def create(self, name):
        self.page.evaluate("(v) => TF.core.store.create(v.trim())", self.text(name))

    @rule(name=typed("name"))
    def rename(self, name):
        self.page.evaluate("(v) => { const s = TF.core.store; s.rename(s.current().id, v.trim()); }", self.text(name))

    @rule(name=typed("name"))
    def duplicate(self, name):
        self.page.evaluate("(v) => { const s = TF.core.store; s.duplicate(s.current().id, v.trim()); }",
                           self.text(name))

    @rule()
    def delete(self):
        self.page.evaluate("() => { const s = TF.core.store; s.remove(s.current().id); }")

    @rule(n=st.integers(0, 5))
    def switch(self, n):
        self.page.evaluate("""(n) => { const s = TF.core.store, all = s.assessments();
            if (all.length) s.select(all[n % all.length].id); }""", n)

    @rule()
    def snapshot(self):
        self.page.evaluate("async () => { await TF.core.overviewParts();"
                           " TF.core.snapshots.take(TF.core.store.current()); }")

    @rule(n=st.integers(0, 5))
    def delete_snapshot(self, n):
        self.page.evaluate("""(n) => { const s = TF.core.store, a = s.current(), all = s.snapshotsOf(a);
            if (all.length) s.deleteSnapshot(a.id, all[n % all.length].id); }""", n)

    @rule()
    def export(self):
        self.page.evaluate("""() => { const s = TF.core.store, a = s.current();
            s.markExported(a.id, s.exportData(a).exported); }""")

    @rule()
    def check(self):
        check_round_trips(self.page, self.importer)

    def teardown(self):
        before = self.page.evaluate(SAVED)
        check_round_trips(self.page, self.importer)
        self.page.reload()
        expect(self.page.locator("#tf-backup")).to_be_visible()  # drawn: the data page
        after = self.page.evaluate(SAVED)
        assert [without(d) for d in after] == [without(d) for d in before]  # saved and read back exactly


def test_every_reachable_state_round_trips_exactly(page: Page, new_context):
    page.goto(DATA)
    expect(page.locator("#tf-backup")).to_be_visible()  # drawn
    importer = new_context().new_page()  # another browser profile: its own storage
    importer.goto(DATA)
    expect(importer.locator("#tf-backup")).to_be_visible()
    rubric = page.evaluate("""() => ({
        indicators: TF.core.allElements.flatMap((e) => e.indicators.map((i) => i.id)),
        elements: TF.core.allElements.map((e) => e.id),
        stages: TF_RUBRIC.stages.map((s) => s.n) })""")
    Changes.page, Changes.importer, Changes.rubric = page, importer, rubric
    run_state_machine_as_test(Changes, settings=settings(
        max_examples=15, stateful_step_count=12, deadline=None, derandomize=True,
        suppress_health_check=list(HealthCheck)))

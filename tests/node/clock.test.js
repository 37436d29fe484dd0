// Runaway clocks (#26.9): a stored time at the limit the store accepts, or years ahead of this
// machine's clock (a clock set wrong, a crafted file), never stops a later change from saving.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { pure } = require("./helpers.js");

pure("store-merge.js");
pure("store-format.js");

/** A stored document whose one tick was written at `t`, as JSON. */
function storedWith(F, t) {
  const doc = F.emptyDocument();
  const a = F.addAssessment(doc, "Baseline", "abc123", 5);
  a.ticks["m-1"] = [1, t];
  return JSON.stringify(doc);
}

/** What a tab does on a change: read, write a field now, and check it reads back as written. */
function changeAndSave(F, raw) {
  const doc = F.parse(raw);
  assert.ok(doc, "the stored document reads");
  doc.list.abc123.ticks["m-1"] = [0, F.now()];
  const text = JSON.stringify(doc);
  const back = F.parse(text);
  assert.ok(back, "what a change writes reads back (else the store refuses to write it)");
  return back;
}

for (const [what, t] of [
  ["at the limit the store accepts", 8.64e15],
  ["just under it", 8.64e15 - 1],
  ["in the year 10000", Date.UTC(10000, 0, 1)],
]) {
  test(`a stored time ${what} does not stop the next change from saving`, () => {
    const F = globalThis.openStoreFormat(5);
    const back = changeAndSave(F, storedWith(F, t));
    assert.equal(back.list.abc123.ticks["m-1"][0], 0, "the change is what reads back");
    assert.ok(F.now() < F.LATEST, "the clock has room left");
  });
}

test("a runaway time is read as now, so a change made after it wins in every tab", () => {
  const mine = globalThis.openStoreFormat(5),
    theirs = globalThis.openStoreFormat(5);
  const raw = storedWith(mine, 8.64e15);
  const before = Date.now();
  const read = theirs.parse(raw);
  const t = read.list.abc123.ticks["m-1"][1];
  assert.ok(t >= before && t <= Date.now(), "read as this machine's time");
  const changed = changeAndSave(mine, raw);
  // The other tab merges what this one saved with its own reading of the runaway record.
  const merged = theirs.mergeDocuments(theirs.parse(JSON.stringify(changed)), read);
  assert.equal(merged.list.abc123.ticks["m-1"][0], 0);
});

test("a clock years fast is honoured: the logical clock runs past it, nothing is rewritten", () => {
  const F = globalThis.openStoreFormat(5);
  const future = Date.now() + 80 * 365 * 86400000; // a machine clock set to the wrong century
  const read = F.parse(storedWith(F, future));
  assert.equal(read.list.abc123.ticks["m-1"][1], future);
  assert.ok(F.now() > future);
});

test("the clock never passes the latest time a Date can hold", (t) => {
  const F = globalThis.openStoreFormat(5);
  t.mock.method(Date, "now", () => F.LATEST);
  F.now();
  assert.ok(F.now() <= F.LATEST);
  assert.ok(F.isClock(F.now()));
});

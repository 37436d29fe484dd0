// The saved document's format (store-format.js): every limit against docs/assessment.schema.json,
// what reading accepts and refuses, merging per field, and the logical clock.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { pure, schema } = require("./helpers.js");

pure("store-merge.js");
pure("store-format.js");
const F = globalThis.openStoreFormat(5);
const { LIMITS } = F;
const SCHEMA = schema();

/** The node at a slash-separated path in the schema. */
const at = (p) => p.split("/").reduce((node, part) => node[part], SCHEMA);
const text = (n) => "é".repeat(n); // characters, not bytes or UTF-16 units: é is 2 bytes
const ids = (n) => Array.from({ length: n }, (_, k) => `i-${k}`);
const rec = (v, t = 1) => [v, t];

/** A stored assessment, as JSON carries it, that reads back. */
function storedAssessment(id = "abc123") {
  const doc = F.emptyDocument();
  const a = F.addAssessment(doc, "Baseline", id, 5);
  return JSON.parse(JSON.stringify(a));
}
const readsAs = (x, id = "abc123") => F.readAssessment(x, id) !== undefined;

// Every limit: the number the schema publishes, and the store accepting that many and refusing
// one more, where the store reads it.
const LIMIT_CASES = {
  name: {
    schema: ["properties/assessment/properties/name/maxLength"],
    ok: (n) => readsAs({ ...storedAssessment(), name: rec(text(n)) }),
  },
  notes: {
    schema: ["$defs/element/properties/notes/maxLength"],
    ok: (n) => F.readElement({ n: rec(text(n)) }) !== undefined,
  },
  actionText: {
    schema: ["$defs/action/properties/text/maxLength"],
    ok: (n) => F.readAction({ text: rec(text(n)) }) !== undefined,
  },
  owner: {
    schema: ["$defs/action/properties/owner/maxLength"],
    ok: (n) => F.readAction({ owner: rec(text(n)) }) !== undefined,
  },
  actionIndicators: {
    schema: ["$defs/action/properties/indicators/maxItems"],
    ok: (n) => F.readAction({ indicators: rec(ids(n)) }) !== undefined,
  },
  taskForce: {
    schema: ["properties/assessment/properties/taskForce/maxLength"],
    ok: (n) => readsAs({ ...storedAssessment(), taskForce: rec(text(n)) }),
  },
  people: {
    schema: ["properties/assessment/properties/people/maxLength"],
    ok: (n) => readsAs({ ...storedAssessment(), people: rec(text(n)) }),
  },
  ids: {
    schema: [
      "properties/assessment/properties/ticked/maxItems",
      "properties/assessment/properties/snapshots/items/properties/ticked/maxItems",
    ],
    ok: (n) => F.idList(ids(n)) !== undefined,
  },
  elements: {
    schema: [
      "properties/assessment/properties/elements/maxProperties",
      "properties/assessment/properties/snapshots/items/properties/stages/maxProperties",
      "properties/assessment/properties/snapshots/items/properties/targets/maxProperties",
    ],
    ok: (n) =>
      F.readSnapshotValue({
        taken: "2027-01-01T00:00:00Z",
        stages: Object.fromEntries(ids(n).map((id) => [id, 2])),
        ticked: [],
      }) !== undefined,
  },
  snapshots: {
    schema: ["properties/assessment/properties/snapshots/maxItems"],
    ok: (n) => {
      const snap = rec({ taken: "2027-01-01T00:00:00Z", stages: {}, ticked: [] });
      const snaps = Object.fromEntries(ids(n).map((id) => [id, snap]));
      return readsAs({ ...storedAssessment(), snaps });
    },
  },
  actions: {
    schema: [
      "properties/assessment/properties/actions/maxItems",
      "properties/assessment/properties/snapshots/items/properties/actions/properties/all/maximum",
    ],
    ok: (n) => F.isDoneCount({ done: 0, all: n }),
  },
};

for (const [key, c] of Object.entries(LIMIT_CASES))
  test(`limit ${key}: ${LIMITS[key]}, as the schema says; one more is refused`, () => {
    for (const p of c.schema) assert.equal(at(p), LIMITS[key], p);
    assert.ok(c.ok(LIMITS[key]), "at the limit");
    assert.ok(!c.ok(LIMITS[key] + 1), "one past the limit");
  });

test("every limit the store enforces is tested here", () => {
  const untestedHere = ["assessments", "fileBytes"]; // the browser tests cover these two
  assert.deepEqual(
    Object.keys(LIMITS).sort(),
    [...Object.keys(LIMIT_CASES), ...untestedHere].sort(),
  );
});

test("ids and stages: what the schema allows is what the store reads", () => {
  const id = new RegExp(at("$defs/id/pattern")),
    longest = at("$defs/id/maxLength");
  for (const x of ["a", "mission-statement", "a".repeat(64), "a".repeat(65), "A", "-a", "a--b"])
    assert.equal(F.isId(x), id.test(x) && x.length <= longest, x);
  const stages = at("properties/assessment/properties/snapshots/items/properties/stages");
  for (const v of [0, 1, 5, 6, "na", "1", 2.5])
    assert.equal(F.isStage(v), stages.additionalProperties.enum.includes(v), String(v));
});

test("times and days must be real: no 13th month, no 30th of February", () => {
  assert.ok(F.isTime("2027-06-30T23:59:59Z"));
  assert.ok(F.isTime("2027-06-30T23:59:59.123+05:30"));
  assert.ok(!F.isTime("2027-13-01T00:00:00Z"));
  assert.ok(!F.isTime("2027-06-30T24:00:00Z"));
  assert.ok(F.isDay("2028-02-29") && !F.isDay("2027-02-29") && !F.isDay("2027-02-30"));
});

test("a stored record is [value, time], with a time a Date can hold", () => {
  const ok = (v) => typeof v === "string";
  assert.deepEqual(F.record(["x", 3], ok), ["x", 3]);
  assert.equal(F.record(["x"], ok), undefined);
  assert.equal(F.record(["x", -1], ok), undefined);
  assert.equal(F.record(["x", 8.64e15 + 1], ok), undefined);
  assert.equal(F.record([3, 3], ok), undefined);
});

test("a stored document reads back; anything else is unreadable", () => {
  const doc = F.emptyDocument();
  F.addAssessment(doc, "Baseline", "abc123", 5);
  const raw = JSON.stringify(doc);
  assert.ok(F.parse(raw));
  assert.equal(F.parse("{"), undefined);
  assert.equal(F.parse(JSON.stringify({ ...doc, schema: 2 })), undefined);
  assert.equal(F.parse(JSON.stringify({ ...doc, extra: 1 })), undefined);
  const wrongId = JSON.parse(raw);
  wrongId.list.abc123.id = "other";
  assert.equal(F.readDocument(wrongId), undefined);
});

test("ids from outside are data: Object.prototype's names are ordinary keys", () => {
  const names = Object.getOwnPropertyNames(Object.prototype).filter((n) => F.isId(n));
  assert.ok(names.length > 0); // "constructor", ... are valid slugs
  const x = storedAssessment();
  x.ticks = Object.fromEntries(names.map((n) => [n, rec(1)]));
  const a = F.readAssessment(x, "abc123");
  assert.ok(a);
  assert.equal(Object.getPrototypeOf(a.ticks), null);
  for (const n of names) assert.deepEqual(a.ticks[n], [1, 1]);
  assert.equal(
    F.readAssessment(
      { ...storedAssessment(), ticks: { __proto__: null, ["__proto__"]: rec(1) } },
      "abc123",
    ),
    undefined,
  );
});

test("merging: per field, the later record wins", () => {
  const a = { n: ["mine", 10], s: [2, 20] },
    b = { n: ["theirs", 15], s: [3, 5] };
  assert.deepEqual({ ...F.mergeElement(a, b) }, { s: [2, 20], n: ["theirs", 15] });
});

test("merging: a tie is settled the same way in every tab", () => {
  const a = { n: ["apple", 7] },
    b = { n: ["pear", 7] };
  assert.deepEqual(F.mergeElement(a, b), F.mergeElement(b, a));
});

test("merging: keys from both sides are kept, in null-prototype maps", () => {
  const m = F.mergeMaps({ x: [1, 1] }, { constructor: [1, 2], x: [0, 3] }, F.newer);
  assert.equal(Object.getPrototypeOf(m), null);
  assert.deepEqual({ ...m }, { x: [0, 3], constructor: [1, 2] });
});

test("merging: a deleted assessment stays deleted and keeps nothing", () => {
  const doc = F.emptyDocument();
  const live = F.addAssessment(doc, "Baseline", "abc123", 5);
  live.ticks["m-1"] = [1, 6];
  const gone = F.tombstone({ ...live, del: [1, 9] });
  for (const merged of [F.mergeAssessment(live, gone), F.mergeAssessment(gone, live)]) {
    assert.equal(merged.del[0], 1);
    assert.deepEqual(Object.keys(merged.ticks), []);
  }
});

test("merging documents: the later current assessment wins", () => {
  const one = F.emptyDocument(),
    two = F.emptyDocument();
  F.addAssessment(one, "One", "one", 3);
  F.addAssessment(two, "Two", "two", 4);
  const merged = F.mergeDocuments(one, two);
  assert.deepEqual(Object.keys(merged.list).sort(), ["one", "two"]);
  assert.deepEqual(merged.cur, ["two", 4]);
});

test("the clock: a change made now is newer than anything seen, even from a fast clock", () => {
  const G = globalThis.openStoreFormat(5);
  const future = Date.now() + 86400000;
  G.record(["x", future], () => true); // read from another tab whose clock ran a day fast
  const t = G.now();
  assert.ok(t > future);
  assert.ok(G.now() > t);
});

test("the clock never runs backwards when the system clock does", (t) => {
  const G = globalThis.openStoreFormat(5);
  const first = G.now();
  t.mock.method(Date, "now", () => first - 60000);
  assert.ok(G.now() > first);
});

test("fitting the document drops the oldest markers, never a live entry", () => {
  const doc = F.emptyDocument();
  const a = F.addAssessment(doc, "Baseline", "abc123", 5);
  const cap = F.STORED.ticks;
  for (let n = 0; n < cap; n++) a.ticks[`t-${n}`] = [n % 2, n + 1];
  a.ticks["late-marker"] = [0, 1e9];
  a.ticks["live"] = [1, 2];
  F.fit(doc);
  assert.equal(Object.keys(a.ticks).length, cap);
  assert.deepEqual(a.ticks.live, [1, 2]);
  assert.ok(a.ticks["late-marker"]);
  assert.equal(a.ticks["t-0"], undefined); // the oldest marker
  assert.equal(Object.values(a.ticks).filter((r) => r[0] === 1).length, cap / 2 + 1);
});

test("a fresh assessment is untouched until its first answer", () => {
  const doc = F.emptyDocument();
  const a = F.addAssessment(doc, "Our assessment", "first", 0);
  assert.ok(F.untouched(a));
  a.ticks["m-1"] = [1, F.now()];
  assert.ok(!F.untouched(a));
  assert.equal(F.clampName("  " + "x".repeat(200) + "  "), "x".repeat(LIMITS.name));
});

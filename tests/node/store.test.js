// The store's API (store.js with store-copies.js) in memory, as a browser that blocks storage has
// it: what pages write is held to the same limits an import is, and what it exports imports again.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { memoryStore } = require("./helpers.js");

const store = memoryStore();
const MEDIA = { id: "media", sig: "abcdef12" };
const fresh = (name = "Test") => store.create(name);

test("with storage blocked the store keeps answers in memory and says so", () => {
  assert.equal(store.status().mode, "memory");
  assert.deepEqual(store.can, { local: false, session: false });
});

test("a tick, a stage and notes are read back as written", () => {
  const a = fresh();
  assert.ok(store.setTick(a.id, "media-s1-1", true, MEDIA));
  assert.ok(store.setElementField(a.id, MEDIA, "s", "na"));
  assert.ok(store.setElementField(a.id, MEDIA, "n", "Notes"));
  const now = store.byId(a.id);
  assert.ok(store.isTicked(now, "media-s1-1"));
  assert.equal(store.stageOf(now, "media"), "na");
  assert.equal(store.notesOf(now, "media"), "Notes");
  assert.equal(store.reviewedOf(now, "media"), "abcdef12"); // the first answer records the version
});

test("a wrong value is refused, not saved", () => {
  const a = fresh();
  assert.equal(store.setElementField(a.id, MEDIA, "s", 6), false);
  assert.equal(store.setElementField(a.id, MEDIA, "d", "2027-02-30"), false);
  assert.equal(store.setTick(a.id, "Not An Id", true, null), false);
  assert.equal(store.stageOf(store.byId(a.id), "media"), null);
});

test("notes past the limit are cut to it, counted in characters", () => {
  const a = fresh();
  const long = "😀".repeat(store.LIMITS.notes + 5);
  assert.ok(store.setElementField(a.id, MEDIA, "n", long));
  assert.equal([...store.notesOf(store.byId(a.id), "media")].length, store.LIMITS.notes);
});

test("ticks stop at the limit an export file can carry", () => {
  const a = fresh();
  store.batch(() => {
    for (let n = 0; n < store.LIMITS.ids; n++) store.setTick(a.id, `x-${n}`, true, null);
  });
  assert.equal(store.setTick(a.id, "one-more", true, null), false);
  assert.ok(store.setTick(a.id, "x-0", false, null)); // unticking always works
});

test("writes name their assessment: another one made current meanwhile is untouched", () => {
  const a = fresh("First"),
    b = fresh("Second");
  assert.equal(store.current().id, b.id);
  store.setElementField(a.id, MEDIA, "s", 2);
  assert.equal(store.stageOf(store.byId(a.id), "media"), 2);
  assert.equal(store.stageOf(store.byId(b.id), "media"), null);
});

test("what the store exports, its own check accepts and an import brings back", () => {
  const a = fresh("Round trip");
  store.setTick(a.id, "media-s2-1", true, MEDIA);
  store.setElementField(a.id, MEDIA, "t", 4);
  store.addAction(a.id, "media", "Call the editors", ["media-s2-1"]);
  const data = store.exportData(store.byId(a.id));
  assert.deepEqual(store.validateExport(data), []);
  store.remove(a.id);
  assert.equal(store.byId(a.id), undefined);
  assert.equal(store.importProblem(data), null);
  const back = store.importExport(data); // under a new id: the deleted one's stays deleted
  assert.ok(back && back.id !== a.id && store.isTicked(back, "media-s2-1"));
  assert.equal(store.actionsOf(back)[0].text, "Call the editors");
});

test("a bad file is refused with one sentence per problem", () => {
  const data = store.exportData(store.current());
  data.assessment.elements = { media: { stage: 7, notes: "" }, X: {} };
  data.assessment.actions = [5];
  assert.deepEqual(store.validateExport(data), [
    'assessment.elements.media.stage: must be 1 to 5, "na" or null',
    "assessment.elements.X: not an element id",
    'assessment.elements.X.stage: must be 1 to 5, "na" or null',
    "assessment.elements.X.notes: must be text, at most 20000 characters",
    "assessment.actions[0]: must be an object",
  ]);
  assert.deepEqual(store.validateExport([]), ["the file does not hold a JSON object"]);
});

// Undo's copies, owned by the store (store-tabs.js keeps them, store-copies.js puts them back):
// every offer holds until its time is up, a wipe drops them all, and putting a copy back keeps
// what was written after the action it undoes.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { memoryStore } = require("./helpers.js");

const store = memoryStore();
const MEDIA = { id: "media", sig: "abcdef12" };
const LEADERSHIP = { id: "leadership", sig: "abcdef12" };

/** Deletes an assessment as the picker does: copy, delete, then offer. */
function deleteWithUndo(a) {
  const copy = store.copyOf(a.id);
  store.remove(a.id);
  store.keepUndo({ text: `Deleted ${a.id}`, done: "Put back", list: [copy], select: a.id });
}
/** Undoes one offer as undo.js does. */
function undo(offer) {
  const o = store.takeUndo(offer.id);
  assert.ok(o, "still on offer");
  return store.restore(o.list || [], o.select, o.at);
}

test("after two deletes, both can be undone, each on its own", () => {
  store.wipeAll();
  const a = store.create("First"),
    b = store.create("Second");
  store.setElementField(a.id, MEDIA, "n", "notes of the first");
  store.setElementField(b.id, MEDIA, "n", "notes of the second");
  deleteWithUndo(a);
  deleteWithUndo(b);
  const offers = store.undoOffers();
  assert.deepEqual(
    offers.map((o) => o.text),
    [`Deleted ${b.id}`, `Deleted ${a.id}`],
  );
  assert.equal(undo(offers[1]), 1); // the older one first
  assert.equal(store.notesOf(store.byId(a.id), "media"), "notes of the first");
  assert.equal(undo(offers[0]), 1);
  assert.equal(store.notesOf(store.byId(b.id), "media"), "notes of the second");
  assert.deepEqual(store.undoOffers(), []);
});

test("an offer ends after five minutes", (t) => {
  store.wipeAll();
  t.mock.timers.enable({ apis: ["Date"], now: Date.now() });
  deleteWithUndo(store.create("Gone"));
  t.mock.timers.tick(5 * 60000 - 1);
  assert.equal(store.undoOffers().length, 1);
  t.mock.timers.tick(1);
  assert.deepEqual(store.undoOffers(), []);
});

test("every wipe drops every undo copy", () => {
  for (const wipe of [() => store.wipeAll(), () => store.wipeSession()]) {
    deleteWithUndo(store.create("Private"));
    assert.equal(store.undoOffers().length, 1);
    wipe();
    assert.deepEqual(store.undoOffers(), []);
  }
});

test("undoing a replacing import keeps what was written after it", () => {
  store.wipeAll();
  const a = store.create("Ours");
  store.setTick(a.id, "media-s1-1", true, MEDIA);
  store.setElementField(a.id, MEDIA, "n", "before the import");
  store.setElementField(a.id, LEADERSHIP, "n", "leadership before");
  const file = store.exportData(store.byId(a.id));
  file.assessment.ticked = [];
  file.assessment.elements = { media: { stage: 4, notes: "from the file" } };
  const copy = store.copyOf(a.id);
  store.importExport(file);
  store.keepUndo({ text: "Replaced", done: "Put back", list: [copy], select: a.id });
  // Later, another tab (or this one) writes notes and adds an action to the same assessment.
  store.setElementField(a.id, MEDIA, "n", "written after the import");
  const act = store.addAction(a.id, "media", "a later action", []);
  assert.equal(undo(store.undoOffers()[0]), 1);
  const back = store.byId(a.id);
  assert.ok(store.isTicked(back, "media-s1-1")); // the import's change is undone
  assert.equal(store.stageOf(back, "media"), null);
  assert.equal(store.notesOf(back, "leadership"), "leadership before");
  assert.equal(store.notesOf(back, "media"), "written after the import"); // the later write stays
  assert.deepEqual(
    store.actionsOf(back).map((x) => x.id),
    [act],
  );
});

test("an action removed by the import comes back; one added by it goes", () => {
  store.wipeAll();
  const a = store.create("Plan");
  const kept = store.addAction(a.id, "media", "ours", []);
  const file = store.exportData(store.byId(a.id));
  file.assessment.actions = [{ ...file.assessment.actions[0], id: "from-file", text: "theirs" }];
  const copy = store.copyOf(a.id);
  store.importExport(file);
  assert.deepEqual(
    store.actionsOf(store.byId(a.id)).map((x) => x.text),
    ["theirs"],
  );
  store.keepUndo({ text: "Replaced", done: "Put back", list: [copy], select: a.id });
  undo(store.undoOffers()[0]);
  assert.deepEqual(
    store.actionsOf(store.byId(a.id)).map((x) => [x.id, x.text]),
    [[kept, "ours"]],
  );
});

test("a copy of an assessment deleted again since the action is not put back", () => {
  store.wipeAll();
  const a = store.create("Twice");
  const copy = store.copyOf(a.id);
  store.setElementField(a.id, MEDIA, "n", "changed");
  store.keepUndo({ text: "Changed", done: "Put back", list: [copy], select: a.id });
  store.remove(a.id); // later, in another tab
  assert.equal(undo(store.undoOffers()[0]), 0);
  assert.equal(store.byId(a.id), undefined);
});

test("a copy read back from storage is checked: a wrong shape is no offer", () => {
  store.wipeAll();
  deleteWithUndo(store.create("Shape"));
  const [o] = store.undoOffers();
  assert.equal(store.restore([{ ...o.list[0], name: 42 }], undefined, o.at), 0);
});

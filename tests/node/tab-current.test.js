// Each tab keeps its own current assessment (store.js): two stores over one localStorage, each with
// its own sessionStorage, as two tabs of a browser have them. The stored choice is only the default
// for a new tab.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { sampleRubric, script, memoryStorage, pageGlobals, STORE_SCRIPTS } = require("./helpers.js");

const g = pageGlobals();
g.localStorage = memoryStorage();
const rubric = sampleRubric();
g.TF_RUBRIC = rubric;
for (const name of STORE_SCRIPTS) script(name);
/** A tab: its own sessionStorage (given, or new), the shared localStorage. */
function tab(session = memoryStorage()) {
  g.sessionStorage = session;
  const store = g.openAssessmentStore(rubric, "http://example.test/");
  return { store, session };
}
const MEDIA = { id: "media", sig: "abcdef12" };

test("a tab keeps answering its assessment when another tab creates and picks others", () => {
  const one = tab(),
    two = tab();
  const first = one.store.current();
  assert.ok(one.store.setTick(first.id, "media-s1-1", true, MEDIA)); // saved: both tabs see it
  two.store.catchUp();
  assert.equal(two.store.current().id, first.id);
  const other = two.store.create("Other");
  assert.equal(two.store.current().id, other.id); // the creating tab answers the new one
  one.store.catchUp();
  assert.ok(one.store.byId(other.id)); // heard of
  assert.equal(one.store.current().id, first.id); // and still answering its own
  two.store.select(first.id);
  two.store.select(other.id);
  one.store.catchUp();
  assert.equal(one.store.current().id, first.id);
});

test("a new page view in the same tab keeps the tab's choice; a new tab starts at the stored one", () => {
  const one = tab();
  const a = one.store.create("A"),
    b = one.store.create("B");
  one.store.select(a.id);
  const other = tab();
  other.store.select(b.id); // the stored default is now B
  assert.equal(tab(one.session).store.current().id, a.id); // a reload of tab one
  assert.equal(tab().store.current().id, b.id); // a new tab
});

test("when a tab's assessment is deleted elsewhere, it answers the stored choice, and says nothing is lost", () => {
  const one = tab(),
    two = tab();
  const a = one.store.create("Kept"),
    gone = one.store.create("Gone");
  two.store.catchUp();
  two.store.select(a.id);
  one.store.catchUp();
  assert.equal(one.store.current().id, gone.id);
  two.store.remove(gone.id);
  one.store.catchUp();
  assert.equal(one.store.current().id, a.id);
  assert.equal(one.store.setTick(gone.id, "media-s1-1", true, MEDIA), false); // never elsewhere
  assert.equal(one.store.isTicked(one.store.byId(a.id), "media-s1-1"), false);
});

test("with sessionStorage blocked, the choice holds for the page view", () => {
  const blocked = {
    getItem() {
      throw new Error("SecurityError");
    },
  };
  const one = tab(/** @type {any} */ (blocked));
  const a = one.store.create("A");
  const two = tab();
  two.store.catchUp();
  two.store.create("B");
  one.store.catchUp();
  assert.equal(one.store.current().id, a.id);
});

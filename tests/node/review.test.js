// Defects found by the review of the merged #26 work, each shown failing before its fix.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { memoryStore, memoryStorage, script, STORE_SCRIPTS } = require("./helpers.js");

const g = /** @type {any} */ (globalThis);
g.localStorage = memoryStorage();
g.sessionStorage = memoryStorage();
const store = memoryStore();
/** A page view of a tab with this sessionStorage: its own store over the shared localStorage. */
function pageView(session) {
  g.sessionStorage = session;
  delete g.TF_STORE;
  for (const name of [...STORE_SCRIPTS, "store-copies.js"]) script(name);
  return g.TF_STORE;
}

/** An export of a new assessment (id, creation time) with the given name. */
function exportNamed(name, id, created) {
  const data = JSON.parse(JSON.stringify(store.exportData(store.current())));
  Object.assign(data.assessment, { name, id, created });
  return data;
}

test("an import whose name has nothing visible keeps no invisible name", () => {
  for (const [n, name] of ["\u200b\u200b", "\ufeff\u200e", "\u00ad"].entries()) {
    const data = exportNamed(name, `invisible-${n}`, `2020-01-0${n + 1}T00:00:00Z`);
    if (store.validateExport(data).length) continue; // refused, said: fine as well
    const a = store.importExport(data);
    assert.ok(a, "imported");
    const kept = store.nameOf(a);
    assert.match(kept, /\S/, `a visible name, not ${JSON.stringify(kept)}`);
    assert.equal(kept, store.cleanName(kept), "kept in the one form names take");
  }
});

test("an undo copy does not outlive a wipe made in another tab while this tab was away", () => {
  const mine = memoryStorage();
  let one = pageView(mine);
  const x = one.create("Kept secret");
  one.setTick(x.id, "media-s1-1", true, { id: "media", sig: "abcdef12" });
  const copy = one.copyOf(x.id);
  one.remove(x.id);
  one.keepUndo({ text: "Deleted.", done: "Put back.", list: [copy], select: x.id });
  assert.equal(one.undoOffers().length, 1);
  // Tab one follows a link to another site (no storage event reaches it); tab two wipes.
  pageView(memoryStorage()).wipeAll();
  pageView(memoryStorage()).create("After the wipe"); // and goes on using the site
  one = pageView(mine); // tab one comes back
  assert.deepEqual(one.undoOffers(), [], "the wiped assessment is on offer again");
  // Its own "Delete everything" stays undoable in the tab that did it, on its next page view.
  const all = one.assessments().map((a) => one.copyOf(a.id));
  one.wipeAll();
  one.keepUndo({ text: "Deleted everything.", done: "Put back.", list: all, everything: true });
  assert.equal(pageView(mine).undoOffers().length, 1);
});

test("a tab that catches up after another tab's wipe, before hearing of it, writes nothing wiped back", () => {
  g.localStorage.clear();
  const one = pageView(memoryStorage());
  const x = one.create("Wiped elsewhere");
  one.setTick(x.id, "media-s1-1", true, { id: "media", sig: "abcdef12" });
  pageView(memoryStorage()).wipeAll(); // its storage event has not reached tab one yet
  one.catchUp(); // a notes box catches up before each write
  const now = one.current();
  one.setElementField(now.id, { id: "media", sig: "abcdef12" }, "n", "typed after the wipe");
  one.setElementField(now.id, { id: "media", sig: "abcdef12" }, "t", 2); // saved at once
  const raw = g.localStorage.getItem(one.KEY) || "";
  assert.ok(raw.includes("typed after the wipe"), raw);
  assert.ok(!raw.includes(x.id) && !raw.includes("Wiped elsewhere"), raw);
});

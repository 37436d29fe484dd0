// Typing at any document size (#26.10): a key in a typed field (notes, action text, the report's
// fields) updates what the page shows at once and is written once typing pauses, on leaving the
// page, or with the next other change; the stored string a tab already holds is never read, checked
// and merged again. Two tabs still merge. Run against an in-process localStorage that counts writes.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { script, sampleRubric, STORE_SCRIPTS } = require("./helpers.js");

/** localStorage as Chromium has it, shared by every "tab" here, counting what each tab does. */
class FakeStorage {
  constructor() {
    this.map = new Map();
    this.writes = 0;
    this.tabs = [];
  }
  get length() {
    return this.map.size;
  }
  key(n) {
    return [...this.map.keys()][n] ?? null;
  }
  getItem(k) {
    return this.map.has(k) ? this.map.get(k) : null;
  }
  setItem(k, v) {
    if (!k.endsWith("?")) this.writes++;
    this.map.set(k, String(v));
    this.tell(k);
  }
  removeItem(k) {
    this.map.delete(k);
    this.tell(k);
  }
  // Other tabs hear of a write, as "storage" events tell them, once the writer's task ends.
  tell(key) {
    const from = current;
    for (const tab of this.tabs) if (tab !== from) tab.queued.push({ key, storageArea: this });
  }
}

const g = /** @type {any} */ (globalThis);
const local = new FakeStorage();
let current = null;

/** A browser with nothing saved and no tab open, before each test. */
test.beforeEach(() => {
  local.map.clear();
  local.tabs.length = 0;
});

/** A tab: its own store over the shared localStorage, with its own window listeners. */
function openTab() {
  const tab = { listeners: {}, queued: [], store: null };
  g.window = g;
  g.location = new URL("http://example.test/");
  g.document = { currentScript: null, querySelector: () => null, visibilityState: "visible" };
  g.document.addEventListener = (type, fn) => (tab.listeners["doc:" + type] ||= []).push(fn);
  g.navigator = g.navigator || {};
  g.addEventListener = (type, fn) => (tab.listeners[type] ||= []).push(fn);
  g.BroadcastChannel = undefined;
  g.localStorage = local;
  g.sessionStorage = new FakeStorage();
  g.TF_RUBRIC = sampleRubric();
  g.TF_STORE = undefined;
  for (const name of STORE_SCRIPTS) script(name);
  tab.store = g.TF_STORE;
  local.tabs.push(tab);
  return tab;
}
/** Runs `fn` as tab `tab` does, then delivers the storage events it caused to the others. */
function as(tab, fn) {
  current = tab;
  try {
    return fn(tab.store);
  } finally {
    current = null;
    deliver();
  }
}
function deliver() {
  for (const tab of local.tabs)
    while (tab.queued.length) {
      const ev = tab.queued.shift();
      current = tab;
      for (const fn of tab.listeners.storage || []) fn(ev);
      current = null;
    }
}
const fire = (tab, type) =>
  as(tab, () => (tab.listeners[type] || []).forEach((fn) => fn({ type })));

const MEDIA = { id: "media", sig: "abcdef12" };
const typeInto = (tab, id, text) => {
  for (let n = 1; n <= text.length; n++)
    as(tab, (s) => s.setElementField(id, MEDIA, "n", text.slice(0, n)));
};
const storedNotes = () => {
  const doc = JSON.parse(local.getItem(TF_KEY()));
  return Object.values(doc.list).map((a) => a.els.media && a.els.media.n && a.els.media.n[0]);
};
const TF_KEY = () => local.tabs[0].store.KEY;

test("typing writes nothing per key, and leaving the page saves all of it", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const tab = openTab();
  const a = as(tab, (s) => s.create("Baseline"));
  const before = local.writes;
  typeInto(tab, a.id, "Typed, then the tab closed");
  assert.equal(local.writes, before, "no key wrote the whole document");
  assert.equal(tab.store.notesOf(tab.store.byId(a.id), "media"), "Typed, then the tab closed");
  fire(tab, "pagehide");
  assert.equal(local.writes, before + 1);
  assert.deepEqual(storedNotes(), ["Typed, then the tab closed"]);
  fire(tab, "pagehide"); // nothing left to save
  assert.equal(local.writes, before + 1);
});

test("typed text is saved once typing pauses, and while it goes on, every few seconds", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout", "Date"], now: 1e12 });
  const tab = openTab();
  const a = as(tab, (s) => s.create("Baseline"));
  const before = local.writes;
  typeInto(tab, a.id, "abc");
  t.mock.timers.tick(299);
  assert.equal(local.writes, before);
  t.mock.timers.tick(1);
  assert.equal(local.writes, before + 1, "saved at the pause");
  assert.deepEqual(storedNotes(), ["abc"]);
  // Typing without a pause for longer than a few seconds still saves as it goes.
  for (let n = 0; n < 40; n++) {
    as(tab, (s) => s.setElementField(a.id, MEDIA, "n", "abc" + "d".repeat(n)));
    t.mock.timers.tick(100);
  }
  assert.ok(local.writes >= before + 2, "saved while typing went on");
});

test("another change saves typed text with it at once", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const tab = openTab();
  const a = as(tab, (s) => s.create("Baseline"));
  typeInto(tab, a.id, "notes");
  as(tab, (s) => s.setTick(a.id, "media-s1-1", true, MEDIA));
  assert.deepEqual(storedNotes(), ["notes"]);
});

test("two tabs merge: one types while the other ticks, and both end with both", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const one = openTab();
  const a = as(one, (s) => s.create("Baseline"));
  const two = openTab();
  typeInto(one, a.id, "typed in one");
  as(two, (s) => s.setTick(a.id, "media-s1-1", true, MEDIA)); // saved at once, and heard by one
  as(two, (s) => s.setElementField(a.id, MEDIA, "s", 3));
  t.mock.timers.tick(300);
  deliver();
  for (const tab of [one, two]) {
    const b = tab.store.byId(a.id);
    assert.equal(tab.store.notesOf(b, "media"), "typed in one");
    assert.ok(tab.store.isTicked(b, "media-s1-1"));
    assert.equal(tab.store.stageOf(b, "media"), 3);
  }
  assert.deepEqual(storedNotes(), ["typed in one"]);
  // One's view of the stored document is cached: a key after two's write still sees two's stage.
  as(two, (s) => s.setElementField(a.id, MEDIA, "s", 4));
  as(one, (s) => s.catchUp());
  assert.equal(one.store.stageOf(one.store.byId(a.id), "media"), 4);
});

test("a catch-up that finds nothing new reads and checks nothing", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const tab = openTab();
  const a = as(tab, (s) => s.create("Baseline"));
  as(tab, (s) => s.setTick(a.id, "media-s1-1", true, MEDIA));
  const parse = JSON.parse;
  let parsed = 0;
  t.mock.method(JSON, "parse", (...args) => {
    parsed++;
    return parse(...args);
  });
  for (let n = 0; n < 20; n++) {
    as(tab, (s) => s.catchUp());
    as(tab, (s) => s.setElementField(a.id, MEDIA, "n", "x".repeat(n)));
  }
  assert.equal(parsed, 0, "the stored string this tab wrote was not parsed again");
});

test("typed text waiting to be saved is wiped with everything else, never written after", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const tab = openTab();
  const a = as(tab, (s) => s.create("Baseline"));
  as(tab, (s) => s.setTick(a.id, "media-s1-1", true, MEDIA));
  typeInto(tab, a.id, "private");
  as(tab, (s) => s.wipeAll());
  t.mock.timers.tick(5000);
  fire(tab, "pagehide");
  assert.equal(local.getItem(TF_KEY()), null);
});

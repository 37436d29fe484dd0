// What the Node tests share: the browser code's files loaded as a browser loads them (classic
// scripts, one global scope), a small rubric, and a store in memory, as a browser that blocks
// storage has it. Each test file runs in its own process (node --test), so globals set here stay
// in that file.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const ROOT = path.resolve(__dirname, "..", "..");
const JS = path.join(ROOT, "overrides", "assets", "js");
// The store's scripts, in the order the checklist's code loads them (checklist.py CHECKLIST_CODE).
const STORE_SCRIPTS = [
  "store-text.js",
  "store-merge.js",
  "store-format.js",
  "store-undo.js",
  "store-folders.js",
  "store-tabs.js",
  "store.js",
];

/** A pure module, required as it is: it must attach what it offers to globalThis. */
function pure(name) {
  require(path.join(JS, name));
}

/** A browser file run in this process's global scope, as a classic script runs in a page. */
function script(name) {
  const file = path.join(JS, name);
  vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });
}

/** A rubric of two areas, three elements and their indicators, in roadmap order. */
function sampleRubric() {
  const stages = ["Initiating", "Developing", "Operating", "Sustaining", "Evolving"].map(
    (name, k) => ({ n: k + 1, name }),
  );
  const element = (id, title, perStage) => ({
    id,
    title,
    url: `area/${id}/`,
    sig: "abcdef12",
    indicators: perStage.flatMap((count, k) =>
      Array.from({ length: count }, (_, n) => ({
        id: `${id}-s${k + 1}-${n + 1}`,
        stage: k + 1,
        text: `${title}, stage ${k + 1}, indicator ${n + 1}`,
      })),
    ),
  });
  const areas = [
    {
      id: "internal-foundations",
      title: "Internal Foundations",
      url: "internal-foundations/",
      elements: [
        element("mission-statement", "Mission Statement", [2, 2, 3, 2, 1]),
        element("leadership", "Leadership", [3, 3, 3, 3, 3]),
      ],
    },
    {
      id: "public-engagement",
      title: "Public Engagement",
      url: "public-engagement/",
      elements: [element("media", "Media", [1, 2, 1, 1, 1])],
    },
  ];
  for (const a of areas) for (const e of a.elements) e.area = a;
  return {
    version: "0123456789ab",
    order: "fedcba987654",
    title: "Task Force Roadmap",
    stages,
    storage: "tf-roadmap/",
    areas,
  };
}

/** The little of a page the store's scripts touch, on globalThis; returns globalThis. */
function pageGlobals() {
  const g = /** @type {any} */ (globalThis);
  g.window = g;
  g.location = new URL("http://example.test/");
  g.document = { currentScript: null, querySelector: () => null };
  g.navigator = g.navigator || {};
  g.addEventListener = () => {};
  g.BroadcastChannel = undefined; // an open channel would keep the test process alive
  return g;
}

/**
 * The whole store (store-format, store-tabs, store, store-copies) in memory: no localStorage, no
 * sessionStorage, no other tabs. Returns window.TF_STORE.
 */
function memoryStore(rubric = sampleRubric()) {
  const g = pageGlobals();
  g.TF_RUBRIC = rubric;
  for (const name of [...STORE_SCRIPTS, "store-copies.js"]) script(name);
  return g.TF_STORE;
}

/** A Storage in memory, as a browser's. */
function memoryStorage() {
  const m = new Map();
  return {
    get length() {
      return m.size;
    },
    key: (n) => [...m.keys()][n] ?? null,
    getItem: (k) => (m.has(k) ? m.get(k) : null),
    setItem: (k, v) => void m.set(k, String(v)),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
  };
}

/** docs/assessment.schema.json, parsed. */
const schema = () =>
  JSON.parse(fs.readFileSync(path.join(ROOT, "docs", "assessment.schema.json"), "utf8"));

module.exports = {
  ROOT,
  JS,
  STORE_SCRIPTS,
  pure,
  script,
  sampleRubric,
  memoryStore,
  memoryStorage,
  pageGlobals,
  schema,
};

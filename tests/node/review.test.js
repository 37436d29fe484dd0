// Defects found by the review of the merged #26 work, each shown failing before its fix.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { memoryStore } = require("./helpers.js");

const store = memoryStore();

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

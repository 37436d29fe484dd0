// Text as people type it and limits said, not silently applied (#26 items 11-13): names kept in
// one form without invisible characters, dates a date field can show, .ics TEXT without controls,
// and a file from a newer version of the site named as such.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { pure, memoryStore } = require("./helpers.js");

pure("store-text.js");
pure("store-merge.js");
pure("store-format.js");
pure("file-writers.js");
const F = globalThis.openStoreFormat(5);
const T = globalThis.storeText();
const W = globalThis.fileWriters();

const JOSE = [
  "Jos\u00e9",
  "Jose\u0301",
  "Jos\u200b\u00e9",
  "\ufeffJos\u00e9\u200e",
  "\u202aJos\u00e9\u202c",
];

test("a name typed in NFC, NFD or with invisible characters is one name", () => {
  assert.deepEqual([...new Set(JOSE.map(T.cleanName))], ["Jos\u00e9"]);
  // Controls are never part of a name; a tab or a line end pasted into one goes too.
  assert.equal(T.cleanName("Sam\tLee\n\u001b"), "SamLee");
});

test("joiners stay where a script or an emoji needs them, and only there", () => {
  const persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"; // ZWNJ between Persian letters
  const coder = "\u{1f468}\u200d\u{1f4bb}"; // man + ZWJ + laptop: one emoji
  assert.equal(T.cleanName(persian), persian);
  assert.equal(T.cleanName(coder), coder);
  assert.equal(T.cleanName("Jo\u200ds\u200c\u00e9"), "Jos\u00e9");
  assert.equal(T.cleanName("\u200dJos\u00e9\u200c"), "Jos\u00e9");
});

test("longer texts keep what a script needs to wrap, and lose controls and BOMs", () => {
  const thai = "\u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35\u200b\u0e04\u0e23\u0e31\u0e1a";
  assert.equal(T.cleanText(thai), thai);
  assert.equal(T.cleanText("a\u000bb\u001b[31mc\ufeff\r\nd\re\tf"), "ab[31mc\nd\ne\tf");
  assert.equal(T.cleanText("Jose\u0301"), "Jos\u00e9");
});

test("cleaning twice changes nothing: an accent freed of what stood before it joins its letter", () => {
  const tricky = [
    "e\u200b\u0301",
    "e\u0007\u0301",
    "\u0915\u200d\u200d\u0916",
    "a\u200d\u{1f468}\u200d\u{1f4bb}",
    "\u1100\u00ad\u1161",
    "x\ufeff\u0308\r\n\u0301",
  ];
  for (const s of tricky)
    for (const clean of [T.cleanName, T.cleanText]) {
      const once = clean(s);
      assert.equal(clean(once), once, JSON.stringify(s));
      assert.equal(once, once.normalize("NFC"), JSON.stringify(s));
    }
  assert.equal(T.cleanName("e\u200b\u0301"), "\u00e9");
});

test("the store keeps owners, names and plan texts as cleaned, whoever writes them", () => {
  const store = memoryStore();
  const a = store.current();
  const owners = JOSE.map((owner) => {
    const id = store.addAction(a.id, "media", "Call\u000b the press\u001b", []);
    store.setAction(a.id, id, "owner", owner);
    return id;
  });
  const acts = store.actionsOf(store.byId(a.id)).filter((x) => owners.includes(x.id));
  assert.deepEqual([...new Set(acts.map((x) => x.owner))], ["Jos\u00e9"]);
  assert.deepEqual([...new Set(acts.map((x) => x.text))], ["Call the press"]);
  store.setPlanText(a.id, "taskForce", "Metro\u200b Task Force");
  assert.equal(store.planTextOf(store.byId(a.id), "taskForce"), "Metro Task Force");
  store.rename(a.id, "Base\u200bline\u202e");
  assert.equal(store.nameOf(store.byId(a.id)), "Baseline");
});

test("an import keeps owners and names as the page would have them typed", () => {
  const store = memoryStore();
  const data = store.exportData(store.current());
  data.assessment.name = "Imported\u200b";
  data.assessment.taskForce = "Metro\ufeff";
  data.assessment.actions = JOSE.map((owner, n) => ({
    id: `act-${n}`,
    element: "media",
    text: "Brief the press\u001b",
    owner,
    due: "",
    status: "not-started",
    indicators: [],
    created: "2026-01-01T00:00:00.000Z",
  }));
  assert.deepEqual(store.validateExport(data), []);
  const a = store.importExport(data);
  assert.equal(store.nameOf(a), "Imported");
  assert.equal(store.planTextOf(a, "taskForce"), "Metro");
  assert.deepEqual([...new Set(store.actionsOf(a).map((x) => x.owner))], ["Jos\u00e9"]);
  assert.deepEqual([...new Set(store.actionsOf(a).map((x) => x.text))], ["Brief the press"]);
});

test("every date the store keeps is one a date field can show: years 0001 to 9999", () => {
  for (const day of ["0001-01-01", "2026-06-30", "9999-12-31", "2024-02-29"])
    assert.ok(F.isDay(day), day);
  for (const day of ["0000-01-01", "0000-02-29", "20261-01-01", "2026-02-30", "2026-1-1", ""])
    assert.ok(!F.isDay(day), day);
});

test("an import with a due date a date field cannot show is refused, saying which dates are kept", () => {
  const store = memoryStore();
  const data = store.exportData(store.current());
  data.assessment.actions = [
    {
      id: "act-1",
      element: "media",
      text: "Brief the press",
      owner: "",
      due: "0000-01-01",
      status: "not-started",
      indicators: [],
      created: "2026-01-01T00:00:00.000Z",
    },
  ];
  data.assessment.elements = { media: { stage: 2, notes: "", targetDate: "0000-06-30" } };
  const problems = store.validateExport(data);
  assert.ok(
    problems.some((p) => /actions\[0\]\.due: .*0001-01-01 to 9999-12-31/.test(p)),
    problems,
  );
  assert.ok(
    problems.some((p) => /media\.targetDate: .*0001-01-01 to 9999-12-31/.test(p)),
    problems,
  );
});

test("a stored date no date field can show is read as no date, and the rest is kept", () => {
  const doc = F.emptyDocument();
  const a = JSON.parse(JSON.stringify(F.addAssessment(doc, "Baseline", "abc123", 5)));
  a.acts = {
    "act-1": { text: ["Brief the press", 5], due: ["0000-01-01", 5], removed: [0, 5] },
  };
  a.els = { media: { s: [2, 5], d: ["0000-06-30", 5] } };
  const read = F.readAssessment(a, "abc123");
  assert.ok(read, "the assessment stays readable");
  assert.deepEqual(read.acts["act-1"].due, ["", 5]);
  assert.deepEqual(read.acts["act-1"].text, ["Brief the press", 5]);
  assert.deepEqual(read.els.media.d, ["", 5]);
  // Anything that is not a date at all is still refused.
  a.acts["act-1"].due = ["soon", 5];
  assert.equal(F.readAssessment(a, "abc123"), undefined);
});

test(".ics TEXT carries no control character but the tab; line ends are escaped", () => {
  const out = W.icsText("a\u000bb\u001b[31mc\u0000d\u007fe\u0085f\tg\r\nh\u2028i");
  assert.equal(out, "ab[31mcdef\tg\\nh\\ni");
  const controls = [...out].filter((c) => c !== "\t" && (c < " " || c === "\u007f"));
  assert.deepEqual(controls, []);
});

test("a file from a newer version of the site is refused as such, with what to do", () => {
  const store = memoryStore();
  const data = store.exportData(store.current());
  data.schema = store.EXPORT_SCHEMA + 1;
  data.assessment.somethingNew = { later: true };
  const problems = store.validateExport(data);
  assert.equal(problems.length, 1, problems);
  assert.match(problems[0], /made by a newer version of this site/);
  assert.match(problems[0], /current version|reload/);
  assert.doesNotMatch(problems[0], /must be 1 or|unexpected field/);
  // Not a newer version: still refused with the schema's words.
  data.schema = 0;
  assert.ok(store.validateExport(data).some((p) => /schema: must be 1 or 2/.test(p)));
});

// What a share link carries, and what an import of it over the same assessment does with what it
// does not carry: leaving a thing out of a link is not deleting it (issue 26 §7).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const zlib = require("node:zlib");
const { pure, memoryStore, sampleRubric } = require("./helpers.js");

const rubric = sampleRubric();
const store = memoryStore(rubric);
pure("share-codec.js");
const codec = globalThis.shareCodec(rubric, store, (problems) => problems.join("; "));
const MEDIA = { id: "media", sig: "abcdef12" };

/** An assessment with notes, an owner and who took part; returns its id. */
function ours() {
  store.wipeAll();
  const a = store.create("Ours");
  store.setTick(a.id, "media-s1-1", true, MEDIA);
  store.setElementField(a.id, MEDIA, "s", 2);
  store.setElementField(a.id, MEDIA, "n", "our notes");
  const act = store.addAction(a.id, "media", "Brief the press", []);
  store.setAction(a.id, act, "owner", "Sam");
  store.setPlanText(a.id, "taskForce", "Metro Task Force");
  store.setPlanText(a.id, "people", "Sam, Alex");
  return a.id;
}
/** A link's fragment from what it holds (as links made before today were packed). */
const linkOf = (packed) => "tf1." + zlib.deflateSync(JSON.stringify(packed)).toString("base64url");

test("a link made without notes says it leaves out notes, owners and who took part", async () => {
  const id = ours();
  const data = store.exportData(store.byId(id));
  const without = await codec.decode(await codec.encode(data, false, ""), "");
  assert.deepEqual(store.leftOutOf(without), ["notes", "owners", "people"]);
  const withNotes = await codec.decode(await codec.encode(data, true, ""), "");
  assert.deepEqual(store.leftOutOf(withNotes), []);
  assert.deepEqual(withNotes, { ...data, exported: withNotes.exported }); // still the export
});

test("importing it over the same assessment keeps them, and takes what it carries", async () => {
  const id = ours();
  const link = await codec.encode(store.exportData(store.byId(id)), false, "");
  store.setTick(id, "media-s1-1", false, MEDIA); // changed here since the link was made
  store.setElementField(id, MEDIA, "s", 4);
  const data = await codec.decode(link, "");
  const preview = store.exportData(store.importPreview(data, false));
  store.importExport(data, { backup: false });
  const a = store.byId(id);
  assert.ok(store.isTicked(a, "media-s1-1"));
  assert.equal(store.stageOf(a, "media"), 2);
  assert.equal(store.notesOf(a, "media"), "our notes");
  assert.deepEqual(
    store.actionsOf(a).map((x) => [x.text, x.owner]),
    [["Brief the press", "Sam"]],
  );
  assert.equal(store.planTextOf(a, "people"), "Sam, Alex");
  assert.equal(store.planTextOf(a, "taskForce"), "Metro Task Force");
  const saved = store.exportData(a);
  assert.deepEqual({ ...preview, exported: "" }, { ...saved, exported: "" }); // the dialog's view
});

test("a link made before today without names keeps them too; one with names does not", async () => {
  const id = ours();
  const packed = codec.pack(store.exportData(store.byId(id)), false);
  delete packed.h; // the mark came later
  assert.deepEqual(store.leftOutOf(await codec.decode(linkOf(packed), "")), [
    "notes",
    "owners",
    "people",
  ]);
  const named = codec.pack(store.exportData(store.byId(id)), true);
  delete named.f;
  delete named.a;
  assert.deepEqual(store.leftOutOf(await codec.decode(linkOf(named), "")), [
    "taskForce",
    "actions",
  ]);
});

test("a plan a link does not carry stays; an empty plan it carries empties ours", async () => {
  const id = ours();
  const packed = codec.pack(store.exportData(store.byId(id)), true);
  delete packed.a; // an older link of a sender with no actions
  store.importExport(await codec.decode(linkOf(packed), ""), { backup: false });
  assert.equal(store.actionsOf(store.byId(id)).length, 1);
  packed.a = []; // today's link of a sender with no actions
  store.importExport(await codec.decode(linkOf(packed), ""), { backup: false });
  assert.equal(store.actionsOf(store.byId(id)).length, 0);
});

test("a file carries everything: importing it replaces exactly", () => {
  const id = ours();
  const data = store.exportData(store.byId(id));
  delete data.assessment.people;
  data.assessment.elements.media.notes = "";
  assert.deepEqual(store.leftOutOf(data), []);
  store.importExport(data);
  assert.equal(store.planTextOf(store.byId(id), "people"), "");
  assert.equal(store.notesOf(store.byId(id), "media"), "");
});

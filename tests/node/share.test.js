// The share-link codec (share-codec.js): an assessment in a link's fragment and back, with the
// store's own checks of what a link holds; links already sent keep opening.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { pure, memoryStore, sampleRubric } = require("./helpers.js");

const rubric = sampleRubric();
const store = memoryStore(rubric);
pure("share-codec.js");
const summary = (problems) => problems.join("; ");
const codec = globalThis.shareCodec(rubric, store, summary);
const MEDIA = { id: "media", sig: "abcdef12" };

// One assessment with something of everything a link carries.
const a = store.current();
store.setTick(a.id, "media-s2-1", true, MEDIA);
store.setTick(a.id, "media-s2-2", true, MEDIA);
store.setTick(a.id, "retired-indicator", true, null); // not in this rubric: travels by name
store.setElementField(a.id, MEDIA, "s", 3);
store.setElementField(a.id, MEDIA, "n", "Press office is new; ask Sam.");
store.setElementField(a.id, MEDIA, "t", 4);
store.setElementField(a.id, MEDIA, "d", "2027-06-30");
store.addAction(a.id, "media", "Brief the press office", ["media-s3-1"]);
const action = store.actionsOf(store.current())[0];
store.setAction(a.id, action.id, "owner", "Sam");
store.setPlanText(a.id, "taskForce", "Metro Task Force");
store.setPlanText(a.id, "people", "Sam, Alex");
const data = store.exportData(store.current());

test("a plain link opens as the assessment it was made from, without notes or names", async () => {
  const frag = await codec.encode(data, false, "");
  assert.ok(frag.startsWith("tf1.") && /^tf1\.[A-Za-z0-9_-]+$/.test(frag));
  assert.ok(!codec.locked(frag));
  const back = (await codec.decode(frag, "")).assessment;
  assert.deepEqual(back.ticked, [...data.assessment.ticked].sort());
  assert.equal(back.elements.media.stage, 3);
  assert.equal(back.elements.media.notes, "");
  assert.equal(back.elements.media.target, 4);
  assert.equal(back.elements.media.targetDate, "2027-06-30");
  assert.equal(back.actions[0].text, "Brief the press office");
  assert.equal(back.actions[0].owner, ""); // a person's name: only with the notes
  assert.equal(back.taskForce, "Metro Task Force");
  assert.equal(back.people, undefined);
});

test("with the notes, the notes, owners and who took part travel too", async () => {
  const back = (await codec.decode(await codec.encode(data, true, ""), "")).assessment;
  assert.equal(back.elements.media.notes, "Press office is new; ask Sam.");
  assert.equal(back.actions[0].owner, "Sam");
  assert.equal(back.people, "Sam, Alex");
});

test("ticks of indicators this roadmap does not know travel by name", () => {
  const packed = codec.pack(data, false);
  assert.deepEqual(packed.u, ["retired-indicator"]);
  assert.equal(packed.o, rubric.order);
});

test("a locked link opens with its passphrase, and only with it", async () => {
  const frag = await codec.encode(data, true, "correct horse");
  assert.ok(codec.locked(frag) && frag.startsWith("tf1e."));
  const back = await codec.decode(frag, "correct horse");
  assert.equal(back.assessment.elements.media.notes, "Press office is new; ask Sam.");
  await assert.rejects(codec.decode(frag, "wrong"), codec.LinkError);
});

test("a link made with another version of the roadmap's indicators is refused, saying why", () => {
  const other = globalThis.shareCodec({ ...rubric, order: "000000000000" }, store, summary);
  assert.throws(() => other.unpack(codec.pack(data, false)), /version of the roadmap/);
});

test("a damaged, cut or foreign link is refused with a LinkError", async () => {
  const frag = await codec.encode(data, false, "");
  const damaged = frag.slice(0, 20) + (frag[20] === "A" ? "B" : "A") + frag.slice(21);
  for (const bad of [damaged, frag.slice(0, frag.length - 6), "tf1.a+b", "xyz.abc", "tf1e.AAAA"])
    await assert.rejects(codec.decode(bad, ""), codec.LinkError, bad.slice(0, 24));
});

test("a link that would inflate past the file limit is refused", async () => {
  const huge = new Uint8Array(store.LIMITS.fileBytes + 10).fill(32);
  const stream = new Blob([huge]).stream().pipeThrough(new CompressionStream("deflate"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  const frag = "tf1." + Buffer.from(bytes).toString("base64url");
  await assert.rejects(codec.decode(frag, ""), /expands to over 5 MB/);
});

test("what a link holds is checked as an import is", () => {
  const packed = codec.pack(data, true);
  assert.throws(
    () => codec.unpack({ ...packed, n: "x".repeat(store.LIMITS.name + 1) }),
    /does not hold results this site can read/,
  );
  assert.throws(() => codec.unpack({ ...packed, b: 5 }), /not a results link/);
});

// A link made by this codec on 2027-01-01 (rubric above): links already sent must keep opening.
const SENT =
  "tf1.eJx9j81Og0AURl-lOeuLGbAt7d1RX8GVhMXA3OokCMkw_iQN725Et5qc7fflnBsebVv8kJ0rEV4tRI_w4Mdxl19sZyHmOS0IP0xzLpbsU7aAtJ1QuaouXFm48tE53bhzzj3RdcKMcrUw9P58qo-HPUJCcWV1vz8c69PZ9wif6N83QkRZbMqb4IRy8YuNcTKE4f9pj9I0TXNpEN7QlmQ5JgtFnEIcfJ4TnWDo7TddbyzZPxtabbG2oN_dyd6jfVhA8f0Q7FpWrOv6BYzVVe8";

test("a link sent before today still opens the same", async () => {
  const back = await codec.decode(SENT, "");
  assert.equal(back.assessment.name, "Baseline");
  assert.deepEqual(back.assessment.ticked, ["media-s2-1", "retired-indicator"]);
  assert.equal(back.assessment.elements.media.stage, 2);
  assert.equal(back.assessment.actions[0].text, "Call the editors");
});

test("an action travels as tf1 links have always carried it, with every field the store keeps", () => {
  // Frozen with "tf1.": links already sent read their actions in this order. A field the store
  // adds must not change it: it needs a new link version beside this one.
  assert.deepEqual(codec.ACTION_KEYS, [
    "id",
    "element",
    "text",
    "owner",
    "due",
    "status",
    "indicators",
    "created",
  ]);
  const kept = globalThis.openStoreFormat(5).ACTION_FIELDS.map((f) => f.key);
  assert.deepEqual(
    kept.filter((k) => !codec.ACTION_KEYS.includes(k)),
    [],
    "an action field the links do not carry",
  );
});

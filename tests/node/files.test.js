// The files the self-assessment writes (file-writers.js): CSV that spreadsheets open safely, and the
// work plan's CSV and iCalendar (RFC 5545) files.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { pure } = require("./helpers.js");

pure("file-writers.js");
const W = globalThis.fileWriters();
const STATUS = {
  "not-started": "Not started",
  "in-progress": "In progress",
  done: "Done",
  dropped: "Dropped",
};
const elementTitle = (r) => (r.e ? r.e.title : `${r.element} (not in this roadmap)`);
const assessment = { id: "abc123" };
const store = {
  targetOf: (a, element) =>
    element === "media" ? { stage: 3, date: "2027-06-30" } : { stage: null, date: "" },
  planTextOf: () => "Metro Task Force",
  nameOf: () => "Baseline",
};
const plan = globalThis.planFiles({ store, csvText: W.csvText }, STATUS, elementTitle);
const media = { title: "Media", area: { title: "Public Engagement" } };
const row = (over) => ({
  id: "a1",
  element: "media",
  e: media,
  text: "Brief the press office",
  owner: "Sam",
  due: "2027-05-01",
  status: "in-progress",
  indicators: ["media-s3-1"],
  overdue: false,
  ...over,
});
const octets = (s) => Buffer.byteLength(s, "utf8");

test("CSV: a byte order mark, CRLF line ends, quotes doubled where needed", () => {
  const csv = W.csvText([
    ["a", 'say "hi"', "x,y"],
    ["line\nbreak", " padded", 3],
  ]);
  assert.equal(csv, '\ufeffa,"say ""hi""","x,y"\r\n"line\nbreak"," padded",3\r\n');
});

test("CSV: a cell never starts a formula", () => {
  for (const lead of ["=", "+", "-", "@", "\t", "\r"])
    assert.ok(W.cell(`${lead}SUM(A1)`).replace(/^"/, "").startsWith("'"), JSON.stringify(lead));
  assert.equal(W.cell(null), "");
  assert.equal(W.cell(0), "0");
});

test("the plan's CSV: one row per action, with its target and what it works toward", () => {
  const lines = plan
    .csvOf(assessment, [row({ overdue: true }), row({ element: "gone", e: null, owner: "" })])
    .slice(1)
    .split("\r\n");
  assert.equal(lines[0].split(",")[0], "Area");
  assert.equal(
    lines[1],
    "Public Engagement,media,Media,Brief the press office,Sam,2027-05-01,In progress,yes,3,2027-06-30,media-s3-1",
  );
  assert.equal(
    lines[2],
    ",gone,gone (not in this roadmap),Brief the press office,,2027-05-01,In progress,no,,,media-s3-1",
  );
  assert.equal(lines[3], "");
});

test("iCalendar text escapes backslashes, semicolons, commas and line breaks", () => {
  assert.equal(W.icsText("a\\b;c,d\r\ne\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
});

test("iCalendar lines fold at 75 octets, never inside a character", () => {
  for (const ch of ["a", "é", "€", "😀"]) {
    const line = "SUMMARY:" + ch.repeat(100);
    const parts = W.fold(line).split("\r\n");
    assert.ok(octets(parts[0]) <= 75);
    for (const p of parts.slice(1)) assert.ok(p.startsWith(" ") && octets(p) <= 75, ch);
    assert.equal(parts.map((p, n) => (n ? p.slice(1) : p)).join(""), line); // unfolds to it
  }
  assert.equal(W.fold("short"), "short");
});

test("the next day crosses months, leap days and years", () => {
  assert.equal(W.nextDay("2028-02-28"), "2028-02-29");
  assert.equal(W.nextDay("2027-02-28"), "2027-03-01");
  assert.equal(W.nextDay("2027-12-31"), "2028-01-01");
  assert.equal(W.icsDate("2027-06-30"), "20270630");
});

test("the plan's calendar: one all-day event per dated action, CRLF, every line short", () => {
  const ics = plan.icsOf(
    assessment,
    [row({}), row({ id: "a2", due: "" }), row({ id: "a3", status: "dropped", due: "2027-12-31" })],
    "2027-01-02T03:04:05.678Z",
    "example.org",
  );
  assert.ok(ics.endsWith("END:VCALENDAR\r\n"));
  const lines = ics.split("\r\n");
  assert.ok(lines.every((l) => octets(l) <= 75));
  assert.equal(lines.filter((l) => l === "BEGIN:VEVENT").length, 2);
  assert.ok(lines.includes("X-WR-CALNAME:Work plan: Metro Task Force"));
  assert.ok(lines.includes("UID:abc123-a1@example.org"));
  assert.ok(lines.includes("DTSTAMP:20270102T030405Z"));
  assert.ok(lines.includes("DTSTART;VALUE=DATE:20270501"));
  assert.ok(lines.includes("DTEND;VALUE=DATE:20270502"));
  assert.ok(lines.includes("DTEND;VALUE=DATE:20280101"));
  assert.ok(lines.includes("STATUS:CANCELLED"));
  assert.ok(lines.includes("DESCRIPTION:Element: Media\\nOwner: Sam\\nStatus: In progress"));
});

test("an action due on the last day a date can hold has no end: it lasts its day", () => {
  const ics = plan.icsOf(assessment, [row({ due: "9999-12-31" })], "2027-01-02T03:04:05Z", "");
  assert.ok(ics.includes("DTSTART;VALUE=DATE:99991231\r\n"));
  assert.ok(!ics.includes("DTEND"));
  assert.ok(ics.includes("UID:abc123-a1@task-force-roadmap\r\n"));
});

// Dates as the self-assessment writes them (assessment-rules.js): a file's name and a new
// assessment's use the UTC day; due and target dates are the reader's calendar day, so a target's
// state turns at the reader's midnight, wherever that is. Each time zone runs in a child process
// started with TZ=, as a reader's browser would be.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const path = require("node:path");
const { JS, pure, sampleRubric } = require("./helpers.js");

/** What `expression` gives in time zone `tz`, with the rules loaded as `rules`. */
function inZone(tz, expression) {
  const program = `
    require(${JSON.stringify(path.join(JS, "assessment-rules.js"))});
    const rules = globalThis.assessmentRules({ stages: [1, 2, 3, 4, 5].map((n) => ({ n, name: "S" + n })) });
    process.stdout.write(JSON.stringify(${expression}));`;
  const out = execFileSync(process.execPath, ["-e", program], {
    env: { ...process.env, TZ: tz },
    encoding: "utf8",
  });
  return JSON.parse(out);
}

// 12:30 UTC on June 29, 2027: already June 30 in Auckland (UTC+12), still June 29 in Los Angeles.
const NOON = "new Date('2027-06-29T12:30:00Z')";
const TARGET = "{ stage: 4, date: '2027-06-29' }";

test("in Auckland the reader's day has turned: a target of yesterday is past its date", () => {
  assert.equal(inZone("Pacific/Auckland", `rules.localDay(${NOON})`), "2027-06-30");
  assert.equal(
    inZone("Pacific/Auckland", `rules.targetState(2, ${TARGET}, rules.localDay(${NOON}))`),
    "late",
  );
});

test("in Los Angeles at the same moment it is still the target's day: on track", () => {
  assert.equal(inZone("America/Los_Angeles", `rules.localDay(${NOON})`), "2027-06-29");
  assert.equal(
    inZone("America/Los_Angeles", `rules.targetState(2, ${TARGET}, rules.localDay(${NOON}))`),
    "open",
  );
});

test("one minute either side of the reader's midnight", () => {
  // Midnight in Kolkata (UTC+5:30) is 18:30 UTC the day before.
  const before = "new Date('2027-06-29T18:29:00Z')",
    after = "new Date('2027-06-29T18:30:00Z')";
  assert.equal(inZone("Asia/Kolkata", `rules.localDay(${before})`), "2027-06-29");
  assert.equal(inZone("Asia/Kolkata", `rules.localDay(${after})`), "2027-06-30");
  assert.equal(
    inZone("Asia/Kolkata", `rules.localTime(${after})`),
    "June\u00a030,\u00a02027, 00:00",
  );
});

test("the change to daylight saving time skips an hour, not a day", () => {
  // New York, March 14, 2027: 01:59 EST is followed by 03:00 EDT.
  assert.equal(
    inZone("America/New_York", "rules.localTime(new Date('2027-03-14T06:59:00Z'))"),
    "March\u00a014,\u00a02027, 01:59",
  );
  assert.equal(
    inZone("America/New_York", "rules.localTime(new Date('2027-03-14T07:00:00Z'))"),
    "March\u00a014,\u00a02027, 03:00",
  );
});

test("a file's date is the UTC day, whatever the reader's zone", () => {
  const before = new Date().toISOString().slice(0, 10);
  const today = inZone("Pacific/Kiritimati", "rules.today()"); // UTC+14
  const after = new Date().toISOString().slice(0, 10);
  assert.ok(today === before || today === after, today); // the UTC day, even across its midnight
});

test("a day for people reads June 30, 2027, and never breaks across lines", () => {
  pure("assessment-rules.js");
  const rules = globalThis.assessmentRules(sampleRubric());
  assert.equal(rules.dayText("2027-06-30"), "June\u00a030,\u00a02027");
  assert.equal(rules.dayText("2027-01-05"), "January\u00a05,\u00a02027");
  assert.equal(rules.dayText("2027-13-01"), "2027-13-01"); // no such month: shown as it is
  assert.equal(rules.dayText(""), "");
  assert.equal(
    rules.targetText({ stage: 3, date: "2027-06-18" }, ""),
    "Stage 3 by June\u00a018,\u00a02027",
  );
});

test("an invalid date is said, not shown as NaN", () => {
  pure("assessment-rules.js");
  const rules = globalThis.assessmentRules(sampleRubric());
  assert.equal(rules.localDay(new Date("not a date")), "an unknown day");
  assert.equal(rules.localTime(new Date("not a date")), "an unknown time");
});

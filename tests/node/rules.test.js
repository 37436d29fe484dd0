// The self-assessment's rules (assessment-rules.js): the suggested and counted stage, a target's
// state, and how stages and targets are named.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { pure, sampleRubric } = require("./helpers.js");

pure("assessment-rules.js");
const rules = globalThis.assessmentRules(sampleRubric());
const { suggest, counted, targetState, stageName, stageCell, targetText } = rules;

test("nothing ticked means no suggestion", () => {
  assert.equal(
    suggest([
      [0, 2],
      [0, 2],
      [0, 3],
      [0, 2],
      [0, 1],
    ]),
    null,
  );
});

test("the stage with the largest share ticked is suggested, not the most ticks", () => {
  // Stage 1: 1 of 2 (50%); stage 3: 2 of 3 (67%); stage 2: 2 of 4 (50%).
  assert.equal(
    suggest([
      [1, 2],
      [2, 4],
      [2, 3],
      [0, 2],
      [0, 1],
    ]),
    3,
  );
});

test("ties go to the lower stage, shares compared exactly (1/3 = 2/6)", () => {
  assert.equal(
    suggest([
      [0, 2],
      [1, 3],
      [0, 3],
      [2, 6],
      [0, 1],
    ]),
    2,
  );
  assert.equal(
    suggest([
      [1, 1],
      [2, 2],
      [3, 3],
      [1, 1],
      [1, 1],
    ]),
    1,
  );
});

test("a stage without indicators never wins", () => {
  assert.equal(
    suggest([
      [0, 0],
      [0, 0],
      [1, 4],
      [0, 0],
      [0, 0],
    ]),
    3,
  );
});

test("the counted stage is the chosen one when set, else the suggestion", () => {
  const per = [
    [2, 2],
    [0, 2],
    [0, 3],
    [0, 2],
    [0, 1],
  ];
  assert.equal(counted(null, per), 1);
  assert.equal(counted(4, per), 4);
  assert.equal(counted("na", per), "na");
  assert.equal(
    counted(null, [
      [0, 2],
      [0, 2],
      [0, 3],
      [0, 2],
      [0, 1],
    ]),
    null,
  );
});

test("the rule the page explains is the rule the code applies", () => {
  assert.match(rules.RULE, /largest share ticked/);
  assert.match(rules.RULE, /ties go to the lower stage/);
  assert.match(rules.RULE, /nothing ticked means no suggestion/);
});

test("no target has no state", () => {
  assert.equal(targetState(3, { stage: null, date: "" }, "2027-01-01"), null);
});

test("a target is reached once the counted stage is at or past it, whatever the date", () => {
  assert.equal(targetState(3, { stage: 3, date: "2020-01-01" }, "2027-01-01"), "reached");
  assert.equal(targetState(5, { stage: 3, date: "" }, "2027-01-01"), "reached");
});

test("a target is late only after its day: due today is still on track", () => {
  const target = { stage: 4, date: "2027-06-30" };
  assert.equal(targetState(2, target, "2027-06-29"), "open");
  assert.equal(targetState(2, target, "2027-06-30"), "open");
  assert.equal(targetState(2, target, "2027-07-01"), "late");
  assert.equal(targetState(null, { stage: 4, date: "" }, "2099-01-01"), "open");
});

test("not applicable never reaches a stage", () => {
  assert.equal(targetState("na", { stage: 1, date: "2027-06-30" }, "2027-06-29"), "open");
  assert.equal(targetState("na", { stage: 1, date: "2027-06-30" }, "2027-07-01"), "late");
  assert.deepEqual(rules.TARGET_STATE, {
    reached: "reached",
    late: "past its date",
    open: "on track",
  });
});

test("stages are named with the rubric's names; a table cell has the short form", () => {
  assert.equal(stageName(2), "Stage 2 · Developing");
  assert.equal(stageName("na"), "Not applicable");
  assert.equal(stageName(null), "Not yet assessed");
  assert.equal(stageCell(5), "Stage 5");
  assert.equal(stageCell("na"), "N/A");
  assert.equal(stageCell(null), "—");
});

test("a target in words", () => {
  assert.equal(targetText({ stage: 3, date: "" }, "none"), "Stage 3");
  assert.equal(targetText({ stage: null, date: "2027-01-01" }, "none"), "none");
  assert.match(targetText({ stage: 3, date: "2027-06-18" }, ""), /^Stage 3 by .*2027/);
});

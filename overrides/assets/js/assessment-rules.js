// The self-assessment's rules, pure (no DOM, no storage; loads under Node as it is, tests/node/):
// the suggested and counted stage, a target's state, stage names, and dates as people read them.

/** @param {{ stages: { n: number, name: string }[] }} rubric */
function assessmentRules(rubric) {
  "use strict";
  const RULE =
    "The suggested stage is the stage whose indicators have the largest share ticked; " +
    "ties go to the lower stage; nothing ticked means no suggestion.";
  /** @param {Stage | null | undefined} v */
  const stageName = (v) =>
    v === "na"
      ? "Not applicable"
      : v
        ? `Stage ${v} · ${rubric.stages[v - 1].name}`
        : "Not yet assessed";
  /** @param {Stage | null | undefined} c */
  const stageCell = (c) => (c == null ? "—" : c === "na" ? "N/A" : `Stage ${c}`); // a table cell's short form
  // A calendar day in text for people, "June 30, 2027", its spaces unbreakable: no reader misreads
  // it and no line splits it. Date fields stay native; files (CSV, .ics, JSON) keep ISO days.
  // Not through Intl (see `local` below). Anything but an ISO day is shown as it is.
  const MONTHS =
    "January February March April May June July August September October November December".split(
      " ",
    );
  /** @param {string} iso */
  const dayText = (iso) => {
    const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(iso || "");
    return m && MONTHS[+m[2] - 1] ? `${MONTHS[+m[2] - 1]}\u00a0${+m[3]},\u00a0${m[1]}` : iso;
  };
  // A target in words, "Stage 3 by June 30, 2027"; `none` when there is no target.
  /** @param {{ stage: number | null, date: string }} t @param {string} none */
  const targetText = (t, none) =>
    t.stage ? `Stage ${t.stage}${t.date ? ` by ${dayText(t.date)}` : ""}` : none;
  const today = () => new Date().toISOString().slice(0, 10); // in names of files and new assessments
  // A moment in the reader's time zone, "November 30, 2026, 13:05".
  // Not through Intl: a page's first Intl call loads locale data, 30-100 ms of blocked main thread
  // on a laptop, which was most of the dashboard's first draw.
  /** @param {Date} d */
  const local = (d) =>
    Number.isNaN(d.getTime())
      ? null
      : new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString();
  const localTime = (d = new Date()) => {
    const iso = local(d);
    return iso ? `${dayText(iso.slice(0, 10))}, ${iso.slice(11, 16)}` : "an unknown time";
  };
  // That moment's calendar day: due dates and target dates are calendar days.
  const localDay = (d = new Date()) => {
    const iso = local(d);
    return iso ? iso.slice(0, 10) : "an unknown day";
  };
  // A counted stage against its target: reached, past its date, on track, or null (no target).
  const TARGET_STATE = { reached: "reached", late: "past its date", open: "on track" };
  /**
   * @param {Stage | null} counted @param {{ stage: number | null, date: string }} target
   * @param {string} day today, YYYY-MM-DD
   * @returns {keyof typeof TARGET_STATE | null}
   */
  const targetState = (counted, target, day) =>
    !target.stage
      ? null
      : typeof counted === "number" && counted >= target.stage
        ? "reached"
        : target.date && target.date < day
          ? "late"
          : "open";

  // per: [[ticked, total] × 5] -> stage or null; shares compared by cross-multiplying (1/3 = 2/6).
  /** @param {[number, number][]} per @returns {number | null} */
  function suggest(per) {
    let best = -1;
    per.forEach(([t, n], k) => {
      if (t > 0 && n > 0 && (best < 0 || t * per[best][1] > per[best][0] * n)) best = k;
    });
    return best < 0 ? null : best + 1;
  }
  /** @param {Stage | null} chosen @param {[number, number][]} per @returns {Stage | null} */
  const counted = (chosen, per) => (chosen != null ? chosen : suggest(per));
  return {
    RULE,
    stageName,
    stageCell,
    targetText,
    dayText,
    today,
    localTime,
    localDay,
    TARGET_STATE,
    targetState,
    suggest,
    counted,
  };
}

// A global in a browser's classic script already; under Node's require, made one.
Object.assign(globalThis, { assessmentRules });

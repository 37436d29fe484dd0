// The saved self-assessment's document format, pure: no DOM, no storage. Records [value, time],
// the limits every field is held to, reading (as strict as an import) and validating what is read,
// merging per field, and the logical clock. store-tabs.js keeps the document in storage, store.js
// offers the API pages use; this file also loads under Node as it is (tests/node/).
//
// Stored form (schema 1), every field a record [value, time] so that tabs merge field by field:
//   { schema: 1, cur: [assessmentId, t], list: { <id>: Assessment } }
// Every id from outside (a file, a link, another tab, another version) is data: maps are
// null-prototype objects, read only through own-property checks.

// Its types: types/store.d.ts. Merging is store-merge.js's, loaded first.

/* global openStoreMerge */

/** @param {number} stageCount how many stages the rubric has */
// eslint-disable-next-line max-lines-per-function -- a module wrapper: this file's scope
function openStoreFormat(stageCount) {
  "use strict";
  const SCHEMA = /** @type {1} */ (1); // of the stored document
  // One set of limits: what the page lets a user type or make is what an import accepts.
  const LIMITS = Object.freeze({
    name: 120, // characters of an assessment's name
    notes: 20000, // characters of one element's notes
    snapshots: 500, // snapshots per assessment
    ids: 5000, // ticked indicator ids per assessment or snapshot
    elements: 500, // elements with answers per assessment or snapshot
    assessments: 1000, // assessments kept in one browser (deleted ones included)
    fileBytes: 5e6, // an import file, a team member's file, or a share link once inflated
    actions: 1000, // actions per assessment
    actionText: 2000, // characters of an action
    owner: 200, // characters of an action's owner
    actionIndicators: 50, // indicators one action works toward
    taskForce: 120, // characters of the task force's name
    people: 2000, // characters of "who took part"
  });
  const STAGE_COUNT = stageCount;
  // What a stored map may hold, markers of deleted entries included (they tell other tabs of the
  // deletion). The store never writes what it would not read back: before each write it trims the
  // oldest markers to fit, and it refuses up front a change that would put live entries past
  // LIMITS (see `room` and `importProblem`).
  const STORED = Object.freeze({
    assessments: LIMITS.assessments, // live ones and the markers of deleted ones
    ticks: LIMITS.ids, // ticked and unticked
    elements: LIMITS.elements, // answered and emptied
    snapshots: LIMITS.snapshots * 10,
    actions: LIMITS.actions * 10,
  });

  // --- plain checks, shared by the stored document and imports -----------------------------------
  /** @param {object} o @param {string} k */
  const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  /** @param {unknown} x @returns {x is Record<string, any>} */
  const isObj = (x) => !!x && typeof x === "object" && !Array.isArray(x);
  /** @template T @returns {Record<string, T>} */
  const dict = () => Object.create(null);
  const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/,
    NAMED = /^[a-z0-9][a-z0-9-]{0,63}$/,
    HEX = /^[0-9a-f]{6,64}$/;
  const TIME =
    /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(Z|[+-]([0-9]{2}):([0-9]{2}))$/;
  /** @param {unknown} x @returns {x is string} an indicator or element id */
  const isId = (x) => typeof x === "string" && x.length <= 64 && SLUG.test(x);
  /** @param {unknown} x @returns {x is string} an assessment or snapshot id */
  const isName = (x) => typeof x === "string" && NAMED.test(x);
  /** @param {unknown} x @returns {x is string} */
  const isHash = (x) => typeof x === "string" && HEX.test(x);
  /** @param {unknown} x @returns {x is Stage} */
  const isStage = (x) =>
    x === "na" || (typeof x === "number" && Number.isInteger(x) && x >= 1 && x <= STAGE_COUNT);
  /** @param {string} s the number of characters, as JSON Schema's maxLength counts them */
  const chars = (s) => [...s].length;
  /** @param {unknown} x @param {number} max @returns {x is string} */
  const isText = (x, max) => typeof x === "string" && chars(x) <= max;
  /** @param {unknown} x @returns {x is string} a real date and time (no 13th month, no 25th hour) */
  function isTime(x) {
    const m = typeof x === "string" ? TIME.exec(x) : null;
    if (!m) return false;
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate(); // days in that month
    const offsetOk = m[8] === "Z" || (Number(m[9]) <= 23 && Number(m[10]) <= 59);
    const within = (/** @type {number} */ v, /** @type {number} */ lo, /** @type {number} */ hi) =>
      v >= lo && v <= hi;
    const dateOk = within(month, 1, 12) && within(day, 1, days);
    return dateOk && hour <= 23 && minute <= 59 && second <= 59 && offsetOk;
  }
  const DAY = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
  // Years 0001 to 9999, as a date field shows them (year 0000 shows blank; five digits, wrongly).
  /** @param {unknown} x @returns {x is string} a real calendar date, YYYY-MM-DD */
  const isDay = (x) =>
    typeof x === "string" && DAY.test(x) && x.slice(0, 4) !== "0000" && isTime(`${x}T00:00:00Z`);
  const DAYS = "0001-01-01 to 9999-12-31",
    A_DAY = `a date from ${DAYS} (YYYY-MM-DD)`;
  /** @param {unknown} v */
  const dayOrNone = (v) => v === "" || isDay(v);
  // A stored date no date field shows (an older version kept it) is read as none, not as unreadable.
  /** @param {unknown} v */
  const repairDay = (v) => (typeof v === "string" && !isDay(v) && /^[0-9]{4,}-/.test(v) ? "" : v);
  /** @param {unknown} x @returns {x is number} a stage a task force can aim for */
  const isTarget = (x) => typeof x === "number" && isStage(x);
  // No later time than a Date can hold: past 2**53, highest + 1 === highest and the clock stops.
  const LATEST = 8.64e15;
  /** @param {unknown} x @returns {x is number} */
  const isClock = (x) => typeof x === "number" && x >= 0 && x <= LATEST;

  // --- the logical clock: a change made now is newer than anything this browser has seen ---------
  // A clock that ran fast and was corrected must not make the user's next change lose.
  let highest = 0;
  const now = () => (highest = Math.min(LATEST, Math.max(Date.now(), highest + 1)));
  // A time past the year 9999 ran away (a crafted file, a clock no machine keeps): kept, it would
  // push every later change toward LATEST, where the clock stops and nothing saves. Read as now
  // instead: its order among other runaway times carries no meaning. A machine clock set years
  // ahead stays under this line: the logical clock runs past it, as it does for any fast clock.
  const RUNAWAY = Date.UTC(10000, 0, 1);
  /** @param {number} t a stored time @returns {number} the time to read it as */
  const tame = (t) => (t >= RUNAWAY ? Date.now() : t);
  /** @param {number} t */
  const saw = (t) => {
    if (t > highest) highest = t;
  };

  // --- the fields of an element, declared once: stored key, export key, empty value, check --------
  // To add a field: add a line here (and to docs/assessment.schema.json); merge, validation of
  // what is read, export and import (store-copies.js) follow from it.
  // since: the export schema that added the field. answer: an answer about the element's
  // indicators, so its first write records which version of them it answered (`r`).
  /** @type {{ key: "s" | "n" | "r" | "t" | "d", out: "stage" | "notes" | "reviewed" | "target" | "targetDate", empty: any, required: boolean, answer?: boolean, ok: (v: unknown) => boolean, why: string, repair?: (v: unknown) => unknown, since: number }[]} */
  const ELEMENT_FIELDS = [
    {
      key: "s",
      answer: true,
      out: "stage",
      empty: null,
      required: true,
      ok: (v) => v === null || isStage(v),
      why: `must be 1 to ${STAGE_COUNT}, "na" or null`,
      since: 1,
    },
    {
      key: "n",
      answer: true,
      out: "notes",
      empty: "",
      required: true,
      ok: (v) => isText(v, LIMITS.notes),
      why: `must be text, at most ${LIMITS.notes} characters`,
      since: 1,
    },
    {
      key: "r",
      out: "reviewed",
      empty: null,
      required: false,
      ok: (v) => v === null || isHash(v),
      why: "must be a version hash",
      since: 1,
    },
    {
      key: "t",
      out: "target",
      empty: null,
      required: false,
      ok: (v) => v === null || isTarget(v),
      why: `must be 1 to ${STAGE_COUNT}`,
      since: 2,
    },
    {
      key: "d",
      out: "targetDate",
      empty: "",
      required: false,
      ok: dayOrNone,
      why: `must be ${A_DAY}`,
      repair: repairDay,
      since: 2,
    },
  ];
  // The fields of an action, declared once like an element's (stored and exported alike).
  const STATUSES = ["not-started", "in-progress", "done", "dropped"];
  /** @type {{ key: keyof ActionValue, empty: any, ok: (v: unknown) => boolean, why: string, repair?: (v: unknown) => unknown }[]} */
  const ACTION_FIELDS = [
    { key: "element", empty: "", ok: isId, why: "not an element id" },
    {
      key: "text",
      empty: "",
      ok: (v) => isText(v, LIMITS.actionText),
      why: `must be text, at most ${LIMITS.actionText} characters`,
    },
    {
      key: "owner",
      empty: "",
      ok: (v) => isText(v, LIMITS.owner),
      why: `must be text, at most ${LIMITS.owner} characters`,
    },
    { key: "due", empty: "", ok: dayOrNone, why: `must be ${A_DAY} or empty`, repair: repairDay },
    {
      key: "status",
      empty: "not-started",
      ok: (v) => typeof v === "string" && STATUSES.includes(v),
      why: `must be one of ${STATUSES.join(", ")}`,
    },
    {
      key: "indicators",
      empty: [],
      ok: (v) => !!idList(v) && /** @type {string[]} */ (v).length <= LIMITS.actionIndicators,
      why: `must be at most ${LIMITS.actionIndicators} different indicator ids`,
    },
    { key: "created", empty: "", ok: isTime, why: "must be a date and time" },
  ];
  /** @type {("taskForce" | "people")[]} */
  const PLAN_TEXTS = ["taskForce", "people"];

  // --- reading the stored document: as strict as an import; anything else is unreadable ---------
  /**
   * A checked copy of a stored record, or undefined.
   * @template T
   * @param {unknown} x
   * @param {(v: unknown) => boolean} ok
   * @returns {Rec<T> | undefined}
   */
  function record(x, ok) {
    if (!Array.isArray(x) || x.length !== 2 || !isClock(x[1]) || !ok(x[0])) return undefined;
    const t = tame(x[1]);
    saw(t);
    return /** @type {Rec<T>} */ ([x[0], t]);
  }
  /** @param {unknown} x a stored record @param {((v: unknown) => unknown) | undefined} fix */
  const mended = (x, fix) => (fix && Array.isArray(x) && x.length === 2 ? [fix(x[0]), x[1]] : x);
  /**
   * A null-prototype copy of a stored map, or undefined when a key or a value is wrong.
   * @template T
   * @param {unknown} x
   * @param {(k: string) => boolean} keyOk
   * @param {(v: unknown) => T | undefined} read
   * @param {number} max
   * @returns {Record<string, T> | undefined}
   */
  function mapOf(x, keyOk, read, max) {
    if (!isObj(x)) return undefined;
    const keys = Object.keys(x);
    if (keys.length > max) return undefined;
    /** @type {Record<string, T>} */
    const out = dict();
    for (const k of keys) {
      const v = keyOk(k) ? read(x[k]) : undefined;
      if (v === undefined) return undefined;
      out[k] = v;
    }
    return out;
  }
  /** @param {object} o @param {string[]} keys */
  const onlyKeys = (o, keys) => Object.keys(o).every((k) => keys.includes(k));
  /** @param {unknown} x @returns {ElementRecord | undefined} */
  function readElement(x) {
    if (
      !isObj(x) ||
      !onlyKeys(
        x,
        ELEMENT_FIELDS.map((f) => f.key),
      )
    )
      return undefined;
    /** @type {ElementRecord} */
    const out = {};
    for (const f of ELEMENT_FIELDS) {
      if (!own(x, f.key)) continue;
      const r = record(mended(x[f.key], f.repair), f.ok);
      if (!r) return undefined;
      /** @type {any} */ (out)[f.key] = r;
    }
    return out;
  }
  /** @param {unknown} x @returns {SnapshotValue | null | undefined} */
  function readSnapshotValue(x) {
    if (x === null) return null;
    if (
      !isObj(x) ||
      !onlyKeys(x, ["taken", "stages", "ticked", "targets", "actions"]) ||
      !isTime(x.taken)
    )
      return undefined;
    const stages = mapOf(x.stages, isId, (v) => (isStage(v) ? v : undefined), LIMITS.elements);
    const ticked = idList(x.ticked);
    if (!stages || !ticked) return undefined;
    /** @type {SnapshotValue} */
    const out = { taken: x.taken, stages, ticked };
    if (own(x, "targets")) {
      const targets = mapOf(x.targets, isId, (v) => (isTarget(v) ? v : undefined), LIMITS.elements);
      if (!targets) return undefined;
      out.targets = targets;
    }
    if (own(x, "actions")) {
      if (!isDoneCount(x.actions)) return undefined;
      out.actions = { done: x.actions.done, all: x.actions.all };
    }
    return out;
  }
  /** @param {unknown} x @returns {x is { done: number, all: number }} */
  const isDoneCount = (x) =>
    isObj(x) &&
    Object.keys(x).sort().join() === "all,done" &&
    [x.done, x.all].every((n) => Number.isInteger(n) && n >= 0 && n <= LIMITS.actions);
  /** @param {unknown} x @returns {ActionRecord | undefined} */
  function readAction(x) {
    const keys = ACTION_FIELDS.map((f) => f.key);
    if (!isObj(x) || !onlyKeys(x, [...keys, "removed"])) return undefined;
    /** @type {any} */
    const out = {};
    for (const f of ACTION_FIELDS) {
      if (!own(x, f.key)) continue;
      const r = record(mended(x[f.key], f.repair), f.ok);
      if (!r) return undefined;
      out[f.key] = r;
    }
    if (own(x, "removed")) {
      const r = record(x.removed, (v) => v === 0 || v === 1);
      if (!r) return undefined;
      out.removed = r;
    }
    return out;
  }
  /** @param {unknown} x @returns {string[] | undefined} */
  function idList(x) {
    if (!Array.isArray(x) || x.length > LIMITS.ids || !x.every(isId)) return undefined;
    return new Set(x).size === x.length ? [...x] : undefined;
  }
  /** @param {unknown} x @param {string} id @returns {Assessment | undefined} */
  function readAssessment(x, id) {
    const keys = [..."id created name del ticks els exp snaps acts".split(" "), ...PLAN_TEXTS];
    if (!isObj(x) || !onlyKeys(x, keys) || x.id !== id) return undefined;
    /** @type {Rec<0 | 1> | undefined} */
    const del = record(x.del, (v) => v === 0 || v === 1);
    /** @type {Rec<string> | undefined} */
    const created = record(x.created, isTime);
    /** @type {Rec<string> | undefined} */
    const name = record(x.name, (v) => isText(v, LIMITS.name));
    /** @type {Rec<string | null> | undefined} */
    const exp = record(x.exp, (v) => v === null || isTime(v));
    const ticks = mapOf(x.ticks, isId, (v) => record(v, (b) => b === 0 || b === 1), STORED.ticks);
    const els = mapOf(x.els, isId, readElement, STORED.elements);
    const snaps = own(x, "snaps")
      ? mapOf(
          x.snaps,
          isName,
          (v) => {
            const value = Array.isArray(v) ? readSnapshotValue(v[0]) : undefined;
            /** @type {Rec<SnapshotValue | null> | undefined} */
            const r = value === undefined ? undefined : record(v, () => true);
            return r && [value === undefined ? null : value, r[1]];
          },
          STORED.snapshots, // deleted snapshots stay as markers, so other tabs learn of it
        )
      : dict();
    const acts = own(x, "acts") ? mapOf(x.acts, isName, readAction, STORED.actions) : dict();
    /** @type {Record<string, Rec<string> | undefined>} */
    const texts = {};
    for (const k of PLAN_TEXTS)
      texts[k] = own(x, k) ? record(x[k], (v) => isText(v, LIMITS[k])) : ["", 0];
    const { taskForce, people } = texts;
    if (!del || !created || !name || !exp || !ticks || !els || !snaps) return undefined;
    if (!acts || !taskForce || !people) return undefined;
    if (Object.values(snaps).filter((s) => s[0]).length > LIMITS.snapshots) return undefined;
    return /** @type {Assessment} */ ({
      id,
      created,
      name,
      del,
      ticks,
      els,
      exp,
      snaps,
      acts,
      taskForce,
      people,
    });
  }
  /** @param {unknown} x @returns {StoredDocument | undefined} */
  function readDocument(x) {
    if (!isObj(x) || !onlyKeys(x, ["schema", "cur", "list"]) || x.schema !== SCHEMA)
      return undefined;
    /** @type {Rec<string> | undefined} */
    const cur = record(x.cur, (v) => v === "" || isName(v));
    if (!cur || !isObj(x.list)) return undefined;
    const keys = Object.keys(x.list);
    if (keys.length > STORED.assessments) return undefined;
    /** @type {Record<string, Assessment>} */
    const out = dict();
    for (const id of keys) {
      const a = isName(id) ? readAssessment(x.list[id], id) : undefined;
      if (!a) return undefined;
      out[id] = a;
    }
    return { schema: SCHEMA, cur, list: out };
  }
  /** @param {string | null} raw @returns {StoredDocument | undefined} */
  function parse(raw) {
    if (raw == null) return undefined;
    try {
      return readDocument(JSON.parse(raw));
    } catch {
      return undefined;
    }
  }
  /** @returns {StoredDocument} */
  const emptyDocument = () => ({ schema: SCHEMA, cur: ["", 0], list: dict() });

  // --- merging (store-merge.js): per field, the later record wins ------------------------------------
  const merging = openStoreMerge({ SCHEMA, own, dict, ELEMENT_FIELDS, ACTION_FIELDS });

  // --- assessments ----------------------------------------------------------------------------
  const randomId = () =>
    [...crypto.getRandomValues(new Uint8Array(6))]
      .map((b) => b.toString(16).padStart(2, "0"))
      .join("");
  /**
   * A new assessment in `doc`, made current.
   * @param {StoredDocument} doc
   * @param {string} name
   * @param {string} [id]
   * @param {number} [t]
   * @returns {Assessment}
   */
  function addAssessment(doc, name, id, t = now()) {
    /** @type {Assessment} */
    const a = {
      id: id || randomId(),
      created: [new Date().toISOString(), t],
      name: [clampName(name), t],
      del: [0, t],
      ticks: dict(),
      els: dict(),
      exp: [null, 0],
      snaps: dict(),
      acts: dict(),
      taskForce: ["", 0],
      people: ["", 0],
    };
    doc.list[a.id] = a;
    doc.cur = [a.id, t];
    return a;
  }
  /** @param {string} name */
  const clampName = (name) => [...name.trim()].slice(0, LIMITS.name).join("");
  // A declaration, not a const: `untouched` below calls it.
  /** @param {Assessment} a the time of the latest change to an answer, the plan or the name */
  function lastChange(a) {
    return Math.max(
      a.name[1],
      a.taskForce[1],
      a.people[1],
      ...Object.values(a.ticks).map((f) => f[1]),
      ...Object.values(a.els).flatMap((x) => Object.values(x).map((f) => f[1])),
      ...Object.values(a.acts).flatMap((x) => Object.values(x).map((f) => f[1])),
    );
  }
  // A fresh browser's "Our assessment" lives in memory until its first answer: never saved, and
  // it makes way for an import (whose id it would otherwise take).
  /** @param {Assessment} a */
  const untouched = (a) => lastChange(a) === 0 && !Object.keys(a.snaps).length;
  /**
   * Drops the oldest markers of a map until it holds at most `cap` entries; live entries stay.
   * @template T
   * @param {Record<string, T>} map
   * @param {(v: T) => boolean} isMarker
   * @param {(v: T) => number} time
   * @param {number} cap
   */
  function trim(map, isMarker, time, cap) {
    const keys = Object.keys(map);
    if (keys.length <= cap) return;
    const markers = keys
      .filter((k) => isMarker(map[k]))
      .sort((p, q) => time(map[p]) - time(map[q]));
    for (const k of markers.slice(0, keys.length - cap)) delete map[k];
  }
  /** @param {ElementRecord} e */
  const emptyElement = (e) =>
    ELEMENT_FIELDS.every((f) => {
      const r = /** @type {Rec<any> | undefined} */ (e[f.key]);
      return !r || r[0] === f.empty || (f.key === "r" && r[0] !== null);
    });
  /** @param {{ [k: string]: Rec<any> | undefined }} x */
  const newest = (x) => Math.max(0, ...Object.values(x).map((r) => (r ? r[1] : 0)));
  // Markers and emptied records make way, oldest first, so the document stays readable.
  /** @param {StoredDocument} doc */
  function fit(doc) {
    const unsaved = Object.values(doc.list).filter(untouched).length; // never written
    trim(
      doc.list,
      (a) => !!a.del[0],
      (a) => a.del[1],
      STORED.assessments + unsaved,
    );
    for (const a of Object.values(doc.list)) {
      trim(
        a.ticks,
        (r) => r[0] === 0,
        (r) => r[1],
        STORED.ticks,
      );
      trim(a.els, emptyElement, (e) => newest(/** @type {any} */ (e)), STORED.elements);
      trim(
        a.snaps,
        (r) => r[0] === null,
        (r) => r[1],
        STORED.snapshots,
      );
      trim(
        a.acts,
        (x) => !!(x.removed && x.removed[0]),
        (x) => newest(/** @type {any} */ (x)),
        STORED.actions,
      );
    }
  }

  return {
    SCHEMA,
    LIMITS,
    STAGE_COUNT,
    STORED,
    own,
    isObj,
    dict,
    isId,
    isName,
    isHash,
    isStage,
    chars,
    isText,
    isTime,
    isDay,
    DAYS,
    isTarget,
    LATEST,
    isClock,
    RUNAWAY,
    now,
    saw,
    ELEMENT_FIELDS,
    STATUSES,
    ACTION_FIELDS,
    PLAN_TEXTS,
    record,
    mapOf,
    onlyKeys,
    readElement,
    readSnapshotValue,
    isDoneCount,
    readAction,
    idList,
    readAssessment,
    readDocument,
    parse,
    emptyDocument,
    ...merging, // newer, mergeMaps, mergeElement, mergeAction, mergeAssessment, tombstone, mergeDocuments
    randomId,
    addAssessment,
    clampName,
    lastChange,
    untouched,
    trim,
    emptyElement,
    newest,
    fit,
  };
}

// A global in a browser's classic script already; under Node's require, made one.
Object.assign(globalThis, { openStoreFormat });

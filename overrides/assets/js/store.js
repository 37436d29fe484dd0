// The saved self-assessment: one document per site scope, owned by this file and its extension
// store-copies.js (export, import, undo copies, snapshots; loaded by the pages that use them).
// Every read, write, merge and check of it happens in these two; the other modules call
// window.TF_STORE.
//
// Stored form (schema 1), every field a record [value, time] so that tabs merge field by field:
//   { schema: 1, cur: [assessmentId, t], list: { <id>: Assessment } }
// Every id from outside (a file, a link, another tab, another version) is data: maps are
// null-prototype objects, read only through own-property checks.

/**
 * @template T
 * @typedef {[T, number]} Rec a value and the (logical) time it was written
 */
/** @typedef {number | "na"} Stage a stage number (1..stages.length) or not applicable */
/**
 * @typedef {{ s?: Rec<Stage | null>, n?: Rec<string>, r?: Rec<string | null>, t?: Rec<number | null>, d?: Rec<string> }} ElementRecord
 *   s: chosen stage, n: notes, r: the element's indicator signature when first answered,
 *   t: target stage, d: target date (YYYY-MM-DD or "")
 */
/** @typedef {"not-started" | "in-progress" | "done" | "dropped"} ActionStatus */
/**
 * @typedef {{ element: string, text: string, owner: string, due: string, status: ActionStatus, indicators: string[], created: string }} ActionValue
 */
/** @typedef {{ [K in keyof ActionValue]?: Rec<ActionValue[K]> } & { removed?: Rec<0 | 1> }} ActionRecord */
/** @typedef {ActionValue & { id: string }} ExportedAction */
/**
 * @typedef {{ taken: string, stages: Record<string, Stage>, ticked: string[], targets?: Record<string, number>, actions?: { done: number, all: number } }} SnapshotValue
 */
/**
 * @typedef {{
 *   id: string,
 *   created: Rec<string>,
 *   name: Rec<string>,
 *   del: Rec<0 | 1>,
 *   ticks: Record<string, Rec<0 | 1>>,
 *   els: Record<string, ElementRecord>,
 *   exp: Rec<string | null>,
 *   snaps: Record<string, Rec<SnapshotValue | null>>,
 *   acts: Record<string, ActionRecord>,
 *   taskForce: Rec<string>,
 *   people: Rec<string>,
 * }} Assessment
 */
/** @typedef {{ schema: 1, cur: Rec<string>, list: Record<string, Assessment> }} StoredDocument */
/** @typedef {{ stage: Stage | null, notes: string, reviewed?: string, target?: number, targetDate?: string }} ExportedElement */
/** @typedef {SnapshotValue & { id: string }} ExportedSnapshot */
/**
 * @typedef {{
 *   format: string, schema: 1 | 2, rubric: string, exported: string,
 *   assessment: {
 *     id: string, name: string, created: string, ticked: string[],
 *     elements: Record<string, ExportedElement>, snapshots?: ExportedSnapshot[],
 *     actions?: ExportedAction[], taskForce?: string, people?: string,
 *   },
 * }} ExportData
 */
/** @typedef {{ id: string, sig: string }} ElementRef a rubric element, as far as the store needs it */
/** @typedef {"local" | "session" | "memory"} Mode */
/** @typedef {"local" | "other-tab"} ChangeSource */
/** @typedef {Parameters<Parameters<ReturnType<typeof openAssessmentStore>["extend"]>[0]>[0]} StoreInner */
/** @typedef {ReturnType<typeof openAssessmentStore> & Partial<ReturnType<typeof openStoreCopies>>} Store with store-copies.js where a page loads it */

/**
 * @param {{ version: string, stages: { n: number, name: string }[], storage: string }} rubric
 * @param {string} root the site's root URL (the key is scoped by its path, like Material's own)
 */
function openAssessmentStore(rubric, root) {
  "use strict";
  const SCHEMA = 1; // of the stored document
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
  const STAGE_COUNT = rubric.stages.length;
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
    return (
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= days &&
      hour <= 23 &&
      minute <= 59 &&
      second <= 59 &&
      offsetOk
    );
  }
  const DAY = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
  /** @param {unknown} x @returns {x is string} a real calendar date, YYYY-MM-DD */
  const isDay = (x) => typeof x === "string" && DAY.test(x) && isTime(`${x}T00:00:00Z`);
  /** @param {unknown} x @returns {x is number} a stage a task force can aim for */
  const isTarget = (x) => typeof x === "number" && isStage(x);
  // No later time than a Date can hold: past 2**53, highest + 1 === highest and the clock stops.
  const LATEST = 8.64e15;
  /** @param {unknown} x @returns {x is number} */
  const isClock = (x) => typeof x === "number" && x >= 0 && x <= LATEST;

  // --- the logical clock: a change made now is newer than anything this browser has seen ---------
  // A clock that ran fast and was corrected must not make the user's next change lose.
  let highest = 0;
  const now = () => (highest = Math.max(Date.now(), highest + 1));
  /** @param {number} t */
  const saw = (t) => {
    if (t > highest) highest = t;
  };

  // --- the fields of an element, declared once: stored key, export key, empty value, check --------
  // To add a field: add a line here (and to docs/assessment.schema.json); merge, validation of
  // what is read, export and import (store-copies.js) follow from it.
  // since: the export schema that added the field. answer: an answer about the element's
  // indicators, so its first write records which version of them it answered (`r`).
  /** @type {{ key: "s" | "n" | "r" | "t" | "d", out: "stage" | "notes" | "reviewed" | "target" | "targetDate", empty: any, required: boolean, answer?: boolean, ok: (v: unknown) => boolean, why: string, since: number }[]} */
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
      ok: (v) => v === "" || isDay(v),
      why: "must be a date (YYYY-MM-DD)",
      since: 2,
    },
  ];
  // The fields of an action, declared once like an element's (stored and exported alike).
  const STATUSES = ["not-started", "in-progress", "done", "dropped"];
  /** @type {{ key: keyof ActionValue, empty: any, ok: (v: unknown) => boolean, why: string }[]} */
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
    { key: "due", empty: "", ok: (v) => v === "" || isDay(v), why: "must be a date or empty" },
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
    saw(x[1]);
    return /** @type {Rec<T>} */ ([x[0], x[1]]);
  }
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
      const r = record(x[f.key], f.ok);
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
      const r = record(x[f.key], f.ok);
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
    const keys = [
      "id",
      "created",
      "name",
      "del",
      "ticks",
      "els",
      "exp",
      "snaps",
      "acts",
      ...PLAN_TEXTS,
    ];
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

  // --- merging: per field, the later record wins; ties are settled the same way in every tab ----
  /**
   * @template T
   * @param {Rec<T> | undefined} a
   * @param {Rec<T> | undefined} b
   * @returns {Rec<T> | undefined}
   */
  function newer(a, b) {
    if (!a) return b;
    if (!b) return a;
    return b[1] > a[1] || (b[1] === a[1] && JSON.stringify(b) > JSON.stringify(a)) ? b : a;
  }
  /**
   * @template T
   * @param {Record<string, T>} a
   * @param {Record<string, T>} b
   * @param {(x: T, y: T) => T} both
   * @returns {Record<string, T>}
   */
  function mergeMaps(a, b, both) {
    /** @type {Record<string, T>} */
    const out = dict();
    for (const k of Object.keys(a)) out[k] = own(b, k) ? both(a[k], b[k]) : a[k];
    for (const k of Object.keys(b)) if (!own(a, k)) out[k] = b[k];
    return out;
  }
  /** @param {ElementRecord} a @param {ElementRecord} b @returns {ElementRecord} */
  function mergeElement(a, b) {
    /** @type {any} */
    const out = {};
    for (const f of ELEMENT_FIELDS) {
      const r = newer(/** @type {Rec<any> | undefined} */ (a[f.key]), b[f.key]);
      if (r) out[f.key] = r;
    }
    return out;
  }
  /** @param {ActionRecord} a @param {ActionRecord} b @returns {ActionRecord} */
  function mergeAction(a, b) {
    /** @type {any} */
    const out = {};
    for (const k of [...ACTION_FIELDS.map((f) => f.key), "removed"]) {
      const r = newer(/** @type {any} */ (a)[k], /** @type {any} */ (b)[k]);
      if (r) out[k] = r;
    }
    return out;
  }
  /** @param {Assessment} a @param {Assessment} b @returns {Assessment} */
  function mergeAssessment(a, b) {
    /** @param {Rec<any>} x @param {Rec<any>} y */
    const pick = (x, y) => /** @type {Rec<any>} */ (newer(x, y));
    const out = {
      id: a.id,
      created: pick(a.created, b.created),
      name: pick(a.name, b.name),
      del: pick(a.del, b.del),
      ticks: mergeMaps(a.ticks, b.ticks, pick),
      els: mergeMaps(a.els, b.els, mergeElement),
      exp: pick(a.exp, b.exp),
      snaps: mergeMaps(a.snaps, b.snaps, pick),
      acts: mergeMaps(a.acts, b.acts, mergeAction),
      taskForce: pick(a.taskForce, b.taskForce),
      people: pick(a.people, b.people),
    };
    return out.del[0] ? tombstone(out) : out;
  }
  // A deleted assessment keeps only its id and when it was deleted, so no tab brings it back.
  /** @param {Assessment} a @returns {Assessment} */
  function tombstone(a) {
    const t = a.del[1];
    return {
      id: a.id,
      created: a.created,
      name: ["", t],
      del: [1, t],
      ticks: dict(),
      els: dict(),
      exp: [null, 0],
      snaps: dict(),
      acts: dict(),
      taskForce: ["", t],
      people: ["", t],
    };
  }
  /** @param {StoredDocument} a @param {StoredDocument} b @returns {StoredDocument} */
  const mergeDocuments = (a, b) => ({
    schema: SCHEMA,
    cur: /** @type {Rec<string>} */ (newer(a.cur, b.cur)),
    list: mergeMaps(a.list, b.list, mergeAssessment),
  });

  // --- where the document lives -------------------------------------------------------------------
  // Online: the site's path, like Material's own keys. The offline edition (file://, where every
  // folder shares one origin in Chromium) is keyed by the site's published address instead of its
  // folder, so a newer copy unpacked elsewhere, or a moved folder, finds the same answers.
  const offline = location.protocol === "file:";
  const scope = offline
    ? offlineScope()
    : (() => {
        try {
          return /** @type {URL} */ (window.__md_scope).pathname;
        } catch {
          return new URL(root).pathname;
        }
      })();
  /** @returns {string} "offline:" and the address the edition was built for (its site_url) */
  function offlineScope() {
    // Material writes the page's published address as the canonical link: strip this page's
    // path below the site's root from it to get the site's own address.
    const link = document.querySelector('link[rel="canonical"]'),
      here = location.href.split(/[?#]/)[0];
    try {
      const published = new URL(/** @type {HTMLLinkElement} */ (link).href).href,
        below = here.startsWith(root) ? here.slice(root.length) : null;
      if (below != null && published.endsWith(below))
        return "offline:" + published.slice(0, published.length - below.length);
    } catch {
      /* no canonical link: built without site_url */
    }
    return "offline:";
  }
  const VERSIONED = rubric.storage + "v1:"; // the stored document's format, version 1
  const KEY = VERSIONED + scope;
  // Saved data this version cannot read is moved here, never overwritten.
  const ASIDE = KEY + "#unreadable";

  /** @param {"localStorage" | "sessionStorage"} name @returns {Storage | null} readable storage */
  function storageArea(name) {
    try {
      const area = window[name];
      area.getItem(KEY);
      return area;
    } catch {
      return null; // blocked (a privacy setting, a sandboxed frame)
    }
  }
  /** @param {Storage} area @returns {boolean} false when a write fails (full storage) */
  function canWrite(area) {
    try {
      area.setItem(KEY + "?", "1");
      area.removeItem(KEY + "?");
      return true;
    } catch {
      return false;
    }
  }
  const local = storageArea("localStorage"),
    session = storageArea("sessionStorage");
  /** @param {Storage | null} area @returns {string | null} */
  const rawIn = (area) => {
    try {
      return area ? area.getItem(KEY) : null;
    } catch {
      return null;
    }
  };

  // Session-only mode holds for every tab of the site: a flag in localStorage (a generation id and
  // when it started, no answers) that every tab reads at start and watches. Answers stay in each
  // tab's sessionStorage, marked with the generation; session tabs pass them to each other over a
  // BroadcastChannel, never through localStorage. "Wipe now" starts a new generation: every tab
  // drops the copies of the old one, and a copy restored later with a closed tab is dropped on load.
  const FLAG = KEY + "#session-only";
  /** @returns {{ gen: string, since: number } | null} null: off; unreadable counts as on */
  function readFlag() {
    if (!local) return null; // blocked: nothing can be saved for good anyway
    try {
      const raw = local.getItem(FLAG);
      if (raw == null) return null;
      const f = JSON.parse(raw);
      if (isObj(f) && isName(f.gen) && isClock(f.since)) return { gen: f.gen, since: f.since };
    } catch {
      /* unreadable: fail safe below */
    }
    return { gen: "", since: 0 }; // on, to be safe: never save for good what may be private
  }
  /** @param {Storage | null} where @returns {string | null} the generation of its session copy */
  const genIn = (where) => {
    try {
      return where ? where.getItem(FLAG) : null;
    } catch {
      return null;
    }
  };
  let flag = readFlag();
  /** @type {Mode} */
  let mode = "memory";
  /** @type {Storage | null} */
  let area = null;
  if (flag) {
    // A copy of an older generation was wiped or stopped since (a tab restored after closing).
    if (session && flag.gen && genIn(session) !== flag.gen) dropSessionCopy();
    if (session) {
      mode = "session";
      area = session;
    }
  } else if (session && !local && rawIn(session) != null) {
    mode = "session"; // no localStorage: this tab's own session, as before
    area = session;
  } else if (local) {
    if (session && rawIn(session) != null) dropSessionCopy(); // the session ended while closed
    mode = "local";
    area = local;
  }
  function dropSessionCopy() {
    try {
      if (session) {
        session.removeItem(KEY);
        if (flag && flag.gen) session.setItem(FLAG, flag.gen);
        else session.removeItem(FLAG);
      }
    } catch {
      /* blocked meanwhile */
    }
  }
  const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(FLAG) : null;
  /** @param {boolean} [hello] a tab new to the session asks the others for it */
  function tellSessionTabs(hello) {
    if (!channel || mode !== "session" || !flag) return;
    channel.postMessage(hello ? { gen: flag.gen, hello } : { gen: flag.gen, raw: serialized() });
  }
  let failed = false, // the last write failed (full storage)
    full = !!area && !canWrite(area), // a probe write failed at load: show, export, say so
    asked = false,
    /** @type {boolean | null} */
    persisted = null,
    batching = 0,
    pending = false;

  /** The set-aside copies of unreadable data in the current storage area. */
  function setAsideKeys() {
    /** @type {string[]} */
    const keys = [];
    if (!area) return keys;
    try {
      for (let n = 0; n < area.length; n++) {
        const k = area.key(n);
        if (k != null && (k === ASIDE || k.startsWith(ASIDE + "-"))) keys.push(k);
      }
    } catch {
      /* blocked meanwhile */
    }
    return keys.sort();
  }
  // Moves what the page cannot read to its own key (once per distinct value); true when the main
  // key may now be written.
  /** @param {Storage} where @param {string} raw */
  function setAside(where, raw) {
    try {
      const keys = setAsideKeys();
      if (!keys.some((k) => where.getItem(k) === raw)) {
        let k = ASIDE;
        for (let n = 2; keys.includes(k); n++) k = `${ASIDE}-${n}`;
        where.setItem(k, raw);
      }
      return true;
    } catch {
      return false; // no room for the copy: leave the original where it is, untouched
    }
  }

  /** @type {StoredDocument} */
  let doc = emptyDocument();
  let stuck = false; // unreadable data sits in the main key and could not be moved aside
  {
    const raw = rawIn(area);
    const found = parse(raw);
    if (found) doc = found;
    else if (raw != null && area) stuck = !setAside(area, raw);
  }

  /** @type {Set<(source: ChangeSource) => void>} */
  const listeners = new Set();
  /** @param {(source: ChangeSource) => void} fn @returns {() => void} stops listening */
  function subscribe(fn) {
    listeners.add(fn);
    return () => listeners.delete(fn);
  }
  /** @param {ChangeSource} source */
  const notify = (source) => listeners.forEach((fn) => fn(source));

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
  function fit() {
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
  const serialized = () => {
    fit();
    /** @type {Record<string, Assessment>} */
    const list = {};
    for (const id of Object.keys(doc.list))
      if (!untouched(doc.list[id]))
        Object.defineProperty(list, id, { value: doc.list[id], enumerable: true });
    return JSON.stringify({ ...doc, list });
  };
  function save() {
    if (!area) return;
    try {
      const raw = area.getItem(KEY);
      if (raw != null) {
        const stored = parse(raw);
        if (stored) doc = mergeDocuments(stored, doc);
        else if (!setAside(area, raw)) {
          stuck = true;
          failed = true;
          return;
        }
      }
      const text = serialized();
      // The last guard: what this store would refuse to read is never written.
      if (!parse(text)) {
        failed = true;
        return;
      }
      area.setItem(KEY, text);
      failed = full = stuck = false;
    } catch {
      failed = true;
      return;
    }
    if (mode === "local" && !asked && navigator.storage && navigator.storage.persist) {
      asked = true;
      navigator.storage.persist().then(
        (p) => {
          persisted = p;
          notify("local");
        },
        () => {},
      );
    }
  }
  if (navigator.storage && navigator.storage.persisted) {
    navigator.storage.persisted().then(
      (p) => {
        persisted = p;
        notify("local");
      },
      () => {},
    );
  }
  // Every write ends here: saved at once (or at the end of a batch), then every view redraws.
  function changed() {
    if (batching) {
      pending = true;
      return;
    }
    save();
    tellSessionTabs();
    notify("local");
  }
  /**
   * Several writes, saved and announced once.
   * @template T
   * @param {() => T} fn
   * @returns {T}
   */
  function batch(fn) {
    batching++;
    try {
      return fn();
    } finally {
      if (--batching === 0 && pending) {
        pending = false;
        changed();
      }
    }
  }

  // Another tab wrote: merge per field, never overwrite the whole document.
  window.addEventListener("storage", (ev) => {
    if (mode !== "local" || (ev.key !== KEY && ev.key !== null) || ev.storageArea !== local) return;
    const raw = rawIn(local);
    if (raw == null)
      doc = emptyDocument(); // wiped elsewhere: drop ours too, never resurrect it
    else {
      const incoming = parse(raw);
      if (!incoming) {
        // Unreadable data from another tab (another version?): set it aside, then keep ours saved.
        save();
        notify("other-tab");
        return;
      }
      doc = mergeDocuments(incoming, doc);
      if (serialized() !== raw) save();
    }
    notify("other-tab");
  });

  // Offline editions before this one kept answers under their folder's path (a key of the form
  // "tf-roadmap/v1:/path/to/folder/"). Their assessments move here: one whose id is taken by
  // another assessment (not created at the same moment) gets a new id, so nothing is mixed or lost.
  // A folder's key goes only once its answers are saved here; unreadable ones stay untouched.
  function adoptFolderKeys() {
    if (!local) return;
    /** @type {string[]} */
    const keys = [];
    try {
      for (let n = 0; n < local.length; n++) {
        const k = local.key(n);
        if (k && k.startsWith(VERSIONED) && /^\/[^#?]*\/$/.test(k.slice(VERSIONED.length)))
          keys.push(k);
      }
    } catch {
      return;
    }
    for (const k of keys.sort()) {
      const old = parse(rawAt(k));
      if (!old) continue;
      for (const id of Object.keys(old.list)) {
        const a = old.list[id];
        if (!own(doc.list, id)) doc.list[id] = a;
        else if (doc.list[id].created[0] === a.created[0])
          doc.list[id] = mergeAssessment(doc.list[id], a);
        else if (!a.del[0]) {
          const fresh = randomId();
          doc.list[fresh] = { ...a, id: fresh };
        }
      }
      save();
      if (failed) return; // no room: the folder's key stays, and so do its answers
      try {
        local.removeItem(k);
      } catch {
        return;
      }
    }
  }
  /** @param {string} key @returns {string | null} */
  function rawAt(key) {
    try {
      return local ? local.getItem(key) : null;
    } catch {
      return null;
    }
  }
  // Session-only mode turned on, wiped or stopped in another tab.
  window.addEventListener("storage", (ev) => {
    if ((ev.key === FLAG || ev.key === null) && ev.storageArea === local) followFlag();
  });
  function followFlag() {
    const was = flag;
    flag = readFlag();
    if (flag && !session && mode === "local") {
      mode = "memory"; // this tab can't keep a session: it keeps nothing rather than save for good
      area = null;
    } else if (flag && session && (!was || mode !== "session" || flag.gen !== was.gen)) {
      // On, or wiped: this tab joins the new session with nothing of the old one.
      dropSessionCopy();
      mode = "session";
      area = session;
      doc = emptyDocument();
      tellSessionTabs(true);
    } else if (!flag && was && mode === "session") leaveSession();
    else return;
    notify("other-tab");
  }
  if (channel)
    channel.onmessage = (ev) => {
      const m = ev.data;
      if (mode !== "session" || !flag || !isObj(m) || m.gen !== flag.gen) return;
      if (m.hello) return tellSessionTabs();
      const incoming = typeof m.raw === "string" ? parse(m.raw) : undefined;
      if (!incoming) return;
      for (const k of Object.keys(doc.list)) if (untouched(doc.list[k])) delete doc.list[k];
      doc = mergeDocuments(incoming, doc);
      save();
      notify("other-tab");
    };
  if (mode === "session") tellSessionTabs(true);

  // What another tab saved that this tab has not heard of yet (its storage event may still be on
  // its way): merged in, not written. A field being edited compares against it before writing.
  function catchUp() {
    if (mode !== "local") return;
    const stored = parse(rawIn(local));
    if (stored) doc = mergeDocuments(stored, doc);
  }

  // --- reading assessments --------------------------------------------------------------------------
  const randomId = () =>
    [...crypto.getRandomValues(new Uint8Array(6))]
      .map((b) => b.toString(16).padStart(2, "0"))
      .join("");
  /** @param {string} id @returns {Assessment | undefined} a live assessment */
  const byId = (id) => (own(doc.list, id) && !doc.list[id].del[0] ? doc.list[id] : undefined);
  /** The assessments not deleted, oldest first. */
  const assessments = () =>
    Object.values(doc.list)
      .filter((a) => !a.del[0])
      .sort((a, b) => (a.created[0] + a.id < b.created[0] + b.id ? -1 : 1));
  /**
   * @param {string} name
   * @param {string} [id]
   * @param {number} [t]
   * @returns {Assessment}
   */
  function add(name, id, t = now()) {
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
  /** The current assessment; a fresh browser gets one in memory, saved with its first answer. */
  function current() {
    const a = byId(doc.cur[0]);
    if (a) return a;
    const other = assessments()[0];
    if (other) return other;
    // A fixed first id lets two fresh tabs agree.
    return add("Our assessment", Object.keys(doc.list).length ? randomId() : "first", 0);
  }
  /** @param {Assessment} a @param {string} indicatorId */
  const isTicked = (a, indicatorId) => own(a.ticks, indicatorId) && a.ticks[indicatorId][0] === 1;
  /** @param {Assessment} a */
  const tickedIds = (a) => Object.keys(a.ticks).filter((id) => a.ticks[id][0] === 1);
  /**
   * A field of an element with the time it was written, or null when never written.
   * @param {Assessment} a
   * @param {string} elementId
   * @param {"s" | "n" | "r" | "t" | "d"} key
   * @returns {{ value: any, time: number } | null}
   */
  function fieldRecord(a, elementId, key) {
    const e = own(a.els, elementId) ? a.els[elementId] : null;
    const r = e && e[key];
    return r ? { value: r[0], time: r[1] } : null;
  }
  /** @param {Assessment} a @param {string} elementId @returns {Stage | null} */
  const stageOf = (a, elementId) => {
    const r = fieldRecord(a, elementId, "s");
    return r ? r.value : null;
  };
  /** @param {Assessment} a @param {string} elementId @returns {string} */
  const notesOf = (a, elementId) => {
    const r = fieldRecord(a, elementId, "n");
    return r ? r.value : "";
  };
  /** @param {Assessment} a @param {string} elementId @returns {string | null} */
  const reviewedOf = (a, elementId) => {
    const r = fieldRecord(a, elementId, "r");
    return r ? r.value : null;
  };
  /** @param {Assessment} a */
  const elementIds = (a) => Object.keys(a.els);
  /** @param {Assessment} a @returns {ExportedSnapshot[]} the live snapshots, oldest first */
  const snapshotsOf = (a) =>
    Object.entries(a.snaps)
      .flatMap(([id, f]) => (f[0] ? [{ id, ...f[0] }] : []))
      .sort((p, q) => (p.taken < q.taken ? -1 : p.taken > q.taken ? 1 : 0));
  /** @param {Assessment} a */
  const nameOf = (a) => a.name[0];
  /** @param {Assessment} a */
  const createdOf = (a) => a.created[0];
  /** @param {Assessment} a @returns {{ time: string | null, at: number }} the last export */
  const exportedOf = (a) => ({ time: a.exp[0], at: a.exp[1] });
  // A declaration, not a const: `untouched` above calls it.
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
  /** @param {Assessment} a whether it holds anything a user made: answers, a plan or history */
  const hasAnswers = (a) =>
    Object.values(a.ticks).some((f) => f[0]) ||
    Object.values(a.els).some(
      (x) => (x.s && x.s[0] != null) || (x.n && x.n[0]) || (x.t && x.t[0] != null),
    ) ||
    actionsOf(a).length > 0 ||
    snapshotsOf(a).length > 0;
  /** @param {Assessment} a @param {string} elementId @returns {{ stage: number | null, date: string }} */
  const targetOf = (a, elementId) => {
    const t = fieldRecord(a, elementId, "t"),
      d = fieldRecord(a, elementId, "d");
    return { stage: t ? t.value : null, date: d ? d.value : "" };
  };
  /** @param {Assessment} a @returns {ExportedAction[]} the actions not removed, oldest first */
  const actionsOf = (a) =>
    Object.entries(a.acts)
      .filter(([, x]) => !(x.removed && x.removed[0]))
      .map(([id, x]) => {
        /** @type {any} */
        const out = { id };
        for (const f of ACTION_FIELDS) {
          const r = /** @type {Rec<any> | undefined} */ (x[f.key]);
          out[f.key] = r ? r[0] : f.empty;
        }
        return /** @type {ExportedAction} */ (out);
      })
      .sort((p, q) => (p.created + p.id < q.created + q.id ? -1 : 1));
  /** @param {Assessment} a @param {"taskForce" | "people"} key */
  const planTextOf = (a, key) => a[key][0];

  // --- writing: always to a named assessment, never to "whatever is current now" -----------------
  /** @param {string} id */
  function select(id) {
    if (!byId(id)) return;
    doc.cur = [id, now()];
    changed();
  }
  // Room for one more live assessment (deleted ones' markers make way when needed).
  const roomForAssessment = () => assessments().length < LIMITS.assessments;
  /** @param {Assessment} a @param {string} elementId room for this element's record */
  const roomForElement = (a, elementId) =>
    own(a.els, elementId) ||
    Object.values(a.els).filter((e) => !emptyElement(e)).length < STORED.elements;
  /** @param {string} name @returns {Assessment | undefined} undefined for a blank name or no room */
  function create(name) {
    if (!clampName(name) || !roomForAssessment()) return undefined;
    const a = add(name);
    changed();
    return a;
  }
  /** @param {string} id @param {string} name */
  function rename(id, name) {
    const a = byId(id);
    if (!a || !clampName(name)) return;
    a.name = [clampName(name), now()];
    changed();
  }
  /** @param {string} id */
  function remove(id) {
    const a = byId(id);
    if (!a) return;
    doc.list[id] = tombstone({ ...a, del: [1, now()] });
    changed();
  }
  // The first answer on an element records the version of its indicators (for review flags).
  /** @param {Assessment} a @param {string} elementId @param {string | null} sig @returns {ElementRecord | null} null: no room */
  function elementRecord(a, elementId, sig) {
    if (!roomForElement(a, elementId)) return null;
    const e = own(a.els, elementId) ? a.els[elementId] : (a.els[elementId] = {});
    if (sig && !(e.r && e.r[0])) e.r = [sig, now()];
    return e;
  }
  /**
   * @param {string} id the assessment
   * @param {string} indicatorId
   * @param {boolean} on
   * @param {ElementRef | null} element the indicator's element, when the rubric has it
   * @returns {boolean} false when refused: no such assessment, or already LIMITS.ids ticked
   */
  function setTick(id, indicatorId, on, element) {
    const a = byId(id);
    if (!a || !isId(indicatorId)) return false;
    if (on && !isTicked(a, indicatorId) && tickedIds(a).length >= LIMITS.ids) return false;
    a.ticks[indicatorId] = [on ? 1 : 0, now()];
    if (element) elementRecord(a, element.id, element.sig);
    changed();
    return true;
  }
  /**
   * @param {string} id the assessment
   * @param {ElementRef} element
   * @param {"s" | "n" | "r" | "t" | "d"} key
   * @param {any} value
   * @returns {boolean} false when refused (a wrong value, or no room for another element)
   */
  function setElementField(id, element, key, value) {
    const a = byId(id),
      f = ELEMENT_FIELDS.find((x) => x.key === key);
    if (key === "n" && typeof value === "string" && chars(value) > LIMITS.notes)
      value = [...value].slice(0, LIMITS.notes).join("");
    if (!a || !f || !f.ok(value) || !isId(element.id)) return false;
    const e = elementRecord(a, element.id, f.answer ? element.sig : null);
    if (!e) return false;
    /** @type {any} */ (e)[key] = [value, now()];
    changed();
    return true;
  }
  /**
   * A new action on an element; its text may start as an indicator's, ready to edit.
   * @param {string} id the assessment
   * @param {string} elementId
   * @param {string} text
   * @param {string[]} indicators
   * @returns {string | null} the action's id, or null when refused (the limit)
   */
  function addAction(id, elementId, text, indicators) {
    const a = byId(id);
    if (!a || !isId(elementId) || actionsOf(a).length >= LIMITS.actions) return null;
    const t = now(),
      key = randomId();
    /** @type {ActionValue} */
    const value = {
      element: elementId,
      text: [...text].slice(0, LIMITS.actionText).join(""),
      owner: "",
      due: "",
      status: "not-started",
      indicators: indicators.filter(isId).slice(0, LIMITS.actionIndicators),
      created: new Date(t).toISOString(),
    };
    /** @type {any} */
    const x = { removed: [0, t] };
    for (const f of ACTION_FIELDS) x[f.key] = [value[f.key], t];
    a.acts[key] = x;
    changed();
    return key;
  }
  /**
   * @param {string} id the assessment
   * @param {string} actionId
   * @param {keyof ActionValue | "removed"} key
   * @param {any} value
   */
  function setAction(id, actionId, key, value) {
    const a = byId(id),
      f = ACTION_FIELDS.find((x) => x.key === key);
    if (!a || !own(a.acts, actionId)) return;
    if (key === "removed" ? value !== 0 && value !== 1 : !f || !f.ok(value)) return;
    /** @type {any} */ (a.acts[actionId])[key] = [value, now()];
    changed();
  }
  /** @param {string} id the assessment @param {"taskForce" | "people"} key @param {string} value */
  function setPlanText(id, key, value) {
    const a = byId(id);
    if (!a || !PLAN_TEXTS.includes(key)) return;
    a[key] = [[...value].slice(0, LIMITS[key]).join(""), now()];
    changed();
  }

  // --- storage modes -------------------------------------------------------------------------------
  // A new generation of the flag: every tab drops what it holds of the last one.
  function raiseFlag() {
    flag = { gen: randomId(), since: Date.now() };
    try {
      if (local) local.setItem(FLAG, JSON.stringify(flag));
    } catch {
      /* full: this tab is session-only still; other tabs can't learn of it (status says so) */
    }
    dropSessionCopy();
  }
  function startSession() {
    if (!session) return;
    mode = "session";
    area = session;
    raiseFlag();
    doc = emptyDocument();
    add("This session");
    changed();
  }
  // This tab's session joins the answers saved in this browser (each session tab does the same).
  function leaveSession() {
    const mine = doc;
    mode = "local";
    area = local;
    doc = mergeDocuments(parse(rawIn(local)) || emptyDocument(), mine);
    flag = null;
    dropSessionCopy();
    save();
  }
  function stopSession() {
    try {
      if (local) local.removeItem(FLAG);
    } catch {
      /* blocked meanwhile */
    }
    leaveSession();
    notify("local");
  }
  // Everything this site saved in this browser, set-aside copies of unreadable data included.
  function wipeAll() {
    if (local) {
      try {
        for (const k of setAsideKeysIn(local)) local.removeItem(k);
        local.removeItem(KEY);
        mode = "local";
        area = local;
        stuck = full = failed = false;
      } catch {
        /* blocked: nothing stored */
      }
    }
    doc = emptyDocument();
    notify("local");
  }
  /** @param {Storage} where */
  function setAsideKeysIn(where) {
    const before = area;
    area = where;
    try {
      return setAsideKeys();
    } finally {
      area = before;
    }
  }
  // One click, no question: on a shared computer, leave nothing behind.
  function wipeSession() {
    if (mode === "session" && readFlag()) raiseFlag(); // every tab of the site drops its copy
    try {
      if (area) area.removeItem(KEY);
    } catch {
      /* the next save writes an empty document anyway */
    }
    doc = emptyDocument();
    add("This session");
    changed();
  }

  if (offline && mode === "local" && !stuck) adoptFolderKeys();

  // What only the pages that copy assessments use (export, import, share links, team files, undo,
  // duplicates, snapshots) is in store-copies.js, loaded by those pages: element pages stay light.
  // It extends the store from inside, through this handle to the store's own checks, reading,
  // merging and writing, so that the stored format keeps one owner.
  const inner = {
    rubric,
    LIMITS,
    STAGE_COUNT,
    ELEMENT_FIELDS,
    ACTION_FIELDS,
    PLAN_TEXTS,
    own,
    isObj,
    dict,
    isId,
    isName,
    isHash,
    isStage,
    isTarget,
    isText,
    isTime,
    isDoneCount,
    chars,
    now,
    randomId,
    readAssessment,
    readSnapshotValue,
    mergeMaps,
    untouched,
    /** the document as it stands (it is replaced on merges: never keep it) */
    doc: () => doc,
    byId,
    assessments,
    add,
    clampName,
    roomForAssessment,
    fieldRecord,
    tickedIds,
    snapshotsOf,
    actionsOf,
    changed,
  };
  const store = {
    root, // the site's root URL, which every page's links are resolved against
    KEY,
    LIMITS,
    can: { local: !!local, session: !!session },
    subscribe,
    batch,
    isObj,
    own,
    chars, // characters (code points), as every limit on a text counts them
    /** How storage stands, for the warnings the pages show. */
    status: () => ({
      mode,
      failed,
      full,
      stuck,
      persisted,
      setAside: setAsideKeys(),
      // when session-only mode started for every tab (0: unknown), or null when off
      sessionSince: mode === "session" && flag ? flag.since : null,
    }),
    /** @param {string} key @returns {string | null} a set-aside copy, to save as a file */
    setAsideCopy: (key) => {
      try {
        return area && setAsideKeys().includes(key) ? area.getItem(key) : null;
      } catch {
        return null;
      }
    },
    assessments,
    current,
    byId,
    nameOf,
    createdOf,
    exportedOf,
    lastChange,
    hasAnswers,
    isTicked,
    tickedIds,
    elementIds,
    stageOf,
    notesOf,
    reviewedOf,
    snapshotsOf,
    targetOf,
    actionsOf,
    planTextOf,
    STATUSES,
    select,
    create,
    rename,
    remove,
    setTick,
    setElementField,
    addAction,
    setAction,
    setPlanText,
    catchUp,
    startSession,
    stopSession,
    wipeAll,
    wipeSession,
    /**
     * Called once, by store-copies.js: what it returns joins the store.
     * @param {(handle: typeof inner) => object} open
     */
    extend(open) {
      if (!extended) Object.assign(store, open(inner));
      extended = true;
    },
  };
  let extended = false;
  return store;
}

if (window.TF_RUBRIC && !window.TF_STORE)
  window.TF_STORE = openAssessmentStore(
    window.TF_RUBRIC,
    document.currentScript
      ? new URL("../../", /** @type {HTMLScriptElement} */ (document.currentScript).src).href
      : String(window.__md_scope || location),
  );

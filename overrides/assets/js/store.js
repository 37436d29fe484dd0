// The saved self-assessment: one document per site scope, owned by this file and its extension
// store-copies.js (export, import, undo copies, snapshots; loaded by the pages that use them),
// built on store-format.js (the document's format, pure) and store-tabs.js (storage and tabs).
// Every read, write, merge and check of it happens in these; the other modules call
// window.TF_STORE.

/* global openStoreFormat, openStoreTabs, storeText */

/** @typedef {{ id: string, sig: string }} ElementRef a rubric element, as far as the store needs it */
/** @typedef {"local" | "session" | "memory"} Mode */
/** @typedef {"local" | "other-tab"} ChangeSource */
/** @typedef {Parameters<Parameters<ReturnType<typeof openAssessmentStore>["extend"]>[0]>[0]} StoreInner */
/** @typedef {ReturnType<typeof openAssessmentStore> & Partial<ReturnType<typeof openStoreCopies>>} Store with store-copies.js where a page loads it */

/**
 * @param {{ version: string, stages: { n: number, name: string }[], storage: string }} rubric
 * @param {string} root the site's root URL (the key is scoped by its path, like Material's own)
 */
// eslint-disable-next-line max-lines-per-function -- a module wrapper: this file's scope
function openAssessmentStore(rubric, root) {
  "use strict";
  const format = openStoreFormat(rubric.stages.length);
  const {
    LIMITS,
    ELEMENT_FIELDS,
    ACTION_FIELDS,
    PLAN_TEXTS,
    STATUSES,
    own,
    isObj,
    isId,
    chars,
    now,
    randomId,
    tombstone,
    addAssessment,
    clampName,
    lastChange,
    emptyElement,
    untouched,
    STORED,
  } = format;
  // Every text is kept as store-text.js has it (one form, nothing invisible), whoever writes it.
  const { cleanName, cleanText, clip } = storeText();
  /** @type {Record<string, (s: string) => string>} */
  const CLEAN = { text: cleanText, owner: cleanName, taskForce: cleanName, people: cleanText };
  /** @param {string} name @returns {string} an assessment's name as it is kept ("" for none) */
  const keptName = (name) => clampName(cleanName(name));
  const tabs = openStoreTabs(format, rubric, root);
  const {
    KEY,
    subscribe,
    batch,
    changed,
    catchUp,
    startSession,
    stopSession,
    wipeAll,
    wipeSession,
  } = tabs;
  // Each tab keeps answering the assessment it shows until its reader picks another in it: the
  // tab's own choice lives in its sessionStorage, and the stored one is only the default for a new
  // tab. Its key is outside the stored answers' prefix: the loader does not take it for answers.
  const TAB_KEY = "tf-tab-current:" + KEY;
  /** @type {Storage | null} this tab's own storage, where it can be read */
  const tabArea = (() => {
    try {
      window.sessionStorage.getItem(TAB_KEY);
      return window.sessionStorage;
    } catch {
      return null; // storage blocked: this page view's memory only
    }
  })();
  let tabCur = tabArea && tabArea.getItem(TAB_KEY),
    kept = tabCur; // what the tab's storage holds
  /** @param {string} id this tab's current assessment from now on */
  function pin(id) {
    tabCur = id;
    if (kept === id) return;
    const a = byId(id);
    if (!a || untouched(a)) return; // a placeholder nobody wrote to: a link viewed stores nothing
    kept = id;
    try {
      if (tabArea) tabArea.setItem(TAB_KEY, id);
    } catch {
      /* full: kept in memory */
    }
  }
  /** @param {string} id @param {number} t the stored default, and this tab's choice */
  function choose(id, t) {
    tabs.doc().cur = [id, t];
    pin(id);
  }
  /** A new assessment, current in this tab. @param {string} name @param {string} [id] @param {number} [t] */
  const add = (name, id, t) => {
    const a = addAssessment(tabs.doc(), keptName(name), id, t);
    pin(a.id);
    return a;
  };
  /** @param {string} id @returns {Assessment | undefined} a live assessment */
  const byId = (id) =>
    own(tabs.doc().list, id) && !tabs.doc().list[id].del[0] ? tabs.doc().list[id] : undefined;
  /** The assessments not deleted, oldest first. */
  const assessments = () =>
    Object.values(tabs.doc().list)
      .filter((a) => !a.del[0])
      .sort((a, b) => (a.created[0] + a.id < b.created[0] + b.id ? -1 : 1));
  /** The current assessment; a fresh browser gets one in memory, saved with its first answer. */
  function current() {
    const mine = tabCur == null ? undefined : byId(tabCur);
    if (mine && kept !== mine.id) pin(mine.id); // kept once something is written to it
    if (mine) return mine;
    // A new tab, or its assessment was deleted elsewhere: the stored choice, else the oldest.
    const a = byId(tabs.doc().cur[0]) || assessments()[0];
    if (a) pin(a.id);
    if (a) return a;
    // A fixed first id lets two fresh tabs agree.
    return add("Our assessment", Object.keys(tabs.doc().list).length ? randomId() : "first", 0);
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
    choose(id, now());
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
    if (!keptName(name) || !roomForAssessment()) return undefined;
    const a = add(name);
    changed();
    return a;
  }
  /** @param {string} id @param {string} name */
  function rename(id, name) {
    const a = byId(id);
    if (!a || !keptName(name)) return;
    a.name = [keptName(name), now()];
    changed();
  }
  /** @param {string} id */
  function remove(id) {
    const a = byId(id);
    if (!a) return;
    tabs.doc().list[id] = tombstone({ ...a, del: [1, now()] });
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
    if (key === "n" && typeof value === "string") value = clip(cleanText(value), LIMITS.notes);
    if (!a || !f || !f.ok(value) || !isId(element.id)) return false;
    const e = elementRecord(a, element.id, f.answer ? element.sig : null);
    if (!e) return false;
    /** @type {any} */ (e)[key] = [value, now()];
    changed(key === "n"); // notes are typed: saved when typing pauses (store-tabs.js)
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
      text: clip(cleanText(text), LIMITS.actionText),
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
    if (typeof value === "string" && own(CLEAN, key)) value = CLEAN[key](value);
    if (key === "removed" ? value !== 0 && value !== 1 : !f || !f.ok(value)) return;
    /** @type {any} */ (a.acts[actionId])[key] = [value, now()];
    changed(key === "text" || key === "owner"); // typed, like notes
  }
  /** @param {string} id the assessment @param {"taskForce" | "people"} key @param {string} value */
  function setPlanText(id, key, value) {
    const a = byId(id);
    if (!a || !PLAN_TEXTS.includes(key)) return;
    a[key] = [clip(CLEAN[key](value), LIMITS[key]), now()];
    changed(true); // typed, like notes
  }

  // What only the pages that copy assessments use (export, import, share links, team files, undo,
  // duplicates, snapshots) is in store-copies.js, loaded by those pages: element pages stay light.
  // It extends the store from inside, through this handle to the store's own checks, reading,
  // merging and writing, so that the stored format keeps one owner.
  const inner = {
    ...format, // the document's format: limits, checks, reading, merging, the clock
    rubric,
    /** the document as it stands (it is replaced on merges: never keep it) */
    doc: tabs.doc,
    byId,
    assessments,
    add,
    keptName,
    cleanName,
    cleanText,
    clip,
    choose,
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
    can: tabs.can,
    subscribe,
    batch,
    isObj,
    own,
    chars, // characters (code points), as every limit on a text counts them
    cleanName, // a name as it is kept (NFC, nothing invisible): fields show what is saved
    cleanText,
    isDay: format.isDay, // a date the store keeps: one a date field can show
    DAYS: format.DAYS,
    status: tabs.status,
    setAsideCopy: tabs.setAsideCopy,
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
    wipes: tabs.wipes,
    startSession,
    stopSession,
    wipeAll,
    wipeSession,
    // Undo's copies: kept by the store, so every wipe drops them in every tab (store-tabs.js).
    undoOffers: tabs.undoOffers,
    keepUndo: tabs.keepUndo,
    takeUndo: tabs.takeUndo,
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

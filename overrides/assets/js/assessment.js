// Self-assessment: what every page's checklist code shares (window.TF.core: the model, the store,
// drawing helpers, the message and redraw), and each page view's start: an element page's
// checklist (assessment-checklist.js), or the modules a page that lists or edits saved answers
// runs, once the loader (assessment-loader.js) has brought them. Built on assessment-rules.js,
// assessment-dom.js and assessment-notes.js, loaded before it. Answers stay in this browser; DOM
// via textContent.
/* global assessmentRules, assessmentDom, openChecklist, bindEditor */
(() => {
  "use strict";
  if (!window.TF_RUBRIC || !window.TF_STORE || !window.TF_CODE || window.TF) return;
  const rubric = window.TF_RUBRIC,
    store = window.TF_STORE,
    code = window.TF_CODE; // which modules each page runs (assessment-loader.js)
  const ROOT = store.root;
  // The whole rubric as a model: filled by listing.js where a page loads the whole rubric; on an
  // element page, indicatorById holds that element's indicators.
  /** @type {TFElement[]} */
  const allElements = [],
    /** @type {Record<string, TFElement>} */
    elementById = Object.create(null),
    /** @type {Record<string, TFIndicator>} */
    indicatorById = Object.create(null);
  const { chars } = store; // chars: the store's count of characters, as its limits count them
  const url = (/** @type {string} */ path) => new URL(path, ROOT).href; // the data follows the edition's URL style
  const rules = assessmentRules(rubric); // pure: the stage rule, targets, names, dates
  const { RULE, stageName, stageCell, targetText, dayText, today, localTime, localDay } = rules;
  const { TARGET_STATE, targetState, suggest, counted } = rules;
  const { make, button, list, replaceIfChanged, download } = assessmentDom(
    chars,
    store.isDay,
    store.DAYS,
  );
  // A target stage picker's options, "No target" first.
  /** @param {number | null} selected */
  const targetOptions = (selected) =>
    [null, ...rubric.stages.map((s) => s.n)].map((v) =>
      make(
        "option",
        { value: v == null ? "" : v, selected: v === selected },
        v == null ? "No target" : stageName(v),
      ),
    );
  // An action's status as shown: the store's keys, "not-started" → "Not started".
  const STATUS = Object.fromEntries(
    store.STATUSES.map((k) => [k, k[0].toUpperCase() + k.slice(1).replace("-", " ")]),
  );

  // Everything saved goes through the store (store.js): reads, writes, merge across tabs, checks.
  /** @type {(() => void) | null} */
  let view = null,
    /** @type {TFMessage | null} */
    msg = null;
  const refresh = () => {
    if (view) view();
  };
  store.subscribe(refresh);
  // Due dates and target dates are calendar days: a page left open past local midnight redraws
  // then (and when it is shown again on a later day), so what fell due yesterday shows overdue.
  let day = localDay();
  const newDay = () => {
    if (localDay() === day) return;
    day = localDay();
    refresh();
  };
  (function atMidnight() {
    const now = new Date(),
      next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    setTimeout(() => {
      newDay();
      atMidnight();
    }, next.getTime() - now.getTime());
  })();
  document.addEventListener("visibilitychange", () => document.hidden || newDay());
  const current = () => store.current();
  /** @param {Assessment} a @param {string} id */
  const ticked = (a, id) => store.isTicked(a, id);
  // Every write names the assessment it changes: the store never guesses which one is meant.
  // A change the store refused, to keep within what an export file can carry: said, not dropped.
  /** @param {string} text */
  const refused = (text) => {
    msg = { text, error: true };
    refresh();
  };
  /** @param {Assessment} a @param {string} id @param {boolean} on @param {ElementRef | null} e */
  const setTick = (a, id, on, e) =>
    store.setTick(a.id, id, on, e) ||
    refused(
      `Not ticked: “${store.nameOf(a)}” already has ${store.LIMITS.ids} ticked indicators, the most an export file can carry. Untick some first.`,
    );
  /**
   * @param {Assessment} a @param {ElementRef} e
   * @param {Parameters<Store["setElementField"]>[2]} key @param {Parameters<Store["setElementField"]>[3]} value
   */
  const setField = (a, e, key, value) =>
    store.setElementField(a.id, e, key, value) ||
    refused(
      `Not saved: “${store.nameOf(a)}” already holds answers on ${store.LIMITS.elements} elements (of this and other versions of the roadmap), the most an export file can carry.`,
    );
  /** @param {Assessment} a @param {TFElementHere} e @returns {TFElementInfo} */
  function info(a, e) {
    const per = rubric.stages.map(() => /** @type {[number, number]} */ ([0, 0]));
    let any = false;
    for (const i of e.indicators) {
      per[i.stage - 1][1]++;
      if (ticked(a, i.id)) {
        per[i.stage - 1][0]++;
        any = true;
      }
    }
    const chosen = store.stageOf(a, e.id),
      notes = store.notesOf(a, e.id),
      sug = suggest(per);
    const c = counted(chosen, per),
      r = store.reviewedOf(a, e.id);
    return {
      per,
      chosen,
      notes,
      suggested: sug,
      counted: c,
      status: chosen === "na" ? "na" : chosen ? "chosen" : sug ? "suggested" : "none",
      next:
        typeof c === "number" && c < rubric.stages.length
          ? e.indicators.filter((i) => i.stage === c + 1 && !ticked(a, i.id))
          : [],
      flagged: !!r && r !== e.sig && (any || chosen != null || !!notes),
    };
  }

  const MODES = {
    local: "saved in this browser only",
    session: "this session only, in every tab of this site: wiped when you close them",
    memory: "not saved: this browser blocks storage",
  };
  // Unreadable data, set aside by the store or still in its place (no room to move it): offered
  // as files, byte for byte. A download needs no storage, so full storage never withholds it.
  function saveSetAside() {
    for (const key of store.status().unreadable) {
      const text = store.setAsideCopy(key);
      if (text != null)
        download(`unreadable-saved-data-${today()}.txt`, "text/plain;charset=utf-8", text);
    }
  }
  // Each failed write names its own cause: only a full storage is called full.
  /** @type {Record<string, string>} */
  const NOT_SAVED = {
    full: "Your last change could not be saved: storage is full. ",
    refused:
      "Your last change could not be saved: this browser refused to write it (storage may have been blocked or cleared meanwhile). ",
    unreadable:
      "Your last change could not be saved: the saved data would no longer read back, so it was not written (a fault of this site, not of your browser). ",
  };
  function warnings() {
    const out = [],
      s = store.status();
    if (s.unreadable.length)
      out.push([
        s.stuck
          ? "This browser holds saved answers this version of the site cannot read, and storage is too full to set them aside. They are left untouched; what you answer now is not saved until space is freed. Saving a copy needs no storage: "
          : "This browser held saved answers this version of the site cannot read. They are kept aside, untouched; what you answer now is saved as usual. ",
        button("Save a copy of the unreadable data", saveSetAside, "save-unreadable"),
      ]);
    if (s.mode === "memory")
      out.push(
        "Storage is blocked in this browser, so nothing is saved: answers last while this tab stays on the site; a reload loses them. Export to keep a copy.",
      );
    else if (!s.stuck && (s.failed || s.full))
      out.push(
        (s.failed ? NOT_SAVED[s.cause] || NOT_SAVED.refused : "Storage is full. ") +
          (s.failed && s.cause !== "full"
            ? "Your answers are shown and can be exported. Export now to keep a copy."
            : "Your answers are shown and can be exported, but new changes can't be saved until space is freed. Export now to keep a copy."),
      );
    return out.map((t) => make("p", { class: "tf-a-warn" }, make("strong", {}, "Warning: "), t));
  }
  // Undo's copies are the store's (store-tabs.js), which drops them at every wipe, in every tab;
  // undo.js, on the pages with destructive actions, draws them. Offer once the action is done:
  // what is written after it is kept when the copy is put back.
  /** @param {TFUndoOffer} what */
  const offerUndo = (what) => store.keepUndo(what);
  // One click, no question: on a shared computer, leave nothing behind, not even a copy to undo.
  function wipeSession() {
    msg = { text: "Wiped." };
    store.wipeSession();
  }
  // extra(i): what follows each indicator's link (on element pages, "Add as an action").
  /** @type {TFCoreBase["nextSteps"]} */
  function nextSteps(x, href, extra) {
    if (x.counted == null)
      return make(
        "p",
        {},
        "Tick indicators or choose a stage to see what the next stage looks like.",
      );
    if (x.counted === "na")
      return make("p", {}, "Not applicable to your task force: no next stage.");
    if (x.counted === rubric.stages.length)
      return make("p", {}, `Stage ${x.counted} is the last stage: keep evaluating and evolving.`);
    if (!x.next.length)
      return make(
        "p",
        {},
        `Every Stage ${x.counted + 1} indicator is already ticked: consider whether Stage ${x.counted + 1} fits.`,
      );
    return make(
      "div",
      {},
      // Indicators describe a state (some describe a stage's problems), never a task to do.
      make(
        "p",
        {},
        `What ${stageName(x.counted + 1)} looks like, not yet ticked for your task force:`,
      ),
      list(x.next, (i) => [make("a", { href: href(i) }, i.text), extra && extra(i)]),
    );
  }

  // Redraws root from draw(region) on every change; the status region survives, and so do the
  // focused control and its caret: found again by data-k, else id, else its place among the
  // controls. A control the change removed hands focus to focusAfter's key, else to its place.
  const CONTROLS = "a[href], button, input, select, textarea, [tabindex]";
  /** @type {string | null} */
  let focusAfter = null;
  /** @type {TFCoreBase["mountView"]} */
  function mountView(root, draw) {
    const region = make("p", { role: "status", id: "tf-message" });
    let drawnFor = ""; // the assessment drawn last
    view = () => {
      // The assessment drawn last is gone (deleted in another tab): the fields drawn now belong
      // to another one, and do not take the focus, nor the typing meant for the last one.
      const shown = store.assessments().length ? current().id : "", // no placeholder made here
        gone = !!drawnFor && drawnFor !== shown && !store.byId(drawnFor);
      drawnFor = shown;
      const active = document.activeElement,
        focused = active instanceof HTMLElement && root.contains(active) ? active : null;
      const k = focused && focused.dataset.k,
        id = focused && focused.id,
        place = focused ? [...root.querySelectorAll(CONTROLS)].indexOf(focused) : -1;
      /** @type {[number, number, "forward" | "backward" | "none"] | null} */
      let caret = null;
      try {
        if (focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement)
          if (
            typeof focused.selectionStart === "number" &&
            typeof focused.selectionEnd === "number"
          )
            caret = [
              focused.selectionStart,
              focused.selectionEnd,
              focused.selectionDirection || "none",
            ];
      } catch {
        /* a control without a caret */
      }
      const text = msg ? msg.text : "";
      if (region.textContent !== text) region.textContent = text;
      region.className = msg && msg.error ? "tf-a-warn" : msg ? "tf-d-msg" : "";
      root.replaceChildren(
        ...draw(region)
          .flat(9)
          .filter(/** @returns {x is Node | string} */ (x) => !!x),
      );
      const bar = core.undo && core.undo.bar();
      if (bar && region.isConnected) region.after(bar);
      const hint = focusAfter;
      focusAfter = null;
      // Gone with the redraw, or moved by it (the start guide is kept, and moving blurs it).
      if (!focused || document.activeElement === focused) return;
      if (gone && focused.matches("input, textarea, select")) return;
      const controls = [...root.querySelectorAll(CONTROLS)];
      const again =
        (k && root.querySelector(`[data-k="${CSS.escape(k)}"]`)) ||
        (id && document.getElementById(id)) ||
        (hint && root.querySelector(`[data-k="${CSS.escape(hint)}"]`)) ||
        (place >= 0 && controls[Math.min(place, controls.length - 1)]);
      if (!(again instanceof HTMLElement)) return;
      again.focus({ preventScroll: true });
      if (
        caret &&
        (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement) &&
        again.value === /** @type {HTMLInputElement} */ (focused).value
      )
        again.setSelectionRange(caret[0], caret[1], caret[2]);
    };
    view();
  }
  // Features only some pages need load on demand, by the loader (assessment-loader.js's need).
  const { need, arrived } = code;
  /** @type {TFCoreBase["parts"]} */
  const parts = [],
    /** @type {TFCoreBase["pages"]} */
    pages = {};
  const NOT_LOADED = "Part of this page could not be loaded. Reload the page to try again.";
  const OVERVIEW_PARTS = code.overviewParts; // not on a first visit (assessment-loader.js)
  const firstVisit = () => {
    const a = current(); // the first, made in memory where there is none yet
    return store.assessments().length === 1 && !store.hasAnswers(a);
  };
  /** @param {string} id a page root's id */
  const modulesHere = (id) => code.modules(id, !firstVisit()); // what this browser's answers draw
  // The overview drawn without its parts (a first visit just ended: an import, a new assessment,
  // another tab's tick) loads them, once per page view, and is drawn again when they are in.
  /** @type {Promise<void> | null} */
  let partsWanted = null;
  function overviewParts() {
    if (OVERVIEW_PARTS.every(arrived)) return Promise.resolve();
    return (partsWanted =
      partsWanted ||
      Promise.all(OVERVIEW_PARTS.map(need)).then(
        () => {
          partsWanted = null;
          refresh();
        },
        () => core.say(NOT_LOADED, true),
      ));
  }

  // Every page view, including Material's instant navigation.
  function init() {
    view = null;
    msg = null;
    partsWanted = null;
    // Ticks made on an earlier page before this code came (assessment-loader.js): saved first.
    for (const t of code.takeTicks())
      setTick(current(), t.i, t.on, t.e && t.s ? { id: t.e, sig: t.s } : null);
    const mount = document.querySelector(".tf-assessment[data-element]");
    const root = document.querySelector("[data-tf-page]");
    if (mount instanceof HTMLElement) checklist.elementPage(mount);
    else if (root instanceof HTMLElement) {
      const id = root.id;
      Promise.all(modulesHere(id).map(need)).then(
        () => {
          if (root.isConnected) pages[id](root);
        },
        () => replaceIfChanged(root, make("p", { class: "tf-a-warn" }, NOT_LOADED)),
      );
    }
  }
  // For the modules loaded on demand: the model, the store and drawing helpers (listing.js adds
  // the ones only the pages that list every element use).
  /** @type {TFCoreSoFar} the parts as each module adds them */
  const core = {
    rubric,
    RULE,
    allElements,
    elementById,
    indicatorById,
    store,
    MODES,
    make,
    button,
    list,
    replaceIfChanged,
    url,
    stageName,
    stageCell,
    targetText,
    dayText,
    targetOptions,
    today,
    localDay,
    localTime,
    STATUS,
    TARGET_STATE,
    targetState,
    download,
    warnings,
    info,
    ticked,
    current,
    nextSteps,
    refresh,
    mountView,
    wipeSession,
    offerUndo,
    parts,
    pages,
    firstVisit,
    overviewParts,
    // An editor bound to the record it was opened for (assessment-notes.js).
    /** @param {TFEditorControl} control @param {TFEditorBinding} o */
    bindEditor: (control, o) => bindEditor(control, o, core),
    // The control to focus after the next redraw when the focused one goes (a deleted row's button).
    focusAfter: (k) => {
      focusAfter = k;
    },
    // A message shown with the redraw that the next change brings.
    setMessage: (text, error) => {
      msg = text == null ? null : { text, error };
    },
    say: (text, error) => {
      msg = text == null ? null : { text, error };
      refresh();
    },
  };
  const checklist = openChecklist(core, {
    setTick,
    setField,
    need,
    message: () => msg,
    setView: (fn) => {
      view = fn;
    },
  });
  // For tests: the rule, the import checks, the current export, the storage key; core for the modules.
  // The checks and the export are store-copies.js's: on a page without it, they load it first and
  // answer with a promise.
  /**
   * @template {unknown[]} A @template R
   * @param {(...args: A) => R} fn @returns {(...args: A) => R | Promise<R>}
   */
  const withCopies =
    (fn) =>
    (...args) =>
      store.exportData ? fn(...args) : need(code.copies).then(() => fn(...args));
  /** The store with store-copies.js's part, once it has loaded. */
  const copies = () => /** @type {Required<Store>} */ (store);
  window.TF = {
    suggest,
    counted,
    // Run once store-copies.js has extended the store (withCopies waits for it).
    validate: withCopies((/** @type {unknown} */ data) => copies().validateExport(data)),
    exportData: withCopies(() => copies().exportData(current())),
    key: store.KEY,
    // The modules that use a part run after the module that adds it (the loader's order).
    core: /** @type {TFCore} */ (core),
  };
  // Fetch this page's modules now, not when document$ first fires (after DOMContentLoaded).
  const first = document.querySelector("[data-tf-page]");
  if (first) modulesHere(first.id).forEach((name) => need(name).catch(() => {}));
  if (window.document$) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

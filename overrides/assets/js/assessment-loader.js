// When the self-assessment's code (store.js, then assessment.js) loads. Most readers of an element
// page never assess, so an element page loads it only when it has work to do:
//   - at once where this browser holds anything this site saved (answers to show, a session-only
//     mode every tab must share), or where the address names a part of the checklist;
//   - else at the reader's first move toward it: a tick or a key in the stages (the boxes are in the
//     page, and a tick made before the code arrives is saved when it does), coming near "Your
//     self-assessment", or another tab of the site saving something.
// The pages that list or edit saved answers (dashboard, team, plan, report, shared) load it at once,
// and their own modules (PAGE_CODE, which assessment.js runs) are asked for at the same moment.
(() => {
  "use strict";
  const rubric = window.TF_RUBRIC; // its head (tf-rubric-head.js), loaded before this
  if (!rubric) return;
  const SCRIPTS = rubric.code; // the store, then the checklist
  const SAVED = rubric.storage; // the start of every key the store writes
  const INTENT = ".tf-stages, #tf-hint, .tf-assessment"; // where a move means "I am assessing"
  // A click, not a pointerdown: on a phone every scroll starts with a pointerdown on the text.
  const MOVES = ["click", "focusin", "keydown"];
  const here = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  const root = here ? new URL("../../", here.src).href : String(window.__md_scope || location);
  let state = "waiting"; // waiting, loading (or loaded: assessment.js takes every later page)

  // What each page that lists or edits saved answers runs after the checklist's code, in this
  // order ("rubric" is the whole rubric): assessment.js loads and runs them.
  const OVERVIEW = ["rubric", "overview"]; // what every page that lists all elements needs first
  const COPIES = "store-copies"; // the store's export, import, undo and snapshots
  /** @type {Record<string, string[]>} */
  const PAGE_CODE = {
    "tf-team": [...OVERVIEW, COPIES, "consensus"],
    "tf-shared": [...OVERVIEW, COPIES, "undo", "share"],
    "tf-dashboard": [...OVERVIEW, COPIES, "undo", "dashboard"],
    "tf-plan": [...OVERVIEW, "plan"],
    "tf-report": [...OVERVIEW, "plan", "report"],
  };
  // The dashboard's overview adds these parts: snapshots, a share link, targets. A first visit (one
  // assessment, nothing in it) shows the start guide instead, and does without them: three scripts,
  // 8 KB gzipped, of the 45 KB the dashboard otherwise loads.
  const OVERVIEW_PARTS = ["snapshots", "share", "actions"];
  /** @type {Record<string, string[]>} */
  const WITH_ANSWERS = { "tf-dashboard": OVERVIEW_PARTS };
  /**
   * The modules a page runs, in order; with what it draws only once something is assessed.
   * @param {string} page its root's id @param {boolean} answers
   */
  const modulesOf = (page, answers) =>
    Object.hasOwn(PAGE_CODE, page)
      ? [...PAGE_CODE[page], ...((answers && WITH_ANSWERS[page]) || [])]
      : [];
  /** @param {string} name a module's name in PAGE_CODE */
  const codeUrl = (name) =>
    new URL(name === "rubric" ? rubric.whole : `assets/js/${name}.js`, root).href;
  window.TF_CODE = {
    modules: modulesOf,
    overviewParts: OVERVIEW_PARTS,
    copies: COPIES,
    url: codeUrl,
  };

  // A page's modules requested with the checklist's code, not once it has run: one round trip
  // less before the page is drawn (where this browser holds answers, what they draw too).
  /** @param {string} page */
  function preload(page) {
    for (const name of modulesOf(page, savedHere())) {
      const link = document.createElement("link");
      link.rel = "preload";
      link.as = "script";
      link.href = codeUrl(name);
      document.head.append(link);
    }
  }

  function load() {
    if (state !== "waiting") return;
    state = "loading";
    stopWatching();
    for (const path of SCRIPTS) {
      const script = document.createElement("script");
      script.src = new URL(path, root).href;
      script.async = false; // run in order, as if written in the page
      // Offline or blocked: said where the ticking happens, and the next move tries again.
      script.addEventListener("error", () => {
        state = "waiting";
        sayNotLoaded();
        watch();
      });
      // Both arrived and ran (assessment.js sets window.TF): the warning, if any, is over.
      script.addEventListener("load", () => {
        const warning = document.getElementById("tf-not-loaded");
        if (warning && window.TF) warning.remove();
      });
      document.head.append(script);
    }
  }

  // A box ticked now would look saved and not be: the reader is told, until the code arrives.
  function sayNotLoaded() {
    const hint = document.getElementById("tf-hint");
    if (!hint || document.getElementById("tf-not-loaded")) return;
    const warning = document.createElement("p");
    warning.id = "tf-not-loaded";
    warning.className = "tf-a-warn";
    warning.setAttribute("role", "alert");
    warning.textContent =
      "The self-assessment could not be loaded, so ticks are not saved yet. Check your connection; it is tried again at your next tick.";
    hint.after(warning);
  }

  /** @param {Storage} area */
  const holdsSaved = (area) => {
    for (let i = 0; i < area.length; i++) if ((area.key(i) || "").startsWith(SAVED)) return true;
    return false;
  };
  function savedHere() {
    try {
      return holdsSaved(localStorage) || holdsSaved(sessionStorage);
    } catch {
      return true; // storage blocked: the store finds out what that means, and says so
    }
  }
  // A shared link to "#tf-your-assessment" and the like: the checklist must exist to be scrolled to.
  function addressNamesChecklist() {
    let id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      /* a malformed escape: the address as typed */
    }
    return id.startsWith("tf-") && !document.getElementById(id);
  }

  /** @param {Event} event */
  const onMove = (event) => {
    if (event.target instanceof Element && event.target.closest(INTENT)) load();
  };
  /** @param {StorageEvent} event */
  const onStorage = (event) => {
    if (event.key === null || event.key.startsWith(SAVED)) load();
  };
  /** @type {IntersectionObserver | null} */
  let near = null;
  function watch() {
    stopWatching(); // once per page, however often a failed load re-arms it
    const mount = document.querySelector(".tf-assessment[data-element]");
    if (!mount) return;
    for (const type of MOVES) document.addEventListener(type, onMove, true);
    window.addEventListener("storage", onStorage);
    if ("IntersectionObserver" in window) {
      // A quarter screen ahead: mostly drawn before it is seen, in the room the page keeps for it.
      // (On a phone it is 2.5 to 4 screens down; on a 1280 px laptop 1.1 to 2; at 1920 px in view.)
      near = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) load();
        },
        { rootMargin: "0px 0px 25% 0px" },
      );
      near.observe(mount);
    }
  }
  function stopWatching() {
    for (const type of MOVES) document.removeEventListener(type, onMove, true);
    window.removeEventListener("storage", onStorage);
    if (near) near.disconnect();
    near = null;
  }

  // Every page view, Material's instant navigation included.
  function decide() {
    if (state !== "waiting") return;
    stopWatching();
    const page = document.querySelector("[data-tf-page]");
    if (page) {
      load();
      preload(page.id);
    } else if (document.querySelector(".tf-assessment[data-element]")) {
      if (savedHere() || addressNamesChecklist()) load();
      else watch();
    }
  }
  if (window.document$) window.document$.subscribe(decide);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", decide);
  else decide();
})();

// The site's one loader of its own code: when the self-assessment's code (the store, then the
// checklist: rubric.code) loads, and the modules each page asks for on demand (need). Classic
// scripts, not ES modules: Chromium refuses module scripts from file://, where the offline edition
// is opened, so each file registers on a global (window.TF_*) instead of exporting.
// Most readers of an element page never assess, so an element page loads it only when it has work
// to do:
//   - at once where this browser holds anything this site saved (answers to show, a session-only
//     mode every tab must share), or where the address names a part of the checklist;
//   - else at the reader's first move toward it: a tick or a key in the stages (the boxes are in the
//     page, and a tick made before the code arrives is saved when it does), coming near "Your
//     self-assessment", or another tab of the site saving something.
// The pages that list or edit saved answers (dashboard, team, plan, report, shared) load it at once,
// and their own modules (PAGE_CODE, which assessment.js runs) are asked for at the same moment.
// Two of them start with a view written into the page at build time ([data-tf-waits]), and where
// this browser holds nothing their code waits as an element page's does, so that the page is
// ready to read before it: the dashboard's first visit, its start guide (until a move in the page,
// or its tools below the guide come near; on a phone they are a screen down), and team consensus,
// its file picker (until a move in the page, or files dragged onto it).
(() => {
  "use strict";
  const rubric = window.TF_RUBRIC; // its head (tf-rubric-head.js), loaded before this
  if (!rubric) return;
  const SCRIPTS = rubric.code; // the store, then the checklist
  const SAVED = rubric.storage; // the start of every key the store writes
  const INTENT = ".tf-stages, #tf-hint, .tf-assessment, [data-tf-page]"; // a move means "I assess"
  // What the code draws, where it can wait for the reader to come near: an element page's checklist,
  // the place of the dashboard's tools below its start guide.
  const CHECKLIST = ".tf-assessment[data-element]"; // an element page's, drawn by the code
  const NEAR = `${CHECKLIST}, [data-tf-tools]`;
  // Where a page that waits says that its code could not be loaded.
  const SAY_AFTER = "#tf-hint, [data-tf-tools], .tf-t-load";
  // A click, not a pointerdown: on a phone every scroll starts with a pointerdown on the text.
  // A change: files chosen in a waiting page's picker, however they were chosen.
  const MOVES = ["click", "focusin", "keydown", "change"];
  const here = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  const root = here ? new URL("../../", here.src).href : String(window.__md_scope || location);
  let state = "waiting"; // waiting, loading (or loaded: assessment.js takes every later page)

  // What each page that lists or edits saved answers runs after the checklist's code, in order,
  // and what it adds once something is assessed: the manifest checklist.py writes (PAGE_CODE,
  // WITH_ANSWERS). assessment.js loads and runs them.
  const { pages: PAGE_CODE, withAnswers: WITH_ANSWERS, copies: COPIES } = rubric.modules;
  const OVERVIEW_PARTS = WITH_ANSWERS["tf-dashboard"] || []; // the dashboard's overview's parts
  /**
   * The modules a page runs, in order; with what it draws only once something is assessed.
   * @param {string} page its root's id @param {boolean} answers
   */
  const modulesOf = (page, answers) =>
    Object.hasOwn(PAGE_CODE, page)
      ? [
          ...PAGE_CODE[page],
          ...((answers && Object.hasOwn(WITH_ANSWERS, page) && WITH_ANSWERS[page]) || []),
        ]
      : [];
  /** @param {string} name a module's name in PAGE_CODE */
  const codeUrl = (name) =>
    new URL(name === "rubric" ? rubric.whole : `assets/js/${name}.js`, root).href;
  // The modules a page asks for once the checklist's code runs (assessment.js and the pages' own
  // code): they download in parallel and run in the order asked for (async = false), the whole
  // rubric, then listing.js, then the page's modules. Keeping element pages light.
  /** @type {Record<string, Promise<void>>} */
  const asked = {};
  const ran = new Set();
  /** A module, loaded once; a failed load is forgotten, so that asking again tries again.
   * @param {string} name @returns {Promise<void>} */
  const need = (name) =>
    (asked[name] =
      asked[name] ||
      new Promise((ok, fail) => {
        const script = document.createElement("script");
        script.src = codeUrl(name);
        script.addEventListener("load", ok);
        script.addEventListener("error", fail);
        script.async = false;
        document.head.append(script);
      }).then(
        () => {
          ran.add(name);
        },
        (err) => {
          delete asked[name];
          throw err;
        },
      ));
  // Ticks made before the checklist's code has bound the boxes: kept in this tab's sessionStorage
  // until that code saves them (takeTicks), so a link followed meanwhile loses none. The key starts
  // as the store's do: the next page, finding it, loads the code at once.
  const TICKS = SAVED + "pending-ticks:" + new URL(root).pathname;
  /** @type {Element | null} the checklist whose boxes the code listens to */
  let bound = null;
  /** @returns {{ i: string, e: string, s: string, on: boolean }[]} */
  function pendingTicks() {
    try {
      const list = JSON.parse(sessionStorage.getItem(TICKS) || "[]");
      return Array.isArray(list)
        ? list.filter(
            (t) =>
              t &&
              typeof t.i === "string" &&
              typeof t.e === "string" &&
              typeof t.s === "string" &&
              typeof t.on === "boolean",
          )
        : [];
    } catch {
      return []; // storage blocked or an unreadable list: the ticks stay in the page
    }
  }
  /** @param {Event} event */
  function onTick(event) {
    const box = event.target,
      mount = document.querySelector(CHECKLIST);
    if (!(box instanceof HTMLInputElement) || !(mount instanceof HTMLElement)) return;
    const li = box.closest("li[data-indicator]");
    if (!(li instanceof HTMLElement) || !box.matches(".tf-check") || mount === bound) return;
    const i = li.dataset.indicator || "",
      e = mount.dataset.element || "",
      s = mount.dataset.sig || "";
    const list = pendingTicks().filter((t) => t.i !== i);
    list.push({ i, e, s, on: box.checked });
    try {
      sessionStorage.setItem(TICKS, JSON.stringify(list));
    } catch {
      /* storage blocked: nothing is kept past this page anyway */
    }
  }
  document.addEventListener("change", onTick, true);
  /** The ticks still to save, oldest first; taken once, as the checklist binds this page's boxes. */
  function takeTicks() {
    const list = pendingTicks();
    try {
      sessionStorage.removeItem(TICKS);
    } catch {
      /* nothing kept */
    }
    bound = document.querySelector(CHECKLIST);
    return list;
  }
  window.TF_CODE = {
    modules: modulesOf,
    overviewParts: OVERVIEW_PARTS,
    copies: COPIES,
    url: codeUrl,
    need,
    arrived: (name) => ran.has(name),
    takePending,
    takeTicks,
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

  let tries = 0; // only the latest try's failure counts: both of a try's scripts can fail
  function load() {
    if (state !== "waiting") return;
    state = "loading";
    stopWatching();
    const attempt = ++tries;
    const page = document.querySelector("[data-tf-page]");
    if (page && attempt === 1) preload(page.id);
    for (const path of SCRIPTS) {
      const script = document.createElement("script");
      script.src = new URL(path, root).href;
      script.async = false; // run in order, as if written in the page
      // Offline or blocked: said where the ticking happens, and the next move tries again.
      script.addEventListener("error", () => {
        if (attempt !== tries || state !== "loading") return;
        state = "waiting";
        sayNotLoaded();
        watch(false); // not as the tools come near: in view, they would ask again at every frame
      });
      // Both arrived and ran (assessment.js sets window.TF): the warning, if any, is over.
      script.addEventListener("load", () => {
        const warning = document.getElementById("tf-not-loaded");
        if (warning && window.TF) warning.remove();
      });
      document.head.append(script);
    }
  }

  // A box ticked now would look saved and not be, a button would do nothing: the reader is told,
  // until the code arrives.
  function sayNotLoaded() {
    const hint = document.querySelector(SAY_AFTER);
    if (!hint || document.getElementById("tf-not-loaded")) return;
    const warning = document.createElement("p");
    warning.id = "tf-not-loaded";
    warning.className = "tf-a-warn";
    warning.setAttribute("role", "alert");
    warning.textContent = hint.matches("#tf-hint")
      ? "The self-assessment could not be loaded, so ticks are not saved yet. Check your connection; it is tried again at your next tick."
      : "This page's code could not be loaded. Check your connection; it is tried again at your next click.";
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

  /** The event's target, or its nearest ancestor, that matches; null if none.
   * @param {Event} event @param {string} selector */
  const within = (event, selector) =>
    event.target instanceof Element ? event.target.closest(selector) : null;
  /** @param {Event} event */
  const onMove = (event) => {
    if (!within(event, INTENT)) return;
    // Following a link leaves (a click on one focuses it first): a citation in the stages.
    if (event.type !== "keydown" && within(event, "a[href]")) return;
    load();
  };
  /** @param {StorageEvent} event */
  const onStorage = (event) => {
    if (event.key === null || event.key.startsWith(SAVED)) load();
  };
  /** @type {IntersectionObserver | null} */
  let near = null;
  /** @param {boolean} nearToo whether coming near what the code draws loads it too */
  function watch(nearToo) {
    stopWatching(); // once per page, however often a failed load re-arms it
    for (const type of MOVES) document.addEventListener(type, onMove, true);
    window.addEventListener("storage", onStorage);
    const mount = nearToo && document.querySelector(NEAR);
    if (mount && "IntersectionObserver" in window) {
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

  // What the reader asked of a waiting page before its code could act on it: the button clicked
  // (the start guide's "Import a file"), the files dropped (team consensus). The page's code takes
  // it once drawn, and does what was asked.
  /** @type {{ clicked: string, dropped: File[] }} */
  let pending = { clicked: "", dropped: [] };
  /** @param {Event} event */
  const onClick = (event) => {
    const target = within(event, "[data-tf-page] button[id]");
    if (target) pending.clicked = target.id;
  };
  // Files dragged onto a page that takes them: left to the browser, a drop would open the file in
  // place of the site.
  /** @param {Event} event */
  const onDrag = (event) => {
    if (!within(event, "[data-tf-drop]")) return;
    event.preventDefault();
    if (event instanceof DragEvent && event.type === "drop" && event.dataTransfer)
      pending.dropped.push(...event.dataTransfer.files);
    load();
  };
  /** @param {boolean} on */
  function recordPending(on) {
    const listen = on ? document.addEventListener : document.removeEventListener;
    listen.call(document, "click", onClick, true);
    for (const type of ["dragover", "drop"]) listen.call(document, type, onDrag, true);
  }
  /** What was asked while the code was on its way; taken once, when the page is drawn. */
  function takePending() {
    recordPending(false);
    const taken = pending;
    pending = { clicked: "", dropped: [] };
    return taken;
  }

  // The dashboard's tools moved to the pages beside it: an address naming one of them
  // (`/self-assessment/#tf-storage`, in bookmarks, the privacy page, older links) leads there,
  // anchor kept.
  /** @type {[page: "data" | "plan", anchors: string[]][]} */
  const MOVED = [
    ["data", ["tf-backup", "tf-import", "tf-storage", "tf-share", "tf-snapshots"]],
    ["data", ["tf-snapshot-list", "tf-history", "tf-history-title", "tf-compare", "tf-comparison"]],
    ["plan", ["tf-targets"]],
  ];
  /** @param {Element | null} page @returns {boolean} whether the page is being left for another */
  function followMoved(page) {
    const id = location.hash.slice(1);
    if (!page || page.id !== "tf-dashboard" || !id || document.getElementById(id)) return false;
    const moved = MOVED.find(([, anchors]) => anchors.includes(id));
    if (!moved || !rubric) return false;
    location.replace(new URL(rubric.pages[moved[0]], root).href + location.hash);
    return true;
  }

  // Every page view, Material's instant navigation included.
  function decide() {
    if (followMoved(document.querySelector("[data-tf-page]"))) return;
    takePending(); // what was asked of an earlier page is not this page's
    const page = document.querySelector("[data-tf-page]");
    const waits = page
      ? page.hasAttribute("data-tf-waits")
      : Boolean(document.querySelector(CHECKLIST));
    // Kept until the page's code takes it, whether that code waits, is on its way from an earlier
    // page, or is here and about to draw.
    if (page && waits) recordPending(true);
    if (state !== "waiting") return;
    stopWatching();
    if (!waits) {
      if (page) load();
    } else if (savedHere() || addressNamesChecklist()) load();
    else watch(true);
  }
  // A jump within the dashboard to a tool's old anchor leads there too.
  window.addEventListener("hashchange", () =>
    followMoved(document.querySelector("[data-tf-page]")),
  );
  if (window.document$) window.document$.subscribe(decide);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", decide);
  else decide();
})();

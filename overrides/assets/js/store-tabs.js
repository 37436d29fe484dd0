// Where the saved self-assessment lives, and how tabs share it: the storage areas (localStorage,
// or sessionStorage in session-only mode, or memory where storage is blocked), the session-only
// flag every tab follows, messages between tabs, and unreadable data set aside, never overwritten.
// The document's format is store-format.js's; store.js offers the API pages use.

/* exported openStoreTabs */
/* global openStoreUndo, adoptFolderKeys */

/**
 * @param {ReturnType<typeof openStoreFormat>} format
 * @param {{ storage: string }} rubric
 * @param {string} root the site's root URL (the key is scoped by its path, like Material's own)
 */
// eslint-disable-next-line max-lines-per-function -- a module wrapper: this file's scope
function openStoreTabs(format, rubric, root) {
  "use strict";
  const {
    isObj,
    isName,
    isClock,
    parse,
    emptyDocument,
    mergeDocuments,
    randomId,
    addAssessment,
    untouched,
    fit,
  } = format;
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
  /** @param {Storage} area @returns {boolean} whether reading it throws now */
  const blocked = (area) => {
    try {
      area.getItem(KEY);
      return false;
    } catch {
      return true;
    }
  };
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
  let failed = false, // the last write failed: `cause` says why
    /** @type {FailCause} */
    cause = "",
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

  // Typed text waits for a pause before it is saved (see `changed`).
  const TYPING_PAUSE = 300, // ms without a key
    TYPING_MAX = 3000; // ms of typing without a pause
  /** @type {ReturnType<typeof setTimeout> | 0} */
  let soon = 0,
    since = 0;
  // Why a write failed, so that no message blames full storage for what it did not do.
  /** @param {unknown} e what setItem threw @returns {FailCause} */
  const causeOf = (e) =>
    e instanceof DOMException &&
    (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED")
      ? "full"
      : "refused";

  /** @type {StoredDocument} */
  let doc = emptyDocument();
  let stuck = false; // unreadable data sits in the main key and could not be moved aside
  // How many times this tab dropped its document (a wipe here or heard of, a session's start or
  // end): a field bound before then is bound to a record that is gone, whatever its id.
  let wipes = 0;
  // The stored string `doc` already holds (read and merged, or written by this tab), and its area:
  // while storage still holds it, no write or catch-up reads, checks and merges it again, so a
  // change costs the same whatever the document's size. Forgotten whenever `doc` is replaced.
  /** @type {{ area: Storage | null, raw: string } | null} */
  let seen = null;
  /** @param {string | null} raw */
  const known = (raw) => raw != null && !!seen && seen.area === area && seen.raw === raw;
  /** @param {string | null} raw */
  const remember = (raw) => {
    seen = raw == null ? null : { area, raw };
  };
  // Drops this tab's document: fields bound before see `wipes` move, and no undo copy outlives it.
  function dropDocument() {
    doc = emptyDocument();
    wipes++;
    seen = null;
    dropUndo();
  }
  {
    const raw = rawIn(area);
    const found = parse(raw);
    if (found) {
      doc = found;
      remember(raw);
    } else if (raw != null && area) stuck = !setAside(area, raw);
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

  const serialized = () => {
    fit(doc);
    /** @type {Record<string, Assessment>} */
    const list = {};
    for (const id of Object.keys(doc.list))
      if (!untouched(doc.list[id]))
        Object.defineProperty(list, id, { value: doc.list[id], enumerable: true });
    return JSON.stringify({ ...doc, list });
  };
  function save() {
    clearTimeout(soon);
    soon = 0;
    if (!area) return;
    try {
      const raw = area.getItem(KEY);
      if (raw != null && !known(raw)) {
        const stored = parse(raw);
        if (stored) doc = mergeDocuments(stored, doc);
        else if (!setAside(area, raw)) {
          stuck = true;
          failed = true;
          cause = "stuck";
          return;
        }
      }
      const text = serialized();
      // The last guard: what this store would refuse to read is never written.
      if (!parse(text)) {
        failed = true;
        cause = "unreadable";
        return;
      }
      area.setItem(KEY, text);
      remember(text);
      failed = full = stuck = false;
      cause = "";
    } catch (e) {
      failed = true;
      cause = causeOf(e);
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
  // Text being typed (`typing`) is shown at once and saved once typing pauses: a key then costs the
  // same at any document size, where writing the whole document costs ~100 ms at 2.5 MB. Any other
  // change, leaving or hiding the page, and another tab's write save it at once.
  /** @param {boolean} [typing] */
  function changed(typing) {
    if (batching) {
      pending = true;
      return;
    }
    if (typing) {
      clearTimeout(soon);
      if (!since) since = Date.now();
      // While typing goes on, it is saved at least every few seconds.
      soon = setTimeout(flush, Date.now() - since > TYPING_MAX ? 0 : TYPING_PAUSE);
      notify("local");
      return;
    }
    save();
    since = 0;
    tellSessionTabs();
    notify("local");
  }
  // Typed text not saved yet is saved now; views redraw only if that changed what they say.
  function flush() {
    if (!soon) return;
    const was = failed;
    save();
    since = 0;
    tellSessionTabs();
    if (failed || was) notify("local");
  }
  window.addEventListener("pagehide", flush);
  if (typeof document.addEventListener === "function")
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") flush();
    });
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
    if (raw == null) {
      dropDocument(); // wiped elsewhere: drop ours too, never resurrect it
    } else if (known(raw))
      return; // this tab's own write, or one it has merged
    else {
      const incoming = parse(raw);
      if (!incoming) {
        // Unreadable data from another tab (another version?): set it aside, then keep ours saved.
        save();
        notify("other-tab");
        return;
      }
      doc = mergeDocuments(incoming, doc);
      remember(raw);
      if (soon || serialized() !== raw) save();
    }
    notify("other-tab");
  });

  // Session-only mode turned on, wiped or stopped in another tab.
  window.addEventListener("storage", (ev) => {
    if ((ev.key === FLAG || ev.key === null) && ev.storageArea === local) followFlag();
  });
  function followFlag() {
    if (soon && mode === "local") save(); // typed text goes where it was typed, before any switch
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
      dropDocument();
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
    const raw = rawIn(local);
    if (known(raw)) return;
    if (raw == null && seen && local && !blocked(local)) {
      // Wiped elsewhere (its storage event still on its way): drop ours too, never write it back.
      dropDocument();
      return;
    }
    const stored = parse(raw);
    if (stored) {
      doc = mergeDocuments(stored, doc);
      remember(raw);
    }
  }

  // --- undo copies (store-undo.js): every wipe below drops them -------------------------------------
  const { undoOffers, keepUndo, takeUndo, dropUndo } = openStoreUndo(
    format,
    session,
    KEY,
    () => ({
      mode,
      gen: mode === "session" && flag ? flag.gen : "",
    }),
    notify,
    (id, created) => format.own(doc.list, id) && doc.list[id].created[0] === created,
  );

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
    dropDocument();
    addAssessment(doc, "This session");
    changed();
  }
  // This tab's session joins the answers saved in this browser (each session tab does the same).
  function leaveSession() {
    const mine = doc;
    mode = "local";
    area = local;
    doc = mergeDocuments(parse(rawIn(local)) || emptyDocument(), mine);
    seen = null;
    flag = null;
    dropSessionCopy();
    dropUndo();
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
    clearTimeout(soon); // typed text waiting to be saved is wiped with the rest
    soon = 0;
    if (local) {
      try {
        for (const k of setAsideKeysIn(local)) local.removeItem(k);
        local.removeItem(KEY);
        mode = "local";
        area = local;
        stuck = full = failed = false;
        cause = "";
      } catch {
        /* blocked: nothing stored */
      }
    }
    dropDocument();
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
    dropDocument();
    addAssessment(doc, "This session");
    changed();
  }

  if (offline && mode === "local" && !stuck && local)
    adoptFolderKeys(format, local, VERSIONED, doc, () => {
      save();
      return !failed;
    });

  return {
    KEY,
    /** the document as it stands (it is replaced on merges: never keep it) */
    doc: () => doc,
    can: { local: !!local, session: !!session },
    subscribe,
    batch,
    changed,
    /** How storage stands, for the warnings the pages show. */
    status: () => ({
      mode,
      failed,
      cause, // why the last write failed: "full", "refused" (by the browser), "unreadable", "stuck"
      full,
      stuck,
      persisted,
      setAside: setAsideKeys(),
      // every copy of data this version cannot read: set aside, or still in the main key (stuck)
      unreadable: stuck ? [...setAsideKeys(), KEY] : setAsideKeys(),
      // when session-only mode started for every tab (0: unknown), or null when off
      sessionSince: mode === "session" && flag ? flag.since : null,
    }),
    /** @param {string} key @returns {string | null} unreadable data, to save as a file */
    setAsideCopy: (key) => {
      try {
        const held = stuck ? [...setAsideKeys(), KEY] : setAsideKeys();
        return area && held.includes(key) ? area.getItem(key) : null;
      } catch {
        return null;
      }
    },
    catchUp,
    wipes: () => wipes,
    startSession,
    stopSession,
    wipeAll,
    wipeSession,
    undoOffers,
    keepUndo,
    takeUndo,
  };
}

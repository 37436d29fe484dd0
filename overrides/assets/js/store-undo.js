// Undo's copies: what a destructive action took away, kept for a few minutes so it can be put back.
// The store owns them (store-tabs.js calls dropUndo at every wipe, in every tab that hears of it);
// store-copies.js puts a copy back; undo.js only draws the offers.

/* exported openStoreUndo */

/**
 * @param {ReturnType<typeof openStoreFormat>} format
 * @param {Storage | null} session this tab's sessionStorage (no other tab reads it)
 * @param {string} key the store's key: the copies live beside it
 * @param {() => { mode: string, gen: string }} where the storage mode and session-only generation now
 * @param {(source: ChangeSource) => void} notify tells the pages the offers changed
 * @param {(id: string, created: unknown) => boolean} held whether the saved document holds a
 *   record (live or deleted) of this assessment, created at that moment
 */
function openStoreUndo(format, session, key, where, notify, held) {
  "use strict";
  const { isObj, isName, isClock, randomId, now } = format;
  // Copies taken before a destructive action, kept for a few minutes in this tab's sessionStorage
  // (no other tab reads it), so Undo survives this tab's page loads. The store owns them so that
  // every wipe drops them in every tab: a wipe or "Delete everything" here or in another tab, and
  // the start or end of session-only mode. Each copy names the mode and session it was taken in; a
  // copy of another one (a tab restored after closing) is dropped when read.
  const UNDO = key + "#undo",
    UNDO_KEPT = 10; // the newest copies; the oldest goes (its Undo with it) when an 11th comes
  /** @type {UndoOffer[]} read as data: a wrong shape is dropped; copies are checked when put back */
  let offers = [];
  try {
    const saved = JSON.parse((session && session.getItem(UNDO)) || "[]");
    offers = (Array.isArray(saved) ? saved : []).filter(
      (x) =>
        isObj(x) &&
        isName(x.id) &&
        ["text", "done"].every((k) => typeof x[k] === "string") &&
        isClock(x.until) &&
        isClock(x.at) &&
        (x.list === undefined || Array.isArray(x.list)) &&
        (x.snapshot === undefined || Array.isArray(x.snapshot)),
    );
  } catch {
    /* nothing to offer */
  }
  function keepOffers() {
    try {
      if (offers.length) session && session.setItem(UNDO, JSON.stringify(offers));
      else if (session) session.removeItem(UNDO);
    } catch {
      /* full: the copies last while this page does */
    }
  }
  /** @returns {UndoOffer[]} the copies still on offer, newest first */
  function undoOffers() {
    const live = offers.filter(
      (o) => o.until > Date.now() && o.mode === where().mode && o.gen === where().gen,
    );
    if (live.length !== offers.length) {
      offers = live;
      keepOffers();
    }
    return [...offers].reverse();
  }
  /**
   * Keeps a copy, stamped just after the action it undoes (call it once the action is done).
   * @param {Omit<UndoOffer, "id" | "until" | "at" | "mode" | "gen">} what
   */
  function keepUndo(what) {
    const at = now();
    const until = Date.now() + 5 * 60000; // five minutes, as the dialogs promise
    const o = { ...what, id: randomId(), until, at, ...where() };
    offers = [...undoOffers().reverse(), o].slice(-UNDO_KEPT);
    keepOffers();
    notify("local");
  }
  /** @param {string} id @returns {UndoOffer | null} the copy, no longer on offer */
  function takeUndo(id) {
    const o = undoOffers().find((x) => x.id === id) || null;
    if (o) {
      offers = offers.filter((x) => x !== o);
      keepOffers();
    }
    return o;
  }
  // Every wipe ends here, in the tab that wipes and in every tab that hears of it.
  function dropUndo() {
    offers = [];
    keepOffers();
  }
  undoOffers(); // another mode's or session's copies (a tab restored after closing) go now
  // A wipe in another tab while this one was away (on another site, between two pages) reached
  // no store here: the saved document then holds no record of the assessments a copy brings
  // back (a deletion leaves a marker, a replaced one is live). Such copies go too. "Delete
  // everything" undone in the tab that did it is the one offer of what the document lacks.
  const lost = offers.filter(
    (o) =>
      o.mode === "local" &&
      !o.everything &&
      Array.isArray(o.list) &&
      o.list.length > 0 &&
      !o.list.some(
        (c) => isObj(c) && isName(c.id) && Array.isArray(c.created) && held(c.id, c.created[0]),
      ),
  );
  if (lost.length) {
    offers = offers.filter((o) => !lost.includes(o));
    keepOffers();
  }

  return { undoOffers, keepUndo, takeUndo, dropUndo };
}

// Undo for the last destructive action (deleting an assessment or a snapshot, deleting
// everything, replacing on import): offered for a few minutes in this tab, across its page loads.
// The copy waits in this tab's sessionStorage, which no other tab reads, and goes when used, when
// the time is up, at any wipe, or when the storage mode changes. Loaded where those actions are.
(() => {
  "use strict";
  if (!window.TF || window.TF.core.undo) return;
  const { core } = window.TF;
  // store-copies.js loads before this module (PAGE_CODE): the store has its part.
  const store = /** @type {TFStoreWithCopies} */ (core.store);
  const MINUTES = 5;
  /**
   * @typedef {{ text: string, done: string, until: number, mode: string,
   *   list?: unknown[], select?: string, snapshot?: [string, string, unknown] }} Offer
   */
  /** @type {Offer | null} */
  let offer = null,
    timer = 0;

  const keep = () => {
    try {
      if (offer) sessionStorage.setItem(core.UNDO_KEY, JSON.stringify(offer));
      else sessionStorage.removeItem(core.UNDO_KEY);
    } catch {
      /* blocked or full: the offer lasts while this page does */
    }
  };
  function arm() {
    clearTimeout(timer);
    if (offer) timer = setTimeout(expire, Math.max(0, offer.until - Date.now()));
  }
  function expire() {
    offer = null;
    keep();
    core.refresh();
  }
  // Written by this site in this tab, but still read as data: a wrong shape is dropped, and the
  // store reads the copies as strictly as saved data.
  try {
    const saved = JSON.parse(sessionStorage.getItem(core.UNDO_KEY) || "null");
    if (
      store.isObj(saved) &&
      typeof saved.text === "string" &&
      typeof saved.done === "string" &&
      typeof saved.until === "number" &&
      saved.until > Date.now() &&
      saved.mode === store.status().mode &&
      (saved.list === undefined || Array.isArray(saved.list)) &&
      (saved.snapshot === undefined || Array.isArray(saved.snapshot))
    ) {
      offer = /** @type {Offer} */ (saved);
      arm();
    } else if (saved) sessionStorage.removeItem(core.UNDO_KEY);
  } catch {
    /* nothing to offer */
  }
  // Another storage mode (session-only started or stopped): the copy belongs to the old one.
  store.subscribe(() => {
    if (offer && offer.mode !== store.status().mode) core.dropUndo();
  });

  function run() {
    if (!offer) return;
    const { list, select, snapshot, done } = offer;
    offer = null;
    keep();
    arm();
    core.setMessage(done);
    if (!snapshot) store.restore(list || [], select);
    else if (!store.restoreSnapshot(...snapshot))
      core.say("The assessment is gone: the snapshot cannot come back.", true);
  }

  core.undo = {
    /** @param {Omit<Offer, "until" | "mode">} what replaces any earlier offer */
    offer(what) {
      offer = { ...what, until: Date.now() + MINUTES * 60000, mode: store.status().mode };
      keep();
      arm();
    },
    forget() {
      offer = null;
      clearTimeout(timer);
    },
    bar: () =>
      offer &&
      core.make(
        "p",
        { class: "tf-d-undo", id: "tf-undo" },
        `${offer.text} `,
        core.button("Undo", run, "undo"),
        ` (for ${MINUTES} minutes, in this tab)`,
      ),
  };
})();

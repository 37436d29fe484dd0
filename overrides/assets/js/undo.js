// Undo for destructive actions (deleting an assessment or a snapshot, deleting everything,
// replacing on import): each offered for a few minutes in this tab, across its page loads, every
// one on its own line. The copies are the store's (store-tabs.js keeps them in this tab's
// sessionStorage and drops them at any wipe, in every tab); this file only draws them and puts one
// back when asked. Loaded where those actions are.
(() => {
  "use strict";
  if (!window.TF || window.TF.core.undo) return;
  const { core } = window.TF;
  // store-copies.js loads before this module (PAGE_CODE): the store has its part.
  const store = /** @type {TFStoreWithCopies} */ (core.store);
  let timer = 0;

  // Redraw when the next offer runs out (the store no longer lists it by then).
  /** @param {UndoOffer[]} offers */
  function arm(offers) {
    clearTimeout(timer);
    if (offers.length)
      timer = setTimeout(
        () => core.refresh(),
        Math.max(0, Math.min(...offers.map((o) => o.until)) - Date.now()),
      );
  }
  // What was written after the action (here or in another tab) is kept: the store merges.
  /** @param {string} id */
  function run(id) {
    const o = store.takeUndo(id);
    if (!o) return;
    core.setMessage(o.done);
    if (!o.snapshot) {
      const copies = o.list || [];
      if (!store.restore(copies, o.select, o.at) && copies.length)
        core.say("Nothing was put back: it was deleted again since, or there is no room.", true);
    } else if (!store.restoreSnapshot(...o.snapshot))
      core.say("The assessment is gone: the snapshot cannot come back.", true);
    else core.refresh();
  }
  /** @param {number} until */
  const clock = (until) =>
    new Date(until).toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });

  core.undo = {
    // One line per offer, newest first, each saying until when it holds.
    bar() {
      const offers = store.undoOffers();
      arm(offers);
      if (!offers.length) return null;
      return core.make(
        "ul",
        { class: "tf-d-undo", id: "tf-undo" },
        offers.map((o) => {
          const undo = core.button("Undo", () => run(o.id), `undo-${o.id}`);
          undo.setAttribute("aria-describedby", `tf-undo-${o.id}`); // which one, when several
          return core.make(
            "li",
            {},
            core.make("span", { id: `tf-undo-${o.id}` }, o.text),
            " ",
            undo,
            ` (until ${clock(o.until)}, in this tab)`,
          );
        }),
      );
    },
  };
})();

// Editors bound to the record they were opened for: the notes on an element page's checklist
// (another tab's change to the same notes is shown, never overwritten), and every other field a
// reader types into (bindEditor): target, actions, the report's names. Text typed for a record
// that another tab deleted is never written elsewhere: it stays on the page, with a Copy button.
/* exported bindNotes, bindEditor */

// The notes box, while focused, is bound to the assessment it was opened for: another tab may
// switch, create or delete assessments meanwhile. Another tab's change to the same notes is
// shown; where both sides changed, both texts are kept and the user is told.
/**
 * @param {HTMLTextAreaElement} box @param {{ id: string, sig: string, title?: string }} e its element
 * @param {HTMLElement} status where the box's warnings go
 * @param {TFCoreSoFar} core what assessment.js offers the modules (window.TF.core)
 */
function bindNotes(box, e, status, core) {
  "use strict";
  const { store, current, make, replaceIfChanged, refresh } = core;
  /** @type {{ id: string, wipes: number, name: string, base: string } | null} the assessment, its notes as last seen stored */
  let edit = null,
    conflict = false;
  // The assessment edited, or null once it is deleted (or wiped: the placeholder that follows may
  // reuse its id).
  const edited = () => {
    const a = edit && store.byId(edit.id);
    return a && edit && store.wipes() === edit.wipes ? a : null;
  };
  // The notes of the assessment edited as stored now, or null once it is deleted.
  const stored = () => {
    store.catchUp();
    const a = edited();
    return a ? store.notesOf(a, e.id) : null;
  };
  // Mine stays first, so the caret stays where it was; taking theirs whole, an end stays the end.
  /** @param {string} text @param {boolean} [whole] */
  const replace = (text, whole) => {
    const at = whole && box.selectionStart === box.value.length ? text.length : box.selectionStart;
    box.value = text;
    box.setSelectionRange(Math.min(at, text.length), Math.min(at, text.length));
  };
  /** @param {string} mine @param {string} theirs */
  const both = (mine, theirs) => `${mine}\n\n— Also written in another tab —\n${theirs}`;
  function write() {
    if (!edit) return;
    const theirs = stored();
    if (theirs == null) return draw(); // deleted meanwhile: nothing to write to
    if (theirs !== edit.base && theirs !== box.value) {
      replace(both(box.value, theirs));
      conflict = true;
    }
    edit.base = box.value;
    store.setElementField(edit.id, e, "n", box.value);
  }
  function draw() {
    replaceIfChanged(status, boundText(make, edit, edited()), conflict && conflictText(make));
  }
  box.addEventListener("focus", () => {
    const a = current();
    edit = {
      id: a.id,
      wipes: store.wipes(),
      name: store.nameOf(a),
      base: store.notesOf(a, e.id),
    };
    conflict = false;
  });
  box.addEventListener("input", write);
  box.addEventListener("blur", () => {
    if (edit && stored() == null && box.value !== edit.base)
      keepLost(box, `Your notes on ${e.title || "this element"}`, edit.name, box.value, make);
    edit = null;
    refresh();
  });
  return {
    // On every redraw: a box not being edited shows the current assessment's notes.
    /** @param {string} notes */
    sync(notes) {
      if (!edit) {
        if (box.value !== notes) box.value = notes;
        conflict = false;
      } else {
        const theirs = stored();
        if (theirs != null && theirs !== edit.base) {
          if (box.value === edit.base) replace(theirs, true);
          else {
            replace(both(box.value, theirs));
            conflict = true;
          }
          const changed = box.value !== theirs;
          edit.base = box.value; // before writing: the write redraws, and this runs again
          if (changed) store.setElementField(edit.id, e, "n", box.value);
        }
      }
      draw();
    },
  };
}

// Where the notes typed now go, when they cannot be saved: the assessment was deleted meanwhile.
// (Another tab's choice of assessment never changes this tab's: store.js keeps one per tab.)
/**
 * @param {TFCoreBase["make"]} make @param {{ id: string } | null} edit
 * @param {Assessment | null | undefined} a the assessment edited
 */
function boundText(make, edit, a) {
  "use strict";
  if (edit && !a)
    return make(
      "p",
      { class: "tf-a-warn", id: "tf-notes-bound", role: "alert" },
      "The assessment these notes belong to was deleted in another tab: what you type here is not saved. It stays on the page when you leave the box, ready to copy.",
    );
  return "";
}
/** @param {TFCoreBase["make"]} make */
function conflictText(make) {
  "use strict";
  return make(
    "p",
    { class: "tf-a-warn", id: "tf-notes-conflict", role: "alert" },
    "Another tab changed these notes while you were typing: both texts are kept in the box. Tidy them up as you wish.",
  );
}

// Any other editor, bound the same way: from focus to blur it writes to the record that was shown
// when it took the focus, whatever this or another tab shows meanwhile. When that record goes
// (deleted in another tab), nothing is written anywhere: the typed text is kept on the page.
/**
 * @param {TFEditorControl} control @param {TFEditorBinding} o how it is bound
 * @param {TFCoreSoFar} core what assessment.js offers the modules (window.TF.core)
 */
function bindEditor(control, o, core) {
  "use strict";
  const { store, make } = core;
  /** @type {{ id: string, wipes: number, name: string, typed: boolean, base: string | null } | null} */
  let bound = null;
  let stop = () => {};
  // The record is there, and is the one bound (a wipe's new placeholder may reuse an id).
  /** @param {string} id */
  const exists = (id) => o.exists(id) && (!bound || store.wipes() === bound.wipes);
  /** @param {string} id @returns {string | null} the field as stored now, when it can be read */
  const read = (id) => (o.read && exists(id) ? o.read(id) : null);
  // The record is gone: keep what was typed (a value never typed is nothing to lose). Another
  // tab changed the field: shown in the field while nothing is typed here, else kept beside it,
  // never overwritten without a word (the next key here replaces it).
  /** @param {ChangeSource} [source] */
  const lost = (source) => {
    if (!bound) return;
    if (bound.typed && !exists(bound.id))
      keepLost(control, o.what, bound.name, control.value, make);
    const theirs = read(bound.id);
    if (theirs == null || theirs === bound.base) return;
    if (source === "other-tab" && theirs !== control.value) {
      if (!bound.typed) control.value = theirs;
      else keepLost(control, o.what, bound.name, theirs, make, true);
    }
    bound.base = theirs;
  };
  control.addEventListener("focus", () => {
    const id = o.shown(),
      a = store.byId(id);
    bound = {
      id,
      wipes: store.wipes(),
      name: a ? store.nameOf(a) : "",
      typed: false,
      base: null,
    };
    bound.base = read(id);
    stop = store.subscribe(lost); // a redraw may take the control away: the text stays here
  });
  control.addEventListener("blur", () => {
    lost();
    stop();
    bound = null;
  });
  control.addEventListener(o.event, () => {
    const id = bound ? bound.id : o.shown();
    if (bound) bound.typed = true;
    if (exists(id)) o.write(id, control.value);
    else lost();
  });
}

// Text typed for a record another tab deleted, kept where the page's answers are drawn (outside
// every redraw) with a Copy button, until the reader dismisses it or leaves the page.
/**
 * @param {Element} control the field it was typed in @param {string} what the field, for people
 * @param {string} name the deleted record's name @param {string} text @param {any} make
 * @param {boolean} [theirs] the text is another tab's, which the next key here replaces
 */
function keepLost(control, what, name, text, make, theirs) {
  "use strict";
  const id = (theirs ? "tf-theirs-" : "tf-lost-") + (control.id || "field");
  const found = document.getElementById(id),
    shown = found && found.querySelector("textarea");
  if (shown) {
    shown.value = text; // kept as it is now: the reader may go on typing in the field
    return;
  }
  // Dismissed: offered again only once the text changes.
  if (!(control instanceof HTMLElement) || control.dataset.lostDismissed === text) return;
  const anchor =
    control.closest(".tf-assessment, [data-tf-page]") ||
    document.querySelector(".tf-assessment, [data-tf-page]");
  if (!anchor || !anchor.parentNode) return;
  const notice = make("div", { class: "tf-a-warn tf-lost", id, role: "alert" });
  const kept = make("textarea", { readonly: true, rows: 3, "aria-label": "The text not saved" });
  kept.value = text;
  const copied = make("span", { "aria-live": "polite" });
  const copy = make("button", { type: "button", class: "tf-btn tf-btn--small" }, "Copy the text");
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(kept.value);
      copied.textContent = " Copied.";
    } catch {
      kept.select(); // the browser refused: selected, ready for Ctrl+C
      copied.textContent = " Selected: press Ctrl+C (⌘C) to copy it.";
    }
  });
  const dismiss = make("button", { type: "button", class: "tf-btn tf-btn--small" }, "Dismiss");
  dismiss.addEventListener("click", () => {
    control.dataset.lostDismissed = kept.value;
    notice.remove();
  });
  notice.append(
    make(
      "p",
      {},
      ...(theirs
        ? [
            make("strong", {}, "Changed in another tab: "),
            `${what} of “${name}” was changed in another tab while you were typing here. What you type replaces it; its text is kept here: copy it before you leave this page if it should stay.`,
          ]
        : [
            make("strong", {}, "Not saved: "),
            `This text was typed into ${what[0].toLowerCase() + what.slice(1)} for “${name}”, which another tab deleted. It is kept here, not written into any other assessment; copy it before you leave this page.`,
          ]),
    ),
    kept,
    make("p", {}, copy, " ", dismiss, copied),
  );
  anchor.before(notice);
}

// The notes on an element page's checklist: the box stays bound to the assessment it was opened
// for, and another tab's change to the same notes is shown, never overwritten.
/* exported bindNotes */

// The notes box, while focused, is bound to the assessment it was opened for: another tab may
// switch, create or delete assessments meanwhile. Another tab's change to the same notes is
// shown; where both sides changed, both texts are kept and the user is told.
/**
 * @param {HTMLTextAreaElement} box @param {{ id: string, sig: string }} e its element
 * @param {HTMLElement} status where the box's warnings go
 * @param {TFCoreSoFar} core what assessment.js offers the modules (window.TF.core)
 */
function bindNotes(box, e, status, core) {
  "use strict";
  const { store, current, make, replaceIfChanged, refresh } = core;
  /** @type {{ id: string, base: string } | null} the assessment, its notes as last seen stored */
  let edit = null,
    conflict = false;
  // The notes of an assessment as stored now, or null once it is deleted.
  /** @param {string} id */
  const stored = (id) => {
    store.catchUp();
    const a = store.byId(id);
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
    const theirs = stored(edit.id);
    if (theirs == null) return draw(); // deleted meanwhile: nothing to write to
    if (theirs !== edit.base && theirs !== box.value) {
      replace(both(box.value, theirs));
      conflict = true;
    }
    edit.base = box.value;
    store.setElementField(edit.id, e, "n", box.value);
  }
  function draw() {
    const a = edit && store.byId(edit.id);
    replaceIfChanged(
      status,
      boundText(make, store, edit, a, current()),
      conflict && conflictText(make),
    );
  }
  box.addEventListener("focus", () => {
    const a = current();
    edit = { id: a.id, base: store.notesOf(a, e.id) };
    conflict = false;
  });
  box.addEventListener("input", write);
  box.addEventListener("blur", () => {
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
        const theirs = stored(edit.id);
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

// Where the notes typed now go, when that is not the current assessment's notes.
/**
 * @param {TFCoreBase["make"]} make @param {Store} store @param {{ id: string } | null} edit
 * @param {Assessment | null | undefined} a the assessment edited @param {Assessment} now the current one
 */
function boundText(make, store, edit, a, now) {
  "use strict";
  if (edit && !a)
    return make(
      "p",
      { class: "tf-a-warn", id: "tf-notes-bound", role: "alert" },
      "The assessment these notes belong to was deleted in another tab: what you type here is not saved. Copy it before you leave the box.",
    );
  if (a && a.id !== now.id)
    return make(
      "p",
      { class: "tf-a-hint", id: "tf-notes-bound" },
      `These notes belong to “${store.nameOf(a)}”; another tab made “${store.nameOf(now)}” the current assessment. Leave the box to see its notes.`,
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

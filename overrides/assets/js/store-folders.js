// Offline editions before this one kept answers under their folder's path (a key of the form
// "tf-roadmap/v1:/path/to/folder/"). Their assessments move into the store's document: one whose id
// is taken by another assessment (not created at the same moment) gets a new id, so nothing is
// mixed or lost. A folder's key goes only once its answers are saved; unreadable ones stay untouched.

/* exported adoptFolderKeys */

/**
 * @param {ReturnType<typeof openStoreFormat>} format
 * @param {Storage} local
 * @param {string} versioned what every key of the stored format starts with
 * @param {StoredDocument} doc the document as it stands: older editions' assessments join it
 * @param {() => boolean} save saves the document; false when it could not (no room)
 */
function adoptFolderKeys(format, local, versioned, doc, save) {
  "use strict";
  const { own, parse, mergeAssessment, randomId } = format;
  /** @type {string[]} */
  const keys = [];
  try {
    for (let n = 0; n < local.length; n++) {
      const k = local.key(n);
      if (k && k.startsWith(versioned) && /^\/[^#?]*\/$/.test(k.slice(versioned.length)))
        keys.push(k);
    }
  } catch {
    return;
  }
  for (const k of keys.sort()) {
    const old = parse(rawAt(k));
    if (!old) continue;
    for (const id of Object.keys(old.list)) {
      const a = old.list[id];
      if (!own(doc.list, id)) doc.list[id] = a;
      else if (doc.list[id].created[0] === a.created[0])
        doc.list[id] = mergeAssessment(doc.list[id], a);
      else if (!a.del[0]) {
        const fresh = randomId();
        doc.list[fresh] = { ...a, id: fresh };
      }
    }
    if (!save()) return; // no room: the folder's key stays, and so do its answers
    try {
      local.removeItem(k);
    } catch {
      return;
    }
  }

  /** @param {string} key @returns {string | null} */
  function rawAt(key) {
    try {
      return local.getItem(key);
    } catch {
      return null;
    }
  }
}

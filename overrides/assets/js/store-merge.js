// Merging two copies of the saved document, pure (loads under Node as it is): per field, the later
// record wins, and ties are settled the same way in every tab. A deleted assessment keeps only its
// id and when it was deleted, so no tab brings it back. store-format.js offers these with the rest
// of the document's format.

/* exported openStoreMerge */

/**
 * @param {{ SCHEMA: 1, own: (o: object, k: string) => boolean, dict: <T>() => Record<string, T>,
 *   ELEMENT_FIELDS: readonly { key: keyof ElementRecord }[],
 *   ACTION_FIELDS: readonly { key: keyof ActionValue }[] }} format
 *   what merging needs of the format (store-format.js)
 */
function openStoreMerge(format) {
  "use strict";
  const { SCHEMA, own, dict, ELEMENT_FIELDS, ACTION_FIELDS } = format;
  /**
   * @template T
   * @param {Rec<T> | undefined} a
   * @param {Rec<T> | undefined} b
   * @returns {Rec<T> | undefined}
   */
  function newer(a, b) {
    if (!a) return b;
    if (!b) return a;
    return b[1] > a[1] || (b[1] === a[1] && JSON.stringify(b) > JSON.stringify(a)) ? b : a;
  }
  /**
   * @template T
   * @param {Record<string, T>} a
   * @param {Record<string, T>} b
   * @param {(x: T, y: T) => T} both
   * @returns {Record<string, T>}
   */
  function mergeMaps(a, b, both) {
    /** @type {Record<string, T>} */
    const out = dict();
    for (const k of Object.keys(a)) out[k] = own(b, k) ? both(a[k], b[k]) : a[k];
    for (const k of Object.keys(b)) if (!own(a, k)) out[k] = b[k];
    return out;
  }
  /** @param {ElementRecord} a @param {ElementRecord} b @returns {ElementRecord} */
  function mergeElement(a, b) {
    /** @type {any} */
    const out = {};
    for (const f of ELEMENT_FIELDS) {
      const r = newer(/** @type {Rec<any> | undefined} */ (a[f.key]), b[f.key]);
      if (r) out[f.key] = r;
    }
    return out;
  }
  /** @param {ActionRecord} a @param {ActionRecord} b @returns {ActionRecord} */
  function mergeAction(a, b) {
    /** @type {any} */
    const out = {};
    for (const k of [...ACTION_FIELDS.map((f) => f.key), "removed"]) {
      const r = newer(/** @type {any} */ (a)[k], /** @type {any} */ (b)[k]);
      if (r) out[k] = r;
    }
    return out;
  }
  /** @param {Assessment} a @param {Assessment} b @returns {Assessment} */
  function mergeAssessment(a, b) {
    /** @param {Rec<any>} x @param {Rec<any>} y */
    const pick = (x, y) => /** @type {Rec<any>} */ (newer(x, y));
    const out = {
      id: a.id,
      created: pick(a.created, b.created),
      name: pick(a.name, b.name),
      del: pick(a.del, b.del),
      ticks: mergeMaps(a.ticks, b.ticks, pick),
      els: mergeMaps(a.els, b.els, mergeElement),
      exp: pick(a.exp, b.exp),
      snaps: mergeMaps(a.snaps, b.snaps, pick),
      acts: mergeMaps(a.acts, b.acts, mergeAction),
      taskForce: pick(a.taskForce, b.taskForce),
      people: pick(a.people, b.people),
    };
    return out.del[0] ? tombstone(out) : out;
  }
  // A deleted assessment keeps only its id and when it was deleted, so no tab brings it back.
  /** @param {Assessment} a @returns {Assessment} */
  function tombstone(a) {
    const t = a.del[1];
    return {
      id: a.id,
      created: a.created,
      name: ["", t],
      del: [1, t],
      ticks: dict(),
      els: dict(),
      exp: [null, 0],
      snaps: dict(),
      acts: dict(),
      taskForce: ["", t],
      people: ["", t],
    };
  }
  /** @param {StoredDocument} a @param {StoredDocument} b @returns {StoredDocument} */
  const mergeDocuments = (a, b) => ({
    schema: SCHEMA,
    cur: /** @type {Rec<string>} */ (newer(a.cur, b.cur)),
    list: mergeMaps(a.list, b.list, mergeAssessment),
  });

  return {
    newer,
    mergeMaps,
    mergeElement,
    mergeAction,
    mergeAssessment,
    tombstone,
    mergeDocuments,
  };
}

// A global in a browser's classic script already; under Node's require, made one.
Object.assign(globalThis, { openStoreMerge });

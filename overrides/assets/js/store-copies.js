// Copies of assessments in and out of the store (window.TF_STORE): export files and their checks,
// import, the read-only form of share links and team members' files, undo's copies, duplicates
// and snapshots. Loaded only by the pages that use them (assessment.js's LATER); element pages
// never need it. It is part of the store, not a user of it: it extends the store from inside
// (store.js's `extend`), with the store's own checks, reading, merging and writing, so the stored
// format keeps one owner. Types: store.js.

/** @param {StoreInner} inner the store's own helpers and state */
// eslint-disable-next-line max-lines-per-function -- a module wrapper: this file's scope
function openStoreCopies(inner) {
  "use strict";
  const {
    rubric,
    LIMITS,
    STAGE_COUNT,
    ELEMENT_FIELDS,
    ACTION_FIELDS,
    PLAN_TEXTS,
    own,
    isObj,
    dict,
    isId,
    isName,
    isHash,
    isStage,
    isTarget,
    isText,
    isTime,
    isDoneCount,
    chars,
    now,
    randomId,
    readAssessment,
    readSnapshotValue,
    mergeMaps,
    tombstone,
    untouched,
    doc,
    byId,
    assessments,
    add,
    keptName,
    cleanName,
    cleanText,
    clip,
    choose,
    roomForAssessment,
    fieldRecord,
    tickedIds,
    snapshotsOf,
    actionsOf,
    changed,
  } = inner;
  const FORMAT = "tf-roadmap-assessment";
  const EXPORT_SCHEMA = 2; // of export files: 2 added the plan; files of 1 still import

  // --- duplicates and snapshots (the dashboard) ------------------------------------------------

  /** @param {string} id @param {string} name @returns {Assessment | undefined} the copy */
  function duplicate(id, name) {
    const source = byId(id);
    if (!source || !keptName(name) || !roomForAssessment()) return undefined;
    const t = now(),
      copy = add(name, undefined, t);
    for (const [k, f] of Object.entries(source.ticks)) copy.ticks[k] = [f[0], t];
    for (const [k, x] of Object.entries(source.els)) {
      /** @type {any} */
      const e = {};
      for (const f of ELEMENT_FIELDS)
        if (x[f.key]) e[f.key] = [/** @type {Rec<any>} */ (x[f.key])[0], t];
      copy.els[k] = e;
    }
    // The plan comes along: next year's review starts from this year's actions.
    for (const [k, x] of Object.entries(source.acts)) {
      /** @type {any} */
      const copied = {};
      for (const [field, r] of Object.entries(x)) copied[field] = [r[0], t];
      copy.acts[k] = copied;
    }
    for (const k of PLAN_TEXTS) copy[k] = [source[k][0], t];
    changed();
    return copy;
  }

  /**
   * @param {string} id
   * @param {{ stages: Record<string, Stage>, ticked: string[], targets?: Record<string, number>, actions?: { done: number, all: number } }} frozen
   * @returns {string | null} the snapshot's date, or null when refused (the limit)
   */
  function addSnapshot(id, frozen) {
    const a = byId(id);
    if (!a || snapshotsOf(a).length >= LIMITS.snapshots) return null;
    const taken = new Date().toISOString();
    /** @type {Record<string, Stage>} */
    const stages = dict();
    for (const k of Object.keys(frozen.stages)) stages[k] = frozen.stages[k];
    /** @type {SnapshotValue} */
    const value = { taken, stages, ticked: [...frozen.ticked].sort() };
    if (frozen.targets) {
      /** @type {Record<string, number>} */
      const targets = dict();
      for (const k of Object.keys(frozen.targets)) targets[k] = frozen.targets[k];
      value.targets = targets;
    }
    if (frozen.actions) value.actions = { ...frozen.actions };
    a.snaps[randomId()] = [value, now()];
    changed();
    return taken;
  }
  // A deleted snapshot stays as [null, time] so other tabs learn of it.
  /** @param {string} id @param {string} snapshotId */
  function deleteSnapshot(id, snapshotId) {
    const a = byId(id);
    if (!a || !own(a.snaps, snapshotId)) return;
    a.snaps[snapshotId] = [null, now()];
    changed();
  }
  /** @param {string} id @param {string} time */
  function markExported(id, time) {
    const a = byId(id);
    if (!a) return;
    a.exp = [time, now()];
    changed();
  }

  // --- export and import ------------------------------------------------------------------------------
  /** @param {Assessment} a @returns {ExportData} exactly what the page shows, re-importable */
  function exportData(a) {
    /** @type {Record<string, ExportedElement>} */
    const elements = {};
    for (const id of Object.keys(a.els).sort()) {
      /** @type {any} */
      const out = {};
      let any = false;
      for (const f of ELEMENT_FIELDS) {
        const r = fieldRecord(a, id, f.key),
          v = r ? r.value : f.empty;
        if (f.required || v !== f.empty) out[f.out] = v;
        if (v !== f.empty) any = true;
      }
      if (any) Object.defineProperty(elements, id, { value: out, enumerable: true });
    }
    const snapshots = snapshotsOf(a);
    /** @type {ExportData["assessment"]} */
    const assessment = {
      id: a.id,
      name: a.name[0],
      created: a.created[0],
      ticked: tickedIds(a).sort(),
      elements,
    };
    if (snapshots.length) assessment.snapshots = snapshots;
    const actions = actionsOf(a);
    if (actions.length) assessment.actions = actions;
    for (const k of PLAN_TEXTS) if (a[k][0]) assessment[k] = a[k][0];
    return envelope(rubric.version, new Date().toISOString(), assessment);
  }
  /**
   * An export file around an assessment: the file, and the other forms of it (a share link's).
   * @param {string} version the rubric's @param {string} exported when
   * @param {ExportData["assessment"]} assessment
   * @returns {ExportData}
   */
  const envelope = (version, exported, assessment) => ({
    format: FORMAT,
    schema: EXPORT_SCHEMA,
    rubric: version,
    exported,
    assessment,
  });
  /** @param {string} s */
  const show = (s) => (s.length > 40 ? s.slice(0, 40) + "…" : s);
  // Mirrors docs/assessment.schema.json, published with the site. Each check adds what is wrong
  // to err, a sentence per problem.
  /** @param {string[]} err */
  const checks = (err) => {
    /** @param {unknown} x @param {string} where */
    const ids = (x, where) => {
      if (!Array.isArray(x)) return err.push(`${where}: must be a list of indicator ids`);
      if (x.length > LIMITS.ids) err.push(`${where}: over ${LIMITS.ids} entries`);
      x.forEach((y, n) => isId(y) || err.push(`${where}[${n}]: not an indicator id`));
      if (new Set(x).size !== x.length) err.push(`${where}: an id is listed twice`);
    };
    /** @param {object} o @param {string} where @param {string[]} keys */
    const only = (o, where, keys) =>
      Object.keys(o).forEach(
        (k) => keys.includes(k) || err.push(`${where}: unexpected field “${show(k)}”`),
      );
    return { ids, only };
  };
  const stages = `1 to ${STAGE_COUNT}`;
  /** @param {Record<string, any>} a @param {number} version @param {string[]} err */
  function checkSnapshots(a, version, err) {
    const { ids, only } = checks(err);
    if (own(a, "snapshots") && !Array.isArray(a.snapshots))
      err.push("assessment.snapshots: must be a list");
    else if (a.snapshots) {
      if (a.snapshots.length > LIMITS.snapshots)
        err.push(`assessment.snapshots: over ${LIMITS.snapshots} entries`);
      const seen = new Set();
      a.snapshots.forEach((/** @type {unknown} */ x, /** @type {number} */ n) => {
        const where = `assessment.snapshots[${n}]`;
        if (!isObj(x)) return err.push(`${where}: must be an object`);
        only(
          x,
          where,
          ["id", "taken", "stages", "ticked"].concat(version > 1 ? ["targets", "actions"] : []),
        );
        if (own(x, "targets")) {
          if (!isObj(x.targets))
            err.push(`${where}.targets: must be an object keyed by element id`);
          else
            for (const [id, v] of Object.entries(x.targets))
              if (!isId(id) || !isTarget(v))
                err.push(`${where}.targets.${show(id)}: must be ${stages}`);
        }
        if (own(x, "actions") && !isDoneCount(x.actions))
          err.push(`${where}.actions: must be { "done": n, "all": n }`);
        if (!isName(x.id)) err.push(`${where}.id: must be a-z, 0-9 and -`);
        else if (seen.has(x.id)) err.push(`${where}.id: another snapshot has this id`);
        seen.add(x.id);
        if (!isTime(x.taken)) err.push(`${where}.taken: must be a date and time`);
        ids(x.ticked, `${where}.ticked`);
        if (!isObj(x.stages))
          return err.push(`${where}.stages: must be an object keyed by element id`);
        if (Object.keys(x.stages).length > LIMITS.elements)
          err.push(`${where}.stages: over ${LIMITS.elements} entries`);
        for (const [id, v] of Object.entries(x.stages)) {
          if (!isId(id)) err.push(`${where}.stages: “${show(id)}” is not an element id`);
          if (!isStage(v)) err.push(`${where}.stages.${show(id)}: must be ${stages} or "na"`);
        }
      });
    }
  }
  /** @param {Record<string, any>} elements @param {number} version @param {string[]} err */
  function checkElements(elements, version, err) {
    const { only } = checks(err);
    const keys = Object.keys(elements);
    if (keys.length > LIMITS.elements)
      err.push(`assessment.elements: over ${LIMITS.elements} entries`);
    for (const id of keys) {
      const v = elements[id],
        where = `assessment.elements.${show(id)}`;
      if (!isId(id)) err.push(`${where}: not an element id`);
      if (!isObj(v)) {
        err.push(`${where}: must be an object`);
        continue;
      }
      const fields = ELEMENT_FIELDS.filter((f) => f.since <= version);
      only(
        v,
        where,
        fields.map((f) => f.out),
      );
      // An optional field is left out when empty, as the export writes it (and the schema says).
      for (const f of fields)
        if (
          own(v, f.out)
            ? !f.ok(v[f.out]) || v[f.out] === undefined || (!f.required && v[f.out] === f.empty)
            : f.required
        )
          err.push(`${where}.${f.out}: ${f.why}`);
    }
  }
  /** @param {Record<string, any>} a @param {string[]} err */
  function checkActions(a, err) {
    const { only } = checks(err);
    if (own(a, "actions") && !Array.isArray(a.actions))
      err.push("assessment.actions: must be a list");
    else if (a.actions) {
      if (a.actions.length > LIMITS.actions)
        err.push(`assessment.actions: over ${LIMITS.actions} entries`);
      const seen = new Set();
      a.actions.forEach((/** @type {unknown} */ x, /** @type {number} */ n) => {
        const where = `assessment.actions[${n}]`;
        if (!isObj(x)) return err.push(`${where}: must be an object`);
        only(x, where, ["id", ...ACTION_FIELDS.map((f) => f.key)]);
        if (!isName(x.id)) err.push(`${where}.id: must be a-z, 0-9 and -`);
        else if (seen.has(x.id)) err.push(`${where}.id: another action has this id`);
        seen.add(x.id);
        for (const f of ACTION_FIELDS)
          if (!own(x, f.key) || !f.ok(x[f.key])) err.push(`${where}.${f.key}: ${f.why}`);
      });
    }
  }
  // A file of a later format is not a broken file: its fields are ones this version has not met
  // yet. Said as such, with the way out, instead of a list of fields this version does not know.
  /** @param {Record<string, any>} d @returns {string | null} */
  const newerVersion = (d) =>
    d.format === FORMAT && Number.isInteger(d.schema) && d.schema > EXPORT_SCHEMA
      ? `it was made by a newer version of this site (export format ${d.schema}; this version reads formats 1 to ${EXPORT_SCHEMA}). ` +
        "Open it on the site's current version, or reload this page to update this copy; an offline copy needs a fresh download"
      : null;
  /**
   * A file a reader chose, read as an export: its size checked before it is read, then parsed and
   * checked. Refused: `why` ends the sentence "“file” …", `detail` is the parser's own words (they
   * may quote the file) and `problems` what the checks found.
   * @param {File} file
   * @returns {Promise<{ data: ExportData } | { why: string, detail?: string, problems?: string[] }>}
   */
  async function readExportFile(file) {
    if (file.size > LIMITS.fileBytes) return { why: `is over ${LIMITS.fileBytes / 1e6} MB` };
    let data;
    try {
      data = JSON.parse(await file.text());
    } catch (e) {
      return { why: "is not valid JSON", detail: e instanceof Error ? e.message : "" };
    }
    const problems = validateExport(data);
    return problems.length
      ? { why: "is not a self-assessment export this site can read", problems }
      : { data: /** @type {ExportData} */ (data) };
  }
  // Mirrors docs/assessment.schema.json, published with the site.
  /** @param {unknown} d @returns {string[]} the problems, none when the file can be imported */
  function validateExport(d) {
    /** @type {string[]} */
    const err = [];
    const { ids, only } = checks(err);
    if (!isObj(d)) return ["the file does not hold a JSON object"];
    const newer = newerVersion(d);
    if (newer) return [newer];
    only(d, "file", ["format", "schema", "rubric", "exported", "assessment"]);
    if (d.format !== FORMAT) err.push(`format: must be "${FORMAT}"`);
    if (d.schema !== 1 && d.schema !== EXPORT_SCHEMA)
      err.push(`schema: must be 1 or ${EXPORT_SCHEMA}`);
    const version = d.schema === 1 ? 1 : EXPORT_SCHEMA; // a file of version 1 has no plan
    if (!isHash(d.rubric)) err.push("rubric: must be a version hash");
    if (!isTime(d.exported)) err.push("exported: must be a date and time");
    const a = d.assessment;
    if (!isObj(a)) return err.concat("assessment: missing or not an object");
    only(
      a,
      "assessment",
      ["id", "name", "created", "ticked", "elements", "snapshots"].concat(
        version > 1 ? ["actions", ...PLAN_TEXTS] : [],
      ),
    );
    if (!isName(a.id)) err.push("assessment.id: must be a-z, 0-9 and -");
    if (typeof a.name !== "string" || !/[^ \t\n\r\f\v]/.test(a.name) || chars(a.name) > LIMITS.name)
      err.push(`assessment.name: must be 1 to ${LIMITS.name} characters`);
    if (!isTime(a.created)) err.push("assessment.created: must be a date and time");
    ids(a.ticked, "assessment.ticked");
    checkSnapshots(a, version, err);
    if (!isObj(a.elements))
      return err.concat("assessment.elements: must be an object keyed by element id");
    checkElements(a.elements, version, err);
    for (const k of PLAN_TEXTS)
      if (own(a, k) && !isText(a[k], LIMITS[k]))
        err.push(`assessment.${k}: must be text, at most ${LIMITS[k]} characters`);
    checkActions(a, err);
    return err;
  }
  // What a share link does not carry (share-codec.js says, when it reads one): an import over
  // the same assessment keeps it as it is here. Leaving a thing out of a link is not deleting it.
  /** @type {WeakMap<ExportData, LeftOut[]>} */
  const leftOut = new WeakMap();
  /** @param {ExportData} data @returns {LeftOut[]} */
  const leftOutOf = (data) => leftOut.get(data) || [];
  /**
   * An export's assessment exactly, every field stamped t (newer than what it replaces in old),
   * but for what the export does not carry (leftOutOf), kept from old as it is.
   * Also the read-only form of shared links and team members' files.
   * @param {ExportData} data validated
   * @param {string} id
   * @param {Assessment | null} old
   * @param {number} t
   * @returns {Assessment}
   */
  function fromExport(data, id, old, t) {
    const x = data.assessment,
      on = new Set(x.ticked),
      keep = new Set(old ? leftOutOf(data) : []);
    /**
     * @template T @param {LeftOut} what @param {Rec<T> | null | undefined} mine @param {T} value
     * @returns {Rec<T>}
     */
    const kept = (what, mine, value) => (keep.has(what) && mine ? mine : [value, t]);
    // Text as this site keeps what people type (store-text.js): one owner, however it was typed.
    /** @param {unknown} v @param {(s: string) => string} clean @param {number} max */
    const cleaned = (v, clean, max) => clip(clean(typeof v === "string" ? v : ""), max);
    /** @type {Assessment} */
    const a = {
      id,
      created: [x.created, t],
      name: [keptName(x.name) || "Imported assessment", t], // a name of only invisible characters
      del: [0, t],
      ticks: dict(),
      els: dict(),
      exp: [data.exported, t],
      snaps: dict(),
      acts: dict(),
      taskForce: kept(
        "taskForce",
        old && old.taskForce,
        cleaned(x.taskForce, cleanName, LIMITS.taskForce),
      ),
      people: kept("people", old && old.people, cleaned(x.people, cleanText, LIMITS.people)),
    };
    // A file replaces the plan exactly: actions it lacks are removed, stamped t like the rest.
    for (const k of Object.keys(old ? old.acts : {}))
      a.acts[k] = keep.has("actions") && old ? old.acts[k] : { removed: [1, t] };
    for (const { id: aid, ...fields } of x.actions || []) {
      const mine = old && own(old.acts, aid) ? old.acts[aid] : {};
      /** @type {any} */
      const r = { removed: [0, t] };
      for (const f of ACTION_FIELDS) r[f.key] = [fields[f.key], t];
      r.text = [cleaned(fields.text, cleanText, LIMITS.actionText), t];
      r.owner = kept("owners", mine.owner, cleaned(fields.owner, cleanName, LIMITS.owner));
      a.acts[aid] = r;
    }
    for (const k of new Set([...on, ...Object.keys(old ? old.ticks : {})]))
      a.ticks[k] = [on.has(k) ? 1 : 0, t];
    for (const k of new Set([...Object.keys(x.elements), ...Object.keys(old ? old.els : {})])) {
      /** @type {Record<string, any>} */
      const v = own(x.elements, k) ? x.elements[k] : {};
      /** @type {any} */
      const e = {};
      for (const f of ELEMENT_FIELDS) e[f.key] = [own(v, f.out) ? v[f.out] : f.empty, t];
      const mine = old && own(old.els, k) ? old.els[k] : {};
      e.n = kept("notes", mine.n, cleaned(e.n[0], cleanText, LIMITS.notes));
      a.els[k] = e;
    }
    for (const { id: sid, ...p } of x.snapshots || []) {
      /** @type {Record<string, Stage>} */
      const stages = dict();
      for (const k of Object.keys(p.stages)) stages[k] = p.stages[k];
      /** @type {SnapshotValue} */
      const value = { taken: p.taken, stages, ticked: [...p.ticked] };
      if (p.targets) value.targets = Object.assign(dict(), p.targets);
      if (p.actions) value.actions = { ...p.actions };
      a.snaps[sid] = [value, t];
    }
    return a;
  }
  /** @param {ExportData} data validated @returns {Assessment | null} the one it would replace */
  function sameAs(data) {
    // Created at the same moment: the same assessment, under the same id or under the new id an
    // earlier import gave it (every browser's first is "first").
    const same = assessments().filter((a) => a.created[0] === data.assessment.created);
    return same.find((a) => a.id === data.assessment.id) || (same.length === 1 ? same[0] : null);
  }
  /**
   * Why a validated export can't be saved without passing a limit, or null when it can.
   * @param {ExportData} data
   * @returns {string | null}
   */
  function importProblem(data) {
    const old = sameAs(data);
    if (!old) {
      if (roomForAssessment()) return null;
      return `this browser already keeps ${LIMITS.assessments} assessments, the most it can. Delete one first`;
    }
    const ids = new Set([
      ...snapshotsOf(old).map((p) => p.id),
      ...(data.assessment.snapshots || []).map((p) => p.id),
    ]);
    if (ids.size <= LIMITS.snapshots) return null;
    return (
      `together with the ${snapshotsOf(old).length} snapshots “${old.name[0]}” keeps here, it would make ` +
      `${ids.size}, over the ${LIMITS.snapshots} one assessment can keep. Delete some snapshots first`
    );
  }
  /**
   * Saves a validated export: replaces the same assessment (snapshots only grow), else adds it
   * under its own id when that is free.
   * @param {ExportData} data
   * @param {{ backup: boolean }} [from] a file is a backup; a share link is not (no export claimed)
   * @returns {Assessment | null} null when refused (see importProblem)
   */
  function importExport(data, from = { backup: true }) {
    if (importProblem(data)) return null;
    for (const k of Object.keys(doc().list)) if (untouched(doc().list[k])) delete doc().list[k];
    const t = now(),
      a = imported(data, from.backup, t);
    doc().list[a.id] = a;
    choose(a.id, t);
    changed();
    return a;
  }

  /**
   * The assessment an import would save, not saved: the dialog's summary compares it with old.
   * @param {ExportData} data validated @param {boolean} backup @param {number} t
   */
  function imported(data, backup, t) {
    const old = sameAs(data),
      id = old ? old.id : own(doc().list, data.assessment.id) ? randomId() : data.assessment.id;
    const a = fromExport(data, id, old, t);
    if (!backup) a.exp = old ? old.exp : [null, 0];
    if (old) a.snaps = mergeMaps(old.snaps, a.snaps, (_, b) => b); // a file replaces answers; history only grows
    return a;
  }

  // --- undo: a copy taken before a destructive action, put back later ---------------------------
  /** @param {string} id @returns {Assessment | null} a plain, JSON-safe copy of a live assessment */
  const copyOf = (id) => {
    const a = byId(id);
    return a ? JSON.parse(JSON.stringify(a)) : null;
  };
  /**
   * Puts copies back (read as strictly as stored data), each field stamped now so it wins over the
   * deletion in every tab; what a copy lacks is cleared (a replacing import's additions). A field
   * written after `at` (the moment of the action undone), here or in another tab, is kept as it is.
   * @param {unknown[]} copies from copyOf
   * @param {string} [select] the assessment to make current, when live
   * @param {number} [at] the store's clock just after the action; none: everything goes back
   * @returns {number} how many were put back
   */
  function restore(copies, select, at = Infinity) {
    const t = now();
    let count = 0;
    for (const copy of copies) {
      const c = isObj(copy) && isName(copy.id) ? readAssessment(copy, copy.id) : undefined;
      if (!c || (!byId(c.id) && !roomForAssessment())) continue;
      const was = own(doc().list, c.id) ? doc().list[c.id] : null;
      if (was && was.del[0] && was.del[1] > at) continue; // deleted again since: that stands
      doc().list[c.id] = putBack(c, was && !was.del[0] ? was : null, at, t);
      count++;
    }
    if (select && byId(select)) choose(select, t);
    changed();
    return count;
  }
  /**
   * The copy as it was, restamped t, under what was written since `at` (kept).
   * @param {Assessment} c the copy @param {Assessment | null} was the live one, when not deleted
   * @param {number} at @param {number} t
   * @returns {Assessment}
   */
  function putBack(c, was, at, t) {
    /** @template T @param {Rec<T> | undefined} live @param {T} value @returns {Rec<T>} */
    const pick = (live, value) => (live && live[1] > at ? live : [value, t]);
    /** @param {object} x @param {object} y */
    const keys = (x, y) => new Set([...Object.keys(x), ...Object.keys(y)]);
    /** @template T @param {Record<string, T>} m @param {string} k @returns {T | undefined} */
    const from = (m, k) => (own(m, k) ? m[k] : undefined);
    const w = was || tombstone({ ...c, del: [1, 0] });
    /** @type {Assessment} */
    const a = {
      id: c.id,
      created: pick(was ? w.created : undefined, c.created[0]),
      name: pick(w.name, c.name[0]),
      del: [0, t],
      ticks: dict(),
      els: dict(),
      exp: pick(w.exp, c.exp[0]),
      snaps: dict(),
      acts: dict(),
      taskForce: pick(w.taskForce, c.taskForce[0]),
      people: pick(w.people, c.people[0]),
    };
    // The plan as it was: every action's fields restamped, actions added since the copy removed.
    for (const k of keys(c.acts, w.acts)) {
      const mine = /** @type {any} */ (from(c.acts, k)),
        live = /** @type {any} */ (from(w.acts, k) || {});
      /** @type {any} */
      const x = { ...live, removed: pick(live.removed, mine ? (mine.removed || [0])[0] : 1) };
      if (mine)
        for (const f of ACTION_FIELDS)
          if (mine[f.key]) x[f.key] = pick(live[f.key], mine[f.key][0]);
      a.acts[k] = x;
    }
    for (const k of keys(c.ticks, w.ticks)) {
      const r = from(c.ticks, k);
      a.ticks[k] = pick(from(w.ticks, k), r ? r[0] : 0);
    }
    for (const k of keys(c.els, w.els)) {
      const mine = /** @type {any} */ (from(c.els, k) || {}),
        live = /** @type {any} */ (from(w.els, k) || {});
      /** @type {any} */
      const e = {};
      for (const f of ELEMENT_FIELDS)
        e[f.key] = pick(live[f.key], mine[f.key] ? mine[f.key][0] : f.empty);
      a.els[k] = e;
    }
    for (const k of keys(c.snaps, w.snaps)) {
      const r = from(c.snaps, k);
      a.snaps[k] = pick(from(w.snaps, k), r ? r[0] : null);
    }
    return a;
  }
  /**
   * @param {string} id @param {string} snapshotId @param {unknown} value as snapshotsOf gave it
   * @returns {boolean} false when the assessment is gone or the value is not a snapshot
   */
  function restoreSnapshot(id, snapshotId, value) {
    const a = byId(id),
      v = readSnapshotValue(value);
    if (!a || !v || !isName(snapshotId)) return false;
    if (
      !(own(a.snaps, snapshotId) && a.snaps[snapshotId][0]) &&
      snapshotsOf(a).length >= LIMITS.snapshots
    )
      return false;
    a.snaps[snapshotId] = [v, now()];
    changed();
    return true;
  }

  return {
    FORMAT,
    EXPORT_SCHEMA,
    duplicate,
    addSnapshot,
    deleteSnapshot,
    markExported,
    exportData,
    envelope,
    validateExport,
    readExportFile,
    /** @param {ExportData} data validated; not saved */
    readOnly: (data) => fromExport(data, data.assessment.id, null, 0),
    sameAs,
    importProblem,
    importExport,
    /** @param {ExportData} data validated @param {boolean} backup a file, not a share link */
    importPreview: (data, backup) => imported(data, backup, 0),
    /** @param {ExportData} data @param {LeftOut[]} what the share link holding it does not carry */
    leaveOut: (data, what) => void leftOut.set(data, what),
    leftOutOf,
    copyOf,
    restore,
    restoreSnapshot,
  };
}

if (window.TF_STORE) window.TF_STORE.extend(openStoreCopies);

// Self-assessment (element pages and dashboard). Answers stay in this browser; DOM via textContent.
(() => {
  "use strict";
  const R = window.TF_RUBRIC;
  if (!R || window.TF) return;
  const FORMAT = "tf-roadmap-assessment";
  const RULE =
    "The suggested stage is the stage whose indicators have the largest share ticked; " +
    "ties go to the lower stage; nothing ticked means no suggestion.";
  const ROOT = document.currentScript
    ? new URL("../../", document.currentScript.src).href
    : String(window.__md_scope || location);
  const ELS = [],
    EL = Object.create(null),
    IND = Object.create(null);
  for (const area of R.areas)
    for (const e of area.elements) {
      e.area = area;
      ELS.push(e);
      EL[e.id] = e;
      for (const i of e.indicators) {
        i.el = e;
        IND[i.id] = i;
      }
    }
  const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const isObj = (x) => !!x && typeof x === "object" && !Array.isArray(x);
  const url = (path) => new URL(path, ROOT).href; // the data follows the edition's URL style
  const stageName = (v) =>
    v === "na" ? "Not applicable" : v ? `Stage ${v} · ${R.stages[v - 1].name}` : "Not yet assessed";
  const when = (iso) =>
    new Date(iso).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
  const stageCell = (c) => (c == null ? "—" : c === "na" ? "N/A" : `Stage ${c}`); // a table cell's short form
  const indicatorLine = (i) => `Stage ${i.stage}: ${i.text}`;
  const today = () => new Date().toISOString().slice(0, 10); // in names of files and new assessments

  function h(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === "on") for (const [type, fn] of Object.entries(v)) el.addEventListener(type, fn);
      else if (k === "value" || k === "checked" || k === "selected") el[k] = v;
      else el.setAttribute(k, v === true ? "" : v);
    }
    el.append(...kids.flat(9).filter((kid) => kid != null && kid !== false));
    return el;
  }
  const button = (text, fn, k, cls) =>
    h(
      "button",
      { type: "button", class: "tf-btn " + (cls || ""), "data-k": k, on: { click: fn } },
      text,
    );
  const list = (items, fn) =>
    h(
      "ul",
      {},
      items.map((x) => h("li", {}, fn(x))),
    );
  // Replace only changed text: live regions stay quiet, focus stays.
  const put = (el, ...kids) => {
    const t = h("div", {}, kids);
    if (t.textContent !== el.textContent) el.replaceChildren(...t.childNodes);
  };

  // per: [[ticked, total] × 5] -> stage or null; shares compared by cross-multiplying (1/3 = 2/6).
  function suggest(per) {
    let best = -1;
    per.forEach(([t, n], k) => {
      if (t > 0 && n > 0 && (best < 0 || t * per[best][1] > per[best][0] * n)) best = k;
    });
    return best < 0 ? null : best + 1;
  }
  const counted = (chosen, per) => (chosen != null ? chosen : suggest(per));

  // Storage: one document per site scope; every field is [value, time], so tabs merge per field.
  const scope = (() => {
    try {
      return window.__md_scope.pathname;
    } catch {
      return new URL(ROOT).pathname;
    }
  })();
  const KEY = "tf-roadmap/v1:" + scope;
  const probe = (name) => {
    try {
      const s = window[name];
      s.setItem(KEY + "?", "1");
      s.removeItem(KEY + "?");
      return s;
    } catch {
      return null;
    }
  };
  const SS = probe("sessionStorage"),
    LS = probe("localStorage");
  let last = 0;
  const now = () => (last = Math.max(Date.now(), last + 1));
  const fresh = () => ({ schema: 1, cur: ["", 0], list: {} });
  const whole = (a) =>
    a && [a.created, a.name, a.del, a.exp].every(Array.isArray) && isObj(a.ticks) && isObj(a.els);
  const parse = (raw) => {
    try {
      const d = JSON.parse(raw);
      return d &&
        d.schema === 1 &&
        Array.isArray(d.cur) &&
        isObj(d.list) &&
        Object.values(d.list).every(whole)
        ? d
        : null;
    } catch {
      return null;
    }
  };
  const read = (s) => {
    try {
      return parse(s.getItem(KEY));
    } catch {
      return null;
    }
  };
  let mode,
    store,
    failed = false,
    unreadable = false,
    asked = false,
    persisted = null,
    view = null,
    msg = null;
  try {
    if (SS && SS.getItem(KEY) != null) {
      mode = "session";
      store = SS;
    }
  } catch {
    /* blocked */
  }
  if (!mode) {
    mode = LS ? "local" : "memory";
    store = LS;
  }
  let doc = store ? read(store) : null;
  try {
    if (!doc && store && store.getItem(KEY) != null) {
      unreadable = true;
      mode = "memory";
      store = null;
    }
  } catch {
    /* blocked */
  }
  doc = doc || fresh();

  function merge(a, b) {
    if (a === undefined) return b;
    if (b === undefined) return a;
    if (Array.isArray(a) && Array.isArray(b)) {
      return b[1] > a[1] || (b[1] === a[1] && JSON.stringify(b) > JSON.stringify(a)) ? b : a;
    }
    if (a && b && typeof a === "object" && typeof b === "object") {
      const o = {};
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) o[k] = merge(a[k], b[k]);
      if (o.del && o.del[0])
        Object.assign(o, { name: ["", o.del[1]], ticks: {}, els: {}, exp: [null, 0], snaps: {} });
      return o;
    }
    return String(b) > String(a) ? b : a;
  }

  function save() {
    if (!store) return;
    try {
      const stored = read(store);
      if (stored) doc = merge(stored, doc);
      store.setItem(KEY, JSON.stringify(doc));
      failed = false;
    } catch {
      failed = true;
      return;
    }
    if (mode === "local" && !asked && navigator.storage && navigator.storage.persist) {
      asked = true;
      navigator.storage.persist().then(
        (p) => {
          persisted = p;
          refresh();
        },
        () => {},
      );
    }
  }
  if (navigator.storage && navigator.storage.persisted) {
    navigator.storage.persisted().then(
      (p) => {
        persisted = p;
        refresh();
      },
      () => {},
    );
  }
  const refresh = () => {
    if (view) view();
  };
  const commit = () => {
    save();
    refresh();
  };

  // Another tab wrote: merge per field, never overwrite the whole document.
  window.addEventListener("storage", (ev) => {
    if (mode !== "local" || (ev.key !== KEY && ev.key !== null)) return;
    let raw;
    try {
      if (ev.storageArea !== LS) return;
      raw = LS.getItem(KEY);
    } catch {
      return;
    }
    if (raw == null)
      doc = fresh(); // wiped elsewhere: drop ours too, never resurrect it
    else {
      const incoming = parse(raw);
      if (!incoming) return;
      doc = merge(incoming, doc);
      if (JSON.stringify(doc) !== raw) save();
    }
    refresh();
  });

  const rid = () =>
    [...crypto.getRandomValues(new Uint8Array(6))]
      .map((b) => b.toString(16).padStart(2, "0"))
      .join("");
  const live = () =>
    Object.values(doc.list)
      .filter((a) => !a.del[0])
      .sort((a, b) => (a.created[0] + a.id < b.created[0] + b.id ? -1 : 1));
  function add(name, id, t = now()) {
    const a = {
      id: id || rid(),
      created: [new Date().toISOString(), t],
      name: [name, t],
      del: [0, t],
      ticks: {},
      els: {},
      exp: [null, 0],
    };
    doc.list[a.id] = a;
    doc.cur = [a.id, t];
    return a;
  }
  function cur() {
    const a = doc.list[doc.cur[0]];
    if (a && !a.del[0]) return a;
    const other = live()[0];
    if (other) return other;
    // In memory until the first answer; a fixed first id lets two fresh tabs agree.
    return add("Our assessment", Object.keys(doc.list).length ? rid() : "first", 0);
  }
  const ticked = (a, id) => !!(a.ticks[id] && a.ticks[id][0]);
  const field = (a, eid, k, dflt) => (a.els[eid] && a.els[eid][k] ? a.els[eid][k][0] : dflt);
  // The first answer on an element records the version of its indicators (for review flags).
  function touch(a, eid) {
    const e = (a.els[eid] = a.els[eid] || {});
    if (EL[eid] && !(e.r && e.r[0])) e.r = [EL[eid].sig, now()];
    return e;
  }
  function setField(eid, k, v) {
    touch(cur(), eid)[k] = [v, now()];
    commit();
  }
  function setTick(id, v) {
    const a = cur();
    a.ticks[id] = [v ? 1 : 0, now()];
    if (IND[id]) touch(a, IND[id].el.id);
    commit();
  }
  function info(a, e) {
    const per = R.stages.map(() => [0, 0]);
    let any = false;
    for (const i of e.indicators) {
      per[i.stage - 1][1]++;
      if (ticked(a, i.id)) {
        per[i.stage - 1][0]++;
        any = true;
      }
    }
    const chosen = field(a, e.id, "s", null),
      notes = field(a, e.id, "n", ""),
      sug = suggest(per);
    const c = counted(chosen, per),
      r = field(a, e.id, "r", null);
    return {
      per,
      chosen,
      notes,
      sug,
      c,
      status: chosen === "na" ? "na" : chosen ? "chosen" : sug ? "suggested" : "none",
      next:
        typeof c === "number" && c < 5
          ? e.indicators.filter((i) => i.stage === c + 1 && !ticked(a, i.id))
          : [],
      flagged: !!r && r !== e.sig && (any || chosen != null || !!notes),
    };
  }
  function kept(a) {
    return [
      ...Object.keys(a.ticks)
        .filter((id) => a.ticks[id][0] && !IND[id])
        .map((id) => `indicator “${id}”: ticked`),
      ...Object.keys(a.els)
        .filter((id) => !EL[id] && (field(a, id, "s", null) != null || field(a, id, "n", "")))
        .map(
          (id) =>
            `element “${id}”: ${stageName(field(a, id, "s", null))}${field(a, id, "n", "") ? ", with notes" : ""}`,
        ),
    ];
  }

  // Oldest first, in the export's form; a deleted snapshot is [null, time] so other tabs learn of it.
  const snapshotsOf = (a) =>
    Object.entries(a.snaps || {})
      .filter(([, f]) => f[0])
      .map(([id, f]) => ({ id, ...f[0] }))
      .sort((p, q) => (p.taken < q.taken ? -1 : p.taken > q.taken ? 1 : 0));
  function exportData(a) {
    const elements = {};
    for (const id of Object.keys(a.els)) {
      const stage = field(a, id, "s", null),
        notes = field(a, id, "n", ""),
        reviewed = field(a, id, "r", null);
      if (stage != null || notes || reviewed)
        elements[id] = reviewed ? { stage, notes, reviewed } : { stage, notes };
    }
    const snapshots = snapshotsOf(a);
    const assessment = {
      id: a.id,
      name: a.name[0],
      created: a.created[0],
      ticked: Object.keys(a.ticks)
        .filter((id) => a.ticks[id][0])
        .sort(),
      elements,
    };
    if (snapshots.length) assessment.snapshots = snapshots;
    return {
      format: FORMAT,
      schema: 1,
      rubric: R.version,
      exported: new Date().toISOString(),
      assessment,
    };
  }
  const cell = (v) => {
    let s = v == null ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s; // never a formula
    return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const csvText = (rows) => "\ufeff" + rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
  const csvStage = (v) => (v === "na" ? "N/A" : v == null ? "" : v);
  // An area's heatmap: lead(e, x) gives the row's attributes, its heading cell and its counted-stage
  // cell; then a cell per stage, indicators ticked of its total (darker = larger share).
  function heatTable(label, rows, lead) {
    return h(
      "div",
      { class: "tf-d-scroll", tabindex: "0", role: "region", "aria-label": label },
      h(
        "table",
        { class: "tf-heat" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "Element"),
            h("th", { scope: "col" }, "Counted stage"),
            R.stages.map((s) => h("th", { scope: "col", title: s.name }, `Stage ${s.n}`)),
          ),
        ),
        h(
          "tbody",
          {},
          rows.map(([e, x]) => {
            const [attrs, ...cells] = lead(e, x);
            return h(
              "tr",
              attrs,
              cells,
              x.per.map(([t, n], k) =>
                h(
                  "td",
                  {
                    class: `tf-heat__cell tf-h${n ? (t === n ? 5 : Math.ceil((4 * t) / n)) : 0}${x.c === k + 1 ? " tf-counted" : ""}`,
                  },
                  n ? `${t}/${n}` : "–",
                ),
              ),
            );
          }),
        ),
      ),
    );
  }
  function download(name, type, text) {
    const href = URL.createObjectURL(new Blob([text], { type }));
    h("a", { href, download: name }).click();
    setTimeout(() => URL.revokeObjectURL(href), 10000);
  }
  // Mirrors assessment.schema.json, published with the site.
  const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/,
    HEX = /^[0-9a-f]{6,64}$/;
  const TIME =
    /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$/;
  const isId = (x) => typeof x === "string" && x.length <= 64 && SLUG.test(x);
  const isTime = (x) => typeof x === "string" && TIME.test(x);
  const chars = (s) => [...s].length;
  const show = (s) => (s.length > 40 ? s.slice(0, 40) + "…" : s);
  function validate(d) {
    const err = [];
    const ids = (x, where) => {
      if (!Array.isArray(x)) return err.push(`${where}: must be a list of indicator ids`);
      if (x.length > 5000) err.push(`${where}: over 5000 entries`);
      x.forEach((y, n) => isId(y) || err.push(`${where}[${n}]: not an indicator id`));
      if (new Set(x).size !== x.length) err.push(`${where}: an id is listed twice`);
    };
    const only = (o, where, keys) =>
      Object.keys(o).forEach(
        (k) => keys.includes(k) || err.push(`${where}: unexpected field “${show(k)}”`),
      );
    if (!isObj(d)) return ["the file does not hold a JSON object"];
    only(d, "file", ["format", "schema", "rubric", "exported", "assessment"]);
    if (d.format !== FORMAT) err.push(`format: must be "${FORMAT}"`);
    if (d.schema !== 1) err.push("schema: must be 1");
    if (typeof d.rubric !== "string" || !HEX.test(d.rubric))
      err.push("rubric: must be a version hash");
    if (!isTime(d.exported)) err.push("exported: must be a date and time");
    const a = d.assessment;
    if (!isObj(a)) return err.concat("assessment: missing or not an object");
    only(a, "assessment", ["id", "name", "created", "ticked", "elements", "snapshots"]);
    const named = (x) => typeof x === "string" && /^[a-z0-9][a-z0-9-]{0,63}$/.test(x);
    if (!named(a.id)) err.push("assessment.id: must be a-z, 0-9 and -");
    if (typeof a.name !== "string" || !/[^ \t\n\r\f\v]/.test(a.name) || chars(a.name) > 120)
      err.push("assessment.name: must be 1 to 120 characters");
    if (!isTime(a.created)) err.push("assessment.created: must be a date and time");
    ids(a.ticked, "assessment.ticked");
    if ("snapshots" in a && !Array.isArray(a.snapshots))
      err.push("assessment.snapshots: must be a list");
    else if (a.snapshots) {
      if (a.snapshots.length > 500) err.push("assessment.snapshots: over 500 entries");
      a.snapshots.forEach((x, n) => {
        const where = `assessment.snapshots[${n}]`;
        if (!isObj(x)) return err.push(`${where}: must be an object`);
        only(x, where, ["id", "taken", "stages", "ticked"]);
        if (!named(x.id)) err.push(`${where}.id: must be a-z, 0-9 and -`);
        if (!isTime(x.taken)) err.push(`${where}.taken: must be a date and time`);
        ids(x.ticked, `${where}.ticked`);
        if (!isObj(x.stages))
          return err.push(`${where}.stages: must be an object keyed by element id`);
        if (Object.keys(x.stages).length > 500) err.push(`${where}.stages: over 500 entries`);
        for (const [id, v] of Object.entries(x.stages)) {
          if (!isId(id)) err.push(`${where}.stages: “${show(id)}” is not an element id`);
          if (![1, 2, 3, 4, 5, "na"].includes(v))
            err.push(`${where}.stages.${show(id)}: must be 1 to 5 or "na"`);
        }
      });
    }
    if (!isObj(a.elements))
      return err.concat("assessment.elements: must be an object keyed by element id");
    const keys = Object.keys(a.elements);
    if (keys.length > 500) err.push("assessment.elements: over 500 entries");
    for (const id of keys) {
      const v = a.elements[id],
        where = `assessment.elements.${show(id)}`;
      if (!isId(id)) err.push(`${where}: not an element id`);
      if (!isObj(v)) {
        err.push(`${where}: must be an object`);
        continue;
      }
      only(v, where, ["stage", "notes", "reviewed"]);
      if (!("stage" in v) || ![null, 1, 2, 3, 4, 5, "na"].includes(v.stage))
        err.push(`${where}.stage: must be 1 to 5, "na" or null`);
      if (typeof v.notes !== "string" || chars(v.notes) > 20000)
        err.push(`${where}.notes: must be text, at most 20000 characters`);
      if ("reviewed" in v && !(typeof v.reviewed === "string" && HEX.test(v.reviewed)))
        err.push(`${where}.reviewed: must be a version hash`);
    }
    return err;
  }

  // An export's assessment exactly, every field stamped t (newer than what it replaces in old).
  // Also the read-only form of shared links and team members' files.
  function build(data, id, old, t) {
    const x = data.assessment,
      on = new Set(x.ticked);
    const a = {
      id,
      created: [x.created, t],
      name: [x.name, t],
      del: [0, t],
      ticks: {},
      els: {},
      exp: [data.exported, t],
    };
    for (const k of new Set([...on, ...Object.keys(old ? old.ticks : {})]))
      a.ticks[k] = [on.has(k) ? 1 : 0, t];
    for (const k of new Set([...Object.keys(x.elements), ...Object.keys(old ? old.els : {})])) {
      const v = x.elements[k] || {};
      a.els[k] = {
        s: [v.stage == null ? null : v.stage, t],
        n: [v.notes || "", t],
        r: [v.reviewed || null, t],
      };
    }
    a.snaps = Object.fromEntries((x.snapshots || []).map(({ id: sid, ...p }) => [sid, [p, t]]));
    return a;
  }
  function fromFile(data, id, old) {
    const t = now(),
      a = build(data, id, old, t);
    if (old) a.snaps = { ...old.snaps, ...a.snaps }; // a file replaces answers; history only grows
    doc.list[id] = a;
    doc.cur = [id, t];
    return a;
  }
  function changes(old, data, what) {
    const x = data.assessment,
      out = [],
      on = new Set(x.ticked);
    if (old.name[0] !== x.name) out.push(`Name: “${old.name[0]}” becomes “${x.name}”.`);
    const was = Object.keys(old.ticks).filter((id) => old.ticks[id][0]);
    const gained = x.ticked.filter((id) => !ticked(old, id)).length,
      lost = was.filter((id) => !on.has(id)).length;
    if (gained || lost)
      out.push(
        `Ticked indicators: ${was.length} become ${on.size} (${gained} newly ticked, ${lost} unticked).`,
      );
    const stages = [],
      notes = [];
    for (const id of new Set([...Object.keys(x.elements), ...Object.keys(old.els)])) {
      const v = x.elements[id] || {},
        title = EL[id] ? EL[id].title : id;
      const s0 = field(old, id, "s", null),
        s1 = v.stage == null ? null : v.stage;
      if (s0 !== s1) stages.push(`${title} (${stageName(s0)} → ${stageName(s1)})`);
      if (field(old, id, "n", "") !== (v.notes || "")) notes.push(title);
    }
    if (stages.length)
      out.push(`Chosen stage changes on ${stages.length} element(s): ${stages.join("; ")}.`);
    if (notes.length) out.push(`Notes change on ${notes.length} element(s): ${notes.join(", ")}.`);
    return out.length
      ? out
      : [
          `${what[0].toUpperCase() + what.slice(1)} matches this assessment exactly: importing it changes nothing.`,
        ];
  }
  const summary = (problems) =>
    problems.slice(0, 4).join("; ") +
    (problems.length > 4 ? `; and ${problems.length - 4} more problem(s)` : "");
  // A validated export (from a file or a shared link) joins this browser's assessments, if the user agrees.
  async function importData(data, from, what = "the file") {
    // Same id and creation time: the same assessment (every browser's first is "first").
    const x = data.assessment,
      same = own(doc.list, x.id) && doc.list[x.id];
    const old = same && !same.del[0] && same.created[0] === x.created ? same : null;
    const lines = old
      ? changes(old, data, what)
      : [
          `Adds a new assessment “${x.name}” with ${x.ticked.length} ticked indicator(s) and ${Object.values(x.elements).filter((v) => v.stage != null).length} chosen stage(s). The others stay as they are.`,
        ];
    const unknown =
      x.ticked.filter((id) => !IND[id]).length +
      Object.keys(x.elements).filter((id) => !EL[id]).length;
    if (data.rubric !== R.version)
      lines.push(
        `${what[0].toUpperCase() + what.slice(1)} was made with another version of the roadmap; elements whose indicators changed get flagged for review.`,
      );
    if (unknown)
      lines.push(
        `${unknown} answer(s) refer to indicators or elements this version of the roadmap does not have: they are kept and listed.`,
      );
    const ok = await ask(
      old ? `Replace “${old.name[0]}” with ${what}?` : `Import “${x.name}”?`,
      lines,
      old ? "Replace" : "Import",
    );
    if (!ok) {
      msg = { text: "Import cancelled. Nothing was changed." };
      refresh();
      return false;
    }
    fromFile(data, old ? x.id : own(doc.list, x.id) ? rid() : x.id, old);
    msg = { text: `Imported “${x.name}” from ${from}.` };
    commit();
    return true;
  }

  // A modal <dialog> (focus trap and Escape are native); resolves true, the name, or null.
  function ask(title, lines, okText, value) {
    return new Promise((done) => {
      const back = document.activeElement;
      const input =
        value != null
          ? h("input", { id: "tf-dialog-name", value, maxlength: 120, autocomplete: "off" })
          : null;
      const ok = button(
        okText,
        () => {
          if (input && !input.value.trim()) {
            input.focus();
            return;
          }
          dialog.close("ok");
        },
        null,
        "tf-btn--primary",
      );
      const dialog = h(
        "dialog",
        { class: "tf-dialog md-typeset", "aria-labelledby": "tf-dialog-title" },
        h("h2", { id: "tf-dialog-title" }, title),
        lines.map((l) => h("p", {}, l)),
        input && h("label", { for: input.id }, "Name"),
        input,
        h(
          "div",
          { class: "tf-dialog__buttons" },
          button("Cancel", () => dialog.close()),
          ok,
        ),
      );
      if (input)
        input.addEventListener("keydown", (ev) => {
          if (ev.key === "Enter") ok.click();
        });
      dialog.addEventListener("close", () => {
        dialog.remove();
        if (back && back.isConnected) back.focus();
        done(dialog.returnValue === "ok" ? (input ? input.value.trim() : true) : null);
      });
      document.body.append(dialog);
      dialog.showModal();
    });
  }

  const MODES = {
    local: "saved in this browser only",
    session: "this session only: wiped when you close this tab",
    memory: "not saved: this browser blocks storage",
  };
  function warnings() {
    const out = [];
    if (unreadable)
      out.push(
        "This browser holds saved answers this version of the site cannot read. They are left untouched; what you answer now is not saved.",
      );
    else if (mode === "memory")
      out.push(
        "Storage is blocked in this browser, so nothing is saved: answers last while this tab stays on the site; a reload loses them. Export to keep a copy.",
      );
    if (failed)
      out.push(
        "Your last change could not be saved: storage is full or blocked. Export now to keep a copy.",
      );
    return out.map((t) => h("p", { class: "tf-a-warn" }, h("strong", {}, "Warning: "), t));
  }
  // Storage modes, switched from the dashboard.
  function startSession() {
    mode = "session";
    store = SS;
    unreadable = false;
    doc = fresh();
    add("This session");
    try {
      SS.removeItem(KEY);
    } catch {
      /* probed: it works */
    }
    commit();
  }
  function stopSession() {
    const mine = doc;
    mode = "local";
    store = LS;
    doc = merge(read(LS) || fresh(), mine);
    try {
      SS.removeItem(KEY);
    } catch {
      /* gone anyway */
    }
    commit();
  }
  function wipeAll() {
    try {
      if (LS) {
        LS.removeItem(KEY);
        mode = "local";
        store = LS;
        unreadable = false;
      }
    } catch {
      /* blocked: nothing stored */
    }
    doc = fresh();
    refresh();
  }
  // One click, no question: on a shared computer, leave nothing behind.
  function wipeSession() {
    try {
      store.removeItem(KEY);
    } catch {
      /* the next save writes an empty document anyway */
    }
    doc = fresh();
    add("This session");
    msg = { text: "Wiped." };
    commit();
  }

  function elementPage(mount) {
    const e = EL[mount.dataset.element];
    if (!e) return;
    const boxes = [];
    const stages = document.querySelector(".tf-stages");
    if (stages && !document.getElementById("tf-hint")) {
      stages.before(
        h(
          "p",
          { class: "tf-a-hint", id: "tf-hint" },
          "Tick each indicator that is ",
          h("strong", { id: "tf-hint-short" }, "true for our task force"),
          ". Your answers stay in this browser (",
          h("a", { href: url(R.pages.privacy) }, "how"),
          "); ",
          h("a", { href: "#tf-your-assessment" }, "your stage and next steps"),
          " follow the five stages.",
        ),
      );
    }
    for (const li of document.querySelectorAll("li[data-indicator]")) {
      const id = li.dataset.indicator;
      let box = li.querySelector(":scope > .tf-check");
      if (!box) {
        box = h("input", {
          type: "checkbox",
          class: "tf-check",
          id: "tf-check-" + id,
          "aria-describedby": "tf-hint-short",
          on: { change: () => setTick(id, box.checked) },
        });
        const label = h("label", { for: box.id, class: "tf-check__label" });
        for (const node of [...li.childNodes])
          if (!(node.classList && node.classList.contains("tf-copy"))) label.append(node);
        li.prepend(box, label);
        li.classList.add("tf-checkable");
      }
      boxes.push([id, box, li]);
    }
    const radios = {},
      counts = {};
    const choice = h(
      "fieldset",
      { class: "tf-a-choice" },
      h("legend", {}, `Which stage fits ${e.title} best?`),
    );
    for (const v of [null, 1, 2, 3, 4, 5, "na"]) {
      const key = String(v);
      radios[key] = h("input", {
        type: "radio",
        name: "tf-choice",
        id: "tf-choice-" + key,
        value: key,
        on: { change: () => setField(e.id, "s", v) },
      });
      counts[key] = h("span", { class: "tf-a-count" });
      choice.append(
        h(
          "div",
          { class: "tf-a-option" },
          radios[key],
          h("label", { for: radios[key].id }, stageName(v), counts[key]),
        ),
      );
    }
    const notes = h("textarea", {
      id: "tf-notes",
      rows: 4,
      on: { input: () => setField(e.id, "n", notes.value) },
    });
    const status = h("div"),
      review = h("div"),
      result = h("div", { class: "tf-a-result", "aria-live": "polite" });
    const rule = h("p", { class: "tf-a-rule" }, RULE);
    const steps = h("div", { class: "tf-a-steps" });
    mount.replaceChildren(
      h("h2", { id: "tf-your-assessment" }, "Your self-assessment"),
      status,
      h(
        "p",
        {},
        "The roadmap is a planning guide, not a checklist: the indicators describe what each stage tends to look like. " +
          "Tick what is true, then choose the stage that fits best; the suggestion only helps.",
      ),
      review,
      choice,
      result,
      rule,
      h(
        "div",
        { class: "tf-a-notes" },
        h("label", { for: "tf-notes" }, `Notes on ${e.title}`),
        notes,
      ),
      h("h3", { id: "tf-next-steps" }, "Next steps"),
      steps,
    );
    mount.hidden = false;
    view = () => {
      const a = cur(),
        x = info(a, e);
      for (const [id, box, li] of boxes) {
        box.checked = ticked(a, id);
        li.classList.toggle("tf-ticked", box.checked);
      }
      radios[String(x.chosen)].checked = true;
      x.per.forEach(([t, n], k) => {
        counts[k + 1].textContent = ` (${t} of ${n} ticked)`;
      });
      if (document.activeElement !== notes) notes.value = x.notes;
      put(
        status,
        warnings(),
        h(
          "p",
          { class: "tf-a-status" },
          "Answers for ",
          h("strong", {}, a.name[0]),
          `, ${MODES[mode]}. `,
          mode === "session" && button("Wipe now", wipeSession, "wipe-session"),
          " ",
          h("a", { href: url(R.pages.dashboard) }, "Open the dashboard"),
          " for all elements, export and more.",
        ),
      );
      put(
        review,
        x.flagged
          ? h(
              "div",
              { class: "tf-a-warn" },
              h(
                "p",
                {},
                h("strong", {}, "Review: "),
                "this element's indicators changed in the roadmap since you answered. Check your ticks and stage, then confirm.",
              ),
              button("I have reviewed this element", () => setField(e.id, "r", e.sig), "reviewed"),
            )
          : "",
      );
      put(
        result,
        h(
          "p",
          {},
          h("strong", {}, "Suggested stage: "),
          x.sug
            ? `${stageName(x.sug)} (${x.per[x.sug - 1][0]} of ${x.per[x.sug - 1][1]} ticked).`
            : "none yet: nothing is ticked.",
        ),
        h(
          "p",
          {},
          h("strong", {}, "Counted stage: "),
          x.c == null
            ? "not assessed yet."
            : stageName(x.c) +
                (x.status === "suggested"
                  ? " (the suggestion; choose a stage to confirm or change it)."
                  : x.c === "na"
                    ? ": counts as assessed, with no stage."
                    : " (your choice)."),
        ),
      );
      put(
        steps,
        nextSteps(x, (i) => "#" + i.id),
      );
    };
    view();
    performance.mark("tf-checklist-ready");
  }
  function nextSteps(x, href) {
    if (x.c == null) return h("p", {}, "Tick indicators or choose a stage to see next steps.");
    if (x.c === "na") return h("p", {}, "Not applicable to your task force: no next steps.");
    if (x.c === 5) return h("p", {}, "Stage 5 is the last stage: keep evaluating and evolving.");
    if (!x.next.length)
      return h(
        "p",
        {},
        `Every Stage ${x.c + 1} indicator is already ticked: consider whether Stage ${x.c + 1} fits.`,
      );
    return h(
      "div",
      {},
      h("p", {}, `To reach ${stageName(x.c + 1)}, work on what is not yet true:`),
      list(x.next, (i) => h("a", { href: href(i) }, i.text)),
    );
  }

  // Redraws root from draw(region) on every change; the status region and the focused control survive.
  function mountView(root, draw) {
    const region = h("p", { role: "status", id: "tf-message" });
    view = () => {
      const focused = document.activeElement,
        k = root.contains(focused) && focused.dataset.k;
      const text = msg ? msg.text : "";
      if (region.textContent !== text) region.textContent = text;
      region.className = msg && msg.error ? "tf-a-warn" : msg ? "tf-d-msg" : "";
      root.replaceChildren(
        ...draw(region)
          .flat(9)
          .filter((x) => x),
      );
      const again = k && root.querySelector(`[data-k="${k}"]`);
      if (again) again.focus();
    };
    view();
  }
  // Features only some pages need load on demand (assets/js/<name>.js), keeping element pages light.
  const loaded = {},
    parts = [],
    pages = {};
  const need = (name) =>
    (loaded[name] =
      loaded[name] ||
      new Promise((ok, fail) => {
        document.head.append(
          h("script", { src: url(`assets/js/${name}.js`), on: { load: ok, error: fail } }),
        );
      }));
  const LATER = {
    "tf-team": ["consensus"],
    "tf-shared": ["share"],
    "tf-dashboard": ["dashboard", "snapshots", "share"],
  };

  // Every page view, including Material's instant navigation.
  function init() {
    view = null;
    msg = null;
    const mount = document.querySelector(".tf-assessment[data-element]");
    const root = document.querySelector("[data-tf-page]");
    if (mount) elementPage(mount);
    else if (root) {
      const id = root.id;
      Promise.all(LATER[id].map(need)).then(
        () => {
          if (root.isConnected) pages[id](root);
        },
        () =>
          put(
            root,
            h(
              "p",
              { class: "tf-a-warn" },
              "Part of this page could not be loaded. Reload the page to try again.",
            ),
          ),
      );
    }
  }
  // For the modules loaded on demand: the model, storage and drawing helpers.
  const core = {
    R,
    ELS,
    EL,
    IND,
    MODES,
    FORMAT,
    h,
    button,
    list,
    put,
    ask,
    url,
    when,
    stageName,
    stageCell,
    indicatorLine,
    csvText,
    csvStage,
    heatTable,
    today,
    download,
    isObj,
    warnings,
    snapshotsOf,
    info,
    ticked,
    touch,
    kept,
    cur,
    live,
    add,
    now,
    rid,
    build,
    validate,
    summary,
    exportData,
    importData,
    nextSteps,
    save,
    commit,
    refresh,
    mountView,
    wipeSession,
    startSession,
    stopSession,
    wipeAll,
    parts,
    pages,
    select: (id) => {
      doc.cur = [id, now()];
      commit();
    },
    // After an await (a dialog), another tab's merge may have replaced the object a view holds.
    byId: (id) => live().find((a) => a.id === id),
    say: (text, error) => {
      msg = text == null ? null : { text, error };
      refresh();
    },
    get mode() {
      return mode;
    },
    get persisted() {
      return persisted;
    },
    can: { local: !!LS, session: !!SS },
  };
  // For tests: the rule, the import checks, the current export, the storage key; core for the modules.
  window.TF = { suggest, counted, validate, exportData: () => exportData(cur()), key: KEY, core };
  // Fetch this page's modules now, not when document$ first fires (after DOMContentLoaded).
  const first = document.querySelector("[data-tf-page]");
  if (first) LATER[first.id].forEach((name) => need(name).catch(() => {}));
  if (window.document$) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

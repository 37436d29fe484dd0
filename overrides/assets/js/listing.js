// What the pages that list every element share (dashboard, team, shared, plan, report): the whole
// rubric as a model, CSV rows, the heatmap and other tables, the import dialog. Loaded on demand
// after the whole rubric (tf-rubric.js), before those pages' own modules; element pages never load
// it. Adds to window.TF.core, which assessment.js made.
/* global fileWriters */
(() => {
  "use strict";
  if (!window.TF || !!window.TF.core.heatTable) return;
  const { core } = window.TF;
  // The whole rubric joins the head every module already holds (core.rubric is the same object).
  const rubric = Object.assign(core.rubric, window.TF_RUBRIC);
  const { store, make, button, stageCell, stageName, today, ticked } = core;
  const { own } = store;
  const { allElements, elementById, indicatorById } = core;
  for (const area of rubric.areas)
    for (const e of area.elements) {
      e.area = area;
      allElements.push(e);
      elementById[e.id] = e;
      for (const i of e.indicators) {
        i.el = e;
        indicatorById[i.id] = i;
      }
    }

  /** @type {TFCoreParts["when"]} */
  const when = (iso) => core.localTime(new Date(iso)); // a stored moment, as this reader's clock shows it

  /** @type {TFCoreParts["stageText"]} */
  const stageText = (c) => (c == null ? "not assessed" : stageCell(c)); // a counted stage in prose

  /** @type {TFCoreParts["indicatorLine"]} */
  const indicatorLine = (i) => `Stage ${i.stage}: ${i.text}`;

  // A target in words, "Stage 3 by June 30, 2027", its date in an element that never wraps (a
  // narrow table column would otherwise break it, even between digits); `none` without a target.
  /** @type {TFCoreParts["targetNodes"]} */
  const targetNodes = (t, none) =>
    t.stage
      ? [
          `Stage ${t.stage}`,
          t.date ? [" by ", make("span", { class: "tf-date" }, core.dayText(t.date))] : "",
        ]
      : none;

  // A text shortened to `most` characters, with "…" where it was cut; code points, so that an
  // emoji is never cut in half.
  /** @type {TFCoreParts["clip"]} */
  const clip = (s, most) => {
    const chars = [...s];
    return chars.length <= most
      ? s
      : chars
          .slice(0, most - 1)
          .join("")
          .trimEnd() + "…";
  };

  // A download's name: `${prefix}-<assessment name as a slug>-<today>.<ext>`; `fallback` stands in
  // for a name with no letters or digits.
  /** @type {TFCoreParts["fileName"]} */
  const fileName = (prefix, a, fallback, ext) =>
    `${prefix}-${
      store
        .nameOf(a)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || fallback
    }-${today()}.${ext}`;

  /** @param {Assessment} a @returns {string[]} answers kept for elements this roadmap lacks */
  function kept(a) {
    return [
      ...store
        .tickedIds(a)
        .filter((id) => !own(indicatorById, id))
        .map((id) => `indicator “${id}”: ticked`),
      ...store
        .elementIds(a)
        .filter(
          (id) => !own(elementById, id) && (store.stageOf(a, id) != null || store.notesOf(a, id)),
        )
        .map(
          (id) =>
            `element “${id}”: ${stageName(store.stageOf(a, id))}${store.notesOf(a, id) ? ", with notes" : ""}`,
        ),
    ];
  }
  const { csvText } = fileWriters(); // file-writers.js, loaded before this
  /** @type {TFCoreParts["csvStage"]} */
  const csvStage = (v) => (v === "na" ? "N/A" : v == null ? "" : v);
  // The columns every per-indicator CSV (dashboard export, team agenda) starts with.
  const CSV_LEAD = [
    "Row",
    "Area",
    "Element id",
    "Element",
    "Indicator id",
    "Indicator stage",
    "Indicator",
  ];
  /** @type {TFCoreParts["csvElementLead"]} */
  const csvElementLead = (e) => ["element", e.area.title, e.id, e.title, "", "", ""];
  /** @type {TFCoreParts["csvIndicatorLead"]} */
  const csvIndicatorLead = (e, i) => [
    "indicator",
    e.area.title,
    e.id,
    e.title,
    i.id,
    i.stage,
    i.text,
  ];
  // An area's heatmap: rows are [element, info, ...anything the caller keeps with them];
  // lead(e, x, row) gives the row's attributes, its heading cell, its counted-stage cell and a
  // cell per extra column; then a cell per stage, indicators ticked of its total (darker = larger
  // share). An optional caption heads the table (it stays with the rows when copied).
  /**
   * @template {[TFElement, TFElementInfo, ...unknown[]]} R
   * @param {string} label @param {R[]} rows
   * @param {(e: TFElement, x: TFElementInfo, row: R) => [Record<string, unknown>, ...TFKid[]]} lead
   * @param {string[]} [extra] @param {string} [caption]
   */
  function heatTable(label, rows, lead, extra = [], caption = "") {
    return make(
      "div",
      { class: "tf-d-scroll", tabindex: "0", role: "region", "aria-label": label },
      make(
        "table",
        { class: "tf-heat" },
        caption && make("caption", {}, caption),
        make(
          "thead",
          {},
          make(
            "tr",
            {},
            make("th", { scope: "col" }, "Element"),
            make("th", { scope: "col" }, "Counted stage"),
            extra.map((t) => make("th", { scope: "col" }, t)),
            // On a phone the columns show the number alone; "Stage" is still read out.
            rubric.stages.map((s) =>
              make(
                "th",
                { scope: "col", title: s.name },
                make("span", { class: "tf-heat__word" }, "Stage "),
                s.n,
              ),
            ),
          ),
        ),
        make(
          "tbody",
          {},
          rows.map((row) => {
            const [e, x] = row;
            const [attrs, ...cells] = lead(e, x, row);
            return make(
              "tr",
              attrs,
              cells,
              x.per.map(([t, n], k) =>
                make(
                  "td",
                  {
                    class: `tf-heat__cell tf-h${n ? (t === n ? 5 : Math.ceil((4 * t) / n)) : 0}${x.counted === k + 1 ? " tf-counted" : ""}`,
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
  // A table that scrolls sideways on a phone rather than the page (as the heatmap does).
  /** @type {TFCoreParts["table"]} */
  const table = (label, head, body, attrs) =>
    make(
      "div",
      { class: "tf-d-scroll", tabindex: "0", role: "region", "aria-label": label },
      make(
        "table",
        attrs,
        make(
          "thead",
          {},
          make(
            "tr",
            {},
            head.map((t) => make("th", { scope: "col" }, t)),
          ),
        ),
        make("tbody", {}, body),
      ),
    );

  // What an import over the same assessment changes, read from what it would save (the store
  // keeps what a share link does not carry), so the dialog says exactly that.
  const LEFT_OUT = {
    notes: "notes",
    owners: "owners",
    people: "who took part",
    taskForce: "the task force's name",
    actions: "actions",
  };
  /** @param {Assessment} old @param {ExportData} data @param {string} what @returns {string[]} */
  function changes(old, data, what) {
    // Only the pages that load store-copies.js import (PAGE_CODE): its part of the store is there.
    const store = /** @type {TFStoreWithCopies} */ (core.store);
    const after = store.importPreview(data, what !== "the link"),
      out = [];
    if (store.nameOf(old) !== store.nameOf(after))
      out.push(`Name: “${store.nameOf(old)}” becomes “${store.nameOf(after)}”.`);
    const was = store.tickedIds(old),
      now = store.tickedIds(after);
    const gained = now.filter((id) => !ticked(old, id)).length,
      lost = was.filter((id) => !ticked(after, id)).length;
    if (gained || lost)
      out.push(
        `Ticked indicators: ${was.length} become ${now.length} (${gained} newly ticked, ${lost} unticked).`,
      );
    const stages = [],
      notes = [];
    for (const id of new Set([...store.elementIds(after), ...store.elementIds(old)])) {
      const title = own(elementById, id) ? elementById[id].title : id;
      const s0 = store.stageOf(old, id),
        s1 = store.stageOf(after, id);
      if (s0 !== s1) stages.push(`${title} (${stageName(s0)} → ${stageName(s1)})`);
      if (store.notesOf(old, id) !== store.notesOf(after, id)) notes.push(title);
    }
    if (stages.length)
      out.push(`Chosen stage changes on ${stages.length} element(s): ${stages.join("; ")}.`);
    if (notes.length) out.push(`Notes change on ${notes.length} element(s): ${notes.join(", ")}.`);
    const targets = allElements.filter((e) => {
      const t0 = store.targetOf(old, e.id),
        t1 = store.targetOf(after, e.id);
      return t0.stage !== t1.stage || t0.date !== t1.date;
    });
    if (targets.length)
      out.push(
        `Targets change on ${targets.length} element(s): ${targets.map((e) => e.title).join(", ")}.`,
      );
    out.push(...planChanges(old, after));
    const What = what[0].toUpperCase() + what.slice(1),
      left = store.leftOutOf(data).map((k) => LEFT_OUT[k]);
    const kept = left.length
      ? [
          `${What} does not carry ${left.join(", ").replace(/, ([^,]*)$/, " or $1")}: yours stay as they are.`,
        ]
      : [];
    if (out.length) return [...out, ...kept];
    return left.length
      ? [`Importing ${what} changes nothing in this assessment.`, ...kept]
      : [`${What} matches this assessment exactly: importing it changes nothing.`];
  }
  // The plan: actions added, removed and changed (owners named as such), the task force's name
  // and who took part.
  /** @param {Assessment} old @param {Assessment} after @returns {string[]} */
  function planChanges(old, after) {
    const out = [],
      was = new Map(store.actionsOf(old).map((y) => [y.id, y])),
      now = store.actionsOf(after);
    const added = now.filter((y) => !was.has(y.id)).length,
      removed = [...was.keys()].filter((id) => !now.some((y) => y.id === id)).length,
      edited = now.filter(
        (y) => was.has(y.id) && JSON.stringify(was.get(y.id)) !== JSON.stringify(y),
      );
    const owners = edited.filter((y) => (was.get(y.id) || y).owner !== y.owner).length;
    const parts = [
      added && `${added} added`,
      removed && `${removed} removed`,
      edited.length && `${edited.length} changed${owners ? ` (${owners} in owner)` : ""}`,
    ].filter(Boolean);
    if (parts.length) out.push(`Actions: ${was.size} become ${now.length}. ${parts.join(", ")}.`);
    for (const [k, name] of /** @type {const} */ ([
      ["taskForce", "The task force's name"],
      ["people", "Who took part"],
    ])) {
      const t0 = store.planTextOf(old, k),
        t1 = store.planTextOf(after, k);
      if (t0 !== t1) out.push(t1 ? `${name} changes.` : `${name} is cleared (it was “${t0}”).`);
    }
    return out;
  }
  // What a new assessment's import does, as it will happen: the store drops empty assessments
  // nobody touched (a fresh browser's default) when another arrives.
  /** @param {ExportData["assessment"]} x */
  function adds(x) {
    const all = store.assessments(),
      empty = all.filter((b) => store.lastChange(b) === 0 && !store.snapshotsOf(b).length);
    const names = empty.map((b) => `“${store.nameOf(b)}”`).join(", ");
    const what = `Adds a new assessment “${x.name}” with ${x.ticked.length} ticked indicator(s) and ${Object.values(x.elements).filter((v) => v.stage != null).length} chosen stage(s).`;
    if (!empty.length) return `${what} Your other assessments stay as they are.`;
    const replaced = `It takes the place of the empty assessment${empty.length > 1 ? "s" : ""} ${names}`;
    return empty.length === all.length
      ? `${what} ${replaced}, which has nothing in it: “${x.name}” will be the only assessment in this browser.`
      : `${what} ${replaced}; your other assessments stay as they are.`;
  }
  /** @type {TFCoreParts["summary"]} */
  const summary = (problems) =>
    problems.slice(0, 4).join("; ") +
    (problems.length > 4 ? `; and ${problems.length - 4} more problem(s)` : "");
  // A validated export (from a file or a shared link) joins this browser's assessments, if the user agrees.
  /** @param {ExportData} data @param {string} from @param {string} [what] */
  async function importData(data, from, what = "the file") {
    // Only the pages that load store-copies.js import (PAGE_CODE): its part of the store is there.
    const store = /** @type {TFStoreWithCopies} */ (core.store);
    const x = data.assessment,
      old = store.sameAs(data),
      tooMuch = store.importProblem(data);
    if (tooMuch) {
      core.say(`Import refused: ${tooMuch}. Nothing was changed.`, true);
      return false;
    }
    const lines = old ? changes(old, data, what) : [adds(x)];
    const unknown =
      x.ticked.filter((id) => !own(indicatorById, id)).length +
      Object.keys(x.elements).filter((id) => !own(elementById, id)).length;
    if (data.rubric !== rubric.version)
      lines.push(
        `${what[0].toUpperCase() + what.slice(1)} was made with another version of the roadmap; elements whose indicators changed get flagged for review.`,
      );
    if (unknown)
      lines.push(
        `${unknown} answer(s) refer to indicators or elements this version of the roadmap does not have: they are kept and listed.`,
      );
    const elsewhere = (x.actions || []).filter((y) => !own(elementById, y.element)).length;
    if (elsewhere)
      lines.push(
        `${elsewhere} action(s) are for elements this version of the roadmap does not have: they are kept, and the work plan lists them under their element's id.`,
      );
    const ok = await ask(
      old ? `Replace “${store.nameOf(old)}” with ${what}?` : `Import “${x.name}”?`,
      lines,
      old ? "Replace" : "Import",
    );
    if (!ok) {
      core.say("Import cancelled. Nothing was changed.");
      return false;
    }
    core.setMessage(`Imported “${x.name}” from ${from}.`);
    // Another tab may have written while the dialog was open: look again.
    const replaced = store.sameAs(data),
      copy = replaced && store.copyOf(replaced.id);
    if (!store.importExport(data, { backup: what !== "the link" })) {
      core.say(`Import refused: ${store.importProblem(data)}. Nothing was changed.`, true);
      return false;
    }
    if (replaced)
      core.offerUndo({
        text: `Replaced “${store.nameOf(replaced)}” with ${what}.`,
        done: `Put back “${store.nameOf(replaced)}” as it was before the import.`,
        list: [copy],
        select: replaced.id,
      });
    return true;
  }
  // A modal <dialog> (focus trap and Escape are native); resolves true, the name, or null.
  // A form with method="dialog" makes Enter submit once, natively: a handler that clicked OK on
  // keydown let the same key's keypress land on the button that got focus back, and reopen.
  /**
   * @overload
   * @param {string} title @param {TFKid[]} lines @param {string} okText
   * @returns {Promise<true | null>}
   */
  /**
   * @overload
   * @param {string} title @param {TFKid[]} lines @param {string} okText
   * @param {string} value a name to edit @returns {Promise<string | null>}
   */
  /**
   * @param {string} title @param {TFKid[]} lines @param {string} okText
   * @param {string} [value] @returns {Promise<true | string | null>}
   */
  function ask(title, lines, okText, value) {
    return new Promise((done) => {
      const back = /** @type {HTMLElement | null} */ (document.activeElement);
      const input =
        value != null
          ? make("input", {
              id: "tf-dialog-name",
              value,
              chars: store.LIMITS.name,
              clean: store.cleanName,
              autocomplete: "off",
            })
          : null;
      const form = make(
        "form",
        { method: "dialog" },
        make("h2", { id: "tf-dialog-title" }, title),
        lines.map((l) => make("p", {}, l)),
        input && make("label", { for: input.id }, "Name"),
        input,
        make(
          "div",
          { class: "tf-dialog__buttons" },
          button("Cancel", () => dialog.close()),
          make("button", { type: "submit", value: "ok", class: "tf-btn tf-btn--primary" }, okText),
        ),
      );
      const dialog = make(
        "dialog",
        { class: "tf-dialog md-typeset", "aria-labelledby": "tf-dialog-title" },
        form,
      );
      form.addEventListener("submit", (ev) => {
        if (input && !input.value.trim()) {
          ev.preventDefault();
          input.focus();
        }
      });
      // Material's shortcuts listen on window (n, p, s, /): behind a modal dialog they must not act.
      dialog.addEventListener("keydown", (ev) => ev.stopPropagation());
      dialog.addEventListener("close", () => {
        dialog.remove();
        if (back && back.isConnected) back.focus();
        done(dialog.returnValue === "ok" ? (input ? input.value.trim() : true) : null);
      });
      document.body.append(dialog);
      dialog.showModal();
    });
  }

  // A page drawn by its code, opened at an anchor in what it drew (a link to one of its tools):
  // the browser looked for the anchor before it existed, so go there now.
  const toAnchor = () => {
    let id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      return;
    }
    const target = id && document.getElementById(id);
    if (target) target.scrollIntoView();
  };

  Object.assign(
    core,
    /** @satisfies {Partial<TFCoreParts>} */ ({
      toAnchor,
      when,
      stageText,
      indicatorLine,
      targetNodes,
      clip,
      fileName,
      kept,
      csvText,
      csvStage,
      CSV_LEAD,
      csvElementLead,
      csvIndicatorLead,
      heatTable,
      table,
      summary,
      importData,
      ask,
    }),
  );
})();

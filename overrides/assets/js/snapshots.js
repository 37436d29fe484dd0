// Dated snapshots: the current assessment's stages and ticks frozen in one click, kept with the
// assessment (merged per snapshot by the store, like every other field), and each element's stage over
// time. Loaded on the data page only (/self-assessment/data/).
(() => {
  "use strict";
  if (!window.TF || window.TF.core.snapshots) return;
  const { core } = window.TF;
  const { make, button, stageCell } = core;
  // store-copies.js loads before this module (PAGE_CODE): the store has its part.
  const store = /** @type {TFStoreWithCopies} */ (core.store);
  const { LIMITS, own } = store;

  /** @param {Assessment} a */
  function take(a) {
    /** @type {Record<string, Stage>} */
    const stages = {},
      /** @type {Record<string, number>} */
      targets = {};
    for (const e of core.allElements) {
      const c = core.info(a, e).counted,
        target = store.targetOf(a, e.id).stage;
      if (c != null) stages[e.id] = c;
      if (target) targets[e.id] = target;
    }
    // Progress toward the targets, and how many actions were done then.
    const acts = store.actionsOf(a),
      actions = { done: acts.filter((x) => x.status === "done").length, all: acts.length };
    core.setMessage(null);
    const taken = store.addSnapshot(a.id, {
      stages,
      ticked: store.tickedIds(a),
      targets,
      actions,
    });
    if (taken) core.say(`Saved a snapshot of “${store.nameOf(a)}” dated ${core.when(taken)}.`);
    else
      core.say(
        `No snapshot was saved: “${store.nameOf(a)}” already has ${LIMITS.snapshots}, the most one assessment keeps. Delete an old one first.`,
        true,
      );
  }

  // Delete one snapshot once the reader confirms, offering to undo, and keep the focus near.
  /** @param {Assessment} a @param {ExportedSnapshot[]} all @param {ExportedSnapshot} s @param {number} n */
  async function remove(a, all, s, n) {
    if (
      !(await core.ask(
        `Delete the snapshot of ${core.when(s.taken)}?`,
        ["The assessment itself stays as it is."],
        "Delete",
      ))
    )
      return;
    core.setMessage(`Deleted the snapshot of ${core.when(s.taken)}.`);
    const { id: sid, ...value } = s;
    const near = all[n + 1] || all[n - 1];
    core.focusAfter(near ? "snapshot-delete-" + near.id : "snapshot");
    store.deleteSnapshot(a.id, s.id);
    core.offerUndo({
      text: `Deleted the snapshot of ${core.when(s.taken)}.`,
      done: `Put back the snapshot of ${core.when(s.taken)}.`,
      snapshot: [a.id, sid, value],
    });
  }

  // One snapshot in the list: when, how much it holds, and its Delete button.
  /** @param {Assessment} a @param {ExportedSnapshot[]} all @param {ExportedSnapshot} s @param {number} n */
  function snapshotRow(a, all, s, n) {
    return make(
      "li",
      { "data-snapshot": s.id },
      `${core.when(s.taken)} · ${Object.keys(s.stages).length} of ${core.allElements.length} elements assessed · ${s.ticked.length} indicators ticked `,
      button(
        ["Delete", make("span", { class: "tf-sr" }, ` the snapshot of ${core.when(s.taken)}`)],
        () => remove(a, all, s, n),
        "snapshot-delete-" + s.id,
      ),
    );
  }

  /**
   * @typedef {{ label: string, stage: (e: TFElement) => Stage | null | undefined,
   *   target: (e: TFElement) => number | null }} HistoryColumn
   */
  // Columns: each snapshot, then now; an arrow marks a move since the column before.
  /**
   * @param {Assessment} a @param {ExportedSnapshot[]} all
   * @returns {HistoryColumn[]}
   */
  function historyColumns(a, all) {
    /** @type {Record<string, number>} */
    const seen = {}; // two snapshots in one minute get told apart
    return all
      .map(
        /** @returns {HistoryColumn} */ (s) => {
          const day = core.when(s.taken),
            n = (seen[day] = (seen[day] || 0) + 1);
          return {
            label: n > 1 ? `${day} (${n})` : day,
            stage: (e) => s.stages[e.id],
            target: (e) => (s.targets && own(s.targets, e.id) ? s.targets[e.id] : null),
          };
        },
      )
      .concat({
        label: "Now",
        stage: (e) => core.info(a, e).counted,
        target: (e) => store.targetOf(a, e.id).stage,
      });
  }

  // One cell of the history table: the stage, its target, and an arrow if it moved.
  /** @param {HistoryColumn[]} cols @param {HistoryColumn} c @param {number} n @param {TFElement} e */
  function historyCell(cols, c, n, e) {
    const v = c.stage(e),
      before = n ? cols[n - 1].stage(e) : undefined;
    const move =
      typeof v === "number" && typeof before === "number" && v !== before
        ? v > before
          ? "up"
          : "down"
        : "";
    return make(
      "td",
      { class: move ? "tf-move-" + move : null },
      stageCell(v),
      c.target(e) && make("span", { class: "tf-d-sug" }, ` (target ${c.target(e)})`),
      move &&
        make(
          "span",
          { class: "tf-move" },
          move === "up" ? " ▲" : " ▼",
          make("span", { class: "tf-sr" }, ` ${move} from ${stageCell(before)}`),
        ),
    );
  }

  // The history table: one row per element, one column per snapshot, then now.
  /** @param {HistoryColumn[]} cols */
  function historyTable(cols) {
    return make(
      "table",
      { class: "tf-history", id: "tf-history" },
      make(
        "thead",
        {},
        make(
          "tr",
          {},
          make("th", { scope: "col" }, "Element"),
          cols.map((c) => make("th", { scope: "col" }, c.label)),
        ),
      ),
      make(
        "tbody",
        {},
        core.allElements.map((e) =>
          make(
            "tr",
            { "data-history": e.id },
            make("th", { scope: "row" }, make("a", { href: core.url(e.url) }, e.title)),
            cols.map((c, n) => historyCell(cols, c, n, e)),
          ),
        ),
      ),
    );
  }

  core.parts.unshift((a) => {
    const all = store.snapshotsOf(a);
    /** @type {HTMLElement[]} */
    const out = [
      make("h2", { id: "tf-snapshots" }, "Snapshots over time"),
      make(
        "p",
        {},
        "A snapshot keeps today's counted stages and ticked indicators, dated, while the assessment goes on changing: " +
          "save one after each review meeting to see each element's progress.",
      ),
      make(
        "div",
        { class: "tf-d-actions" },
        button("Save a dated snapshot", () => take(a), "snapshot", "tf-btn--primary"),
      ),
      make(
        "p",
        { id: "tf-snapshot-count" },
        `${all.length} of ${LIMITS.snapshots} snapshots this assessment can keep.`,
      ),
    ];
    if (!all.length)
      return out.concat(
        make("p", { id: "tf-snapshot-none" }, `No snapshots of “${store.nameOf(a)}” yet.`),
      );
    out.push(
      make(
        "ul",
        { id: "tf-snapshot-list" },
        all.map((s, n) => snapshotRow(a, all, s, n)),
      ),
    );
    const cols = historyColumns(a, all);
    out.push(
      make("h3", { id: "tf-history-title" }, "Each element's counted stage over time"),
      make(
        "div",
        {
          class: "tf-d-scroll",
          tabindex: "0",
          role: "region",
          "aria-labelledby": "tf-history-title",
        },
        historyTable(cols),
      ),
    );
    return out;
  });
  core.snapshots = { take }; // also marks the module as loaded
})();

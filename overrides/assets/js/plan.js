// The work plan (/self-assessment/plan/): every action of the current assessment, grouped by area
// and element, by owner or by due month, filtered by status and owner, with CSV and iCalendar
// exports made in the browser. The functions over plain data (core.plan) serve the report too.
// Loaded on demand on the plan and report pages.
/* global planFiles */
(() => {
  "use strict";
  if (!window.TF || window.TF.core.plan) return;
  const { core } = window.TF;
  performance.mark("tf-code-plan");
  const { rubric, make, button, STATUS } = core;
  /** @type {Set<string>} */
  const OPEN = new Set(["not-started", "in-progress"]);
  const NO_OWNER = "No owner",
    NO_DATE = "No due date",
    UNOWNED = " "; // the owner filter's value for "No owner": no trimmed name can equal it

  // Plain rows: each action with its element (null when this roadmap has no such element).
  /** @type {TFCoreParts["plan"]["rowsOf"]} */
  const rowsOf = (a, day) =>
    core.store.actionsOf(a).map((x) => ({
      ...x,
      e: core.elementById[x.element] || null,
      overdue: OPEN.has(x.status) && !!x.due && x.due < day,
    }));
  /** @type {TFCoreParts["plan"]["elementTitle"]} */
  const elementTitle = (r) => (r.e ? r.e.title : `${r.element} (not in this roadmap)`);
  const monthName = (/** @type {string} */ ym) =>
    new Date(`${ym}-01T00:00:00`).toLocaleDateString([], { month: "long", year: "numeric" });

  // Groups in reading order: [{ key, title, rows }], rows by due date (undated last) within each.
  /** @type {Record<string, { label: string, key: (r: TFPlanRow) => string, title: (r: TFPlanRow) => string }>} */
  const GROUPS = {
    area: {
      label: "Area and element",
      key: (r) => (r.e ? `${core.allElements.indexOf(r.e)}`.padStart(3, "0") : `~${r.element}`),
      title: (r) => (r.e ? `${r.e.area.title} · ${r.e.title}` : elementTitle(r)),
    },
    owner: {
      label: "Owner",
      key: (r) => (r.owner.trim() ? r.owner.trim().toLowerCase() : "\uffff"),
      title: (r) => r.owner.trim() || NO_OWNER,
    },
    month: {
      label: "Due month",
      key: (r) => (r.due ? r.due.slice(0, 7) : "\uffff"),
      title: (r) => (r.due ? monthName(r.due.slice(0, 7)) : NO_DATE),
    },
  };
  /** @param {TFPlanRow} p @param {TFPlanRow} q */
  const byDue = (p, q) => (p.due || "\uffff").localeCompare(q.due || "\uffff");
  /** @param {TFPlanRow[]} rows @param {string} by */
  function groupOf(rows, by) {
    /** @type {Map<string, { key: string, title: string, rows: TFPlanRow[] }>} */
    const out = new Map(),
      g = GROUPS[by];
    for (const r of rows) {
      const k = g.key(r);
      let group = out.get(k);
      if (!group) out.set(k, (group = { key: k, title: g.title(r), rows: [] }));
      group.rows.push(r);
    }
    return [...out.values()]
      .sort((p, q) => (p.key < q.key ? -1 : p.key > q.key ? 1 : 0))
      .map((x) => ({ ...x, rows: x.rows.slice().sort(byDue) }));
  }
  // status: "all", "open" or a status; owner: "" for all, UNOWNED for unowned, else a name.
  /** @param {TFPlanRow[]} rows @param {string} status @param {string} owner */
  const filterOf = (rows, status, owner) =>
    rows.filter(
      (r) =>
        (status === "all" || (status === "open" ? OPEN.has(r.status) : r.status === status)) &&
        (!owner || (owner === UNOWNED ? !r.owner.trim() : r.owner.trim() === owner)),
    );
  const owners = (/** @type {TFPlanRow[]} */ rows) =>
    [...new Set(rows.map((r) => r.owner.trim()).filter(Boolean))].sort((p, q) =>
      p.localeCompare(q),
    );

  // The files (file-writers.js, loaded before this).
  const { csvOf, icsOf } = planFiles(core, STATUS, elementTitle);

  // --- The page ----------------------------------------------------------------------------------

  const choice = { by: "area", status: "all", owner: "" }; // kept while the tab stays on the site
  const fileName = (/** @type {Assessment} */ a, /** @type {string} */ ext) =>
    core.fileName("work-plan", a, "assessment", ext);
  /**
   * @param {string} id @param {string} label @param {string} value
   * @param {string[][]} options [value, text] pairs @param {(v: string) => void} set
   */
  const select = (id, label, value, options, set) => {
    const s = make(
      "select",
      {
        id,
        "data-k": id,
        on: {
          change: () => {
            set(s.value);
            core.refresh();
          },
        },
      },
      options.map(([v, text]) => make("option", { value: v, selected: v === value }, text)),
    );
    return make("div", { class: "tf-d-pick" }, make("label", { for: id }, label), s);
  };

  // Each element's target, beside the actions that work toward it (actions.js draws the table).
  const targets = (/** @type {Assessment} */ a) =>
    core.targetsPart
      ? core.targetsPart(
          a,
          core.allElements.map(
            (e) => /** @satisfies {[TFElement, TFElementInfo]} */ ([e, core.info(a, e)]),
          ),
        )
      : null;

  // The line above everything: actions done, overdue, and which assessment.
  /** @param {Assessment} a @param {TFPlanRow[]} all */
  function progressLine(a, all) {
    const done = all.filter((r) => r.status === "done").length,
      overdue = all.filter((r) => r.overdue).length;
    return make(
      "p",
      { class: "tf-d-progress", id: "tf-plan-count" },
      make("strong", {}, `${done} of ${all.length} actions done`),
      overdue ? ` · ${overdue} overdue` : "",
      ` · assessment “${core.store.nameOf(a)}”`,
    );
  }

  // What the page says when the assessment has no actions yet.
  const emptyNote = () =>
    make(
      "p",
      { id: "tf-plan-empty" },
      "No actions yet. Open an element's page from the ",
      make("a", { href: core.url(rubric.pages.dashboard) }, "dashboard"),
      " and, under “Target and actions”, add what your task force will do, or add one from an indicator of the next stage.",
    );

  // The group, status and owner pickers.
  /** @param {string[]} names */
  function controls(names) {
    return make(
      "div",
      { class: "tf-d-bar tf-p-controls" },
      select(
        "tf-plan-by",
        "Group by",
        choice.by,
        Object.entries(GROUPS).map(([k, g]) => [k, g.label]),
        (v) => (choice.by = v),
      ),
      select(
        "tf-plan-status",
        "Status",
        choice.status,
        [["all", "All"], ["open", "Open (not started or in progress)"], ...Object.entries(STATUS)],
        (v) => (choice.status = v),
      ),
      select(
        "tf-plan-owner",
        "Owner",
        choice.owner,
        [["", "Everyone"], ...names.map((n) => [n, n]), [UNOWNED, NO_OWNER]],
        (v) => (choice.owner = v),
      ),
    );
  }

  // The export and print buttons: the exports hold the actions shown.
  /** @param {Assessment} a @param {TFPlanRow[]} shown */
  function exportButtons(a, shown) {
    return make(
      "div",
      { class: "tf-d-actions" },
      button(
        "Export CSV",
        () => {
          core.download(fileName(a, "csv"), "text/csv;charset=utf-8", csvOf(a, shown));
          core.say(`Exported ${shown.length} action(s) as CSV to your downloads.`);
        },
        "plan-csv",
      ),
      button(
        "Export calendar (.ics)",
        () => {
          const dated = shown.filter((r) => r.due).length;
          core.download(
            fileName(a, "ics"),
            "text/calendar;charset=utf-8",
            icsOf(a, shown, new Date().toISOString(), location.host),
          );
          core.say(`Exported ${dated} due date(s) as a calendar file to your downloads.`);
        },
        "plan-ics",
      ),
      button("Print", () => window.print(), "plan-print"),
    );
  }

  // One action's row: its text, element, owner, due date and a status picker.
  /** @param {Assessment} a @param {TFPlanRow} r */
  function actionRow(a, r) {
    const status = make(
      "select",
      {
        "data-k": "plan-status-" + r.id,
        "aria-label": `Status of “${r.text.slice(0, 60)}”`,
        on: { change: () => core.store.setAction(a.id, r.id, "status", status.value) },
      },
      Object.entries(STATUS).map(([v, t]) =>
        make("option", { value: v, selected: v === r.status }, t),
      ),
    );
    // data-label: each value's name, shown where a phone lays a row out as a card.
    return make(
      "tr",
      {
        "data-plan-action": r.id,
        "data-status": r.status,
        class: r.overdue ? "tf-overdue" : null,
      },
      make("td", { dir: "auto", "data-label": "Action" }, r.text || "(no text)"),
      make(
        "td",
        { "data-label": "Element" },
        r.e ? make("a", { href: core.url(r.e.url) + "#tf-plan" }, r.e.title) : elementTitle(r),
      ),
      make("td", { dir: "auto", "data-label": "Owner" }, r.owner || "—"),
      make(
        "td",
        { "data-label": "Due" },
        r.due ? make("span", { class: "tf-date" }, core.dayText(r.due)) : "—",
        r.overdue && make("strong", { class: "tf-overdue-mark" }, " overdue"),
      ),
      make(
        "td",
        { "data-label": "Status" },
        status,
        make("span", { class: "tf-print-only" }, STATUS[r.status]),
      ),
    );
  }

  // One group's heading and its table of actions.
  /** @param {Assessment} a @param {{ key: string, title: string, rows: TFPlanRow[] }} g */
  const groupPart = (a, g) => [
    make("h2", { class: "tf-p-group", "data-group": g.key }, g.title),
    core.table(
      g.title,
      ["Action", "Element", "Owner", "Due", "Status"],
      g.rows.map((r) => actionRow(a, r)),
      { class: "tf-plan" },
    ),
  ];

  /** @param {HTMLElement} region */
  function draw(region) {
    const a = core.current(),
      day = core.localDay(),
      all = rowsOf(a, day),
      names = owners(all);
    if (choice.owner && choice.owner !== UNOWNED && !names.includes(choice.owner))
      choice.owner = "";
    const shown = filterOf(all, choice.status, choice.owner);
    /** @type {TFKid[]} */
    const out = [region, progressLine(a, all)];
    if (!all.length) return out.concat(emptyNote(), targets(a));
    out.push(
      controls(names),
      exportButtons(a, shown),
      make(
        "p",
        { id: "tf-plan-shown" },
        shown.length === all.length
          ? `Showing all ${all.length} actions. Exports hold the actions shown.`
          : `Showing ${shown.length} of ${all.length} actions. Exports hold the actions shown.`,
      ),
    );
    for (const g of groupOf(shown, choice.by)) out.push(...groupPart(a, g));
    return out.concat(targets(a));
  }

  // Targets not yet reached, the largest gap first (then the earliest date, then roadmap order):
  // rows are { e, x, target, state }; a gap counts stages from the counted one (none: 0).
  /** @type {TFCoreParts["plan"]["gapsOf"]} */
  const gapsOf = (rows) =>
    rows
      .filter((r) => r.target.stage && r.state !== "reached")
      .map((r) => ({
        ...r,
        gap: (r.target.stage || 0) - (typeof r.x.counted === "number" ? r.x.counted : 0),
      }))
      .sort(
        (p, q) =>
          q.gap - p.gap ||
          (p.target.date || "\uffff").localeCompare(q.target.date || "\uffff") ||
          core.allElements.indexOf(p.e) - core.allElements.indexOf(q.e),
      );

  // What the report and the dashboard use; its presence also says plan.js has run.
  core.plan = { rowsOf, elementTitle, OPEN, gapsOf };
  core.pages["tf-plan"] = (root) => {
    core.mountView(root, draw);
    core.toAnchor(); // "#tf-targets", from the dashboard
  };
})();

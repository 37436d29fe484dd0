// The self-assessment dashboard, a summary that fits in about three laptop screens: where the task
// force stands (progress, the heatmap), what is due (overdue actions, then the next ones), the
// largest gaps to target and the notes that fit. Every other tool is one click away: targets and
// actions on the work plan, export, import, share, snapshots, compare and this browser's copy on
// the data page. Loaded on the dashboard only.
(() => {
  "use strict";
  if (!window.TF || window.TF.core.pages["tf-dashboard"]) return;
  const { core } = window.TF;
  const { rubric, allElements, make, button, list, url, when, stageCell, heatTable } = core;
  const { info, ticked, current, kept, store, dayText } = core;
  const SHOWN = { overdue: 5, next: 3, gaps: 5, notes: 4, noteChars: 160 };

  // The start guide, written into the page at build time (docs/self-assessment.md): kept when the
  // dashboard is drawn, and shown instead of the summary while nothing is assessed yet. It stays
  // first, the tools drawn below it: what the reader was reading does not move when they arrive.
  /** @type {Element | null} */
  let guide = null;
  const importInput = () => document.getElementById("tf-import");
  const chooseImport = () => {
    const input = importInput();
    if (input) input.click();
  };
  /** @param {HTMLElement} root */
  function takeGuide(root) {
    guide = root.querySelector("#tf-start");
    const start = guide && guide.querySelector("#tf-start-import");
    if (start) start.addEventListener("click", chooseImport);
  }
  const dataPage = (/** @type {string} */ anchor) => url(rubric.pages.data) + anchor;

  // The other tools, one click away.
  const tools = () =>
    make(
      "nav",
      { class: "tf-d-tools", id: "tf-tools", "aria-label": "Self-assessment tools" },
      make("strong", {}, "More: "),
      [
        [url(rubric.pages.plan), "Targets and work plan"],
        [url(rubric.pages.report), "Report for leadership"],
        [dataPage("#tf-backup"), "Export and import"],
        [dataPage("#tf-share"), "Share a link"],
        [dataPage("#tf-snapshots"), "Snapshots and comparison"],
        [dataPage("#tf-storage"), "Session-only mode and deleting"],
        [url(rubric.pages.team), "Team consensus"],
      ].map(([href, text], n) => [n ? " · " : "", make("a", { href }, text)]),
    );

  /** @param {HTMLElement} region */
  function drawDashboard(region) {
    const a = current(),
      all = store.assessments();
    const showGuide = core.firstVisit() && guide; // in place of the summary, above the tools
    /** @type {TFKid[]} */
    const out = showGuide ? [guide] : [];
    out.push(
      core.assessmentBar(a, all, [button("Print", () => window.print(), "print")]),
      make(
        "p",
        { class: "tf-d-printinfo" },
        `Assessment “${store.nameOf(a)}”, printed ${when(new Date().toISOString())}.`,
      ),
      core.statusBox(a, region, dataPage("#tf-backup")),
      tools(),
    );
    // The start guide's "Import a file" opens this field's chooser.
    if (showGuide) return out.concat(core.importField());
    return out.concat(summary(a));
  }

  /** @param {Assessment} a */
  function summary(a) {
    core.overviewParts(); // what is due and the gaps, drawn as they arrive after a first visit
    const rows = allElements.map((e) => /** @satisfies {TFElementRow} */ ([e, info(a, e)]));
    const assessed = rows.filter(([, x]) => x.counted != null).length;
    const tickedCount = allElements.reduce(
      (n, e) => n + e.indicators.filter((i) => ticked(a, i.id)).length,
      0,
    );
    const total = allElements.reduce((n, e) => n + e.indicators.length, 0);
    const bar = make("span", { class: "tf-d-bar__fill" });
    bar.style.width = `${(100 * assessed) / allElements.length}%`;
    return [
      make(
        "p",
        { class: "tf-d-progress", id: "tf-progress" },
        make("strong", {}, `${assessed} of ${allElements.length} elements assessed`),
        ` · ${tickedCount} of ${total} indicators ticked`,
      ),
      make("div", { class: "tf-d-meter", "aria-hidden": "true" }, bar),
      review(a, rows),
      core.plan && [due(a), gaps(a, rows)],
      heatmap(rows),
      notes(rows),
    ];
  }

  // Elements whose indicators changed since they were answered; answers this roadmap lacks.
  /** @param {Assessment} a @param {TFElementRow[]} rows */
  function review(a, rows) {
    const flagged = rows.filter(([, x]) => x.flagged),
      keptList = kept(a);
    return [
      flagged.length > 0 &&
        make(
          "div",
          { class: "tf-a-warn", id: "tf-review" },
          make(
            "p",
            {},
            make("strong", {}, "Review: "),
            "the roadmap's indicators changed for these elements since you answered. Open each, check and confirm:",
          ),
          list(flagged, ([e]) => make("a", { href: url(e.url) + "#tf-your-assessment" }, e.title)),
        ),
      keptList.length > 0 &&
        make(
          "div",
          { class: "tf-d-kept", id: "tf-kept" },
          make(
            "p",
            {},
            make("strong", {}, "Kept from another version of the roadmap: "),
            "answers for indicators or elements this version does not have. They stay saved and exported.",
          ),
          list(keptList, (t) => t),
        ),
    ];
  }

  const dateOf = (/** @type {string} */ day) => make("span", { class: "tf-date" }, dayText(day));
  // What is due: every open action past its date first (the most shown, the rest counted), then the
  // next ones by date; each links to its element's actions.
  /** @param {Assessment} a */
  function due(a) {
    const { rowsOf, OPEN, elementTitle } = core.plan;
    const open = rowsOf(a, core.localDay())
      .filter((r) => OPEN.has(r.status))
      .sort((p, q) => (p.due || "\uffff").localeCompare(q.due || "\uffff"));
    const overdue = open.filter((r) => r.overdue),
      next = open.filter((r) => !r.overdue && r.due);
    const item = (/** @type {TFPlanRow} */ r) =>
      make(
        "li",
        { "data-due": r.id, class: r.overdue ? "tf-overdue" : null },
        dateOf(r.due),
        r.overdue && make("strong", { class: "tf-overdue-mark" }, " overdue"),
        " · ",
        make(
          "a",
          { href: r.e ? url(r.e.url) + "#tf-plan" : url(rubric.pages.plan), dir: "auto" },
          core.clip(r.text, 70) || "(no text)",
        ),
        make(
          "span",
          { class: "tf-d-sug" },
          ` · ${elementTitle(r)}${r.owner ? ` · ${core.clip(r.owner, 32)}` : ""}`,
        ),
      );
    const more = overdue.length - SHOWN.overdue;
    return make(
      "section",
      { class: "tf-d-glance tf-d-due", "aria-labelledby": "tf-due" },
      make("h2", { id: "tf-due" }, "What is due"),
      make(
        "p",
        { class: "tf-d-summary", id: "tf-due-count" },
        open.length
          ? `${overdue.length} overdue · ${open.length} open actions. `
          : "No open actions. ",
        make("a", { href: url(rubric.pages.plan) }, open.length ? "The work plan" : "Plan actions"),
        open.length ? " lists them all." : " on each element's page or the work plan.",
      ),
      (overdue.length > 0 || next.length > 0) &&
        make(
          "ul",
          { class: "tf-d-due-list" },
          overdue.slice(0, SHOWN.overdue).map(item),
          more > 0 &&
            make("li", {}, make("a", { href: url(rubric.pages.plan) }, `and ${more} more overdue`)),
          next.slice(0, SHOWN.next).map(item),
        ),
    );
  }

  // The largest gaps between counted stage and target (the report's rule, core.plan.gapsOf).
  /** @param {Assessment} a @param {TFElementRow[]} rows */
  function gaps(a, rows) {
    const day = core.localDay();
    const all = core.plan.gapsOf(
      rows.map(([e, x]) => {
        const target = store.targetOf(a, e.id);
        return { e, x, target, state: core.targetState(x.counted, target, day) };
      }),
    );
    const hasTargets = rows.some(([e]) => store.targetOf(a, e.id).stage);
    return make(
      "section",
      { class: "tf-d-glance tf-d-gaps", "aria-labelledby": "tf-gaps" },
      make("h2", { id: "tf-gaps" }, "Largest gaps to target"),
      all.length
        ? make(
            "ul",
            {},
            all
              .slice(0, SHOWN.gaps)
              .map((r) =>
                make(
                  "li",
                  { "data-gap": r.e.id },
                  make("a", { href: url(r.e.url) + "#tf-plan" }, r.e.title),
                  `: ${stageCell(r.x.counted)} → `,
                  core.targetNodes(r.target, ""),
                  make(
                    "span",
                    { class: r.state === "late" ? "tf-state-late" : "tf-d-sug" },
                    ` · ${r.gap} stage${r.gap === 1 ? "" : "s"}${r.state === "late" ? ", past its date" : ""}`,
                  ),
                ),
              ),
          )
        : make("p", {}, hasTargets ? "Every target is reached." : "No targets set yet."),
      make(
        "p",
        { class: "tf-d-summary" },
        make("a", { href: url(rubric.pages.plan) + "#tf-targets" }, "Set targets"),
        " beside the actions on the work plan.",
      ),
    );
  }

  /** @param {TFElementRow[]} rows */
  function heatmap(rows) {
    return [
      make("h2", { id: "tf-overview" }, "Stages by element"),
      make(
        "p",
        { class: "tf-d-legend" },
        "Each cell: indicators ticked of the stage's total, coloured by the share ticked: ",
        // The scale drawn with the cells' own classes: right in both palettes.
        ["none", "up to ¼", "up to ½", "up to ¾", "most", "all"].map((text, level) =>
          make("span", { class: `tf-heat__cell tf-h${level} tf-d-swatch` }, text),
        ),
        ". The counted stage (your choice, else the suggestion) is marked ",
        make("span", { class: "tf-heat__cell tf-counted tf-d-swatch" }, "like this"),
        ".",
      ),
      rubric.areas.map((area) => {
        const mine = rows.filter(([e]) => e.area === area);
        const by = (/** @type {Stage} */ c) => mine.filter(([, x]) => x.counted === c).length;
        const counts = [
          `${mine.filter(([, x]) => x.counted != null).length} of ${mine.length} assessed`,
          ...rubric.stages.map((s) => by(s.n) > 0 && `Stage ${s.n}: ${by(s.n)}`),
          by("na") > 0 && `not applicable: ${by("na")}`,
        ]
          .filter(Boolean)
          .join(" · ");
        return [
          make(
            "h3",
            { id: "tf-area-" + area.id, class: "tf-d-area" },
            make("a", { href: url(area.url) }, area.title),
            " · ",
            make("span", { class: "tf-d-summary", "data-area": area.id }, counts),
          ),
          heatTable(`${area.title}: stages by element`, mine, (e, x) => [
            {
              "data-element": e.id,
              "data-stage": typeof x.counted === "number" ? x.counted : "",
              "data-status": x.status,
            },
            make(
              "th",
              { scope: "row" },
              make("a", { href: url(e.url) }, e.title),
              x.flagged && make("span", { class: "tf-d-flag" }, " (review)"),
            ),
            make(
              "td",
              {},
              stageCell(x.counted),
              x.status === "suggested" && make("span", { class: "tf-d-sug" }, " suggested"),
            ),
          ]),
        ];
      }),
    ];
  }

  // The notes, as many as fit (each shortened); the rest named, each a link to its page.
  /** @param {TFElementRow[]} rows */
  function notes(rows) {
    const withNotes = rows.filter(([, x]) => x.notes);
    if (!withNotes.length) return null;
    const shown = withNotes.slice(0, SHOWN.notes),
      rest = withNotes.slice(SHOWN.notes);
    return [
      make("h2", { id: "tf-notes-all" }, "Notes"),
      make(
        "div",
        { class: "tf-d-notes-grid" },
        shown.map(([e, x]) =>
          make(
            "div",
            { class: "tf-d-element", "data-notes": e.id },
            make(
              "h3",
              {},
              make("a", { href: url(e.url) + "#tf-notes" }, e.title),
              ` · ${x.counted == null ? "not assessed" : stageCell(x.counted)}`,
            ),
            make("div", { class: "tf-d-notes", dir: "auto" }, core.clip(x.notes, SHOWN.noteChars)),
          ),
        ),
      ),
      rest.length > 0 &&
        make(
          "p",
          { class: "tf-d-todo" },
          "Notes on more elements: ",
          rest.map(([e], n) => [
            n ? ", " : "",
            make("a", { href: url(e.url) + "#tf-notes" }, e.title),
          ]),
        ),
    ];
  }

  core.pages["tf-dashboard"] = (root) => {
    takeGuide(root);
    core.mountView(root, drawDashboard);
    // "Import a file" clicked before this code arrived (the loader waits on a first visit). A file
    // chooser opens only within seconds of a click: later (a slow phone), the reader is asked again.
    const pending = window.TF_CODE && window.TF_CODE.takePending();
    if (pending && pending.clicked === "tf-start-import") {
      if (!navigator.userActivation || navigator.userActivation.isActive) chooseImport();
      else {
        core.say("Choose the file to import: the page was still loading when you asked.");
        const input = importInput();
        if (input) input.focus();
      }
    }
    performance.mark("tf-dashboard-drawn");
  };
})();

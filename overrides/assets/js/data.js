// Your assessment's data (/self-assessment/data/): export and import, a read-only share link
// (share.js) and dated snapshots (snapshots.js), a comparison of two assessments, session-only mode
// and deleting what this browser keeps. The dashboard links here; its old anchors lead here too
// (assessment-loader.js). Loaded on this page only.
(() => {
  "use strict";
  if (!window.TF || window.TF.core.pages["tf-data"]) return;
  const { core } = window.TF;
  const {
    rubric,
    allElements,
    make,
    button,
    list,
    ask,
    url,
    stageName,
    indicatorLine,
    csvText,
    csvStage,
    download,
    info,
    ticked,
    current,
    refresh,
    say,
    kept,
    wipeSession,
    when,
  } = core;
  // store-copies.js loads before this module (PAGE_CODE): the store has its part.
  const store = /** @type {TFStoreWithCopies} */ (core.store);
  const { nameOf } = store,
    setMessage = core.setMessage,
    optionText = core.optionText;
  /** @type {[string | null, string | null]} */
  let compared = [null, null]; // the two assessments compared, kept while the tab stays on the site

  /** @param {Assessment} a */
  function csv(a) {
    /** @type {(string | number)[][]} */
    const rows = [
      [
        ...core.CSV_LEAD,
        "True for our task force",
        "Chosen stage",
        "Suggested stage",
        "Counted stage",
        "Notes",
      ],
    ];
    for (const e of allElements) {
      const x = info(a, e);
      rows.push([
        ...core.csvElementLead(e),
        "",
        csvStage(x.chosen),
        csvStage(x.suggested),
        csvStage(x.counted),
        x.notes,
      ]);
      for (const i of e.indicators) {
        rows.push([...core.csvIndicatorLead(e, i), ticked(a, i.id) ? "yes" : "no", "", "", "", ""]);
      }
    }
    for (const line of kept(a))
      rows.push([
        "kept answer (not in this version of the roadmap)",
        "",
        "",
        "",
        "",
        "",
        line,
        "",
        "",
        "",
        "",
        "",
      ]);
    return csvText(rows);
  }
  const fileName = (/** @type {Assessment} */ a, /** @type {string} */ ext) =>
    core.fileName("self-assessment", a, "export", ext);
  /** @param {"csv" | "json"} kind */
  function doExport(kind) {
    const a = current();
    if (kind === "csv") download(fileName(a, "csv"), "text/csv;charset=utf-8", csv(a));
    else {
      const data = store.exportData(a);
      download(fileName(a, "json"), "application/json", JSON.stringify(data, null, 2) + "\n");
      store.markExported(a.id, data.exported);
    }
    say(`Exported “${nameOf(a)}” as ${kind.toUpperCase()} to your downloads.`);
  }

  // Back up and restore.
  function backup() {
    const out = [];
    out.push(
      make("h2", { id: "tf-backup" }, "Export and import"),
      make(
        "p",
        {},
        "Export saves a file on this device; nothing is uploaded. JSON restores or moves the assessment (",
        make("a", { href: url(rubric.pages.schema) }, "its schema"),
        "), CSV opens in a spreadsheet. Import asks before it changes anything.",
      ),
      make(
        "div",
        { class: "tf-d-actions" },
        button("Export JSON", () => doExport("json"), "export-json", "tf-btn--primary"),
        button("Export CSV", () => doExport("csv"), "export-csv"),
      ),
      core.importField(),
    );

    return out;
  }
  // This browser's copy: session-only mode, and deleting everything.
  /** @param {Assessment[]} all */
  function storage(all) {
    /** @type {HTMLElement[]} */
    const out = [];
    out.push(make("h2", { id: "tf-storage" }, "This browser's copy"));
    if (store.status().mode === "session") out.push(...sessionOnPart());
    else out.push(...sessionOffPart(all));
    return out;
  }
  // Session-only mode is on: since when, wipe the session now, or stop the mode.
  function sessionOnPart() {
    return [
      make(
        "p",
        {},
        `Session-only mode is on in every tab of this site in this browser${store.status().sessionSince ? `, since ${when(new Date(Number(store.status().sessionSince)).toISOString())}` : ""}: ` +
          "answers stay in the open tabs and vanish when you close them. It stays on, also for your next visit, until you stop it.",
      ),
      make(
        "div",
        { class: "tf-d-actions" },
        button("Wipe this session now", wipeSession, "wipe-session"),
        store.can.local &&
          button(
            "Stop session-only mode",
            async () => {
              if (
                !(await ask(
                  "Stop session-only mode?",
                  [
                    "This session's assessments join those saved in this browser. To discard them, wipe first.",
                  ],
                  "Save in this browser",
                ))
              )
                return;
              setMessage("Session-only mode is off: answers are saved in this browser.");
              store.stopSession();
            },
            "stop-session",
          ),
      ),
    ];
  }
  // Session-only mode is off: start it, or delete everything saved here.
  // "Delete everything" names the unreadable data it destroys: undo keeps only readable answers.
  function unreadableNote() {
    const s = store.status();
    if (!s.unreadable.length) return "";
    const chars = s.unreadable.reduce((n, k) => n + (store.setAsideCopy(k) || "").length, 0);
    const size = `${Math.max(1, Math.round(chars / 1024)).toLocaleString("en-US")} KB`;
    return s.stuck
      ? `This also deletes the saved data this version of the site cannot read (${size}), which storage was too full to set aside. Undo does not bring it back: save a copy of it first (“Save a copy of the unreadable data”) if you may need it.`
      : `This also deletes the copy of unreadable saved data that was set aside (${size}). Undo does not bring it back: save a copy of it first if you may need it.`;
  }
  /** @param {Assessment[]} all */
  function sessionOffPart(all) {
    return [
      make(
        "p",
        {},
        "On a shared or public computer, use session-only mode: answers stay in this site's open tabs and vanish when you close them.",
      ),
      make(
        "div",
        { class: "tf-d-actions" },
        store.can.session &&
          button(
            "Use this session only",
            async () => {
              if (
                !(await ask(
                  "Use this session only?",
                  [
                    "From now on, in every tab of this site, answers stay in the open tabs and are wiped when you close them; it stays on, also for your next visit, until you stop it. Assessments saved in this browser stay, hidden until you stop.",
                  ],
                  "Use this session only",
                ))
              )
                return;
              setMessage("Session-only mode is on.");
              store.startSession();
            },
            "start-session",
          ),
        button(
          "Delete everything saved here",
          async () => {
            if (
              !(await ask(
                "Delete everything saved in this browser?",
                [
                  `All ${all.length} assessment(s) and their notes are removed from this browser. You can undo this for a few minutes in this tab; export what you want to keep first.`,
                  unreadableNote(),
                  store.undoOffers().length &&
                    "Earlier deletions can no longer be undone after this: undo them first if you need them.",
                ].filter(Boolean),
                "Delete everything",
              ))
            )
              return;
            setMessage("Everything saved here was deleted.");
            const list = store.assessments().map((b) => store.copyOf(b.id)),
              select = store.current().id;
            store.wipeAll(); // drops earlier undo copies too: the dialog said so
            core.offerUndo({
              text: "Deleted everything saved here.",
              done: "Put back everything that was saved here.",
              list,
              select,
              everything: true,
            });
          },
          "wipe-all",
          "tf-btn--danger",
        ),
      ),
    ];
  }
  // Two assessments side by side, element by element.
  /** @param {Assessment} a @param {Assessment[]} all */
  function comparison(a, all) {
    /** @type {TFKid[]} */
    const out = [];
    out.push(make("h2", { id: "tf-compare" }, "Compare two assessments"));
    if (all.length < 2)
      out.push(make("p", {}, "Create, duplicate or import a second assessment to compare."));
    else {
      if (!all.some((b) => b.id === compared[0]))
        compared[0] = (all.find((b) => b.id !== a.id) || all[0]).id;
      if (!all.some((b) => b.id === compared[1])) compared[1] = a.id;
      /** @param {0 | 1} n @param {string} label */
      const sel = (n, label) => {
        const s = make(
          "select",
          {
            id: "tf-compare-" + n,
            "data-k": "compare-" + n,
            on: {
              change: () => {
                compared[n] = s.value;
                refresh();
              },
            },
          },
          all.map((b) =>
            make("option", { value: b.id, selected: b.id === compared[n] }, optionText(b, all)),
          ),
        );
        return make("div", { class: "tf-d-pick" }, make("label", { for: s.id }, label), s);
      };
      out.push(
        make("div", { class: "tf-d-bar tf-d-compare-pick" }, sel(0, "From"), sel(1, "To")),
        compareFound(
          all.find((b) => b.id === compared[0]),
          all.find((b) => b.id === compared[1]),
        ),
      );
    }

    return out;
  }
  // Both are found: the picks were just set to assessments in the list.
  /** @param {Assessment | undefined} a @param {Assessment | undefined} b */
  const compareFound = (a, b) => a && b && compare(a, b);
  /** @param {Assessment} a @param {Assessment} b */
  function compare(a, b) {
    const diffs = allElements
      .map((e) => {
        const x = info(a, e),
          y = info(b, e);
        const gained = e.indicators.filter((i) => ticked(b, i.id) && !ticked(a, i.id));
        const lost = e.indicators.filter((i) => ticked(a, i.id) && !ticked(b, i.id));
        return { e, x, y, gained, lost };
      })
      .filter((d) => d.x.counted !== d.y.counted || d.gained.length || d.lost.length);
    const label = (/** @type {TFElementInfo} */ x) =>
      (x.counted == null ? "not assessed" : stageName(x.counted)) +
      (x.status === "suggested" ? " (suggested)" : "");
    /** @param {{ x: TFElementInfo, y: TFElementInfo }} d */
    const move = (d) =>
      typeof d.x.counted === "number" &&
      typeof d.y.counted === "number" &&
      d.x.counted !== d.y.counted
        ? ` (${d.y.counted > d.x.counted ? "up" : "down"} ${Math.abs(d.y.counted - d.x.counted)})`
        : "";
    return make(
      "div",
      { class: "tf-d-comparison", id: "tf-comparison" },
      make(
        "p",
        {},
        `${diffs.length} of ${allElements.length} elements differ between “${nameOf(a)}” and “${nameOf(b)}”.`,
      ),
      diffs.map((d) =>
        make(
          "div",
          { class: "tf-d-element", "data-compare": d.e.id },
          make("h3", {}, make("a", { href: url(d.e.url) }, d.e.title)),
          make(
            "p",
            {},
            d.x.counted === d.y.counted
              ? `Stage unchanged: ${label(d.x)}.`
              : `${label(d.x)} → ${label(d.y)}${move(d)}.`,
          ),
          d.gained.length && [
            make("p", {}, `Indicators gained (${d.gained.length}):`),
            list(d.gained, indicatorLine),
          ],
          d.lost.length && [
            make("p", {}, `Indicators lost (${d.lost.length}):`),
            list(d.lost, indicatorLine),
          ],
        ),
      ),
    );
  }

  /** @param {HTMLElement} region */
  function draw(region) {
    const a = current(),
      all = store.assessments();
    return [
      core.assessmentBar(a, all),
      core.statusBox(a, region, null),
      make(
        "nav",
        { class: "tf-d-tools", "aria-label": "On this page" },
        make("strong", {}, "On this page: "),
        [
          ["#tf-backup", "Export and import"],
          ["#tf-snapshots", "Snapshots"],
          ["#tf-share", "Share a link"],
          ["#tf-compare", "Compare"],
          ["#tf-storage", "This browser's copy"],
        ].map(([href, text], n) => [n ? " · " : "", make("a", { href }, text)]),
      ),
      backup(),
      core.parts.map((f) => f(a)),
      comparison(a, all),
      storage(all),
    ];
  }

  core.pages["tf-data"] = (root) => {
    core.mountView(root, draw);
    core.toAnchor(); // a link to one tool, or an old dashboard address that led here
  };
})();

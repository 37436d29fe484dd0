// The self-assessment dashboard: every element at a glance, named assessments, comparison,
// export and import, and this browser's storage mode. Loaded on the dashboard page only.
(() => {
  "use strict";
  const core = window.TF && window.TF.core;
  if (!core || core.pages["tf-dashboard"]) return;
  const {
    rubric,
    allElements,
    make,
    button,
    list,
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
    info,
    ticked,
    current,
    refresh,
    say,
    kept,
    nextSteps,
    warnings,
    wipeSession,
    MODES,
    summary,
    importData,
    store,
  } = core;
  const { nameOf } = store,
    setMessage = core.setMessage;
  // The copy's suggested name stays within the limit on names.
  const copyName = (name) =>
    [...name].slice(0, store.LIMITS.name - " (copy)".length).join("") + " (copy)";
  // A picker's option: the name and the day it was created; the time too when name and day repeat.
  const day = (iso) => core.localDay(new Date(iso));
  function optionText(b, all) {
    const created = store.createdOf(b);
    const twin = all.some(
      (o) => o !== b && nameOf(o) === nameOf(b) && day(store.createdOf(o)) === day(created),
    );
    return `${nameOf(b)} · ${twin ? when(created) : day(created)}`;
  }
  let compared = [null, null]; // the two assessments compared, kept while the tab stays on the site

  function csv(a) {
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
  const fileName = (a, ext) => core.fileName("self-assessment", a, "export", ext);
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

  async function importFile(input) {
    const file = input.files && input.files[0];
    input.value = "";
    if (!file) return;
    const refuse = (why) =>
      say(`Import refused: “${file.name}” ${why}. Nothing was changed.`, true);
    let data;
    try {
      if (file.size > store.LIMITS.fileBytes)
        return refuse(`is over ${store.LIMITS.fileBytes / 1e6} MB`);
      data = JSON.parse(await file.text());
    } catch (e) {
      return refuse(`is not valid JSON (${e.message})`);
    }
    const problems = store.validateExport(data);
    if (problems.length)
      return refuse(`is not a self-assessment export this site can read: ${summary(problems)}`);
    return importData(data, file.name);
  }
  // The start guide, written into the page at build time (docs/self-assessment.md): kept when the
  // dashboard is drawn, and shown instead of the heatmap while nothing is assessed yet. It stays
  // first, the tools drawn below it: what the reader was reading does not move when they arrive.
  let guide = null;
  const importField = () => document.getElementById("tf-import");
  const chooseImport = () => {
    const input = importField();
    if (input) input.click();
  };
  function takeGuide(root) {
    guide = root.querySelector("#tf-start");
    const start = guide && guide.querySelector("#tf-start-import");
    if (start) start.addEventListener("click", chooseImport);
  }
  function drawDashboard(region) {
    const a = current(),
      all = store.assessments(),
      rows = allElements.map((e) => [e, info(a, e)]);
    const firstVisit = core.firstVisit(); // one assessment, nothing in it yet
    const assessed = rows.filter(([, x]) => x.counted != null).length;
    const tickedCount = allElements.reduce(
      (n, e) => n + e.indicators.filter((i) => ticked(a, i.id)).length,
      0,
    );
    const total = allElements.reduce((n, e) => n + e.indicators.length, 0);
    const showGuide = firstVisit && guide; // in place of the overview, above the tools
    const out = showGuide ? [guide] : [];

    const pick = make(
      "select",
      {
        id: "tf-switch",
        "data-k": "switch",
        on: {
          change: () => {
            store.select(pick.value);
            say(null);
          },
        },
      },
      all.map((b) => make("option", { value: b.id, selected: b.id === a.id }, optionText(b, all))),
    );
    out.push(
      make(
        "div",
        { class: "tf-d-bar" },
        make(
          "div",
          { class: "tf-d-pick" },
          make("label", { for: "tf-switch" }, "Assessment"),
          pick,
        ),
        make(
          "div",
          { class: "tf-d-actions" },
          button(
            "New",
            async () => {
              const n = await ask(
                "New assessment",
                ["Starts empty. Your other assessments stay as they are."],
                "Create",
                `Assessment ${today()}`,
              );
              if (n) {
                setMessage(null);
                store.create(n);
              }
            },
            "new",
          ),
          button(
            "Rename",
            async () => {
              const n = await ask("Rename assessment", [], "Rename", nameOf(a));
              if (n) store.rename(a.id, n);
            },
            "rename",
          ),
          button(
            "Duplicate",
            async () => {
              const n = await ask(
                "Duplicate assessment",
                [
                  `Copies all answers and notes of “${nameOf(a)}”, for example to start next year's review.`,
                ],
                "Duplicate",
                copyName(nameOf(a)),
              );
              if (n) store.duplicate(a.id, n);
            },
            "duplicate",
          ),
          button(
            "Delete",
            async () => {
              if (
                !(await ask(
                  `Delete “${nameOf(a)}”?`,
                  [
                    "Its answers and notes are removed from this browser. You can undo this for a few minutes in this tab; export it first if you may need it later.",
                  ],
                  "Delete",
                ))
              )
                return;
              setMessage(`Deleted “${nameOf(a)}”.`);
              core.offerUndo({
                text: `Deleted “${nameOf(a)}”.`,
                done: `Put back “${nameOf(a)}”.`,
                list: [store.copyOf(a.id)],
                select: a.id,
              });
              store.remove(a.id);
            },
            "delete",
          ),
          button("Print", () => window.print(), "print"),
        ),
      ),
    );
    out.push(
      make(
        "p",
        { class: "tf-d-printinfo" },
        `Assessment “${nameOf(a)}”, printed ${when(new Date().toISOString())}.`,
      ),
    );

    const exported = store.exportedOf(a),
      hasData = store.hasAnswers(a);
    const changed = exported.time && store.lastChange(a) > exported.at;
    out.push(
      make(
        "div",
        { class: "tf-d-status" },
        ...warnings(),
        region,
        make(
          "p",
          {},
          `Your answers are ${MODES[store.status().mode]}. `,
          make("a", { href: url(rubric.pages.privacy) }, "Who can see them, and how to wipe them."),
        ),
        store.status().mode === "local" &&
          store.status().persisted === false &&
          hasData &&
          make(
            "p",
            {},
            "This browser may clear the site's storage when space runs low: keep an exported copy.",
          ),
        make(
          "p",
          { class: changed || (!exported.time && hasData) ? "tf-d-remind" : "" },
          exported.time
            ? `Last exported ${when(exported.time)}.${changed ? " You have changed answers since: export again to keep your backup current." : ""}`
            : hasData
              ? "Not exported yet: export a copy as a backup (below)."
              : "Not exported yet.",
        ),
      ),
    );

    if (!showGuide) out.push(overview(a, all, rows, assessed, tickedCount, total));
    out.push(backup(all));
    return out;
  }
  // Progress, the heatmap, targets, next stages, comparison and the parts of other modules.
  function overview(a, all, rows, assessed, tickedCount, total) {
    core.overviewParts(); // drawn as they arrive, where a first visit did without them
    const out = [];
    const bar = make("span", { class: "tf-d-bar__fill" });
    bar.style.width = `${(100 * assessed) / allElements.length}%`;
    out.push(
      make(
        "p",
        { class: "tf-d-progress", id: "tf-progress" },
        make("strong", {}, `${assessed} of ${allElements.length} elements assessed`),
        ` · ${tickedCount} of ${total} indicators ticked`,
      ),
      make("div", { class: "tf-d-meter", "aria-hidden": "true" }, bar),
    );
    const flagged = rows.filter(([, x]) => x.flagged),
      keptList = kept(a);
    if (flagged.length) {
      out.push(
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
      );
    }
    if (keptList.length) {
      out.push(
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
      );
    }
    out.push(
      make("h2", { id: "tf-overview" }, "Stages by element"),
      make(
        "p",
        { class: "tf-d-legend" },
        "Each cell: indicators ticked of the stage's total, coloured by the share ticked: ",
        // The scale drawn with the cells' own classes: right in both palettes.
        ["none", "up to ¼", "up to ½", "up to ¾", "most", "all"].map((text, level) =>
          make("span", { class: `tf-heat__cell tf-h${level} tf-d-swatch` }, text),
        ),
        ". The counted stage (your choice, else the suggestion) is outlined.",
      ),
    );
    for (const area of rubric.areas) {
      const mine = rows.filter(([e]) => e.area === area);
      const by = (c) => mine.filter(([, x]) => x.counted === c).length;
      const summary =
        `${mine.filter(([, x]) => x.counted != null).length} of ${mine.length} assessed · ` +
        rubric.stages.map((s) => `Stage ${s.n}: ${by(s.n)}`).join(" · ") +
        ` · not applicable: ${by("na")}`;
      out.push(
        make("h3", { id: "tf-area-" + area.id }, make("a", { href: url(area.url) }, area.title)),
        make("p", { class: "tf-d-summary", "data-area": area.id }, summary),
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
      );
    }

    if (core.targetsPart) out.push(core.targetsPart(a, rows));
    out.push(make("h2", { id: "tf-next" }, "What the next stage looks like, and notes"));
    for (const area of rubric.areas) {
      const mine = rows.filter(([e]) => e.area === area),
        todo = mine.filter(([, x]) => x.counted == null);
      out.push(
        make("h3", {}, area.title),
        mine
          .filter(([, x]) => x.counted != null || x.notes)
          .map(([e, x]) =>
            make(
              "div",
              { class: "tf-d-element", "data-steps": e.id },
              make(
                "h4",
                {},
                make("a", { href: url(e.url) }, e.title),
                ` · ${x.counted == null ? "not assessed" : stageName(x.counted)}${x.status === "suggested" ? " (suggested)" : ""}`,
              ),
              nextSteps(x, (i) => url(e.url) + "#" + i.id),
              x.notes &&
                make("div", { class: "tf-d-notes" }, make("strong", {}, "Notes: "), x.notes),
            ),
          ),
        todo.length
          ? make(
              "p",
              { class: "tf-d-todo" },
              "Not assessed yet: ",
              todo.map(([e], n) => [n ? ", " : "", make("a", { href: url(e.url) }, e.title)]),
            )
          : "",
      );
    }

    out.push(make("h2", { id: "tf-compare" }, "Compare two assessments"));
    if (all.length < 2)
      out.push(make("p", {}, "Create, duplicate or import a second assessment to compare."));
    else {
      if (!all.some((b) => b.id === compared[0]))
        compared[0] = (all.find((b) => b.id !== a.id) || all[0]).id;
      if (!all.some((b) => b.id === compared[1])) compared[1] = a.id;
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
        compare(
          all.find((b) => b.id === compared[0]),
          all.find((b) => b.id === compared[1]),
        ),
      );
    }

    out.push(core.parts.map((f) => f(a)));
    return out;
  }
  // Back up, restore and share; this browser's copy.
  function backup(all) {
    const out = [];
    const file = make("input", {
      type: "file",
      id: "tf-import",
      accept: ".json,application/json",
      "data-k": "import",
      on: { change: () => importFile(file) },
    });
    out.push(
      make("h2", { id: "tf-backup" }, "Back up, restore and share"),
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
      make(
        "div",
        { class: "tf-d-import" },
        make("label", { for: "tf-import" }, "Import a JSON export"),
        file,
      ),
    );

    out.push(make("h2", { id: "tf-storage" }, "This browser's copy"));
    if (store.status().mode === "session") {
      out.push(
        make(
          "p",
          {},
          `Session-only mode is on in every tab of this site in this browser${store.status().sessionSince ? `, since ${when(new Date(store.status().sessionSince).toISOString())}` : ""}: ` +
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
      );
    } else {
      out.push(
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
                    store.status().setAside.length &&
                      "This also deletes the copy of unreadable saved data that was set aside: save a copy of it first if you may need it.",
                  ].filter(Boolean),
                  "Delete everything",
                ))
              )
                return;
              setMessage("Everything saved here was deleted.");
              core.offerUndo({
                text: "Deleted everything saved here.",
                done: "Put back everything that was saved here.",
                list: store.assessments().map((b) => store.copyOf(b.id)),
                select: store.current().id,
              });
              store.wipeAll();
            },
            "wipe-all",
            "tf-btn--danger",
          ),
        ),
      );
    }
    return out;
  }
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
    const label = (x) =>
      (x.counted == null ? "not assessed" : stageName(x.counted)) +
      (x.status === "suggested" ? " (suggested)" : "");
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

  core.pages["tf-dashboard"] = (root) => {
    takeGuide(root);
    core.mountView(root, drawDashboard);
    // "Import a file" clicked before this code arrived (the loader waits on a first visit). A file
    // chooser opens only within seconds of a click: later (a slow phone), the reader is asked again.
    if (window.TF_CODE.takePending().clicked === "tf-start-import") {
      if (!navigator.userActivation || navigator.userActivation.isActive) chooseImport();
      else {
        core.say("Choose the file to import: the page was still loading when you asked.");
        const input = importField();
        if (input) input.focus();
      }
    }
    performance.mark("tf-dashboard-drawn");
  };
})();

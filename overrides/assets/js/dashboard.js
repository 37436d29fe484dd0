// The self-assessment dashboard: every element at a glance, named assessments, comparison,
// export and import, and this browser's storage mode. Loaded on the dashboard page only.
(() => {
  "use strict";
  const C = window.TF && window.TF.core;
  if (!C || C.pages["tf-dashboard"]) return;
  const {
    R,
    ELS,
    h,
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
    cur,
    live,
    add,
    now,
    commit,
    save,
    refresh,
    say,
    kept,
    nextSteps,
    byId,
    warnings,
    wipeSession,
    MODES,
    exportData,
    validate,
    summary,
    importData,
  } = C;
  let cmp = [null, null]; // the two assessments compared, kept while the tab stays on the site

  const lastChange = (a) =>
    Math.max(
      a.name[1],
      ...Object.values(a.ticks).map((f) => f[1]),
      ...Object.values(a.els).flatMap((x) => Object.values(x).map((f) => f[1])),
    );
  const hasData = (a) =>
    Object.values(a.ticks).some((f) => f[0]) ||
    Object.values(a.els).some((x) => (x.s && x.s[0] != null) || (x.n && x.n[0]));
  function csv(a) {
    const rows = [
      [
        "Row",
        "Area",
        "Element id",
        "Element",
        "Indicator id",
        "Indicator stage",
        "Indicator",
        "True for our task force",
        "Chosen stage",
        "Suggested stage",
        "Counted stage",
        "Notes",
      ],
    ];
    for (const e of ELS) {
      const x = info(a, e);
      rows.push([
        "element",
        e.area.title,
        e.id,
        e.title,
        "",
        "",
        "",
        "",
        csvStage(x.chosen),
        csvStage(x.sug),
        csvStage(x.c),
        x.notes,
      ]);
      for (const i of e.indicators) {
        rows.push([
          "indicator",
          e.area.title,
          e.id,
          e.title,
          i.id,
          i.stage,
          i.text,
          ticked(a, i.id) ? "yes" : "no",
          "",
          "",
          "",
          "",
        ]);
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
  const fileName = (a, ext) =>
    `self-assessment-${
      a.name[0]
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "export"
    }-${today()}.${ext}`;
  function doExport(kind) {
    const a = cur();
    if (kind === "csv") download(fileName(a, "csv"), "text/csv;charset=utf-8", csv(a));
    else {
      const data = exportData(a);
      download(fileName(a, "json"), "application/json", JSON.stringify(data, null, 2) + "\n");
      a.exp = [data.exported, now()];
      save();
    }
    say(`Exported “${a.name[0]}” as ${kind.toUpperCase()} to your downloads.`);
  }

  async function importFile(input) {
    const file = input.files && input.files[0];
    input.value = "";
    if (!file) return;
    const refuse = (why) =>
      say(`Import refused: “${file.name}” ${why}. Nothing was changed.`, true);
    let data;
    try {
      if (file.size > 5e6) return refuse("is over 5 MB");
      data = JSON.parse(await file.text());
    } catch (e) {
      return refuse(`is not valid JSON (${e.message})`);
    }
    const problems = validate(data);
    if (problems.length)
      return refuse(`is not a self-assessment export this site can read: ${summary(problems)}`);
    return importData(data, file.name);
  }
  function drawDashboard(region) {
    const a = cur(),
      all = live(),
      rows = ELS.map((e) => [e, info(a, e)]);
    const assessed = rows.filter(([, x]) => x.c != null).length;
    const tickedCount = ELS.reduce(
      (n, e) => n + e.indicators.filter((i) => ticked(a, i.id)).length,
      0,
    );
    const total = ELS.reduce((n, e) => n + e.indicators.length, 0);
    const out = [];

    const pick = h(
      "select",
      {
        id: "tf-switch",
        "data-k": "switch",
        on: {
          change: () => {
            C.select(pick.value);
            say(null);
          },
        },
      },
      all.map((b) => h("option", { value: b.id, selected: b.id === a.id }, b.name[0])),
    );
    out.push(
      h(
        "div",
        { class: "tf-d-bar" },
        h("div", { class: "tf-d-pick" }, h("label", { for: "tf-switch" }, "Assessment"), pick),
        h(
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
                add(n);
                commit();
                say(null);
              }
            },
            "new",
          ),
          button(
            "Rename",
            async () => {
              const n = await ask("Rename assessment", [], "Rename", a.name[0]);
              const b = n && byId(a.id);
              if (b) {
                b.name = [n, now()];
                commit();
              }
            },
            "rename",
          ),
          button(
            "Duplicate",
            async () => {
              const n = await ask(
                "Duplicate assessment",
                [
                  `Copies all answers and notes of “${a.name[0]}”, for example to start next year's review.`,
                ],
                "Duplicate",
                `${a.name[0]} (copy)`,
              );
              const src = n && byId(a.id);
              if (!src) return;
              const t = now(),
                b = add(n, null, t);
              for (const [id, f] of Object.entries(src.ticks)) b.ticks[id] = [f[0], t];
              for (const [id, x] of Object.entries(src.els))
                b.els[id] = Object.fromEntries(Object.entries(x).map(([k, f]) => [k, [f[0], t]]));
              commit();
            },
            "duplicate",
          ),
          button(
            "Delete",
            async () => {
              if (
                !(await ask(
                  `Delete “${a.name[0]}”?`,
                  [
                    "Its answers and notes are removed from this browser for good: export it first if you may need it.",
                  ],
                  "Delete",
                ))
              )
                return;
              const b = byId(a.id);
              if (!b) return;
              b.del = [1, now()];
              commit();
              say(`Deleted “${a.name[0]}”.`);
            },
            "delete",
          ),
          button("Print", () => window.print(), "print"),
        ),
      ),
    );
    out.push(
      h(
        "p",
        { class: "tf-d-printinfo" },
        `Assessment “${a.name[0]}”, printed ${when(new Date().toISOString())}.`,
      ),
    );

    const changed = a.exp[0] && lastChange(a) > a.exp[1];
    out.push(
      h(
        "div",
        { class: "tf-d-status" },
        ...warnings(),
        region,
        h(
          "p",
          {},
          `Your answers are ${MODES[C.mode]}. `,
          h("a", { href: url(R.pages.privacy) }, "Who can see them, and how to wipe them."),
        ),
        C.mode === "local" &&
          C.persisted === false &&
          hasData(a) &&
          h(
            "p",
            {},
            "This browser may clear the site's storage when space runs low: keep an exported copy.",
          ),
        h(
          "p",
          { class: changed || (!a.exp[0] && hasData(a)) ? "tf-d-remind" : "" },
          a.exp[0]
            ? `Last exported ${when(a.exp[0])}.${changed ? " You have changed answers since: export again to keep your backup current." : ""}`
            : hasData(a)
              ? "Not exported yet: export a copy as a backup (below)."
              : "Not exported yet.",
        ),
      ),
    );

    const bar = h("span", { class: "tf-d-bar__fill" });
    bar.style.width = `${(100 * assessed) / ELS.length}%`;
    out.push(
      h(
        "p",
        { class: "tf-d-progress", id: "tf-progress" },
        h("strong", {}, `${assessed} of ${ELS.length} elements assessed`),
        ` · ${tickedCount} of ${total} indicators ticked`,
      ),
      h("div", { class: "tf-d-meter", "aria-hidden": "true" }, bar),
    );
    const flagged = rows.filter(([, x]) => x.flagged),
      keptList = kept(a);
    if (flagged.length) {
      out.push(
        h(
          "div",
          { class: "tf-a-warn", id: "tf-review" },
          h(
            "p",
            {},
            h("strong", {}, "Review: "),
            "the roadmap's indicators changed for these elements since you answered. Open each, check and confirm:",
          ),
          list(flagged, ([e]) => h("a", { href: url(e.url) + "#tf-your-assessment" }, e.title)),
        ),
      );
    }
    if (keptList.length) {
      out.push(
        h(
          "div",
          { class: "tf-d-kept", id: "tf-kept" },
          h(
            "p",
            {},
            h("strong", {}, "Kept from another version of the roadmap: "),
            "answers for indicators or elements this version does not have. They stay saved and exported.",
          ),
          list(keptList, (t) => t),
        ),
      );
    }
    out.push(
      h("h2", { id: "tf-overview" }, "Stages by element"),
      h(
        "p",
        { class: "tf-d-legend" },
        "Each cell: indicators ticked of the stage's total (darker = larger share). " +
          "The counted stage (your choice, else the suggestion) is outlined.",
      ),
    );
    for (const area of R.areas) {
      const mine = rows.filter(([e]) => e.area === area);
      const by = (c) => mine.filter(([, x]) => x.c === c).length;
      const summary =
        `${mine.filter(([, x]) => x.c != null).length} of ${mine.length} assessed · ` +
        R.stages.map((s) => `Stage ${s.n}: ${by(s.n)}`).join(" · ") +
        ` · not applicable: ${by("na")}`;
      out.push(
        h("h3", { id: "tf-area-" + area.id }, h("a", { href: url(area.url) }, area.title)),
        h("p", { class: "tf-d-summary", "data-area": area.id }, summary),
        heatTable(`${area.title}: stages by element`, mine, (e, x) => [
          {
            "data-element": e.id,
            "data-stage": typeof x.c === "number" ? x.c : "",
            "data-status": x.status,
          },
          h(
            "th",
            { scope: "row" },
            h("a", { href: url(e.url) }, e.title),
            x.flagged && h("span", { class: "tf-d-flag" }, " (review)"),
          ),
          h(
            "td",
            {},
            stageCell(x.c),
            x.status === "suggested" && h("span", { class: "tf-d-sug" }, " suggested"),
          ),
        ]),
      );
    }

    out.push(h("h2", { id: "tf-next" }, "Next steps and notes"));
    for (const area of R.areas) {
      const mine = rows.filter(([e]) => e.area === area),
        todo = mine.filter(([, x]) => x.c == null);
      out.push(
        h("h3", {}, area.title),
        mine
          .filter(([, x]) => x.c != null || x.notes)
          .map(([e, x]) =>
            h(
              "div",
              { class: "tf-d-element", "data-steps": e.id },
              h(
                "h4",
                {},
                h("a", { href: url(e.url) }, e.title),
                ` · ${x.c == null ? "not assessed" : stageName(x.c)}${x.status === "suggested" ? " (suggested)" : ""}`,
              ),
              nextSteps(x, (i) => url(e.url) + "#" + i.id),
              x.notes && h("div", { class: "tf-d-notes" }, h("strong", {}, "Notes: "), x.notes),
            ),
          ),
        todo.length
          ? h(
              "p",
              { class: "tf-d-todo" },
              "Not assessed yet: ",
              todo.map(([e], n) => [n ? ", " : "", h("a", { href: url(e.url) }, e.title)]),
            )
          : "",
      );
    }

    out.push(h("h2", { id: "tf-compare" }, "Compare two assessments"));
    if (all.length < 2)
      out.push(h("p", {}, "Create, duplicate or import a second assessment to compare."));
    else {
      if (!all.some((b) => b.id === cmp[0])) cmp[0] = (all.find((b) => b.id !== a.id) || all[0]).id;
      if (!all.some((b) => b.id === cmp[1])) cmp[1] = a.id;
      const sel = (n, label) => {
        const s = h(
          "select",
          {
            id: "tf-compare-" + n,
            "data-k": "compare-" + n,
            on: {
              change: () => {
                cmp[n] = s.value;
                refresh();
              },
            },
          },
          all.map((b) => h("option", { value: b.id, selected: b.id === cmp[n] }, b.name[0])),
        );
        return h("div", { class: "tf-d-pick" }, h("label", { for: s.id }, label), s);
      };
      out.push(
        h("div", { class: "tf-d-bar tf-d-compare-pick" }, sel(0, "From"), sel(1, "To")),
        compare(
          all.find((b) => b.id === cmp[0]),
          all.find((b) => b.id === cmp[1]),
        ),
      );
    }

    out.push(C.parts.map((f) => f(a)));
    const file = h("input", {
      type: "file",
      id: "tf-import",
      accept: ".json,application/json",
      "data-k": "import",
      on: { change: () => importFile(file) },
    });
    out.push(
      h("h2", { id: "tf-backup" }, "Back up, restore and share"),
      h(
        "p",
        {},
        "Export saves a file on this device; nothing is uploaded. JSON restores or moves the assessment (",
        h("a", { href: url(R.pages.schema) }, "its schema"),
        "), CSV opens in a spreadsheet. Import asks before it changes anything.",
      ),
      h(
        "div",
        { class: "tf-d-actions" },
        button("Export JSON", () => doExport("json"), "export-json", "tf-btn--primary"),
        button("Export CSV", () => doExport("csv"), "export-csv"),
      ),
      h(
        "div",
        { class: "tf-d-import" },
        h("label", { for: "tf-import" }, "Import a JSON export"),
        file,
      ),
    );

    out.push(h("h2", { id: "tf-storage" }, "This browser's copy"));
    if (C.mode === "session") {
      out.push(
        h("p", {}, "Session-only mode is on: answers last until you close this tab."),
        h(
          "div",
          { class: "tf-d-actions" },
          button("Wipe this session now", wipeSession, "wipe-session"),
          C.can.local &&
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
                C.stopSession();
                say("Session-only mode is off: answers are saved in this browser.");
              },
              "stop-session",
            ),
        ),
      );
    } else {
      out.push(
        h(
          "p",
          {},
          "On a shared or public computer, use session-only mode: answers stay in this tab and vanish when you close it.",
        ),
        h(
          "div",
          { class: "tf-d-actions" },
          C.can.session &&
            button(
              "Use this session only",
              async () => {
                if (
                  !(await ask(
                    "Use this session only?",
                    [
                      "From now on answers stay in this tab and are wiped when you close it. Assessments saved in this browser stay, hidden until you stop.",
                    ],
                    "Use this session only",
                  ))
                )
                  return;
                C.startSession();
                say("Session-only mode is on.");
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
                    `All ${all.length} assessment(s) and their notes are removed from this browser for good: export what you want to keep first.`,
                  ],
                  "Delete everything",
                ))
              )
                return;
              C.wipeAll();
              say("Everything saved here was deleted.");
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
    const diffs = ELS.map((e) => {
      const x = info(a, e),
        y = info(b, e);
      const gained = e.indicators.filter((i) => ticked(b, i.id) && !ticked(a, i.id));
      const lost = e.indicators.filter((i) => ticked(a, i.id) && !ticked(b, i.id));
      return { e, x, y, gained, lost };
    }).filter((d) => d.x.c !== d.y.c || d.gained.length || d.lost.length);
    const label = (x) =>
      (x.c == null ? "not assessed" : stageName(x.c)) +
      (x.status === "suggested" ? " (suggested)" : "");
    const move = (d) =>
      typeof d.x.c === "number" && typeof d.y.c === "number" && d.x.c !== d.y.c
        ? ` (${d.y.c > d.x.c ? "up" : "down"} ${Math.abs(d.y.c - d.x.c)})`
        : "";
    return h(
      "div",
      { class: "tf-d-comparison", id: "tf-comparison" },
      h(
        "p",
        {},
        `${diffs.length} of ${ELS.length} elements differ between “${a.name[0]}” and “${b.name[0]}”.`,
      ),
      diffs.map((d) =>
        h(
          "div",
          { class: "tf-d-element", "data-compare": d.e.id },
          h("h3", {}, h("a", { href: url(d.e.url) }, d.e.title)),
          h(
            "p",
            {},
            d.x.c === d.y.c
              ? `Stage unchanged: ${label(d.x)}.`
              : `${label(d.x)} → ${label(d.y)}${move(d)}.`,
          ),
          d.gained.length && [
            h("p", {}, `Indicators gained (${d.gained.length}):`),
            list(d.gained, indicatorLine),
          ],
          d.lost.length && [
            h("p", {}, `Indicators lost (${d.lost.length}):`),
            list(d.lost, indicatorLine),
          ],
        ),
      ),
    );
  }

  C.pages["tf-dashboard"] = (root) => {
    C.mountView(root, drawDashboard);
    performance.mark("tf-dashboard-drawn");
  };
})();

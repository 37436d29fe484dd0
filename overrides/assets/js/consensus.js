// Team consensus: members' JSON exports side by side, read in this tab only (never uploaded,
// never saved), an agenda of disagreements, CSV and print, and the agreed result saved as a new
// assessment. Loaded on the team page only.
(() => {
  "use strict";
  const C = window.TF && window.TF.core;
  if (!C || C.pages["tf-team"]) return;
  const { ELS, h, button } = C;
  // Kept while this tab stays on the site, so a look at an element page loses nothing.
  const members = []; // { name, file, a, key }
  const agreedStage = {},
    agreedTick = {}; // the facilitator's choices; unset means the default below
  let anon = false;

  const stageText = (c) => (c == null ? "not assessed" : C.stageCell(c));
  const label = (m) => {
    const n = members.indexOf(m);
    if (anon) return `Member ${n < 26 ? String.fromCharCode(65 + n) : n + 1}`;
    return members.some((o) => o !== m && o.name === m.name) ? `${m.name} (${m.file})` : m.name;
  };
  const yes = (i) => members.filter((m) => C.ticked(m.a, i.id));
  // Defaults: an indicator is agreed true when most members ticked it; a stage when all agree.
  const tickOf = (i) =>
    i.id in agreedTick ? agreedTick[i.id] : yes(i).length * 2 > members.length;
  const stageOf = (r) =>
    r.e.id in agreedStage ? agreedStage[r.e.id] : r.differ ? null : r.xs[0].c;

  async function load(files) {
    const lines = [];
    let added = 0;
    for (const file of files) {
      let data;
      try {
        if (file.size > 5e6) throw new Error("it is over 5 MB");
        data = JSON.parse(await file.text());
      } catch (e) {
        lines.push(
          `“${file.name}” was refused: ${e instanceof SyntaxError ? "it is not valid JSON" : e.message}.`,
        );
        continue;
      }
      const problems = C.validate(data);
      if (problems.length) {
        lines.push(
          `“${file.name}” was refused: it is not a self-assessment export this site can read (${C.summary(problems)}).`,
        );
        continue;
      }
      const key = JSON.stringify(data.assessment),
        twin = members.find((m) => m.key === key);
      if (twin) {
        lines.push(`“${file.name}” was skipped: it holds the same answers as “${twin.file}”.`);
        continue;
      }
      members.push({
        name: data.assessment.name,
        file: file.name,
        a: C.build(data, data.assessment.id, null, 0),
        key,
      });
      if (data.rubric !== C.R.version)
        lines.push(
          `“${file.name}” was made with another version of the roadmap: it is compared on the indicators both versions share.`,
        );
      added++;
    }
    C.say(
      [added ? `Loaded ${added} file(s): ${members.length} member(s) in all.` : "", ...lines]
        .filter(Boolean)
        .join(" "),
      lines.length > 0,
    );
  }

  function analyse() {
    return ELS.map((e, order) => {
      const xs = members.map((m) => C.info(m.a, e));
      const nums = xs.map((x) => x.c).filter((c) => typeof c === "number");
      const lo = Math.min(...nums),
        hi = Math.max(...nums);
      // Most evenly split first: the number who would have to change their answer.
      const split = e.indicators
        .map((i) => ({ i, yes: yes(i) }))
        .filter((d) => d.yes.length && d.yes.length < members.length)
        .map((d) => ({ ...d, no: members.filter((m) => !d.yes.includes(m)) }))
        .sort(
          (p, q) =>
            Math.min(q.yes.length, q.no.length) - Math.min(p.yes.length, p.no.length) ||
            p.i.stage - q.i.stage,
        );
      return {
        e,
        order,
        xs,
        lo,
        hi,
        spread: nums.length > 1 ? hi - lo : 0,
        differ: new Set(xs.map((x) => String(x.c))).size > 1,
        split,
      };
    });
  }
  // Biggest disagreements first: the widest stage spread, then differing stages, then most split indicators.
  const agendaOf = (rows) =>
    rows
      .filter((r) => r.differ || r.split.length)
      .sort(
        (p, q) =>
          q.spread - p.spread ||
          q.differ - p.differ ||
          q.split.length - p.split.length ||
          p.order - q.order,
      );
  const spreadText = (r) =>
    !r.differ ? "agreed" : r.spread ? `${r.spread} (Stage ${r.lo} to ${r.hi})` : "differs";
  const headline = (r) =>
    !r.differ
      ? "same stage, indicators differ"
      : r.spread
        ? `spread ${spreadText(r)}`
        : "stages differ";

  function csv(rows) {
    const out = [
      [
        "Row",
        "Area",
        "Element id",
        "Element",
        "Indicator id",
        "Indicator stage",
        "Indicator",
        ...members.map(label),
        "Spread or ticked by",
        "Agreed",
      ],
    ];
    for (const r of rows) {
      const where = [r.e.area.title, r.e.id, r.e.title];
      out.push([
        "element",
        ...where,
        "",
        "",
        "",
        ...r.xs.map((x) => C.csvStage(x.c)),
        r.differ ? (r.spread ? r.spread : "differs") : "agreed",
        C.csvStage(stageOf(r)),
      ]);
      for (const i of r.e.indicators) {
        out.push([
          "indicator",
          ...where,
          i.id,
          i.stage,
          i.text,
          ...members.map((m) => (C.ticked(m.a, i.id) ? "yes" : "no")),
          `${yes(i).length} of ${members.length}`,
          tickOf(i) ? "yes" : "no",
        ]);
      }
    }
    return C.csvText(out);
  }

  async function saveAgreed(rows) {
    const name = await C.ask(
      "Save the agreed result",
      [
        `Creates a new assessment in this browser from the agreed stages and ticks ` +
          `of ${members.length} members. The members' files are not kept.`,
      ],
      "Save",
      `Team consensus ${C.today()}`,
    );
    if (!name) return;
    const t = C.now(),
      a = C.add(name, null, t);
    for (const r of rows) {
      for (const i of r.e.indicators)
        if (tickOf(i)) {
          a.ticks[i.id] = [1, t];
          C.touch(a, r.e.id);
        }
      const s = stageOf(r);
      if (s != null) C.touch(a, r.e.id).s = [s, t];
    }
    C.commit();
    C.say(`Saved “${name}” in this browser. It is now the current assessment on the dashboard.`);
  }

  function draw(region) {
    const input = h("input", {
      type: "file",
      id: "tf-team-files",
      multiple: true,
      accept: ".json,application/json",
      "data-k": "team-files",
      on: {
        change: () => {
          const files = [...input.files];
          input.value = "";
          load(files);
        },
      },
    });
    const out = [
      h(
        "div",
        { class: "tf-t-load" },
        h("label", { for: input.id }, "Members' self-assessment exports (JSON files)"),
        input,
        h(
          "p",
          { class: "tf-t-hint" },
          "Or drop the files anywhere on this part of the page. They are read in this tab only: nothing is uploaded, nothing is saved.",
        ),
        members.length > 0 && [
          // Exports are named after their assessment (self-assessment-<name>-<date>.json): hidden names hide the file too.
          h(
            "ul",
            { id: "tf-team-members" },
            members.map((m) =>
              h(
                "li",
                {},
                anon ? `${label(m)} ` : `${label(m)} · ${m.file} `,
                button(
                  ["Remove", h("span", { class: "tf-sr" }, ` ${label(m)}`)],
                  () => {
                    const who = anon ? label(m) : m.file;
                    members.splice(members.indexOf(m), 1);
                    C.say(`Removed ${who}.`);
                  },
                  "remove-" + members.indexOf(m),
                ),
              ),
            ),
          ),
          h(
            "div",
            { class: "tf-d-check" },
            h("input", {
              type: "checkbox",
              id: "tf-team-anon",
              checked: anon,
              "data-k": "anon",
              on: {
                change: (ev) => {
                  anon = ev.target.checked;
                  C.say(null);
                },
              },
            }), // messages name files
            h(
              "label",
              { for: "tf-team-anon" },
              "Hide names: show Member A, B, C… on screen, in print and in the CSV",
            ),
          ),
        ],
      ),
      region,
    ];
    if (members.length < 2)
      return out.concat(
        h(
          "p",
          { id: "tf-team-empty" },
          members.length
            ? "Load at least one more member's file to compare."
            : "No files loaded yet.",
        ),
      );

    const rows = analyse(),
      agenda = agendaOf(rows),
      agreed = rows.filter((r) => !agenda.includes(r));
    out.push(
      h(
        "div",
        { class: "tf-d-actions" },
        button("Print the agenda", () => window.print(), "team-print"),
        button(
          "Export CSV",
          () => C.download(`team-consensus-${C.today()}.csv`, "text/csv;charset=utf-8", csv(rows)),
          "team-csv",
        ),
        button(
          "Save the agreed result as a new assessment",
          () => saveAgreed(rows),
          "team-save",
          "tf-btn--primary",
        ),
      ),
      h(
        "p",
        { class: "tf-d-printinfo" },
        `Team consensus of ${members.length} members, printed ${C.when(new Date().toISOString())}.`,
      ),
    );

    out.push(
      h("h2", { id: "tf-team-overview-title" }, "Each member's counted stage"),
      h(
        "div",
        {
          class: "tf-d-scroll",
          tabindex: "0",
          role: "region",
          "aria-labelledby": "tf-team-overview-title",
        },
        h(
          "table",
          { class: "tf-team", id: "tf-team-overview" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, "Element"),
              members.map((m) => h("th", { scope: "col" }, label(m))),
              h("th", { scope: "col" }, "Spread"),
            ),
          ),
          h(
            "tbody",
            {},
            rows.map((r) =>
              h(
                "tr",
                { "data-team": r.e.id, class: r.differ ? "tf-t-differ" : "" },
                h("th", { scope: "row" }, h("a", { href: C.url(r.e.url) }, r.e.title)),
                r.xs.map((x) =>
                  h(
                    "td",
                    {},
                    C.stageCell(x.c),
                    x.status === "suggested" && h("span", { class: "tf-d-sug" }, " suggested"),
                  ),
                ),
                h("td", { class: "tf-t-spread" }, spreadText(r)),
              ),
            ),
          ),
        ),
      ),
    );

    out.push(
      h("h2", { id: "tf-agenda-title" }, "Agenda: where members disagree, biggest first"),
      h(
        "p",
        { id: "tf-agenda-summary" },
        `${agenda.length} of ${ELS.length} elements to discuss. For each, agree a stage and settle the indicators ` +
          "members answered differently (preset: what most members ticked), then save the agreed result.",
      ),
      h(
        "ol",
        { id: "tf-agenda", class: "tf-t-agenda" },
        agenda.map((r) => {
          const pick = h(
            "select",
            {
              id: "tf-agree-" + r.e.id,
              "data-k": "agree-" + r.e.id,
              on: {
                change: () => {
                  agreedStage[r.e.id] =
                    pick.value === "" ? null : pick.value === "na" ? "na" : Number(pick.value);
                  C.refresh();
                },
              },
            },
            [null, 1, 2, 3, 4, 5, "na"].map((v) =>
              h(
                "option",
                { value: v == null ? "" : v, selected: stageOf(r) === v },
                v == null ? "Not agreed yet (the agreed ticks suggest one)" : C.stageName(v),
              ),
            ),
          );
          return h(
            "li",
            { "data-agenda": r.e.id },
            h("h3", {}, h("a", { href: C.url(r.e.url) }, r.e.title), ` · ${headline(r)}`),
            h(
              "p",
              { class: "tf-t-stages" },
              members.map((m, n) => `${label(m)}: ${stageText(r.xs[n].c)}`).join(" · "),
            ),
            h(
              "div",
              { class: "tf-d-pick" },
              h("label", { for: pick.id }, `Agreed stage for ${r.e.title}`),
              pick,
            ),
            r.split.length > 0 && [
              h(
                "p",
                {},
                `Indicators answered differently (${r.split.length}), most evenly split first:`,
              ),
              h(
                "ul",
                { class: "tf-t-split" },
                r.split.map((d) => {
                  const box = h("input", {
                    type: "checkbox",
                    id: "tf-agree-" + d.i.id,
                    checked: tickOf(d.i),
                    "data-k": "agree-" + d.i.id,
                    on: {
                      change: () => {
                        agreedTick[d.i.id] = box.checked;
                        C.refresh();
                      },
                    },
                  });
                  return h(
                    "li",
                    { "data-split": d.i.id },
                    box,
                    h("label", { for: box.id }, C.indicatorLine(d.i)),
                    h(
                      "span",
                      { class: "tf-t-who" },
                      ` True for ${d.yes.length} of ${members.length}: ${d.yes.map(label).join(", ")}; ` +
                        `not for ${d.no.map(label).join(", ")}.`,
                    ),
                  );
                }),
              ),
            ],
          );
        }),
      ),
      agreed.length > 0 &&
        h(
          "p",
          { id: "tf-team-agreed" },
          `Answered alike by everyone (${agreed.length}): `,
          agreed.map((r, n) => [
            n ? ", " : "",
            h("a", { href: C.url(r.e.url) }, r.e.title),
            ` (${stageText(r.xs[0].c)})`,
          ]),
        ),
    );
    return out;
  }

  C.pages["tf-team"] = (root) => {
    if (!root.dataset.drop) {
      root.dataset.drop = "1";
      root.addEventListener("dragover", (ev) => {
        ev.preventDefault();
        root.classList.add("tf-t-over");
      });
      root.addEventListener("dragleave", () => root.classList.remove("tf-t-over"));
      root.addEventListener("drop", (ev) => {
        ev.preventDefault();
        root.classList.remove("tf-t-over");
        load([...ev.dataTransfer.files]);
      });
    }
    C.mountView(root, draw);
  };
})();

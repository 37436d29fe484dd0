// Team consensus: members' JSON exports side by side, read in this tab only (never uploaded,
// never saved), an agenda of disagreements, CSV and print, and the agreed result saved as a new
// assessment. Loaded on the team page only.
(() => {
  "use strict";
  const core = window.TF && window.TF.core;
  if (!core || core.pages["tf-team"]) return;
  const { allElements, make, button } = core;
  // Kept while this tab stays on the site, so a look at an element page loses nothing.
  const members = []; // { name, file, a, key }
  // Keyed by ids and proposal keys from members' files: Maps, never plain objects.
  const agreedTarget = new Map(), // element id -> { stage, date }
    picked = new Map(); // proposal key -> true/false
  let serial = 0;
  const agreedStage = new Map(),
    agreedTick = new Map(); // the facilitator's choices; unset means the default below
  let anon = false,
    unsaved = false; // agreed choices made since the last save: a reload or close would lose them
  window.addEventListener("beforeunload", (ev) => {
    if (unsaved) ev.preventDefault();
  });

  const { stageText } = core;
  const label = (m) => {
    const n = members.indexOf(m);
    if (anon) return `Member ${n < 26 ? String.fromCharCode(65 + n) : n + 1}`;
    return members.some((o) => o !== m && o.name === m.name) ? `${m.name} (${m.file})` : m.name;
  };
  const yes = (i) => members.filter((m) => core.ticked(m.a, i.id));
  // Defaults: an indicator is agreed true when most members ticked it; a stage when all agree.
  const tickOf = (i) =>
    agreedTick.has(i.id) ? agreedTick.get(i.id) : yes(i).length * 2 > members.length;
  const stageOf = (r) =>
    agreedStage.has(r.e.id) ? agreedStage.get(r.e.id) : r.differ ? null : r.xs[0].counted;

  async function load(files) {
    const lines = [];
    let added = 0;
    // File names carry members' names (self-assessment-<name>-<date>.json): hidden with them.
    const named = (file) =>
      anon ? `File ${files.indexOf(file) + 1} of ${files.length}` : `“${file.name}”`;
    for (const file of files) {
      let data;
      try {
        if (file.size > core.store.LIMITS.fileBytes)
          throw new Error(`it is over ${core.store.LIMITS.fileBytes / 1e6} MB`);
        data = JSON.parse(await file.text());
      } catch (e) {
        lines.push(
          `${named(file)} was refused: ${e instanceof SyntaxError ? "it is not valid JSON" : e.message}.`,
        );
        continue;
      }
      const problems = core.store.validateExport(data);
      if (problems.length) {
        lines.push(
          `${named(file)} was refused: it is not a self-assessment export this site can read (${core.summary(problems)}).`,
        );
        continue;
      }
      const key = JSON.stringify(data.assessment),
        twin = members.find((m) => m.key === key);
      if (twin) {
        lines.push(
          `${named(file)} was skipped: it holds the same answers as ${anon ? label(twin) : `“${twin.file}”`}.`,
        );
        continue;
      }
      const member = {
        n: ++serial, // names the member's proposed actions while members come and go
        name: data.assessment.name,
        file: file.name,
        a: core.store.readOnly(data),
        key,
      };
      members.push(member);
      if (data.rubric !== core.rubric.version)
        lines.push(
          `${anon ? label(member) : `“${file.name}”`} was made with another version of the roadmap: it is compared on the indicators both versions share.`,
        );
      added++;
    }
    core.say(
      [added ? `Loaded ${added} file(s): ${members.length} member(s) in all.` : "", ...lines]
        .filter(Boolean)
        .join(" "),
      lines.length > 0,
    );
  }

  function analyse() {
    return allElements.map((e, order) => {
      const xs = members.map((m) => core.info(m.a, e));
      const nums = xs.map((x) => x.counted).filter((c) => typeof c === "number");
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
        differ: new Set(xs.map((x) => String(x.counted))).size > 1,
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
    const out = [[...core.CSV_LEAD, ...members.map(label), "Spread or ticked by", "Agreed"]];
    for (const r of rows) {
      out.push([
        ...core.csvElementLead(r.e),
        ...r.xs.map((x) => core.csvStage(x.counted)),
        r.differ ? (r.spread ? r.spread : "differs") : "agreed",
        core.csvStage(stageOf(r)),
      ]);
      for (const i of r.e.indicators) {
        out.push([
          ...core.csvIndicatorLead(r.e, i),
          ...members.map((m) => (core.ticked(m.a, i.id) ? "yes" : "no")),
          `${yes(i).length} of ${members.length}`,
          tickOf(i) ? "yes" : "no",
        ]);
      }
    }
    return core.csvText(out);
  }

  // Members' proposed targets and actions, per element. An action proposed by several members in
  // the same words is one proposal. Presets: what most members proposed.
  const norm = (text) => text.trim().replace(/\s+/g, " ").toLowerCase();
  function proposals() {
    return allElements
      .map((e) => {
        const targets = members.map((m) => core.store.targetOf(m.a, e.id));
        const groups = new Map();
        for (const m of members)
          for (const action of core.store.actionsOf(m.a).filter((x) => x.element === e.id)) {
            const k = norm(action.text) || `${m.n}/${action.id}`;
            if (!groups.has(k)) groups.set(k, { key: `${m.n}/${action.id}`, action, by: [] });
            if (!groups.get(k).by.includes(m)) groups.get(k).by.push(m);
          }
        return { e, targets, actions: [...groups.values()] };
      })
      .filter((p) => p.targets.some((t) => t.stage) || p.actions.length);
  }
  const majority = (n) => n * 2 > members.length;
  function targetOf(p) {
    if (agreedTarget.has(p.e.id)) return agreedTarget.get(p.e.id);
    for (const t of p.targets)
      if (t.stage && majority(p.targets.filter((u) => u.stage === t.stage).length))
        return { stage: t.stage, date: t.date };
    return { stage: null, date: "" };
  }
  const isPicked = (g) => (picked.has(g.key) ? picked.get(g.key) : majority(g.by.length));
  const targetText = (t) => core.targetText(t, "none");

  function proposalsPart() {
    const plan = proposals();
    const out = [
      make("h2", { id: "tf-proposals-title" }, "Targets and actions members proposed"),
      make(
        "p",
        {},
        "For each element, agree a target and pick the actions to keep (preset: what most members proposed); " +
          "“Save the agreed result” keeps them. Agree what your task force will do, in its own words.",
      ),
    ];
    if (!plan.length)
      return out.concat(
        make("p", { id: "tf-proposals-none" }, "No member proposed a target or an action."),
      );
    out.push(
      make(
        "ul",
        { id: "tf-proposals", class: "tf-t-split" },
        plan.map((p) => {
          const target = targetOf(p);
          const set = (k, v) => {
            agreedTarget.set(p.e.id, { ...targetOf(p), [k]: v });
            core.refresh();
          };
          const pick = make(
            "select",
            {
              id: "tf-agree-target-" + p.e.id,
              "data-k": "agree-target-" + p.e.id,
              on: { change: () => set("stage", pick.value ? Number(pick.value) : null) },
            },
            core.targetOptions(target.stage),
          );
          const date = make("input", {
            type: "date",
            id: "tf-agree-date-" + p.e.id,
            "data-k": "agree-date-" + p.e.id,
            value: target.date,
            on: { change: () => set("date", date.value) },
          });
          return make(
            "li",
            { "data-proposals": p.e.id },
            make("h3", {}, make("a", { href: core.url(p.e.url) }, p.e.title)),
            make(
              "p",
              { class: "tf-t-stages" },
              "Proposed targets: ",
              members.map((m, n) => `${label(m)}: ${targetText(p.targets[n])}`).join(" · "),
            ),
            make(
              "div",
              { class: "tf-d-bar" },
              make(
                "div",
                { class: "tf-d-pick" },
                make("label", { for: pick.id }, `Agreed target for ${p.e.title}`),
                pick,
              ),
              make(
                "div",
                { class: "tf-d-pick" },
                make("label", { for: date.id }, "By (optional)"),
                date,
              ),
            ),
            p.actions.length > 0 &&
              make(
                "ul",
                { class: "tf-t-split" },
                p.actions.map((g) => {
                  const box = make("input", {
                    type: "checkbox",
                    id: "tf-pick-" + g.key.replace("/", "-"),
                    "data-k": "pick-" + g.key,
                    checked: isPicked(g),
                    on: {
                      change: () => {
                        picked.set(g.key, box.checked);
                        core.refresh();
                      },
                    },
                  });
                  const x = g.action;
                  return make(
                    "li",
                    { "data-pick": g.key },
                    box,
                    make("label", { for: box.id }, x.text || "(no text)"),
                    make(
                      "span",
                      { class: "tf-t-who" },
                      ` ${[
                        x.owner && (anon ? "owner hidden" : `owner: ${x.owner}`),
                        x.due && `due ${x.due}`,
                        core.STATUS[x.status].toLowerCase(),
                      ]
                        .filter(Boolean)
                        .join(", ")} · proposed by ${g.by.map(label).join(", ")}.`,
                    ),
                  );
                }),
              ),
          );
        }),
      ),
    );
    return out;
  }

  async function saveAgreed(rows) {
    const name = await core.ask(
      "Save the agreed result",
      [
        `Creates a new assessment in this browser from the agreed stages, ticks, targets and actions ` +
          `of ${members.length} members. The members' files are not kept.`,
      ],
      "Save",
      `Team consensus ${core.today()}`,
    );
    if (!name) return;
    const store = core.store;
    core.setMessage(
      `Saved “${name}” in this browser. It is now the current assessment on the dashboard.`,
    );
    unsaved = false;
    store.batch(() => {
      const a = store.create(name);
      if (!a) return;
      for (const r of rows) {
        for (const i of r.e.indicators) if (tickOf(i)) store.setTick(a.id, i.id, true, r.e);
        const s = stageOf(r);
        if (s != null) store.setElementField(a.id, r.e, "s", s);
      }
      // The agreed targets and the picked actions, each as its proposer wrote it.
      for (const p of proposals()) {
        const target = targetOf(p);
        if (target.stage) {
          store.setElementField(a.id, p.e, "t", target.stage);
          store.setElementField(a.id, p.e, "d", target.date);
        }
        for (const g of p.actions.filter(isPicked)) {
          const x = g.action,
            id = store.addAction(a.id, x.element, x.text, x.indicators);
          if (id) for (const k of ["owner", "due", "status"]) store.setAction(a.id, id, k, x[k]);
        }
      }
      const names = new Set(members.map((m) => store.planTextOf(m.a, "taskForce")));
      if (names.size === 1) store.setPlanText(a.id, "taskForce", [...names][0]);
    });
  }

  // The file picker and "No files loaded yet." are written into the page (docs/self-assessment/
  // team.md), so that files can be chosen before this code arrives. The picker stays out of what is
  // redrawn: an open file chooser, or the keyboard's place on it, is never disturbed.
  let noFiles = null;
  function takePicker(root) {
    const input = root.querySelector("#tf-team-files");
    if (!(input instanceof HTMLInputElement)) return;
    const read = () => {
      const files = [...(input.files || [])];
      input.value = "";
      if (files.length) load(files);
    };
    input.addEventListener("change", read);
    read(); // chosen before the code arrived
  }
  function draw(region) {
    const out = [
      members.length > 0 &&
        make(
          "div",
          { class: "tf-t-members" },
          // Exports are named after their assessment (self-assessment-<name>-<date>.json): hidden names hide the file too.
          make(
            "ul",
            { id: "tf-team-members" },
            members.map((m) =>
              make(
                "li",
                {},
                anon ? `${label(m)} ` : `${label(m)} · ${m.file} `,
                button(
                  ["Remove", make("span", { class: "tf-sr" }, ` ${label(m)}`)],
                  () => {
                    const who = anon ? label(m) : m.file;
                    members.splice(members.indexOf(m), 1);
                    core.say(`Removed ${who}.`);
                  },
                  "remove-" + members.indexOf(m),
                ),
              ),
            ),
          ),
          make(
            "div",
            { class: "tf-d-check" },
            make("input", {
              type: "checkbox",
              id: "tf-team-anon",
              checked: anon,
              "data-k": "anon",
              on: {
                change: (ev) => {
                  anon = ev.target.checked;
                  core.say(null);
                },
              },
            }), // messages name files
            make(
              "label",
              { for: "tf-team-anon" },
              "Hide names: show Member A, B, C… on screen, in print and in the CSV, and hide action owners",
            ),
          ),
        ),
      region,
    ];
    if (members.length < 2)
      return out.concat(
        members.length
          ? make("p", { id: "tf-team-empty" }, "Load at least one more member's file to compare.")
          : noFiles,
      );

    const rows = analyse(),
      agenda = agendaOf(rows),
      agreed = rows.filter((r) => !agenda.includes(r));
    out.push(
      make(
        "div",
        { class: "tf-d-actions" },
        button("Print the agenda", () => window.print(), "team-print"),
        button(
          "Export CSV",
          () =>
            core.download(
              `team-consensus-${core.today()}.csv`,
              "text/csv;charset=utf-8",
              csv(rows),
            ),
          "team-csv",
        ),
        button(
          "Save the agreed result as a new assessment",
          () => saveAgreed(rows),
          "team-save",
          "tf-btn--primary",
        ),
      ),
      make(
        "p",
        { class: "tf-d-printinfo" },
        `Team consensus of ${members.length} members, printed ${core.when(new Date().toISOString())}.`,
      ),
    );

    out.push(
      make("h2", { id: "tf-team-overview-title" }, "Each member's counted stage"),
      make(
        "div",
        {
          class: "tf-d-scroll",
          tabindex: "0",
          role: "region",
          "aria-labelledby": "tf-team-overview-title",
        },
        make(
          "table",
          { class: "tf-team", id: "tf-team-overview" },
          make(
            "thead",
            {},
            make(
              "tr",
              {},
              make("th", { scope: "col" }, "Element"),
              members.map((m) => make("th", { scope: "col" }, label(m))),
              make("th", { scope: "col" }, "Spread"),
            ),
          ),
          make(
            "tbody",
            {},
            rows.map((r) =>
              make(
                "tr",
                { "data-team": r.e.id, class: r.differ ? "tf-t-differ" : "" },
                make("th", { scope: "row" }, make("a", { href: core.url(r.e.url) }, r.e.title)),
                r.xs.map((x) =>
                  make(
                    "td",
                    {},
                    core.stageCell(x.counted),
                    x.status === "suggested" && make("span", { class: "tf-d-sug" }, " suggested"),
                  ),
                ),
                make("td", { class: "tf-t-spread" }, spreadText(r)),
              ),
            ),
          ),
        ),
      ),
    );

    out.push(
      make("h2", { id: "tf-agenda-title" }, "Agenda: where members disagree, biggest first"),
      make(
        "p",
        { id: "tf-agenda-summary" },
        `${agenda.length} of ${allElements.length} elements to discuss. For each, agree a stage and settle the indicators ` +
          "members answered differently (preset: what most members ticked), then save the agreed result.",
      ),
      make(
        "ol",
        { id: "tf-agenda", class: "tf-t-agenda" },
        agenda.map((r) => {
          const pick = make(
            "select",
            {
              id: "tf-agree-" + r.e.id,
              "data-k": "agree-" + r.e.id,
              on: {
                change: () => {
                  agreedStage.set(
                    r.e.id,
                    pick.value === "" ? null : pick.value === "na" ? "na" : Number(pick.value),
                  );
                  unsaved = true;
                  core.refresh();
                },
              },
            },
            [null, ...core.rubric.stages.map((s) => s.n), "na"].map((v) =>
              make(
                "option",
                { value: v == null ? "" : v, selected: stageOf(r) === v },
                v == null ? "Not agreed yet (the agreed ticks suggest one)" : core.stageName(v),
              ),
            ),
          );
          return make(
            "li",
            { "data-agenda": r.e.id },
            make("h3", {}, make("a", { href: core.url(r.e.url) }, r.e.title), ` · ${headline(r)}`),
            make(
              "p",
              { class: "tf-t-stages" },
              members.map((m, n) => `${label(m)}: ${stageText(r.xs[n].counted)}`).join(" · "),
            ),
            make(
              "div",
              { class: "tf-d-pick" },
              make("label", { for: pick.id }, `Agreed stage for ${r.e.title}`),
              pick,
            ),
            r.split.length > 0 && [
              make(
                "p",
                {},
                `Indicators answered differently (${r.split.length}), most evenly split first:`,
              ),
              make(
                "ul",
                { class: "tf-t-split" },
                r.split.map((d) => {
                  const box = make("input", {
                    type: "checkbox",
                    id: "tf-agree-" + d.i.id,
                    checked: tickOf(d.i),
                    "data-k": "agree-" + d.i.id,
                    on: {
                      change: () => {
                        agreedTick.set(d.i.id, box.checked);
                        unsaved = true;
                        core.refresh();
                      },
                    },
                  });
                  return make(
                    "li",
                    { "data-split": d.i.id },
                    box,
                    make("label", { for: box.id }, core.indicatorLine(d.i)),
                    make(
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
        make(
          "p",
          { id: "tf-team-agreed" },
          `Answered alike by everyone (${agreed.length}): `,
          agreed.map((r, n) => [
            n ? ", " : "",
            make("a", { href: core.url(r.e.url) }, r.e.title),
            ` (${stageText(r.xs[0].counted)})`,
          ]),
        ),
    );
    out.push(proposalsPart());
    return out;
  }

  core.pages["tf-team"] = (root) => {
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
    const view = root.querySelector("#tf-team-view");
    if (!view) return;
    noFiles = view.querySelector("#tf-team-empty"); // this page view's, before the first drawing
    core.mountView(view, draw);
    takePicker(root);
    // Files dropped before this code arrived (the loader keeps them, and the browser from opening them).
    const { dropped } = window.TF_CODE.takePending();
    if (dropped.length) load(dropped);
  };
})();

// Team consensus: members' JSON exports side by side, read in this tab only (never uploaded,
// never saved), an agenda of disagreements, CSV and print, and the agreed result saved as a new
// assessment. Loaded on the team page only.
(() => {
  "use strict";
  if (!window.TF || window.TF.core.pages["tf-team"]) return;
  const { core } = window.TF;
  const { allElements, make, button } = core;
  // store-copies.js loads before this module (PAGE_CODE): the store has its part.
  const copies = /** @type {TFStoreWithCopies} */ (core.store);
  // Kept while this tab stays on the site, so a look at an element page loses nothing.
  /** @type {TFMember[]} */
  const members = []; // { name, file, a, key }
  let serial = 0;
  /** @type {Map<string, Stage | null>} */
  const agreedStage = new Map(),
    /** @type {Map<string, boolean>} */
    agreedTick = new Map(); // the facilitator's choices; unset means the default below
  let anon = false,
    unsaved = false; // agreed choices made since the last save: a reload or close would lose them
  window.addEventListener("beforeunload", (ev) => {
    if (unsaved) ev.preventDefault();
  });

  const { stageText } = core;
  /** @type {TFTeam["label"]} */
  const label = (m) => {
    const n = members.indexOf(m);
    if (anon) return `Member ${n < 26 ? String.fromCharCode(65 + n) : n + 1}`;
    return members.some((o) => o !== m && o.name === m.name) ? `${m.name} (${m.file})` : m.name;
  };
  const { proposals, targetOf, isPicked, ...proposalsOf } = core.teamProposals({
    members,
    label,
    hidden: () => anon,
    changed: () => {
      unsaved = true;
    },
  });
  const yes = (/** @type {TFIndicator} */ i) => members.filter((m) => core.ticked(m.a, i.id));
  // Defaults: an indicator is agreed true when most members ticked it; a stage when all agree.
  /** @param {TFIndicator} i @returns {boolean} */
  const tickOf = (i) => {
    const agreed = agreedTick.get(i.id);
    return agreed === undefined ? yes(i).length * 2 > members.length : agreed;
  };
  /** @param {TeamRow} r @returns {Stage | null} */
  const stageOf = (r) => {
    const agreed = agreedStage.get(r.e.id);
    return agreed !== undefined ? agreed : r.differ ? null : r.xs[0].counted;
  };

  /** @param {File[]} files */
  async function load(files) {
    /** @type {string[]} */
    const lines = [];
    let added = 0;
    // File names carry members' names (self-assessment-<name>-<date>.json): hidden with them.
    const named = (/** @type {File} */ file) =>
      anon ? `File ${files.indexOf(file) + 1} of ${files.length}` : `“${file.name}”`;
    for (const file of files) {
      // The parser's own words are left out: they may quote the file, names included.
      const read = await copies.readExportFile(file);
      if (!("data" in read)) {
        const found = read.problems ? ` (${core.summary(read.problems)})` : "";
        lines.push(`${named(file)} was refused: it ${read.why}${found}.`);
        continue;
      }
      const { data } = read;
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
        a: copies.readOnly(data),
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

  /** @typedef {ReturnType<typeof analyse>[number]} TeamRow an element, each member's answers, and how they differ */
  function analyse() {
    return allElements.map((e, order) => {
      const xs = members.map((m) => core.info(m.a, e));
      const nums = xs
        .map((x) => x.counted)
        .filter(/** @returns {c is number} */ (c) => typeof c === "number");
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
  const agendaOf = (/** @type {TeamRow[]} */ rows) =>
    rows
      .filter((r) => r.differ || r.split.length)
      .sort(
        (p, q) =>
          q.spread - p.spread ||
          Number(q.differ) - Number(p.differ) ||
          q.split.length - p.split.length ||
          p.order - q.order,
      );
  const spreadText = (/** @type {TeamRow} */ r) =>
    !r.differ ? "agreed" : r.spread ? `${r.spread} (Stage ${r.lo} to ${r.hi})` : "differs";
  const headline = (/** @type {TeamRow} */ r) =>
    !r.differ
      ? "same stage, indicators differ"
      : r.spread
        ? `spread ${spreadText(r)}`
        : "stages differ";

  /** @param {TeamRow[]} rows */
  function csv(rows) {
    /** @type {(string | number)[][]} */
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

  /** @param {TeamRow[]} rows */
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
    let made = null,
      left = 0; // picked actions past the limit of one assessment
    store.batch(() => {
      const a = (made = store.create(name));
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
          if (id)
            for (const k of /** @type {const} */ (["owner", "due", "status"]))
              store.setAction(a.id, id, k, x[k]);
          else left++;
        }
      }
      const names = new Set(members.map((m) => store.planTextOf(m.a, "taskForce")));
      if (names.size === 1) store.setPlanText(a.id, "taskForce", [...names][0]);
    });
    /** @param {number} n */
    const most = (n) => n.toLocaleString("en-US");
    if (!made) {
      unsaved = true;
      core.say(
        !store.cleanName(name).trim()
          ? "Not saved: the name has no visible characters. Save again with one that has."
          : `Not saved: this browser already keeps ${most(store.LIMITS.assessments)} assessments, the most it can. Delete one on the dashboard, then save again.`,
        true,
      );
    } else if (left)
      core.say(
        `Saved “${store.nameOf(made)}”, but ${left} picked action(s) were not added: one assessment keeps at most ${most(store.LIMITS.actions)} actions. Unpick some and save again.`,
        true,
      );
  }

  // The file picker and "No files loaded yet." are written into the page (docs/self-assessment/
  // team.md), so that files can be chosen before this code arrives. The picker stays out of what is
  // redrawn: an open file chooser, or the keyboard's place on it, is never disturbed.
  /** @type {Element | null} */
  let noFiles = null;
  /** @param {HTMLElement} root */
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
  // The members loaded, each with its Remove button, and the box that hides their names.
  const membersPart = () =>
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
            change: (/** @type {Event} */ ev) => {
              anon = ev.target instanceof HTMLInputElement && ev.target.checked;
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
    );

  // Print, CSV and save, and the line only print shows.
  const toolsPart = (/** @type {TeamRow[]} */ rows) => [
    make(
      "div",
      { class: "tf-d-actions" },
      button("Print the agenda", () => window.print(), "team-print"),
      button(
        "Export CSV",
        () =>
          core.download(`team-consensus-${core.today()}.csv`, "text/csv;charset=utf-8", csv(rows)),
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
  ];

  // The overview table: each member's counted stage of every element, and their spread.
  const overviewRow = (/** @type {TeamRow} */ r) =>
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
    );
  const overviewPart = (/** @type {TeamRow[]} */ rows) => [
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
        make("tbody", {}, rows.map(overviewRow)),
      ),
    ),
  ];

  // The agreed stage of one agenda element.
  /** @param {TeamRow} r */
  function stagePick(r) {
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
      /** @satisfies {(Stage | null)[]} */ ([
        null,
        ...core.rubric.stages.map((s) => s.n),
        "na",
      ]).map((v) =>
        make(
          "option",
          { value: v == null ? "" : v, selected: stageOf(r) === v },
          v == null ? "Not agreed yet (the agreed ticks suggest one)" : core.stageName(v),
        ),
      ),
    );
    return make(
      "div",
      { class: "tf-d-pick" },
      make("label", { for: pick.id }, `Agreed stage for ${r.e.title}`),
      pick,
    );
  }

  // One indicator members answered differently: its agreed tick, and who ticked it.
  /** @param {TeamRow["split"][number]} d */
  function splitRow(d) {
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
  }

  // One agenda item: an element members disagree on.
  const agendaItem = (/** @type {TeamRow} */ r) =>
    make(
      "li",
      { "data-agenda": r.e.id },
      make("h3", {}, make("a", { href: core.url(r.e.url) }, r.e.title), ` · ${headline(r)}`),
      make(
        "p",
        { class: "tf-t-stages" },
        members.map((m, n) => `${label(m)}: ${stageText(r.xs[n].counted)}`).join(" · "),
      ),
      stagePick(r),
      r.split.length > 0 && [
        make(
          "p",
          {},
          `Indicators answered differently (${r.split.length}), most evenly split first:`,
        ),
        make("ul", { class: "tf-t-split" }, r.split.map(splitRow)),
      ],
    );

  // The agenda, then the elements everyone answered alike.
  /** @param {TeamRow[]} agenda @param {TeamRow[]} agreed */
  const agendaPart = (agenda, agreed) => [
    make("h2", { id: "tf-agenda-title" }, "Agenda: where members disagree, biggest first"),
    make(
      "p",
      { id: "tf-agenda-summary" },
      `${agenda.length} of ${allElements.length} elements to discuss. For each, agree a stage and settle the indicators ` +
        "members answered differently (preset: what most members ticked), then save the agreed result.",
    ),
    make("ol", { id: "tf-agenda", class: "tf-t-agenda" }, agenda.map(agendaItem)),
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
  ];

  /** @param {HTMLElement} region */
  function draw(region) {
    /** @type {TFKid[]} */
    const out = [members.length > 0 && membersPart(), region];
    if (members.length < 2)
      return out.concat(
        members.length
          ? make("p", { id: "tf-team-empty" }, "Load at least one more member's file to compare.")
          : noFiles,
      );
    const rows = analyse(),
      agenda = agendaOf(rows),
      agreed = rows.filter((r) => !agenda.includes(r));
    out.push(...toolsPart(rows), ...overviewPart(rows), ...agendaPart(agenda, agreed));
    out.push(proposalsOf.part());
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
        load([...(ev.dataTransfer ? ev.dataTransfer.files : [])]);
      });
    }
    const view = root.querySelector("#tf-team-view");
    if (!view) return;
    noFiles = view.querySelector("#tf-team-empty"); // this page view's, before the first drawing
    core.mountView(view, draw);
    takePicker(root);
    // Files dropped before this code arrived (the loader keeps them, and the browser from opening them).
    const pending = window.TF_CODE && window.TF_CODE.takePending();
    if (pending && pending.dropped.length) load(pending.dropped);
  };
})();

// The report for leadership (/self-assessment/report/): a two-page summary of the current
// assessment (stages against targets, the heatmap, the largest gaps, open actions by due date,
// progress since the last snapshot), printable in grayscale and copied as formatted or plain text
// without any library. Loaded on demand on the report page, after plan.js.
(() => {
  "use strict";
  if (!window.TF || window.TF.core.pages["tf-report"]) return;
  const { core } = window.TF; // core.plan (plan.js) is used once both have loaded
  performance.mark("tf-code-report"); // scripts/bench: drawn within 50 ms of the code arriving
  const { rubric, make, button, store, STATUS, TARGET_STATE } = core;
  const { LIMITS } = store;
  const SHOWN_ACTIONS = 12, // open actions listed; the rest are counted (two pages at most)
    SHOWN_GAPS = 5;
  // Texts at their limits (an action's 2000 characters, 2000 of "who took part") would fill
  // pages: the report shortens them, and says so with "…"; the work plan shows them whole.
  const SHORT = { text: 100, owner: 40, people: 160 };
  const SAVE_AFTER = 300; // ms after the last key: one write per pause, not one per key
  const { clip, dayText } = core;

  /** @typedef {ReturnType<typeof reportData>} ReportData */
  // Everything the report says, as plain data.
  /** @param {Assessment} a @param {string} today */
  function reportData(a, today) {
    const rows = core.allElements.map((e) => {
      const x = core.info(a, e),
        target = core.store.targetOf(a, e.id);
      return { e, x, target, state: core.targetState(x.counted, target, today) };
    });
    const actions = core.plan.rowsOf(a, today);
    const gaps = core.plan.gapsOf(rows);
    const open = actions
      .filter((r) => core.plan.OPEN.has(r.status))
      .sort((p, q) => (p.due || "\uffff").localeCompare(q.due || "\uffff"));
    const snaps = core.store.snapshotsOf(a),
      last = snaps[snaps.length - 1] || null;
    const moves = last
      ? rows
          .map((r) => ({ ...r, before: last.stages[r.e.id] }))
          .filter(
            (r) => r.before !== r.x.counted && !(r.before === undefined && r.x.counted == null),
          )
      : [];
    return { rows, actions, gaps, open, last, moves, snaps };
  }

  const { table } = core;
  const { stageText } = core;
  const targetText = (/** @type {TFTarget} */ t) => core.targetNodes(t, "—");

  // The title, who took part and the figures in one line.
  /** @param {Assessment} a @param {ReportData} d @param {string} today */
  function headPart(a, d, today) {
    const taskForce = core.store.planTextOf(a, "taskForce"),
      people = core.store.planTextOf(a, "people");
    const assessed = d.rows.filter((r) => r.x.counted != null).length,
      targets = d.rows.filter((r) => r.state);
    const count = (/** @type {string} */ s) => targets.filter((r) => r.state === s).length;
    const done = d.actions.filter((r) => r.status === "done").length,
      overdue = d.open.filter((r) => r.overdue).length;
    return [
      make("h2", { class: "tf-r-title", id: "tf-r-title" }, taskForce || "Our task force"),
      make(
        "p",
        { class: "tf-r-sub" },
        `Self-assessment against the ${rubric.title} · assessment “${core.store.nameOf(a)}”, started ${dayText(core.localDay(new Date(core.store.createdOf(a))))} · report of ${dayText(today)}`,
      ),
      people &&
        make(
          "p",
          { class: "tf-r-people" },
          make("strong", {}, "Who took part: "),
          clip(people, SHORT.people),
        ),
      make(
        "p",
        { class: "tf-r-figures", id: "tf-r-figures" },
        `${assessed} of ${core.allElements.length} elements assessed · ${targets.length} targets set: ${count("reached")} reached, ${count("open")} on track, ${count("late")} past their date · ${done} of ${d.actions.length} actions done, ${d.open.length} open${overdue ? `, ${overdue} overdue` : ""}.`,
      ),
    ];
  }

  // One area's heatmap: each element's stage and target.
  /** @param {ReportData} d @param {TFArea} area */
  function areaTable(d, area) {
    const mine = d.rows.filter((r) => r.e.area === area);
    return core.heatTable(
      `${area.title}: stages and targets`,
      mine.map((r) => /** @satisfies {[TFElement, TFElementInfo, TFTargetRow]} */ ([r.e, r.x, r])),
      (e, x, [, , r]) => {
        return [
          { "data-report": e.id, "data-target-state": r.state || "" },
          make("th", { scope: "row" }, e.title),
          make("td", {}, stageText(x.counted), x.status === "suggested" ? " (suggested)" : ""),
          make(
            "td",
            {},
            targetText(r.target),
            r.state && make("strong", {}, ` · ${TARGET_STATE[r.state]}`),
          ),
        ];
      },
      ["Target"],
      `${area.title}: ${mine.filter((r) => r.x.counted != null).length} of ${mine.length} assessed`,
    );
  }

  // "Where each element stands": a heatmap per area, then how to read it.
  const standingPart = (/** @type {ReportData} */ d) => [
    make("h3", {}, "Where each element stands"),
    ...rubric.areas.map((area) => areaTable(d, area)),
    make(
      "p",
      { class: "tf-r-legend" },
      "Stage columns: indicators ticked of each stage's total; the counted stage is the one chosen, else the one suggested by the ticks.",
    ),
  ];

  // The largest gaps to target, at most SHOWN_GAPS of them.
  /** @param {ReportData} d */
  function gapsPart(d) {
    const gaps = d.gaps.slice(0, SHOWN_GAPS);
    return [
      make("h3", {}, "Largest gaps to target"),
      gaps.length
        ? table(
            "Largest gaps to target",
            ["Element", "Counted stage", "Target", "Gap", "Progress"],
            gaps.map((r) =>
              make(
                "tr",
                { "data-gap": r.e.id },
                make("td", {}, r.e.title),
                make("td", {}, stageText(r.x.counted)),
                make("td", {}, targetText(r.target)),
                make("td", {}, `${r.gap} stage${r.gap === 1 ? "" : "s"}`),
                make("td", {}, r.state && TARGET_STATE[r.state]),
              ),
            ),
            { id: "tf-r-gaps" },
          )
        : make(
            "p",
            {},
            d.rows.some((r) => r.state)
              ? "Every target is reached."
              : "No targets set yet: set them on the work plan.",
          ),
    ];
  }

  // One open action's row.
  const openRow = (/** @type {TFPlanRow} */ r) =>
    make(
      "tr",
      { "data-report-action": r.id },
      make(
        "td",
        {},
        r.due ? make("span", { class: "tf-date" }, dayText(r.due)) : "no date",
        r.overdue ? " (overdue)" : "",
      ),
      make("td", { dir: "auto" }, clip(r.text, SHORT.text) || "(no text)"),
      make("td", {}, core.plan.elementTitle(r)),
      make("td", { dir: "auto" }, clip(r.owner, SHORT.owner) || "—"),
      make("td", {}, STATUS[r.status]),
    );

  // The open actions by due date, at most SHOWN_ACTIONS of them; the rest counted.
  /** @param {ReportData} d */
  function openPart(d) {
    const open = d.open.slice(0, SHOWN_ACTIONS);
    return [
      make("h3", {}, "Open actions by due date"),
      open.length
        ? table(
            "Open actions by due date",
            ["Due", "Action", "Element", "Owner", "Status"],
            open.map(openRow),
            { id: "tf-r-actions" },
          )
        : make("p", {}, "No open actions."),
      d.open.length > open.length &&
        make("p", {}, `And ${d.open.length - open.length} more open action(s) on the work plan.`),
    ];
  }

  // Progress since the last snapshot: stages that moved, actions done then and now.
  /** @param {ReportData} d */
  function progressPart(d) {
    const done = d.actions.filter((r) => r.status === "done").length;
    /** @type {TFKid[]} */
    const out = [make("h3", {}, "Progress since the previous snapshot")];
    if (!d.last)
      return out.concat(
        make(
          "p",
          { id: "tf-r-progress" },
          "No snapshot yet: save one on your assessment's data page after each review to show progress here.",
        ),
      );
    const was = d.last.actions;
    return out.concat(
      make(
        "p",
        { id: "tf-r-progress" },
        `Since the snapshot of ${core.when(d.last.taken)}: ` +
          (d.moves.length
            ? `${d.moves.length} element(s) changed stage. `
            : "no element changed stage. ") +
          (was
            ? `Actions done: ${was.done} of ${was.all} then, ${done} of ${d.actions.length} now.`
            : `Actions done now: ${done} of ${d.actions.length}.`),
      ),
      d.moves.length > 0 &&
        make(
          "ul",
          { class: "tf-r-moves" },
          d.moves.map((r) =>
            make(
              "li",
              { "data-moved": r.e.id },
              `${r.e.title}: ${stageText(r.before)} → ${stageText(r.x.counted)}`,
            ),
          ),
        ),
    );
  }

  /** @param {Assessment} a @param {ReportData} d @param {string} today */
  function report(a, d, today) {
    const out = [
      ...headPart(a, d, today),
      ...standingPart(d),
      ...gapsPart(d),
      ...openPart(d),
      ...progressPart(d),
      make(
        "p",
        { class: "tf-r-caution" },
        `The roadmap says: “${rubric.caution}” ` +
          `Made with the self-assessment of the ${rubric.title}, in the task force's own browser.`,
      ),
    ];
    return make("article", { class: "tf-report", id: "tf-report-body" }, out);
  }

  // --- Copying: the same article as HTML (tables and headings survive a paste) and as text ---------

  // Tables keep their lines and alignment in a word processor through HTML's own attributes: the
  // site's CSP refuses style attributes, even in markup that only passes through the clipboard.
  /** @param {HTMLElement} article */
  function htmlOf(article) {
    const copy = /** @type {HTMLElement} */ (article.cloneNode(true));
    for (const el of copy.querySelectorAll("*"))
      for (const name of el.getAttributeNames()) if (name !== "dir") el.removeAttribute(name);
    for (const el of copy.querySelectorAll("div")) el.replaceWith(...el.childNodes); // scroll boxes
    for (const el of copy.querySelectorAll("table")) {
      el.setAttribute("border", "1");
      el.setAttribute("cellspacing", "0");
      el.setAttribute("cellpadding", "4");
    }
    for (const el of copy.querySelectorAll("th, td")) {
      el.setAttribute("align", "left");
      el.setAttribute("valign", "top");
    }
    return `<meta charset="utf-8">${copy.innerHTML}`;
  }
  const squeeze = (/** @type {string | null} */ s) => (s || "").replace(/\s+/g, " ").trim();
  /** @param {Element} article */
  function textOf(article) {
    /** @type {string[]} */
    const lines = [];
    const walk = (/** @type {Element} */ el) => {
      for (const kid of el.children) {
        if (/^H[1-6]$/.test(kid.tagName)) {
          const t = squeeze(kid.textContent);
          lines.push("", t, (kid.tagName === "H2" ? "=" : "-").repeat(t.length));
        } else if (kid.tagName === "TABLE") {
          const caption = kid.querySelector("caption");
          if (caption) lines.push("", squeeze(caption.textContent));
          else lines.push("");
          for (const tr of kid.querySelectorAll("tr"))
            lines.push([...tr.cells].map((c) => squeeze(c.textContent)).join(" | "));
        } else if (kid.tagName === "UL") {
          for (const li of kid.children) lines.push(`- ${squeeze(li.textContent)}`);
        } else if (kid.tagName === "P") lines.push("", squeeze(kid.textContent));
        else walk(kid);
      }
    };
    walk(article);
    return lines.join("\n").trim() + "\n";
  }
  /** @param {HTMLElement} article @param {boolean} formatted */
  async function copy(article, formatted) {
    const text = textOf(article);
    try {
      if (formatted) {
        if (typeof ClipboardItem === "undefined") throw new Error("no ClipboardItem");
        await navigator.clipboard.write([
          new ClipboardItem({
            "text/html": new Blob([htmlOf(article)], { type: "text/html" }),
            "text/plain": new Blob([text], { type: "text/plain" }),
          }),
        ]);
      } else await navigator.clipboard.writeText(text);
      core.say(
        formatted
          ? "Copied the report as formatted text: paste it into a word processor or an email."
          : "Copied the report as plain text.",
      );
    } catch {
      core.say(
        "This browser did not allow copying. Select the report with the mouse and copy it, or print it to PDF.",
        true,
      );
    }
  }

  // --- The page ----------------------------------------------------------------------------------

  // The report's texts save as typed, a moment after the last key, and at once when the field or
  // the page is left; each into the assessment shown when its field took the focus.
  const flushes = new Set();
  const flushAll = () => flushes.forEach((flush) => flush());
  window.addEventListener("pagehide", flushAll);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flushAll();
  });
  /** @param {HTMLInputElement | HTMLTextAreaElement} input @param {"taskForce" | "people"} k @param {string} what */
  function saveAsTyped(input, k, what) {
    let timer = 0;
    const flush = () => {
      clearTimeout(timer);
      flushes.delete(flush);
      due();
      due = () => {};
    };
    let due = () => {};
    core.bindEditor(input, {
      event: "input",
      what,
      shown: () => shown,
      exists: (aid) => !!store.byId(aid),
      read: (aid) => {
        const a = store.byId(aid);
        return a ? store.planTextOf(a, k) : "";
      },
      write: (aid, v) => {
        // Saved at once when it comes due (a batch is not "typing"): this page waits for the pause
        // itself, so that the report below is redrawn once per pause, and a flush on pagehide
        // must reach storage before the page goes.
        const wipes = store.wipes();
        due = () => {
          // Still the one typed for: the placeholder that follows a wipe may reuse its id.
          if (store.wipes() === wipes) store.batch(() => store.setPlanText(aid, k, v.trim()));
        };
        flushes.add(flush);
        clearTimeout(timer);
        timer = window.setTimeout(flush, SAVE_AFTER);
      },
    });
    input.addEventListener("blur", flush);
  }

  // The controls are built once per page view and never moved (moving a focused field blurs it);
  // only the report below them is redrawn.
  /** @type {HTMLElement | null} */
  let article = null; // the report as last drawn, for the copy buttons
  let shown = ""; // the assessment the report shows: the one its fields write to
  function controls() {
    const name = make("span");
    /**
     * @param {"taskForce" | "people"} k @param {string} label @param {boolean} multi
     * @param {TFKid} [hint] @returns {[HTMLInputElement | HTMLTextAreaElement, HTMLElement]}
     */
    const text = (k, label, multi, hint) => {
      const id = `tf-report-${k}`;
      const input = make(multi ? "textarea" : "input", {
        id,
        rows: multi ? 2 : null,
        chars: LIMITS[k],
        clean: k === "people" ? store.cleanText : store.cleanName,
        autocomplete: "off",
      });
      saveAsTyped(input, k, label.replace(/ \(.*/, ""));
      return [
        input,
        make("div", { class: "tf-d-pick" }, make("label", { for: id }, label), input, hint),
      ];
    };
    const [force, forceBox] = text(
      "taskForce",
      "Task force name (kept with this assessment)",
      false,
    );
    const [people, peopleBox] = text(
      "people",
      "Who took part (optional; names appear in the report)",
      true,
      make("p", { class: "tf-t-hint" }, "For example: the agencies or roles that scored together."),
    );
    const box = make(
      "div",
      { class: "tf-r-controls" },
      make(
        "p",
        {},
        "The report shows the current assessment, “",
        name,
        "”. Choose another on the ",
        make("a", { href: core.url(rubric.pages.dashboard) }, "dashboard"),
        ".",
      ),
      forceBox,
      peopleBox,
      make(
        "div",
        { class: "tf-d-actions" },
        button("Print", () => window.print(), null, "tf-btn--primary"),
        button("Copy as formatted text", () => article && copy(article, true)),
        button("Copy as plain text", () => article && copy(article, false)),
      ),
    );
    const sync = (/** @type {Assessment} */ a) => {
      shown = a.id;
      if (name.textContent !== core.store.nameOf(a)) name.textContent = core.store.nameOf(a);
      for (const [
        input,
        k,
      ] of /** @satisfies {[HTMLInputElement | HTMLTextAreaElement, "taskForce" | "people"][]} */ ([
        [force, "taskForce"],
        [people, "people"],
      ]))
        if (document.activeElement !== input) input.value = core.store.planTextOf(a, k);
    };
    return { box, sync };
  }

  core.pages["tf-report"] = (root) => {
    const top = controls(),
      body = make("div");
    root.replaceChildren(top.box, body);
    core.mountView(body, (region) => {
      const a = core.current(),
        today = core.localDay();
      top.sync(a);
      article = report(a, reportData(a, today), today);
      return [region, article];
    });
    performance.mark("tf-report-drawn");
  };
})();

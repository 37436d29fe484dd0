// Targets and actions where they belong: under the checklist on each element page (a target stage
// and date, the element's actions, "Add as an action" on each indicator of the next stage) and a
// targets table on the work plan, beside the actions. Loaded with the work plan; on an element
// page, when its element has a target or actions, or when the reader asks (assessment.js).
(() => {
  "use strict";
  if (!window.TF || !!window.TF.core.planPanel) return;
  const { core } = window.TF;
  const { rubric, make, button, store, STATUS, TARGET_STATE } = core;
  const { LIMITS } = store;
  const CAUTION =
    "An indicator describes what a stage looks like; an action says what your task force will do. " +
    "Write it in your own words.";

  /** @param {keyof typeof TARGET_STATE | null} state @param {TFTarget} target */
  const stateText = (state, target) =>
    state ? `${core.targetText(target, "")}: ${TARGET_STATE[state]}` : "no target";

  // A field typed into is never overwritten by a redraw; another tab's change shows once it is left.
  /** @param {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} input @param {string | number} v */
  function sync(input, v) {
    if (document.activeElement !== input && input.value !== String(v)) input.value = String(v);
  }

  // --- Element page ------------------------------------------------------------------------------

  /** @type {WeakMap<HTMLElement, ReturnType<typeof buildPanel>>} */
  const panels = new WeakMap(); // container -> its controls, built once per page view
  /** @type {string | null} */
  let focusNext = null; // an action just added: its text box takes focus once drawn
  /** @type {{ id: string, assessmentId: string, text: string } | null} */
  let removed = null; // { id, text }: the last removed action, offered for undo
  let focusUndo = false; // an action just removed: its Undo button takes the focus from Remove
  /** @type {{ assessmentId: string, text: string } | null} an action refused at the limit, said in its panel */
  let full = null;

  // One action's controls: its text, owner, due date and status, each writing as it changes.
  // Every write names the assessment the row was drawn for.
  /** @param {string} id @param {string} assessmentId */
  function actionControls(id, assessmentId) {
    /** @type {(k: Parameters<Store["setAction"]>[2], v: Parameters<Store["setAction"]>[3]) => void} */
    const set = (k, v) => store.setAction(assessmentId, id, k, v);
    const key = (/** @type {string} */ k) => `tf-action-${k}-${id}`;
    const text = make("textarea", {
      id: key("text"),
      dir: "auto", // a right-to-left text reads in its own direction
      rows: 2,
      placeholder: "What your task force will do, in its own words",
      chars: LIMITS.actionText,
      clean: store.cleanText,
    });
    const owner = make("input", {
      id: key("owner"),
      dir: "auto",
      chars: LIMITS.owner,
      clean: store.cleanName,
      autocomplete: "off",
    });
    const due = make("input", { type: "date", id: key("due"), day: true });
    const status = make(
      "select",
      { id: key("status") },
      Object.entries(STATUS).map(([v, label]) => make("option", { value: v }, label)),
    );
    // Each field writes to this action of the assessment its row was drawn for, and to no other.
    const live = (/** @type {string} */ aid) => {
      const a = store.byId(aid);
      return !!a && store.actionsOf(a).some((x) => x.id === id);
    };
    for (const [field, k, event, what] of /** @type {const} */ ([
      [text, "text", "input", "The action's text"],
      [owner, "owner", "input", "The action's owner"],
      [due, "due", "change", "The action's due date"],
      [status, "status", "change", "The action's status"],
    ]))
      core.bindEditor(field, {
        event,
        what,
        shown: () => assessmentId,
        exists: live,
        read: (aid) => {
          const a = store.byId(aid),
            x = a && store.actionsOf(a).find((y) => y.id === id);
          return x ? String(x[k]) : "";
        },
        write: (aid, v) => store.setAction(aid, id, k, v),
      });
    return { set, text, owner, due, status };
  }

  // One action's row: its controls, what it works toward, and its Remove button.
  /** @param {string} id @param {string} assessmentId */
  function actionRow(id, assessmentId) {
    const { set, text, owner, due, status } = actionControls(id, assessmentId);
    const toward = make("p", { class: "tf-a-toward" });
    // The number is the label's text, not a list marker: a marker hangs outside the panel on a phone.
    const label = make("label", { for: text.id }, "Action");
    const row = make(
      "li",
      { "data-action": id },
      label,
      text,
      make(
        "div",
        { class: "tf-a-fields" },
        make(
          "div",
          {},
          make("label", { for: owner.id }, "Owner (a person, role or agency)"),
          owner,
        ),
        make("div", {}, make("label", { for: due.id }, "Due"), due),
        make("div", {}, make("label", { for: status.id }, "Status"), status),
      ),
      toward,
      button(
        ["Remove", make("span", { class: "tf-sr" }, " this action")],
        () => {
          removed = { id, assessmentId, text: text.value };
          focusUndo = true;
          set("removed", 1);
        },
        null,
        "tf-btn--small",
      ),
    );
    return {
      row,
      /** @param {ExportedAction} x @param {number} n */
      draw(x, n) {
        if (label.textContent !== `Action ${n}`) label.textContent = `Action ${n}`;
        sync(text, x.text);
        sync(owner, x.owner);
        sync(due, x.due);
        sync(status, x.status);
        row.dataset.status = x.status;
        const linked = x.indicators.map((iid) => core.indicatorById[iid]).filter(Boolean);
        core.replaceIfChanged(
          toward,
          linked.length
            ? [
                "Works toward: ",
                linked.map((i, n) => [n ? "; " : "", make("a", { href: "#" + i.id }, i.text)]),
              ]
            : "",
        );
      },
      focus() {
        text.focus();
        text.setSelectionRange(text.value.length, text.value.length);
      },
    };
  }

  // The new action's text box takes focus once the panel has drawn it. At the limit, the panel
  // says why nothing was added.
  /** @type {TFCoreParts["addAction"]} */
  function addAndEdit(assessmentId, eid, text, indicators) {
    focusNext = store.addAction(assessmentId, eid, text, indicators);
    const a = store.byId(assessmentId);
    full =
      focusNext || !a
        ? null
        : {
            assessmentId,
            text:
              `Not added: “${store.nameOf(a)}” already has ${LIMITS.actions.toLocaleString("en-US")} actions, ` +
              "the most one assessment keeps (and an export file carries). Remove actions you no longer need, " +
              "on this page or the work plan, then add this one.",
          };
    core.refresh();
  }

  /** @param {HTMLElement} container @param {TFElementHere} e */
  function buildPanel(container, e) {
    const panel = { assessment: "" }; // the assessment drawn last: the one its fields write to
    const stage = make("select", { id: "tf-target-stage" }, core.targetOptions(null));
    const date = make("input", { type: "date", id: "tf-target-date", day: true });
    // Bound to the assessment the panel showed when the field took the focus.
    /** @param {TFEditorControl} control @param {string} what @param {TFEditorBinding["write"]} write */
    const bound = (control, what, write) =>
      core.bindEditor(control, {
        event: "change",
        what,
        shown: () => panel.assessment,
        exists: (aid) => !!store.byId(aid),
        write,
      });
    bound(stage, "The target stage", (aid, v) =>
      store.setElementField(aid, e, "t", v ? Number(v) : null),
    );
    bound(date, "The target date", (aid, v) => store.setElementField(aid, e, "d", v));
    const state = make("p", { class: "tf-a-target-state", id: "tf-target-state" });
    const list = make("ol", { class: "tf-a-actions", id: "tf-actions" });
    const empty = make("p", { id: "tf-actions-none" }, "No actions yet.");
    const undo = make("div", { "aria-live": "polite" });
    /** @type {Map<string, ReturnType<typeof actionRow>>} */
    const rows = new Map();
    container.replaceChildren(
      make("h3", { id: "tf-plan" }, "Target and actions"),
      make("p", { class: "tf-a-caution" }, CAUTION),
      make(
        "div",
        { class: "tf-a-fields" },
        make("div", {}, make("label", { for: stage.id }, "Target stage"), stage),
        make("div", {}, make("label", { for: date.id }, "Target date (optional)"), date),
      ),
      state,
      make("h4", {}, `Actions for ${e.title}`),
      empty,
      list,
      undo,
      button(
        "Add an action",
        () => {
          addAndEdit(panel.assessment, e.id, "", []);
        },
        null,
        "tf-btn--primary",
      ),
      make(
        "p",
        { class: "tf-a-hint2" },
        "Review all actions together on the ",
        make("a", { href: core.url(rubric.pages.plan) }, "work plan"),
        ".",
      ),
    );
    return Object.assign(panel, { stage, date, state, list, empty, undo, rows });
  }

  core.planPanel = (container, a, e, x) => {
    let p = panels.get(container);
    if (!p) panels.set(container, (p = buildPanel(container, e)));
    p.assessment = a.id;
    const target = core.store.targetOf(a, e.id);
    sync(p.stage, target.stage == null ? "" : target.stage);
    sync(p.date, target.date);
    core.replaceIfChanged(
      p.state,
      target.stage
        ? `Counted ${x.counted == null ? "not assessed" : core.stageCell(x.counted)} · target ${stateText(core.targetState(x.counted, target, core.localDay()), target)}.`
        : "Set a target stage to track progress toward it on the dashboard and in the report.",
    );
    const actions = core.store.actionsOf(a).filter((y) => y.element === e.id);
    const keep = new Set(actions.map((y) => y.id));
    const active = document.activeElement;
    for (const [id, r] of p.rows) {
      if (keep.has(id)) continue;
      // A field being typed in, whose action or assessment another tab removed, stays until it is
      // left: what is typed there is kept on the page, never saved elsewhere (bindEditor).
      if (active && r.row.contains(active) && active.matches("textarea, input, select")) {
        active.addEventListener("blur", () => setTimeout(core.refresh), { once: true });
        continue;
      }
      r.row.remove();
      p.rows.delete(id);
    }
    actions.forEach((y, n) => {
      let r = p.rows.get(y.id);
      if (!r) p.rows.set(y.id, (r = actionRow(y.id, a.id)));
      // Moved only when out of place: moving a node takes the focus out of it.
      if (p.list.children[n] !== r.row) p.list.insertBefore(r.row, p.list.children[n] || null);
      r.draw(y, n + 1);
    });
    p.empty.hidden = actions.length > 0;
    const gone = removed && !keep.has(removed.id) ? removed : null;
    if (full && core.store.actionsOf(a).length < LIMITS.actions) full = null; // room again
    const refused = full && full.assessmentId === a.id ? full : null;
    core.replaceIfChanged(
      p.undo,
      refused && make("p", { class: "tf-a-warn", id: "tf-actions-full" }, refused.text),
      gone &&
        make(
          "p",
          { class: "tf-d-msg" },
          `Removed the action “${gone.text.slice(0, 60) || "(no text)"}”. `,
          button(
            "Undo",
            () => {
              // The last removed action, even when the message (same text) was not redrawn.
              const back = removed;
              removed = null;
              if (!back) return;
              focusNext = back.id;
              store.setAction(back.assessmentId, back.id, "removed", 0);
            },
            null,
            "tf-btn--small",
          ),
        ),
    );
    const undoButton = gone && p.undo.querySelector("button");
    if (focusUndo && undoButton) undoButton.focus();
    focusUndo = false;
    const next = focusNext && p.rows.get(focusNext);
    if (next) {
      next.focus();
      focusNext = null;
    }
  };
  // "Add as an action" under "What Stage N+1 looks like" (assessment.js draws the button).
  core.addAction = addAndEdit;

  // --- Work plan: each element's counted stage against its target --------------------------------

  // A visible label per field: a phone lays the row out as a card, without the header.
  /** @param {string} label @param {HTMLElement} control */
  const field = (label, control) => [
    make("label", { for: control.id, class: "tf-card-label" }, label),
    control,
  ];
  // A target's stage and date, written to the assessment they were drawn for.
  /**
   * @param {string} aid @param {TFElementHere} e
   * @param {HTMLSelectElement} pick @param {HTMLInputElement} date
   */
  function boundTarget(aid, e, pick, date) {
    for (const [control, k, what] of /** @type {const} */ ([
      [pick, "t", `The target stage for ${e.title}`],
      [date, "d", `The target date for ${e.title}`],
    ]))
      core.bindEditor(control, {
        event: "change",
        what,
        shown: () => aid,
        exists: (id) => !!store.byId(id),
        write: (id, v) => store.setElementField(id, e, k, k === "t" ? (v ? Number(v) : null) : v),
      });
  }

  core.targetsPart = (a, rows) => {
    const day = core.localDay();
    /** @type {HTMLElement[]} */
    const out = [
      make("h2", { id: "tf-targets" }, "Targets"),
      make(
        "p",
        {},
        "A target is the stage your task force means to reach, by a date if you set one. " +
          "Set them here or on each element's page, where you also plan its actions; ",
        make("a", { href: core.url(rubric.pages.report) }, "the report"),
        " sums them up for leadership.",
      ),
    ];
    for (const area of rubric.areas) {
      const mine = rows
        .filter(([e]) => e.area === area)
        .map(([e, x]) => {
          const target = core.store.targetOf(a, e.id);
          return { e, x, target, state: core.targetState(x.counted, target, day) };
        });
      const set = mine.filter((r) => r.state);
      const count = (/** @type {string} */ s) => set.filter((r) => r.state === s).length;
      out.push(
        make("h3", {}, area.title),
        make(
          "p",
          { class: "tf-d-summary", "data-targets": area.id },
          set.length
            ? `${set.length} of ${mine.length} elements have a target: ${count("reached")} reached, ${count("open")} on track, ${count("late")} past its date.`
            : "No targets set yet.",
        ),
        core.table(
          `${area.title}: targets`,
          ["Element", "Counted stage", "Target stage", "Target date", "Progress"],
          mine.map(({ e, x, target, state }) => {
            const pick = make(
              "select",
              {
                id: "tf-target-" + e.id,
                "data-k": "target-" + e.id,
                "aria-label": `Target stage for ${e.title}`,
              },
              core.targetOptions(target.stage),
            );
            const date = make("input", {
              type: "date",
              id: "tf-target-date-" + e.id,
              day: true,
              "data-k": "target-date-" + e.id,
              "aria-label": `Target date for ${e.title}`,
              value: target.date,
            });
            boundTarget(a.id, e, pick, date);
            return make(
              "tr",
              { "data-target-row": e.id, "data-target-state": state || "" },
              make("th", { scope: "row" }, make("a", { href: core.url(e.url) }, e.title)),
              make("td", { "data-label": "Counted stage" }, core.stageCell(x.counted)),
              make("td", {}, field("Target stage", pick)),
              make("td", {}, field("Target date", date)),
              make(
                "td",
                { class: state ? "tf-state-" + state : "", "data-label": "Progress" },
                state ? TARGET_STATE[state] : "—",
              ),
            );
          }),
          { class: "tf-targets" },
        ),
      );
    }
    return out;
  };
})();

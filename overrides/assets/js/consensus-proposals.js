// Team consensus, its proposals: members' proposed targets and actions per element, the
// facilitator's agreed target and picked actions among them, and their part of the team page.
// Used by consensus.js (loaded right before it, on the team page only).
(() => {
  "use strict";
  if (!window.TF || !!window.TF.core.teamProposals) return;
  const { core } = window.TF;
  const { allElements, make } = core;

  // The team, as consensus.js gives it: the loaded members (its live list), how a member is named,
  // and whether names are hidden.
  /** @type {TFMember[]} */
  let members = [];
  /** @type {TFTeam["label"]} */
  let label = String;
  let hidden = () => false;
  let changed = () => {}; // marks the page unsaved: a facilitator's choice is lost on a reload
  // Keyed by ids and proposal keys from members' files: Maps, never plain objects.
  /** @type {Map<string, TFTarget>} */
  const agreedTarget = new Map(), // element id -> { stage, date }
    /** @type {Map<string, boolean>} */
    picked = new Map(); // proposal key -> true/false

  // Members' proposed targets and actions, per element. An action proposed by several members in
  // the same words is one proposal. Presets: what most members proposed.
  const norm = (/** @type {string} */ text) => text.trim().replace(/\s+/g, " ").toLowerCase();
  /** @returns {TFProposal[]} */
  function proposals() {
    return allElements
      .map((e) => {
        const targets = members.map((m) => core.store.targetOf(m.a, e.id));
        /** @type {Map<string, TFProposedAction>} */
        const groups = new Map();
        for (const m of members)
          for (const action of core.store.actionsOf(m.a).filter((x) => x.element === e.id)) {
            const k = norm(action.text) || `${m.n}/${action.id}`;
            let group = groups.get(k);
            if (!group) groups.set(k, (group = { key: `${m.n}/${action.id}`, action, by: [] }));
            if (!group.by.includes(m)) group.by.push(m);
          }
        return { e, targets, actions: [...groups.values()] };
      })
      .filter((p) => p.targets.some((t) => t.stage) || p.actions.length);
  }
  const majority = (/** @type {number} */ n) => n * 2 > members.length;
  /** @type {TFTeamProposals["targetOf"]} */
  function targetOf(p) {
    const agreed = agreedTarget.get(p.e.id);
    if (agreed) return agreed;
    for (const t of p.targets)
      if (t.stage && majority(p.targets.filter((u) => u.stage === t.stage).length))
        return { stage: t.stage, date: t.date };
    return { stage: null, date: "" };
  }
  /** @type {TFTeamProposals["isPicked"]} */
  const isPicked = (g) => {
    const set = picked.get(g.key);
    return set === undefined ? majority(g.by.length) : set;
  };
  const targetText = (/** @type {TFTarget} */ t) => core.targetText(t, "none");

  // The agreed target of one element: its stage and its date.
  /** @param {TFProposal} p */
  function targetBar(p) {
    const target = targetOf(p);
    /** @param {"stage" | "date"} k @param {number | string | null} v */
    const set = (k, v) => {
      agreedTarget.set(p.e.id, { ...targetOf(p), [k]: v });
      changed();
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
      day: true,
      "data-k": "agree-date-" + p.e.id,
      value: target.date,
      on: { change: () => set("date", date.value) },
    });
    return make(
      "div",
      { class: "tf-d-bar" },
      make(
        "div",
        { class: "tf-d-pick" },
        make("label", { for: pick.id }, `Agreed target for ${p.e.title}`),
        pick,
      ),
      make("div", { class: "tf-d-pick" }, make("label", { for: date.id }, "By (optional)"), date),
    );
  }

  // One proposed action: kept or not, and who proposed it.
  /** @param {TFProposedAction} g */
  function actionRow(g) {
    const box = make("input", {
      type: "checkbox",
      id: "tf-pick-" + g.key.replace("/", "-"),
      "data-k": "pick-" + g.key,
      checked: isPicked(g),
      on: {
        change: () => {
          picked.set(g.key, box.checked);
          changed();
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
          x.owner && (hidden() ? "owner hidden" : `owner: ${x.owner}`),
          x.due && `due ${x.due}`,
          core.STATUS[x.status].toLowerCase(),
        ]
          .filter(Boolean)
          .join(", ")} · proposed by ${g.by.map(label).join(", ")}.`,
      ),
    );
  }

  // One element's proposals: the members' targets, the agreed one, and the actions to keep.
  const elementItem = (/** @type {TFProposal} */ p) =>
    make(
      "li",
      { "data-proposals": p.e.id },
      make("h3", {}, make("a", { href: core.url(p.e.url) }, p.e.title)),
      make(
        "p",
        { class: "tf-t-stages" },
        "Proposed targets: ",
        members.map((m, n) => `${label(m)}: ${targetText(p.targets[n])}`).join(" · "),
      ),
      targetBar(p),
      p.actions.length > 0 && make("ul", { class: "tf-t-split" }, p.actions.map(actionRow)),
    );

  // The proposals' part of the team page.
  function part() {
    const plan = proposals();
    /** @type {HTMLElement[]} */
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
    out.push(make("ul", { id: "tf-proposals", class: "tf-t-split" }, plan.map(elementItem)));
    return out;
  }

  /**
   * @param {TFTeam} team the loaded members (the live list), how a member is named, whether names
   *   are hidden, and what marks the page unsaved
   */
  core.teamProposals = (team) => {
    ({ members, label, hidden, changed } = team);
    return { proposals, targetOf, isPicked, part };
  };
})();

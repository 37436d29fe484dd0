// Self-assessment (element pages and dashboard). Answers stay in this browser; DOM via textContent.
(() => {
  "use strict";
  const rubric = window.TF_RUBRIC,
    store = window.TF_STORE;
  if (!rubric || !store || window.TF) return;
  const RULE =
    "The suggested stage is the stage whose indicators have the largest share ticked; " +
    "ties go to the lower stage; nothing ticked means no suggestion.";
  const ROOT = store.root;
  const allElements = [],
    elementById = Object.create(null),
    indicatorById = Object.create(null);
  for (const area of rubric.areas)
    for (const e of area.elements) {
      e.area = area;
      allElements.push(e);
      elementById[e.id] = e;
      for (const i of e.indicators) {
        i.el = e;
        indicatorById[i.id] = i;
      }
    }
  const { own } = store;
  const url = (path) => new URL(path, ROOT).href; // the data follows the edition's URL style
  const stageName = (v) =>
    v === "na"
      ? "Not applicable"
      : v
        ? `Stage ${v} · ${rubric.stages[v - 1].name}`
        : "Not yet assessed";
  const when = (iso) =>
    new Date(iso).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
  const stageCell = (c) => (c == null ? "—" : c === "na" ? "N/A" : `Stage ${c}`); // a table cell's short form
  const stageText = (c) => (c == null ? "not assessed" : stageCell(c)); // a counted stage in prose
  // A target in words, "Stage 3 by 2027-06-30"; `none` when there is no target.
  const targetText = (t, none) =>
    t.stage ? `Stage ${t.stage}${t.date ? ` by ${t.date}` : ""}` : none;
  // A target stage picker's options, "No target" first.
  const targetOptions = (selected) =>
    [null, ...rubric.stages.map((s) => s.n)].map((v) =>
      make(
        "option",
        { value: v == null ? "" : v, selected: v === selected },
        v == null ? "No target" : stageName(v),
      ),
    );
  const indicatorLine = (i) => `Stage ${i.stage}: ${i.text}`;
  const today = () => new Date().toISOString().slice(0, 10); // in names of files and new assessments
  // A download's name: `${prefix}-<assessment name as a slug>-<today>.<ext>`; `fallback` stands in
  // for a name with no letters or digits.
  const fileName = (prefix, a, fallback, ext) =>
    `${prefix}-${
      store
        .nameOf(a)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || fallback
    }-${today()}.${ext}`;
  // Today in the reader's time zone: due dates and target dates are calendar days.
  const localDay = () => {
    const d = new Date();
    return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  };
  // An action's status as shown: the store's keys, "not-started" → "Not started".
  const STATUS = Object.fromEntries(
    store.STATUSES.map((k) => [k, k[0].toUpperCase() + k.slice(1).replace("-", " ")]),
  );
  // A counted stage against its target: reached, past its date, on track, or null (no target).
  const TARGET_STATE = { reached: "reached", late: "past its date", open: "on track" };
  const targetState = (counted, target, day) =>
    !target.stage
      ? null
      : typeof counted === "number" && counted >= target.stage
        ? "reached"
        : target.date && target.date < day
          ? "late"
          : "open";

  function make(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === "on") for (const [type, fn] of Object.entries(v)) el.addEventListener(type, fn);
      else if (k === "value" || k === "checked" || k === "selected") el[k] = v;
      else el.setAttribute(k, v === true ? "" : v);
    }
    el.append(...kids.flat(9).filter((kid) => kid != null && kid !== false));
    return el;
  }
  const button = (text, fn, k, cls) =>
    make(
      "button",
      { type: "button", class: "tf-btn " + (cls || ""), "data-k": k, on: { click: fn } },
      text,
    );
  const list = (items, fn) =>
    make(
      "ul",
      {},
      items.map((x) => make("li", {}, fn(x))),
    );
  // Replace only changed text: live regions stay quiet, focus stays.
  const replaceIfChanged = (el, ...kids) => {
    const t = make("div", {}, kids);
    if (t.textContent !== el.textContent) el.replaceChildren(...t.childNodes);
  };

  // per: [[ticked, total] × 5] -> stage or null; shares compared by cross-multiplying (1/3 = 2/6).
  function suggest(per) {
    let best = -1;
    per.forEach(([t, n], k) => {
      if (t > 0 && n > 0 && (best < 0 || t * per[best][1] > per[best][0] * n)) best = k;
    });
    return best < 0 ? null : best + 1;
  }
  const counted = (chosen, per) => (chosen != null ? chosen : suggest(per));

  // Everything saved goes through the store (store.js): reads, writes, merge across tabs, checks.
  let view = null,
    msg = null;
  const refresh = () => {
    if (view) view();
  };
  store.subscribe(refresh);
  const current = () => store.current();
  const ticked = (a, id) => store.isTicked(a, id);
  // Every write names the assessment it changes: the store never guesses which one is meant.
  const setTick = (a, id, on) =>
    store.setTick(a.id, id, on, own(indicatorById, id) ? indicatorById[id].el : null);
  const setField = (a, e, key, value) => store.setElementField(a.id, e, key, value);
  function info(a, e) {
    const per = rubric.stages.map(() => [0, 0]);
    let any = false;
    for (const i of e.indicators) {
      per[i.stage - 1][1]++;
      if (ticked(a, i.id)) {
        per[i.stage - 1][0]++;
        any = true;
      }
    }
    const chosen = store.stageOf(a, e.id),
      notes = store.notesOf(a, e.id),
      sug = suggest(per);
    const c = counted(chosen, per),
      r = store.reviewedOf(a, e.id);
    return {
      per,
      chosen,
      notes,
      suggested: sug,
      counted: c,
      status: chosen === "na" ? "na" : chosen ? "chosen" : sug ? "suggested" : "none",
      next:
        typeof c === "number" && c < rubric.stages.length
          ? e.indicators.filter((i) => i.stage === c + 1 && !ticked(a, i.id))
          : [],
      flagged: !!r && r !== e.sig && (any || chosen != null || !!notes),
    };
  }
  function kept(a) {
    return [
      ...store
        .tickedIds(a)
        .filter((id) => !own(indicatorById, id))
        .map((id) => `indicator “${id}”: ticked`),
      ...store
        .elementIds(a)
        .filter(
          (id) => !own(elementById, id) && (store.stageOf(a, id) != null || store.notesOf(a, id)),
        )
        .map(
          (id) =>
            `element “${id}”: ${stageName(store.stageOf(a, id))}${store.notesOf(a, id) ? ", with notes" : ""}`,
        ),
    ];
  }
  const cell = (v) => {
    let s = v == null ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s; // never a formula
    return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const csvText = (rows) => "\ufeff" + rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
  const csvStage = (v) => (v === "na" ? "N/A" : v == null ? "" : v);
  // The columns every per-indicator CSV (dashboard export, team agenda) starts with.
  const CSV_LEAD = [
    "Row",
    "Area",
    "Element id",
    "Element",
    "Indicator id",
    "Indicator stage",
    "Indicator",
  ];
  /** @param {any} e */
  const csvElementLead = (e) => ["element", e.area.title, e.id, e.title, "", "", ""];
  /** @param {any} e @param {any} i */
  const csvIndicatorLead = (e, i) => [
    "indicator",
    e.area.title,
    e.id,
    e.title,
    i.id,
    i.stage,
    i.text,
  ];
  // An area's heatmap: rows are [element, info, ...anything the caller keeps with them];
  // lead(e, x, row) gives the row's attributes, its heading cell, its counted-stage cell and a
  // cell per extra column; then a cell per stage, indicators ticked of its total (darker = larger
  // share). An optional caption heads the table (it stays with the rows when copied).
  function heatTable(label, rows, lead, extra = [], caption = "") {
    return make(
      "div",
      { class: "tf-d-scroll", tabindex: "0", role: "region", "aria-label": label },
      make(
        "table",
        { class: "tf-heat" },
        caption && make("caption", {}, caption),
        make(
          "thead",
          {},
          make(
            "tr",
            {},
            make("th", { scope: "col" }, "Element"),
            make("th", { scope: "col" }, "Counted stage"),
            extra.map((t) => make("th", { scope: "col" }, t)),
            // On a phone the columns show the number alone; "Stage" is still read out.
            rubric.stages.map((s) =>
              make(
                "th",
                { scope: "col", title: s.name },
                make("span", { class: "tf-heat__word" }, "Stage "),
                s.n,
              ),
            ),
          ),
        ),
        make(
          "tbody",
          {},
          rows.map((row) => {
            const [e, x] = row;
            const [attrs, ...cells] = lead(e, x, row);
            return make(
              "tr",
              attrs,
              cells,
              x.per.map(([t, n], k) =>
                make(
                  "td",
                  {
                    class: `tf-heat__cell tf-h${n ? (t === n ? 5 : Math.ceil((4 * t) / n)) : 0}${x.counted === k + 1 ? " tf-counted" : ""}`,
                  },
                  n ? `${t}/${n}` : "–",
                ),
              ),
            );
          }),
        ),
      ),
    );
  }
  // A table that scrolls sideways on a phone rather than the page (as the heatmap does).
  const table = (label, head, body, attrs) =>
    make(
      "div",
      { class: "tf-d-scroll", tabindex: "0", role: "region", "aria-label": label },
      make(
        "table",
        attrs,
        make(
          "thead",
          {},
          make(
            "tr",
            {},
            head.map((t) => make("th", { scope: "col" }, t)),
          ),
        ),
        make("tbody", {}, body),
      ),
    );
  function download(name, type, text) {
    const href = URL.createObjectURL(new Blob([text], { type }));
    make("a", { href, download: name }).click();
    setTimeout(() => URL.revokeObjectURL(href), 10000);
  }
  function changes(old, data, what) {
    const x = data.assessment,
      out = [],
      on = new Set(x.ticked);
    if (store.nameOf(old) !== x.name) out.push(`Name: “${store.nameOf(old)}” becomes “${x.name}”.`);
    const was = store.tickedIds(old);
    const gained = x.ticked.filter((id) => !ticked(old, id)).length,
      lost = was.filter((id) => !on.has(id)).length;
    if (gained || lost)
      out.push(
        `Ticked indicators: ${was.length} become ${on.size} (${gained} newly ticked, ${lost} unticked).`,
      );
    const stages = [],
      notes = [];
    for (const id of new Set([...Object.keys(x.elements), ...store.elementIds(old)])) {
      const v = own(x.elements, id) ? x.elements[id] : {},
        title = own(elementById, id) ? elementById[id].title : id;
      const s0 = store.stageOf(old, id),
        s1 = v.stage == null ? null : v.stage;
      if (s0 !== s1) stages.push(`${title} (${stageName(s0)} → ${stageName(s1)})`);
      if (store.notesOf(old, id) !== (v.notes || "")) notes.push(title);
    }
    if (stages.length)
      out.push(`Chosen stage changes on ${stages.length} element(s): ${stages.join("; ")}.`);
    if (notes.length) out.push(`Notes change on ${notes.length} element(s): ${notes.join(", ")}.`);
    const elements = x.elements;
    const targets = allElements.filter((e) => {
      const v = own(elements, e.id) ? elements[e.id] : {},
        t = store.targetOf(old, e.id);
      return t.stage !== (v.target || null) || t.date !== (v.targetDate || "");
    });
    if (targets.length)
      out.push(
        `Targets change on ${targets.length} element(s): ${targets.map((e) => e.title).join(", ")}.`,
      );
    const actions = store.actionsOf(old),
      incoming = x.actions || [];
    if (JSON.stringify(actions) !== JSON.stringify(incoming))
      out.push(`Actions: ${actions.length} become ${incoming.length}.`);
    return out.length
      ? out
      : [
          `${what[0].toUpperCase() + what.slice(1)} matches this assessment exactly: importing it changes nothing.`,
        ];
  }
  const summary = (problems) =>
    problems.slice(0, 4).join("; ") +
    (problems.length > 4 ? `; and ${problems.length - 4} more problem(s)` : "");
  // A validated export (from a file or a shared link) joins this browser's assessments, if the user agrees.
  async function importData(data, from, what = "the file") {
    const x = data.assessment,
      old = store.sameAs(data);
    const lines = old
      ? changes(old, data, what)
      : [
          `Adds a new assessment “${x.name}” with ${x.ticked.length} ticked indicator(s) and ${Object.values(x.elements).filter((v) => v.stage != null).length} chosen stage(s). The others stay as they are.`,
        ];
    const unknown =
      x.ticked.filter((id) => !own(indicatorById, id)).length +
      Object.keys(x.elements).filter((id) => !own(elementById, id)).length;
    if (data.rubric !== rubric.version)
      lines.push(
        `${what[0].toUpperCase() + what.slice(1)} was made with another version of the roadmap; elements whose indicators changed get flagged for review.`,
      );
    if (unknown)
      lines.push(
        `${unknown} answer(s) refer to indicators or elements this version of the roadmap does not have: they are kept and listed.`,
      );
    const ok = await ask(
      old ? `Replace “${store.nameOf(old)}” with ${what}?` : `Import “${x.name}”?`,
      lines,
      old ? "Replace" : "Import",
    );
    if (!ok) {
      msg = { text: "Import cancelled. Nothing was changed." };
      refresh();
      return false;
    }
    msg = { text: `Imported “${x.name}” from ${from}.` };
    // Another tab may have written while the dialog was open: look again.
    const replaced = store.sameAs(data);
    if (replaced)
      offerUndo({
        text: `Replaced “${store.nameOf(replaced)}” with ${what}.`,
        done: `Put back “${store.nameOf(replaced)}” as it was before the import.`,
        list: [store.copyOf(replaced.id)],
        select: replaced.id,
      });
    store.importExport(data, { backup: what !== "the link" });
    return true;
  }
  // A modal <dialog> (focus trap and Escape are native); resolves true, the name, or null.
  // A form with method="dialog" makes Enter submit once, natively: a handler that clicked OK on
  // keydown let the same key's keypress land on the button that got focus back, and reopen.
  function ask(title, lines, okText, value) {
    return new Promise((done) => {
      const back = /** @type {HTMLElement | null} */ (document.activeElement);
      const input =
        value != null
          ? make("input", {
              id: "tf-dialog-name",
              value,
              maxlength: store.LIMITS.name,
              autocomplete: "off",
            })
          : null;
      const form = make(
        "form",
        { method: "dialog" },
        make("h2", { id: "tf-dialog-title" }, title),
        lines.map((l) => make("p", {}, l)),
        input && make("label", { for: input.id }, "Name"),
        input,
        make(
          "div",
          { class: "tf-dialog__buttons" },
          button("Cancel", () => dialog.close()),
          make("button", { type: "submit", value: "ok", class: "tf-btn tf-btn--primary" }, okText),
        ),
      );
      const dialog = make(
        "dialog",
        { class: "tf-dialog md-typeset", "aria-labelledby": "tf-dialog-title" },
        form,
      );
      form.addEventListener("submit", (ev) => {
        if (input && !input.value.trim()) {
          ev.preventDefault();
          input.focus();
        }
      });
      // Material's shortcuts listen on window (n, p, s, /): behind a modal dialog they must not act.
      dialog.addEventListener("keydown", (ev) => ev.stopPropagation());
      dialog.addEventListener("close", () => {
        dialog.remove();
        if (back && back.isConnected) back.focus();
        done(dialog.returnValue === "ok" ? (input ? input.value.trim() : true) : null);
      });
      document.body.append(dialog);
      dialog.showModal();
    });
  }

  const MODES = {
    local: "saved in this browser only",
    session: "this session only: wiped when you close this tab",
    memory: "not saved: this browser blocks storage",
  };
  // Unreadable data set aside by the store: offered as files, byte for byte.
  function saveSetAside() {
    for (const key of store.status().setAside) {
      const text = store.setAsideCopy(key);
      if (text != null)
        download(`unreadable-saved-data-${today()}.txt`, "text/plain;charset=utf-8", text);
    }
  }
  function warnings() {
    const out = [],
      s = store.status();
    if (s.setAside.length)
      out.push([
        "This browser held saved answers this version of the site cannot read. They are kept aside, untouched; what you answer now is saved as usual. ",
        button("Save a copy of the unreadable data", saveSetAside, "save-unreadable"),
      ]);
    if (s.mode === "memory")
      out.push(
        "Storage is blocked in this browser, so nothing is saved: answers last while this tab stays on the site; a reload loses them. Export to keep a copy.",
      );
    else if (s.stuck)
      out.push(
        "This browser holds saved answers this version of the site cannot read, and storage is too full to set them aside. They are left untouched; what you answer now is not saved until space is freed.",
      );
    else if (s.failed || s.full)
      out.push(
        (s.failed
          ? "Your last change could not be saved: storage is full. "
          : "Storage is full. ") +
          "Your answers are shown and can be exported, but new changes can't be saved until space is freed. Export now to keep a copy.",
      );
    return out.map((t) => make("p", { class: "tf-a-warn" }, make("strong", {}, "Warning: "), t));
  }
  // Undo (undo.js, on the pages with destructive actions) keeps its copy in this tab's
  // sessionStorage; every wipe drops it, on every page, and so does a wipe in another tab.
  const UNDO_KEY = store.KEY + "#undo";
  function dropUndo() {
    try {
      sessionStorage.removeItem(UNDO_KEY);
    } catch {
      /* nothing kept */
    }
    if (core.undo) core.undo.forget();
    refresh();
  }
  window.addEventListener("storage", (ev) => {
    if (ev.key === null || (ev.key === store.KEY && ev.newValue === null)) dropUndo();
  });
  const offerUndo = (what) => core.undo && core.undo.offer(what);
  // One click, no question: on a shared computer, leave nothing behind, not even a copy to undo.
  function wipeSession() {
    msg = { text: "Wiped." };
    dropUndo();
    store.wipeSession();
  }
  function elementPage(mount) {
    const e = elementById[mount.dataset.element];
    if (!e) return;
    const boxes = [];
    const stages = document.querySelector(".tf-stages");
    if (stages && !document.getElementById("tf-hint")) {
      stages.before(
        make(
          "p",
          { class: "tf-a-hint", id: "tf-hint" },
          "Tick each indicator that is ",
          make("strong", { id: "tf-hint-short" }, "true for our task force"),
          ". Your answers stay in this browser (",
          make("a", { href: url(rubric.pages.privacy) }, "how"),
          "); ",
          make("a", { href: "#tf-your-assessment" }, "your stage and what the next one looks like"),
          " follow the five stages.",
        ),
      );
    }
    for (const li of document.querySelectorAll("li[data-indicator]")) {
      if (!(li instanceof HTMLElement)) continue;
      const id = li.dataset.indicator;
      /** @type {HTMLInputElement | null} */
      let box = li.querySelector(":scope > .tf-check");
      if (!box) {
        box = make("input", {
          type: "checkbox",
          class: "tf-check",
          id: "tf-check-" + id,
          "aria-describedby": "tf-hint-short",
          on: { change: () => setTick(current(), id, box.checked) },
        });
        const label = make("label", { for: box.id, class: "tf-check__label" });
        for (const node of [...li.childNodes])
          if (!(node instanceof Element && node.classList.contains("tf-copy"))) label.append(node);
        li.prepend(box, label);
        li.classList.add("tf-checkable");
      }
      boxes.push([id, box, li]);
    }
    const radios = {},
      counts = {};
    const choice = make(
      "fieldset",
      { class: "tf-a-choice" },
      make("legend", {}, `Which stage fits ${e.title} best?`),
    );
    for (const v of [null, ...rubric.stages.map((s) => s.n), "na"]) {
      const key = String(v);
      radios[key] = make("input", {
        type: "radio",
        name: "tf-choice",
        id: "tf-choice-" + key,
        value: key,
        on: { change: () => setField(current(), e, "s", v) },
      });
      counts[key] = make("span", { class: "tf-a-count" });
      choice.append(
        make(
          "div",
          { class: "tf-a-option" },
          radios[key],
          make("label", { for: radios[key].id }, stageName(v), counts[key]),
        ),
      );
    }
    const notesCount = make("p", { class: "tf-a-count", id: "tf-notes-count" });
    const countNotes = () => {
      notesCount.textContent = `${notes.value.length} of ${store.LIMITS.notes} characters`;
    };
    const notes = make("textarea", {
      id: "tf-notes",
      rows: 4,
      maxlength: store.LIMITS.notes,
      "aria-describedby": "tf-notes-count",
      on: { input: countNotes },
    });
    const noteStatus = make("div"),
      editing = bindNotes(notes, e, noteStatus);
    const status = make("div"),
      review = make("div"),
      result = make("div", { class: "tf-a-result", "aria-live": "polite" });
    const rule = make("p", { class: "tf-a-rule" }, RULE);
    const steps = make("div", { class: "tf-a-steps" });
    const plan = make("div", { class: "tf-a-plan" }); // target and actions: actions.js, on demand
    mount.replaceChildren(
      make("h2", { id: "tf-your-assessment" }, "Your self-assessment"),
      status,
      make(
        "p",
        {},
        "The roadmap is a planning guide, not a checklist: the indicators describe what each stage tends to look like. " +
          "Tick what is true, then choose the stage that fits best; the suggestion only helps.",
      ),
      review,
      choice,
      result,
      rule,
      make(
        "div",
        { class: "tf-a-notes" },
        make("label", { for: "tf-notes" }, `Notes on ${e.title}`),
        notes,
        notesCount,
        noteStatus,
      ),
      make("h3", { id: "tf-next-steps" }, "What the next stage looks like"),
      steps,
      plan,
    );
    mount.hidden = false;
    view = () => {
      const a = current(),
        x = info(a, e);
      for (const [id, box, li] of boxes) {
        box.checked = ticked(a, id);
        li.classList.toggle("tf-ticked", box.checked);
      }
      radios[String(x.chosen)].checked = true;
      x.per.forEach(([t, n], k) => {
        counts[k + 1].textContent = ` (${t} of ${n} ticked)`;
      });
      editing.sync(x.notes);
      countNotes();
      replaceIfChanged(
        status,
        warnings(),
        make(
          "p",
          { class: "tf-a-status" },
          "Answers for ",
          make("strong", {}, store.nameOf(a)),
          `, ${MODES[store.status().mode]}. `,
          store.status().mode === "session" && button("Wipe now", wipeSession, "wipe-session"),
          " ",
          make("a", { href: url(rubric.pages.dashboard) }, "Open the dashboard"),
          " for all elements, export and more.",
        ),
      );
      replaceIfChanged(
        review,
        x.flagged
          ? make(
              "div",
              { class: "tf-a-warn" },
              make(
                "p",
                {},
                make("strong", {}, "Review: "),
                "this element's indicators changed in the roadmap since you answered. Check your ticks and stage, then confirm.",
              ),
              button(
                "I have reviewed this element",
                () => setField(current(), e, "r", e.sig),
                "reviewed",
              ),
            )
          : "",
      );
      replaceIfChanged(
        result,
        make(
          "p",
          {},
          make("strong", {}, "Suggested stage: "),
          x.suggested
            ? `${stageName(x.suggested)} (${x.per[x.suggested - 1][0]} of ${x.per[x.suggested - 1][1]} ticked).`
            : "none yet: nothing is ticked.",
        ),
        make(
          "p",
          {},
          make("strong", {}, "Counted stage: "),
          x.counted == null
            ? "not assessed yet."
            : stageName(x.counted) +
                (x.status === "suggested"
                  ? " (the suggestion; choose a stage to confirm or change it)."
                  : x.counted === "na"
                    ? ": counts as assessed, with no stage."
                    : " (your choice)."),
        ),
      );
      replaceIfChanged(
        steps,
        nextSteps(x, (i) => "#" + i.id, core.planPanel && ((i) => core.stepAction(e, i))),
      );
      if (core.planPanel) core.planPanel(plan, a, e, x);
    };
    view();
    performance.mark("tf-checklist-ready");
  }
  // The notes box, while focused, is bound to the assessment it was opened for: another tab may
  // switch, create or delete assessments meanwhile. Another tab's change to the same notes is
  // shown; where both sides changed, both texts are kept and the user is told.
  function bindNotes(box, e, status) {
    /** @type {{ id: string, base: string } | null} the assessment, its notes as last seen stored */
    let edit = null,
      conflict = false;
    // The notes of an assessment as stored now, or null once it is deleted.
    const stored = (id) => {
      store.catchUp();
      const a = store.byId(id);
      return a ? store.notesOf(a, e.id) : null;
    };
    // Mine stays first, so the caret stays where it was; taking theirs whole, an end stays the end.
    const replace = (text, whole) => {
      const at =
        whole && box.selectionStart === box.value.length ? text.length : box.selectionStart;
      box.value = text;
      box.setSelectionRange(Math.min(at, text.length), Math.min(at, text.length));
    };
    const both = (mine, theirs) => `${mine}\n\n— Also written in another tab —\n${theirs}`;
    function write() {
      if (!edit) return;
      const theirs = stored(edit.id);
      if (theirs == null) return draw(); // deleted meanwhile: nothing to write to
      if (theirs !== edit.base && theirs !== box.value) {
        replace(both(box.value, theirs));
        conflict = true;
      }
      edit.base = box.value;
      store.setElementField(edit.id, e, "n", box.value);
    }
    function draw() {
      const a = edit && store.byId(edit.id),
        now = current();
      replaceIfChanged(
        status,
        edit && !a
          ? make(
              "p",
              { class: "tf-a-warn", id: "tf-notes-bound", role: "alert" },
              "The assessment these notes belong to was deleted in another tab: what you type here is not saved. Copy it before you leave the box.",
            )
          : a && a.id !== now.id
            ? make(
                "p",
                { class: "tf-a-hint", id: "tf-notes-bound" },
                `These notes belong to “${store.nameOf(a)}”; another tab made “${store.nameOf(now)}” the current assessment. Leave the box to see its notes.`,
              )
            : "",
        conflict &&
          make(
            "p",
            { class: "tf-a-warn", id: "tf-notes-conflict", role: "alert" },
            "Another tab changed these notes while you were typing: both texts are kept in the box. Tidy them up as you wish.",
          ),
      );
    }
    box.addEventListener("focus", () => {
      const a = current();
      edit = { id: a.id, base: store.notesOf(a, e.id) };
      conflict = false;
    });
    box.addEventListener("input", write);
    box.addEventListener("blur", () => {
      edit = null;
      refresh();
    });
    return {
      // On every redraw: a box not being edited shows the current assessment's notes.
      sync(notes) {
        if (!edit) {
          if (box.value !== notes) box.value = notes;
          conflict = false;
        } else {
          const theirs = stored(edit.id);
          if (theirs != null && theirs !== edit.base) {
            if (box.value === edit.base) replace(theirs, true);
            else {
              replace(both(box.value, theirs));
              conflict = true;
            }
            const changed = box.value !== theirs;
            edit.base = box.value; // before writing: the write redraws, and this runs again
            if (changed) store.setElementField(edit.id, e, "n", box.value);
          }
        }
        draw();
      },
    };
  }
  // extra(i): what follows each indicator's link (on element pages, "Add as an action").
  function nextSteps(x, href, extra) {
    if (x.counted == null)
      return make(
        "p",
        {},
        "Tick indicators or choose a stage to see what the next stage looks like.",
      );
    if (x.counted === "na")
      return make("p", {}, "Not applicable to your task force: no next stage.");
    if (x.counted === rubric.stages.length)
      return make("p", {}, `Stage ${x.counted} is the last stage: keep evaluating and evolving.`);
    if (!x.next.length)
      return make(
        "p",
        {},
        `Every Stage ${x.counted + 1} indicator is already ticked: consider whether Stage ${x.counted + 1} fits.`,
      );
    return make(
      "div",
      {},
      // Indicators describe a state (some describe a stage's problems), never a task to do.
      make(
        "p",
        {},
        `What ${stageName(x.counted + 1)} looks like, not yet ticked for your task force:`,
      ),
      list(x.next, (i) => [make("a", { href: href(i) }, i.text), extra && extra(i)]),
    );
  }

  // Redraws root from draw(region) on every change; the status region survives, and so do the
  // focused control and its caret: found again by data-k, else id, else its place among the
  // controls. A control the change removed hands focus to focusAfter's key, else to its place.
  const CONTROLS = "a[href], button, input, select, textarea, [tabindex]";
  let focusAfter = null;
  function mountView(root, draw) {
    const region = make("p", { role: "status", id: "tf-message" });
    view = () => {
      const active = document.activeElement,
        focused = active instanceof HTMLElement && root.contains(active) ? active : null;
      const k = focused && focused.dataset.k,
        id = focused && focused.id,
        place = focused ? [...root.querySelectorAll(CONTROLS)].indexOf(focused) : -1;
      /** @type {[number, number, "forward" | "backward" | "none"] | null} */
      let caret = null;
      try {
        if (focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement)
          if (typeof focused.selectionStart === "number")
            caret = [focused.selectionStart, focused.selectionEnd, focused.selectionDirection];
      } catch {
        /* a control without a caret */
      }
      const text = msg ? msg.text : "";
      if (region.textContent !== text) region.textContent = text;
      region.className = msg && msg.error ? "tf-a-warn" : msg ? "tf-d-msg" : "";
      root.replaceChildren(
        ...draw(region)
          .flat(9)
          .filter((x) => x),
      );
      const bar = core.undo && core.undo.bar();
      if (bar && region.isConnected) region.after(bar);
      const hint = focusAfter;
      focusAfter = null;
      if (!focused || focused.isConnected) return;
      const controls = [...root.querySelectorAll(CONTROLS)];
      const again =
        (k && root.querySelector(`[data-k="${CSS.escape(k)}"]`)) ||
        (id && document.getElementById(id)) ||
        (hint && root.querySelector(`[data-k="${CSS.escape(hint)}"]`)) ||
        (place >= 0 && controls[Math.min(place, controls.length - 1)]);
      if (!(again instanceof HTMLElement)) return;
      again.focus({ preventScroll: true });
      if (
        caret &&
        (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement) &&
        again.value === /** @type {HTMLInputElement} */ (focused).value
      )
        again.setSelectionRange(caret[0], caret[1], caret[2]);
    };
    view();
  }
  // Features only some pages need load on demand (assets/js/<name>.js), keeping element pages light.
  const loaded = {},
    parts = [],
    pages = {};
  const need = (name) =>
    (loaded[name] =
      loaded[name] ||
      new Promise((ok, fail) => {
        document.head.append(
          make("script", { src: url(`assets/js/${name}.js`), on: { load: ok, error: fail } }),
        );
      }));
  const LATER = {
    "tf-team": ["consensus"],
    "tf-shared": ["undo", "share"],
    "tf-dashboard": ["undo", "dashboard", "snapshots", "share", "actions"],
    "tf-plan": ["plan"],
    "tf-report": ["plan", "report"],
  };
  const ELEMENT_LATER = ["actions"]; // the target and actions editor under the checklist

  // Every page view, including Material's instant navigation.
  function init() {
    view = null;
    msg = null;
    const mount = document.querySelector(".tf-assessment[data-element]");
    const root = document.querySelector("[data-tf-page]");
    if (mount) {
      elementPage(mount);
      Promise.all(ELEMENT_LATER.map(need)).then(refresh, () => {});
    } else if (root) {
      const id = root.id;
      Promise.all(LATER[id].map(need)).then(
        () => {
          if (root.isConnected) pages[id](root);
        },
        () =>
          replaceIfChanged(
            root,
            make(
              "p",
              { class: "tf-a-warn" },
              "Part of this page could not be loaded. Reload the page to try again.",
            ),
          ),
      );
    }
  }
  // For the modules loaded on demand: the model, the store and drawing helpers.
  const core = {
    rubric,
    allElements,
    elementById,
    indicatorById,
    store,
    MODES,
    make,
    button,
    list,
    replaceIfChanged,
    ask,
    url,
    when,
    stageName,
    stageCell,
    stageText,
    targetText,
    targetOptions,
    indicatorLine,
    csvText,
    csvStage,
    CSV_LEAD,
    csvElementLead,
    csvIndicatorLead,
    heatTable,
    table,
    today,
    fileName,
    localDay,
    STATUS,
    TARGET_STATE,
    targetState,
    download,
    warnings,
    info,
    ticked,
    kept,
    current,
    summary,
    importData,
    nextSteps,
    refresh,
    mountView,
    wipeSession,
    UNDO_KEY,
    dropUndo,
    offerUndo,
    parts,
    pages,
    // The control to focus after the next redraw when the focused one goes (a deleted row's button).
    focusAfter: (k) => {
      focusAfter = k;
    },
    // A message shown with the redraw that the next change brings.
    setMessage: (text, error) => {
      msg = text == null ? null : { text, error };
    },
    say: (text, error) => {
      msg = text == null ? null : { text, error };
      refresh();
    },
  };
  // For tests: the rule, the import checks, the current export, the storage key; core for the modules.
  window.TF = {
    suggest,
    counted,
    validate: store.validateExport,
    exportData: () => store.exportData(current()),
    key: store.KEY,
    core,
  };
  // Fetch this page's modules now, not when document$ first fires (after DOMContentLoaded).
  const first = document.querySelector("[data-tf-page]");
  const later = first
    ? LATER[first.id]
    : document.querySelector(".tf-assessment[data-element]")
      ? ELEMENT_LATER
      : [];
  later.forEach((name) => need(name).catch(() => {}));
  if (window.document$) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

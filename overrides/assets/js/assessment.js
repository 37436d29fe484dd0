// Self-assessment: the checklist on element pages, and the loader of what the other pages need
// (overview.js and their own modules, after the whole rubric). Answers stay in this browser; DOM
// via textContent.
(() => {
  "use strict";
  const rubric = window.TF_RUBRIC,
    store = window.TF_STORE,
    code = window.TF_CODE; // which modules each page runs (assessment-loader.js)
  if (!rubric || !store || !code || window.TF) return;
  const RULE =
    "The suggested stage is the stage whose indicators have the largest share ticked; " +
    "ties go to the lower stage; nothing ticked means no suggestion.";
  const ROOT = store.root;
  // The whole rubric as a model: filled by overview.js where a page loads the whole rubric; on an
  // element page, indicatorById holds that element's indicators.
  const allElements = [],
    elementById = Object.create(null),
    indicatorById = Object.create(null);
  const { own, chars } = store; // chars: the store's count of characters, as its limits count them
  const url = (path) => new URL(path, ROOT).href; // the data follows the edition's URL style
  const stageName = (v) =>
    v === "na"
      ? "Not applicable"
      : v
        ? `Stage ${v} · ${rubric.stages[v - 1].name}`
        : "Not yet assessed";
  const stageCell = (c) => (c == null ? "—" : c === "na" ? "N/A" : `Stage ${c}`); // a table cell's short form
  // A calendar day in text for people, "June 30, 2027", its spaces unbreakable: no reader misreads
  // it and no line splits it. Date fields stay native; files (CSV, .ics, JSON) keep ISO days.
  // Not through Intl (see `local` below). Anything but an ISO day is shown as it is.
  const MONTHS =
    "January February March April May June July August September October November December".split(
      " ",
    );
  const dayText = (iso) => {
    const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(iso || "");
    return m && MONTHS[+m[2] - 1] ? `${MONTHS[+m[2] - 1]}\u00a0${+m[3]},\u00a0${m[1]}` : iso;
  };
  // A target in words, "Stage 3 by June 30, 2027"; `none` when there is no target.
  const targetText = (t, none) =>
    t.stage ? `Stage ${t.stage}${t.date ? ` by ${dayText(t.date)}` : ""}` : none;
  // A target stage picker's options, "No target" first.
  const targetOptions = (selected) =>
    [null, ...rubric.stages.map((s) => s.n)].map((v) =>
      make(
        "option",
        { value: v == null ? "" : v, selected: v === selected },
        v == null ? "No target" : stageName(v),
      ),
    );
  const today = () => new Date().toISOString().slice(0, 10); // in names of files and new assessments
  // A moment in the reader's time zone, "November 30, 2026, 13:05".
  // Not through Intl: a page's first Intl call loads locale data, 30-100 ms of blocked main thread
  // on a laptop, which was most of the dashboard's first draw.
  const local = (d) =>
    Number.isNaN(d.getTime())
      ? null
      : new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString();
  const localTime = (d = new Date()) => {
    const iso = local(d);
    return iso ? `${dayText(iso.slice(0, 10))}, ${iso.slice(11, 16)}` : "an unknown time";
  };
  // That moment's calendar day: due dates and target dates are calendar days.
  const localDay = (d = new Date()) => {
    const iso = local(d);
    return iso ? iso.slice(0, 10) : "an unknown day";
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

  // Limits count characters (code points), as an import does; a browser's maxlength counts UTF-16
  // units, so an emoji would count twice. `chars: n` on a text field allows n characters of any
  // kind: maxlength leaves room for n of the widest, and input past n is trimmed where it was typed.
  function limitChars(field, limit) {
    field.maxLength = 2 * limit;
    const trim = () => {
      const over = chars(field.value) - limit;
      if (over <= 0) return;
      const caret = field.selectionEnd == null ? field.value.length : field.selectionEnd;
      const typed = [...field.value.slice(0, caret)];
      const kept = typed.slice(0, Math.max(0, typed.length - over)).join("");
      field.value = kept + field.value.slice(caret);
      field.setSelectionRange(kept.length, kept.length);
    };
    field.addEventListener("input", trim, true); // capture: before the field's own listeners write
  }
  function make(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === "chars") limitChars(el, v);
      else if (k === "on")
        for (const [type, fn] of Object.entries(v)) el.addEventListener(type, fn);
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
  // A change the store refused, to keep within what an export file can carry: said, not dropped.
  const refused = (text) => {
    msg = { text, error: true };
    refresh();
  };
  const setTick = (a, id, on, e) =>
    store.setTick(a.id, id, on, e) ||
    refused(
      `Not ticked: “${store.nameOf(a)}” already has ${store.LIMITS.ids} ticked indicators, the most an export file can carry. Untick some first.`,
    );
  const setField = (a, e, key, value) =>
    store.setElementField(a.id, e, key, value) ||
    refused(
      `Not saved: “${store.nameOf(a)}” already holds answers on ${store.LIMITS.elements} elements (of this and other versions of the roadmap), the most an export file can carry.`,
    );
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
  function download(name, type, text) {
    const href = URL.createObjectURL(new Blob([text], { type }));
    make("a", { href, download: name }).click();
    setTimeout(() => URL.revokeObjectURL(href), 10000);
  }

  const MODES = {
    local: "saved in this browser only",
    session: "this session only, in every tab of this site: wiped when you close them",
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
  // This page's element as the page carries it (checklist.py writes the attributes): its id,
  // title and signature on the mount; each indicator's id and stage on its item, its text in it
  // (without citation marks and the copy-link button).
  function pageElement(mount) {
    const { element: id, title, sig } = mount.dataset;
    if (!id || !title || !sig) return null;
    const e = { id, title, sig, indicators: [] };
    for (const li of document.querySelectorAll("li[data-indicator]")) {
      if (!(li instanceof HTMLElement)) continue;
      const copy = /** @type {HTMLElement} */ (li.cloneNode(true));
      for (const extra of copy.querySelectorAll("sup, .tf-copy, .tf-check")) extra.remove();
      const text = (copy.textContent || "").replace(/\s+/g, " ").trim();
      const i = { id: li.dataset.indicator, stage: Number(li.dataset.stage), text, el: e };
      e.indicators.push(i);
      if (!own(indicatorById, i.id)) indicatorById[i.id] = i;
    }
    return e;
  }
  function elementPage(mount) {
    const e = pageElement(mount);
    if (!e) return;
    // The boxes are in the page (element.md.j2): a reader may tick before this code arrives
    // (assessment-loader.js loads it at the first tick), and that tick is saved now.
    const boxes = [];
    for (const li of document.querySelectorAll("li[data-indicator]")) {
      const box = li.querySelector(":scope > input.tf-check");
      if (!(li instanceof HTMLElement) || !(box instanceof HTMLInputElement)) continue;
      const id = li.dataset.indicator;
      box.addEventListener("change", () => setTick(current(), id, box.checked, e));
      if (box.checked !== box.defaultChecked) setTick(current(), id, box.checked, e);
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
      notesCount.textContent = `${chars(notes.value)} of ${store.LIMITS.notes} characters`;
    };
    const notes = make("textarea", {
      id: "tf-notes",
      rows: 4,
      chars: store.LIMITS.notes,
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
    const plan = make("div", { class: "tf-a-plan" }),
      editor = planEditor(plan, e);
    // Changes not kept: said where the ticking happens (it sticks to the window's foot while the
    // stages are read), with the way out.
    const alarm = make("div", { class: "tf-a-alarm", "aria-live": "polite" });
    mount.before(alarm);
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
      const s = store.status();
      replaceIfChanged(
        alarm,
        (s.failed || s.full || s.stuck) &&
          make(
            "p",
            {},
            make("strong", {}, "Not saved: "),
            "storage in this browser is full, so changes here are not kept. ",
            make("a", { href: url(rubric.pages.data) + "#tf-backup" }, "Export your answers"),
            " from the dashboard to keep them.",
          ),
      );
      replaceIfChanged(
        status,
        warnings(),
        msg && msg.error && make("p", { class: "tf-a-warn", role: "alert" }, msg.text),
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
        nextSteps(
          x,
          (i) => "#" + i.id,
          (i) => editor.stepAction(i),
        ),
      );
      editor.draw(a, x);
    };
    view();
    performance.mark("tf-checklist-ready");
  }
  // The target and actions editor (actions.js) loads on demand: where the current assessment has a
  // target or actions for this element, or when the reader asks for it (most readers never plan).
  // Its button is drawn with the checklist, in the place the editor takes.
  function planEditor(container, e) {
    let asked = false, // the reader asked: the focus goes into the editor once it is drawn
      gaveUp = false; // a load failed: said, and tried again only when the reader asks
    const state = (s) => {
      container.dataset.plan = s; // closed, loading, open
    };
    const failed = make(
      "p",
      { class: "tf-a-warn", role: "alert" },
      "The target and actions editor could not be loaded. Check your connection, then try again.",
    );
    const openButton = button(
      `Set a target and plan actions for ${e.title}`,
      () => open(true).catch(() => {}),
      null,
      "tf-btn--primary",
    );
    openButton.id = "tf-plan-open";
    state("closed");
    if (!core.planPanel)
      container.replaceChildren(
        make("h3", { id: "tf-plan" }, "Target and actions"),
        make(
          "p",
          {},
          "The stage your task force means to reach, by when, and the actions that get it there.",
        ),
        openButton,
      );
    function open(ask) {
      asked = asked || ask;
      if (container.dataset.plan === "closed") {
        state("loading");
        gaveUp = false;
        failed.remove();
        openButton.setAttribute("aria-busy", "true");
      }
      return need("actions").then(
        () => {
          if (!container.isConnected) return;
          refresh(); // draws the editor in the button's place
          if (asked) {
            asked = false;
            const first = container.querySelector("select, input, textarea");
            if (first instanceof HTMLElement) first.focus();
          }
        },
        (err) => {
          state("closed");
          openButton.removeAttribute("aria-busy");
          gaveUp = true;
          openButton.after(failed);
          throw err;
        },
      );
    }
    const planned = (a) => {
      const target = store.targetOf(a, e.id);
      return (
        target.stage != null ||
        target.date !== "" ||
        store.actionsOf(a).some((y) => y.element === e.id)
      );
    };
    return {
      /** @param {any} a @param {any} x */
      draw(a, x) {
        if (core.planPanel) {
          state("open");
          core.planPanel(container, a, e, x);
        } else if (container.dataset.plan === "closed" && !gaveUp && planned(a))
          open(false).catch(() => {});
      },
      // Under "What Stage N+1 looks like": one step from an indicator to an action about it.
      stepAction: (i) =>
        button(
          ["Add as an action", make("span", { class: "tf-sr" }, `: ${i.text}`)],
          () => {
            const id = current().id;
            open(false).then(
              // Linked to the indicator, worded by the task force (the caution above asks so).
              () => core.addAction(id, e.id, "", [i.id]),
              () => {},
            );
          },
          null,
          "tf-btn--small tf-a-add",
        ),
    };
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
      // Gone with the redraw, or moved by it (the start guide is kept, and moving blurs it).
      if (!focused || document.activeElement === focused) return;
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
  // Features only some pages need load on demand (the loader's TF_CODE names them per page),
  // keeping element pages light. They download in parallel and run in the order asked for
  // (async = false): the whole rubric, then overview.js, then the page's modules.
  const loaded = {},
    arrived = new Set(),
    parts = [],
    pages = {};
  // A failed load is forgotten, so that asking again tries again.
  const need = (name) =>
    (loaded[name] =
      loaded[name] ||
      new Promise((ok, fail) => {
        const script = make("script", { src: code.url(name), on: { load: ok, error: fail } });
        script.async = false;
        document.head.append(script);
      }).then(
        () => {
          arrived.add(name);
        },
        (err) => {
          delete loaded[name];
          throw err;
        },
      ));
  const NOT_LOADED = "Part of this page could not be loaded. Reload the page to try again.";
  const OVERVIEW_PARTS = code.overviewParts; // not on a first visit (assessment-loader.js)
  const firstVisit = () => {
    const a = current(); // the first, made in memory where there is none yet
    return store.assessments().length === 1 && !store.hasAnswers(a);
  };
  /** @param {string} id a page root's id */
  const modulesHere = (id) => code.modules(id, !firstVisit()); // what this browser's answers draw
  // The overview drawn without its parts (a first visit just ended: an import, a new assessment,
  // another tab's tick) loads them, once per page view, and is drawn again when they are in.
  let partsWanted = null;
  function overviewParts() {
    if (OVERVIEW_PARTS.every((name) => arrived.has(name))) return Promise.resolve();
    return (partsWanted =
      partsWanted ||
      Promise.all(OVERVIEW_PARTS.map(need)).then(
        () => {
          partsWanted = null;
          refresh();
        },
        () => core.say(NOT_LOADED, true),
      ));
  }

  // Every page view, including Material's instant navigation.
  function init() {
    view = null;
    msg = null;
    partsWanted = null;
    const mount = document.querySelector(".tf-assessment[data-element]");
    const root = document.querySelector("[data-tf-page]");
    if (mount) elementPage(mount);
    else if (root) {
      const id = root.id;
      Promise.all(modulesHere(id).map(need)).then(
        () => {
          if (root.isConnected) pages[id](root);
        },
        () => replaceIfChanged(root, make("p", { class: "tf-a-warn" }, NOT_LOADED)),
      );
    }
  }
  // For the modules loaded on demand: the model, the store and drawing helpers (overview.js adds
  // the ones only the pages that list every element use).
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
    url,
    stageName,
    stageCell,
    targetText,
    dayText,
    targetOptions,
    today,
    localDay,
    localTime,
    STATUS,
    TARGET_STATE,
    targetState,
    download,
    warnings,
    info,
    ticked,
    current,
    nextSteps,
    refresh,
    mountView,
    wipeSession,
    UNDO_KEY,
    dropUndo,
    offerUndo,
    parts,
    pages,
    firstVisit,
    overviewParts,
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
  // The checks and the export are store-copies.js's: on a page without it, they load it first and
  // answer with a promise.
  const withCopies =
    (fn) =>
    (...args) =>
      store.exportData ? fn(...args) : need(code.copies).then(() => fn(...args));
  window.TF = {
    suggest,
    counted,
    validate: withCopies((data) => store.validateExport(data)),
    exportData: withCopies(() => store.exportData(current())),
    key: store.KEY,
    core,
  };
  // Fetch this page's modules now, not when document$ first fires (after DOMContentLoaded).
  const first = document.querySelector("[data-tf-page]");
  if (first) modulesHere(first.id).forEach((name) => need(name).catch(() => {}));
  if (window.document$) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

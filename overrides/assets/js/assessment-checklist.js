// The checklist on an element page: its ticks (in the page from the build), the stage picked, the
// suggestion and the rule, notes (assessment-notes.js), what the next stage looks like, and the
// button that brings the target and actions editor (actions.js).
/* global bindNotes */
/* exported openChecklist */

/**
 * @param {TFCoreSoFar} core what assessment.js offers the modules (window.TF.core)
 * @param {{ setTick: Function, setField: Function, need: (name: string) => Promise<void>, message: () => TFMessage | null, setView: (fn: () => void) => void }} page
 *   what assessment.js keeps to itself: refused writes said, modules loaded, the message, the view
 */
// eslint-disable-next-line max-lines-per-function -- a module wrapper: this file's scope
function openChecklist(core, page) {
  "use strict";
  const { rubric, store, indicatorById, make, button, stageName, info, ticked, replaceIfChanged } =
    core;
  const { url, warnings, MODES, wipeSession, nextSteps, current, refresh, RULE } = core;
  const { own, chars } = store;
  const { setTick, setField, need } = page;
  // This page's element as the page carries it (checklist.py writes the attributes): its id,
  // title and signature on the mount; each indicator's id and stage on its item, its text in it
  // (without citation marks and the copy-link button).
  /** @param {HTMLElement} mount @returns {TFElementHere | null} */
  function pageElement(mount) {
    const { element: id, title, sig } = mount.dataset;
    if (!id || !title || !sig) return null;
    /** @type {TFElementHere} */
    const e = { id, title, sig, indicators: [] };
    for (const li of document.querySelectorAll("li[data-indicator]")) {
      if (!(li instanceof HTMLElement)) continue;
      const copy = /** @type {HTMLElement} */ (li.cloneNode(true));
      for (const extra of copy.querySelectorAll("sup, .tf-copy, .tf-check")) extra.remove();
      const text = (copy.textContent || "").replace(/\s+/g, " ").trim();
      const i = { id: li.dataset.indicator || "", stage: Number(li.dataset.stage), text, el: e };
      e.indicators.push(i);
      if (!own(indicatorById, i.id)) indicatorById[i.id] = i;
    }
    return e;
  }
  // The boxes are in the page (element.md.j2): a reader may tick before this code arrives
  // (assessment-loader.js loads it at the first tick), and that tick is saved now.
  /** @param {TFElementHere} e */
  function pageBoxes(e) {
    /** @type {[string, HTMLInputElement, HTMLElement][]} */
    const boxes = [];
    for (const li of document.querySelectorAll("li[data-indicator]")) {
      const box = li.querySelector(":scope > input.tf-check");
      if (!(li instanceof HTMLElement) || !(box instanceof HTMLInputElement)) continue;
      const id = li.dataset.indicator || "";
      box.addEventListener("change", () => setTick(current(), id, box.checked, e));
      if (box.checked !== box.defaultChecked) setTick(current(), id, box.checked, e);
      boxes.push([id, box, li]);
    }
    return boxes;
  }
  // "Which stage fits best?": a radio per stage (none, 1-5, not applicable), each with its count.
  /** @param {TFElementHere} e */
  function stageChoice(e) {
    /** @type {Record<string, HTMLInputElement>} */
    const radios = {},
      /** @type {Record<string, HTMLElement>} */
      counts = {},
      /** @type {Record<string, HTMLElement>} */
      names = {};
    const part = make(
      "fieldset",
      { class: "tf-a-choice" },
      make("legend", {}, `Which stage fits ${e.title} best?`),
    );
    for (const v of /** @satisfies {(Stage | null)[]} */ ([
      null,
      ...rubric.stages.map((s) => s.n),
      "na",
    ])) {
      const key = String(v);
      radios[key] = make("input", {
        type: "radio",
        name: "tf-choice",
        id: "tf-choice-" + key,
        value: key,
        on: { change: () => setField(current(), e, "s", v) },
      });
      counts[key] = make("span", { class: "tf-a-count" });
      names[key] = make("span", {}, stageName(v));
      part.append(
        make(
          "div",
          { class: "tf-a-option" },
          radios[key],
          make("label", { for: radios[key].id }, names[key], counts[key]),
        ),
      );
    }
    return {
      part,
      /** @param {TFElementInfo} x */
      draw(x) {
        radios[String(x.chosen)].checked = true;
        // No choice counts the suggestion, so the selected option says so.
        names.null.textContent = x.suggested
          ? `Use the suggestion (${stageName(x.suggested)})`
          : stageName(null);
        x.per.forEach(([t, n], k) => {
          counts[k + 1].textContent = ` (${t} of ${n} ticked)`;
        });
      },
    };
  }
  // The notes box with its count of characters, bound to its assessment (assessment-notes.js).
  /** @param {TFElementHere} e */
  function notesField(e) {
    const count = make("p", { class: "tf-a-count", id: "tf-notes-count" });
    const countNotes = () => {
      count.textContent = `${chars(box.value).toLocaleString("en-US")} of ${store.LIMITS.notes.toLocaleString("en-US")} characters`;
    };
    const box = make("textarea", {
      id: "tf-notes",
      rows: 4,
      chars: store.LIMITS.notes,
      clean: store.cleanText,
      "aria-describedby": "tf-notes-count",
      on: { input: countNotes },
    });
    const status = make("div"),
      editing = bindNotes(box, e, status, core);
    return {
      part: make(
        "div",
        { class: "tf-a-notes" },
        make("label", { for: "tf-notes" }, `Notes on ${e.title}`),
        box,
        count,
        status,
      ),
      /** @param {string} notes */
      draw(notes) {
        editing.sync(notes);
        countNotes();
      },
    };
  }
  // Changes not kept: said where the ticking happens (it sticks to the window's foot while the
  // stages are read), with the way out.
  /** @param {ReturnType<Store["status"]>} s */
  const alarmText = (s) =>
    (s.failed || s.full || s.stuck) &&
    make(
      "p",
      {},
      make("strong", {}, "Not saved: "),
      "storage in this browser is full, so changes here are not kept. ",
      make("a", { href: url(rubric.pages.data) + "#tf-backup" }, "Export your answers"),
      " on your assessment's data page to keep them.",
    );
  /** @param {Assessment} a @param {TFMessage | null} msg */
  const statusText = (a, msg) => [
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
      " for all elements; back up or share on ",
      make("a", { href: url(rubric.pages.data) }, "your assessment's data"),
      ".",
    ),
  ];
  /** @param {TFElementHere} e @param {TFElementInfo} x */
  const reviewText = (e, x) =>
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
      : "";
  /** @param {TFElementInfo} x */
  const resultText = (x) => [
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
  ];
  /** @param {HTMLElement} mount the checklist's place on an element page */
  function elementPage(mount) {
    const e = pageElement(mount);
    if (!e) return;
    const boxes = pageBoxes(e),
      choice = stageChoice(e),
      notes = notesField(e);
    const status = make("div"),
      review = make("div"),
      result = make("div", { class: "tf-a-result", "aria-live": "polite" });
    const steps = make("div", { class: "tf-a-steps" });
    const plan = make("div", { class: "tf-a-plan" }),
      editor = planEditor(plan, e);
    const alarm = make("div", { class: "tf-a-alarm", "aria-live": "polite" });
    mount.before(alarm);
    mount.replaceChildren(
      make("h2", { id: "tf-your-assessment" }, "Your self-assessment"),
      status,
      make(
        "p",
        {},
        `The roadmap says: “${rubric.caution}” ` +
          "Tick what is true, then choose the stage that fits best; the suggestion only helps.",
      ),
      review,
      choice.part,
      result,
      make("p", { class: "tf-a-rule" }, RULE),
      notes.part,
      make("h3", { id: "tf-next-steps" }, "What the next stage looks like"),
      steps,
      plan,
    );
    mount.hidden = false;
    const view = () => {
      const a = current(),
        x = info(a, e);
      for (const [id, box, li] of boxes) {
        box.checked = ticked(a, id);
        li.classList.toggle("tf-ticked", box.checked);
      }
      choice.draw(x);
      notes.draw(x.notes);
      replaceIfChanged(alarm, alarmText(store.status()));
      replaceIfChanged(status, statusText(a, page.message()));
      replaceIfChanged(review, reviewText(e, x));
      replaceIfChanged(result, resultText(x));
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
    page.setView(view);
    view();
    revealTarget(mount);
    performance.mark("tf-checklist-ready");
  }
  // An address naming a part this code draws (#tf-plan, from the dashboard's "What is due" and the
  // plan's links) arrives before that part exists, so the browser cannot scroll to it: shown once
  // it is drawn, once per page view (the mount is new on each).
  /** @param {HTMLElement} mount */
  function revealTarget(mount) {
    let id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      return; // a malformed escape names nothing
    }
    const target = id && document.getElementById(id);
    if (!target || !mount.contains(target) || mount.dataset.revealed === id) return;
    mount.dataset.revealed = id;
    target.scrollIntoView();
  }
  // Whether the assessment has a target or actions for the element: then the editor comes at once.
  /** @param {Assessment} a @param {TFElementHere} e */
  const planned = (a, e) => {
    const target = store.targetOf(a, e.id);
    return (
      target.stage != null ||
      target.date !== "" ||
      store.actionsOf(a).some((y) => y.element === e.id)
    );
  };
  // What the editor's place says until the editor is drawn there.
  const planIntro = () => [
    make("h3", { id: "tf-plan" }, "Target and actions"),
    make(
      "p",
      {},
      "The stage your task force means to reach, by when, and the actions that get it there.",
    ),
  ];
  // The target and actions editor (actions.js) loads on demand: where the current assessment has a
  // target or actions for this element, or when the reader asks for it (most readers never plan).
  // Its button is drawn with the checklist, in the place the editor takes.
  /** @param {HTMLElement} container @param {TFElementHere} e */
  function planEditor(container, e) {
    let asked = false, // the reader asked: the focus goes into the editor once it is drawn
      gaveUp = false; // a load failed: said, and tried again only when the reader asks
    /** @param {"closed" | "loading" | "open"} s */
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
    if (!core.planPanel) container.replaceChildren(...planIntro(), openButton);
    /** @param {boolean} ask @returns {Promise<void>} */
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
          const mount = container.closest(".tf-assessment");
          if (mount instanceof HTMLElement) revealTarget(mount);
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
    return {
      /** @param {Assessment} a @param {TFElementInfo} x */
      draw(a, x) {
        if (core.planPanel) {
          state("open");
          core.planPanel(container, a, e, x);
        } else if (container.dataset.plan === "closed" && !gaveUp && planned(a, e))
          open(false).catch(() => {});
      },
      // Under "What Stage N+1 looks like": one step from an indicator to an action about it.
      /** @param {TFIndicator} i */
      stepAction: (i) =>
        button(
          ["Add as an action", make("span", { class: "tf-sr" }, `: ${i.text}`)],
          () => {
            const id = current().id;
            open(false).then(
              // Linked to the indicator, worded by the task force (the caution above asks so).
              () => core.addAction && core.addAction(id, e.id, "", [i.id]),
              () => {},
            );
          },
          null,
          "tf-btn--small tf-a-add",
        ),
    };
  }
  return { elementPage };
}

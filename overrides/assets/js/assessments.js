// The named assessments, as the dashboard and the data page both show them: the picker with New,
// Rename, Duplicate and Delete, where this browser keeps the answers and when they were last
// exported, and reading an export file to import it. Loaded on those two pages, after listing.js.
(() => {
  "use strict";
  if (!window.TF || !!window.TF.core.assessmentBar) return;
  const { core } = window.TF;
  const { rubric, make, button, ask, url, when, MODES } = core;
  // store-copies.js loads before this module (PAGE_CODE): the store has its part.
  const store = /** @type {TFStoreWithCopies} */ (core.store);
  const { nameOf } = store;

  // The copy's suggested name stays within the limit on names.
  const copyName = (/** @type {string} */ name) =>
    [...name].slice(0, store.LIMITS.name - " (copy)".length).join("") + " (copy)";
  // A picker's option: the name and the day it was created; the time too when name and day repeat.
  const day = (/** @type {string} */ iso) => core.dayText(core.localDay(new Date(iso)));
  /** @type {TFCoreParts["optionText"]} */
  function optionText(b, all) {
    const created = store.createdOf(b);
    const twin = all.some(
      (o) => o !== b && nameOf(o) === nameOf(b) && day(store.createdOf(o)) === day(created),
    );
    return `${nameOf(b)} · ${twin ? when(created) : day(created)}`;
  }

  async function create() {
    const n = await ask(
      "New assessment",
      ["Starts empty. Your other assessments stay as they are."],
      "Create",
      `Assessment ${core.today()}`,
    );
    if (n) {
      core.setMessage(null);
      if (!store.create(n)) notMade("created", n);
    }
  }
  // Why the store made nothing of a name: all of it invisible, or no room for one more.
  /** @param {string} what @param {string} n */
  function notMade(what, n) {
    const why = !store.cleanName(n).trim()
      ? "the name has no visible characters. Type one that has"
      : `this browser already keeps ${store.LIMITS.assessments.toLocaleString("en-US")} assessments, the most it can. Delete one you no longer need first`;
    core.say(`Not ${what}: ${why}.`, true);
  }
  /** @param {Assessment} a */
  async function rename(a) {
    const n = await ask("Rename assessment", [], "Rename", nameOf(a));
    if (n && !store.cleanName(n).trim()) notMade("renamed", n);
    else if (n) store.rename(a.id, n);
  }
  /** @param {Assessment} a */
  async function duplicate(a) {
    const n = await ask(
      "Duplicate assessment",
      [`Copies all answers and notes of “${nameOf(a)}”, for example to start next year's review.`],
      "Duplicate",
      copyName(nameOf(a)),
    );
    if (n && !store.duplicate(a.id, n)) notMade("duplicated", n);
  }
  /** @param {Assessment} a */
  async function remove(a) {
    const sure = await ask(
      `Delete “${nameOf(a)}”?`,
      [
        "Its answers and notes are removed from this browser. You can undo this for a few minutes in this tab; export it first if you may need it later.",
      ],
      "Delete",
    );
    if (!sure) return;
    core.setMessage(`Deleted “${nameOf(a)}”.`);
    const copy = store.copyOf(a.id);
    store.remove(a.id);
    core.offerUndo({
      text: `Deleted “${nameOf(a)}”.`,
      done: `Put back “${nameOf(a)}”.`,
      list: [copy],
      select: a.id,
    });
  }

  /**
   * The picker and what can be done to the assessment it shows; `extra` ends the row (Print).
   * @param {Assessment} a the current assessment @param {Assessment[]} all @param {TFKid[]} [extra]
   */
  function assessmentBar(a, all, extra = []) {
    const pick = make(
      "select",
      {
        id: "tf-switch",
        "data-k": "switch",
        on: {
          change: () => {
            store.select(pick.value);
            core.say(null);
          },
        },
      },
      all.map((b) => make("option", { value: b.id, selected: b.id === a.id }, optionText(b, all))),
    );
    return make(
      "div",
      { class: "tf-d-bar" },
      make("div", { class: "tf-d-pick" }, make("label", { for: "tf-switch" }, "Assessment"), pick),
      make(
        "div",
        { class: "tf-d-actions" },
        button("New", create, "new"),
        button("Rename", () => rename(a), "rename"),
        button("Duplicate", () => duplicate(a), "duplicate"),
        button("Delete", () => remove(a), "delete"),
        extra,
      ),
    );
  }

  /**
   * Where the answers are kept and when they were last exported; `backup` is what "export" links
   * to (null where the export is on the same page).
   * @param {Assessment} a @param {HTMLElement} region the status region @param {string | null} backup
   */
  function statusBox(a, region, backup) {
    const exported = store.exportedOf(a),
      hasData = store.hasAnswers(a);
    const changed = exported.time && store.lastChange(a) > exported.at;
    const exportLink = (/** @type {string} */ text) =>
      backup ? make("a", { href: backup }, text) : text;
    return make(
      "div",
      { class: "tf-d-status" },
      ...core.warnings(),
      region,
      make(
        "p",
        {},
        `Your answers are ${MODES[store.status().mode]}. `,
        make("a", { href: url(rubric.pages.privacy) }, "Who can see them, and how to wipe them."),
      ),
      store.status().mode === "local" &&
        store.status().persisted === false &&
        hasData &&
        make(
          "p",
          {},
          "This browser may clear the site's storage when space runs low: keep an exported copy.",
        ),
      make(
        "p",
        { class: changed || (!exported.time && hasData) ? "tf-d-remind" : "" },
        exported.time
          ? [
              `Last exported ${when(exported.time)}.`,
              changed && [
                " You have changed answers since: ",
                exportLink("export again"),
                " to keep your backup current.",
              ],
            ]
          : hasData
            ? ["Not exported yet: ", exportLink("export a copy"), " as a backup."]
            : "Not exported yet.",
      ),
    );
  }

  // A file chosen to import: read, checked, then offered (importData asks before it changes anything).
  /** @param {HTMLInputElement} input */
  async function importFile(input) {
    const file = input.files && input.files[0];
    input.value = "";
    if (!file) return;
    const refuse = (/** @type {string} */ why) =>
      core.say(`Import refused: “${file.name}” ${why}. Nothing was changed.`, true);
    const read = await store.readExportFile(file);
    if ("data" in read) return core.importData(read.data, file.name);
    const { why, detail, problems } = read;
    refuse(problems ? `${why}: ${core.summary(problems)}` : detail ? `${why} (${detail})` : why);
  }
  /** The labelled file field whose choice is imported. */
  const importField = () => {
    const file = make("input", {
      type: "file",
      id: "tf-import",
      accept: ".json,application/json",
      "data-k": "import",
      on: { change: () => importFile(file) },
    });
    return make(
      "div",
      { class: "tf-d-import" },
      make("label", { for: "tf-import" }, "Import a JSON export"),
      file,
    );
  };

  Object.assign(core, { assessmentBar, statusBox, importField, optionText });
})();

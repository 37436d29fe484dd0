// Share links: an assessment carried in the URL fragment, which browsers never send to a server,
// compressed, and encrypted when the sender sets a passphrase. Loaded on the data page and the
// shared-results page only.
/* global shareCodec */
(() => {
  "use strict";
  if (!window.TF || window.TF.core.pages["tf-shared"]) return;
  const { core } = window.TF;
  const { rubric, make, button, list } = core;
  // store-copies.js loads before this module (PAGE_CODE): the store has its part.
  const store = /** @type {TFStoreWithCopies} */ (core.store);
  // The codec: share-codec.js, loaded before this.
  const { LIMIT, LinkError, encode, decode, locked } = shareCodec(rubric, core.store, core.summary);
  const linkFor = (/** @type {string} */ frag) => core.url(rubric.pages.shared) + "#" + frag;

  // The data page: make a link to the current assessment.
  let notes = false,
    pass = "",
    /** @type {{ id: string, link: string, pass: boolean } | null} */
    made = null;
  // The link just made for this assessment, if any: the box to copy it from, and its length.
  /** @param {Assessment} a */
  function linkBox(a) {
    return (
      made &&
      made.id === a.id &&
      make(
        "div",
        { class: "tf-d-share-out" },
        make(
          "label",
          { for: "tf-share-link" },
          made.pass
            ? "Link (encrypted: send the passphrase another way, for example by phone)"
            : "Link",
        ),
        make("input", {
          id: "tf-share-link",
          readonly: true,
          value: made.link,
          "data-k": "share-link",
          on: {
            focus: (/** @type {FocusEvent} */ ev) =>
              ev.target instanceof HTMLInputElement && ev.target.select(),
          },
        }),
        make(
          "p",
          { id: "tf-share-length" },
          `${made.link.length} characters` +
            (made.link.length > LIMIT
              ? `: over ${LIMIT}, which some mail and chat programs cut. If it arrives broken, share a JSON export instead.`
              : "."),
        ),
      )
    );
  }
  // Make the link, copy it when the browser allows, and say what was done.
  /** @param {Assessment} a */
  async function copyLink(a) {
    try {
      const link = linkFor(await encode(store.exportData(a), notes, pass));
      made = { id: a.id, link, pass: !!pass };
      let copied = false;
      try {
        await navigator.clipboard.writeText(link);
        copied = true;
      } catch {
        /* shown below to copy by hand */
      }
      core.say(
        `${copied ? "Copied a link" : "Made a link (copy it from the box below)"} to “${core.store.nameOf(a)}”${notes ? " with owners and notes" : ""}` +
          `${pass ? ", encrypted with your passphrase" : ""}.`,
      );
    } catch (e) {
      core.say(`No link was made: ${/** @type {Error} */ (e).message}.`, true);
    }
  }
  core.parts.push((a) => {
    const field = make("input", {
      type: "password",
      id: "tf-share-pass",
      value: pass,
      autocomplete: "new-password",
      "data-k": "share-pass",
      on: {
        input: () => {
          pass = field.value;
        },
      },
    });
    const box = make("input", {
      type: "checkbox",
      id: "tf-share-notes",
      checked: notes,
      "data-k": "share-notes",
      on: {
        change: () => {
          notes = box.checked;
        },
      },
    });
    const out = linkBox(a);
    return [
      make("h2", { id: "tf-share" }, "Share a read-only link"),
      make(
        "p",
        {},
        "The link carries this assessment's ticks, stages, targets and actions in the part of the address after “#”, which browsers never send to a server: " +
          "opening it shows the results read-only, with a choice to import them. Anyone who sees the link, including a mail or chat service that carries it, " +
          "can read the results unless you set a passphrase.",
      ),
      make(
        "div",
        { class: "tf-d-share" },
        make(
          "div",
          { class: "tf-d-check" },
          box,
          make("label", { for: "tf-share-notes" }, "Include owners and notes"),
        ),
        make(
          "div",
          { class: "tf-d-pick" },
          make("label", { for: "tf-share-pass" }, "Passphrase (optional)"),
          field,
        ),
        button("Copy a link to these results", () => copyLink(a), "share", "tf-btn--primary"),
      ),
      out,
    ];
  });

  // The shared-results page: read-only, nothing saved unless the reader imports. Its state lives
  // here, keyed by the fragment: Material initialises the page again after a fragment-only
  // navigation, and a redraw must neither lose what the reader typed nor restart an opening.
  const frag = () => location.hash.slice(1);
  /** @type {{ frag: string | null, data: ExportData | null, error: string | null, asking: boolean, typed: string }} */
  const state = { frag: null, data: null, error: null, asking: false, typed: "" };
  /** @type {HTMLElement | null} */
  let target = null,
    opening = 0;
  const redraw = () => {
    if (target && target.isConnected) core.mountView(target, draw);
  };
  // pass is null until the reader submits one: a locked link first asks.
  /** @param {string | null} pass */
  async function open(pass) {
    const f = frag(),
      mine = ++opening;
    Object.assign(state, { frag: f, data: null, error: null, asking: pass != null });
    redraw();
    let data = null,
      error = null;
    if (f && (pass != null || !locked(f))) {
      try {
        data = await decode(f, pass || "");
      } catch (x) {
        error = x instanceof LinkError ? x.message : "it could not be read";
      }
    }
    if (mine !== opening) return; // a newer link or passphrase took over
    Object.assign(state, { data, error, asking: false, typed: data ? "" : state.typed });
    redraw();
  }
  /** @param {HTMLElement} root */
  function shared(root) {
    target = root;
    if (state.frag === frag()) redraw();
    else open(null);
  }
  window.addEventListener("hashchange", () => {
    if (target && target.isConnected && frag() !== state.frag) open(null);
  });
  /** @param {HTMLElement} region @returns {TFKid[]} */
  function draw(region) {
    const { frag: f, data, error, asking } = state;
    if (!f)
      return [
        region,
        make(
          "p",
          {},
          "This page shows self-assessment results that someone shared as a link. Open the link you were sent; " +
            "to share your own results, use “Share a read-only link” on ",
          make("a", { href: core.url(rubric.pages.data) + "#tf-share" }, "your assessment's data"),
          ".",
        ),
      ];
    if (locked(f) && !data) {
      const input = make("input", {
        type: "password",
        id: "tf-shared-pass",
        autocomplete: "off",
        "data-k": "shared-pass",
        value: state.typed,
        on: {
          input: () => {
            state.typed = input.value;
          },
          keydown: (/** @type {KeyboardEvent} */ ev) => {
            if (ev.key === "Enter") go.click();
          },
        },
      });
      const go = button(
        "Show the results",
        () => {
          if (state.typed) {
            core.say("");
            open(state.typed);
          }
        },
        "shared-open",
        "tf-btn--primary",
      );
      return [
        make(
          "p",
          {},
          "These results are encrypted. Enter the passphrase the sender gave you: it is checked in this browser only.",
        ),
        make("div", { class: "tf-d-pick" }, make("label", { for: input.id }, "Passphrase"), input),
        go,
        error &&
          make(
            "p",
            { class: "tf-a-warn", role: "alert", id: "tf-shared-error" },
            `The results stay hidden: ${error}.`,
          ),
        asking && make("p", {}, "Checking…"),
        region,
      ];
    }
    if (asking || (!data && !error)) return [make("p", {}, "Opening the link…"), region];
    if (!data)
      return [
        make(
          "p",
          { class: "tf-a-warn", role: "alert", id: "tf-shared-error" },
          `This link cannot be shown: ${error}.`,
        ),
        region,
      ];
    return [region, ...readOnly(data)];
  }
  // The plan the link carries: each element's target and actions (owners only if the sender
  // included them).
  /** @param {Assessment} a */
  function sharedPlan(a) {
    const actions = core.store.actionsOf(a),
      rows = core.allElements
        .map((e) => ({
          e,
          target: core.store.targetOf(a, e.id),
          actions: actions.filter((x) => x.element === e.id),
        }))
        .filter((r) => r.target.stage || r.actions.length);
    if (!rows.length) return [];
    return [
      make("h2", { id: "tf-shared-plan" }, "Targets and actions"),
      rows.map((r) =>
        make(
          "div",
          { class: "tf-d-element", "data-shared-plan": r.e.id },
          make(
            "h3",
            {},
            r.e.title,
            r.target.stage ? ` · target ${core.targetText(r.target, "")}` : "",
          ),
          list(r.actions, (x) =>
            [
              x.text || "(no text)",
              x.owner && `owner: ${x.owner}`,
              x.due && `due ${x.due}`,
              core.STATUS[x.status].toLowerCase(),
            ]
              .filter(Boolean)
              .join(" · "),
          ),
        ),
      ),
    ];
  }
  /** @param {ExportData} data */
  function readOnly(data) {
    const x = data.assessment,
      a = store.readOnly(data);
    const rows = core.allElements.map(
      (e) => /** @satisfies {[TFElement, TFElementInfo]} */ ([e, core.info(a, e)]),
    );
    const done = rows.filter(([, r]) => r.counted != null).length;
    const cellOf = (/** @type {TFElementInfo} */ r) =>
      core.stageCell(r.counted) + (r.status === "suggested" ? " (suggested)" : "");
    return [
      make("h2", { id: "tf-shared-name" }, x.name),
      make(
        "p",
        {},
        `Shared ${core.when(data.exported)} · ${done} of ${core.allElements.length} elements assessed · ${x.ticked.length} indicators ticked. ` +
          "Read-only: these results are in this page's address only; nothing is saved in this browser unless you import them.",
      ),
      make(
        "div",
        { class: "tf-d-actions" },
        button(
          "Import into my browser",
          async () => {
            await core.importData(data, "a shared link", "the link");
          },
          "shared-import",
          "tf-btn--primary",
        ),
        make("a", { href: core.url(rubric.pages.dashboard) }, "Open my dashboard"),
      ),
      core.rubric.areas.map((area) => [
        make("h3", {}, area.title),
        core.heatTable(
          `${area.title}: shared stages`,
          rows.filter(([e]) => e.area === area),
          (e, r) => [
            {
              "data-shared": e.id,
              "data-stage": typeof r.counted === "number" ? r.counted : r.counted || "",
            },
            make("th", { scope: "row" }, make("a", { href: core.url(e.url) }, e.title)),
            make("td", {}, cellOf(r)),
          ],
        ),
      ]),
      sharedPlan(a),
      make("h2", { id: "tf-shared-details" }, "Ticked indicators and notes"),
      rows
        .filter(([e, r]) => r.notes || e.indicators.some((i) => core.ticked(a, i.id)))
        .map(([e, r]) =>
          make(
            "details",
            { class: "tf-d-element" },
            make("summary", {}, `${e.title} · ${cellOf(r)}`),
            list(
              e.indicators.filter((i) => core.ticked(a, i.id)),
              core.indicatorLine,
            ),
            r.notes && make("div", { class: "tf-d-notes" }, make("strong", {}, "Notes: "), r.notes),
          ),
        ),
    ];
  }
  core.pages["tf-shared"] = shared;
  core.share = { encode, decode, LinkError };
})();

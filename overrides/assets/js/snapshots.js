// Dated snapshots: the current assessment's stages and ticks frozen in one click, kept with the
// assessment (a.snaps, merged per snapshot like every other field), and each element's stage over
// time. Loaded on the dashboard only.
(() => {
  "use strict";
  const C = window.TF && window.TF.core;
  if (!C || C.snapshots) return;
  const { h, button, stageCell, snapshotsOf } = C;

  function take(a) {
    const t = C.now(),
      taken = new Date(t).toISOString(),
      stages = {};
    for (const e of C.ELS) {
      const c = C.info(a, e).c;
      if (c != null) stages[e.id] = c;
    }
    const ticked = Object.keys(a.ticks)
      .filter((id) => a.ticks[id][0])
      .sort();
    a.snaps = a.snaps || {};
    a.snaps[C.rid()] = [{ taken, stages, ticked }, t];
    C.commit();
    C.say(`Saved a snapshot of “${a.name[0]}” dated ${C.when(taken)}.`);
  }

  C.parts.unshift((a) => {
    const all = snapshotsOf(a);
    const out = [
      h("h2", { id: "tf-snapshots" }, "Snapshots over time"),
      h(
        "p",
        {},
        "A snapshot keeps today's counted stages and ticked indicators, dated, while the assessment goes on changing: " +
          "save one after each review meeting to see each element's progress.",
      ),
      h(
        "div",
        { class: "tf-d-actions" },
        button("Save a dated snapshot", () => take(a), "snapshot", "tf-btn--primary"),
      ),
    ];
    if (!all.length)
      return out.concat(h("p", { id: "tf-snapshot-none" }, `No snapshots of “${a.name[0]}” yet.`));
    out.push(
      h(
        "ul",
        { id: "tf-snapshot-list" },
        all.map((s) =>
          h(
            "li",
            { "data-snapshot": s.id },
            `${C.when(s.taken)} · ${Object.keys(s.stages).length} of ${C.ELS.length} elements assessed · ${s.ticked.length} indicators ticked `,
            button(
              ["Delete", h("span", { class: "tf-sr" }, ` the snapshot of ${C.when(s.taken)}`)],
              async () => {
                if (
                  !(await C.ask(
                    `Delete the snapshot of ${C.when(s.taken)}?`,
                    ["The assessment itself stays as it is."],
                    "Delete",
                  ))
                )
                  return;
                // Another tab may have written while we asked: its merge replaced this copy of the assessment.
                const b = C.byId(a.id);
                if (!b) return;
                (b.snaps = b.snaps || {})[s.id] = [null, C.now()];
                C.commit();
                C.say(`Deleted the snapshot of ${C.when(s.taken)}.`);
              },
              "snapshot-delete-" + s.id,
            ),
          ),
        ),
      ),
    );
    // Columns: each snapshot, then now; an arrow marks a move since the column before.
    const seen = {}; // two snapshots in one minute get told apart
    const cols = all
      .map((s) => {
        const day = C.when(s.taken),
          n = (seen[day] = (seen[day] || 0) + 1);
        return { label: n > 1 ? `${day} (${n})` : day, stage: (e) => s.stages[e.id] };
      })
      .concat({ label: "Now", stage: (e) => C.info(a, e).c });
    out.push(
      h("h3", { id: "tf-history-title" }, "Each element's counted stage over time"),
      h(
        "div",
        {
          class: "tf-d-scroll",
          tabindex: "0",
          role: "region",
          "aria-labelledby": "tf-history-title",
        },
        h(
          "table",
          { class: "tf-history", id: "tf-history" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, "Element"),
              cols.map((c) => h("th", { scope: "col" }, c.label)),
            ),
          ),
          h(
            "tbody",
            {},
            C.ELS.map((e) =>
              h(
                "tr",
                { "data-history": e.id },
                h("th", { scope: "row" }, h("a", { href: C.url(e.url) }, e.title)),
                cols.map((c, n) => {
                  const v = c.stage(e),
                    before = n ? cols[n - 1].stage(e) : undefined;
                  const move =
                    typeof v === "number" && typeof before === "number" && v !== before
                      ? v > before
                        ? "up"
                        : "down"
                      : "";
                  return h(
                    "td",
                    { class: move ? "tf-move-" + move : null },
                    stageCell(v),
                    move &&
                      h(
                        "span",
                        { class: "tf-move" },
                        move === "up" ? " ▲" : " ▼",
                        h("span", { class: "tf-sr" }, ` ${move} from ${stageCell(before)}`),
                      ),
                  );
                }),
              ),
            ),
          ),
        ),
      ),
    );
    return out;
  });
  C.snapshots = { take }; // also marks the module as loaded
})();

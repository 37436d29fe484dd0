// The files the self-assessment writes, pure (no DOM, no storage; loads under Node as it is,
// tests/node/): CSV for spreadsheets, and the work plan's CSV and iCalendar files.

/** CSV and iCalendar text, whatever the rows hold. */
function fileWriters() {
  "use strict";
  /** @param {unknown} v */
  const cell = (v) => {
    let s = v == null ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s; // never a formula
    return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  /** @param {unknown[][]} rows */
  const csvText = (rows) => "\ufeff" + rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
  // iCalendar (RFC 5545): CRLF line ends, lines folded at 75 octets without splitting a UTF-8
  // character, TEXT values escaped, one all-day event per dated action. TEXT allows no control
  // character but the tab (3.3.11): line ends are escaped, every other control is left out.
  /** @param {unknown} s */
  const icsText = (s) =>
    String(s)
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n|\u2028|\u2029/g, "\\n")
      .split("")
      .filter((c) => c === "\t" || !(c <= "\u001f" || (c >= "\u007f" && c <= "\u009f")))
      .join("");
  const utf8 = new TextEncoder();
  /** @param {string} line */
  function fold(line) {
    const parts = [];
    let part = "",
      size = 0,
      most = 75;
    for (const ch of line) {
      const n = utf8.encode(ch).length;
      if (size + n > most) {
        parts.push(part);
        part = "";
        size = 0;
        most = 74; // continuation lines start with one space
      }
      part += ch;
      size += n;
    }
    parts.push(part);
    return parts.join("\r\n ");
  }
  /** @param {string} day YYYY-MM-DD */
  const icsDate = (day) => day.replace(/-/g, "");
  /** @param {string} day YYYY-MM-DD */
  const nextDay = (day) => {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  };
  return { cell, csvText, icsText, fold, icsDate, nextDay };
}

/**
 * @typedef {ExportedAction & { e: { title: string, area: { title: string } } | null, overdue: boolean }} PlanRow
 *   an action as the plan lists it (plan.js rowsOf): with its element, null when the roadmap has none
 */
/**
 * The work plan's files (plan.js): its rows as CSV, its dated actions as an iCalendar feed.
 * @param {Pick<TFCore, "store" | "csvText">} core what assessment.js offers the modules (its store, csvText)
 * @param {Record<string, string>} STATUS an action's status as shown
 * @param {(r: any) => string} elementTitle a row's element as shown
 */
function planFiles(core, STATUS, elementTitle) {
  "use strict";
  const { icsText, fold, icsDate, nextDay } = fileWriters();
  /** @param {Assessment} a @param {PlanRow[]} rows */
  function csvOf(a, rows) {
    const head = [
      "Area",
      "Element id",
      "Element",
      "Action",
      "Owner",
      "Due",
      "Status",
      "Overdue",
      "Target stage",
      "Target date",
      "Works toward (indicator ids)",
    ];
    return core.csvText([
      head,
      ...rows.map((r) => {
        const target = core.store.targetOf(a, r.element);
        return [
          r.e ? r.e.area.title : "",
          r.element,
          elementTitle(r),
          r.text,
          r.owner,
          r.due,
          STATUS[r.status],
          r.overdue ? "yes" : "no",
          target.stage || "",
          target.date,
          r.indicators.join(" "),
        ];
      }),
    ]);
  }

  /**
   * @param {Assessment} a @param {PlanRow[]} rows
   * @param {string} stamp now, an ISO time @param {string} host the site's, for unique ids
   */
  function icsOf(a, rows, stamp, host) {
    const lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Task Force Roadmap//Work plan//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      `X-WR-CALNAME:${icsText(`Work plan: ${core.store.planTextOf(a, "taskForce") || core.store.nameOf(a)}`)}`,
    ];
    const dtstamp = stamp.replace(/[-:]/g, "").replace(/\.[0-9]+/, "");
    for (const r of rows.filter((x) => x.due)) {
      // An all-day event ends the next day; past 9999-12-31 there is no date to write, and an
      // event without an end lasts its one day (RFC 5545, 3.6.1).
      const end = icsDate(nextDay(r.due));
      lines.push(
        "BEGIN:VEVENT",
        `UID:${a.id}-${r.id}@${host || "task-force-roadmap"}`,
        `DTSTAMP:${dtstamp}`,
        `DTSTART;VALUE=DATE:${icsDate(r.due)}`,
        ...(/^[0-9]{8}$/.test(end) ? [`DTEND;VALUE=DATE:${end}`] : []),
        `SUMMARY:${icsText(`Due: ${r.text}`)}`,
        `DESCRIPTION:${icsText(
          [
            `Element: ${elementTitle(r)}`,
            r.owner && `Owner: ${r.owner}`,
            `Status: ${STATUS[r.status]}`,
          ]
            .filter(Boolean)
            .join("\n"),
        )}`,
        "TRANSP:TRANSPARENT",
        r.status === "dropped" ? "STATUS:CANCELLED" : "STATUS:CONFIRMED",
        "END:VEVENT",
      );
    }
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }
  return { csvOf, icsOf };
}

// Globals in a browser's classic script already; under Node's require, made ones.
Object.assign(globalThis, { fileWriters, planFiles });

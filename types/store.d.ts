// The saved document's types (store-format.js reads, checks and merges it; store.js and
// store-copies.js write it). Declared here, not as JSDoc typedefs in store-format.js, so that every
// file sees them whatever order tsc reads the files in.

/** A value and the (logical) time it was written. */
type Rec<T> = [T, number];
/** A stage number (1..stages.length) or not applicable. */
type Stage = number | "na";
/**
 * s: chosen stage, n: notes, r: the element's indicator signature when first answered,
 * t: target stage, d: target date (YYYY-MM-DD or "").
 */
interface ElementRecord {
  s?: Rec<Stage | null>;
  n?: Rec<string>;
  r?: Rec<string | null>;
  t?: Rec<number | null>;
  d?: Rec<string>;
}
type ActionStatus = "not-started" | "in-progress" | "done" | "dropped";
interface ActionValue {
  element: string;
  text: string;
  owner: string;
  due: string;
  status: ActionStatus;
  indicators: string[];
  created: string;
}
type ActionRecord = { [K in keyof ActionValue]?: Rec<ActionValue[K]> } & { removed?: Rec<0 | 1> };
type ExportedAction = ActionValue & { id: string };
interface SnapshotValue {
  taken: string;
  stages: Record<string, Stage>;
  ticked: string[];
  targets?: Record<string, number>;
  actions?: { done: number; all: number };
}
interface Assessment {
  id: string;
  created: Rec<string>;
  name: Rec<string>;
  del: Rec<0 | 1>;
  ticks: Record<string, Rec<0 | 1>>;
  els: Record<string, ElementRecord>;
  exp: Rec<string | null>;
  snaps: Record<string, Rec<SnapshotValue | null>>;
  acts: Record<string, ActionRecord>;
  taskForce: Rec<string>;
  people: Rec<string>;
}
/**
 * Why the last write failed: storage full, refused by the browser (blocked meanwhile, or an
 * error), a document this store would not read back, or unreadable data it could not set aside.
 */
type FailCause = "" | "full" | "refused" | "unreadable" | "stuck";
interface StoredDocument {
  schema: 1;
  cur: Rec<string>;
  list: Record<string, Assessment>;
}
interface ExportedElement {
  stage: Stage | null;
  notes: string;
  reviewed?: string;
  target?: number;
  targetDate?: string;
}
type ExportedSnapshot = SnapshotValue & { id: string };
interface ExportData {
  format: string;
  schema: 1 | 2;
  rubric: string;
  exported: string;
  assessment: {
    id: string;
    name: string;
    created: string;
    ticked: string[];
    elements: Record<string, ExportedElement>;
    snapshots?: ExportedSnapshot[];
    actions?: ExportedAction[];
    taskForce?: string;
    people?: string;
  };
}
/**
 * A copy the store keeps so a destructive action can be undone (store-tabs.js owns them): what the
 * bar says, what Undo says when done, and what it puts back. `at` is the store's clock just after
 * the action: what was written later is kept on undo.
 */
interface UndoOffer {
  id: string;
  text: string;
  done: string;
  until: number;
  at: number;
  mode: string;
  gen: string;
  list?: unknown[];
  select?: string;
  snapshot?: [string, string, unknown];
  /** The undo of "Delete everything": its copies are of what the document no longer holds. */
  everything?: boolean;
}
/** What a share link may leave out (share-codec.js): an import over the same assessment keeps it. */
type LeftOut = "notes" | "owners" | "people" | "taskForce" | "actions";

// What the self-assessment's page files share: window.TF.core (TFCore). assessment.js builds its
// base (TFCoreBase); each module the loader brings adds its part (TFCoreParts), in the order
// checklist.py's PAGE_CODE asks for, so a module may use what the modules before it added.
// Helpers defined by a named factory (assessment-rules.js, assessment-dom.js, store.js) are typed
// from that factory, so the two cannot drift apart; the rest are declared here and linked from
// the JavaScript with @type / @returns.

type TFRules = ReturnType<typeof assessmentRules>;
type TFDom = ReturnType<typeof assessmentDom>;
/** What make() takes as children: text, nodes, or arrays of them; null and false left out. */
type TFKid = Node | string | number | null | undefined | false | TFKid[];
/** A target as the store keeps it: a stage (or none) and a day (YYYY-MM-DD, or ""). */
interface TFTarget {
  stage: number | null;
  date: string;
}
/** An element as its own page carries it (assessment-checklist.js): no URL, no area. */
type TFElementHere = Omit<TFElement, "url" | "area">;
/** A message shown above a page's view. */
interface TFMessage {
  text: string;
  error?: boolean;
}

/** One element's answers in one assessment, as the views draw them (assessment.js's info()). */
interface TFElementInfo {
  /** Per stage: [indicators ticked, indicators in all]. */
  per: [number, number][];
  chosen: Stage | null;
  notes: string;
  suggested: number | null;
  counted: Stage | null;
  status: "na" | "chosen" | "suggested" | "none";
  /** The next stage's indicators not yet ticked (none once the last stage or N/A is counted). */
  next: TFIndicator[];
  /** Answered before the element's indicators changed: to review. */
  flagged: boolean;
}

/** What a destructive action offers to undo (the store stamps it: store-undo.js). */
type TFUndoOffer = Omit<UndoOffer, "id" | "until" | "at" | "mode" | "gen">;

/** An element and its answers: a row of the tables that list every element. */
type TFElementRow = [TFElement, TFElementInfo];
/** A work plan's row: an action with its element (null when not in this roadmap). */
type TFPlanRow = ExportedAction & { e: TFElement | null; overdue: boolean };
/** A row of the targets' table: an element, its answers, its target and that target's state. */
interface TFTargetRow {
  e: TFElement;
  x: TFElementInfo;
  target: TFTarget;
  state: keyof TFRules["TARGET_STATE"] | null;
}

/** What assessment.js builds. */
/** How a field is bound to the record shown when it took the focus (assessment-notes.js bindEditor). */
interface TFEditorBinding {
  event: "input" | "change";
  /** The field, for people ("The action's owner"). */
  what: string;
  /** The id of the record the page shows now. */
  shown(): string;
  /** Whether a record is still there. */
  exists(id: string): boolean;
  /** Saves a value into a record. */
  write(id: string, value: string): void;
  /** The field as a record stores it, to show another tab's change instead of overwriting it. */
  read?(id: string): string;
}
type TFEditorControl = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

interface TFCoreBase {
  rubric: TFRubric;
  RULE: string;
  /** The whole rubric as a model: filled by listing.js; on an element page, only its indicators. */
  allElements: TFElement[];
  elementById: Record<string, TFElement>;
  indicatorById: Record<string, TFIndicator>;
  store: Store;
  MODES: Record<Mode, string>;
  make: TFDom["make"];
  button: TFDom["button"];
  list: TFDom["list"];
  replaceIfChanged: TFDom["replaceIfChanged"];
  download: TFDom["download"];
  url(path: string): string;
  stageName: TFRules["stageName"];
  stageCell: TFRules["stageCell"];
  targetText: TFRules["targetText"];
  dayText: TFRules["dayText"];
  today: TFRules["today"];
  localDay: TFRules["localDay"];
  localTime: TFRules["localTime"];
  TARGET_STATE: TFRules["TARGET_STATE"];
  targetState: TFRules["targetState"];
  /** A target stage picker's options, "No target" first. */
  targetOptions(selected: number | null): HTMLElement[];
  /** An action's status as shown, by the store's key. */
  STATUS: Record<string, string>;
  warnings(): HTMLElement[];
  info(a: Assessment, e: TFElementHere): TFElementInfo;
  ticked(a: Assessment, id: string): boolean;
  current(): Assessment;
  nextSteps(
    x: TFElementInfo,
    href: (i: TFIndicator) => string,
    extra?: (i: TFIndicator) => TFKid,
  ): HTMLElement;
  refresh(): void;
  /** Draws root from draw(region) now and on every change. */
  mountView(root: Element, draw: (region: HTMLElement) => TFKid[]): void;
  wipeSession(): void;
  /** An editor bound to the record it was opened for (assessment-notes.js). */
  bindEditor(control: TFEditorControl, o: TFEditorBinding): void;
  offerUndo(what: TFUndoOffer): void;
  /** The data page's parts after its own (share links, snapshots), each drawn for an assessment. */
  parts: ((a: Assessment) => TFKid)[];
  /** Each page's start, by its root's id. */
  pages: Record<string, (root: HTMLElement) => void>;
  firstVisit(): boolean;
  overviewParts(): Promise<void>;
  focusAfter(k: string): void;
  setMessage(text: string | null, error?: boolean): void;
  say(text: string | null, error?: boolean): void;
}

/** What the modules add, each once the loader has run it. */
interface TFCoreParts {
  // listing.js: what the pages that list every element share; it joins the whole rubric (areas).
  rubric: TFRubric & { areas: TFArea[] };
  toAnchor(): void;
  when(iso: string): string;
  stageText(c: Stage | null | undefined): string;
  indicatorLine(i: TFIndicator): string;
  targetNodes(t: TFTarget, none: TFKid): TFKid;
  clip(s: string, most: number): string;
  fileName(prefix: string, a: Assessment, fallback: string, ext: string): string;
  kept(a: Assessment): string[];
  csvText: ReturnType<typeof fileWriters>["csvText"];
  csvStage(v: Stage | null | undefined): string | number;
  CSV_LEAD: string[];
  csvElementLead(e: TFElement): (string | number)[];
  csvIndicatorLead(e: TFElement, i: TFIndicator): (string | number)[];
  heatTable<R extends [TFElement, TFElementInfo, ...unknown[]]>(
    label: string,
    rows: R[],
    lead: (
      e: TFElement,
      x: TFElementInfo,
      row: NoInfer<R>,
    ) => [Record<string, unknown>, ...TFKid[]],
    extra?: string[],
    caption?: string,
  ): HTMLElement;
  table(label: string, head: TFKid[], body: TFKid, attrs?: Record<string, unknown>): HTMLElement;
  summary(problems: string[]): string;
  importData(data: ExportData, from: string, what?: string): Promise<boolean>;
  /** A modal dialog: true (or, with a value to edit, the name typed) on OK, null on Cancel. */
  ask(title: string, lines: TFKid[], okText: string): Promise<true | null>;
  ask(title: string, lines: TFKid[], okText: string, value: string): Promise<string | null>;
  // assessments.js: the named assessments' picker.
  assessmentBar(a: Assessment, all: Assessment[], extra?: TFKid[]): HTMLElement;
  /** backup: where the export is (null on the page that has it). */
  statusBox(a: Assessment, region: HTMLElement, backup: string | null): HTMLElement;
  importField(): HTMLElement;
  optionText(b: Assessment, all: Assessment[]): string;
  // actions.js: the target and actions editor.
  planPanel(container: HTMLElement, a: Assessment, e: TFElementHere, x: TFElementInfo): void;
  addAction(assessmentId: string, eid: string, text: string, indicators: string[]): void;
  targetsPart(a: Assessment, rows: TFElementRow[]): TFKid[];
  // plan.js: the work plan over plain data, which the report uses too.
  plan: {
    rowsOf(a: Assessment, day: string): TFPlanRow[];
    elementTitle(r: TFPlanRow): string;
    OPEN: Set<string>;
    gapsOf(rows: TFTargetRow[]): (TFTargetRow & { gap: number })[];
  };
  // consensus-proposals.js: members' proposed targets and actions.
  teamProposals(team: TFTeam): TFTeamProposals;
  // share.js: share links.
  share: Pick<ReturnType<typeof shareCodec>, "encode" | "decode" | "LinkError">;
  // snapshots.js
  snapshots: { take(a: Assessment): void };
  // undo.js
  undo: { bar(): HTMLElement | null };
}

/** A team member: an assessment read from a file (consensus.js). */
interface TFMember {
  /** Names the member's proposed actions while members come and go. */
  n: number;
  name: string;
  file: string;
  a: Assessment;
  /** The member's answers as read, to skip a second copy of the same file. */
  key: string;
}
/** Members' proposals for one element: their targets (in members' order) and actions. */
interface TFProposal {
  e: TFElement;
  targets: TFTarget[];
  actions: TFProposedAction[];
}
/** An action proposed by one or more members in the same words. */
interface TFProposedAction {
  key: string;
  action: ExportedAction;
  by: TFMember[];
}
/** The team page's members, as consensus-proposals.js reads them. */
interface TFTeam {
  members: TFMember[];
  label(m: TFMember): string;
  hidden(): boolean;
  /** Marks the page unsaved (the "leave page?" prompt). */
  changed(): void;
}
interface TFTeamProposals {
  proposals(): TFProposal[];
  /** The agreed target: the facilitator's, else most members'. */
  targetOf(p: TFProposal): TFTarget;
  isPicked(g: TFProposedAction): boolean;
  part(): HTMLElement[];
}

/**
 * The store where store-copies.js has extended it: on the pages PAGE_CODE gives the store's
 * copies (export, import, undo, snapshots), in the modules loaded after it there.
 */
type TFStoreWithCopies = ReturnType<typeof openAssessmentStore> &
  ReturnType<typeof openStoreCopies>;

/** The core as assessment.js holds it: each part there once its module has run. */
type TFCoreSoFar = TFCoreBase & Partial<Omit<TFCoreParts, "rubric">>;

/** window.TF.core, as the modules see it: the loader has run every module they use before them. */
type TFCore = TFCoreBase & TFCoreParts;

/** window.TF: core for the modules; the rule, the import checks and the current export for tests. */
interface TFTesting {
  suggest: TFRules["suggest"];
  counted: TFRules["counted"];
  validate(
    data: unknown,
  ): ReturnType<Store["validateExport"]> | Promise<ReturnType<Store["validateExport"]>>;
  exportData(): ExportData | Promise<ExportData>;
  key: string;
  core: TFCore;
}

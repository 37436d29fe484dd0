// Globals the browser code finds on window: Material for MkDocs' bundle and the rubric data the
// build generates (hooks/taskforce_roadmap/checklist.py). The store's type comes from store.js.

/** The rubric as checklist_data() emits it; rubric_head() (every page) lacks the areas. */
interface TFIndicator {
  id: string;
  stage: number;
  text: string;
  /** Its element: linked by listing.js at load, or by assessment-checklist.js on an element page. */
  el?: TFElementHere;
}
interface TFElement {
  id: string;
  title: string;
  url: string;
  sig: string;
  indicators: TFIndicator[];
  /** Its area: linked by listing.js as it loads, before any page code reads it. */
  area: TFArea;
}
interface TFArea {
  id: string;
  title: string;
  url: string;
  elements: TFElement[];
}
interface TFRubric {
  version: string;
  order: string;
  title: string;
  /** The roadmap's own caution, quoted word for word (roadmap.yml's first important note). */
  caution: string;
  stages: { n: number; name: string }[];
  pages: Record<
    "dashboard" | "team" | "shared" | "data" | "plan" | "report" | "privacy" | "schema",
    string
  >;
  /** Where the whole rubric is (tf-rubric.js), relative to the site root. */
  whole: string;
  /** The start of every key the store writes (checklist.py's STORAGE_PREFIX). */
  storage: string;
  /** The checklist's code, loaded in this order by assessment-loader.js, relative to the site root. */
  code: string[];
  /** What loads where (checklist.py's PAGE_CODE, WITH_ANSWERS): module names, in order. */
  modules: {
    /** By a page root's id: what it runs after the checklist's code. */
    pages: Record<string, string[]>;
    /** By a page root's id: what it adds once something is assessed. */
    withAnswers: Record<string, string[]>;
    /** The store's export, import, undo and snapshots. */
    copies: string;
  };
  /** Only once tf-rubric.js has loaded (listing.js). */
  areas?: TFArea[];
}

/** Which modules each page runs, and where they are (assessment-loader.js). */
interface TFCode {
  /** A page's modules (by its root's id), in the order they run; `answers`: with what they draw. */
  modules(page: string, answers: boolean): string[];
  /** What the dashboard's overview adds, once something is assessed. */
  overviewParts: string[];
  /** The store's export, import, undo and snapshots. */
  copies: string;
  url(name: string): string;
  /** A module by name (see modules), loaded once, run in the order asked for. */
  need(name: string): Promise<void>;
  /** Whether a module asked for has arrived and run. */
  arrived(name: string): boolean;
  /** What was asked of a page before its code arrived: a button's id ("" if none), files dropped. */
  takePending(): { clicked: string; dropped: File[] };
  /** Ticks made before the checklist's code bound the boxes, oldest first; taken once. */
  takeTicks(): { i: string; e: string; s: string; on: boolean }[];
}

interface Window {
  TF_RUBRIC?: TFRubric;
  TF_CODE?: TFCode;
  TF_STORE?: Store;
  /** The self-assessment's shared helpers (types/core.d.ts), and what tests ask of it. */
  TF?: TFTesting;
  /** Material's instant-navigation observable: fires on every page view. */
  document$?: { subscribe(fn: () => void): unknown };
  /** Material's scope for storage keys: the site root. */
  __md_scope?: URL;
}

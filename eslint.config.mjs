// ESLint for the site's browser code: the recommended rules, plain scripts in a browser.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["overrides/assets/vendor/**"] },
  js.configs.recommended,
  {
    files: ["overrides/assets/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      // Classic scripts, never ES modules: Chromium refuses module scripts from file://, where the
      // offline edition is opened. Each file registers what it offers on a global instead.
      sourceType: "script",
      globals: {
        ...globals.browser,
        // Material for MkDocs' bundle: the instant-navigation observable.
        document$: "readonly",
      },
    },
  },
  {
    // One job per file, small functions (docs: DESIGN.md, "Browser code shape"). Code lines only;
    // module wrappers aside: IIFEs are not counted, and each factory that is a file's scope says so
    // where it starts.
    files: ["overrides/assets/js/**/*.js"],
    rules: {
      "max-lines": ["error", { max: 500, skipBlankLines: true, skipComments: true }],
      "max-lines-per-function": [
        "error",
        { max: 80, skipBlankLines: true, skipComments: true, IIFEs: false },
      ],
    },
  },
  // Known debt: drawing functions not yet broken into named sub-views. Each file may keep its
  // longest function (and its length) as it is today, no longer; lower the figure as they shrink.
  ...Object.entries({
    // dashboard.js, now the summary (its tools in data.js): the longest function 160.
    "dashboard.js": [160],
    // consensus.js: draw 241, proposalsPart 111 (its proposals list 87); the file 598.
    "consensus.js": [241, 598],
    "plan.js": [149], // draw
    "report.js": [164], // report
  }).map(([file, [longest, lines]]) => ({
    files: [`overrides/assets/js/${file}`],
    rules: {
      "max-lines-per-function": [
        "error",
        { max: longest, skipBlankLines: true, skipComments: true, IIFEs: false },
      ],
      ...(lines && {
        "max-lines": ["error", { max: lines, skipBlankLines: true, skipComments: true }],
      }),
    },
  })),
  {
    // The Node unit tests of the pure modules (node --test tests/node/): CommonJS, Node's globals.
    files: ["tests/node/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: { ...globals.node },
    },
  },
];

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

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
      sourceType: "script",
      globals: {
        ...globals.browser,
        // Material for MkDocs' bundle: the instant-navigation observable.
        document$: "readonly",
      },
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

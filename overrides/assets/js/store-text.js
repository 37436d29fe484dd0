// Text as people type it, pure (no DOM, no storage; loads under Node as it is, tests/node/): the
// one form the store keeps of what is typed or imported, so that a name typed three ways is one
// name. Loaded with store.js, before it; assessment-dom.js keeps fields equal to it as people type.

/** The store's rules for text. */
function storeText() {
  "use strict";
  // Format characters that show nothing: soft hyphen, Arabic letter mark, Mongolian vowel
  // separator, zero-width space, LRM and RLM, the bidi embeddings, overrides and isolates, word
  // joiner and invisible operators, and the BOM. ZWJ and ZWNJ are judged by their neighbours.
  const INVISIBLE =
    /[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;
  /** @param {string} c one code point @returns {boolean} a C0 or C1 control, or DEL */
  const isControl = (c) => c <= "\u001f" || (c >= "\u007f" && c <= "\u009f");
  /** @param {string} s @param {string} keep the controls kept */
  const dropControls = (s, keep) =>
    [...s].filter((c) => !isControl(c) || keep.includes(c)).join("");
  // ZWJ and ZWNJ change how letters of some scripts join (Persian, the Indic scripts) and make
  // emoji sequences: kept between two such characters, dropped anywhere else (between Latin
  // letters, at either end).
  const JOINED = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]/u,
    LETTER = /[\p{L}\p{M}]/u,
    PLAIN = /[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;
  /** @param {string | undefined} c */
  const joins = (c) => !!c && (JOINED.test(c) || (LETTER.test(c) && !PLAIN.test(c)));
  /** @param {string} s */
  function dropJoiners(s) {
    if (!/[\u200C\u200D]/.test(s)) return s;
    const cps = [...s];
    return cps
      .filter(
        (c, k) => (c !== "\u200C" && c !== "\u200D") || (joins(cps[k - 1]) && joins(cps[k + 1])),
      )
      .join("");
  }
  // One form per character (NFC: "José" typed with a combining accent is "José" typed whole),
  // made last, so that an accent freed of what stood between it and its letter joins it too.
  // A name (of an assessment, an owner, the task force) also loses every invisible character and
  // every control: it is one line, and two names that look the same are the same.
  /** @param {string} s @returns {string} a name as it is kept */
  const cleanName = (s) => dropJoiners(dropControls(s, "").replace(INVISIBLE, "")).normalize("NFC");
  // A longer text (notes, an action, "who took part") keeps what a script needs to wrap (the
  // zero-width space of Thai) and its tabs and line ends (one kind), and loses other controls and
  // BOMs, which no file the site writes may carry.
  /** @param {string} s @returns {string} a text as it is kept */
  const cleanText = (s) =>
    dropControls(s.replace(/\r\n?/g, "\n"), "\t\n")
      .replace(/\uFEFF/g, "")
      .normalize("NFC");
  // Limits count characters (code points), as JSON Schema's maxLength does.
  /** @param {string} s @param {number} max @returns {string} at most max characters */
  const clip = (s, max) => ([...s].length > max ? [...s].slice(0, max).join("") : s);
  return { cleanName, cleanText, clip };
}

// A global in a browser's classic script already; under Node's require, made one.
Object.assign(globalThis, { storeText });

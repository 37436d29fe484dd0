// DOM helpers for the self-assessment's views: elements made from data (text only through
// textContent and attributes, never HTML), buttons, lists, redraws that leave unchanged text alone,
// and downloads.
/* exported assessmentDom */

/** @param {(s: string) => number} chars the store's count of characters, as its limits count them */
function assessmentDom(chars) {
  "use strict";
  // Limits count characters (code points), as an import does; a browser's maxlength counts UTF-16
  // units, so an emoji would count twice. `chars: n` on a text field allows n characters of any
  // kind: maxlength leaves room for n of the widest, and input past n is trimmed where it was typed.
  /** @param {HTMLInputElement | HTMLTextAreaElement} field @param {number} limit */
  function limitChars(field, limit) {
    field.maxLength = 2 * limit;
    const trim = () => {
      const over = chars(field.value) - limit;
      if (over <= 0) return;
      const caret = field.selectionEnd == null ? field.value.length : field.selectionEnd;
      const typed = [...field.value.slice(0, caret)];
      const kept = typed.slice(0, Math.max(0, typed.length - over)).join("");
      field.value = kept + field.value.slice(caret);
      field.setSelectionRange(kept.length, kept.length);
    };
    field.addEventListener("input", trim, true); // capture: before the field's own listeners write
  }
  /**
   * An element with attributes (`on`: listeners; `chars`: a limit in characters; value, checked
   * and selected as properties) and children (text or nodes; null and false left out).
   * @template {keyof HTMLElementTagNameMap} K the tag, which gives the element's type
   * @param {K} tag @param {Record<string, any> | null} [attrs] @param {any[]} kids
   * @returns {HTMLElementTagNameMap[K]}
   */
  function make(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === "chars") limitChars(/** @type {HTMLInputElement} */ (el), v);
      else if (k === "on")
        for (const [type, fn] of Object.entries(v)) el.addEventListener(type, fn);
      else if (k === "value" || k === "checked" || k === "selected") /** @type {any} */ (el)[k] = v;
      else el.setAttribute(k, v === true ? "" : v);
    }
    el.append(...kids.flat(9).filter((kid) => kid != null && kid !== false));
    return el;
  }
  /** @param {any} text @param {(ev: Event) => void} fn @param {string | null} [k] @param {string} [cls] */
  const button = (text, fn, k, cls) =>
    make(
      "button",
      { type: "button", class: "tf-btn " + (cls || ""), "data-k": k, on: { click: fn } },
      text,
    );
  /** @template T @param {T[]} items @param {(x: T) => any} fn */
  const list = (items, fn) =>
    make(
      "ul",
      {},
      items.map((x) => make("li", {}, fn(x))),
    );
  // Replace only changed text: live regions stay quiet, focus stays.
  /** @param {Element} el @param {any[]} kids */
  const replaceIfChanged = (el, ...kids) => {
    const t = make("div", {}, kids);
    if (t.textContent !== el.textContent) el.replaceChildren(...t.childNodes);
  };
  /** @param {string} name @param {string} type @param {string} text */
  function download(name, type, text) {
    const href = URL.createObjectURL(new Blob([text], { type }));
    make("a", { href, download: name }).click();
    setTimeout(() => URL.revokeObjectURL(href), 10000);
  }
  return {
    make,
    button,
    list,
    replaceIfChanged,
    download,
  };
}

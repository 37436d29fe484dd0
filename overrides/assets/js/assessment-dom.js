// DOM helpers for the self-assessment's views: elements made from data (text only through
// textContent and attributes, never HTML), buttons, lists, redraws that leave unchanged text alone,
// and downloads.
/* exported assessmentDom */

// What a text or date field holds is what the store keeps, and what it did not keep is said.
/**
 * @param {(s: string) => number} chars the store's count of characters, as its limits count them
 * @param {(x: unknown) => boolean} isDay the store's check of a date it keeps
 * @param {string} days the dates it keeps, said ("0001-01-01 to 9999-12-31")
 */
function fieldRules(chars, isDay, days) {
  "use strict";
  // What a field did not keep is said right under it, until the field holds what it shows again.
  /** @type {WeakMap<HTMLElement, HTMLElement>} */
  const notes = new WeakMap();
  /** @param {HTMLElement} field @param {string | null} text */
  function note(field, text) {
    const id = `${field.id || "tf-field"}-note`;
    let p = notes.get(field);
    if (!text) {
      if (p) p.remove();
      notes.delete(field);
      if (field.getAttribute("aria-describedby") === id) field.removeAttribute("aria-describedby");
      return;
    }
    if (!p) {
      notes.set(field, (p = document.createElement("p")));
      p.className = "tf-a-count tf-a-limit";
      p.id = id;
      p.setAttribute("role", "status");
      field.after(p);
    }
    if (p.textContent !== text) p.textContent = text;
    if (!field.hasAttribute("aria-describedby")) field.setAttribute("aria-describedby", id);
  }
  // Limits count characters (code points), as an import does; a browser's maxlength counts UTF-16
  // units, so an emoji would count twice. `chars: n` on a text field allows n characters of any
  // kind: maxlength leaves room for n of the widest, and input past n is trimmed where it was typed.
  /** @param {HTMLInputElement | HTMLTextAreaElement} field @param {number} limit */
  function limitChars(field, limit) {
    field.maxLength = 2 * limit;
    const trim = () => {
      const over = chars(field.value) - limit;
      if (over < 0) return note(field, null);
      note(
        field,
        over
          ? `Cut at ${limit.toLocaleString("en-US")} characters, the most this field keeps: the last ${over.toLocaleString("en-US")} characters typed or pasted were not kept.`
          : `${limit.toLocaleString("en-US")} of ${limit.toLocaleString("en-US")} characters: the most this field keeps.`,
      );
      if (over === 0) return;
      const caret = field.selectionEnd == null ? field.value.length : field.selectionEnd;
      const typed = [...field.value.slice(0, caret)];
      const kept = typed.slice(0, Math.max(0, typed.length - over)).join("");
      field.value = kept + field.value.slice(caret);
      field.setSelectionRange(kept.length, kept.length);
    };
    field.addEventListener("input", trim, true); // capture: before the field's own listeners write
  }
  // `clean: fn` keeps a field's text as the store keeps it (NFC, nothing invisible), so that the
  // field shows what is saved. Never while an input method composes: that would cut it short.
  /** @param {HTMLInputElement | HTMLTextAreaElement} field @param {(s: string) => string} clean */
  function cleanField(field, clean) {
    const tidy = (/** @type {Event} */ ev) => {
      if (/** @type {InputEvent} */ (ev).isComposing) return;
      const v = field.value,
        c = clean(v);
      if (c === v) return;
      const end = field.selectionEnd == null ? v.length : field.selectionEnd;
      const at = clean(v.slice(0, end)).length;
      field.value = c;
      field.setSelectionRange(at, at);
      if (ev.type === "compositionend") field.dispatchEvent(new Event("input", { bubbles: true }));
    };
    field.addEventListener("input", tidy, true); // before the limit and the field's own listeners
    field.addEventListener("compositionend", tidy);
  }
  // `day: true` on a date field: a date the store cannot keep (a five-digit year, an unfinished
  // date) is not saved, and the field says so, instead of showing one date while another is kept.
  /** @param {HTMLInputElement} field */
  function dayField(field) {
    field.min = "0001-01-01";
    field.max = "9999-12-31";
    const check = (/** @type {Event} */ ev) => {
      const bad = field.validity.badInput || (field.value !== "" && !isDay(field.value));
      note(
        field,
        bad
          ? `Not saved: this date field keeps dates from ${days}, with every part filled in. The date saved before stays until you correct it.`
          : null,
      );
      if (bad) ev.stopImmediatePropagation(); // the field's own listener would save it
    };
    field.addEventListener("change", check, true);
    field.addEventListener("input", check, true);
  }
  return { limitChars, cleanField, dayField };
}

/**
 * @param {(s: string) => number} chars the store's count of characters, as its limits count them
 * @param {(x: unknown) => boolean} isDay the store's check of a date it keeps
 * @param {string} days the dates it keeps, said ("0001-01-01 to 9999-12-31")
 */
function assessmentDom(chars, isDay, days) {
  "use strict";
  const { limitChars, cleanField, dayField } = fieldRules(chars, isDay, days);
  /**
   * An element with attributes (`on`: listeners; `chars`: a limit in characters; `clean`: how its
   * text is kept; `day`: a date the store keeps; value, checked and selected as properties) and
   * children (text or nodes; null and false left out).
   * @template {keyof HTMLElementTagNameMap} K the tag, which gives the element's type
   * @param {K} tag @param {Record<string, any> | null} [attrs] @param {any[]} kids
   * @returns {HTMLElementTagNameMap[K]}
   */
  function make(tag, attrs, ...kids) {
    const el = document.createElement(tag);
    // Cleaned first, so that the limit counts the text as it is kept.
    if (attrs && attrs.clean) cleanField(/** @type {HTMLInputElement} */ (el), attrs.clean);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false || k === "clean") continue;
      if (k === "chars") limitChars(/** @type {HTMLInputElement} */ (el), v);
      else if (k === "day") dayField(/** @type {HTMLInputElement} */ (el));
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

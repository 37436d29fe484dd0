// Reader experience: "copy link" controls on stage headings and indicators, and highlighting of
// the target a shared link opens. Runs on every page view, including instant navigation.
(() => {
  "use strict";
  const LINK_ICON =
    "M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7a5 5 0 0 0-5 5 5 5 0 0 0 5 5h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1M8 13h8v-2H8zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4a5 5 0 0 0 5-5 5 5 0 0 0-5-5";

  function announcer() {
    let region = document.getElementById("tf-announce");
    if (!region) {
      region = document.createElement("div");
      region.id = "tf-announce";
      region.className = "tf-sr";
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      document.body.append(region);
    }
    return region;
  }

  function icon() {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", LINK_ICON);
    svg.append(path);
    return svg;
  }

  /** @param {string} text */
  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Clipboard API refused (insecure origin, file://, no permission): the old way.
      const field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.className = "tf-sr";
      document.body.append(field);
      field.select();
      let ok;
      try {
        ok = document.execCommand("copy");
      } catch {
        ok = false;
      }
      field.remove();
      return ok;
    }
  }

  /** @param {Element} target what the link is to @param {string} what how the label names it @param {boolean} [compact] */
  function linkButton(target, what, compact) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = compact ? "tf-copy tf-copy--compact" : "tf-copy";
    button.dataset.copyFor = target.id;
    button.setAttribute("aria-label", `Copy link to ${what}`);
    button.title = "Copy a link to this";
    const label = document.createElement("span");
    label.textContent = "Copy link";
    button.append(icon(), label);
    button.addEventListener("click", async () => {
      const url = new URL(`#${target.id}`, location.href).href;
      const ok = await copy(url);
      history.replaceState(history.state, "", `#${target.id}`);
      highlight();
      announcer().textContent = ok ? `Link copied: ${url}` : `Copy this link: ${url}`;
      button.dataset.copied = "";
      label.textContent = ok ? "Copied" : "Copy failed";
      setTimeout(() => {
        delete button.dataset.copied;
        label.textContent = "Copy link";
      }, 2000);
    });
    return button;
  }

  // history.pushState (instant navigation) does not update :target, so mark it ourselves.
  function highlight() {
    document.querySelectorAll(".tf-target").forEach((el) => el.classList.remove("tf-target"));
    let id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      return; // a malformed escape in a crafted link names no indicator
    }
    const target = id && document.getElementById(id);
    if (!target) return;
    const marked = target.matches(".tf-stage > h3") ? target.parentElement : target;
    if (marked && marked.matches("li[data-indicator], .tf-stage"))
      marked.classList.add("tf-target");
  }

  function enhance() {
    for (const heading of document.querySelectorAll(".tf-stage > h3[id]")) {
      if (heading.querySelector(".tf-copy")) continue;
      heading.append(linkButton(heading, heading.textContent.replace("¶", "").trim()));
    }
    for (const item of document.querySelectorAll("li[data-indicator]")) {
      if (item.querySelector(":scope > .tf-copy")) continue;
      item.append(linkButton(item, "this indicator", true));
    }
    highlight();
  }

  window.addEventListener("hashchange", highlight);
  if (window.document$) window.document$.subscribe(enhance);
  else document.addEventListener("DOMContentLoaded", enhance);
})();

// The header's menu button, which opens Material's navigation drawer, from the keyboard: Material
// makes it a bare <label>, reachable only by pointer. It shows below 1220 px on every page and up
// to 1700 px on element pages, whose stages take the sidebar's room (roadmap.css).
(() => {
  "use strict";
  const BUTTON = 'label.md-header__button[for="__drawer"]';

  const toggle = () => /** @type {HTMLInputElement | null} */ (document.getElementById("__drawer"));
  const button = () => /** @type {HTMLElement | null} */ (document.querySelector(BUTTON));

  function reflect() {
    const menu = button();
    const drawer = toggle();
    if (menu && drawer) menu.setAttribute("aria-expanded", String(drawer.checked));
  }

  function label() {
    const menu = button();
    if (!menu) return;
    menu.setAttribute("role", "button");
    menu.setAttribute("tabindex", "0");
    menu.setAttribute("aria-label", "Site navigation");
    menu.setAttribute("aria-controls", "__drawer");
    reflect();
  }

  /** Opens or closes the drawer; on opening, the keyboard goes to its first link. @param {boolean} open */
  function set(open) {
    const drawer = toggle();
    if (!drawer || drawer.checked === open) return;
    drawer.checked = open;
    drawer.dispatchEvent(new Event("change", { bubbles: true }));
    reflect();
    if (open) {
      const first = document.querySelector(".md-sidebar--primary a.md-nav__link[href]");
      if (first instanceof HTMLElement) first.focus();
    } else button()?.focus();
  }

  document.addEventListener("keydown", (event) => {
    const drawer = toggle();
    if (event.key === "Escape" && drawer?.checked) {
      set(false);
    } else if (
      (event.key === "Enter" || event.key === " ") &&
      event.target instanceof Element &&
      event.target.matches(BUTTON)
    ) {
      event.preventDefault();
      set(!drawer?.checked);
    }
  });
  document.addEventListener("change", (event) => {
    if (event.target instanceof Element && event.target.id === "__drawer") reflect();
  });

  if (window.document$) window.document$.subscribe(label);
  else document.addEventListener("DOMContentLoaded", label);
})();

// The header's menu button, which opens Material's navigation drawer, as a real button: Material
// draws it as a <label> for the drawer's checkbox, which a pointer can use but the keyboard cannot
// reach. It shows below 1220 px on every page, and up to 1700 px on element pages, whose stages
// take the sidebar's room (roadmap.css). Without JavaScript, Material's label stays and works.
(() => {
  "use strict";
  const LABEL = 'label.md-header__button[for="__drawer"]';

  const toggle = () => /** @type {HTMLInputElement | null} */ (document.getElementById("__drawer"));
  const menu = () => /** @type {HTMLButtonElement | null} */ (document.querySelector(".tf-menu"));

  function reflect() {
    const button = menu();
    const drawer = toggle();
    if (button && drawer) button.setAttribute("aria-expanded", String(drawer.checked));
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
    } else menu()?.focus();
  }

  // Material keeps the header across instant navigation, so the button is made once.
  function replaceLabel() {
    const label = document.querySelector(LABEL);
    if (!label || menu()) return reflect();
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon tf-menu";
    button.setAttribute("aria-label", "Site navigation");
    button.append(...label.childNodes);
    button.addEventListener("click", () => set(!toggle()?.checked));
    label.replaceWith(button);
    reflect();
  }

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle()?.checked) set(false);
  });
  document.addEventListener("change", (event) => {
    if (event.target instanceof Element && event.target.id === "__drawer") reflect();
  });

  if (window.document$) window.document$.subscribe(replaceLabel);
  else document.addEventListener("DOMContentLoaded", replaceLabel);
})();

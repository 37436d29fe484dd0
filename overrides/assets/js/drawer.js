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

  const SIDEBAR = ".md-sidebar--primary";
  /**
   * Opens or closes the drawer. Opening takes the keyboard into it (firstStop); closing takes it
   * back to the menu button, unless it has already gone elsewhere.
   * @param {boolean} open @param {boolean} [refocus]
   */
  function set(open, refocus = true) {
    const drawer = toggle();
    if (!drawer || drawer.checked === open) return;
    drawer.checked = open;
    drawer.dispatchEvent(new Event("change", { bubbles: true }));
    reflect();
    if (!refocus) return;
    if (open) firstStop()?.focus();
    else menu()?.focus();
  }
  /**
   * Where the keyboard starts in the open drawer: the current page's link where it is drawn, else
   * the first link of the open section (below 1220 px Material shows the current page as a label
   * and slides the section's panel over the top level), else the first link.
   * @returns {HTMLElement | undefined}
   */
  function firstStop() {
    // The site's navigation, not the page's own table of contents nested in it (md-nav--secondary).
    const links = [...document.querySelectorAll(`${SIDEBAR} a.md-nav__link[href]`)].filter(
      (link) =>
        link instanceof HTMLElement &&
        link.getClientRects().length > 0 &&
        !link.closest(".md-nav--secondary"),
    );
    const sections = document.querySelectorAll(
      `${SIDEBAR} .md-nav__item--active > .md-nav:not(.md-nav--secondary)`,
    );
    const open = sections[sections.length - 1];
    const stop =
      links.find((link) => link.matches(".md-nav__link--active")) ||
      links.find((link) => open?.contains(link)) ||
      links[0];
    return stop instanceof HTMLElement ? stop : undefined;
  }
  /** @param {EventTarget | null} target */
  const inDrawer = (target) =>
    target instanceof Element && Boolean(target.closest(`${SIDEBAR}, .tf-menu`));

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
  // The keyboard leaving the open drawer (Tab past its last link) closes it: nothing behind the
  // overlay is reachable while it is open.
  document.addEventListener("focusin", (event) => {
    if (toggle()?.checked && !inDrawer(event.target)) set(false, false);
  });
  // A click on the overlay closes the drawer (Material's label): the keyboard goes back to the menu.
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.matches(".md-overlay")) {
      requestAnimationFrame(() => {
        if (
          !toggle()?.checked &&
          (document.activeElement === document.body || inDrawer(document.activeElement))
        )
          menu()?.focus();
      });
    }
  });
  document.addEventListener("change", (event) => {
    if (event.target instanceof Element && event.target.id === "__drawer") reflect();
  });

  if (window.document$) window.document$.subscribe(replaceLabel);
  else document.addEventListener("DOMContentLoaded", replaceLabel);
})();

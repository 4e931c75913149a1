// Small progressive enhancements; every page works without this file.
document.addEventListener("htmx:afterSettle", (event) => {
  // After a swap, move focus to a region that asks for it so keyboard and screen-reader
  // users land on the new content. On settle, not swap: htmx binds the new content's forms
  // while settling, and an Enter on a form not yet bound would post the whole page.
  // After an outerHTML swap the old target is detached: look in the element swapped in.
  const scope = event.target.isConnected ? event.target : event.detail.target;
  const wanted = "[data-focus-after-swap]";
  const target = scope.matches(wanted) ? scope : scope.querySelector(wanted);
  if (target) target.focus({ preventScroll: false });
});

// Site menu (a <details> in the header): Escape closes it and gives focus back to its button;
// a tap or focus outside it closes it, so it never hides what comes next.
const openSiteMenu = () => document.querySelector("details.nav-menu[open]");
document.addEventListener("keydown", (event) => {
  const menu = openSiteMenu();
  if (event.key !== "Escape" || !menu) return;
  menu.open = false;
  menu.querySelector("summary").focus();
});
for (const type of ["click", "focusin"]) {
  document.addEventListener(type, (event) => {
    const menu = openSiteMenu();
    if (menu && !menu.contains(event.target)) menu.open = false;
  });
}

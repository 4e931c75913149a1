// Small progressive enhancements; every page works without this file.
document.addEventListener("htmx:afterSwap", (event) => {
  // After a swap, move focus to a region that asks for it so keyboard and screen-reader
  // users land on the new content.
  // After an outerHTML swap the old target is detached: look in the element swapped in.
  const scope = event.target.isConnected ? event.target : event.detail.target;
  const wanted = "[data-focus-after-swap]";
  const target = scope.matches(wanted) ? scope : scope.querySelector(wanted);
  if (target) target.focus({ preventScroll: false });
});

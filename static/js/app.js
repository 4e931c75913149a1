// Small progressive enhancements; every page works without this file.
document.addEventListener("htmx:afterSwap", (event) => {
  // After a swap, move focus to a region that asks for it so keyboard and screen-reader
  // users land on the new content.
  const target = event.detail.target.querySelector("[data-focus-after-swap]");
  if (target) target.focus({ preventScroll: false });
});

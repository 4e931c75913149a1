// The report's Print button: shown only when this script runs, so without JavaScript people
// see the instructions to use the browser's own Print command instead.
document.addEventListener("DOMContentLoaded", () => {
  document.body.addEventListener("click", (event) => {
    if (event.target.closest("[data-print]")) window.print();
  });
  showPrintButtons(document);
});
document.addEventListener("htmx:afterSwap", (event) => showPrintButtons(event.detail.target));

function showPrintButtons(root) {
  root.querySelectorAll("[data-print]").forEach((button) => { button.hidden = false; });
}

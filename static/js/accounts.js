// Time zone from the browser: filled in at sign-up, offered on the settings page.
(() => {
  let zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return;
  }
  if (!zone) return;

  for (const input of document.querySelectorAll("input[data-browser-time-zone]")) {
    if (!input.value) input.value = zone;
  }

  // The settings form is swapped by htmx, so listen on the document.
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-browser-time-zone-button]");
    if (!button) return;
    const input = button.closest("form").querySelector("input[name='time_zone']");
    input.value = zone;
    input.focus();
  });

  const reveal = () => {
    for (const button of document.querySelectorAll("[data-browser-time-zone-button]")) {
      button.hidden = false;
    }
  };
  reveal();
  document.addEventListener("htmx:afterSwap", reveal);
})();

// Ticking equipment by hand means the person keeps their own list: select that choice so
// the server does not replace the ticks with the home or gym preset.
document.addEventListener("change", (event) => {
  const box = event.target;
  if (!box.matches("input[name='equipment']")) return;
  const own = box.form && box.form.querySelector("input[name='training_at'][value='custom']");
  if (own) own.checked = true;
});

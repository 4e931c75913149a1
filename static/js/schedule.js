// Calendar page: a "Copy" button for the feed address. Without this file the address can
// still be selected and copied by hand.
document.querySelectorAll("[data-copy-target]").forEach((button) => {
  const source = document.getElementById(button.dataset.copyTarget);
  const status = document.querySelector("[data-copy-status]");
  if (!source || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.value);
      if (status) status.textContent = button.dataset.copiedText || "Copied.";
    } catch {
      source.select();
    }
  });
});

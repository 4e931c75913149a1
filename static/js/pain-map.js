// The body map of a pain note or a check-in (templates/includes/pain-map.html).
(() => {
  "use strict";

  // Pain map: tapping an area ticks (or unticks) its checkbox; the list stays the real control
  // and folds away behind "Choose from a list" once the map shows.
  function setupPainMap(map) {
    const views = map.querySelector("[data-pain-map-svg]");
    const hint = map.querySelector("[data-pain-map-hint]");
    const list = map.querySelector("[data-pain-map-list]");
    if (!views || map.dataset.ready) return;
    map.dataset.ready = "true";
    views.hidden = false;
    if (hint) hint.hidden = false;
    const box = (area) => map.querySelector(`input[type='checkbox'][value='${area}']`);
    if (list && !list.querySelector("input:checked") && !map.querySelector(".errorlist")) {
      list.open = false;
    }
    const sync = () => {
      map.querySelectorAll(".pain-region").forEach((region) => {
        const input = box(region.dataset.location);
        region.classList.toggle("is-chosen", !!input && input.checked);
      });
    };
    views.addEventListener("click", (event) => {
      const region = event.target.closest(".pain-region");
      if (!region) return;
      const input = box(region.dataset.location);
      if (!input) return;
      input.checked = !input.checked;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    map.addEventListener("change", sync);
    sync();
  }

  function setup(root) {
    root.querySelectorAll("[data-pain-map]").forEach(setupPainMap);
  }

  document.addEventListener("htmx:load", (event) => setup(event.detail.elt));
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => setup(document));
  } else {
    setup(document);
  }
})();

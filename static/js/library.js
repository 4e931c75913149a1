// Library filters: small enhancements around htmx; the form works without this file.
(() => {
  const FORM_ID = "exercise-filters";

  const meaningful = (params) => {
    const kept = new URLSearchParams();
    for (const [name, value] of params) if (value.trim()) kept.append(name, value);
    kept.sort();
    return kept.toString();
  };

  // A text field fires "change" on blur after htmx already searched on "input": skip a
  // request (and a duplicate history entry) when the query is what the page already shows.
  document.addEventListener("htmx:configRequest", (event) => {
    if (event.detail.elt?.id !== FORM_ID) return;
    const asked = new URLSearchParams(event.detail.formData);
    if (meaningful(asked) === meaningful(new URLSearchParams(location.search))) {
      event.preventDefault();
    }
  });

  // htmx restores results from its history cache, but form fields come back with their
  // original values: set them from the URL so the form matches the results.
  const syncFormFromUrl = () => {
    const form = document.getElementById(FORM_ID);
    if (!form) return;
    const params = new URLSearchParams(location.search);
    for (const field of form.elements) {
      if (field.name) field.value = params.get(field.name) || "";
    }
  };
  document.addEventListener("htmx:historyRestore", syncFormFromUrl);

  // Field errors come from the full page; once the results are swapped the summary inside
  // them is the only current one, so drop the stale marks on the fields.
  const clearFieldErrors = () => {
    const form = document.getElementById(FORM_ID);
    if (!form) return;
    for (const list of form.querySelectorAll(".errorlist")) list.remove();
    for (const field of form.querySelectorAll("[aria-invalid]")) {
      field.removeAttribute("aria-invalid");
      field.removeAttribute("aria-describedby");
    }
  };

  // Tell screen readers how many movements match, without reading the whole list.
  document.addEventListener("htmx:afterSwap", (event) => {
    if (event.detail.target?.id !== "exercise-results") return;
    // After Previous/Next the old link is gone: put focus on the new page's heading.
    const paged = event.detail.requestConfig?.elt?.hasAttribute("data-library-page");
    if (paged) event.detail.target.querySelector("[data-results-count]")?.focus();
    clearFieldErrors();
    const count = event.detail.target.querySelector("[data-results-count]");
    const status = document.getElementById("exercise-results-status");
    if (count && status) status.textContent = count.textContent.trim();
  });
})();

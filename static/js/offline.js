// Offline-first logging: registers the service worker, queues changes made with no signal
// (any form with data-offline-queue, sent by htmx or not), shows each queued item's state in
// the page, sends them in order when the signal returns, and empties the phone at log-out.
// Without this file (or without JavaScript) every form posts as before.
(() => {
  "use strict";

  const Q = window.MidbackQueue;
  const script = document.currentScript;
  if (!Q || !script || !("indexedDB" in window)) return;
  const config = script.dataset;
  const user = config.user || "";
  const onOfflinePage = "offlinePage" in config;
  const FORMS = "form[data-offline-queue]";
  const KEY = "idempotency_key";
  const SENT_SHOWN_MS = 10 * 60 * 1000;
  // A save still unanswered after this long (a signal that comes and goes) is queued instead.
  const STALLED_MS = 10 * 1000;

  const TEXT = {
    title: "Saved on this phone",
    waiting: "Waiting to send",
    sending: "Sending…",
    sent: "Sent",
    refused: "Not accepted",
    offline: (n) => (n === 1
      ? "No signal: 1 change waits on this phone. It is sent by itself when the signal returns."
      : `No signal: ${n} changes wait on this phone. They are sent by themselves when the signal returns.`),
    waitingOnline: (n) => (n === 1 ? "1 change waits to be sent." : `${n} changes wait to be sent.`),
    login: "You were logged out. Log in again and what waits here is sent.",
    loginLink: "Log in",
    allSent: "Everything saved on this phone has been sent.",
    sendNow: "Send now",
    clear: "Clear this list",
    logoutTitle: "Some changes have not been sent yet",
    logoutBody: (n) => (n === 1
      ? "1 change made without signal is still on this phone. Logging out deletes it from the phone."
      : `${n} changes made without signal are still on this phone. Logging out deletes them from the phone.`),
    logoutSend: "Send them, then log out",
    logoutDiscard: "Log out and delete them",
    logoutStay: "Stay logged in",
    logoutStill: "Still not sent: there is no signal.",
  };

  function newKey() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  // A page may come from the phone's cache, holding keys already used: every form starts
  // with a key of its own.
  function freshKeys(root) {
    root.querySelectorAll(`${FORMS} input[name='${KEY}']`).forEach((input) => { input.value = newKey(); });
  }

  // The service worker -------------------------------------------------------------------
  let registration = null;
  async function register() {
    if (!config.worker || !("serviceWorker" in navigator)) return;
    try {
      registration = await navigator.serviceWorker.register(config.worker, { scope: "/" });
      await navigator.serviceWorker.ready;
      if (onOfflinePage) return;
      const worker = navigator.serviceWorker.controller || registration.active;
      if (worker) worker.postMessage({ type: "loaded", user, path: location.pathname + location.search });
    } catch (error) { /* no worker: the page still works online */ }
  }
  function tellWorker(message) {
    const worker = navigator.serviceWorker && navigator.serviceWorker.controller;
    if (worker) worker.postMessage(message);
  }

  // What a queued item is called in the list ------------------------------------------------
  // The words a screen reader says: a tick or a unit marked aria-hidden is left out.
  function spokenText(node) {
    const copy = node.cloneNode(true);
    copy.querySelectorAll("[aria-hidden='true']").forEach((hidden) => hidden.remove());
    return copy.textContent.replace(/\s+/g, " ").trim();
  }
  function labelText(element) {
    const label = element.labels && element.labels[0];
    return label ? spokenText(label) : "";
  }
  function describe(form, submitter, queued) {
    // On the session page a movement and the finish are <details class="card"> titled by an h2.
    const scope = form.closest("article, section, details.card") || document.querySelector("main");
    // The list of queued changes sits at the top of <main>: its own heading names nothing.
    const heading = scope && Array.from(scope.querySelectorAll("h1, h2, h3"))
      .find((node) => !node.closest("[data-offline-list]"));
    const title = heading ? heading.textContent.replace(/\s+/g, " ").trim() : document.title;
    const button = submitter || form.querySelector("button[type='submit'], button:not([type])");
    let action = button ? spokenText(button) : "";
    const legend = submitter && submitter.closest("fieldset") && submitter.closest("fieldset").querySelector("legend");
    if (legend && legend.firstChild) action = `${legend.firstChild.textContent.trim()}: ${action}`;
    // "Log set 1" tapped three times with no signal: sets 1, 2 and 3.
    const numbered = action.match(/^(.*\D)(\d+)$/);
    if (numbered && !legend) {
      const earlier = queued.filter((item) => item.url === form.action && Q.pending(item)).length;
      action = `${numbered[1]}${Number(numbered[2]) + earlier}`;
    }
    const values = [];
    Array.from(form.elements).forEach((element) => {
      if (!element.name || element.disabled || element.type === "hidden" || element.type === "submit"
        || element.type === "button" || element.name === KEY) return;
      if (element.type === "radio" || element.type === "checkbox") {
        if (element.checked) values.push(labelText(element));
      } else if (element.value !== "" && element.tagName !== "SELECT") {
        const text = element.value.length > 40 ? `${element.value.slice(0, 40)}…` : element.value;
        values.push(`${labelText(element)} ${text}`.trim());
      }
    });
    return { title, action, values: values.filter(Boolean).join(" · ") };
  }

  // The list of queued items, at the top of the page -----------------------------------------
  let pendingCount = 0;
  let panel = null;
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function ensurePanel() {
    if (panel && panel.isConnected) return panel;
    const main = document.querySelector("main") || document.body;
    panel = element("section", "offline-queue");
    panel.setAttribute("aria-labelledby", "offline-queue-title");
    panel.dataset.offlineList = "";
    const heading = element("h2", "offline-queue-title", TEXT.title);
    heading.id = "offline-queue-title";
    const status = element("p", "offline-queue-status");
    status.setAttribute("role", "status");
    status.dataset.offlineStatus = "";
    const list = element("ol", "offline-items");
    const actions = element("p", "offline-queue-actions");
    const send = element("button", "button-secondary button-small", TEXT.sendNow);
    send.type = "button";
    send.dataset.offlineSend = "";
    const clear = element("button", "button-secondary button-small", TEXT.clear);
    clear.type = "button";
    clear.dataset.offlineClear = "";
    actions.append(send, clear);
    panel.append(heading, status, list, actions);
    main.prepend(panel);
    return panel;
  }

  async function render() {
    // Logged out (by the server, or a log-in page): only how many wait, never what they are,
    // since the phone may be in someone else's hands now.
    const mine = user ? await Q.forUser(user) : (await Q.items()).filter(Q.pending);
    const now = Date.now();
    const shown = !user ? [] : mine.filter((item) => Q.pending(item) || item.state === "refused"
      || (item.state === "sent" && now - (item.done || now) < SENT_SHOWN_MS));
    const before = pendingCount;
    pendingCount = mine.filter(Q.pending).length;
    // The queue has just gone out (from this tab, another one, or the worker's Background
    // Sync): show the page as the server now has it, and keep that copy for offline use.
    if (before > 0 && pendingCount === 0 && mine.some((item) => item.state === "sent")) {
      tellWorker({ type: "refresh", path: location.pathname + location.search });
      refreshPage();
    }
    // The offline page cannot tell who is logged in; a page without a person can.
    const needsLogin = (await Q.meta("needsLogin")) || (!user && !onOfflinePage && pendingCount > 0);
    if (!shown.length && !pendingCount) {
      if (panel) panel.hidden = true;
      return;
    }
    const box = ensurePanel();
    box.hidden = false;
    box.classList.toggle("is-done", pendingCount === 0);
    const list = box.querySelector("ol");
    list.replaceChildren(...shown.map((item) => {
      const row = element("li", `offline-item is-${item.state}`);
      row.dataset.offlineItem = item.state;
      const what = element("span", "offline-item-label", item.label.title ? `${item.label.title}: ${item.label.action}` : item.label.action);
      row.append(what);
      if (item.label.values) row.append(element("span", "offline-item-values", item.label.values));
      const state = element("span", "offline-item-state", TEXT[item.state] || item.state);
      row.append(state);
      if (item.state === "refused" && item.reason) row.append(element("span", "offline-item-reason", item.reason));
      return row;
    }));
    const status = box.querySelector("[data-offline-status]");
    status.replaceChildren();
    if (needsLogin && pendingCount) {
      status.append(TEXT.login);
      if (location.pathname !== config.login) {
        const link = element("a", "", TEXT.loginLink);
        const next = onOfflinePage ? "/" : location.pathname + location.search;
        link.href = `${config.login}?next=${encodeURIComponent(next)}`;
        status.append(" ", link);
      }
    } else if (pendingCount) {
      status.textContent = navigator.onLine ? TEXT.waitingOnline(pendingCount) : TEXT.offline(pendingCount);
    } else {
      status.textContent = TEXT.allSent;
    }
    list.hidden = !shown.length;
    box.querySelector("[data-offline-send]").hidden = !pendingCount || !navigator.onLine || !user;
    box.querySelector("[data-offline-clear]").hidden = pendingCount > 0;
  }

  // Queueing -------------------------------------------------------------------------------
  function fieldsOf(formData) {
    const fields = [];
    formData.forEach((value, name) => {
      if (typeof value === "string" && name !== "csrfmiddlewaretoken") fields.push([name, value]);
    });
    return fields;
  }

  async function queue(form, formData, submitter, url) {
    const queued = await Q.forUser(user);
    const fields = fieldsOf(formData);
    // The same key twice in the queue would be one change on the server: give it its own.
    const key = fields.find(([name]) => name === KEY);
    if (key && queued.some((item) => item.fields.some(([name, value]) => name === KEY && value === key[1]))) {
      key[1] = newKey();
    }
    await Q.add({
      user,
      url: url || form.action,
      fields,
      label: describe(form, submitter, queued),
      page: location.pathname,
    });
    const input = form.querySelector(`input[name='${KEY}']`);
    if (input) input.value = newKey();
    form.querySelectorAll("[data-save-error]").forEach((message) => { message.hidden = true; });
    await render();
    if (registration && registration.sync) {
      registration.sync.register("midback-queue").catch(() => {});
    }
    if (navigator.onLine) schedule(2000);
  }

  // No signal, or older changes still waiting (the order must hold): the change joins the
  // queue instead of being sent. Runs before htmx sees the submit.
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!user || !form.matches || !form.matches(FORMS)) return;
    if (navigator.onLine && pendingCount === 0) {
      // Sent as usual. A plain post that then fails is queued by the worker, which needs to
      // know it is one of ours and what to call it.
      if (!form.matches("[hx-post]")) {
        tellWorker({ type: "posting", url: form.action, label: describe(form, event.submitter, []) });
      }
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    queue(form, new FormData(form, event.submitter || undefined), event.submitter);
  }, true);

  // Signal that looked fine but failed: htmx could not send it, so it is queued with the same
  // key (if it did arrive after all, the resend changes nothing).
  const sent = new WeakMap();
  document.addEventListener("htmx:configRequest", (event) => {
    const form = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest(FORMS);
    if (!form) return;
    const submitter = event.detail.triggeringEvent && event.detail.triggeringEvent.submitter;
    sent.set(event.detail.elt, { form, formData: event.detail.formData, submitter, url: event.detail.path });
  });
  function failed(event) {
    // A link htmx could not load (the pain form opening in its card): follow it as a plain
    // link; the service worker may keep that page.
    const link = event.detail.elt;
    if (event.type === "htmx:sendError" && link && link.matches && link.matches("a[href][hx-get]")) {
      location.assign(link.href);
      return;
    }
    const request = sent.get(event.detail.elt);
    if (!request || !user) return;
    sent.delete(event.detail.elt);
    clearTimeout(request.timer);
    queue(request.form, request.formData, request.submitter, new URL(request.url, location.href).href);
    setTimeout(() => request.form.querySelectorAll("[data-save-error]").forEach((m) => { m.hidden = true; }), 0);
  }
  // Half a signal: the request neither arrives nor fails. Queue it with its key (a late
  // arrival changes nothing when the queue resends it) and stop waiting.
  document.addEventListener("htmx:beforeSend", (event) => {
    const elt = event.detail.elt;
    const request = sent.get(elt);
    if (!request) return;
    request.timer = setTimeout(() => {
      if (sent.get(elt) !== request) return;
      failed({ type: "stalled", detail: { elt } });
      if (window.htmx) window.htmx.trigger(elt, "htmx:abort");
    }, STALLED_MS);
  });
  document.addEventListener("htmx:afterRequest", (event) => {
    const request = sent.get(event.detail.elt);
    if (request && request.timer) clearTimeout(request.timer);
  }, true);
  document.addEventListener("htmx:sendError", failed);
  document.addEventListener("htmx:timeout", failed);
  document.addEventListener("htmx:afterRequest", (event) => {
    if (!event.detail.successful || !sent.has(event.detail.elt)) return;
    sent.delete(event.detail.elt);
    // Saved online: the copy of this page kept for offline use must show it too.
    tellWorker({ type: "refresh", path: location.pathname + location.search });
  });

  // Sending ---------------------------------------------------------------------------------
  let timer = null;
  let flushing = null;
  function schedule(ms) {
    clearTimeout(timer);
    timer = setTimeout(flush, ms);
  }
  async function flush() {
    if (flushing) return flushing;
    flushing = (async () => {
      const result = await Q.flush(config.state);
      await render();
      if (result.stopped === "offline" && pendingCount) schedule(20000);
      return result;
    })().finally(() => { flushing = null; });
    return flushing;
  }

  // Once the queue has gone, show the page as the server now has it (the sets in their cards).
  async function refreshPage() {
    if (onOfflinePage || !user || !document.querySelector(FORMS)) return;
    const active = document.activeElement;
    if (active && active.matches && active.matches("input, textarea, select") && active.value) return;
    try {
      const response = await fetch(location.href, { credentials: "same-origin", cache: "no-store" });
      if (!response.ok) return;
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("main");
      const main = document.querySelector("main");
      if (!fresh || !main) return;
      const list = panel && panel.isConnected ? panel : null;
      main.replaceChildren(...fresh.childNodes);
      if (list) main.prepend(list);
      freshKeys(main);
      if (window.htmx) {
        window.htmx.process(main);
        main.querySelectorAll(":scope > *").forEach((child) => {
          child.dispatchEvent(new CustomEvent("htmx:load", { bubbles: true, detail: { elt: child } }));
        });
      }
    } catch (error) { /* offline again */ }
  }

  document.addEventListener("click", async (event) => {
    if (event.target.closest("[data-offline-send]")) flush();
    if (event.target.closest("[data-offline-clear]")) {
      const mine = user ? await Q.forUser(user) : [];
      await Promise.all(mine.filter((item) => !Q.pending(item)).map((item) => Q.remove(item.id)));
      Q.notify();
      await render();
    }
  });

  window.addEventListener("online", () => { render(); flush(); });
  window.addEventListener("offline", render);
  if (typeof BroadcastChannel !== "undefined") {
    new BroadcastChannel(Q.CHANNEL).addEventListener("message", () => render());
  }

  // Log-out: what waits is sent first, or deleted knowingly; then nothing of this person stays
  // on the phone (the server's answer also carries Clear-Site-Data).
  async function forgetEverything() {
    await Q.forget(user);
    await Q.setMeta("user", "");
    await Q.setMeta("pages", []);
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith("midback-pages")).map((name) => caches.delete(name)));
    tellWorker({ type: "forget" });
  }
  function logoutDialog(form, count) {
    const dialog = element("dialog", "offline-dialog");
    dialog.setAttribute("aria-labelledby", "offline-dialog-title");
    const title = element("h2", "", TEXT.logoutTitle);
    title.id = "offline-dialog-title";
    const body = element("p", "", TEXT.logoutBody(count));
    const note = element("p", "notice notice-urgent");
    note.setAttribute("role", "alert");
    note.hidden = true;
    const send = element("button", "", TEXT.logoutSend);
    const discard = element("button", "button-secondary", TEXT.logoutDiscard);
    const stay = element("button", "button-secondary", TEXT.logoutStay);
    [send, discard, stay].forEach((button) => { button.type = "button"; });
    const buttons = element("div", "offline-dialog-actions");
    buttons.append(send, discard, stay);
    dialog.append(title, body, note, buttons);
    document.body.append(dialog);
    const leave = async () => {
      await forgetEverything();
      form.dataset.offlineReady = "true";
      form.requestSubmit();
    };
    send.addEventListener("click", async () => {
      send.disabled = true;
      await flush();
      send.disabled = false;
      if (pendingCount === 0) { dialog.close(); await leave(); return; }
      note.textContent = TEXT.logoutStill;
      note.hidden = false;
    });
    discard.addEventListener("click", async () => { dialog.close(); await leave(); });
    stay.addEventListener("click", () => dialog.close());
    dialog.addEventListener("close", () => dialog.remove());
    dialog.showModal();
    send.focus();
  }
  document.addEventListener("submit", async (event) => {
    const form = event.target;
    if (!form.matches || !form.matches("form[data-offline-logout]") || form.dataset.offlineReady) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (pendingCount && navigator.onLine) await flush();
    if (pendingCount) {
      logoutDialog(form, pendingCount);
      return;
    }
    await forgetEverything();
    form.dataset.offlineReady = "true";
    form.requestSubmit();
  }, true);

  function start() {
    freshKeys(document);
    render().then(() => { if (user && pendingCount && navigator.onLine) flush(); });
    register();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

// The session page's helpers: one timer at a time (rest or hold, kept as an end time), the
// next movement opening when one is done, the how-to sheet, and a clear message when a save
// fails (the pain map is static/js/pain-map.js). Every form works without this file.
(() => {
  "use strict";

  // Sound and vibration -----------------------------------------------------------------------
  let audio = null;
  function unlockAudio() {
    // Browsers only allow sound after a tap; create the context on the first one.
    if (audio || !window.AudioContext) return;
    try { audio = new AudioContext(); } catch (error) { audio = null; }
  }
  function beep(times = 1) {
    if (navigator.vibrate) navigator.vibrate(times > 1 ? [200, 100, 200] : 200);
    if (!audio) return;
    for (let i = 0; i < times; i += 1) {
      const start = audio.currentTime + i * 0.3;
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = 880;
      gain.gain.setValueAtTime(0.2, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + 0.2);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.2);
    }
  }

  function clock(seconds) {
    const minutes = Math.floor(seconds / 60);
    return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  // One timer at a time ------------------------------------------------------------------------
  // The timer is its end time, kept in localStorage, so a reload or a locked screen (where
  // ticks stop) shows the right time left; a tick only redraws it.
  const STORE = "midback-timer";
  let running = null; // {kind: "rest"|"hold", entry, phase, ends, seconds, side}
  let ticker = null;
  let wakeLock = null;

  function save() {
    try {
      if (running) localStorage.setItem(STORE, JSON.stringify(running));
      else localStorage.removeItem(STORE);
    } catch (error) { /* private mode: the timer still runs, it just won't survive a reload */ }
  }
  function restored() {
    try { return JSON.parse(localStorage.getItem(STORE) || "null"); } catch (error) { return null; }
  }
  async function keepAwake(on) {
    // Screen Wake Lock where the browser has it: the screen stays on while a hold runs.
    if (!("wakeLock" in navigator)) return;
    try {
      if (on && !wakeLock) {
        wakeLock = await navigator.wakeLock.request("screen");
        wakeLock.addEventListener("release", () => { wakeLock = null; });
      } else if (!on && wakeLock) {
        await wakeLock.release();
        wakeLock = null;
      }
    } catch (error) { wakeLock = null; }
  }
  document.addEventListener("visibilitychange", () => {
    // The browser drops the lock when the page is hidden; take it again on return.
    if (document.visibilityState === "visible" && running && running.kind === "hold") keepAwake(true);
    if (document.visibilityState === "visible") tick();
  });

  function restBar() { return document.querySelector("[data-rest-timer]"); }
  function holdBox(entry) { return document.querySelector(`[data-hold-timer][data-entry="${entry}"]`); }

  function stopTimer(message) {
    const was = running;
    running = null;
    save();
    if (ticker) clearInterval(ticker);
    ticker = null;
    keepAwake(false);
    const bar = restBar();
    if (bar) bar.hidden = true;
    if (was && was.kind === "hold") {
      const box = holdBox(was.entry);
      if (box) {
        const button = box.querySelector("[data-hold-start]");
        button.textContent = box.dataset.startLabel || button.textContent;
        button.setAttribute("aria-pressed", "false");
        if (message !== undefined) box.querySelector("[data-hold-status]").textContent = message;
      }
    }
  }

  function startTimer(timer) {
    stopTimer();
    running = timer;
    save();
    if (timer.kind === "hold") keepAwake(true);
    tick(true);
    ticker = setInterval(tick, 250);
  }

  function tick(fresh) {
    if (!running) return;
    const left = Math.max(0, Math.ceil((running.ends - Date.now()) / 1000));
    if (running.kind === "rest") {
      const bar = restBar();
      if (!bar) return;
      bar.hidden = false;
      bar.querySelector("[data-rest-display]").textContent = clock(left);
      if (fresh === true) {
        bar.querySelector("[data-rest-status]").textContent =
          (bar.dataset.startText || "Rest %s seconds.").replace("%s", running.seconds);
      }
      if (left <= 0) {
        bar.querySelector("[data-rest-status]").textContent = bar.dataset.endText || "Rest over: next set.";
        beep(2);
        running = null;
        save();
        clearInterval(ticker);
        ticker = null;
        setTimeout(() => { if (!running) bar.hidden = true; }, 4000);
      }
      return;
    }
    const box = holdBox(running.entry);
    if (!box) return;
    const display = box.querySelector("[data-hold-display]");
    const status = box.querySelector("[data-hold-status]");
    const button = box.querySelector("[data-hold-start]");
    button.textContent = box.dataset.stopText || "Stop timer";
    button.setAttribute("aria-pressed", "true");
    const prefix = running.side ? `${running.side}: ` : "";
    if (running.phase === "ready") {
      display.textContent = `${left}…`;
      if (fresh === true) status.textContent = `${prefix}${box.dataset.readyText || "Get ready"}`;
      if (left <= 0) {
        beep();
        running.phase = "hold";
        running.ends = Date.now() + running.seconds * 1000;
        save();
        status.textContent = `${prefix}${box.dataset.holdText || "Hold"} ${running.seconds} s`;
      }
      return;
    }
    display.textContent = clock(left);
    if (left <= 0) {
      beep(2);
      stopTimer(box.dataset.doneText || "Hold done. Tap the tick to log it.");
      display.textContent = clock(0);
    }
  }

  function setupHold(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "true";
    box.hidden = false;
    const button = box.querySelector("[data-hold-start]");
    box.dataset.startLabel = button.textContent;
    button.addEventListener("click", () => {
      unlockAudio();
      if (running && running.kind === "hold" && running.entry === box.dataset.entry) {
        stopTimer(box.dataset.cancelText || "Timer stopped.");
        return;
      }
      const row = box.closest("li");
      const input = row && row.querySelector("input[name='hold_seconds']");
      const seconds = parseInt((input && input.value) || box.dataset.seconds, 10) || 30;
      const sideInput = row && row.querySelector("input[name='side']");
      const sideLabel = sideInput ? (row.querySelector(".set-side") || {}).textContent || "" : "";
      // A hold replaces a running rest timer.
      startTimer({
        kind: "hold", entry: box.dataset.entry, phase: "ready", seconds,
        side: sideLabel.trim(), ends: Date.now() + 3000,
      });
    });
    if (running && running.kind === "hold" && running.entry === box.dataset.entry) tick();
  }

  function startRest(entry, seconds) {
    if (!restBar() || !seconds) return;
    startTimer({ kind: "rest", entry, seconds, ends: Date.now() + seconds * 1000 });
  }

  // Movements: the next one opens when one is done --------------------------------------------
  function focusLog(card) {
    const button = card && card.querySelector("[data-log-button]");
    if (button) button.focus();
  }
  function openNext(card) {
    const cards = Array.from(document.querySelectorAll("details[data-entry]"));
    const next = cards.slice(cards.indexOf(card) + 1).concat(cards)
      .find((other) => other !== card && other.classList.contains("entry-planned"));
    card.open = false;
    if (next) {
      next.open = true;
      focusLog(next);
      next.scrollIntoView({ block: "start", behavior: "smooth" });
    } else {
      const finish = document.getElementById("finish");
      if (finish) { finish.open = true; finish.scrollIntoView({ block: "start", behavior: "smooth" }); }
      const minutes = document.querySelector("input[name='minutes']");
      if (minutes) minutes.focus({ preventScroll: true });
    }
  }

  // The how-to sheet ----------------------------------------------------------------------------
  document.addEventListener("htmx:afterSwap", (event) => {
    if (event.detail.target && event.detail.target.id === "how-to-body") {
      const sheet = document.getElementById("how-to-sheet");
      if (sheet && !sheet.open) sheet.showModal();
    }
  });

  function setup(root) {
    root.querySelectorAll("[data-hold-timer]").forEach(setupHold);
    const scope = root.matches ? [root, ...root.querySelectorAll("*")] : [];
    const stopped = scope.find((el) => el.matches && el.matches("[data-stop-timers]"));
    if (stopped && running && running.entry === stopped.dataset.stopTimers) stopTimer();
    const table = scope.find((el) => el.matches && el.matches("[data-rest-start]"));
    if (table) {
      const card = table.closest("details[data-entry]");
      const entry = card ? card.id.replace("entry-", "") : "";
      startRest(entry, parseInt(table.dataset.restStart, 10));
      table.removeAttribute("data-rest-start");
      if (card) {
        // The summary line (an out-of-band swap) says whether the movement is done.
        card.classList.toggle("entry-done", table.hasAttribute("data-card-done"));
        card.classList.toggle("entry-planned", !table.hasAttribute("data-card-done"));
        if (table.hasAttribute("data-card-done")) openNext(card);
      }
    }
  }

  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-rest-skip]")) stopTimer();
    if (event.target.closest("button[type='submit']")) unlockAudio();
  });

  // Saving: say clearly when it failed, keep what was entered, never lose the key --------------
  function saveForm(event) {
    const elt = event.detail && event.detail.elt;
    return elt && elt.closest ? elt.closest("[data-save-form]") : null;
  }
  function showSaveError(event) {
    const form = saveForm(event);
    const message = form && form.querySelector("[data-save-error]");
    if (!message) return;
    if (!message.dataset.networkText) message.dataset.networkText = message.textContent;
    // 404: the movement or session is gone (or was never ours); retrying will not help.
    const gone = event.type === "htmx:responseError" && event.detail.xhr.status === 404;
    message.textContent = gone && message.dataset.missingText
      ? message.dataset.missingText : message.dataset.networkText;
    message.hidden = false;
  }
  document.addEventListener("htmx:beforeRequest", (event) => {
    const form = saveForm(event);
    const message = form && form.querySelector("[data-save-error]");
    if (message) message.hidden = true;
  });
  document.addEventListener("htmx:responseError", showSaveError);
  document.addEventListener("htmx:sendError", showSaveError);
  document.addEventListener("htmx:timeout", showSaveError);
  document.addEventListener("htmx:afterRequest", (event) => {
    // The server sends a new form with a new key on success; if this form stayed in the page,
    // give it a new key here so the next submission is a new set, not a repeat.
    const form = saveForm(event);
    if (!form || !event.detail.successful || !form.isConnected) return;
    const key = form.querySelector("input[name='idempotency_key']");
    if (key) key.value = newKey();
  });

  // A plain post (sent before this script ran, or without htmx) comes back to the page at its
  // card (#entry-N): the keyboard lands where an htmx swap would have put it, never on the body.
  function focusFromHash() {
    if (!/^#entry-\d+$/.test(location.hash) || document.activeElement !== document.body) return;
    const card = document.querySelector(`details[data-entry]${location.hash}`);
    if (!card) return;
    // An open movement still to do (the page opens the current one): its next tick; otherwise
    // the movement's own line, left as the page drew it.
    if (card.open && card.classList.contains("entry-planned")) {
      focusLog(card);
    } else {
      const summary = card.querySelector("summary");
      if (summary) summary.focus();
    }
  }

  function init() {
    // After the page has loaded: the browser's own move to the fragment comes first.
    if (document.readyState === "complete") focusFromHash();
    else window.addEventListener("load", () => setTimeout(focusFromHash), { once: true });
    const saved = restored();
    if (saved && saved.ends > Date.now() - 1000) {
      running = saved;
      if (running.kind === "hold") keepAwake(true);
      ticker = setInterval(tick, 250);
    } else {
      save();
    }
    setup(document);
    tick();
  }
  document.addEventListener("htmx:load", (event) => { if (event.detail.elt !== document.body) setup(event.detail.elt); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

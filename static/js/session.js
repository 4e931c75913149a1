// The session page's helpers: +/- steppers, hold and rest timers, and a clear
// message when a save fails. Every form works without this file.
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

  // Counts down once a second; returns a function that cancels it.
  function countdown(seconds, onTick, onDone) {
    let left = seconds;
    onTick(left);
    const timer = setInterval(() => {
      left -= 1;
      if (left <= 0) {
        clearInterval(timer);
        onDone();
      } else {
        onTick(left);
      }
    }, 1000);
    return () => clearInterval(timer);
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  // Rest timer: starts by itself after a set is saved -----------------------------------------
  let stopRest = null;
  function restTimer() { return document.querySelector("[data-rest-timer]"); }
  function endRest() {
    const bar = restTimer();
    if (stopRest) stopRest();
    stopRest = null;
    if (bar) bar.hidden = true;
  }
  function startRest(seconds) {
    const bar = restTimer();
    if (!bar || !seconds) return;
    endRest();
    const display = bar.querySelector("[data-rest-display]");
    const status = bar.querySelector("[data-rest-status]");
    bar.hidden = false;
    status.textContent = bar.dataset.startText
      ? bar.dataset.startText.replace("%s", seconds)
      : `Rest ${seconds} seconds.`;
    stopRest = countdown(
      seconds,
      (left) => { display.textContent = clock(left); },
      () => {
        display.textContent = clock(0);
        status.textContent = bar.dataset.endText || "Rest over: next set.";
        beep(2);
        stopRest = null;
        setTimeout(() => { if (!stopRest) bar.hidden = true; }, 4000);
      },
    );
  }

  // Hold timer: a 3-second get-ready, then the hold --------------------------------------------
  function setupHold(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "true";
    box.hidden = false;
    const button = box.querySelector("[data-hold-start]");
    const display = box.querySelector("[data-hold-display]");
    const status = box.querySelector("[data-hold-status]");
    const startLabel = button.textContent;
    let cancel = null;
    function reset(message) {
      if (cancel) cancel();
      cancel = null;
      button.textContent = startLabel;
      button.setAttribute("aria-pressed", "false");
      if (message !== undefined) status.textContent = message;
    }
    button.addEventListener("click", () => {
      unlockAudio();
      if (cancel) { reset(box.dataset.cancelText || "Timer stopped."); return; }
      const article = box.closest("article");
      const input = article && article.querySelector("input[name='hold_seconds']");
      const seconds = parseInt((input && input.value) || box.dataset.seconds, 10) || 30;
      const side = article && article.querySelector("input[name='side']:checked");
      const sideLabel = side && side.closest("label") ? side.closest("label").textContent.trim() : "";
      button.textContent = box.dataset.stopText || "Stop timer";
      button.setAttribute("aria-pressed", "true");
      status.textContent = `${sideLabel ? `${sideLabel}: ` : ""}${box.dataset.readyText || "Get ready"}`;
      cancel = countdown(
        3,
        (left) => { display.textContent = `${left}…`; },
        () => {
          beep();
          status.textContent = `${sideLabel ? `${sideLabel}: ` : ""}${box.dataset.holdText || "Hold"} ${seconds} s`;
          cancel = countdown(
            seconds,
            (left) => { display.textContent = clock(left); },
            () => {
              display.textContent = clock(0);
              beep(2);
              reset(box.dataset.doneText || "Hold done. Tap Log set.");
            },
          );
        },
      );
    });
  }

  function setup(root) {
    root.querySelectorAll("[data-step]").forEach((button) => { button.hidden = false; });
    root.querySelectorAll("[data-hold-timer]").forEach(setupHold);
    const fresh = root.matches && root.matches("[data-rest-start]")
      ? root : root.querySelector("[data-rest-start]");
    if (fresh) {
      fresh.removeAttribute("data-rest-start");
      startRest(parseInt(fresh.dataset.restSeconds, 10));
    }
  }

  // Steppers: one delegated listener for every +/- button -------------------------------------
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-step]");
    if (button) {
      const input = document.getElementById(button.dataset.for);
      if (!input) return;
      const step = parseFloat(button.dataset.step);
      const current = parseFloat(String(input.value).replace(",", ".")) || 0;
      const next = Math.max(0, Math.round((current + step) * 100) / 100);
      input.value = String(next);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      return;
    }
    if (event.target.closest("[data-rest-skip]")) endRest();
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

  document.addEventListener("htmx:load", (event) => setup(event.detail.elt));
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => setup(document));
  } else {
    setup(document);
  }
})();

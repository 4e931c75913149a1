// The offline queue, shared by the pages (offline.js) and the service worker (importScripts):
// changes made with no signal wait in IndexedDB, in order, and are sent one at a time.
// Each item keeps the form's own fields, idempotency key included, so a resend after a lost
// answer changes nothing on the server. One sender at a time across tabs and the worker
// (Web Locks); an item left "sending" by a closed tab is simply sent again.
(function (scope) {
  "use strict";

  const DB_NAME = "midback-offline";
  const LOCK = "midback-offline-send";
  const CHANNEL = "midback-offline";
  const REPLAY_HEADER = "Midback-Offline-Replay";

  let opening = null;
  function open() {
    if (opening) return opening;
    opening = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore("queue", { keyPath: "id", autoIncrement: true });
        db.createObjectStore("meta");
      };
      request.onsuccess = () => {
        const db = request.result;
        // Another context deleting the database (a log-out) must not wait for us.
        db.onversionchange = () => { db.close(); opening = null; };
        resolve(db);
      };
      request.onerror = () => { opening = null; reject(request.error); };
      request.onblocked = () => { opening = null; reject(new Error("blocked")); };
    });
    return opening;
  }

  async function run(store, mode, work) {
    const db = await open();
    return new Promise((resolve, reject) => {
      const transaction = db.transaction(store, mode);
      let result;
      const request = work(transaction.objectStore(store));
      if (request) request.onsuccess = () => { result = request.result; };
      transaction.oncomplete = () => resolve(result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  }

  const items = () => run("queue", "readonly", (store) => store.getAll());
  const put = (item) => run("queue", "readwrite", (store) => store.put(item));
  const remove = (id) => run("queue", "readwrite", (store) => store.delete(id));
  const meta = (key) => run("meta", "readonly", (store) => store.get(key));
  const setMeta = (key, value) => run("meta", "readwrite", (store) => store.put(value, key));

  function notify() {
    if (typeof BroadcastChannel === "undefined") return;
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage({ type: "changed" });
    channel.close();
  }

  // Put a change in the queue: {user, url, fields: [[name, value], ...], label, page}.
  async function add(item) {
    const id = await put({ ...item, state: "waiting", reason: "", created: Date.now() });
    notify();
    return id;
  }

  async function forUser(user) {
    return (await items()).filter((item) => item.user === user).sort((a, b) => a.id - b.id);
  }

  function pending(item) {
    return item.state === "waiting" || item.state === "sending";
  }

  // Everything of one person leaves the phone (log-out); other people's items stay theirs.
  async function forget(user) {
    const mine = await forUser(user);
    await run("queue", "readwrite", (store) => { mine.forEach((item) => store.delete(item.id)); });
    await setMeta("needsLogin", false);
    notify();
  }

  async function fetchState(url) {
    const response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
    if (!response.ok) throw new Error(`state ${response.status}`);
    return response.json();
  }

  async function send(item, csrf) {
    const body = new URLSearchParams();
    item.fields.forEach(([name, value]) => {
      if (name !== "csrfmiddlewaretoken") body.append(name, value);
    });
    body.append("csrfmiddlewaretoken", csrf);
    try {
      const response = await fetch(item.url, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { [REPLAY_HEADER]: "1" },
        redirect: "manual",
      });
      const type = response.headers.get("Content-Type") || "";
      if (!response.ok || !type.includes("json")) return { state: "retry" };
      return await response.json();
    } catch (error) {
      return { state: "retry" };
    }
  }

  // Send what waits, oldest first; stop at the first one that cannot go yet, so the order
  // holds. Returns {sent, refused, stopped: "" | "offline" | "login"}.
  async function flush(stateUrl) {
    const work = async () => {
      const result = { sent: 0, refused: 0, stopped: "" };
      let waiting = (await items()).filter(pending);
      if (!waiting.length) return result;
      let state;
      try {
        state = await fetchState(stateUrl);
      } catch (error) {
        result.stopped = "offline";
        return result;
      }
      if (!state.user) {
        await setMeta("needsLogin", true);
        notify();
        result.stopped = "login";
        return result;
      }
      await setMeta("needsLogin", false);
      waiting = waiting.filter((item) => item.user === state.user).sort((a, b) => a.id - b.id);
      for (const item of waiting) {
        item.state = "sending";
        await put(item);
        notify();
        const answer = await send(item, state.csrf);
        if (answer.state === "sent" || answer.state === "refused") {
          item.state = answer.state;
          item.reason = answer.reason || "";
          item.done = Date.now();
          await put(item);
          result[answer.state] += 1;
          notify();
          continue;
        }
        item.state = "waiting";
        await put(item);
        if (answer.state === "login") await setMeta("needsLogin", true);
        notify();
        result.stopped = answer.state === "login" ? "login" : "offline";
        return result;
      }
      return result;
    };
    if (scope.navigator && scope.navigator.locks) {
      return scope.navigator.locks.request(LOCK, work);
    }
    return work();
  }

  scope.MidbackQueue = {
    add, items, forUser, put, remove, meta, setMeta, forget, flush, fetchState, pending, notify,
    CHANNEL,
  };
})(self);

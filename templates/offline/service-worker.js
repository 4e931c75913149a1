// Midback's service worker (rendered by offline/views.py, served at /sw.js).
// Pages: network first; with no answer in a few seconds (a gym basement often half-connects),
// the copy kept on this phone. Only the pages the server lists for the person logged in are
// kept, and they are thrown away as soon as another person, or nobody, is logged in.
// Static files: kept by their hashed names. Changes made offline: see offline-queue.js.
importScripts("{{ queue_script }}");

const VERSION = "{{ version }}";
const SHELL_CACHE = `midback-shell-${VERSION}`;
const PAGES_CACHE = "midback-pages";
const SHELL = {{ shell|safe }};
const OFFLINE_URL = "{{ offline_url }}";
const STATE_URL = "{{ state_url }}";
const STATIC_PREFIX = "{{ static_prefix }}";
const NETWORK_WAIT_MS = 4000;
const HASHED = /\.[0-9a-f]{12}\.[a-z0-9]+$/;
const Q = self.MidbackQueue;

// Every change to the caches runs one after the other: a release's clean-up, a change of
// person and a warm-up must never interleave (one deleting what another just stored).
let chain = Promise.resolve();
function serial(work) {
  const next = chain.then(work, work);
  chain = next.catch(() => {});
  return next;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(serial(async () => {
    // A new release: old files and pages rendered by the old release go; the pages are
    // fetched again at once, while there is signal (an update only comes with signal).
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith("midback-") && name !== SHELL_CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
    await warmNow({ force: true }).catch(() => {});
  }));
});

// Whose pages the cache holds -------------------------------------------------------------
async function owner() {
  return (await Q.meta("user")) || "";
}

async function forgetPages() {
  await caches.delete(PAGES_CACHE);
  await Q.setMeta("pages", []);
}

// A page answered by the server tells who is logged in; a change of person empties the cache.
async function noteUser(user) {
  if (user === (await owner())) return false;
  await forgetPages();
  await Q.setMeta("user", user);
  return true;
}

function clean(response) {
  // A fresh response without the redirect history: a followed redirect cannot answer a
  // navigation, and the copy must not keep a reference to the original request.
  return response.blob().then((body) => new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  }));
}

async function keepStatics(html) {
  const cache = await caches.open(SHELL_CACHE);
  const found = new Set();
  const pattern = new RegExp(`${STATIC_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^"'\\s<>),]+`, "g");
  for (const match of html.matchAll(pattern)) found.add(match[0].replace(/&amp;/g, "&"));
  for (const url of found) {
    if (await cache.match(url)) continue;
    try {
      const response = await fetch(url);
      if (response.ok) await cache.put(url, response);
    } catch (error) { /* offline again: next time */ }
  }
}

async function keepPage(path, response, user) {
  if (!response.ok || response.status !== 200) return;
  if ((response.headers.get("Midback-User") || "") !== user || !user) return;
  const copy = await clean(response);
  const html = await copy.clone().text();
  const cache = await caches.open(PAGES_CACHE);
  await cache.put(path, copy);
  await keepStatics(html);
}

let lastWarm = 0;
// Fetch the pages the server lists for the person (Today, the session, its how-to pages).
// Call inside serial().
async function warmNow({ force = false } = {}) {
  if (!force && Date.now() - lastWarm < 5 * 60 * 1000) return;
  await (async () => {
    const state = await Q.fetchState(STATE_URL);
    lastWarm = Date.now();
    await noteUser(state.user || "");
    if (!state.user) return;
    await Q.setMeta("pages", state.pages);
    const cache = await caches.open(PAGES_CACHE);
    const wanted = new Set(state.pages.map((path) => new URL(path, self.location.origin).href));
    for (const request of await cache.keys()) {
      if (!wanted.has(request.url)) await cache.delete(request);
    }
    let missed = false;
    for (const path of state.pages) {
      if (!force && await cache.match(path)) continue;
      // One more try for a page the server could not answer this moment (a 503).
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const response = await fetch(path, { credentials: "same-origin", cache: "no-store" });
        if (response.status < 500) {
          await keepPage(path, response, state.user);
          break;
        }
        if (attempt) missed = true;
        await new Promise((resolve) => { setTimeout(resolve, 1000); });
      }
    }
    if (missed) lastWarm = 0;
  })();
}

async function kept(path) {
  const pages = (await Q.meta("pages")) || [];
  return pages.includes(path);
}

async function cachedPage(request) {
  if (!(await owner())) return undefined;
  const cache = await caches.open(PAGES_CACHE);
  const url = new URL(request.url);
  return cache.match(url.pathname + url.search) || undefined;
}

async function offlinePage() {
  const page = await caches.match(OFFLINE_URL);
  if (!page) return Response.error();
  return new Response(page.body, { status: 503, statusText: "Offline", headers: page.headers });
}

function navigation(event) {
  const request = event.request;
  const url = new URL(request.url);
  const network = fetch(request).then((response) => {
    const copy = response.clone();
    event.waitUntil(serial(async () => {
      const user = copy.headers.get("Midback-User") || "";
      const changed = await noteUser(user);
      if (!user) return;
      const finalPath = new URL(copy.url || request.url).pathname;
      if (await kept(url.pathname + url.search)) await keepPage(url.pathname + url.search, copy.clone(), user);
      if (finalPath !== url.pathname && await kept(finalPath)) await keepPage(finalPath, copy, user);
      if (changed || !(await kept(finalPath))) await warmNow({ force: changed }).catch(() => {});
    }).catch(() => {}));
    return response;
  });
  return new Promise((resolve) => {
    let answered = false;
    const answer = (response) => {
      if (answered || !response) return;
      answered = true;
      resolve(response);
    };
    network.then(answer, async () => answer((await cachedPage(request)) || (await offlinePage())));
    setTimeout(async () => answer(await cachedPage(request)), NETWORK_WAIT_MS);
  });
}

async function staticFile(request) {
  const cache = await caches.open(SHELL_CACHE);
  const url = new URL(request.url);
  if (HASHED.test(url.pathname)) {
    const hit = await cache.match(request);
    if (hit) return hit;
  }
  try {
    const response = await fetch(request);
    if (response.ok && response.status === 200) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(request);
    if (hit) return hit;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    if (request.method === "GET") {
      event.respondWith(navigation(event));
    } else {
      event.respondWith(formPost(event));
    }
    return;
  }
  if (request.method === "GET" && url.pathname.startsWith(STATIC_PREFIX)) {
    event.respondWith(staticFile(request));
  }
});

// A plain form post (finishing a session) on a signal that only looked fine: when the page
// said it is a form of the queue, the change joins the queue and the page it came from opens
// again (kept on the phone) with the change shown as waiting. Any other post gets our page.
const posting = new Map();
async function formPost(event) {
  const request = event.request;
  const copy = request.clone();
  try {
    return await fetch(request);
  } catch (error) {
    const label = posting.get(request.url);
    const user = await owner();
    if (!label || !user || !request.referrer) return offlinePage();
    posting.delete(request.url);
    const fields = [];
    (await copy.formData()).forEach((value, name) => {
      if (typeof value === "string" && name !== "csrfmiddlewaretoken") fields.push([name, value]);
    });
    await Q.add({ user, url: request.url, fields, label, page: new URL(request.referrer).pathname });
    if (self.registration.sync) self.registration.sync.register("midback-queue").catch(() => {});
    return Response.redirect(request.referrer, 303);
  }
}

// The pages talk to the worker: keep a page fresh after a save, warm after a load, forget
// everything at log-out.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "posting" && data.url) {
    posting.set(data.url, data.label);
    setTimeout(() => posting.delete(data.url), 60 * 1000);
  } else if (data.type === "loaded") {
    event.waitUntil(serial(async () => {
      const changed = await noteUser(data.user || "");
      if (data.user) await warmNow({ force: changed || !(await kept(data.path)) });
    }).catch(() => {}));
  } else if (data.type === "refresh" && data.path) {
    event.waitUntil(serial(async () => {
      const user = await owner();
      if (!user || !(await kept(data.path))) return;
      const response = await fetch(data.path, { credentials: "same-origin", cache: "no-store" });
      await keepPage(data.path, response, user);
    }).catch(() => {}));
  } else if (data.type === "forget") {
    event.waitUntil(serial(async () => {
      await forgetPages();
      await Q.setMeta("user", "");
      if (event.source) event.source.postMessage({ type: "forgotten" });
    }));
  }
});

// Background Sync, where the browser has it: the queue goes out even with every tab closed.
self.addEventListener("sync", (event) => {
  if (event.tag === "midback-queue") {
    event.waitUntil(Q.flush(STATE_URL).then((result) => {
      // Not sent yet: the browser tries the sync again later.
      if (result.stopped === "offline") throw new Error("still offline");
    }));
  }
});

// backcare's service worker: the app shell is cached at install. The server runs on this
// machine, so everything is fetched from it first (an update shows at once) and the copy kept
// answers only when it cannot be reached: every page the person has visited (plan, session,
// diary, knowledge, home) and every picture fetched still open offline. Logging out forgets them.
// The pose model ("Check my form", /static/pose/, about 19 MB) is kept once it has been used,
// not at install: most people never turn the camera on.
"use strict";
const VERSION = "backcare-v2";
const SHELL = ["/static/app.css", "/static/app.js", "/static/session.js", "/static/session_ask.js", "/static/breaks.js", "/static/diary.js",
  "/static/coach.js", "/static/formcheck.js", "/static/icon.svg", "/static/icon-maskable.svg", "/static/manifest.webmanifest"];
const NEVER_KEPT = ["/api/", "/logout", "/login", "/register", "/sw.js"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== VERSION).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request) {
  const cache = await caches.open(VERSION);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(request, response.clone());
    return response;
  } catch (error) {
    const hit = (await cache.match(request)) || (await cache.match(request, { ignoreSearch: true }))
      || (request.mode === "navigate" && new URL(request.url).pathname === "/" && (await cache.match("/plan")));
    if (hit) return hit;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin) return;
  if (event.request.method === "POST" && url.pathname === "/logout") {
    event.waitUntil(caches.delete(VERSION)); // the next person on this device sees none of it
    return;
  }
  if (event.request.method !== "GET") return;
  const page = event.request.mode === "navigate" && !NEVER_KEPT.some((p) => url.pathname.startsWith(p));
  const keep = page || url.pathname.startsWith("/static/") || url.pathname.endsWith("/picture.svg");
  if (keep) event.respondWith(networkFirst(event.request));
});

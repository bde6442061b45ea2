// backcare's service worker: the app shell is cached at install. The server runs on this
// machine, so everything is fetched from it first (an update shows at once) and the copy kept
// answers only when it cannot be reached: today's plan and the session page still open offline.
"use strict";
const VERSION = "backcare-v1";
const SHELL = ["/static/app.css", "/static/app.js", "/static/session.js", "/static/breaks.js",
  "/static/icon.svg", "/static/icon-maskable.svg", "/static/manifest.webmanifest"];
const OFFLINE_PAGES = ["/plan", "/session"];

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
    const hit = (await cache.match(request)) || (await cache.match(request, { ignoreSearch: true }));
    if (hit) return hit;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  const keep = url.pathname.startsWith("/static/") || OFFLINE_PAGES.includes(url.pathname)
    || url.pathname.endsWith("/picture.svg");
  if (keep) event.respondWith(networkFirst(event.request));
});

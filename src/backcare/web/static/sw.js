// backcare's service worker: the app shell is cached at install; pages are fetched from the
// network first and kept, so today's plan and the session page still open offline.
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

async function cacheFirst(request) {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) (await caches.open(VERSION)).put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/static/")) {
    event.respondWith(cacheFirst(event.request));
  } else if (OFFLINE_PAGES.includes(url.pathname) || url.pathname.endsWith("/picture.svg")) {
    event.respondWith(networkFirst(event.request));
  }
});

// Every page: register the service worker, send session results saved while offline, print.
"use strict";
(() => {
  const OUTBOX = "backcare.outbox";

  const read = () => {
    try {
      return JSON.parse(localStorage.getItem(OUTBOX) || "[]");
    } catch (error) {
      return [];
    }
  };

  // Server mode: a state-changing API call echoes the session's CSRF token (from its cookie).
  function csrfToken() {
    const found = document.cookie.split("; ").find((c) => c.startsWith("backcare_csrf="));
    return found ? decodeURIComponent(found.slice("backcare_csrf=".length)) : "";
  }

  window.backcarePost = (url, body) => fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken() },
    body: JSON.stringify(body),
  });

  // What waits in the outbox: {url, body}. A session result saved before this format is a bare
  // body, sent to /api/sessions.
  const SESSIONS = "/api/sessions";
  const PAIN = "/api/diary/pain";
  const target = (item) => (item && item.url ? item : { url: SESSIONS, body: item });

  // A pain entry carries the time it was given; if one with the same time and score is already
  // in the diary (the answer to an earlier try was lost), it was sent: never send it twice.
  async function alreadySaved(item) {
    if (item.url !== PAIN || !item.body.at) return false;
    const response = await fetch(`${PAIN}?since=${encodeURIComponent(item.body.at)}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const at = Date.parse(item.body.at);
    return (await response.json()).pain.some((p) => Date.parse(p.at) === at && p.score === item.body.score);
  }

  let flushing = null;
  function flush() {
    flushing = flushing || send().finally(() => (flushing = null));
    return flushing;
  }

  async function send() {
    const waiting = read().map(target);
    if (!waiting.length || !navigator.onLine) return;
    const left = [];
    for (const item of waiting) {
      try {
        if (await alreadySaved(item)) continue;
        const response = await window.backcarePost(item.url, item.body);
        if (response.status >= 500) left.push(item); // try again later; 4xx would never succeed
      } catch (error) {
        left.push(item);
      }
    }
    localStorage.setItem(OUTBOX, JSON.stringify(left));
    document.dispatchEvent(new CustomEvent("backcare:outbox"));
  }

  // Each write gets its own id when it is queued (SPEC §9): if the answer to a try is lost and
  // the same write is sent again, the server returns the record it saved, never a second one.
  const newId = () => (crypto.randomUUID ? crypto.randomUUID()
    : "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (c) =>
      (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16)));

  window.backcareOutbox = {
    add(body, url = SESSIONS) {
      const item = { url, body: { client_id: newId(), ...body } };
      localStorage.setItem(OUTBOX, JSON.stringify([...read().map(target), item]));
      document.dispatchEvent(new CustomEvent("backcare:outbox"));
    },
    pending: (url) => read().map(target).filter((item) => !url || item.url === url).length,
    flush,
  };

  window.addEventListener("online", flush);
  window.addEventListener("load", flush);
  if ("serviceWorker" in navigator) {
    window.addEventListener("load", () => navigator.serviceWorker.register("/sw.js").catch(() => {}));
  }

  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-print]")) window.print();
  });
})();

// Pictures are drawn for more movements over time: a missing one hides its frame quietly.
document.addEventListener("error", (event) => {
  const target = event.target;
  if (target instanceof HTMLImageElement && target.dataset.hideOnError) {
    document.getElementById(target.dataset.hideOnError)?.classList.add("hidden");
  }
}, true);
document.querySelectorAll("img[data-hide-on-error]").forEach((img) => {
  if (img.complete && img.naturalWidth === 0) document.getElementById(img.dataset.hideOnError)?.classList.add("hidden");
});

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

  async function flush() {
    const waiting = read();
    if (!waiting.length || !navigator.onLine) return;
    const left = [];
    for (const body of waiting) {
      try {
        const response = await window.backcarePost("/api/sessions", body);
        if (response.status >= 500) left.push(body); // try again later; 4xx would never succeed
      } catch (error) {
        left.push(body);
      }
    }
    localStorage.setItem(OUTBOX, JSON.stringify(left));
  }

  window.backcareOutbox = {
    add(body) {
      localStorage.setItem(OUTBOX, JSON.stringify([...read(), body]));
    },
    pending: () => read().length,
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

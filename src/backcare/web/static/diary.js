// The diary's "Log your pain" form: sent through the API with the time it was given, so an
// entry made offline waits on this device (the outbox in app.js) and is saved once, later.
"use strict";
(() => {
  const form = document.getElementById("log-form");
  const waiting = document.getElementById("outbox-note");
  if (!form || !waiting) return;
  const PAIN = "/api/diary/pain";

  function showWaiting() {
    const count = window.backcareOutbox.pending(PAIN);
    waiting.textContent = count
      ? `${count} pain ${count === 1 ? "entry is" : "entries are"} saved on this device and will go into the diary when the app is reachable again.`
      : "";
    waiting.classList.toggle("hidden", !count);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = {
      score: Number(data.get("score")),
      areas: data.getAll("areas"),
      note: String(data.get("note") || "").trim() || null,
      at: new Date().toISOString(),
    };
    let response = null;
    try {
      if (navigator.onLine) response = await window.backcarePost(PAIN, body);
    } catch (error) {
      response = null;
    }
    if (response && response.ok) {
      location.assign("/diary?logged=1");
    } else if (response) {
      form.submit(); // refused: the page's own form answer says why
    } else {
      window.backcareOutbox.add(body, PAIN);
      form.reset();
      showWaiting();
      waiting.focus();
    }
  });
  document.addEventListener("backcare:outbox", showWaiting);
  showWaiting();
})();

// The break timer: a deadline (not a count of ticks), so a throttled background tab still fires
// on time. A notification when allowed, a short sound, the answer recorded in the diary, then
// "did you move?". Quiet windows hold a break that falls due until they end; after too many
// skips in a row a break can only be put off once; a standing desk alternates sitting and standing.
"use strict";
(() => {
  const box = document.getElementById("breaks");
  const $ = (id) => document.getElementById(id);
  const speed = Math.min(1000, Number(new URLSearchParams(location.search).get("speed")) || 1);
  const everyS = Number(box.dataset.everyMin) * 60;
  const moveS = Number(box.dataset.moveMin) * 60;
  const skipLimit = Number(box.dataset.skipLimit) || 0;
  const standingDesk = box.dataset.standingDesk === "1";
  const POSTPONE_S = 5 * 60;
  const KEY = "backcare.breaks";
  const HABIT = "backcare.breaks.habit"; // {stillSince: ms, before: ms, skipsInRow, number}
  const wall = () => Date.now();
  let timer = null;
  let plan = JSON.parse(localStorage.getItem(KEY) || "null"); // {due: ms, length: s, mode, postponed}
  let habit = JSON.parse(localStorage.getItem(HABIT) || "null") || { stillSince: wall(), skipsInRow: 0, number: 0 };
  let answered = null; // the id of the taken break "did you move?" asks about

  const quiet = (box.dataset.quiet || "").split(",").filter(Boolean).map((w) => {
    const [a, b] = w.split("-").map((t) => t.split(":").map(Number));
    return { start: a[0] * 60 + a[1], end: b[0] * 60 + b[1] };
  });

  function saveHabit() { localStorage.setItem(HABIT, JSON.stringify(habit)); }

  // When the quiet window around now ends (a Date), or null when not quiet.
  function quietUntil() {
    const now = new Date(wall());
    const minute = now.getHours() * 60 + now.getMinutes() + now.getSeconds() / 60;
    for (const w of quiet) {
      const inside = w.start <= w.end ? minute >= w.start && minute < w.end : minute >= w.start || minute < w.end;
      if (!inside) continue;
      const end = new Date(now);
      end.setHours(Math.floor(w.end / 60), w.end % 60, 0, 0);
      if (end <= now) end.setDate(end.getDate() + 1);
      return end;
    }
    return null;
  }

  function show(part) {
    for (const name of ["idle", "running", "due"]) $(`break-${name}`).classList.toggle("hidden", name !== part);
  }

  function clock(seconds) {
    const s = Math.max(0, Math.ceil(seconds));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  }

  // Minutes sat still up to `at` (ms), in the timer's own minutes (so ?speed= demos add up).
  const satMinutes = (at) => Math.max(0, Math.round(((at - habit.stillSince) / 60000) * speed * 10) / 10);

  function schedule(seconds, mode, postponed = false) {
    plan = { due: wall() + (seconds * 1000) / speed, length: seconds, mode, postponed };
    localStorage.setItem(KEY, JSON.stringify(plan));
    tick();
  }

  function chime() {
    try {
      const audio = new AudioContext();
      const osc = audio.createOscillator();
      osc.frequency.value = 660;
      osc.connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.2);
    } catch (error) { /* no sound available */ }
  }

  function notify(text) {
    $("break-announce").textContent = text;
    chime();
    if ("Notification" in window && Notification.permission === "granted") {
      new Notification("backcare", { body: text, icon: "/static/icon.svg", tag: "backcare-break" });
    }
  }

  function fire() {
    if (plan.mode === "move") return breakOver();
    const until = quietUntil();
    if (until) {
      $("break-quiet").textContent = `Quiet time until ${until.toTimeString().slice(0, 5)}: your break waits till then.`;
      $("break-quiet").classList.remove("hidden");
      timer = setTimeout(tick, Math.max(1000, until - wall()));
      return;
    }
    $("break-quiet").classList.add("hidden");
    notify(`Time to move for ${box.dataset.moveMin} minutes.`);
    $("timer-title").textContent = "Time to move";
    const limited = skipLimit > 0 && habit.skipsInRow >= skipLimit;
    $("break-skip").classList.toggle("hidden", limited);
    $("break-postpone").classList.toggle("hidden", limited && plan.postponed);
    $("break-limit").classList.toggle("hidden", !limited);
    show("due");
    $("break-clock").textContent = "0:00";
  }

  async function breakOver() {
    const started = plan.due - (plan.length * 1000) / speed;
    notify("Break over. Did you move?");
    const body = { outcome: "taken", minutes: moveS / 60, sat_minutes: satMinutes(started) };
    habit.before = habit.stillSince;
    habit.stillSince = wall();
    habit.number += 1;
    saveHabit();
    schedule(everyS, "sit");
    $("break-ask").classList.remove("hidden");
    answered = null;
    const response = await record(body);
    if (response) answered = (await response.json()).id;
  }

  function tick() {
    clearTimeout(timer);
    if (!plan) return;
    const left = ((plan.due - wall()) / 1000) * speed;
    if (left <= 0) return fire();
    show("running");
    $("timer-title").textContent = plan.mode === "move" ? "Move" : "Sit or stand";
    $("break-clock").textContent = clock(left);
    $("break-progress").style.width = `${(100 * (1 - left / plan.length)).toFixed(1)}%`;
    timer = setTimeout(tick, Math.min(250, ((left / speed) * 1000)));
  }

  function csrfToken() {
    const found = document.cookie.split("; ").find((c) => c.startsWith("backcare_csrf="));
    return found ? decodeURIComponent(found.slice("backcare_csrf=".length)) : "";
  }

  async function record(body) {
    try {
      const response = await window.backcarePost("/api/breaks", body);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      $("break-status").textContent = "Recorded.";
      return response;
    } catch (error) {
      $("break-status").textContent = "Could not record it: the app is not reachable.";
      return null;
    }
  }

  async function answer(moved) {
    $("break-ask").classList.add("hidden");
    if (moved) habit.skipsInRow = 0; else habit.skipsInRow += 1;
    if (!moved && habit.before) habit.stillSince = habit.before; // the sitting went on through it
    saveHabit();
    if (answered !== null) {
      try {
        const response = await fetch(`/api/breaks/${answered}`, {
          method: "PATCH",
          headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken() },
          body: JSON.stringify({ moved }),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
      } catch (error) {
        $("break-status").textContent = "Could not record it: the app is not reachable.";
        return;
      }
    }
    $("break-status").textContent = moved ? "Well done: recorded." : "Recorded as skipped.";
    if (moved && standingDesk) {
      const stand = habit.number % 2 === 1; // after the 1st break stand, after the 2nd sit …
      $("break-posture").textContent = stand ? box.dataset.standText : box.dataset.sitText;
      $("break-posture").classList.remove("hidden");
    }
  }

  $("break-start").addEventListener("click", () => {
    habit.stillSince = wall();
    saveHabit();
    schedule(everyS, "sit");
  });
  $("break-stop").addEventListener("click", () => {
    plan = null;
    localStorage.removeItem(KEY);
    clearTimeout(timer);
    $("break-clock").textContent = clock(everyS);
    show("idle");
  });
  $("break-go").addEventListener("click", () => {
    $("break-limit").classList.add("hidden");
    $("break-posture").classList.add("hidden");
    schedule(moveS, "move");
  });
  $("break-postpone").addEventListener("click", () => {
    record({ outcome: "postponed", sat_minutes: satMinutes(wall()) });
    $("break-limit").classList.add("hidden");
    schedule(POSTPONE_S, "sit", true);
  });
  $("break-skip").addEventListener("click", () => {
    record({ outcome: "skipped", sat_minutes: satMinutes(wall()) });
    habit.skipsInRow += 1;
    saveHabit();
    schedule(everyS, "sit");
  });
  $("break-moved").addEventListener("click", () => answer(true));
  $("break-not-moved").addEventListener("click", () => answer(false));
  $("break-notify").addEventListener("click", async () => {
    if (!("Notification" in window)) {
      $("break-status").textContent = "This browser cannot show notifications; the page will chime instead.";
      return;
    }
    const permission = await Notification.requestPermission();
    $("break-status").textContent = permission === "granted" ? "Notifications are on." : "Notifications are off; the page will chime instead.";
  });
  if (plan) tick();
})();

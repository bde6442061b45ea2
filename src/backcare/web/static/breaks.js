// The break timer: a deadline (not a count of ticks), so a throttled background tab still fires
// on time. A notification when allowed, a short sound, and the answer recorded in the diary.
"use strict";
(() => {
  const box = document.getElementById("breaks");
  const $ = (id) => document.getElementById(id);
  const speed = Math.min(1000, Number(new URLSearchParams(location.search).get("speed")) || 1);
  const everyS = Number(box.dataset.everyMin) * 60;
  const moveS = Number(box.dataset.moveMin) * 60;
  const POSTPONE_S = 5 * 60;
  const KEY = "backcare.breaks";
  const wall = () => Date.now();
  let timer = null;
  let plan = JSON.parse(localStorage.getItem(KEY) || "null"); // {due: ms, length: s, mode}

  function show(part) {
    for (const name of ["idle", "running", "due"]) $(`break-${name}`).classList.toggle("hidden", name !== part);
  }

  function clock(seconds) {
    const s = Math.max(0, Math.ceil(seconds));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  }

  function schedule(seconds, mode) {
    plan = { due: wall() + (seconds * 1000) / speed, length: seconds, mode };
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

  function fire() {
    const text = plan.mode === "move" ? "Break over: back to it." : `Time to move for ${box.dataset.moveMin} minutes.`;
    $("break-announce").textContent = text;
    chime();
    if ("Notification" in window && Notification.permission === "granted") {
      new Notification("backcare", { body: text, icon: "/static/icon.svg", tag: "backcare-break" });
    }
    if (plan.mode === "move") return schedule(everyS, "sit");
    $("timer-title").textContent = "Time to move";
    show("due");
    plan = null;
    localStorage.removeItem(KEY);
    $("break-clock").textContent = "0:00";
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

  async function answer(outcome) {
    try {
      const response = await window.backcarePost("/api/breaks", { outcome });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      $("break-status").textContent = outcome === "taken" ? "Well done: recorded." : "Recorded.";
    } catch (error) {
      $("break-status").textContent = "Could not record it: the app is not reachable.";
    }
  }

  $("break-start").addEventListener("click", () => schedule(everyS, "sit"));
  $("break-stop").addEventListener("click", () => {
    plan = null;
    localStorage.removeItem(KEY);
    clearTimeout(timer);
    $("break-clock").textContent = clock(everyS);
    show("idle");
  });
  $("break-taken").addEventListener("click", () => { answer("taken"); schedule(moveS, "move"); });
  $("break-postpone").addEventListener("click", () => { answer("postponed"); schedule(POSTPONE_S, "sit"); });
  $("break-skip").addEventListener("click", () => { answer("skipped"); schedule(everyS, "sit"); });
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

// The guided session in the page: a mirror of backcare.session.machine (Python).
// Every countdown is a deadline: a step ends at dueAt and the next one starts at that deadline,
// never at the tick that noticed it, so a slow, sped-up or sleeping timer builds up no error.
// The state is saved to localStorage at every change, so a reload or a closed tab resumes.
"use strict";
(() => {
  const data = JSON.parse(document.getElementById("session-data").textContent);
  const steps = data.steps;
  const items = data.items;
  const params = new URLSearchParams(location.search);
  const KEY = `backcare.session.${data.date}.w${data.week}.d${data.day}${data.slot ? `.${data.slot}` : ""}`;
  const DONE_KINDS = ["work", "breathe"];
  const FRAME_MS = 50;
  const AWAY_MS = 5000; // a gap longer than this (tab closed, laptop asleep) counts as a pause
  const $ = (id) => document.getElementById(id);
  const wall = () => performance.timeOrigin + performance.now();

  const requested = Number(params.get("speed"));
  const speed = requested > 0 ? Math.min(requested, data.max_speed) : 1;
  let state = restore();
  const timings = (window.backcareTimings = []);
  let stepWall = { index: -1, at: 0, byDeadline: false };
  let timer = null;

  // --- clock: scaled seconds since the session's origin ---------------------------------------
  function now() {
    return ((wall() - state.origin) / 1000) * state.speed;
  }

  // --- the machine ---------------------------------------------------------------------------
  function fresh() {
    return {
      version: 1, phase: "ready", origin: wall(), speed, index: 0, stepStartedAt: 0, dueAt: 0,
      pausedAt: null, pausedS: 0, completed: [], skipped: [], finishedAt: null,
      endedEarly: false, painBefore: null, painAfter: null, startedWall: null,
      endedWall: null, lastSeen: 0, stopMessage: null, form: {},
    };
  }
  const finished = () => state.finishedAt !== null;
  const step = () => steps[state.index];

  function enter(index, at) {
    state.index = index;
    state.stepStartedAt = at;
    state.dueAt = at + steps[index].duration_s;
    if (steps[index].kind === "end") state.finishedAt = at;
  }

  function completeCurrent() {
    if (DONE_KINDS.includes(step().kind) && !state.completed.includes(state.index)) {
      state.completed.push(state.index);
    }
  }

  function advance(t) {
    while (!finished() && state.pausedAt === null && t >= state.dueAt) {
      timings.push({
        index: state.index, kind: step().kind, duration_s: step().duration_s,
        due_s: state.dueAt, noticed_s: t, late_s: t - state.dueAt,
        real_s: stepWall.index === state.index && stepWall.byDeadline
          ? ((wall() - stepWall.at) / 1000) * state.speed : null,
      });
      completeCurrent();
      enter(state.index + 1, state.dueAt);
    }
  }

  function pause(t) {
    advance(t);
    if (!finished() && state.pausedAt === null) state.pausedAt = t;
  }

  function resume(t) {
    if (state.pausedAt === null || finished()) return;
    const gap = Math.max(0, t - state.pausedAt);
    state.pausedAt = null;
    state.pausedS += gap;
    state.stepStartedAt += gap;
    state.dueAt += gap;
  }

  function jump(index, t) {
    const pausedAt = state.pausedAt;
    if (pausedAt !== null) {
      state.pausedAt = null;
      state.pausedS += t - pausedAt;
    }
    enter(index, t);
    if (pausedAt !== null && !finished()) state.pausedAt = t;
  }

  function firstStep(item) {
    return steps.findIndex((s) => s.item === item);
  }

  function skip(t) {
    advance(t);
    if (finished()) return;
    const item = step().item;
    if (!state.skipped.includes(item)) state.skipped.push(item);
    jump(steps.findIndex((s, i) => i > state.index && s.item !== item), t);
  }

  function back(t) {
    advance(t);
    if (finished()) return;
    let item = step().item;
    let first = firstStep(item);
    if (state.index === first && item > 0) {
      item -= 1;
      first = firstStep(item);
    }
    state.skipped = state.skipped.filter((i) => i !== item);
    jump(first, t);
  }

  function finishNow(t) {
    advance(t);
    if (finished()) return;
    state.finishedAt = state.pausedAt !== null ? state.pausedAt : t;
    state.endedEarly = true;
    state.pausedAt = null;
  }

  function view(t) {
    advance(t);
    const s = step();
    const clock = finished() ? state.finishedAt : state.pausedAt !== null ? state.pausedAt : t;
    const elapsed = Math.min(s.duration_s, Math.max(0, clock - state.stepStartedAt));
    const remaining = finished() ? 0 : Math.max(0, state.dueAt - clock);
    const total = steps[steps.length - 1].start_s;
    const v = { step: s, elapsed, remaining, progress: total ? Math.min(1, (s.start_s + elapsed) / total) : 1 };
    if (s.kind === "work" && s.reps && s.rep_s) {
      v.rep = Math.min(s.reps, Math.floor(elapsed / s.rep_s) + 1);
      if (s.hold_s) {
        const into = elapsed < s.duration_s ? elapsed % s.rep_s : s.rep_s;
        v.repPhase = into < s.hold_s ? ["Hold", s.hold_s - into] : ["Release", s.rep_s - into];
      }
    }
    if (s.kind === "breathe") v.breath = breathAt(elapsed, s.duration_s);
    return v;
  }

  function breathAt(elapsed, duration) {
    const cycle = data.breath_pattern.reduce((sum, [, seconds]) => sum + seconds, 0);
    let into = elapsed < duration ? elapsed % cycle : cycle;
    for (const [name, seconds] of data.breath_pattern) {
      if (into < seconds) return { name, left: seconds - into, length: seconds };
      into -= seconds;
    }
    const [name, seconds] = data.breath_pattern[data.breath_pattern.length - 1];
    return { name, left: 0, length: seconds };
  }

  function outcome() {
    return items.map((item, index) => {
      const work = steps.map((s, i) => [s, i]).filter(([s]) => s.item === index && DONE_KINDS.includes(s.kind)).map(([, i]) => i);
      const done = work.filter((i) => state.completed.includes(i));
      const sides = item.breathing ? 1 : (item.one_sided || steps.some((s) => s.item === index && s.side)) ? 2 : 1;
      const status = done.length === work.length ? "done" : done.length ? "partial" : "skipped";
      return { id: item.id, name: item.name, status, sets_done: Math.floor(done.length / sides), sets: Math.max(1, Math.floor(work.length / sides)) };
    });
  }

  // --- persistence -------------------------------------------------------------------------
  function save() {
    if (state.phase === "running") state.lastSeen = now();
    localStorage.setItem(KEY, JSON.stringify(state));
  }

  function restore() {
    let saved = null;
    try {
      saved = JSON.parse(localStorage.getItem(KEY) || "null");
    } catch (error) {
      saved = null;
    }
    if (!saved || saved.version !== 1 || saved.phase === "saved") return fresh();
    return saved;
  }

  function treatAbsenceAsPause() {
    const t = now();
    const awayReal = ((t - state.lastSeen) / state.speed) * 1000;
    if (state.pausedAt === null && !finished() && awayReal > AWAY_MS) {
      state.pausedAt = state.lastSeen;
      resume(t);
    }
  }

  // --- cues: sound, vibration, speech (each can be turned off, and all at once mid-session) ---
  const CUES_KEY = "backcare.cues";
  const CUE_OPTIONS = { sound: "opt-sound", vibrate: "opt-vibrate", speech: "opt-speech" };
  const cueLog = (window.backcareCues = []);
  function loadCues() {
    let saved = {};
    try {
      saved = JSON.parse(localStorage.getItem(CUES_KEY) || "{}") || {};
    } catch (error) {
      saved = {};
    }
    for (const [name, id] of Object.entries(CUE_OPTIONS)) {
      if (typeof saved[name] === "boolean") $(id).checked = saved[name];
    }
    $("cues").checked = saved.on !== false;
  }
  function saveCues() {
    const prefs = { on: $("cues").checked };
    for (const [name, id] of Object.entries(CUE_OPTIONS)) prefs[name] = $(id).checked;
    localStorage.setItem(CUES_KEY, JSON.stringify(prefs));
  }
  const cueOn = (name) => $("cues").checked && $(CUE_OPTIONS[name]).checked;
  function vibrate(kind) {
    if (!cueOn("vibrate") || !("vibrate" in navigator)) return false;
    navigator.vibrate(kind === "end" ? [200, 120, 200] : kind === "work" || kind === "breathe" ? 160 : 80);
    return true;
  }

  let audio = null;
  function beep(kind) {
    if (!cueOn("sound") || !audio) return;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    // a "form" cue (Check my form) has its own lower tone
    const tones = { work: 880, breathe: 880, end: 523, form: 440 };
    osc.frequency.value = tones[kind] || 660;
    gain.gain.setValueAtTime(0.0001, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.2, audio.currentTime + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.25);
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.3);
  }
  function say(text) {
    if (!cueOn("speech") || !("speechSynthesis" in window)) return;
    speechSynthesis.cancel();
    speechSynthesis.speak(new SpeechSynthesisUtterance(text));
  }

  // --- drawing -----------------------------------------------------------------------------
  const KIND_LABEL = {
    get_ready: "Get ready", work: "Work", switch_sides: "Switch sides", rest: "Rest",
    breathe: "Breathe", end: "Done",
  };
  const RING = 2 * Math.PI * 96;
  $("ring-arc") && $("ring-arc").setAttribute("stroke-dasharray", RING.toFixed(1));

  function stepTitle(s) {
    if (s.kind === "work" && s.hold_s && !s.reps) return "Hold";
    return KIND_LABEL[s.kind];
  }

  function showItem(s) {
    const item = items[s.item];
    if (!item) return;
    $("item-name").textContent = item.name;
    $("item-count").textContent = `Exercise ${s.item + 1} of ${items.length}`;
    $("item-dose").textContent = item.dose;
    $("item-note").textContent = item.note || "";
    $("item-link").href = `/kb/${item.id}`;
    const next = items[s.item + 1];
    $("next-up").textContent = next ? `Next: ${next.name}` : "Last exercise";
    document.dispatchEvent(new CustomEvent("backcare:item", { detail: { index: s.item } }));
    const list = $("item-steps");
    list.replaceChildren(...item.steps.map((text) => Object.assign(document.createElement("li"), { textContent: text })));
    const img = $("picture-img");
    if (img.dataset.id !== item.id) {
      img.dataset.id = item.id;
      $("picture").classList.remove("hidden");
      img.alt = `How to do ${item.name}`;
    }
    showPicture();
  }

  // The picture moves only while the session runs: paused (or finished) it shows the held pose
  // still, and with prefers-reduced-motion it never moves.
  const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");
  const pictureUrl = (id, still) => `/api/kb/${encodeURIComponent(id)}/picture.svg${still ? "?still=true" : ""}`;
  function showPicture() {
    const img = $("picture-img");
    if (!img.dataset.id) return;
    const still = reducedMotion.matches || state.pausedAt !== null || finished();
    const url = pictureUrl(img.dataset.id, still);
    if (img.getAttribute("src") !== url) img.src = url;
    img.dataset.still = String(still);
  }
  reducedMotion.addEventListener("change", showPicture);
  $("picture-img") && $("picture-img").addEventListener("error", () => $("picture").classList.add("hidden"));

  function draw(t) {
    const v = view(t);
    const s = v.step;
    $("progress").style.width = `${(v.progress * 100).toFixed(1)}%`;
    $("step-kind").textContent = (state.pausedAt !== null ? "Paused · " : "") + stepTitle(s) + (s.side ? ` · ${s.side} side` : "");
    const seconds = Math.ceil(v.remaining - 1e-9);
    $("ring-number").textContent = seconds >= 60 ? `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}` : String(seconds);
    $("ring-under").textContent = seconds >= 60 ? "minutes" : "seconds";
    const left = s.duration_s ? v.remaining / s.duration_s : 0;
    $("ring-arc").setAttribute("stroke-dashoffset", (RING * (1 - left)).toFixed(2));
    $("ring").classList.toggle("rest", s.kind === "rest" || s.kind === "switch_sides");
    $("ring").classList.toggle("ready", s.kind === "get_ready");
    $("set").textContent = s.sets ? `${s.set_no} of ${s.sets}` : "–";
    $("rep").textContent = v.rep ? `${v.rep} of ${s.reps}` : "–";
    $("c-side").classList.toggle("off", !s.side);
    $("c-set").classList.toggle("off", !s.sets);
    $("c-rep").classList.toggle("off", !v.rep);
    $("side").textContent = s.side || "–";
    $("rep-phase").textContent = v.repPhase ? `${v.repPhase[0]} · ${Math.ceil(v.repPhase[1])} s` : "";
    const pacer = $("pacer");
    pacer.classList.toggle("hidden", !v.breath);
    $("ring").classList.toggle("breathing", Boolean(v.breath));
    if (v.breath) {
      const f = 1 - v.breath.left / v.breath.length;
      const scale = v.breath.name === "inhale" ? 0.6 + 0.4 * f : v.breath.name === "exhale" ? 1 - 0.4 * f : 1;
      pacer.style.transform = reducedMotion.matches ? "" : `scale(${scale.toFixed(3)})`;
      $("pacer-label").textContent = `${v.breath.name[0].toUpperCase()}${v.breath.name.slice(1)} ${Math.ceil(v.breath.left)}`;
    }
    $("pause").textContent = state.pausedAt !== null ? "Resume" : "Pause";
  }

  function announce(s) {
    const item = items[s.item];
    const text = s.kind === "end" ? "Session complete." : `${stepTitle(s)}${item ? `: ${item.name}` : ""}${s.side ? `, ${s.side} side` : ""}`;
    $("announce").textContent = text;
    beep(s.kind);
    const buzzed = vibrate(s.kind);
    say(text);
    cueLog.push({ index: state.index, kind: s.kind, sound: cueOn("sound"), vibrate: buzzed, speech: cueOn("speech") });
  }

  // --- phases ------------------------------------------------------------------------------
  function showPhase(phase) {
    for (const name of ["ready", "running", "ask", "done", "saved"]) {
      $(`phase-${name}`).classList.toggle("hidden", name !== phase);
    }
    document.body.classList.toggle("session-live", phase === "running");
    holdScreen(phase === "running" && state.pausedAt === null);
  }

  // --- the screen stays on while a session runs (released when paused or done) -------------
  let wakeLock = null;
  const wake = (window.backcareWake = { state: "off", requests: 0 });
  async function holdScreen(on) {
    if (!("wakeLock" in navigator)) {
      wake.state = "unsupported";
      return;
    }
    if (on && !wakeLock && document.visibilityState === "visible") {
      wake.requests += 1;
      try {
        wakeLock = await navigator.wakeLock.request("screen");
        wake.state = "held";
        wakeLock.addEventListener("release", () => {
          wakeLock = null;
          wake.state = "released";
        });
      } catch (error) {
        wake.state = "refused";
      }
    } else if (!on && wakeLock) {
      const lock = wakeLock;
      wakeLock = null;
      await lock.release();
      wake.state = "off";
    }
  }

  // Pictures of the whole session are fetched at the start, so they are kept for offline use.
  function prefetchPictures() {
    for (const item of items) {
      for (const still of [false, true]) fetch(pictureUrl(item.id, still)).catch(() => {});
    }
  }

  // After Start the session is the screen: scrolled to its top, focus on it (not left behind).
  function focusSession() {
    window.scrollTo(0, 0);
    $("phase-running").focus({ preventScroll: true });
  }

  function tick() {
    clearTimeout(timer);
    const before = state.index;
    const t = now();
    advance(t);
    if (state.index !== before) {
      stepWall = { index: state.index, at: wall(), byDeadline: true };
      showItem(step());
      announce(step());
      save();
      if (itemDone(before)) return askAbout(steps[before].item);
    } else if (t - state.lastSeen > state.speed) {
      save();
    }
    if (finished()) return toDone();
    draw(t);
    const untilDue = state.pausedAt === null ? ((state.dueAt - now()) / state.speed) * 1000 : FRAME_MS;
    timer = setTimeout(tick, Math.max(0, Math.min(FRAME_MS, untilDue)));
  }

  function act(fn) {
    fn(now());
    stepWall = { index: state.index, at: wall(), byDeadline: false };
    save();
    holdScreen(state.pausedAt === null && !finished());
    if (finished()) return toDone();
    showItem(step());
    announce(step());
    tick();
  }

  // --- the one-tap question after each exercise the timer finished (not skipped) ---------------
  let asking = false;
  function itemDone(before) {
    const item = steps[before].item;
    const movedOn = step().item > item || (finished() && !state.endedEarly);
    return Boolean(window.backcareAsk) && item >= 0 && movedOn && !state.skipped.includes(item);
  }

  async function askAbout(item) {
    clearTimeout(timer);
    asking = true;
    pause(now());
    save();
    showPhase("ask");
    const result = await window.backcareAsk.ask(items[item], data.week, state.painBefore, data.stop_advice);
    asking = false;
    showPhase("running");
    if (result.stop) {
      state.stopMessage = result.message;
      return act(finishNow);
    }
    if (finished()) return toDone();
    act(resume);
  }

  function toDone() {
    clearTimeout(timer);
    document.dispatchEvent(new CustomEvent("backcare:end"));
    state.phase = "done";
    state.endedWall = state.endedWall || new Date().toISOString();
    save();
    const results = outcome();
    const done = results.filter((r) => r.status === "done").length;
    const partial = results.filter((r) => r.status === "partial").length;
    const all = done === results.length;
    $("done-title").textContent = all ? "Well done" : done || partial ? "Session ended" : "Nothing done this time";
    let summary = `${done} of ${results.length} exercises done`;
    if (partial) summary += `, ${partial} partly`;
    summary += state.endedEarly && !all ? " (finished early)." : ".";
    if (!done && !partial) summary += " That's all right: try again when you are ready.";
    $("done-summary").textContent = summary;
    if (state.stopMessage) {
      $("done-title").textContent = "Session stopped";
      $("stop-box").textContent = state.stopMessage;
      $("stop-box").classList.remove("hidden");
    }
    showPhase("done");
    $("done-title").focus?.();
  }

  function record() {
    const ended = new Date(state.endedWall || Date.now());
    const started = new Date(Math.min(Date.parse(state.startedWall), ended.getTime()));
    return {
      plan_day: data.day, week: data.week,
      started_at: started.toISOString(), ended_at: ended.toISOString(),
      items: outcome().map((r) => ({
        id: r.id, status: r.status === "done" ? "done" : "skipped", sets_done: r.sets_done,
        ...(state.form && state.form[r.id] ? { form_check: state.form[r.id] } : {}),
      })),
      pain_before: state.painBefore, pain_after: state.painAfter,
    };
  }

  async function saveSession() {
    $("save").disabled = true;
    const body = record();
    let text = "Your session is in the diary.";
    try {
      const response = await window.backcarePost("/api/sessions", body);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    } catch (error) {
      window.backcareOutbox.add(body);
      text = "Saved on this device: it goes to the diary as soon as the app is reachable again.";
    }
    state.phase = "saved";
    localStorage.removeItem(KEY);
    $("saved-text").textContent = text;
    showPhase("saved");
    $("saved-title").focus();
    showAlerts();
  }

  // The pain given before and after went into the diary: say at once what it now calls for
  // (a jump in pain asks for a re-check), rather than leave it for the next diary visit.
  const RECHECK_KINDS = ["pain_jump", "new_leg_symptoms"];
  async function showAlerts() {
    let alerts = [];
    try {
      const response = await fetch("/api/diary/pain?since=" + encodeURIComponent(new Date().toISOString()));
      if (response.ok) alerts = (await response.json()).alerts;
    } catch (error) {
      return; // offline: the diary shows them once the session reaches it
    }
    const shown = alerts.map((alert) => {
      const box = Object.assign(document.createElement("div"), {
        className: alert.level === "good_news" ? "alert good" : "alert",
        textContent: alert.message,
      });
      box.setAttribute("role", alert.level === "good_news" ? "status" : "alert");
      if (RECHECK_KINDS.includes(alert.kind)) {
        box.append(" ", Object.assign(document.createElement("a"), { href: "/check-in", textContent: "Check in again" }));
      }
      return box;
    });
    $("saved-alerts").replaceChildren(...shown);
  }

  function chosen(name) {
    const input = document.querySelector(`input[name="${name}"]:checked`);
    return input ? Number(input.value) : null;
  }

  // --- wiring ------------------------------------------------------------------------------
  $("start").addEventListener("click", () => {
    audio = audio || (window.AudioContext ? new AudioContext() : null);
    state = fresh();
    state.painBefore = chosen("pain_before");
    state.phase = "running";
    state.startedWall = new Date().toISOString();
    enter(0, 0);
    stepWall = { index: 0, at: wall(), byDeadline: true };
    advance(now());
    showPhase("running");
    showItem(step());
    announce(step());
    save();
    focusSession();
    prefetchPictures();
    tick();
  });
  $("pause").addEventListener("click", () => act((t) => (state.pausedAt !== null ? resume(t) : pause(t))));
  $("skip").addEventListener("click", () => act(skip));
  $("back").addEventListener("click", () => act(back));
  $("finish").addEventListener("click", () => act(finishNow));
  $("save").addEventListener("click", () => {
    state.painAfter = chosen("pain_after");
    saveSession();
  });
  // Keys, as in the terminal session: Space or p pauses, → or s skips, ← or b goes back.
  const KEYS = { " ": "pause", p: "pause", ArrowRight: "skip", s: "skip", ArrowLeft: "back", b: "back" };
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target instanceof HTMLElement && target.closest("input, textarea, select");
    const native = event.key === " " && target instanceof HTMLElement && target.closest("button, a");
    if (state.phase !== "running" || asking || typing || native || event.ctrlKey || event.metaKey || event.altKey) return;
    const button = KEYS[event.key];
    if (!button) return;
    event.preventDefault();
    $(button).click();
  });
  document.addEventListener("visibilitychange", () => {
    if (state.phase !== "running") return;
    save();
    if (document.visibilityState === "visible") holdScreen(state.pausedAt === null);
  });
  for (const id of ["cues", ...Object.values(CUE_OPTIONS)]) $(id).addEventListener("change", saveCues);
  loadCues();
  window.addEventListener("pagehide", () => state.phase === "running" && save());

  // "Check my form" (formcheck.js) reports what it counted: kept with the session, nothing else.
  function noteForm(id, result) {
    state.form = state.form || {};
    const before = state.form[id] || { reps: 0, cues: [] };
    state.form[id] = { reps: before.reps + result.reps, cues: [...before.cues, ...result.cues].slice(0, 200) };
    save();
  }

  window.backcareSession = { state: () => state, now: () => now(), steps, items, noteForm, beep };

  if (state.phase === "running") {
    treatAbsenceAsPause();
    showPhase("running");
    showItem(step());
    focusSession();
    document.body.dataset.resumed = "true";
    tick();
  } else if (state.phase === "done") {
    toDone();
  } else {
    showPhase("ready");
  }
})();

// The movement coach's logic in the browser: a line-for-line mirror of backcare.camera (Python),
// tested against it on the same landmark streams. Thresholds and cue words are never written here:
// they come from the exercise's `camera` block, served as JSON.
"use strict";
(function (root) {
  const LANDMARKS = ["nose"];
  for (const side of ["left", "right"]) for (const p of ["eye_inner", "eye", "eye_outer"]) LANDMARKS.push(`${side}_${p}`);
  LANDMARKS.push("left_ear", "right_ear", "mouth_left", "mouth_right");
  for (const p of ["shoulder", "elbow", "wrist", "pinky", "index", "thumb"]) LANDMARKS.push(`left_${p}`, `right_${p}`);
  for (const p of ["hip", "knee", "ankle", "heel", "foot_index"]) LANDMARKS.push(`left_${p}`, `right_${p}`);

  const DEG = 180 / Math.PI;
  const given = (v) => v !== undefined && v !== null;

  // A frame from the model's 33 points ({x, y, visibility}); `aspect` (width / height) makes x
  // the same scale as y, so angles are true angles.
  function fromList(points, aspect) {
    const frame = {};
    LANDMARKS.forEach((name, i) => {
      const p = points[i];
      frame[name] = { x: p.x * aspect, y: p.y, visibility: given(p.visibility) ? p.visibility : 1 };
    });
    return frame;
  }

  function name(point, side) {
    if (point === "nose") return "nose";
    return `${side}_${point === "foot" ? "foot_index" : point}`;
  }

  function angle(a, b, c) {
    const ux = a.x - b.x, uy = a.y - b.y, vx = c.x - b.x, vy = c.y - b.y;
    const norm = Math.hypot(ux, uy) * Math.hypot(vx, vy);
    if (norm === 0) return null;
    return Math.acos(Math.max(-1, Math.min(1, (ux * vx + uy * vy) / norm))) * DEG;
  }

  function incline(a, b) {
    const dx = Math.abs(b.x - a.x), dy = Math.abs(b.y - a.y);
    return dx === 0 && dy === 0 ? null : Math.atan2(dy, dx) * DEG;
  }

  function oneSide(measure, frame, side, minVisibility) {
    const points = measure.angle || measure.incline;
    const marks = points.map((p) => frame[name(p, side)]).filter((m) => m && m.visibility >= minVisibility);
    if (marks.length !== points.length) return null;
    return marks.length === 3 ? angle(...marks) : incline(...marks);
  }

  function read(measure, frame, minVisibility) {
    if (!frame) return null;
    const side = measure.side || "mean";
    if (side === "left" || side === "right") return oneSide(measure, frame, side, minVisibility);
    const values = ["left", "right"].map((s) => oneSide(measure, frame, s, minVisibility)).filter(given);
    if (!values.length) return null;
    if (side === "mean") return values.reduce((a, b) => a + b, 0) / values.length;
    return side === "max" ? Math.max(...values) : Math.min(...values);
  }

  function start() {
    return {
      status: "step_into_view", phase: "waiting", progress: 0, reps: 0, holds: [], top_since: null,
      top_last: null, last_seen: null, recent: [], cue_since: {}, cue: null, cue_at: 0, cues_shown: [],
    };
  }

  function holdS(state, now) {
    return state.phase === "top" && given(state.top_since) ? now - state.top_since : 0;
  }

  function allHolds(state) {
    if (state.phase === "top" && given(state.top_since) && given(state.top_last)) {
      return [...state.holds, state.top_last - state.top_since];
    }
    return state.holds;
  }

  function values(camera, frame) {
    const signal = read(camera.signal, frame, camera.min_visibility);
    const cues = (camera.cues || []).map((cue) => (cue.measure ? read(cue.measure, frame, camera.min_visibility) : signal));
    return [signal, ...cues];
  }

  function lost(camera, state, now) {
    if (given(state.last_seen) && now - state.last_seen < camera.lost_after_s) return state;
    return { ...state, status: "step_into_view", cue: null, cue_since: {}, recent: [] };
  }

  function move(state, progress, now) {
    if (state.phase === "waiting") return progress <= 0 ? { ...state, phase: "rest" } : state;
    if (state.phase === "rest") {
      if (progress < 1) return state;
      return { ...state, phase: "top", reps: state.reps + 1, top_since: now, top_last: now };
    }
    const topLast = progress >= 1 ? now : state.top_last;
    if (progress > 0) return { ...state, top_last: topLast };
    const held = (given(topLast) ? topLast : now) - (given(state.top_since) ? state.top_since : now);
    return { ...state, phase: "rest", holds: [...state.holds, held] };
  }

  function speed(recent, index, windowS) {
    const [tNow, nowValues] = recent[recent.length - 1];
    const [tOld, oldValues] = recent[0];
    const a = nowValues[index], b = oldValues[index];
    if (!given(a) || !given(b) || tNow - tOld < windowS / 2) return null;
    return Math.abs(a - b) / (tNow - tOld);
  }

  function inPhase(cue, state) {
    const top = state.phase === "top";
    return {
      top: top && state.progress >= 1,
      returning: top && state.progress < 1,
      rising: state.phase === "rest" && state.progress > 0,
      any: state.phase !== "waiting",
    }[cue.during || "top"];
  }

  function cueHolds(camera, cue, index, state) {
    const value = state.recent[state.recent.length - 1][1][index];
    if (!given(value) || !inPhase(cue, state)) return false;
    if (given(cue.below)) return value < cue.below;
    if (given(cue.above)) return value > cue.above;
    const s = speed(state.recent, index, camera.speed_window_s);
    return given(s) && s > cue.faster_than;
  }

  function chooseCue(camera, state, now) {
    const cues = camera.cues || [];
    const since = {};
    cues.forEach((cue, i) => {
      if (cueHolds(camera, cue, i + 1, state)) since[cue.id] = given(state.cue_since[cue.id]) ? state.cue_since[cue.id] : now;
    });
    state = { ...state, cue_since: since };
    if (given(state.cue) && now - state.cue_at < camera.cue_shown_s) return state;
    const ready = cues.filter((cue) => given(since[cue.id]) && now - since[cue.id] >= cue.for_s).map((cue) => cue.id);
    const chosen = ready.length ? ready[0] : null;
    if (chosen === null || chosen === state.cue) return { ...state, cue: chosen };
    return { ...state, cue: chosen, cue_at: now, cues_shown: [...state.cues_shown, chosen] };
  }

  function observe(camera, state, now, frame) {
    const vals = values(camera, frame);
    const signal = vals[0];
    if (!given(signal)) return lost(camera, state, now);
    const recent = state.recent.filter((s) => now - s[0] <= camera.speed_window_s);
    const progress = (signal - camera.rest) / (camera.top - camera.rest);
    state = { ...state, status: "tracking", last_seen: now, progress, recent: [...recent, [now, vals]] };
    return chooseCue(camera, move(state, progress, now), now);
  }

  function summarise(camera, frames) {
    let state = start();
    for (const [now, frame] of frames) state = observe(camera, state, now, frame);
    return { reps: state.reps, holds_s: allHolds(state), cues_shown: state.cues_shown, status: state.status };
  }

  const api = { LANDMARKS, fromList, read, start, observe, holdS, allHolds, summarise };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.backcareCoach = api;
})(typeof window !== "undefined" ? window : globalThis);

// "Check my form": the camera, opt-in each time, for exercises whose content has a camera block.
// The pose model (MediaPipe's pose landmarker, served from /static/pose/) runs on this device;
// coach.js turns each frame's landmarks into a repetition count, a hold time and at most one cue.
// No frame, landmark or video leaves the page: only the count and the cue ids shown are given to
// the session (window.backcareSession.noteForm), which saves them with the session record.
// The camera never changes the session: its timer, doses and stop rule run as before.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const session = window.backcareSession;
  const coach = window.backcareCoach;
  if (!session || !coach || !$("form-check")) return;

  const POSE = "/static/pose";
  const VIEW_WORDS = { side: "Film yourself from the side, whole body in the picture.", front: "Film yourself from the front, whole body in the picture." };
  const stats = (window.backcareForm = { state: null, frames: 0, detectMs: 0, loadMs: null, firstFrameAt: null, error: null, running: false });
  let item = null;
  let camera = null; // the exercise's camera block
  let stream = null;
  let landmarker = null;
  let loading = null;
  let coachState = null;
  let startedAt = 0;
  let lastVideoTime = -1;
  let shownCue = null;

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = Object.assign(document.createElement("script"), { src });
      script.onload = resolve;
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(script);
    });
  }

  // The model loads once per page, on the first tap, from this server only.
  function loadModel() {
    if (!loading) {
      const started = performance.now();
      loading = (async () => {
        if (!window.Vision) await loadScript(`${POSE}/vision_bundle.js`);
        const files = await window.Vision.FilesetResolver.forVisionTasks(`${POSE}/wasm`);
        landmarker = await window.Vision.PoseLandmarker.createFromOptions(files, {
          baseOptions: { modelAssetPath: `${POSE}/pose_landmarker_lite.task`, delegate: "CPU" },
          runningMode: "VIDEO", numPoses: 1,
        });
        stats.loadMs = performance.now() - started;
      })();
      loading.catch(() => { loading = null; });
    }
    return loading;
  }

  function show(on) {
    $("form-live").classList.toggle("hidden", !on);
    $("form-on").classList.toggle("hidden", !on);
    $("form-start").classList.toggle("hidden", on);
    $("form-about").classList.toggle("hidden", on);
  }

  function setCue(text, away) {
    $("form-cue").textContent = text;
    $("form-cue").classList.toggle("away", Boolean(away));
  }

  async function start() {
    if (!camera || stats.running) return;
    stats.running = true;
    stats.error = null;
    show(true);
    setCue("Starting the camera…", true);
    $("form-view").textContent = VIEW_WORDS[camera.view] || "";
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480, facingMode: "user" }, audio: false });
      const video = $("form-video");
      video.srcObject = stream;
      await video.play();
      setCue("Loading the movement coach…", true);
      await loadModel();
      if (!stats.running) return; // stopped while loading
      coachState = coach.start();
      startedAt = performance.now();
      lastVideoTime = -1;
      next();
    } catch (error) {
      stats.error = String(error && error.message ? error.message : error);
      stop(false);
      $("form-about").textContent = "The camera could not start, so the session carries on without it. " + stats.error;
    }
  }

  function next() {
    const video = $("form-video");
    if (!stats.running) return;
    if (video.requestVideoFrameCallback) video.requestVideoFrameCallback(frame);
    else requestAnimationFrame(frame);
  }

  function frame() {
    if (!stats.running || !landmarker) return;
    const video = $("form-video");
    if (video.readyState >= 2 && video.currentTime !== lastVideoTime) {
      lastVideoTime = video.currentTime;
      const at = performance.now();
      const result = landmarker.detectForVideo(video, at);
      stats.detectMs += performance.now() - at;
      stats.frames += 1;
      if (stats.firstFrameAt === null) stats.firstFrameAt = at;
      const points = result.landmarks && result.landmarks[0];
      const seen = points ? coach.fromList(points, video.videoWidth / video.videoHeight) : null;
      coachState = coach.observe(camera, coachState, (at - startedAt) / 1000, seen);
      stats.state = { status: coachState.status, reps: coachState.reps, cue: coachState.cue, cues_shown: coachState.cues_shown, landmarks: points ? points.length : 0 };
      draw((at - startedAt) / 1000);
    }
    next();
  }

  // "1 repetition", "2 repetitions": the count is read aloud by screen readers, so it must be English.
  function showReps(reps) {
    $("form-reps").textContent = String(reps);
    $("form-reps-label").textContent = reps === 1 ? "repetition counted" : "repetitions counted";
  }

  function draw(now) {
    showReps(coachState.reps);
    const hold = coach.holdS(coachState, now);
    $("form-hold").textContent = hold >= 1 ? `Holding ${Math.floor(hold)} s` : "";
    if (coachState.status === "step_into_view") {
      setCue("Step into view", true);
      shownCue = null;
      return;
    }
    const cue = camera.cues.find((c) => c.id === coachState.cue);
    setCue(cue ? cue.says : "", false);
    if (cue && cue.id !== shownCue) session.beep("form"); // only when the session's sound cues are on
    shownCue = cue ? cue.id : null;
  }

  // One tap stops everything: the camera light goes off and the count goes to the session.
  function stop(keep = true) {
    const wasRunning = stats.running;
    stats.running = false;
    if (stream) stream.getTracks().forEach((track) => track.stop());
    stream = null;
    $("form-video").srcObject = null;
    show(false);
    if (keep && wasRunning && coachState && item && (coachState.reps || coachState.cues_shown.length)) {
      session.noteForm(item.id, { reps: coachState.reps, cues: coachState.cues_shown });
    }
    coachState = null;
  }

  function onItem(index) {
    const next = session.items[index];
    if (next === item) return;
    stop();
    item = next || null;
    camera = item && item.camera;
    $("form-check").classList.toggle("hidden", !camera);
    showReps(0);
  }

  document.addEventListener("backcare:item", (event) => onItem(event.detail.index));
  document.addEventListener("backcare:end", () => stop());
  window.addEventListener("pagehide", () => stop());
  $("form-start").addEventListener("click", start);
  $("form-stop").addEventListener("click", () => stop());
  const now = session.state();
  if (now.phase === "running" && session.steps[now.index]) onItem(session.steps[now.index].item); // resumed
})();

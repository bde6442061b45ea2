// The one-tap question after each exercise, and the stop rule after "it hurt".
// session.js pauses the session and calls window.backcareAsk.ask(...); this resolves with
// {stop: false} to carry on, or {stop: true, message} when the stop rule ends the session.
// The rule mirrors backcare.programme.stop (pain up 2 or more, or new leg symptoms) so it works
// offline; the server applies the same rule and records the stop (/api/programme/stop).
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const PAIN_RISE_TO_STOP = 2;

  function post(url, body) {
    return window.backcarePost(url, body).then((response) => {
      if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
      return response;
    }).catch(() => window.backcareOutbox.add(body, url));
  }

  function chosen(name) {
    const input = document.querySelector(`input[name="${name}"]:checked`);
    return input ? input.value : null;
  }

  function reset() {
    for (const input of document.querySelectorAll('#phase-ask input[type="radio"]')) input.checked = false;
    $("hurt").classList.add("hidden");
    $("ask-taps").classList.remove("hidden");
    $("ask-skip").classList.remove("hidden");
  }

  function hurtQuestions(item, painBefore, advice) {
    $("ask-taps").classList.add("hidden");
    $("ask-skip").classList.add("hidden");
    $("hurt").classList.remove("hidden");
    $("pain-now-legend").focus();
    return new Promise((resolve) => {
      $("hurt-go").onclick = () => {
        const now = chosen("pain_now");
        const painNow = now === null ? null : Number(now);
        const leg = chosen("leg") === "yes";
        post("/api/programme/stop", {
          pain_before: painBefore, pain_now: painNow, new_leg_symptoms: leg, exercise_id: item.id,
        });
        const rose = painBefore !== null && painNow !== null && painNow - painBefore >= PAIN_RISE_TO_STOP;
        if (!leg && !rose) return resolve({ stop: false });
        const said = leg ? "You noticed new symptoms in a leg." : `Your pain rose from ${painBefore} to ${painNow}.`;
        resolve({ stop: true, message: `${said} ${advice}` });
      };
    });
  }

  const asked = [];
  function ask(item, week, painBefore, advice) {
    asked.push(item.id);
    reset();
    $("ask-name").textContent = item.name;
    $("ask-title").focus();
    return new Promise((resolve) => {
      $("ask-skip").onclick = () => resolve({ stop: false });
      for (const button of document.querySelectorAll("#ask-taps [data-answer]")) {
        button.onclick = () => {
          const answer = button.dataset.answer;
          post("/api/programme/feedback", { exercise_id: item.id, answer, at: new Date().toISOString() });
          if (answer !== "it_hurt") return resolve({ stop: false });
          hurtQuestions(item, painBefore, advice).then(resolve);
        };
      }
    });
  }

  window.backcareAsk = { ask, asked };
})();

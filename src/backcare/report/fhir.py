"""The FHIR R4 bundle: an ``Observation`` per pain score (LOINC 72514-3), a
``QuestionnaireResponse`` per saved questionnaire (STarT Back with its LOINC panel 91349-1, item,
score and risk-level codes, as published at loinc.org/91349-1) and, once a profile is saved, the
programme as a ``CarePlan`` (``report.careplan``) with its ``Goal``s. Every resource names the
one ``Patient`` of the bundle, who carries no name or other identifying detail."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from backcare.plan import Plan
from backcare.programme.phases import PhaseVerdict
from backcare.programme.questionnaires import instrument
from backcare.report.careplan import care_plan, goals
from backcare.report.codes import LOINC, LOINC_PAIN_SEVERITY
from backcare.schemas import PainEntryPublic, QuestionnairePublic

SURVEY_CATEGORY = {
    "system": "http://terminology.hl7.org/CodeSystem/observation-category",
    "code": "survey",
    "display": "Survey",
}
LOINC_QUESTIONNAIRE = "http://loinc.org/q/{code}"
"""LOINC's canonical form for a panel used as a questionnaire."""
LOCAL_QUESTIONNAIRE = "urn:backcare:questionnaire:{id}"
"""PEG and PSFS: no LOINC panel verified, so a local identifier."""


def fhir_bundle(
    *,
    user_id: int,
    pain: Sequence[PainEntryPublic],
    questionnaires: Sequence[QuestionnairePublic],
    now: datetime,
    programme: tuple[Plan, PhaseVerdict] | None = None,
) -> dict[str, Any]:
    """A ``Bundle`` (type collection) of the person's pain scores, questionnaires and, when
    given, this week's programme (plan and phase) as a CarePlan with its Goals; empty when
    there is nothing to send."""
    patient = _entry(user_id, "patient", 0, {"resourceType": "Patient", "active": True})
    subject = {"reference": patient["fullUrl"]}
    entries = [_entry(user_id, "pain", e.id, _observation(e, subject)) for e in pain]
    entries += [
        _entry(user_id, "questionnaire", q.id, _questionnaire_response(q, subject))
        for q in questionnaires
    ]
    if programme is not None:
        aims = [
            _entry(user_id, "goal", n, goal)
            for n, goal in enumerate(goals(pain, questionnaires, subject))
        ]
        plan, phase = programme
        refs = [{"reference": aim["fullUrl"]} for aim in aims]
        entries += [*aims, _entry(user_id, "careplan", 0, care_plan(plan, phase, subject, refs))]
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": now.isoformat(),
        "entry": [*entries, patient] if entries else [],
    }


def _entry(user_id: int, kind: str, row_id: int, resource: dict[str, Any]) -> dict[str, Any]:
    """Stable ids across exports, so re-sending the same record does not duplicate it."""
    key = uuid.uuid5(uuid.NAMESPACE_URL, f"backcare:user/{user_id}/{kind}/{row_id}")
    return {"fullUrl": f"urn:uuid:{key}", "resource": resource}


def _observation(entry: PainEntryPublic, subject: dict[str, str]) -> dict[str, Any]:
    observation: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "subject": subject,
        "category": [{"coding": [SURVEY_CATEGORY]}],
        "code": {"coding": [LOINC_PAIN_SEVERITY], "text": "Pain severity (0-10)"},
        "effectiveDateTime": entry.at.isoformat(),
        "valueInteger": entry.score,
    }
    if entry.areas:
        observation["bodySite"] = {"text": ", ".join(a.replace("_", " ") for a in entry.areas)}
    if entry.note:
        observation["note"] = [{"text": entry.note}]
    return observation


def _questionnaire_response(saved: QuestionnairePublic, subject: dict[str, str]) -> dict[str, Any]:
    spec = instrument(saved.instrument)
    items = _startback_items(saved) if saved.instrument == "startback" else _rating_items(saved)
    canonical = (
        LOINC_QUESTIONNAIRE.format(code=spec.loinc.panel)
        if spec.loinc is not None
        else LOCAL_QUESTIONNAIRE.format(id=spec.id)
    )
    return {
        "resourceType": "QuestionnaireResponse",
        "status": "completed",
        "questionnaire": canonical,
        "subject": subject,
        "authored": saved.at.isoformat(),
        "item": items,
    }


def _startback_items(saved: QuestionnairePublic) -> list[dict[str, Any]]:
    """The nine answers, then the distress subscore, total and risk level, each under its
    LOINC code (item ``linkId``s are the LOINC codes of the panel's members)."""
    spec = instrument("startback")
    assert spec.loinc is not None  # the STarT Back file carries its codes (tested)
    items = [
        {
            "linkId": item.loinc or f"item-{n}",
            "text": item.text,
            "answer": [{"valueCoding": {"display": spec.answer_sets[item.answers][answer]}}],
        }
        for n, (item, answer) in enumerate(zip(spec.items, saved.answers, strict=True), start=1)
    ]
    risk = saved.risk or "low"
    items += [
        _score_item(spec.loinc.psychosocial, "Distress subscore [STarT Back]", saved.psychosocial),
        _score_item(spec.loinc.total, "Total score [STarT Back]", saved.total),
        {
            "linkId": spec.loinc.risk,
            "text": "STarT Back Screening risk level",
            "answer": [
                {
                    "valueCoding": {
                        "system": LOINC,
                        "code": spec.loinc.risk_answers[risk],
                        "display": risk.capitalize(),
                    }
                }
            ],
        },
    ]
    return items


def _score_item(link_id: str, text: str, value: int | None) -> dict[str, Any]:
    return {"linkId": link_id, "text": text, "answer": [{"valueInteger": value or 0}]}


def _rating_items(saved: QuestionnairePublic) -> list[dict[str, Any]]:
    """PEG and PSFS: each 0–10 rating (the PSFS under the activity the person named), then the
    mean score."""
    spec = instrument(saved.instrument)
    items: list[dict[str, Any]] = []
    for n, answer in enumerate(saved.answers, start=1):
        text = saved.activities[n - 1] if saved.activities else spec.items[n - 1].text
        items.append(
            {"linkId": f"{spec.id}-{n}", "text": text, "answer": [{"valueInteger": answer}]}
        )
    items.append(
        {
            "linkId": f"{spec.id}-score",
            "text": f"{spec.short_name} score (mean, 0-10)",
            "answer": [{"valueDecimal": round(saved.score or 0.0, 2)}],
        }
    )
    return items

"""Codes shared by the FHIR resources (checked at loinc.org)."""

LOINC = "http://loinc.org"
LOINC_PAIN_SEVERITY = {
    "system": LOINC,
    "code": "72514-3",
    "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
}

"""backcare.triage."""

"""backcare.web."""

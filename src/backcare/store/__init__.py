"""backcare.store."""

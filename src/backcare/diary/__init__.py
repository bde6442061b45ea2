"""backcare.diary."""

"""backcare.session."""

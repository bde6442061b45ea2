"""backcare.plan."""

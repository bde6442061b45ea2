"""backcare.search."""

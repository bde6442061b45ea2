"""The use cases both front ends share (check-and-save, build a plan, log pain …)."""

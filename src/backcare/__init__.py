"""backcare: a back-pain self-care coach built from sourced content.

Self-care guidance, not a diagnosis.
"""

__version__ = "0.1.0"

DISCLAIMER = "backcare gives self-care guidance, not a diagnosis."
"""Said once, briefly, on every screen that advises."""

"""The programme that learns from the person (pure): questionnaires and their scoring, and what a
result means for the plan. No database, no clock, no settings: history comes in as arguments."""

"""One exception hierarchy for backcare; front ends turn these into one-line messages."""


class BackcareError(Exception):
    """Base of every error backcare raises on purpose."""


class ContentError(BackcareError):
    """The knowledge-base content is invalid (a bad file, a duplicate id, a dangling reference)."""


class UnknownEntryError(BackcareError, KeyError):
    """No knowledge-base entry has the requested id."""

    def __str__(self) -> str:
        return f"no knowledge-base entry with id {self.args[0]!r}"


class InputError(BackcareError, ValueError):
    """User input is invalid; the message names the field."""

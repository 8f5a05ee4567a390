"""The one error type llmsize raises for bad input."""

from __future__ import annotations

__all__ = ["LLMSizeError"]


class LLMSizeError(ValueError):
    """Bad input: a missing, ill-typed, out-of-range or inconsistent value.

    The message is always one line and names the offending field (or key) and value,
    so the CLI can print it as it is and exit with status 2.
    """

    def __init__(self, message: str) -> None:
        # Keep the message on one line whatever a caller passes in.
        super().__init__(" ".join(str(message).split()))

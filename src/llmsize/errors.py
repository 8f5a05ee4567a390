"""The one error type llmsize raises for bad input, and the one integer validator."""

from __future__ import annotations

__all__ = ["FieldRules", "LLMSizeError", "check_bool", "check_fields", "check_int", "field_rules"]


class LLMSizeError(ValueError):
    """Bad input: a missing, ill-typed, out-of-range or inconsistent value.

    The message is always one line and names the offending field (or key) and value,
    so the CLI can print it as it is and exit with status 2.
    """

    def __init__(self, message: str) -> None:
        # Keep the message on one line whatever a caller passes in.
        super().__init__(" ".join(str(message).split()))


def check_int(name: str, value: object, *, minimum: int | None = 1) -> int:
    """Return ``value`` if it is an int (not a bool) of at least ``minimum``.

    Every integer input of llmsize (spec fields, token counts, byte counts, formatter digits,
    form fields) is checked here, so the rule and its message are written once.

    Args:
        name: How the message names the value (``"spec.layers"``, ``"context"``).
        value: The value to check.
        minimum: The smallest accepted value (1 by default; ``None`` for no bound).

    Returns:
        ``value``, unchanged.

    Raises:
        LLMSizeError: ``"<name> must be an integer, got <value>"`` or
            ``"<name> must be positive"`` / ``">= <minimum>"``.
    """
    # bool is an int subclass in Python; a width of True is a mistake, not a 1.
    if isinstance(value, bool) or not isinstance(value, int):
        raise LLMSizeError(f"{name} must be an integer, got {value!r}")
    if minimum is not None and value < minimum:
        bound = "positive" if minimum == 1 else f">= {minimum}"
        raise LLMSizeError(f"{name} must be {bound}, got {value!r}")
    return value


def check_bool(name: str, value: object) -> bool:
    """Return ``value`` if it is ``True`` or ``False`` (not 0, 1 or a string).

    Args:
        name: How the message names the value (``"spec.encoder"``, ``"all_logits"``).
        value: The value to check.

    Returns:
        ``value``, unchanged.

    Raises:
        LLMSizeError: ``"<name> must be true or false, got <value>"``.
    """
    if not isinstance(value, bool):
        raise LLMSizeError(f"{name} must be true or false, got {value!r}")
    return value


# What a dataclass checks at construction (llmsize.spec): (attribute, name in messages, minimum),
# where a minimum of None marks a true/false field. Built once per class, not per instance.
FieldRules = tuple[tuple[str, str, int | None], ...]


def field_rules(owner: str, fields: list[tuple[str, int | None]]) -> FieldRules:
    """Rules for `check_fields`: each field's minimum (``None``: a true/false field)."""
    return tuple((name, f"{owner}.{name}", minimum) for name, minimum in fields)


def check_fields(obj: object, rules: FieldRules) -> None:
    """Check each field ``rules`` names: an integer of its minimum, or a true/false value.

    Raises:
        LLMSizeError: As `check_int` or `check_bool`, naming the field (``"spec.layers"``).
    """
    values = vars(obj)
    for attr, label, minimum in rules:
        value = values[attr]
        # The common case costs one type test; anything else goes to the validator, which
        # raises with its message (a bool is not an int here: type() is exact).
        if minimum is not None:
            if type(value) is not int or value < minimum:
                check_int(label, value, minimum=minimum)
        elif type(value) is not bool:
            check_bool(label, value)

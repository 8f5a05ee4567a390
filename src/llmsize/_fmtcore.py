"""Rounding and rendering shared by the formatters of `llmsize.fmt` (private).

Everything is on ints and `fractions.Fraction`; no float is ever formed. The public functions
here (`exact`, `both`) are re-exported by `llmsize.fmt`, the one import path.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from llmsize.errors import LLMSizeError, check_int
from llmsize.text import check_lang, say

__all__ = ["both", "exact"]


def round_half_up(value: Fraction) -> int:
    """Nearest integer to ``value``, halves away from zero."""
    quotient, remainder = divmod(abs(value.numerator), value.denominator)
    if 2 * remainder >= value.denominator:
        quotient += 1
    return quotient if value >= 0 else -quotient


def fixed(value: Fraction, decimals: int) -> int:
    """``value`` rounded to ``decimals`` places, as an int scaled by ``10**decimals``."""
    return round_half_up(value * 10**decimals)


def sig_decimals(value: Fraction, digits: int) -> int:
    """Decimal places that show ``digits`` significant digits of ``value``, integer digits kept."""
    magnitude = abs(value)
    if magnitude == 0:
        return 0
    if magnitude >= 1:
        return max(0, digits - len(str(int(magnitude))))
    zeros = 0  # zeros between the decimal point and the first significant digit
    while magnitude * 10 ** (zeros + 1) < 1:
        zeros += 1
    return digits + zeros


def significant(value: Fraction, digits: int) -> tuple[int, int]:
    """Round ``value`` to ``digits`` significant digits, never dropping integer digits.

    Returns:
        ``(scaled, decimals)``: the rounded value is ``scaled / 10**decimals``.
    """
    decimals = sig_decimals(value, digits)
    scaled = fixed(value, decimals)
    # Rounding can carry into a new leading digit (9.995 -> 10.00); show one place fewer.
    again = sig_decimals(Fraction(scaled, 10**decimals), digits)
    if again < decimals:
        decimals = again
        scaled = fixed(value, decimals)
    return scaled, decimals


def render(scaled: int, decimals: int, *, trim: bool, group: bool, signed: bool = False) -> str:
    """Text of ``scaled / 10**decimals``: ``-`` when negative, ``+`` when positive and signed."""
    sign = "-" if scaled < 0 else "+" if signed and scaled > 0 else ""
    whole, frac = divmod(abs(scaled), 10**decimals)
    text = f"{whole:,}" if group else str(whole)
    frac_text = str(frac).zfill(decimals) if decimals else ""
    if trim:
        frac_text = frac_text.rstrip("0")
    return sign + text + ("." + frac_text if frac_text else "")


def scale(n: int, factors: Sequence[int], digits: int) -> tuple[int, int, int]:
    """Express ``n`` in the largest of ascending ``factors`` that fits, carrying upward.

    Returns:
        ``(scaled, decimals, index)``: ``n`` is about ``scaled / 10**decimals * factors[index]``.
    """
    index = 0
    for i, factor in enumerate(factors):
        if abs(n) >= factor:
            index = i
    while True:
        scaled, decimals = significant(Fraction(n, factors[index]), digits)
        if index + 1 < len(factors):
            step = factors[index + 1] // factors[index]
            if abs(scaled) >= step * 10**decimals:
                index += 1
                continue
        return scaled, decimals, index


def check_nonzero(name: str, value: object) -> int:
    """``value`` if it is a non-zero int (a divisor)."""
    number = check_int(name, value, minimum=None)
    if number == 0:
        raise LLMSizeError(f"{name} must not be zero, got 0")
    return number


def exact(n: int, lang: str = "en", *, signed: bool = False) -> str:
    """Every digit, grouped by thousands with commas in both languages: ``"6,738,415,616"``.

    Args:
        n: The integer.
        lang: ``"en"`` or ``"zh"`` (the text is the same).
        signed: Put ``+`` before a positive value (``"+1,234"``); zero stays ``"0"``.

    Returns:
        The text, with a leading ``-`` when negative.

    Raises:
        LLMSizeError: If ``lang`` is unknown or ``n`` is not an integer.

    Examples:
        >>> exact(6_738_415_616), exact(1_234, signed=True)
        ('6,738,415,616', '+1,234')
    """
    check_lang(lang)
    return render(check_int("n", n, minimum=None), 0, trim=True, group=True, signed=signed)


_BOTH = {"en": "{main} ({aside})", "zh": "{main}（{aside}）"}


def both(main: str, aside: str, lang: str = "en") -> str:
    """One figure with another form of it in parentheses: ``"6.74B (6,738,415,616)"``.

    Chinese uses full-width parentheses with no space: ``"67.4亿（6,738,415,616）"``.

    Args:
        main: The text read first.
        aside: The text in parentheses.
        lang: ``"en"`` or ``"zh"``.

    Returns:
        The text.

    Raises:
        LLMSizeError: If ``lang`` is unknown or ``main`` or ``aside`` is not a string.

    Examples:
        >>> both("1.34 TB", "1.22 TiB"), both("1.34 TB", "1.22 TiB", "zh")
        ('1.34 TB (1.22 TiB)', '1.34 TB（1.22 TiB）')
    """
    for name, value in (("main", main), ("aside", aside)):
        if not isinstance(value, str):
            raise LLMSizeError(f"{name} must be a string, got {value!r}")
    return say(_BOTH, lang, main=main, aside=aside)

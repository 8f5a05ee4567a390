"""Percentages, shares and multiples, for `llmsize.fmt` (private).

The public functions here are re-exported by `llmsize.fmt`, the one import path.
"""

from __future__ import annotations

from fractions import Fraction

from llmsize._fmtcore import check_nonzero, fixed, render, significant
from llmsize.errors import check_int
from llmsize.text import check_lang, say

__all__ = ["gap", "percent", "share", "times"]


def percent(
    part: int, whole: int, lang: str = "en", digits: int = 1, *, signed: bool = False
) -> str:
    """``part`` as a percentage of ``whole`` with a fixed number of decimals: ``"5.5%"``.

    Unlike the compact forms, ``digits`` here counts decimal places and trailing zeros are kept
    (``"5.0%"``), so a column of shares lines up. The text is the same in both languages.

    Args:
        part: The share.
        whole: What it is a share of (not zero).
        lang: ``"en"`` or ``"zh"``.
        digits: Decimal places (0 or more).
        signed: Put ``+`` before a positive value (``"+6.4%"``), e.g. for a change; a value
            that rounds to zero stays unsigned (``"0.0%"``).

    Returns:
        The text.

    Raises:
        LLMSizeError: If ``lang`` is unknown, ``digits`` is negative, either number is not an
            integer or ``whole`` is zero.

    Examples:
        >>> percent(55, 1000), percent(64, 1000, signed=True), percent(-1, 10_000)
        ('5.5%', '+6.4%', '0.0%')
    """
    check_lang(lang)
    check_int("digits", digits, minimum=0)
    check_int("part", part, minimum=None)
    check_nonzero("whole", whole)
    scaled = fixed(Fraction(100 * part, whole), digits)
    return render(scaled, digits, trim=False, group=True, signed=signed) + "%"


def share(part: int, whole: int, lang: str = "en") -> str:
    """A part's share of a whole in a breakdown: ``"27.3%"``, ``"0.42%"``, ``"0.0002%"``.

    One decimal place; a non-zero share under 1% gets two, and more if two would still read
    ``0.00%``, down to its first significant digit, so a small part never reads as nothing.

    Args:
        part: The part.
        whole: The whole (not zero).
        lang: ``"en"`` or ``"zh"`` (the text is the same).

    Returns:
        The text, as `percent` writes it (trailing zeros kept).

    Raises:
        LLMSizeError: As `percent`.

    Examples:
        >>> share(273, 1000), share(42, 10_000), share(2, 1_000_000), share(0, 7)
        ('27.3%', '0.42%', '0.0002%', '0.0%')
    """
    check_int("part", part, minimum=None)
    value = abs(Fraction(100 * part, check_nonzero("whole", whole)))
    digits = 1
    if 0 < value < 1:
        digits = 2
        while fixed(value, digits) == 0:
            digits += 1
    return percent(part, whole, lang, digits)


_TIMES = {"en": "{x}×", "zh": "{x} 倍"}


def times(a: int, b: int, lang: str = "en", digits: int = 3, *, trim: bool = True) -> str:
    """``a`` as a multiple of ``b``: ``"17.9×"`` / ``"17.9 倍"``.

    The one way the site says "how many times": English puts ``×`` (U+00D7) right after the
    number, Chinese writes the number, a space and 倍.

    Args:
        a: The numerator.
        b: The denominator (not zero).
        lang: ``"en"`` or ``"zh"``.
        digits: Significant digits to show at least (integer digits are never dropped).
        trim: Drop trailing zeros after the decimal point.

    Returns:
        The text; integer digits grouped with commas (``"1,000×"``).

    Raises:
        LLMSizeError: If ``lang`` is unknown, ``digits`` is not a positive integer, either
            number is not an integer or ``b`` is zero.

    Examples:
        >>> times(179, 10), times(179, 10, "zh"), times(1000, 1)
        ('17.9×', '17.9 倍', '1,000×')
    """
    check_lang(lang)
    check_int("digits", digits)
    check_int("a", a, minimum=None)
    scaled, decimals = significant(Fraction(a, check_nonzero("b", b)), digits)
    return say(_TIMES, lang, x=render(scaled, decimals, trim=trim, group=True))


def gap(claim: int, exact: int, lang: str = "en", digits: int = 1) -> str:
    """How far a published figure is from the exact one, in one convention: ``"+6.4%"``.

    The base is the exact count and the sign is the claim's: ``(claim - exact) / exact``, so
    ``+`` means the claim overstates and ``-`` that it understates. Every claim-vs-exact gap on
    the site is printed through this function, so two pages cannot use different bases or signs.

    Args:
        claim: The published figure (a model card's "7B", a paper's table).
        exact: The exact count (not zero).
        lang: ``"en"`` or ``"zh"``.
        digits: Decimal places.

    Returns:
        The signed percentage.

    Raises:
        LLMSizeError: As `percent`.

    Examples:
        >>> gap(117_000_000, 124_439_808), gap(7_000_000_000, 6_738_415_616)
        ('-6.0%', '+3.9%')
    """
    return percent(claim - exact, exact, lang, digits, signed=True)

"""Byte sizes and decimals (bytes per parameter), for `llmsize.fmt` (private).

The public functions here are re-exported by `llmsize.fmt`, the one import path.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from llmsize._fmtcore import both, exact, fixed, render, scale
from llmsize.errors import LLMSizeError, check_int
from llmsize.text import check_lang, say

__all__ = ["bytes_", "bytes_both", "bytes_exact", "decimal", "per_param"]

_DECIMAL_BYTES = (
    (1, "B"),
    (10**3, "KB"),
    (10**6, "MB"),
    (10**9, "GB"),
    (10**12, "TB"),
    (10**15, "PB"),
)
_BINARY_BYTES = (
    (1, "B"),
    (2**10, "KiB"),
    (2**20, "MiB"),
    (2**30, "GiB"),
    (2**40, "TiB"),
    (2**50, "PiB"),
)
_BYTE_UNITS = {symbol: factor for factor, symbol in (*_DECIMAL_BYTES, *_BINARY_BYTES)}
_AUTO_BYTES = {
    "auto": _DECIMAL_BYTES,
    "auto-decimal": _DECIMAL_BYTES,
    "auto-binary": _BINARY_BYTES,
}


def bytes_(
    n: int, unit: str = "auto", lang: str = "en", digits: int = 3, *, trim: bool = True
) -> str:
    """A byte size with its unit symbol: ``"1.34 TB"``, ``"1.22 TiB"``, ``"512 KiB"``.

    Args:
        n: Size in bytes.
        unit: ``"auto"`` (same as ``"auto-decimal"``: the largest of B, KB, MB, GB, TB, PB that
            is at most the size), ``"auto-binary"`` (the same over B, KiB, MiB, GiB, TiB, PiB)
            or one fixed unit symbol (``"GB"``, ``"GiB"``, ...; then the value may be below 1).
        lang: ``"en"`` or ``"zh"``; both use the same symbols with a space before them.
        digits: Significant digits to show at least (integer digits are never dropped). Sizes
            in whole bytes (unit ``B``) are always exact.
        trim: Drop trailing zeros after the decimal point.

    Returns:
        The text.

    Raises:
        LLMSizeError: If ``lang`` or ``unit`` is unknown, ``digits`` is not a positive integer
            or ``n`` is not an integer.

    Examples:
        >>> bytes_(1_342_177_280_000), bytes_(1_342_177_280_000, "auto-binary")
        ('1.34 TB', '1.22 TiB')
    """
    check_lang(lang)
    check_int("digits", digits)
    check_int("n", n, minimum=None)
    table: Sequence[tuple[int, str]]
    if unit in _AUTO_BYTES:
        table = _AUTO_BYTES[unit]
    elif unit in _BYTE_UNITS:
        table = ((_BYTE_UNITS[unit], unit),)
    else:
        choices = ", ".join(repr(u) for u in (*_AUTO_BYTES, *_BYTE_UNITS))
        raise LLMSizeError(f"unit must be one of {choices}, got {unit!r}")
    scaled, decimals, index = scale(n, [u[0] for u in table], digits)
    factor, symbol = table[index]
    if factor == 1:  # whole bytes: the exact integer
        return f"{n:,} B"
    return f"{render(scaled, decimals, trim=trim, group=True)} {symbol}"


def bytes_both(n: int, lang: str = "en", digits: int = 3, *, trim: bool = True) -> str:
    """A byte size in SI units with the IEC size in parentheses: ``"1.34 TB (1.22 TiB)"``.

    Chinese uses full-width parentheses with no space (`both`): ``"1.34 TB（1.22 TiB）"``.

    Args:
        n: Size in bytes.
        lang: ``"en"`` or ``"zh"``.
        digits: Significant digits to show at least.
        trim: Drop trailing zeros after the decimal point.

    Returns:
        The text.

    Raises:
        LLMSizeError: As `bytes_`.

    Examples:
        >>> bytes_both(1_342_177_280_000)
        '1.34 TB (1.22 TiB)'
    """
    si = bytes_(n, "auto-decimal", lang, digits, trim=trim)
    return both(si, bytes_(n, "auto-binary", lang, digits, trim=trim), lang)


def bytes_exact(n: int, lang: str = "en") -> str:
    """Every digit of a byte count with its IEC size in parentheses: ``"524,288 (512 KiB)"``.

    Chinese uses full-width parentheses with no space (`both`): ``"524,288（512 KiB）"``.
    Below 1 KiB the aside is the byte count itself (``"512 (512 B)"``).

    Args:
        n: Size in bytes.
        lang: ``"en"`` or ``"zh"``.

    Returns:
        The text.

    Raises:
        LLMSizeError: If ``lang`` is unknown or ``n`` is not an integer.

    Examples:
        >>> bytes_exact(524_288), bytes_exact(524_288, "zh")
        ('524,288 (512 KiB)', '524,288（512 KiB）')
    """
    return both(exact(n, lang), bytes_(n, "auto-binary", lang), lang)


def _check_number(name: str, value: object) -> Fraction:
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Fraction(value)
    raise LLMSizeError(f"{name} must be an integer or a Fraction, got {value!r}")


def _terminating_places(value: Fraction) -> int | None:
    """Decimal places of ``value`` written out in full, or None if it does not terminate."""
    rest = value.denominator
    twos = fives = 0
    while rest % 2 == 0:
        rest, twos = rest // 2, twos + 1
    while rest % 5 == 0:
        rest, fives = rest // 5, fives + 1
    places = max(twos, fives)
    return places if rest == 1 else None


def decimal(x: int | Fraction, lang: str = "en", places: int | None = None) -> str:
    """A decimal number, every digit or rounded: ``"1.0625"``, ``"8.5"``, ``"1,024.5"``.

    For bytes per parameter and bits per weight, which are exact fractions (an int4 weight is
    half a byte). Integer digits are grouped with commas in both languages.

    Args:
        x: The number (an int or a `fractions.Fraction`; never a float).
        lang: ``"en"`` or ``"zh"`` (the text is the same).
        places: None for every digit (``x`` must then have a terminating decimal expansion);
            otherwise the most decimal places to show: ``x`` is rounded half up (on the
            magnitude) to ``places`` places and trailing zeros are dropped.

    Returns:
        The text, with a leading ``-`` when negative (none when it rounds to zero).

    Raises:
        LLMSizeError: If ``lang`` is unknown, ``x`` is not an int or Fraction, ``places`` is
            negative, or ``places`` is None and ``x`` does not terminate (``Fraction(1, 3)``).

    Examples:
        >>> decimal(Fraction(17, 16)), decimal(Fraction(1, 3), places=3), decimal(2)
        ('1.0625', '0.333', '2')
    """
    check_lang(lang)
    value = _check_number("x", x)
    if places is None:
        full = _terminating_places(value)
        if full is None:
            raise LLMSizeError(
                f"x must have a terminating decimal expansion (or pass places), got {value}"
            )
        places = full
    check_int("places", places, minimum=0)
    return render(fixed(value, places), places, trim=True, group=True)


_PER_PARAM = {"en": "{x} B/param", "zh": "每个参数 {x} 字节"}


def per_param(x: int | Fraction, lang: str = "en") -> str:
    """Bytes per parameter, every digit: ``"2 B/param"`` / ``"每个参数 2 字节"``.

    Chinese names the unit in words (no Latin ``B`` inside a Chinese figure).

    Args:
        x: Bytes per parameter (an int or a `fractions.Fraction` with a terminating decimal
            expansion, such as ``Fraction(1, 2)`` for int4).
        lang: ``"en"`` or ``"zh"``.

    Returns:
        The text, the number written by `decimal`.

    Raises:
        LLMSizeError: As `decimal` with ``places=None``.

    Examples:
        >>> per_param(Fraction(1, 2)), per_param(2, "zh")
        ('0.5 B/param', '每个参数 2 字节')
    """
    return say(_PER_PARAM, lang, x=decimal(x, lang))

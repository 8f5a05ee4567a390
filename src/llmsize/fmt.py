"""Number formatting for the English and Chinese site: counts, exact figures, bytes, percentages.

Every figure the site prints goes through this module, so the rules are fixed here once.

Rounding:
    All arithmetic is on ints and `fractions.Fraction`; no float is ever formed. Rounding
    is **half up on the magnitude** (half away from zero): ``2.45 -> 2.5``, ``-2.45 -> -2.5``.
    A negative number is its magnitude's text with a leading ASCII ``-``; a value that rounds to
    zero prints without a sign.

Significant digits:
    Compact forms (`count`, `count_long`, `bytes_`, `ratio`) keep at
    least ``digits`` significant digits but never drop integer digits: the value is rounded to
    ``max(0, digits - integer digits)`` decimal places, so ``8589.93万`` prints as ``8590万`` and
    ``6710.26亿`` as ``6710亿``. When rounding carries into the next unit the next unit is used
    (``999_950_000 -> "1B"``, ``99_999_999 -> "1亿"``). Trailing zeros after the decimal point
    are dropped by default (``"1B"``, ``"1.2T"``, ``"2 GiB"``); pass ``trim=False`` to keep them
    (``"1.00B"``, ``"1.20T"``), e.g. for a table column.

Units:
    English counts use M (10^6), B (10^9) and T (10^12); below one million the exact grouped
    integer is printed (``"2,048"``), or K (10^3) when ``kilo=True``. Chinese counts use 万
    (10^4), 亿 (10^8) and 万亿 (10^12) with no space (``"67.4亿"``); below 10^4 the plain
    integer (``"2048"``). Bytes use SI (KB = 10^3 ... PB) or IEC (KiB = 2^10 ... PiB) symbols, with
    a space before the symbol in both languages (``"1.34 TB"``).

Digit grouping:
    `exact`, `bytes_`, `ratio` and `percent` group integer digits with
    commas in both languages (``"6,738,415,616"``, ``"1,023 KiB"``, ``"×1,000"``). English
    compact counts group too (only visible from ``"1,000T"``). Chinese compact counts never do:
    万 and 亿 are the grouping (``"6710亿"``).
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from llmsize.errors import LLMSizeError
from llmsize.text import LABELS, LANGS, check_lang, say

__all__ = [
    "LANGS",
    "bytes_",
    "bytes_both",
    "check_lang",
    "count",
    "count_long",
    "exact",
    "label",
    "percent",
    "ratio",
]


# (factor, compact suffix, long word), ascending.
_EN_KILO = (10**3, "K", "thousand")
_EN_UNITS = (
    (10**6, "M", "million"),
    (10**9, "B", "billion"),
    (10**12, "T", "trillion"),
)
_ZH_UNITS = (
    (10**4, "万", "万"),
    (10**8, "亿", "亿"),
    (10**12, "万亿", "万亿"),
)
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

# --- validation ----------------------------------------------------------------------------


def _check_int(name: str, value: object, *, minimum: int | None = None) -> int:
    # bool is an int subclass; a count of True is a mistake, not a 1.
    if isinstance(value, bool) or not isinstance(value, int):
        raise LLMSizeError(f"{name} must be an integer, got {value!r}")
    if minimum is not None and value < minimum:
        raise LLMSizeError(f"{name} must be >= {minimum}, got {value!r}")
    return value


# --- integer rounding ----------------------------------------------------------------------


def _round_half_up(value: Fraction) -> int:
    """Nearest integer to ``value``, halves away from zero."""
    quotient, remainder = divmod(abs(value.numerator), value.denominator)
    if 2 * remainder >= value.denominator:
        quotient += 1
    return quotient if value >= 0 else -quotient


def _fixed(value: Fraction, decimals: int) -> int:
    """``value`` rounded to ``decimals`` places, as an int scaled by ``10**decimals``."""
    return _round_half_up(value * 10**decimals)


def _sig_decimals(value: Fraction, digits: int) -> int:
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


def _significant(value: Fraction, digits: int) -> tuple[int, int]:
    """Round ``value`` to ``digits`` significant digits, never dropping integer digits.

    Returns:
        ``(scaled, decimals)``: the rounded value is ``scaled / 10**decimals``.
    """
    decimals = _sig_decimals(value, digits)
    scaled = _fixed(value, decimals)
    # Rounding can carry into a new leading digit (9.995 -> 10.00); show one place fewer.
    again = _sig_decimals(Fraction(scaled, 10**decimals), digits)
    if again < decimals:
        decimals = again
        scaled = _fixed(value, decimals)
    return scaled, decimals


def _render(scaled: int, decimals: int, *, trim: bool, group: bool) -> str:
    """Text of ``scaled / 10**decimals`` with a leading ``-`` when negative."""
    sign = "-" if scaled < 0 else ""
    whole, frac = divmod(abs(scaled), 10**decimals)
    text = f"{whole:,}" if group else str(whole)
    frac_text = str(frac).zfill(decimals) if decimals else ""
    if trim:
        frac_text = frac_text.rstrip("0")
    return sign + text + ("." + frac_text if frac_text else "")


def _scale(n: int, factors: Sequence[int], digits: int) -> tuple[int, int, int]:
    """Express ``n`` in the largest of ascending ``factors`` that fits, carrying upward.

    Returns:
        ``(scaled, decimals, index)``: ``n`` is about ``scaled / 10**decimals * factors[index]``.
    """
    index = 0
    for i, factor in enumerate(factors):
        if abs(n) >= factor:
            index = i
    while True:
        scaled, decimals = _significant(Fraction(n, factors[index]), digits)
        if index + 1 < len(factors):
            step = factors[index + 1] // factors[index]
            if abs(scaled) >= step * 10**decimals:
                index += 1
                continue
        return scaled, decimals, index


# --- counts --------------------------------------------------------------------------------


def _count(n: int, lang: str, digits: int, trim: bool, kilo: bool, long: bool) -> str:
    lang = check_lang(lang)
    _check_int("digits", digits, minimum=1)
    _check_int("n", n)
    if lang == "zh":
        units: Sequence[tuple[int, str, str]] = _ZH_UNITS
    else:
        units = (_EN_KILO, *_EN_UNITS) if kilo else _EN_UNITS
    if abs(n) < units[0][0]:
        return exact(n, lang) if lang == "en" else str(n)
    scaled, decimals, index = _scale(n, [u[0] for u in units], digits)
    number = _render(scaled, decimals, trim=trim, group=lang == "en")
    _, suffix, word = units[index]
    if lang == "zh":
        return number + suffix
    return f"{number} {word}" if long else number + suffix


def count(
    n: int, lang: str = "en", digits: int = 3, *, trim: bool = True, kilo: bool = False
) -> str:
    """Compact count: ``"6.74B"``, ``"805M"``, ``"671B"`` / ``"67.4亿"``, ``"8590万"``.

    Args:
        n: The count.
        lang: ``"en"`` or ``"zh"``.
        digits: Significant digits to show at least (integer digits are never dropped).
        trim: Drop trailing zeros after the decimal point (``"1B"`` rather than ``"1.00B"``).
        kilo: English only: use ``K`` for thousands instead of printing them exactly.

    Returns:
        The text. English below one million (or one thousand with ``kilo``) is the exact
        grouped integer (``"2,048"``); Chinese below 10^4 is the plain integer (``"2048"``).

    Raises:
        LLMSizeError: If ``lang`` is unknown, ``digits`` is not a positive integer or ``n`` is
            not an integer.

    Examples:
        >>> count(6_738_415_616), count(6_738_415_616, "zh")
        ('6.74B', '67.4亿')
        >>> count(999_950_000), count(999_950_000, trim=False)
        ('1B', '1.00B')
    """
    return _count(n, lang, digits, trim, kilo, long=False)


def count_long(
    n: int, lang: str = "en", digits: int = 3, *, trim: bool = True, kilo: bool = False
) -> str:
    """Count in words: ``"6.74 billion"``, ``"805 million"``.

    Chinese is the same as `count` (``"67.4亿"``): 亿 and 万 are already words, and
    Chinese technical writing puts no space between a number and them.

    Args:
        n: The count.
        lang: ``"en"`` or ``"zh"``.
        digits: Significant digits to show at least (integer digits are never dropped).
        trim: Drop trailing zeros after the decimal point.
        kilo: English only: use "thousand" instead of printing thousands exactly.

    Returns:
        The text; below the smallest unit, as `count`.

    Raises:
        LLMSizeError: As `count`.

    Examples:
        >>> count_long(671_026_419_200), count_long(671_026_419_200, "zh")
        ('671 billion', '6710亿')
    """
    return _count(n, lang, digits, trim, kilo, long=True)


def exact(n: int, lang: str = "en") -> str:
    """Every digit, grouped by thousands with commas in both languages: ``"6,738,415,616"``.

    Args:
        n: The integer.
        lang: ``"en"`` or ``"zh"`` (the text is the same).

    Returns:
        The text, with a leading ``-`` when negative.

    Raises:
        LLMSizeError: If ``lang`` is unknown or ``n`` is not an integer.
    """
    check_lang(lang)
    return f"{_check_int('n', n):,}"


# --- bytes ---------------------------------------------------------------------------------


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
    _check_int("digits", digits, minimum=1)
    _check_int("n", n)
    table: Sequence[tuple[int, str]]
    if unit in _AUTO_BYTES:
        table = _AUTO_BYTES[unit]
    elif unit in _BYTE_UNITS:
        table = ((_BYTE_UNITS[unit], unit),)
    else:
        choices = ", ".join(repr(u) for u in (*_AUTO_BYTES, *_BYTE_UNITS))
        raise LLMSizeError(f"unit must be one of {choices}, got {unit!r}")
    scaled, decimals, index = _scale(n, [u[0] for u in table], digits)
    factor, symbol = table[index]
    if factor == 1:  # whole bytes: the exact integer
        return f"{n:,} B"
    return f"{_render(scaled, decimals, trim=trim, group=True)} {symbol}"


def bytes_both(n: int, lang: str = "en", digits: int = 3, *, trim: bool = True) -> str:
    """A byte size in SI units with the IEC size in parentheses: ``"1.34 TB (1.22 TiB)"``.

    Chinese uses full-width parentheses with no space: ``"1.34 TB（1.22 TiB）"``.

    Args:
        n: Size in bytes.
        lang: ``"en"`` or ``"zh"``.
        digits: Significant digits to show at least.
        trim: Drop trailing zeros after the decimal point.

    Returns:
        The text.

    Raises:
        LLMSizeError: As `bytes_`.
    """
    decimal = bytes_(n, "auto-decimal", lang, digits, trim=trim)
    binary = bytes_(n, "auto-binary", lang, digits, trim=trim)
    return f"{decimal}（{binary}）" if lang == "zh" else f"{decimal} ({binary})"


# --- shares and ratios ---------------------------------------------------------------------


def percent(part: int, whole: int, lang: str = "en", digits: int = 1) -> str:
    """``part`` as a percentage of ``whole`` with a fixed number of decimals: ``"5.5%"``.

    Unlike the compact forms, ``digits`` here counts decimal places and trailing zeros are kept
    (``"5.0%"``), so a column of shares lines up. The text is the same in both languages.

    Args:
        part: The share.
        whole: What it is a share of (not zero).
        lang: ``"en"`` or ``"zh"``.
        digits: Decimal places (0 or more).

    Returns:
        The text.

    Raises:
        LLMSizeError: If ``lang`` is unknown, ``digits`` is negative, either number is not an
            integer or ``whole`` is zero.
    """
    check_lang(lang)
    _check_int("digits", digits, minimum=0)
    _check_int("part", part)
    if _check_int("whole", whole) == 0:
        raise LLMSizeError("whole must not be zero, got 0")
    scaled = _fixed(Fraction(100 * part, whole), digits)
    return _render(scaled, digits, trim=False, group=True) + "%"


def ratio(a: int, b: int, lang: str = "en", digits: int = 3, *, trim: bool = True) -> str:
    """How many times ``b`` goes into ``a``, as a multiplier: ``"×1,000"``, ``"×6.74"``.

    Args:
        a: The numerator.
        b: The denominator (not zero).
        lang: ``"en"`` or ``"zh"`` (the text is the same).
        digits: Significant digits to show at least (integer digits are never dropped).
        trim: Drop trailing zeros after the decimal point.

    Returns:
        The text: ``×`` (U+00D7), then the number (``"×-0.5"`` when negative).

    Raises:
        LLMSizeError: If ``lang`` is unknown, ``digits`` is not a positive integer, either
            number is not an integer or ``b`` is zero.
    """
    check_lang(lang)
    _check_int("digits", digits, minimum=1)
    _check_int("a", a)
    if _check_int("b", b) == 0:
        raise LLMSizeError("b must not be zero, got 0")
    scaled, decimals = _significant(Fraction(a, b), digits)
    return "×" + _render(scaled, decimals, trim=trim, group=True)


# --- labels ---------------------------------------------------------------------------------


def label(key: str, lang: str = "en") -> str:
    """Display name of a breakdown key or count definition: ``"experts"`` -> 路由专家.

    The words live in `llmsize.text.LABELS`; this is `llmsize.text.say` for them.

    Args:
        key: One key of the breakdown tree (not a dotted path), e.g. ``"shared_experts"``, or a
            count definition (``"total"``, ``"active"``...).
        lang: ``"en"`` or ``"zh"``.

    Returns:
        The label.

    Raises:
        LLMSizeError: If ``lang`` or ``key`` is unknown.
    """
    check_lang(lang)
    if not isinstance(key, str) or key not in LABELS:
        raise LLMSizeError(f"key must be a breakdown key such as 'attention', got {key!r}")
    return say(LABELS[key], lang)

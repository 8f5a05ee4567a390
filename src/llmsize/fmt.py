"""Number formatting for the English and Chinese site: counts, exact figures, bytes, percentages.

Every figure the site prints goes through this module, so the rules are fixed here once.
(Byte sizes, decimals and shares are written in the private modules ``_fmtunits`` and
``_fmtshares``; import them from here.)

Rounding:
    All arithmetic is on ints and `fractions.Fraction`; no float is ever formed. Rounding
    is **half up on the magnitude** (half away from zero): ``2.45 -> 2.5``, ``-2.45 -> -2.5``.
    A negative number is its magnitude's text with a leading ASCII ``-``; a value that rounds to
    zero prints without a sign.

Signs:
    `exact`, `count` and `percent` take ``signed=True`` for a change: a leading ``+`` on a
    positive value (``"+805M"``, ``"+6.4%"``, ``"+1,234"``); negatives keep the ASCII ``-`` and
    a value that rounds to zero stays unsigned (``"0"``, ``"0.0%"``).

Significant digits:
    Compact forms (`count`, `count_long`, `bytes_`, `times`, `sci`) keep at
    least ``digits`` significant digits but never drop integer digits: the value is rounded to
    ``max(0, digits - integer digits)`` decimal places, so ``8589.93万`` prints as ``8590万`` and
    ``6710.26亿`` as ``6710亿``. When rounding carries into the next unit the next unit is used
    (``999_950_000 -> "1B"``, ``99_999_999 -> "1亿"``, ``9.995e23 -> "1 × 10²⁴"``). Trailing
    zeros after the decimal point are dropped by default (``"1B"``, ``"1.2T"``, ``"2 GiB"``);
    pass ``trim=False`` to keep them (``"1.00B"``, ``"1.20T"``), e.g. for a table column.
    `distinct` raises ``digits`` for a whole group until different values print differently.

Units:
    English counts use M (10^6), B (10^9) and T (10^12); below one million the exact grouped
    integer is printed (``"2,048"``), or K (10^3) when ``kilo=True``. Chinese counts use 万
    (10^4), 亿 (10^8) and 万亿 (10^12) with no space (``"67.4亿"``); below 10^4 the exact
    grouped integer, as in English (``"7,168"``). Bytes use SI (KB = 10^3 ... PB) or IEC
    (KiB = 2^10 ... PiB) symbols, with a space before the symbol in both languages
    (``"1.34 TB"``). Chinese names other units in words (`per_param`: ``"每个参数 2 字节"``).

Digit grouping:
    Integer digits are grouped with commas in both languages by `exact`, `bytes_`, `times`,
    `percent`, `decimal` and by the counts below their smallest unit (``"6,738,415,616"``,
    ``"1,023 KiB"``, ``"1,000×"``, ``"7,168"``). English compact counts group too (only visible
    from ``"1,000T"``). Chinese compact counts never do: 万 and 亿 are the grouping
    (``"6710亿"``). The mantissa of `sci` is never grouped.

Asides:
    One figure with another form of it in parentheses goes through `both`: ``"main (aside)"``
    in English, ``"main（aside）"`` (full-width, no spaces) in Chinese.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction

from llmsize._fmtcore import both, exact, fixed, render, scale
from llmsize._fmtshares import gap, percent, share, times
from llmsize._fmtunits import bytes_, bytes_both, bytes_exact, decimal, per_param
from llmsize.errors import LLMSizeError, check_int
from llmsize.text import LABELS, LANGS, check_lang, say

__all__ = [
    "LANGS",
    "both",
    "bytes_",
    "bytes_both",
    "bytes_exact",
    "check_lang",
    "count",
    "count_exact",
    "count_long",
    "decimal",
    "distinct",
    "exact",
    "gap",
    "label",
    "per_param",
    "percent",
    "sci",
    "share",
    "times",
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

# --- counts --------------------------------------------------------------------------------


def _count(
    n: int, lang: str, digits: int, *, trim: bool, kilo: bool, long: bool, signed: bool = False
) -> str:
    lang = check_lang(lang)
    check_int("digits", digits)
    check_int("n", n, minimum=None)
    if lang == "zh":
        units: Sequence[tuple[int, str, str]] = _ZH_UNITS
    else:
        units = (_EN_KILO, *_EN_UNITS) if kilo else _EN_UNITS
    if abs(n) < units[0][0]:
        return exact(n, lang, signed=signed)
    scaled, decimals, index = scale(n, [u[0] for u in units], digits)
    number = render(scaled, decimals, trim=trim, group=lang == "en", signed=signed)
    _, suffix, word = units[index]
    if lang == "zh":
        return number + suffix
    return f"{number} {word}" if long else number + suffix


def count(
    n: int,
    lang: str = "en",
    digits: int = 3,
    *,
    trim: bool = True,
    kilo: bool = False,
    signed: bool = False,
) -> str:
    """Compact count: ``"6.74B"``, ``"805M"``, ``"671B"`` / ``"67.4亿"``, ``"8590万"``.

    Args:
        n: The count.
        lang: ``"en"`` or ``"zh"``.
        digits: Significant digits to show at least (integer digits are never dropped).
        trim: Drop trailing zeros after the decimal point (``"1B"`` rather than ``"1.00B"``).
        kilo: English only: use ``K`` for thousands instead of printing them exactly.
        signed: Put ``+`` before a positive count (``"+805M"``), e.g. for a change.

    Returns:
        The text. Below the smallest unit (one million in English, or one thousand with
        ``kilo``; 10^4 in Chinese) it is the exact grouped integer, as `exact` (``"7,168"``).

    Raises:
        LLMSizeError: If ``lang`` is unknown, ``digits`` is not a positive integer or ``n`` is
            not an integer.

    Examples:
        >>> count(6_738_415_616), count(6_738_415_616, "zh")
        ('6.74B', '67.4亿')
        >>> count(999_950_000), count(999_950_000, trim=False), count(7_168, "zh")
        ('1B', '1.00B', '7,168')
    """
    return _count(n, lang, digits, trim=trim, kilo=kilo, long=False, signed=signed)


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
    return _count(n, lang, digits, trim=trim, kilo=kilo, long=True)


def count_exact(n: int, lang: str = "en", digits: int = 3) -> str:
    """A compact count with every digit in parentheses: ``"6.74B (6,738,415,616)"``.

    Chinese uses full-width parentheses with no space (`both`): ``"67.4亿（6,738,415,616）"``.
    When the compact form already is every digit (``"2,048"``), just that.

    Args:
        n: The count.
        lang: ``"en"`` or ``"zh"``.
        digits: Significant digits of the compact form, as `count`.

    Returns:
        The text.

    Raises:
        LLMSizeError: As `count`.

    Examples:
        >>> count_exact(6_738_415_616), count_exact(2_048, "zh")
        ('6.74B (6,738,415,616)', '2,048')
    """
    compact, every = count(n, lang, digits), exact(n, lang)
    return every if compact == every else both(compact, every, lang)


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def sci(n: int, lang: str = "en", digits: int = 3, *, trim: bool = True) -> str:
    """A large positive integer in scientific notation: ``"3.14 × 10²³"``.

    The mantissa has ``digits`` significant digits, rounded half up; when rounding carries
    (``9.995 × 10²³``) the exponent goes up (``"1 × 10²⁴"``). The sign is ``×`` (U+00D7) with a
    space on each side and the exponent is in superscript digits. The text is the same in both
    languages. Below 1,000 the integer is printed exactly (``"512"``).

    Args:
        n: The number (a positive integer, such as a FLOP count).
        lang: ``"en"`` or ``"zh"``.
        digits: Significant digits of the mantissa.
        trim: Drop trailing zeros of the mantissa (``"1 × 10²⁴"``; ``"1.00 × 10²⁴"`` if False).

    Returns:
        The text.

    Raises:
        LLMSizeError: If ``lang`` is unknown, or ``n`` or ``digits`` is not a positive integer.

    Examples:
        >>> sci(314_000_000_000_000_000_000_000), sci(9_995 * 10**20)
        ('3.14 × 10²³', '1 × 10²⁴')
    """
    check_lang(lang)
    check_int("digits", digits)
    if check_int("n", n) < 1000:
        return exact(n, lang)
    exponent = len(str(n)) - 1
    mantissa = fixed(Fraction(n, 10**exponent), digits - 1)
    if mantissa == 10**digits:  # rounding carried: 9.995 -> 10.00, so 1.00 and one more power
        exponent += 1
        mantissa = 10 ** (digits - 1)
    number = render(mantissa, digits - 1, trim=trim, group=False)
    return f"{number} × 10{str(exponent).translate(_SUPERSCRIPT)}"


_DISTINCT: dict[str, tuple[Callable[[int, str, int], str], Callable[[int, str], str]]] = {
    # kind: (short form at some digits, every digit)
    "count": (count, exact),
    "bytes": (
        lambda n, lang, digits: bytes_(n, "auto-decimal", lang, digits),
        lambda n, lang: bytes_(n, "B", lang),
    ),
}


def distinct(
    values: Sequence[int], lang: str = "en", digits: int = 3, *, kind: str = "count"
) -> list[str]:
    """Short forms for one table or figure, with different values never printed alike.

    Each value is formatted with ``digits``; only values whose text another, different value
    shares get more digits, one at a time, until no two different values print alike (equal
    values still do). The other values keep ``digits``, so a figure in the table reads as the same
    figure in the prose. At ``digits=3``, 684,489,845,504 and 684,531,386,000 are both
    ``"6845亿"``; here they are ``"6844.9亿"`` and ``"6845.3亿"`` (in English ``"684B"`` and
    ``"685B"`` already differ, so stay).

    Args:
        values: The integers of the group, in order.
        lang: ``"en"`` or ``"zh"``.
        digits: Significant digits to show at least.
        kind: ``"count"`` (as `count`) or ``"bytes"`` (as `bytes_` with ``"auto-decimal"``).

    Returns:
        The texts, in the order of ``values``.

    Raises:
        LLMSizeError: If ``lang`` or ``kind`` is unknown, ``digits`` is not a positive integer
            or a value is not an integer.

    Examples:
        >>> distinct([684_489_845_504, 684_531_386_000], "zh")
        ['6844.9亿', '6845.3亿']
    """
    check_lang(lang)
    check_int("digits", digits)
    if kind not in _DISTINCT:
        raise LLMSizeError(f"kind must be 'count' or 'bytes', got {kind!r}")
    numbers = [check_int("values[]", v, minimum=None) for v in values]
    short, every = _DISTINCT[kind]
    widths = [digits] * len(numbers)
    texts = [short(v, lang, digits) for v in numbers]
    while True:
        owners: dict[str, set[int]] = {}
        for text, v in zip(texts, numbers, strict=True):
            owners.setdefault(text, set()).add(v)
        # A value past its own digit count prints exactly, and different ints never do alike.
        clash = [
            i
            for i, text in enumerate(texts)
            if len(owners[text]) > 1 and widths[i] <= len(str(abs(numbers[i])))
        ]
        if not clash:
            return texts
        for i in clash:
            widths[i] += 1
            texts[i] = (
                short(numbers[i], lang, widths[i])
                if widths[i] <= len(str(abs(numbers[i])))
                else every(numbers[i], lang)
            )


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

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llmsize import MLA, LLMSizeError, MoE, Part, Spec, breakdown
from llmsize.fmt import (
    LANGS,
    both,
    bytes_,
    bytes_both,
    bytes_exact,
    check_lang,
    count,
    count_exact,
    count_long,
    decimal,
    distinct,
    exact,
    label,
    per_param,
    percent,
    sci,
    share,
    times,
)

# --- count -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [
        (671_026_419_200, "en", "671B"),  # DeepSeek-V3
        (6_738_415_616, "en", "6.74B"),  # Llama-2-7B
        (805_306_368, "en", "805M"),
        (46_702_792_704, "en", "46.7B"),
        (124_439_808, "en", "124M"),  # GPT-2
        (85_899_345, "en", "85.9M"),
        (2_048, "en", "2,048"),  # below one million: exact
        (999_999, "en", "999,999"),
        (1_000_000, "en", "1M"),
        (1_200_000_000_000, "en", "1.2T"),
        (10**17, "en", "100,000T"),  # past the largest unit the integer part grows
        (0, "en", "0"),
        (-6_738_415_616, "en", "-6.74B"),
        (-2_048, "en", "-2,048"),
        (671_026_419_200, "zh", "6710亿"),
        (6_738_415_616, "zh", "67.4亿"),
        (805_306_368, "zh", "8.05亿"),
        (124_439_808, "zh", "1.24亿"),
        (46_702_792_704, "zh", "467亿"),
        (85_899_345, "zh", "8590万"),
        (85_849_345, "zh", "8585万"),  # integer digits are kept, not rounded away
        (12_345, "zh", "1.23万"),
        (9_999, "zh", "9,999"),  # below 10^4: exact and grouped, as in English
        (7_168, "zh", "7,168"),
        (999, "zh", "999"),
        (-2_048, "zh", "-2,048"),
        (10_000, "zh", "1万"),
        (1_200_000_000_000, "zh", "1.2万亿"),
        (0, "zh", "0"),
        (-85_899_345, "zh", "-8590万"),
    ],
)
def test_count(n: int, lang: str, expected: str) -> None:
    assert count(n, lang) == expected


@pytest.mark.parametrize(
    ("n", "lang", "expected", "untrimmed"),
    [
        # Rounding carries into the next unit; trailing zeros are trimmed unless trim=False.
        (999_950_000, "en", "1B", "1.00B"),
        (999_949_999, "en", "1B", "1.00B"),  # 999.949999M rounds to 1000M, so 1B
        (999_499_999, "en", "999M", "999M"),
        (9_995_000, "en", "10M", "10.0M"),  # 9.995 -> 10.0, not 10.00
        (9_994_999, "en", "9.99M", "9.99M"),
        (99_999_999, "zh", "1亿", "1.00亿"),
        (99_994_999, "zh", "9999万", "9999万"),
        (999_950_000_000, "zh", "1万亿", "1.00万亿"),
        (1_000_000_000, "en", "1B", "1.00B"),
        (1_200_000_000_000, "en", "1.2T", "1.20T"),
    ],
)
def test_count_carry_and_trim(n: int, lang: str, expected: str, untrimmed: str) -> None:
    assert count(n, lang) == expected
    assert count(n, lang, trim=False) == untrimmed


@pytest.mark.parametrize(
    ("n", "digits", "expected"),
    [
        (6_738_415_616, 1, "7B"),
        (6_738_415_616, 2, "6.7B"),
        (6_738_415_616, 4, "6.738B"),
        (671_026_419_200, 1, "671B"),  # never drops integer digits
        (671_026_419_200, 5, "671.03B"),
    ],
)
def test_count_digits(n: int, digits: int, expected: str) -> None:
    assert count(n, digits=digits) == expected


def test_count_half_up() -> None:
    # Exactly halfway rounds away from zero, on both signs.
    assert count(1_245_000) == "1.25M"
    assert count(-1_245_000) == "-1.25M"
    assert count(1_244_999) == "1.24M"
    assert count(12_350, "zh") == "1.24万"


@pytest.mark.parametrize(
    ("n", "expected"),
    [(999, "999"), (2_048, "2.05K"), (9_999, "10K"), (999_999, "1M"), (-12_345, "-12.3K")],
)
def test_count_kilo(n: int, expected: str) -> None:
    assert count(n, kilo=True) == expected


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [
        (6_738_415_616, "en", "6.74 billion"),
        (805_306_368, "en", "805 million"),
        (671_026_419_200, "en", "671 billion"),
        (1_200_000_000_000, "en", "1.2 trillion"),
        (999_950_000, "en", "1 billion"),
        (2_048, "en", "2,048"),
        (-805_306_368, "en", "-805 million"),
        (6_738_415_616, "zh", "67.4亿"),
        (671_026_419_200, "zh", "6710亿"),
        (2_048, "zh", "2,048"),
    ],
)
def test_count_long(n: int, lang: str, expected: str) -> None:
    assert count_long(n, lang) == expected


def test_count_long_kilo() -> None:
    assert count_long(2_048, kilo=True) == "2.05 thousand"


@given(st.integers(min_value=-(10**20), max_value=10**20))
def test_count_long_zh_is_count(n: int) -> None:
    assert count_long(n, "zh") == count(n, "zh")


# --- exact -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("n", "expected"),
    [(6_738_415_616, "6,738,415,616"), (0, "0"), (999, "999"), (-1_000, "-1,000")],
)
def test_exact(n: int, lang: str, expected: str) -> None:
    assert exact(n, lang) == expected


# --- bytes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "unit", "expected"),
    [
        (1_342_177_280_000, "auto", "1.34 TB"),
        (1_342_177_280_000, "auto-decimal", "1.34 TB"),
        (1_342_177_280_000, "auto-binary", "1.22 TiB"),
        (524_288, "auto-binary", "512 KiB"),
        (524_288, "KiB", "512 KiB"),
        (524_288, "auto", "524 KB"),
        (2**31, "auto-binary", "2 GiB"),
        (13_476_831_232, "auto", "13.5 GB"),  # Llama-2-7B in bf16
        (13_476_831_232, "auto-binary", "12.6 GiB"),
        (13_476_831_232, "GB", "13.5 GB"),
        (13_476_831_232, "MiB", "12,853 MiB"),  # 12852.5078: integer digits kept, grouped
        (12_852 * 2**20 + 2**19, "MiB", "12,853 MiB"),  # exactly .5: half up
        (1023 * 1024 + 400, "auto-binary", "1,023 KiB"),
        (1023 * 1024 + 1000, "auto-binary", "1 MiB"),  # 1023.98 KiB carries into MiB
        (999_950, "auto", "1 MB"),
        (999, "auto", "999 B"),
        (1023, "auto-binary", "1,023 B"),
        (0, "auto", "0 B"),
        (0, "auto-binary", "0 B"),
        (10**13, "B", "10,000,000,000,000 B"),
        (1_000, "GB", "0.000001 GB"),  # a fixed unit may give a value below 1
        (1_234, "GB", "0.00000123 GB"),
        (1_342_177_280_000, "TiB", "1.22 TiB"),
        (2 * 10**15, "auto", "2 PB"),
        (2 * 10**18, "auto", "2,000 PB"),
        (-3 * 2**30, "auto-binary", "-3 GiB"),
    ],
)
def test_bytes(n: int, unit: str, expected: str) -> None:
    assert bytes_(n, unit) == expected
    assert bytes_(n, unit, "zh") == expected  # same symbols, same space


def test_bytes_untrimmed() -> None:
    assert bytes_(2**31, "auto-binary", trim=False) == "2.00 GiB"
    assert bytes_(999_950, trim=False) == "1.00 MB"
    assert bytes_(999, "auto", trim=False) == "999 B"  # whole bytes are always exact


def test_bytes_both() -> None:
    assert bytes_both(1_342_177_280_000) == "1.34 TB (1.22 TiB)"
    assert bytes_both(1_342_177_280_000, "zh") == "1.34 TB（1.22 TiB）"
    assert bytes_both(512, "en") == "512 B (512 B)"


# --- percent --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "whole", "digits", "expected"),
    [
        (55, 1000, 1, "5.5%"),
        (1, 20, 1, "5.0%"),  # fixed decimals: zeros kept
        (1, 3, 1, "33.3%"),
        (2, 3, 2, "66.67%"),
        (1, 8, 1, "12.5%"),
        (1, 16, 1, "6.3%"),  # 6.25 -> 6.3: half up
        (-1, 16, 1, "-6.3%"),
        (1, 10_000, 1, "0.0%"),
        (-1, 10_000, 1, "0.0%"),  # no "-0.0%"
        (3, 2, 0, "150%"),
        (100, 1, 1, "10,000.0%"),
        (0, 5, 1, "0.0%"),
    ],
)
def test_percent(part: int, whole: int, digits: int, expected: str) -> None:
    for lang in LANGS:
        assert percent(part, whole, lang, digits) == expected


# --- signs -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda lang: count(805_306_368, lang, signed=True), {"en": "+805M", "zh": "+8.05亿"}),
        (lambda lang: count(-805_306_368, lang, signed=True), {"en": "-805M", "zh": "-8.05亿"}),
        (lambda lang: count(2_048, lang, signed=True), {"en": "+2,048", "zh": "+2,048"}),
        (lambda lang: count(0, lang, signed=True), {"en": "0", "zh": "0"}),
        (lambda lang: exact(1_234, lang, signed=True), {"en": "+1,234", "zh": "+1,234"}),
        (lambda lang: exact(-1_234, lang, signed=True), {"en": "-1,234", "zh": "-1,234"}),
        (lambda lang: exact(0, lang, signed=True), {"en": "0", "zh": "0"}),
        (lambda lang: percent(64, 1000, lang, signed=True), {"en": "+6.4%", "zh": "+6.4%"}),
        (lambda lang: percent(-64, 1000, lang, signed=True), {"en": "-6.4%", "zh": "-6.4%"}),
        (lambda lang: percent(1, 10**4, lang, signed=True), {"en": "0.0%", "zh": "0.0%"}),
        (lambda lang: percent(-1, 10**4, lang, signed=True), {"en": "0.0%", "zh": "0.0%"}),
        (lambda lang: count(805_306_368, lang), {"en": "805M", "zh": "8.05亿"}),  # default
    ],
)
def test_signed(call: Callable[[str], str], expected: dict[str, str]) -> None:
    for lang in LANGS:
        assert call(lang) == expected[lang]


# --- sci ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "digits", "expected"),
    [
        (314_000_000_000_000_000_000_000, 3, "3.14 × 10²³"),  # GPT-3's training FLOPs
        (314_572_800_000_000_000_000_000, 3, "3.15 × 10²³"),
        (314_499_999_999_999_999_999_999, 3, "3.14 × 10²³"),
        (314_500_000_000_000_000_000_000, 3, "3.15 × 10²³"),  # half up
        (5_760 * 10**20, 3, "5.76 × 10²³"),
        (9_995 * 10**20, 3, "1 × 10²⁴"),  # rounding carries into the exponent
        (9_994 * 10**20, 3, "9.99 × 10²³"),
        (3 * 10**24, 3, "3 × 10²⁴"),
        (31 * 10**23, 3, "3.1 × 10²⁴"),
        (1_000, 3, "1 × 10³"),
        (999, 3, "999"),  # below 1,000: exact
        (1, 3, "1"),
        (123_456_789, 1, "1 × 10⁸"),
        (123_456_789, 5, "1.2346 × 10⁸"),
        (10**100, 3, "1 × 10¹⁰⁰"),
    ],
)
def test_sci(n: int, digits: int, expected: str) -> None:
    for lang in LANGS:
        assert sci(n, lang, digits) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [(9_995 * 10**20, "1.00 × 10²⁴"), (3 * 10**24, "3.00 × 10²⁴"), (314 * 10**21, "3.14 × 10²³")],
)
def test_sci_untrimmed(n: int, expected: str) -> None:
    assert sci(n, trim=False) == expected


_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


@given(st.integers(min_value=1_000, max_value=10**40), st.integers(1, 6))
def test_sci_round_trip(n: int, digits: int) -> None:
    text = sci(n, digits=digits, trim=False)
    mantissa, power = text.split(" × 10")
    exponent = int(power.translate(_SUPERSCRIPT))
    assert Fraction(1) <= Fraction(mantissa) < 10
    assert len(mantissa.replace(".", "")) == digits
    value = Fraction(mantissa) * 10**exponent
    assert abs(value - n) <= Fraction(10**exponent, 2 * 10 ** (digits - 1)), text


# --- times -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "en", "zh"),
    [
        (179, 10, "17.9×", "17.9 倍"),
        (671_026_419_200, 37_554_000_000, "17.9×", "17.9 倍"),
        (1000, 1, "1,000×", "1,000 倍"),
        (6_738_415_616, 10**9, "6.74×", "6.74 倍"),
        (2, 3, "0.667×", "0.667 倍"),
        (1, 1, "1×", "1 倍"),
        (-1, 2, "-0.5×", "-0.5 倍"),
        (0, 7, "0×", "0 倍"),
        (19_995, 1_000, "20×", "20 倍"),  # 19.995 carries to 20.0, trimmed
    ],
)
def test_times(a: int, b: int, en: str, zh: str) -> None:
    assert times(a, b) == en
    assert times(a, b, "zh") == zh


def test_times_digits_and_trim() -> None:
    assert times(2, 1, trim=False) == "2.00×"
    assert times(2, 3, digits=1) == "0.7×"
    assert times(2, 3, "zh", 5) == "0.66667 倍"


# --- decimal and per_param -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "places", "expected"),
    [
        (Fraction(17, 16), None, "1.0625"),
        (Fraction(17, 2), None, "8.5"),
        (2, None, "2"),
        (Fraction(4, 2), None, "2"),
        (Fraction(2049, 2), None, "1,024.5"),
        (Fraction(1, 2), None, "0.5"),
        (Fraction(9, 8), None, "1.125"),
        (Fraction(1, 3125), None, "0.00032"),
        (Fraction(-5, 4), None, "-1.25"),
        (0, None, "0"),
        (1_234_567, None, "1,234,567"),
        (Fraction(1, 3), 3, "0.333"),
        (Fraction(2, 3), 3, "0.667"),
        (Fraction(17, 16), 2, "1.06"),  # 1.0625 -> 1.06
        (Fraction(17, 16), 3, "1.063"),  # 1.0625 -> 1.063: half up
        (Fraction(-17, 16), 3, "-1.063"),  # half up on the magnitude
        (Fraction(5, 2), 0, "3"),
        (Fraction(1, 2), 5, "0.5"),  # trailing zeros trimmed
        (Fraction(2001, 2000), 2, "1"),
        (Fraction(-1, 3000), 2, "0"),  # rounds to zero: no sign
        (Fraction(2_048_001, 2), 1, "1,024,000.5"),
    ],
)
def test_decimal(x: int | Fraction, places: int | None, expected: str) -> None:
    for lang in LANGS:
        assert decimal(x, lang, places) == expected


@given(st.integers(-(10**9), 10**9), st.integers(0, 12), st.integers(0, 12))
def test_decimal_every_digit_round_trips(numerator: int, twos: int, fives: int) -> None:
    x = Fraction(numerator, 2**twos * 5**fives)
    assert Fraction(decimal(x).replace(",", "")) == x


@pytest.mark.parametrize(
    ("x", "en", "zh"),
    [
        (2, "2 B/param", "每个参数 2 字节"),
        (4, "4 B/param", "每个参数 4 字节"),
        (Fraction(1, 2), "0.5 B/param", "每个参数 0.5 字节"),
        (Fraction(17, 16), "1.0625 B/param", "每个参数 1.0625 字节"),
    ],
)
def test_per_param(x: int | Fraction, en: str, zh: str) -> None:
    assert per_param(x) == en
    assert per_param(x, "zh") == zh
    assert "B" not in zh


# --- both, count_exact, bytes_exact ----------------------------------------------------------


@pytest.mark.parametrize(
    ("main", "aside", "en", "zh"),
    [
        ("1.34 TB", "1.22 TiB", "1.34 TB (1.22 TiB)", "1.34 TB（1.22 TiB）"),
        ("6.74B", "6,738,415,616", "6.74B (6,738,415,616)", "6.74B（6,738,415,616）"),
        ("", "", " ()", "（）"),
    ],
)
def test_both(main: str, aside: str, en: str, zh: str) -> None:
    assert both(main, aside) == en
    assert both(main, aside, "zh") == zh


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [
        (6_738_415_616, "en", "6.74B (6,738,415,616)"),
        (6_738_415_616, "zh", "67.4亿（6,738,415,616）"),
        (805_306_368, "en", "805M (805,306,368)"),
        (2_048, "en", "2,048"),  # the compact form is every digit already
        (2_048, "zh", "2,048"),
        (999_999, "en", "999,999"),
        (12_345, "en", "12,345"),
        (12_345, "zh", "1.23万（12,345）"),
        (0, "zh", "0"),
        (-6_738_415_616, "en", "-6.74B (-6,738,415,616)"),
    ],
)
def test_count_exact(n: int, lang: str, expected: str) -> None:
    assert count_exact(n, lang) == expected


def test_count_exact_digits() -> None:
    assert count_exact(6_738_415_616, digits=2) == "6.7B (6,738,415,616)"


@pytest.mark.parametrize(
    ("n", "en", "zh"),
    [
        (524_288, "524,288 (512 KiB)", "524,288（512 KiB）"),
        (13_476_831_232, "13,476,831,232 (12.6 GiB)", "13,476,831,232（12.6 GiB）"),
        (512, "512 (512 B)", "512（512 B）"),
        (0, "0 (0 B)", "0（0 B）"),
    ],
)
def test_bytes_exact(n: int, en: str, zh: str) -> None:
    assert bytes_exact(n) == en
    assert bytes_exact(n, "zh") == zh


# --- share ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (273, 1000, "27.3%"),
        (1, 20, "5.0%"),  # decimals kept, as percent
        (1, 100, "1.0%"),  # 1% exactly: one decimal
        (42, 10_000, "0.42%"),  # under 1%: two decimals
        (4, 10_000, "0.04%"),
        (995, 100_000, "1.00%"),  # 0.995% is under 1%, rounds to 1.00
        (1, 100_000, "0.001%"),  # two decimals would read 0.00%: down to the first digit
        (2, 1_000_000, "0.0002%"),
        (7_168, 671_026_419_200, "0.000001%"),
        (-2, 1_000_000, "-0.0002%"),
        (0, 7, "0.0%"),
        (7, 7, "100.0%"),
    ],
)
def test_share(part: int, whole: int, expected: str) -> None:
    for lang in LANGS:
        assert share(part, whole, lang) == expected


@given(st.integers(1, 10**15), st.integers(1, 10**15))
def test_share_never_reads_zero(part: int, whole: int) -> None:
    text = share(part, whole)
    assert re.fullmatch(r"[\d,]+\.\d+%", text), text
    assert Fraction(text[:-1].replace(",", "")) > 0


# --- distinct --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "lang", "kind", "expected"),
    [
        ([684_489_845_504, 684_531_386_000], "zh", "count", ["6844.9亿", "6845.3亿"]),
        ([684_489_845_504, 684_531_386_000], "en", "count", ["684B", "685B"]),
        ([6_738_415_616, 6_738_415_616, 805_306_368], "en", "count", ["6.74B", "6.74B", "805M"]),
        ([10**9, 10**9 + 1], "en", "count", ["1B", "1.000000001B"]),
        ([2_048, 2_049], "zh", "count", ["2,048", "2,049"]),
        ([], "en", "count", []),
        ([13_476_831_232, 13_480_000_000], "en", "bytes", ["13.477 GB", "13.48 GB"]),
        ([13_476_831_232, 26_953_662_464], "zh", "bytes", ["13.5 GB", "27 GB"]),
        ([999, 1_000], "en", "bytes", ["999 B", "1 KB"]),
    ],
)
def test_distinct(values: list[int], lang: str, kind: str, expected: list[str]) -> None:
    assert distinct(values, lang, kind=kind) == expected


def test_distinct_raises_digits_only_where_values_clash() -> None:
    # The last two need 4 digits to differ; the first keeps 3, as it reads in prose.
    assert distinct([1_234_567_890, 5_551_000_000, 5_549_000_000]) == ["1.23B", "5.551B", "5.549B"]
    # Home's five DeepSeek-V3 counts in Chinese: only the two checkpoint figures need a decimal.
    five = [671_026_404_352, 37_552_282_624, 669_173_046_272, 684_489_845_504, 684_531_386_000]
    assert distinct(five, "zh") == ["6710亿", "376亿", "6692亿", "6844.9亿", "6845.3亿"]
    assert distinct([1_234_567_890], digits=5) == ["1.2346B"]


@given(
    st.lists(st.integers(-(10**16), 10**16), max_size=6),
    st.sampled_from(LANGS),
    st.sampled_from(["count", "bytes"]),
)
def test_distinct_values_never_print_alike(values: list[int], lang: str, kind: str) -> None:
    texts = distinct(values, lang, kind=kind)
    by_value = dict(zip(values, texts, strict=True))
    assert texts == [by_value[v] for v in values]  # equal values share a text ...
    assert len(set(by_value.values())) == len(by_value)  # ... different ones never do


# --- labels ----------------------------------------------------------------------------------

BREAKDOWN_KEYS = [
    "model",
    "embeddings",
    "token",
    "position",
    "token_type",
    "norm",
    "layers",
    "dense_layers",
    "moe_layers",
    "attention",
    "q",
    "k",
    "v",
    "o",
    "qkv_bias",
    "o_bias",
    "qk_norm",
    "q_down",
    "q_norm",
    "q_up",
    "kv_down",
    "kv_norm",
    "kv_up",
    "mlp",
    "gate",
    "up",
    "down",
    "moe",
    "router",
    "experts",
    "shared_experts",
    "shared_gate",
    "norms",
    "final_norm",
    "head",
    "pooler",
]


@pytest.mark.parametrize(
    ("key", "en", "zh"),
    [
        ("attention", "Attention", "注意力"),
        ("experts", "Routed experts", "路由专家"),
        ("shared_experts", "Shared experts", "共享专家"),
        ("head", "Output head", "输出头"),
        ("embeddings", "Embeddings", "嵌入"),
        ("norms", "Norms", "归一化"),
    ],
)
def test_label(key: str, en: str, zh: str) -> None:
    assert label(key) == en
    assert label(key, "en") == en
    assert label(key, "zh") == zh


def test_every_breakdown_key_has_labels() -> None:
    for key in BREAKDOWN_KEYS:
        en, zh = label(key, "en"), label(key, "zh")
        assert en and zh and en != zh
        assert not re.search(r"\d", en + zh)
    # Distinct labels per language, so a legend never shows two identical names.
    assert len({label(k, "en") for k in BREAKDOWN_KEYS}) == len(BREAKDOWN_KEYS)
    assert len({label(k, "zh") for k in BREAKDOWN_KEYS}) == len(BREAKDOWN_KEYS)


def test_labels_cover_a_real_breakdown() -> None:
    spec = Spec(
        name="deepseek-like",
        layers=4,
        width=64,
        heads=4,
        kv_heads=4,
        head_dim=16,
        ffn=128,
        vocab=100,
        qk_norm=True,
        qkv_bias=True,
        o_bias=True,
        max_positions=8,
        token_types=2,
        embedding_norm=True,
        pooler=True,
        moe=MoE(
            num_experts=4,
            experts_per_token=2,
            expert_ffn=32,
            num_shared_experts=1,
            shared_ffn=32,
            shared_expert_gate=True,
            first_dense_layers=1,
        ),
        mla=MLA(
            q_lora_rank=16,
            kv_lora_rank=16,
            qk_nope_head_dim=8,
            qk_rope_head_dim=8,
            v_head_dim=8,
        ),
    )

    def keys(part: Part) -> set[str]:
        out = {part.key}
        for child in part.children:
            out |= keys(child)
        return out

    found = keys(breakdown(spec))
    assert found <= set(BREAKDOWN_KEYS)
    for key in found:
        label(key, "zh")


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: count(1, "fr"), "lang must be 'en' or 'zh', got 'fr'"),
        (lambda: count(1, "EN"), "got 'EN'"),
        (lambda: count_long(1, "de"), "got 'de'"),
        (lambda: exact(1, "ja"), "got 'ja'"),
        (lambda: bytes_(1, "auto", "zh-TW"), "got 'zh-TW'"),
        (lambda: bytes_both(1, "fr"), "got 'fr'"),
        (lambda: percent(1, 2, "fr"), "got 'fr'"),
        (lambda: times(1, 2, "fr"), "got 'fr'"),
        (lambda: label("head", "fr"), "got 'fr'"),
        (lambda: check_lang(None), "got None"),
        (lambda: label("heads"), "key must be a breakdown key such as 'attention', got 'heads'"),
        (lambda: label("layers.attention"), "got 'layers.attention'"),
        (lambda: count(1.5), "n must be an integer, got 1.5"),  # type: ignore[arg-type]
        (lambda: count(True), "n must be an integer, got True"),
        (lambda: exact("12"), "n must be an integer, got '12'"),  # type: ignore[arg-type]
        (lambda: count(1, digits=0), "digits must be positive, got 0"),
        (lambda: bytes_(1, digits=0), "digits must be positive, got 0"),
        (lambda: percent(1, 2, digits=-1), "digits must be >= 0, got -1"),
        (lambda: bytes_(1, "gb"), "got 'gb'"),
        (lambda: bytes_(1.0), "n must be an integer, got 1.0"),  # type: ignore[arg-type]
        (lambda: percent(1, 0), "whole must not be zero, got 0"),
        (lambda: percent(1.0, 2), "part must be an integer"),  # type: ignore[arg-type]
        (lambda: times(1, 0), "b must not be zero, got 0"),
        (lambda: times(1, 0), "b must not be zero, got 0"),
        (lambda: times(1, 2, "fr"), "got 'fr'"),
        (lambda: times(1.5, 2), "a must be an integer, got 1.5"),  # type: ignore[arg-type]
        (lambda: times(1, 2, digits=0), "digits must be positive, got 0"),
        (lambda: sci(0), "n must be positive, got 0"),
        (lambda: sci(-5), "n must be positive, got -5"),
        (lambda: sci(1.0e24), "n must be an integer, got 1e+24"),  # type: ignore[arg-type]
        (lambda: sci(10**24, "de"), "got 'de'"),
        (lambda: sci(10**24, digits=0), "digits must be positive, got 0"),
        (lambda: decimal(Fraction(1, 3)), "x must have a terminating decimal expansion"),
        (lambda: decimal(0.5), "x must be an integer or a Fraction, got 0.5"),  # type: ignore[arg-type]
        (lambda: decimal(True), "x must be an integer or a Fraction, got True"),
        (lambda: decimal(1, places=-1), "places must be >= 0, got -1"),
        (lambda: decimal(1, "fr"), "got 'fr'"),
        (lambda: per_param(Fraction(1, 3)), "x must have a terminating decimal expansion"),
        (lambda: per_param(2, "fr"), "got 'fr'"),
        (lambda: both("a", 1), "aside must be a string, got 1"),  # type: ignore[arg-type]
        (lambda: both("a", "b", "fr"), "got 'fr'"),
        (lambda: count_exact(1.5), "n must be an integer, got 1.5"),  # type: ignore[arg-type]
        (lambda: bytes_exact(1, "fr"), "got 'fr'"),
        (lambda: share(1, 0), "whole must not be zero, got 0"),
        (lambda: share(1.0, 2), "part must be an integer"),  # type: ignore[arg-type]
        (lambda: share(1, 2, "fr"), "got 'fr'"),
        (lambda: distinct([1, 2.5]), "values[] must be an integer, got 2.5"),  # type: ignore[list-item]
        (lambda: distinct([1], kind="percent"), "kind must be 'count' or 'bytes', got 'percent'"),
        (lambda: distinct([1], digits=0), "digits must be positive, got 0"),
        (lambda: distinct([1], "fr"), "got 'fr'"),
        (lambda: exact(True, signed=True), "n must be an integer, got True"),
    ],
)
def test_errors(call: Callable[[], object], message: str) -> None:
    with pytest.raises(LLMSizeError, match=re.escape(message)) as info:
        call()
    assert "\n" not in str(info.value)


# --- round trips -----------------------------------------------------------------------------

_EN_SUFFIX = {"K": 10**3, "M": 10**6, "B": 10**9, "T": 10**12}
_ZH_SUFFIX = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
_BYTE_SUFFIX = {
    "B": 1,
    "KB": 10**3,
    "MB": 10**6,
    "GB": 10**9,
    "TB": 10**12,
    "PB": 10**15,
    "KiB": 2**10,
    "MiB": 2**20,
    "GiB": 2**30,
    "TiB": 2**40,
    "PiB": 2**50,
}


def parse(text: str, lang: str) -> tuple[Fraction, Fraction]:
    """Value of a compact count and the half-unit of its last printed digit."""
    match = re.fullmatch(r"(-?)([\d,]+)(?:\.(\d+))?(\D*)", text)
    assert match, text
    sign, whole, frac, suffix = match.groups()
    if lang == "zh" and suffix:
        assert "," not in whole, text  # 万 and 亿 are the grouping
    else:
        assert re.fullmatch(r"\d{1,3}(,\d{3})*", whole), text
    factor = {**_EN_SUFFIX, **_ZH_SUFFIX, "": 1}[suffix]
    decimals = len(frac or "")
    value = Fraction(int(whole.replace(",", "") + (frac or "")), 10**decimals) * factor
    return (-value if sign else value), Fraction(factor, 2 * 10**decimals)


def parse_bytes(text: str) -> tuple[Fraction, Fraction]:
    number, symbol = text.split(" ")
    factor = _BYTE_SUFFIX[symbol]
    whole, _, frac = number.lstrip("-").partition(".")
    value = Fraction(int(whole.replace(",", "") + frac), 10 ** len(frac)) * factor
    return (-value if number.startswith("-") else value), Fraction(factor, 2 * 10 ** len(frac))


def significant(text: str) -> int:
    return len(re.sub(r"\D", "", text).lstrip("0"))


@given(
    st.integers(min_value=-(10**18), max_value=10**18), st.integers(1, 6), st.sampled_from(LANGS)
)
def test_count_round_trip(n: int, digits: int, lang: str) -> None:
    for trim in (True, False):
        text = count(n, lang, digits, trim=trim)
        value, half_ulp = parse(text, lang)
        # Within half a unit of the last printed digit ...
        assert abs(value - n) <= half_ulp, text
        # ... and within half a unit of the `digits`-th significant digit.
        assert abs(value - n) <= Fraction(abs(n), 2 * 10 ** (digits - 1)), text
    untrimmed = count(n, lang, digits, trim=False)
    assert significant(untrimmed) >= min(digits, len(str(abs(n)))) or n == 0, untrimmed


@given(st.integers(min_value=1, max_value=10**21), st.integers(1, 5))
def test_count_en_and_zh_agree(n: int, digits: int) -> None:
    en, _ = parse(count(n, "en", digits), "en")
    zh, _ = parse(count(n, "zh", digits), "zh")
    tolerance = Fraction(n, 10 ** (digits - 1))  # both within half a significant unit of n
    assert abs(en - zh) <= tolerance


@given(
    st.integers(min_value=-(10**20), max_value=10**20),
    st.sampled_from(["auto", "auto-decimal", "auto-binary", *_BYTE_SUFFIX]),
    st.integers(1, 5),
)
def test_bytes_round_trip(n: int, unit: str, digits: int) -> None:
    text = bytes_(n, unit, digits=digits, trim=False)
    value, half_ulp = parse_bytes(text)
    assert abs(value - n) <= half_ulp, text
    assert abs(value - n) <= Fraction(abs(n), 2 * 10 ** (digits - 1)), text
    if unit.startswith("auto") and n:
        # The largest unit that keeps the number at 1 or more (after rounding).
        number, symbol = text.split(" ")
        shown = abs(Fraction(number.replace(",", "")))
        assert shown >= 1, text
        if symbol not in ("PB", "PiB"):
            assert shown < (1024 if unit == "auto-binary" else 1000), text


@given(st.integers(-(10**12), 10**12), st.integers(1, 10**12), st.integers(0, 4))
def test_percent_round_trip(part: int, whole: int, digits: int) -> None:
    text = percent(part, whole, "en", digits)
    assert text.endswith("%")
    value = Fraction(text[:-1].replace(",", ""))
    assert abs(value - Fraction(100 * part, whole)) <= Fraction(1, 2 * 10**digits)
    if digits:
        assert len(text[:-1].split(".")[1]) == digits


@pytest.mark.parametrize(
    ("claim", "exact", "text"),
    [
        # GPT-2's "117M" against the 124,439,808 that transformers builds: an understatement.
        (117_000_000, 124_439_808, "-6.0%"),
        # Llama-2-7B's "7B" against 6,738,415,616 (the Hub's count): an overstatement.
        (7_000_000_000, 6_738_415_616, "+3.9%"),
        (671_000_000_000, 671_026_404_352, "0.0%"),
    ],
)
def test_gap_has_one_sign_and_base(claim: int, exact: int, text: str) -> None:
    from llmsize.fmt import gap

    assert gap(claim, exact) == text
    assert gap(claim, exact, "zh") == text

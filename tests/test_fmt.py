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
    bytes_,
    bytes_both,
    check_lang,
    count,
    count_long,
    exact,
    label,
    percent,
    ratio,
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
        (9_999, "zh", "9999"),  # below 10^4: plain digits, no grouping
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
        (2_048, "zh", "2048"),
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


# --- percent and ratio -----------------------------------------------------------------------


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


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (1000, 1, "×1,000"),
        (6_738_415_616, 10**9, "×6.74"),
        (2, 3, "×0.667"),
        (1, 1, "×1"),
        (-1, 2, "×-0.5"),
        (0, 7, "×0"),
    ],
)
def test_ratio(a: int, b: int, expected: str) -> None:
    assert ratio(a, b) == expected
    assert ratio(a, b, "zh") == expected


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
        (lambda: ratio(1, 2, "fr"), "got 'fr'"),
        (lambda: label("head", "fr"), "got 'fr'"),
        (lambda: check_lang(None), "got None"),
        (lambda: label("heads"), "key must be a breakdown key such as 'attention', got 'heads'"),
        (lambda: label("layers.attention"), "got 'layers.attention'"),
        (lambda: count(1.5), "n must be an integer, got 1.5"),  # type: ignore[arg-type]
        (lambda: count(True), "n must be an integer, got True"),
        (lambda: exact("12"), "n must be an integer, got '12'"),  # type: ignore[arg-type]
        (lambda: count(1, digits=0), "digits must be >= 1, got 0"),
        (lambda: bytes_(1, digits=0), "digits must be >= 1, got 0"),
        (lambda: percent(1, 2, digits=-1), "digits must be >= 0, got -1"),
        (lambda: bytes_(1, "gb"), "got 'gb'"),
        (lambda: bytes_(1.0), "n must be an integer, got 1.0"),  # type: ignore[arg-type]
        (lambda: percent(1, 0), "whole must not be zero, got 0"),
        (lambda: percent(1.0, 2), "part must be an integer"),  # type: ignore[arg-type]
        (lambda: ratio(1, 0), "b must not be zero, got 0"),
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
    if lang == "zh":
        assert "," not in whole, text
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

"""Textbook parameter approximations, and one article's version of them, as exact functions.

The site prints these beside the exact count from `llmsize.counts`. Notation as in
`llmsize.spec`: ``L`` layers, ``D`` width, ``H`` here is the number of heads (the article's
letter), and the FFN is ``4D`` wide and not gated.

Per layer, attention has four ``D x D`` matrices (Q, K, V, output): ``4D²``. The MLP has two
``D x 4D`` matrices: ``8D²``. A layer is ``12D²`` and a stack ``12·L·D²``, which is Kaplan et
al. (2020)'s ``N ≈ 12·n_layer·d_model²``: it leaves out embeddings, biases and norms.

`article_claims` checks a Chinese blog post that sizes a model with ``L = 100``,
``D = 8192``, ``H = 128`` heads and a ``4D`` FFN.
"""

from __future__ import annotations

from dataclasses import dataclass

from llmsize.errors import LLMSizeError
from llmsize.fmt import LANGS, check_lang

__all__ = [
    "ARTICLE_HEADS",
    "ARTICLE_LAYERS",
    "ARTICLE_WIDTH",
    "WHY",
    "Claim",
    "article_attention",
    "article_claims",
    "attention_4d2",
    "bytes_per_value",
    "ffn_8d2",
    "layer_12d2",
    "per_head_attention",
    "stack",
    "twelve_ld2",
    "why",
]

ARTICLE_LAYERS = 100
"""``L`` in the article's example."""
ARTICLE_WIDTH = 8192
"""``D`` in the article's example."""
ARTICLE_HEADS = 128
"""``H`` (number of heads) in the article's example."""


def _check(name: str, value: object) -> int:
    # bool is an int subclass; a width of True is a mistake, not a 1.
    if isinstance(value, bool) or not isinstance(value, int):
        raise LLMSizeError(f"{name} must be an integer, got {value!r}")
    if value < 1:
        raise LLMSizeError(f"{name} must be positive, got {value!r}")
    return value


def twelve_ld2(layers: int, width: int) -> int:
    """Kaplan et al. (2020)'s non-embedding estimate ``12·L·D²``.

    Per layer: attention ``4D²`` plus a ``4D``-wide MLP ``8D²``; no biases, norms or embeddings.

    Args:
        layers: ``L``.
        width: ``D``.

    Returns:
        ``12 * layers * width**2``.

    Raises:
        LLMSizeError: If either argument is not a positive integer.
    """
    return 12 * _check("layers", layers) * _check("width", width) ** 2


def article_attention(heads: int, width: int) -> int:
    """The article's attention formula exactly as written: ``H * D * (3D + D)``.

    This counts ``D x D`` matrices per head and so multiplies the right ``4D²`` by the head
    count again: ``34,359,738,368`` for ``H = 128``, ``D = 8192``, where the article prints
    about 335 million.

    Args:
        heads: ``H``, the number of heads.
        width: ``D``.

    Returns:
        ``heads * width * (3 * width + width)``.

    Raises:
        LLMSizeError: If either argument is not a positive integer.
    """
    h, d = _check("heads", heads), _check("width", width)
    return h * d * (3 * d + d)


def per_head_attention(heads: int, width: int) -> int:
    """Attention counted head by head: ``H x (3 x D x D/H) + D x D``.

    Each head has Q, K and V matrices of shape ``[D, D/H]``; the output projection is one
    ``D x D``. The sum is exactly ``4D²``, whatever ``H``.

    Args:
        heads: ``H``, the number of heads; must divide ``width``.
        width: ``D``.

    Returns:
        ``heads * (3 * width * (width // heads)) + width * width``.

    Raises:
        LLMSizeError: If either argument is not a positive integer or ``heads`` does not divide
            ``width``.
    """
    h, d = _check("heads", heads), _check("width", width)
    if d % h:
        raise LLMSizeError(f"heads must divide width ({d}), got {h}")
    return h * (3 * d * (d // h)) + d * d


def attention_4d2(width: int) -> int:
    """Attention per layer, ``4D²``: Q, K, V and output, each ``D x D``, no biases.

    Args:
        width: ``D``.

    Returns:
        ``4 * width**2``.

    Raises:
        LLMSizeError: If ``width`` is not a positive integer.
    """
    return 4 * _check("width", width) ** 2


def ffn_8d2(width: int) -> int:
    """A ``4D``-wide, ungated MLP per layer, ``8D²``: up ``D x 4D`` and down ``4D x D``.

    Args:
        width: ``D``.

    Returns:
        ``8 * width**2``.

    Raises:
        LLMSizeError: If ``width`` is not a positive integer.
    """
    return 8 * _check("width", width) ** 2


def layer_12d2(width: int) -> int:
    """One layer, ``12D²``: `attention_4d2` plus `ffn_8d2`.

    Args:
        width: ``D``.

    Returns:
        ``12 * width**2``.

    Raises:
        LLMSizeError: If ``width`` is not a positive integer.
    """
    return attention_4d2(width) + ffn_8d2(width)


def stack(layers: int, width: int) -> int:
    """``L`` layers, ``L·12D²`` (the same figure as `twelve_ld2`).

    Args:
        layers: ``L``.
        width: ``D``.

    Returns:
        ``layers * 12 * width**2``.

    Raises:
        LLMSizeError: If either argument is not a positive integer.
    """
    return _check("layers", layers) * layer_12d2(width)


def bytes_per_value(bits: int) -> int:
    """Bytes one value of a ``bits``-bit type takes (fp32: 4, fp64: 8).

    Args:
        bits: Bits per value, a multiple of 8.

    Returns:
        ``bits // 8``.

    Raises:
        LLMSizeError: If ``bits`` is not a positive multiple of 8.
    """
    if _check("bits", bits) % 8:
        raise LLMSizeError(f"bits must be a multiple of 8, got {bits}")
    return bits // 8


@dataclass(frozen=True)
class Claim:
    """One figure the article states, beside what its formula and the right formula give.

    Attributes:
        key: Stable name (``"attention"``, ``"ffn"``, ``"layer"``, ``"total"``,
            ``"fp32_bytes"``, ``"fp64_bytes"``).
        formula_text: The article's formula as it writes it (for a code span).
        claimed: The figure the article prints.
        computed: The article's formula evaluated exactly, at the article's sizes.
        verdict_key: Key into `WHY` (see `why`).
        correct: The right count for what the article is sizing.
        correct_formula: The formula that gives ``correct`` (for a code span).
    """

    key: str
    formula_text: str
    claimed: int
    computed: int
    verdict_key: str
    correct: int
    correct_formula: str

    @property
    def right(self) -> bool:
        """Whether the printed figure is the right one."""
        return self.claimed == self.correct


# Short explanations, (English, Chinese), keyed by Claim.verdict_key. No digits: the site types
# no figures in prose and prints every number from the data instead.
WHY: dict[str, tuple[str, str]] = {
    "heads_counted_twice": (
        "As written the formula multiplies by the head count again: each head's Q, K and V "
        "are D × D/H, not D × D. The printed figure matches neither this nor the right count.",
        "按原文写法，公式又乘了一次头数：每个头的 Q、K、V 是 D × D/H，而不是 D × D。"
        "文中给出的数值与这两者都对不上。",
    ),
    "rounding_slip": (
        "The formula is right; the printed figure is an arithmetic slip (it does not round to it).",
        "公式正确；文中的数值是计算笔误（正确结果并不能舍入成它）。",
    ),
    "terms_off": (
        "The addition is right, but both terms are off; a layer is attention plus FFN, "
        "each counted correctly.",
        "加法没错，但两项都有误；单层应是正确计算的注意力与前馈网络之和。",
    ),
    "layer_off": (
        "Multiplying by the layer count is right, but it carries the per-layer error.",
        "乘以层数没错，但沿用了单层的错误。",
    ),
    "right": ("Right.", "正确。"),
}


def why(verdict_key: str, lang: str = "en") -> str:
    """The explanation for a `Claim.verdict_key` in ``lang``.

    Args:
        verdict_key: A key of `WHY`.
        lang: ``"en"`` or ``"zh"``.

    Returns:
        One or two short sentences, with no digits.

    Raises:
        LLMSizeError: If ``lang`` or ``verdict_key`` is unknown.
    """
    index = LANGS.index(check_lang(lang))
    if not isinstance(verdict_key, str) or verdict_key not in WHY:
        raise LLMSizeError(f"verdict_key must be one of {', '.join(WHY)}, got {verdict_key!r}")
    return WHY[verdict_key][index]


def article_claims() -> tuple[Claim, ...]:
    """The article's figures for ``L = 100``, ``D = 8192``, ``H = 128``, checked.

    The fp32/fp64 sizes are two claims (one figure each), so there are six.

    Returns:
        Attention, FFN, layer, total, fp32 bytes and fp64 bytes, in that order.
    """
    layers, d, h = ARTICLE_LAYERS, ARTICLE_WIDTH, ARTICLE_HEADS
    as_written_layer = article_attention(h, d) + ffn_8d2(d)
    # The article's own figures, as ints: the Chinese blog post this module checks (a 100-layer,
    # width-8192, 128-head model with a 4D FFN) states attention ~335 million, FFN ~534 million,
    # a layer ~869 million, the model ~86.9 billion, and fp32 = 4 bytes, fp64 = 8 bytes.
    # These are data; the prose about them lives in WHY, without figures.
    return (
        Claim(
            "attention",
            "H * D * (3D + D)",
            335_000_000,
            article_attention(h, d),
            "heads_counted_twice",
            attention_4d2(d),
            "4D²",
        ),
        Claim("ffn", "8D²", 534_000_000, ffn_8d2(d), "rounding_slip", ffn_8d2(d), "8D²"),
        Claim(
            "layer",
            "attention + FFN",
            869_000_000,
            as_written_layer,
            "terms_off",
            layer_12d2(d),
            "12D²",
        ),
        Claim(
            "total",
            "L * layer",
            86_900_000_000,
            layers * as_written_layer,
            "layer_off",
            stack(layers, d),
            "L · 12D²",
        ),
        Claim("fp32_bytes", "fp32 = 4 bytes", 4, bytes_per_value(32), "right", 32 // 8, "32 / 8"),
        Claim("fp64_bytes", "fp64 = 8 bytes", 8, bytes_per_value(64), "right", 64 // 8, "64 / 8"),
    )

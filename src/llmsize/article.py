"""The source article's worked example: its figures, checked against the formulas.

A Chinese blog post sizes a model with ``L = 100`` layers, width ``D = 8192``, ``H = 128``
heads and a ``4D`` FFN, and prints a figure for each step. `article_claims` puts each printed
figure beside what the article's own formula gives and what the right formula gives (the
formulas are in `llmsize.approx`); `why` explains each verdict in words, without figures (the
site types no figure in prose).
"""

from __future__ import annotations

from dataclasses import dataclass

from llmsize.approx import (
    article_attention,
    attention_4d2,
    bytes_per_value,
    ffn_8d2,
    layer_12d2,
    stack,
)
from llmsize.errors import LLMSizeError
from llmsize.text import Text, say

__all__ = [
    "ARTICLE_HEADS",
    "ARTICLE_LAYERS",
    "ARTICLE_WIDTH",
    "WHY",
    "Claim",
    "article_claims",
    "why",
]

ARTICLE_LAYERS = 100
"""``L`` in the article's example."""
ARTICLE_WIDTH = 8192
"""``D`` in the article's example."""
ARTICLE_HEADS = 128
"""``H`` (number of heads) in the article's example."""


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


WHY: dict[str, Text] = {
    "heads_counted_twice": {
        "en": "As written the formula multiplies by the head count again: each head's Q, K and"
        " V are D × D/H, not D × D. The printed figure matches neither this nor the right count.",
        "zh": "按原文写法，公式又乘了一次头数：每个头的 Q、K、V 是 D × D/H，而不是 D × D。"
        "文中给出的数值与这两者都对不上。",
    },
    "rounding_slip": {
        "en": "The formula is right; the printed figure is an arithmetic slip (it does not round"
        " to it).",
        "zh": "公式正确；文中的数值是计算笔误（正确结果并不能舍入成它）。",
    },
    "terms_off": {
        "en": "The addition is right, but both terms are off; a layer is attention plus FFN,"
        " each counted correctly.",
        "zh": "加法没错，但两项都有误；单层应是正确计算的注意力与前馈网络之和。",
    },
    "layer_off": {
        "en": "Multiplying by the layer count is right, but it carries the per-layer error.",
        "zh": "乘以层数没错，但沿用了单层的错误。",
    },
    "right": {"en": "Right.", "zh": "正确。"},
}
"""Short explanations keyed by `Claim.verdict_key`. No digits: the site types no figures in
prose and prints every number from the data instead."""


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
    if not isinstance(verdict_key, str) or verdict_key not in WHY:
        raise LLMSizeError(f"verdict_key must be one of {', '.join(WHY)}, got {verdict_key!r}")
    return say(WHY[verdict_key], lang)


def article_claims() -> tuple[Claim, ...]:
    """The article's figures for ``L = 100``, ``D = 8192``, ``H = 128``, checked.

    The fp32/fp64 sizes are two claims (one figure each), so there are six.

    Returns:
        Attention, FFN, layer, total, fp32 bytes and fp64 bytes, in that order.
    """
    layers, d, h = ARTICLE_LAYERS, ARTICLE_WIDTH, ARTICLE_HEADS
    as_written_layer = article_attention(h, d) + ffn_8d2(d)
    # The article's own figures, as ints: the Chinese blog post (a 100-layer, width-8192,
    # 128-head model with a 4D FFN) states attention ~335 million, FFN ~534 million, a layer
    # ~869 million, the model ~86.9 billion, and fp32 = 4 bytes, fp64 = 8 bytes. These are
    # data; the prose about them lives in WHY, without figures.
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

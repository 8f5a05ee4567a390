"""The source article's worked example, completed and scaled: the figures its page derives.

The article (`llmsize.article`) sketches a dense transformer with ``L = 100`` layers of width
``D = 8192``, ``H = 128`` heads and an ungated ``4D`` feed-forward network, and counts only its
weight matrices (``12·L·D²``, `llmsize.approx`). This module adds what the site derives from
it: attention counted head by head, the model completed with everything a checkpoint stores
(GPT-style: LayerNorm, biases, an untied output head), and the depth or width a dense model of
that kind would need to reach a given total.
"""

from __future__ import annotations

from math import isqrt

from llmsize.approx import per_head_attention, twelve_ld2
from llmsize.article import ARTICLE_HEADS, ARTICLE_LAYERS, ARTICLE_WIDTH
from llmsize.errors import check_int
from llmsize.spec import Spec

__all__ = [
    "completed_model",
    "completed_parts",
    "head_by_head",
    "layers_to_reach",
    "nearest_d2_multiple",
    "width_to_reach",
]


def head_by_head(heads: int = ARTICLE_HEADS, width: int = ARTICLE_WIDTH) -> dict[str, int]:
    """Multi-head attention's weights counted head by head, one layer.

    Each head projects the ``D``-wide input to a query, a key and a value of ``D/H`` numbers;
    the output projection maps the heads' concatenated ``D`` numbers back to ``D``.

    Args:
        heads: ``H``; must divide ``width``.
        width: ``D``.

    Returns:
        ``{"query_one_head": D·D/H, "qkv_one_head": 3·D·D/H, "qkv_all_heads": 3D²,
        "output": D², "attention": 4D²}``.

    Raises:
        LLMSizeError: If an argument is not a positive integer or ``heads`` does not divide
            ``width``.
    """
    attention = per_head_attention(heads, width)  # checks that H divides D
    query = width * (width // heads)
    return {
        "query_one_head": query,
        "qkv_one_head": 3 * query,
        "qkv_all_heads": heads * 3 * query,
        "output": width * width,
        "attention": attention,
    }


def nearest_d2_multiple(n: int, width: int = ARTICLE_WIDTH) -> int:
    """The whole multiple ``k`` of ``D²`` nearest to ``n`` (halves round up).

    The article prints about 335 million for one layer's attention: ``5D²`` at ``D = 8192``.

    Args:
        n: The figure.
        width: ``D``.

    Returns:
        ``k``.

    Raises:
        LLMSizeError: If an argument is not a positive integer.
    """
    square = check_int("width", width) ** 2
    return (2 * check_int("n", n) + square) // (2 * square)


def completed_model(vocab: int) -> Spec:
    """The article's model with everything a downloadable checkpoint stores, GPT-style.

    LayerNorm (scale and shift) before attention and before the FFN and once after the last
    layer; a bias on every linear layer; an ungated ``4D`` FFN; token embedding and an untied
    output head over ``vocab`` entries; no position table (rotary positions have no weights).
    transformers' GPT-NeoX has exactly this layout.

    Args:
        vocab: ``V``, the vocabulary (the site uses DeepSeek-V3's).

    Returns:
        The `Spec`.
    """
    layers, width, heads = ARTICLE_LAYERS, ARTICLE_WIDTH, ARTICLE_HEADS
    return Spec(
        name="The article's model, completed",
        layers=layers,
        width=width,
        heads=heads,
        kv_heads=heads,
        head_dim=width // heads,
        ffn=4 * width,
        vocab=check_int("vocab", vocab),
        gated_ffn=False,
        qkv_bias=True,
        o_bias=True,
        mlp_bias=True,
        norm="layernorm",
    )


def completed_parts(spec: Spec) -> dict[str, int]:
    """The parameters of a `completed_model`, part by part.

    Args:
        spec: A model built by `completed_model`.

    Returns:
        ``{"attention": L·4D², "ffn": L·8D², "biases": L·(3D + D + 4D + D),
        "norms": L·2·2D + 2D, "embedding": V·D, "head": V·D}``; they add up to
        ``counts(spec).total``.
    """
    layers, d, f, v = spec.layers, spec.width, spec.ffn, spec.vocab
    return {
        "attention": layers * 4 * d * d,
        "ffn": layers * 2 * d * f,
        "biases": layers * (3 * d + d + f + d),
        "norms": layers * 2 * 2 * d + 2 * d,
        "embedding": v * d,
        "head": v * d,
    }


def layers_to_reach(total: int, width: int = ARTICLE_WIDTH) -> int:
    """The fewest layers of width ``D`` for which ``12·L·D²`` reaches ``total``.

    Args:
        total: The parameter count to reach.
        width: ``D``.

    Returns:
        The smallest ``L`` with ``12·L·D² >= total``.

    Raises:
        LLMSizeError: If an argument is not a positive integer.
    """
    return -(-check_int("total", total) // twelve_ld2(1, width))


def width_to_reach(total: int, layers: int = ARTICLE_LAYERS) -> int:
    """The narrowest width at which ``L`` layers of ``12D²`` reach ``total``.

    Args:
        total: The parameter count to reach.
        layers: ``L``.

    Returns:
        The smallest ``D`` with ``12·L·D² >= total``.

    Raises:
        LLMSizeError: If an argument is not a positive integer.
    """
    per_square = twelve_ld2(layers, 1)
    squares = -(-check_int("total", total) // per_square)  # D² must be at least this
    width = isqrt(squares)
    return width if width * width >= squares else width + 1

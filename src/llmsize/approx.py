"""Textbook parameter approximations, and one article's version of them, as exact functions.

The site prints these beside the exact count from `llmsize.counts`. Notation as in
`llmsize.spec`: ``L`` layers, ``D`` width, ``H`` here is the number of heads (the article's
letter), and the FFN is ``4D`` wide and not gated.

Per layer, attention has four ``D x D`` matrices (Q, K, V, output): ``4D²``. The MLP has two
``D x 4D`` matrices: ``8D²``. A layer is ``12D²`` and a stack ``12·L·D²``, which is Kaplan et
al. (2020)'s ``N ≈ 12·n_layer·d_model²``: it leaves out embeddings, biases and norms.

`llmsize.article` checks a Chinese blog post's figures with these formulas.
"""

from __future__ import annotations

from llmsize.errors import LLMSizeError, check_int

__all__ = [
    "article_attention",
    "attention_4d2",
    "bytes_per_value",
    "ffn_8d2",
    "layer_12d2",
    "per_head_attention",
    "stack",
    "twelve_ld2",
]


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
    return 12 * check_int("layers", layers) * check_int("width", width) ** 2


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
    h, d = check_int("heads", heads), check_int("width", width)
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
    h, d = check_int("heads", heads), check_int("width", width)
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
    return 4 * check_int("width", width) ** 2


def ffn_8d2(width: int) -> int:
    """A ``4D``-wide, ungated MLP per layer, ``8D²``: up ``D x 4D`` and down ``4D x D``.

    Args:
        width: ``D``.

    Returns:
        ``8 * width**2``.

    Raises:
        LLMSizeError: If ``width`` is not a positive integer.
    """
    return 8 * check_int("width", width) ** 2


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
    return check_int("layers", layers) * layer_12d2(width)


def bytes_per_value(bits: int) -> int:
    """Bytes one value of a ``bits``-bit type takes (fp32: 4, fp64: 8).

    Args:
        bits: Bits per value, a multiple of 8.

    Returns:
        ``bits // 8``.

    Raises:
        LLMSizeError: If ``bits`` is not a positive multiple of 8.
    """
    if check_int("bits", bits) % 8:
        raise LLMSizeError(f"bits must be a multiple of 8, got {bits}")
    return bits // 8

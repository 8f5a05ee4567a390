"""Where a dense transformer's parameters sit, beyond the breakdown tree.

The Parameters page explains a count by its shapes. The figures it derives live here:

* `categories`: the coarse parts with weights and biases apart (the breakdown tree keeps a
  layer's biases inside its attention and MLP parts);
* `rule_gap`: the exact non-embedding count against Kaplan et al.'s ``12·L·D²``, the gap split
  into its four causes;
* `query_width`: the width ``N·H`` of all query heads together, which need not equal ``D``.

What grouped-query attention saves against multi-head attention is `llmsize.serving.gqa_saving`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from llmsize.approx import twelve_ld2
from llmsize.count import counts
from llmsize.errors import LLMSizeError
from llmsize.shapes import linear_shapes
from llmsize.spec import Spec, check_spec

__all__ = ["RuleGap", "categories", "query_width", "rule_gap"]

_ATTENTION = ("q", "k", "v", "o")


def _dense(spec: object) -> Spec:
    spec = check_spec(spec)
    if spec.moe is not None or spec.mla is not None or spec.encoder:
        raise LLMSizeError(f"spec must be a dense decoder without MLA, got {spec.name!r}")
    return spec


def _weights(spec: Spec) -> tuple[int, int]:
    """Attention and MLP weight-matrix parameters over the stack (no biases, no norms)."""
    shapes = linear_shapes(spec)
    attention = sum(r * c * n for key, r, c, n in shapes if key in _ATTENTION)
    mlp = sum(r * c * n for key, r, c, n in shapes if key.startswith("mlp."))
    return attention, mlp


def categories(spec: Spec) -> list[tuple[str, int]]:
    """``(key, parameters)`` of each coarse part of a dense decoder, weights and biases apart.

    Keys: ``token``, ``position``, ``attention`` and ``mlp`` (weight matrices only),
    ``biases`` (of every linear layer), ``norms`` (every norm's scale and shift) and ``head``
    (0 when tied). They sum to ``counts(spec).total``.

    Args:
        spec: A dense decoder (no MoE, no MLA).

    Returns:
        The parts, in that order.

    Raises:
        LLMSizeError: If ``spec`` is not a dense decoder.
    """
    tree = counts(_dense(spec)).breakdown
    attn_w, mlp_w = _weights(spec)
    layers = tree.find("layers")
    attn, mlp = layers.get("dense_layers.attention"), layers.get("dense_layers.mlp")
    norms = layers.get("dense_layers.norms") + tree.get("final_norm") + tree.get("embeddings.norm")
    return [
        ("token", tree.get("embeddings.token")),
        ("position", tree.get("embeddings.position")),
        ("attention", attn_w),
        ("mlp", mlp_w),
        ("biases", (attn - attn_w) + (mlp - mlp_w)),
        ("norms", norms),
        ("head", tree.get("head")),
    ]


@dataclass(frozen=True)
class RuleGap:
    """The exact non-embedding count against ``12·L·D²``, the gap split by cause.

    ``gap == biases + norms + attention + mlp``; each cause is signed (negative when the model
    has less than the rule assumes).

    Attributes:
        rule: ``12·L·D²``.
        exact: ``counts(spec).non_embedding``.
        gap: ``exact - rule``.
        biases: Every bias of the linear layers (the rule has none).
        norms: Every norm parameter (the rule has none).
        attention: Attention weight matrices less the rule's ``4·D²`` per layer.
        mlp: MLP weight matrices less the rule's ``8·D²`` per layer.
    """

    rule: int
    exact: int
    gap: int
    biases: int
    norms: int
    attention: int
    mlp: int

    def to_dict(self) -> dict[str, int]:
        """Plain-data form."""
        return asdict(self)


def rule_gap(spec: Spec) -> RuleGap:
    """Kaplan et al. (2020)'s ``12·L·D²`` against the exact non-embedding count, by cause.

    Args:
        spec: A dense decoder (no MoE, no MLA).

    Returns:
        A `RuleGap`.

    Raises:
        LLMSizeError: If ``spec`` is not a dense decoder.
    """
    parts = dict(categories(spec))
    layers, d = spec.layers, spec.width
    rule = twelve_ld2(layers, d)
    exact = counts(spec).non_embedding
    return RuleGap(
        rule=rule,
        exact=exact,
        gap=exact - rule,
        biases=parts["biases"],
        norms=parts["norms"],
        attention=parts["attention"] - 4 * d * d * layers,
        mlp=parts["mlp"] - 8 * d * d * layers,
    )


def query_width(spec: Spec) -> int:
    """``N·H``: the width of all query heads together (``N · (qk_nope + qk_rope)`` for MLA).

    Many models make it equal to the width ``D``, so that the query projection is square;
    nothing requires it.

    Args:
        spec: The architecture.

    Returns:
        The query projection's output width.

    Raises:
        LLMSizeError: If ``spec`` is not a Spec.
    """
    check_spec(spec)
    per_head = spec.mla.qk_head_dim if spec.mla is not None else spec.head_dim
    return spec.heads * per_head

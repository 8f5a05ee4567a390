"""Exact parameter counts with a breakdown, and the count definitions people quote.

All counts are Python ints. `breakdown` returns a tree of `Part` whose leaves sum to
the total; `counts` returns the definitions side by side (total, active, non-embedding,
stored). The textbook approximations live in `llmsize.approx`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from typing import Any

from llmsize.audio import audio_tree
from llmsize.layers import family_sizes
from llmsize.part import Part
from llmsize.perlayer import block_extras, embedding_pairs, stack_groups
from llmsize.shapes import block_scales
from llmsize.spec import Block, Spec
from llmsize.vision import Tree, vision_tree

__all__ = ["Counts", "Part", "breakdown", "counts"]


@dataclass(frozen=True)
class Counts:
    """The count definitions side by side.

    The figures are summed straight from the per-part formulas the breakdown uses; the tree
    itself (`breakdown`) is built on first access only.

    Attributes:
        total: Every trained parameter of the main model (a VLM's vision part included),
            shared tensors once: ``sum(p.numel() for p in model.parameters())`` in transformers.
        active: What one token touches: everything except routed experts, plus
            ``experts_per_token`` routed experts in each MoE layer. Equals ``total`` for a
            dense model. A vision tower counts whole: every image token passes all of it.
        non_embedding: ``total`` less every vocabulary-sized or position table (a vision
            tower's too): token, position and token-type embeddings and an untied output head
            (Kaplan et al. 2020 exclude the embeddings; the untied head is the same kind).
        stored: What the released checkpoint holds: ``total`` plus multi-token-prediction
            modules (with their own copies of the embedding and head) and stored buffers such as
            DeepSeek-V3's router correction bias.
        checkpoint: Every value in the checkpoint's tensors: ``stored`` plus the scale tensors
            of a block-quantized release. This is what the Hugging Face Hub's parameter figure
            adds up (DeepSeek-V3's "685B").
        spec: The architecture counted.
        vision: The part of ``total`` in the vision tower and projector (0 without one).
        audio: The part of ``total`` in the audio encoder and projector (0 without one).
    """

    total: int
    active: int
    non_embedding: int
    stored: int
    checkpoint: int
    spec: Spec = field(repr=False, compare=False)
    vision: int = 0
    audio: int = 0

    @cached_property
    def breakdown(self) -> Part:
        """The tree the figures come from (built once, on first access)."""
        return breakdown(self.spec)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for JSON output."""
        return {
            "total": self.total,
            "active": self.active,
            "non_embedding": self.non_embedding,
            "stored": self.stored,
            "checkpoint": self.checkpoint,
            **({"vision": self.vision} if self.vision else {}),
            **({"audio": self.audio} if self.audio else {}),
            "breakdown": self.breakdown.to_dict(),
        }


# --- building blocks -----------------------------------------------------------------------
# Each formula below gives ``(key, count)`` pairs for one part of the model (one layer, for the
# blocks). `breakdown` turns them into `Part` nodes; `counts` sums the very same pairs, so the
# tree and the totals cannot disagree.

Pairs = list[tuple[str, int]]
_VOCAB_TABLES = ("token", "position", "token_type", "per_layer_token")  # non_embedding leaves out
_count = itemgetter(1)


def _sum(pairs: Pairs) -> int:
    """The counts of ``pairs`` added up."""
    return sum(map(_count, pairs))


def _norm(spec: Spec, size: int) -> int:
    return size * (2 if spec.norm == "layernorm" else 1)


def _linear(n_in: int, n_out: int, bias: bool) -> int:
    return n_in * n_out + (n_out if bias else 0)


def _mlp_parts(spec: Spec, width: int, bias: bool | None = None) -> Pairs:
    """An MLP of width ``width``: gate (if gated), up, down; ``bias`` defaults to the spec's."""
    d = spec.width
    b = spec.mlp_bias if bias is None else bias
    parts: Pairs = []
    if spec.gated_ffn:
        parts.append(("gate", _linear(d, width, b)))
    parts.append(("up", _linear(d, width, b)))
    parts.append(("down", _linear(width, d, b)))
    return parts


def _mlp(spec: Spec, width: int, bias: bool | None = None) -> int:
    return _sum(_mlp_parts(spec, width, bias))


def _attention_parts(spec: Spec) -> Pairs:
    d, n, k, h = spec.width, spec.heads, spec.kv_heads, spec.head_dim
    mla = spec.mla
    # Query width: doubled when the projection also yields the output gate (Qwen3-Next).
    q = n * h * (2 if spec.attention_output_gate else 1)
    if mla is None:
        parts = [
            ("q", d * q),
            ("k", d * k * h),
            ("v", d * k * h),
            ("o", n * h * d),
        ]
        if spec.qkv_bias:
            parts.append(("qkv_bias", q + 2 * k * h))
        if spec.o_bias:
            parts.append(("o_bias", d))
        if spec.attention_sinks:
            # One learned sink logit per query head (gpt-oss).
            parts.append(("sinks", n))
        if spec.qk_norm:
            # One RMSNorm for queries and one for keys: of size H shared across heads, or over
            # the whole projections (OLMo 2/3).
            per_head = spec.qk_norm_scope == "head"
            parts.append(("qk_norm", 2 * h if per_head else (n + k) * h))
        return parts
    # MLA, laid out as transformers' DeepseekV2/V3 attention: biases (attention_bias) sit on
    # q_a_proj, kv_a_proj_with_mqa and o_proj only.
    b = spec.qkv_bias
    qk = mla.qk_head_dim
    if mla.q_lora_rank is None:
        parts = [("q", d * n * qk)]
    else:
        r = mla.q_lora_rank
        parts = [
            ("q_down", _linear(d, r, b)),
            ("q_norm", r),  # RMSNorm on the query latent
            ("q_up", r * n * qk),
        ]
    c = mla.kv_lora_rank
    parts += [
        ("kv_down", _linear(d, c + mla.qk_rope_head_dim, b)),
        ("kv_norm", c),  # RMSNorm on the key/value latent
        ("kv_up", c * n * (mla.qk_nope_head_dim + mla.v_head_dim)),
        ("o", _linear(n * mla.v_head_dim, d, spec.o_bias)),
    ]
    return parts


def _moe_parts(spec: Spec) -> Pairs:
    moe = spec.moe
    assert moe is not None
    d = spec.width
    router = d * moe.num_experts + (moe.num_experts if moe.router_bias else 0)
    parts = [
        ("router", router),
        ("experts", moe.num_experts * _mlp(spec, moe.expert_ffn, moe.expert_bias)),
    ]
    if moe.num_shared_experts:
        parts.append(("shared_experts", moe.num_shared_experts * _mlp(spec, moe.shared_ffn)))
    if moe.shared_expert_gate:
        parts.append(("shared_gate", d))
    return parts


def _mixer_parts(spec: Spec, block: Block) -> list[tuple[str, Pairs | int]]:
    """A block's token mixer: attention (every kind alike), or its sizes' own ``parts``.

    Falcon-H1's parallel layer has both attention and Mamba; a mixer-less layer has none.
    """
    if block.mixer == "attention":
        return [] if spec.per_layer else [("attention", _attention_parts(spec))]
    if block.mixer == "none":
        return []
    sizes = family_sizes(spec.mixers, block.mixer)
    if block.mixer == "parallel":
        return [("attention", _attention_parts(spec)), ("mamba", sizes.parts(spec.width))]
    return [(block.mixer, sizes.parts(spec.width))]


def _block(spec: Spec, block: Block) -> list[tuple[str, Pairs | int]]:
    """One block of a kind: its mixer, its MLP or MoE group (if any), each sublayer's norms."""
    mlp = ("moe", _moe_parts(spec)) if block.moe else ("mlp", _mlp_parts(spec, spec.ffn))
    # One norm per sublayer for a pre/post-norm block, two for a sandwich, one for a parallel one.
    sublayers = (block.mixer != "none") + block.mlp
    norms = -(-spec.block_norms * sublayers // 2) * _norm(spec, spec.width)
    return [*_mixer_parts(spec, block), *([mlp] if block.mlp else []), ("norms", norms)]


def _block_params(spec: Spec, block: Block) -> int:
    """Parameters of one block: the sum of `_block`'s pairs."""
    return sum(v if isinstance(v, int) else _sum(v) for _, v in _block(spec, block))


def _embedding_parts(spec: Spec) -> Pairs:
    d = spec.width
    return [
        ("token", (spec.vocab + spec.extra_embeddings) * d),
        ("position", spec.max_positions * d),
        ("token_type", spec.token_types * d),
        *embedding_pairs(spec),
        ("norm", _norm(spec, d) if spec.embedding_norm else 0),
    ]


def _top_parts(spec: Spec) -> Pairs:
    """What sits outside the embeddings and the layer stack: final norm, head, pooler."""
    d, v = spec.width, spec.vocab
    parts: Pairs = []
    if spec.final_norm:
        parts.append(("final_norm", _norm(spec, d)))
    if not spec.encoder:
        parts.append(
            ("head", (0 if spec.tied_embeddings else v * d) + (v if spec.lm_head_bias else 0))
        )
    if spec.pooler:
        parts.append(("pooler", _linear(d, d, True)))
    return parts


def _layer(spec: Spec, block: Block, count: int) -> Part:
    """One kind of block as a `Part`, multiplied over ``count`` layers."""

    def part(key: str, value: Pairs | int) -> Part:
        if isinstance(value, int):
            return Part(key, value * count, layers=count)
        children = [Part(k, n * count, layers=count) for k, n in value]
        return Part.group(key, children, count)

    parts = [part(key, value) for key, value in _block(spec, block)]
    return Part.group(block.key, parts, count)


def _mtp_module(spec: Spec) -> int:
    """One DeepSeek-V3 multi-token-prediction module as its checkpoint stores it.

    Two RMSNorms on the incoming hidden state and embedding, a ``2D x D`` projection, one
    transformer block (MoE when the main model's last layer is), a head norm, and the module's
    own copies of the embedding and output head; plus the block's router correction bias when
    the checkpoint stores one.
    """
    d = spec.width
    index = spec.layers  # the module sits after the main stack
    moe_layer = spec.moe is not None and spec.moe.is_moe_layer(index)
    block = _block_params(spec, Block("attention", moe_layer))
    module = 2 * _norm(spec, d) + 2 * d * d + block + _norm(spec, d) + 2 * spec.vocab * d
    if moe_layer and spec.moe is not None and spec.moe.router_bias_buffer:
        module += spec.moe.num_experts
    module += block_extras(spec)  # the block's DSA indexer (DeepSeek-V3.2)
    return module


def _tree(key: str, tree: Tree, layers: int = 1) -> Part:
    """A part of `llmsize.vision.vision_tree` (counts already multiplied) as a `Part`."""
    kids = [Part(k, v, layers=n) if isinstance(v, int) else _tree(k, v, n) for k, v, n in tree]
    return Part.group(key, kids, layers)


def breakdown(spec: Spec) -> Part:
    """Exact parameter breakdown of ``spec``; its leaves sum to its ``params``.

    Args:
        spec: The architecture.

    Returns:
        The root `Part` (key ``"model"``).
    """
    embeddings = Part.group("embeddings", [Part(k, n) for k, n in _embedding_parts(spec)])
    stack = [_layer(spec, block, n) for block, n in spec.blocks()]
    for key, n, pairs in stack_groups(spec):  # DSA indexers, Gemma 4's per-layer parts
        stack.append(Part.group(key, [Part(k, v * n, layers=n) for k, v in pairs], n))
    layers = Part.group("layers", stack, spec.layers)
    top = [Part(k, n) for k, n in _top_parts(spec)]
    vision = [_tree("vision", vision_tree(spec.vision))] if spec.vision is not None else []
    audio = [_tree("audio", audio_tree(spec.audio))] if spec.audio is not None else []
    return Part.group("model", [embeddings, layers, *top, *vision, *audio])


def counts(spec: Spec) -> Counts:
    """Total, active, non-embedding and stored counts of ``spec``; the breakdown on demand.

    The figures are sums of the same per-part pairs `breakdown` builds its tree from.

    Args:
        spec: The architecture.

    Returns:
        A `Counts`.
    """
    embeddings = dict(_embedding_parts(spec))
    stack = sum(n * _block_params(spec, block) for block, n in spec.blocks())
    stack += sum(n * _sum(pairs) for _, n, pairs in stack_groups(spec))
    vision, positions = (spec.vision.params, spec.vision.position_params) if spec.vision else (0, 0)
    audio = spec.audio.params if spec.audio else 0
    total = sum(embeddings.values()) + stack + _sum(_top_parts(spec)) + vision + audio
    active = stored = total
    moe = spec.moe
    if moe is not None:
        per_expert = _mlp(spec, moe.expert_ffn, moe.expert_bias)
        idle = (moe.num_experts - moe.experts_per_token) * per_expert
        active -= idle * spec.moe_layer_count
        if moe.router_bias_buffer:
            stored += moe.num_experts * spec.moe_layer_count
    untied_head = 0 if spec.tied_embeddings or spec.encoder else spec.vocab * spec.width
    vocab_tables = sum(embeddings.get(key, 0) for key in _VOCAB_TABLES) + untied_head + positions
    stored += spec.mtp_layers * _mtp_module(spec) if spec.mtp_layers else 0
    return Counts(
        total=total,
        active=active,
        non_embedding=total - vocab_tables,
        stored=stored,
        checkpoint=stored + (block_scales(spec, spec.quant_block) if spec.quant_block else 0),
        spec=spec,
        vision=vision,
        audio=audio,
    )

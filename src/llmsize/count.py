"""Exact parameter counts with a breakdown, and the count definitions people quote.

All counts are Python ints. `breakdown` returns a tree of `Part` whose leaves sum to
the total; `counts` returns the definitions side by side (total, active, non-embedding,
stored). The textbook approximations live in `llmsize.approx`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from llmsize.spec import Spec

__all__ = ["Counts", "Part", "block_scales", "breakdown", "counts", "linear_shapes"]


@dataclass(frozen=True, slots=True)
class Part:
    """One node of a parameter breakdown.

    A leaf carries its own ``params``; a group's ``params`` is the sum of its children.
    Layer groups record how many layers they stand for in ``layers``: their figures are
    already multiplied by it (``per_layer`` divides back).

    Attributes:
        key: Stable machine name (``"attention.q"``), used in JSON and by the site.
        params: Parameter count of this node (sum of children for a group).
        children: Sub-parts, empty for a leaf.
        layers: Number of layers this part repeats over (1 outside the layer stack).
    """

    key: str
    params: int
    children: tuple[Part, ...] = ()
    layers: int = 1

    @classmethod
    def group(cls, key: str, children: list[Part], layers: int = 1) -> Part:
        """Build a group whose count is the sum of ``children`` (zero-count children dropped)."""
        kept = tuple(c for c in children if c.params or c.children)
        return cls(key, sum(c.params for c in kept), kept, layers)

    @property
    def per_layer(self) -> int:
        """Count for one of the layers this part repeats over."""
        return self.params // self.layers

    def leaves(self) -> list[Part]:
        """All leaves under this node, depth first."""
        if not self.children:
            return [self]
        out: list[Part] = []
        for child in self.children:
            out.extend(child.leaves())
        return out

    def find(self, path: str) -> Part:
        """Return the descendant at a dotted ``path`` of keys (``"layers.moe.mlp.experts"``).

        Raises:
            KeyError: If no such part exists.
        """
        node = self
        for key in path.split("."):
            for child in node.children:
                if child.key == key:
                    node = child
                    break
            else:
                raise KeyError(path)
        return node

    def get(self, path: str) -> int:
        """Count at ``path``, or 0 when that part does not exist in this model."""
        try:
            return self.find(path).params
        except KeyError:
            return 0

    def to_dict(self) -> dict[str, Any]:
        """Nested plain-data form: ``{"params": n, "layers": k, "parts": {key: ...}}``."""
        out: dict[str, Any] = {"params": self.params}
        if self.layers != 1:
            out["layers"] = self.layers
        if self.children:
            out["parts"] = {c.key: c.to_dict() for c in self.children}
        return out


@dataclass(frozen=True)
class Counts:
    """The count definitions side by side.

    Attributes:
        total: Every trained parameter of the main model, shared (tied) tensors once. This is
            what ``sum(p.numel() for p in model.parameters())`` gives in transformers.
        active: What one token touches: everything except routed experts, plus
            ``experts_per_token`` routed experts in each MoE layer. Equals ``total`` for a
            dense model.
        non_embedding: ``total`` less every vocabulary-sized or position table: token, position
            and token-type embeddings and an untied output head (Kaplan et al. 2020 exclude the
            embeddings; the untied head is the same kind of matrix).
        stored: What the released checkpoint holds: ``total`` plus multi-token-prediction
            modules (with their own copies of the embedding and head) and stored buffers such as
            DeepSeek-V3's router correction bias.
        checkpoint: Every value in the checkpoint's tensors: ``stored`` plus the scale tensors
            of a block-quantized release. This is what the Hugging Face Hub's parameter figure
            adds up (DeepSeek-V3's "685B").
        breakdown: The tree the figures come from.
    """

    total: int
    active: int
    non_embedding: int
    stored: int
    checkpoint: int
    breakdown: Part = field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for JSON output."""
        return {
            "total": self.total,
            "active": self.active,
            "non_embedding": self.non_embedding,
            "stored": self.stored,
            "checkpoint": self.checkpoint,
            "breakdown": self.breakdown.to_dict(),
        }


# --- building blocks -----------------------------------------------------------------------


def _norm(spec: Spec, size: int) -> int:
    return size * (2 if spec.norm == "layernorm" else 1)


def _linear(n_in: int, n_out: int, bias: bool) -> int:
    return n_in * n_out + (n_out if bias else 0)


def _mlp_parts(spec: Spec, width: int, bias: bool | None = None) -> list[tuple[str, int]]:
    """An MLP of width ``width``: gate (if gated), up, down; ``bias`` defaults to the spec's."""
    d = spec.width
    b = spec.mlp_bias if bias is None else bias
    parts: list[tuple[str, int]] = []
    if spec.gated_ffn:
        parts.append(("gate", _linear(d, width, b)))
    parts.append(("up", _linear(d, width, b)))
    parts.append(("down", _linear(width, d, b)))
    return parts


def _mlp(spec: Spec, width: int, bias: bool | None = None) -> int:
    return sum(n for _, n in _mlp_parts(spec, width, bias))


def _attention_parts(spec: Spec) -> list[tuple[str, int]]:
    d, n, k, h = spec.width, spec.heads, spec.kv_heads, spec.head_dim
    mla = spec.mla
    if mla is None:
        parts = [
            ("q", d * n * h),
            ("k", d * k * h),
            ("v", d * k * h),
            ("o", n * h * d),
        ]
        if spec.qkv_bias:
            parts.append(("qkv_bias", n * h + 2 * k * h))
        if spec.o_bias:
            parts.append(("o_bias", d))
        if spec.qk_norm:
            # One RMSNorm of size H for queries and one for keys, shared across heads.
            parts.append(("qk_norm", 2 * h))
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


def _moe_parts(spec: Spec) -> list[tuple[str, int]]:
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


def _layer(spec: Spec, moe_layer: bool, count: int) -> Part:
    """One kind of block (dense or MoE), multiplied over ``count`` layers."""

    # Building blocks give (key, count for one layer); each becomes one Part for all layers.
    def times(parts: list[tuple[str, int]]) -> list[Part]:
        return [Part(key, n * count, layers=count) for key, n in parts]

    attention = Part.group("attention", times(_attention_parts(spec)), count)
    if moe_layer:
        mlp = Part.group("moe", times(_moe_parts(spec)), count)
    else:
        mlp = Part.group("mlp", times(_mlp_parts(spec, spec.ffn)), count)
    norms = Part("norms", 2 * _norm(spec, spec.width) * count, layers=count)
    return Part.group("moe_layers" if moe_layer else "dense_layers", [attention, mlp, norms], count)


def _mtp_module(spec: Spec) -> int:
    """One DeepSeek-V3 multi-token-prediction module as its checkpoint stores it.

    Two RMSNorms on the incoming hidden state and embedding, a ``2D x D`` projection, one
    transformer block (MoE when the main model's last layer is), a head norm, and the module's
    own copies of the embedding and output head.
    """
    d = spec.width
    index = spec.layers  # the module sits after the main stack
    moe_layer = spec.moe is not None and spec.moe.is_moe_layer(index)
    block = _layer(spec, moe_layer, 1).params
    return 2 * _norm(spec, d) + 2 * d * d + block + _norm(spec, d) + 2 * spec.vocab * d


def breakdown(spec: Spec) -> Part:
    """Exact parameter breakdown of ``spec``; its leaves sum to its ``params``.

    Args:
        spec: The architecture.

    Returns:
        The root `Part` (key ``"model"``).
    """
    d, v = spec.width, spec.vocab
    embeddings = Part.group(
        "embeddings",
        [
            Part("token", v * d),
            Part("position", spec.max_positions * d),
            Part("token_type", spec.token_types * d),
            Part("norm", _norm(spec, d) if spec.embedding_norm else 0),
        ],
    )
    kinds = ((False, spec.dense_layer_count), (True, spec.moe_layer_count))
    layers = Part.group(
        "layers",
        [_layer(spec, moe_layer, n) for moe_layer, n in kinds if n],
        spec.layers,
    )
    top: list[Part] = [embeddings, layers]
    if spec.final_norm:
        top.append(Part("final_norm", _norm(spec, d)))
    if not spec.encoder:
        head = 0 if spec.tied_embeddings else v * d
        head += v if spec.lm_head_bias else 0
        top.append(Part("head", head))
    if spec.pooler:
        top.append(Part("pooler", _linear(d, d, True)))
    return Part.group("model", top)


def counts(spec: Spec) -> Counts:
    """Total, active, non-embedding and stored counts of ``spec``, with the breakdown.

    Args:
        spec: The architecture.

    Returns:
        A `Counts`.
    """
    tree = breakdown(spec)
    total = tree.params
    active = total
    stored = total
    if spec.moe is not None:
        moe = spec.moe
        per_expert = _mlp(spec, moe.expert_ffn, moe.expert_bias)
        idle = (moe.num_experts - moe.experts_per_token) * per_expert
        active -= idle * spec.moe_layer_count
        if moe.router_bias_buffer:
            stored += moe.num_experts * spec.moe_layer_count
    untied_head = 0 if spec.tied_embeddings or spec.encoder else spec.vocab * spec.width
    vocab_tables = (
        tree.get("embeddings.token")
        + tree.get("embeddings.position")
        + tree.get("embeddings.token_type")
        + untied_head
    )
    if spec.mtp_layers:
        module = _mtp_module(spec)
        if (
            spec.moe is not None
            and spec.moe.router_bias_buffer
            and spec.moe.is_moe_layer(spec.layers)
        ):
            module += spec.moe.num_experts
        stored += spec.mtp_layers * module
    return Counts(
        total=total,
        active=active,
        non_embedding=total - vocab_tables,
        stored=stored,
        checkpoint=stored + (block_scales(spec, spec.quant_block) if spec.quant_block else 0),
        breakdown=tree,
    )


def _layer_linears(spec: Spec, moe_layer: bool) -> list[tuple[str, int, int, int]]:
    """(key, out, in, how many) of the weight matrices in one block, biases and norms left out."""
    d, n, k, h = spec.width, spec.heads, spec.kv_heads, spec.head_dim
    mla = spec.mla
    if mla is None:
        shapes = [("q", n * h, d, 1), ("k", k * h, d, 1), ("v", k * h, d, 1), ("o", d, n * h, 1)]
    else:
        qk = mla.qk_head_dim
        if mla.q_lora_rank is None:
            shapes = [("q", n * qk, d, 1)]
        else:
            shapes = [("q_down", mla.q_lora_rank, d, 1), ("q_up", n * qk, mla.q_lora_rank, 1)]
        shapes += [
            ("kv_down", mla.kv_lora_rank + mla.qk_rope_head_dim, d, 1),
            ("kv_up", n * (mla.qk_nope_head_dim + mla.v_head_dim), mla.kv_lora_rank, 1),
            ("o", d, n * mla.v_head_dim, 1),
        ]

    def mlp(prefix: str, width: int, copies: int) -> list[tuple[str, int, int, int]]:
        out = [(f"{prefix}.up", width, d, copies), (f"{prefix}.down", d, width, copies)]
        if spec.gated_ffn:
            out.insert(0, (f"{prefix}.gate", width, d, copies))
        return out

    moe = spec.moe
    if moe_layer and moe is not None:
        shapes += mlp("experts", moe.expert_ffn, moe.num_experts)
        if moe.num_shared_experts:
            shapes += mlp("shared_experts", moe.shared_ffn, moe.num_shared_experts)
    else:
        shapes += mlp("mlp", spec.ffn, 1)
    return shapes


def linear_shapes(spec: Spec, *, mtp: bool = False) -> list[tuple[str, int, int, int]]:
    """Every attention and MLP weight matrix as ``(key, out, in, count)`` over the whole stack.

    Embeddings, the output head, routers, norms and biases are left out: these are the matrices
    that block-quantized checkpoints (such as DeepSeek-V3's fp8 release) store quantized.

    Args:
        spec: The architecture.
        mtp: Also include the blocks of the multi-token-prediction modules.
    """
    dense, moe_layers = spec.dense_layer_count, spec.moe_layer_count
    out: dict[tuple[str, int, int], int] = {}
    kinds = [(False, dense), (True, moe_layers)]
    if mtp and spec.mtp_layers:
        mtp_moe = spec.moe is not None and spec.moe.is_moe_layer(spec.layers)
        kinds.append((mtp_moe, spec.mtp_layers))
    for moe_layer, layers in kinds:
        for key, rows, cols, copies in _layer_linears(spec, moe_layer) if layers else []:
            out[(key, rows, cols)] = out.get((key, rows, cols), 0) + copies * layers
    return [(key, rows, cols, n) for (key, rows, cols), n in out.items()]


def block_scales(spec: Spec, block: int = 128, *, mtp: bool = True) -> int:
    """Scale factors a ``block x block`` quantization stores for the linear weights.

    DeepSeek-V3's fp8 checkpoint keeps one fp32 ``weight_scale_inv`` per 128x128 tile of each
    quantized matrix: ``ceil(out/128) * ceil(in/128)`` values. The Hub's parameter figure counts
    those tensors too, which is why it reads higher than the parameters alone.
    """
    return sum(
        -(-rows // block) * -(-cols // block) * n
        for _, rows, cols, n in linear_shapes(spec, mtp=mtp)
    )

"""The weight matrices of the layer stack by shape, and the scales block quantization adds.

Block-quantized checkpoints (DeepSeek-V3's fp8 release) store the attention and MLP weight
matrices quantized, with one scale per square tile of each matrix; `linear_shapes` lists those
matrices and `block_scales` counts the scales (the checkpoint count of `llmsize.count`).
"""

from __future__ import annotations

from llmsize.layers import family_sizes
from llmsize.spec import Block, Spec

__all__ = ["block_scales", "linear_shapes"]


def _attention_linears(spec: Spec) -> list[tuple[str, int, int, int]]:
    """(key, out, in, 1) of an attention layer's projections (plain or MLA)."""
    d, n, k, h = spec.width, spec.heads, spec.kv_heads, spec.head_dim
    mla = spec.mla
    q = n * h * (2 if spec.attention_output_gate else 1)
    if mla is None:
        return [("q", q, d, 1), ("k", k * h, d, 1), ("v", k * h, d, 1), ("o", d, n * h, 1)]
    qk = mla.qk_head_dim
    if mla.q_lora_rank is None:
        shapes = [("q", n * qk, d, 1)]
    else:
        shapes = [("q_down", mla.q_lora_rank, d, 1), ("q_up", n * qk, mla.q_lora_rank, 1)]
    return [
        *shapes,
        ("kv_down", mla.kv_lora_rank + mla.qk_rope_head_dim, d, 1),
        ("kv_up", n * (mla.qk_nope_head_dim + mla.v_head_dim), mla.kv_lora_rank, 1),
        ("o", d, n * mla.v_head_dim, 1),
    ]


def _layer_linears(spec: Spec, block: Block) -> list[tuple[str, int, int, int]]:
    """(key, out, in, how many) of the weight matrices in one block, biases and norms left out."""
    d = spec.width
    shapes = _attention_linears(spec) if block.mixer in ("attention", "parallel") else []
    if block.mixer not in ("attention", "none"):
        prefix = "mamba." if block.mixer == "parallel" else ""
        sizes = family_sizes(spec.mixers, block.mixer)
        shapes += [(prefix + key, rows, cols, 1) for key, rows, cols in sizes.linears(d)]

    def mlp(prefix: str, width: int, copies: int) -> list[tuple[str, int, int, int]]:
        out = [(f"{prefix}.up", width, d, copies), (f"{prefix}.down", d, width, copies)]
        if spec.gated_ffn:
            out.insert(0, (f"{prefix}.gate", width, d, copies))
        return out

    moe = spec.moe
    if not block.mlp:
        return shapes
    if block.moe and moe is not None:
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
    out: dict[tuple[str, int, int], int] = {}
    for block, layers in spec.blocks(mtp=mtp):
        for key, rows, cols, copies in _layer_linears(spec, block):
            out[(key, rows, cols)] = out.get((key, rows, cols), 0) + copies * layers
    return [(key, rows, cols, n) for (key, rows, cols), n in out.items()]


def block_scales(spec: Spec, block: int = 128, *, mtp: bool = True) -> int:
    """Scale factors a ``block x block`` quantization stores for the linear weights.

    DeepSeek-V3's fp8 checkpoint keeps one fp32 ``weight_scale_inv`` per 128x128 tile of each
    quantized matrix: ``ceil(out/128) * ceil(in/128)`` values. The Hub's parameter figure counts
    those tensors too, which is why it reads higher than the parameters alone.
    """
    total = 0
    for kind, layers in spec.blocks(mtp=mtp):
        matrices = _layer_linears(spec, kind)
        total += layers * sum(
            -(-rows // block) * -(-cols // block) * n for _, rows, cols, n in matrices
        )
    return total

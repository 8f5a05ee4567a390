"""How released checkpoints really store a model: fp8 blocks, MXFP4 experts, GGUF's Q4_K_M mix.

`llmsize.memory.weights_bytes` prices every weight in one format. Real files mix formats:

* gpt-oss stores its routed experts' weight matrices in MXFP4 (`mxfp4_checkpoint`): 4-bit
  values packed two to a byte in ``*_blocks`` U8 tensors, with one shared 8-bit exponent per 32
  values in ``*_scales`` U8 tensors, and everything else in bf16. The Hub counts U8 elements as
  parameters, so its figure for such a file is far below the model's parameter count.
* `hub_split` gives a release's values per safetensors dtype, named as the Hub names them,
  from its config's ``quantization_config`` (mxfp4, fp8 blocks, or none: all bf16).
* DeepSeek-V3's release stores the attention and feed-forward matrices in fp8 with one fp32
  scale per 128x128 tile, and everything else in bf16 (`fp8_checkpoint`). The split matches the
  Hugging Face Hub's safetensors metadata of ``deepseek-ai/DeepSeek-V3`` value for value.
* llama.cpp's K-quant "mixes" give some tensors more bits than the file type's name says
  (`q4_k_m`). Q4_K_M, the most common GGUF download, stores the output head, the value
  projections (``attn_v``) and the down projections (``ffn_down``) of about half the layers in
  Q6_K, the other weight matrices in Q4_K, and keeps norms and biases in f32. The rule is
  ``llama_tensor_get_type`` in llama.cpp's ``src/llama-quant.cpp`` (its ``use_more_bits``
  picks the layers); block sizes are ggml's ``ggml-common.h`` (``block_q4_K`` 144 bytes,
  ``block_q6_K`` 210 bytes per 256 weights).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from llmsize.count import counts
from llmsize.dtypes import get_dtype
from llmsize.errors import LLMSizeError, check_int
from llmsize.memory import weights_bytes
from llmsize.shapes import block_scales, linear_shapes
from llmsize.spec import Spec

__all__ = [
    "DTYPE_BYTES",
    "MXFP4_GROUP",
    "Fp8Checkpoint",
    "GGUFMix",
    "Mxfp4Checkpoint",
    "fp8_checkpoint",
    "hub_split",
    "more_bits_layers",
    "mxfp4_checkpoint",
    "q4_k_m",
]


# --- DeepSeek-V3's fp8 release -------------------------------------------------------------


@dataclass(frozen=True)
class Fp8Checkpoint:
    """Values per storage type of a block-quantized fp8 release.

    Attributes:
        fp8: Every attention and MLP/expert weight matrix (multi-token-prediction block too).
        bf16: Everything else the checkpoint stores: embeddings, heads, norms, router weights.
        scales: fp32 scales, one per tile of each fp8 matrix.
        router_bias: fp32 router correction biases (stored buffers, not parameters).
    """

    fp8: int
    bf16: int
    scales: int
    router_bias: int

    @property
    def fp32(self) -> int:
        """Values stored in fp32: the scales and the router biases."""
        return self.scales + self.router_bias

    @property
    def values(self) -> int:
        """Every value in the files (the Hub's parameter figure)."""
        return self.fp8 + self.bf16 + self.fp32

    @property
    def nbytes(self) -> int:
        """Bytes of the tensor data: 1 per fp8 value, 2 per bf16, 4 per fp32."""
        return self.fp8 + 2 * self.bf16 + 4 * self.fp32


def fp8_checkpoint(spec: Spec) -> Fp8Checkpoint:
    """Split a block-quantized fp8 release (``spec.quant_block`` > 0) by storage type.

    Args:
        spec: The architecture, with the tile side of its fp8 release in ``quant_block``.

    Returns:
        The values stored as fp8, bf16 and fp32.

    Raises:
        LLMSizeError: If the spec has no block-quantized release.
    """
    if not spec.quant_block:
        raise LLMSizeError(
            f"spec.quant_block must be positive for an fp8 release, got 0 ({spec.name})"
        )
    fp8 = sum(rows * cols * n for _, rows, cols, n in linear_shapes(spec, mtp=True))
    scales = block_scales(spec, spec.quant_block, mtp=True)
    moe = spec.moe
    router_bias = 0
    if moe is not None and moe.router_bias_buffer:
        mtp_moe = spec.mtp_layers if moe.is_moe_layer(spec.layers) else 0
        router_bias = moe.num_experts * (spec.moe_layer_count + mtp_moe)
    bf16 = counts(spec).checkpoint - fp8 - scales - router_bias
    return Fp8Checkpoint(fp8=fp8, bf16=bf16, scales=scales, router_bias=router_bias)


# --- gpt-oss's MXFP4 experts ---------------------------------------------------------------

#: Values that share one 8-bit scale (exponent) in MXFP4 (OCP Microscaling spec).
MXFP4_GROUP = 32

#: Bytes per stored element of each safetensors dtype a release here uses.
DTYPE_BYTES = {"BF16": 2, "F8_E4M3": 1, "F32": 4, "U8": 1}


@dataclass(frozen=True)
class Mxfp4Checkpoint:
    """Stored elements of a release whose routed experts are MXFP4 (gpt-oss).

    Attributes:
        bf16: Every value outside the experts' weight matrices (attention, sinks, routers,
            expert biases, norms, embedding and head).
        blocks: U8 bytes of the packed 4-bit expert weights, two values to a byte.
        scales: U8 shared exponents, one per `MXFP4_GROUP` expert weights.
        quantized: Expert weights the blocks hold (twice ``blocks``).
    """

    bf16: int
    blocks: int
    scales: int
    quantized: int

    @property
    def u8(self) -> int:
        """Elements stored as U8: blocks and scales."""
        return self.blocks + self.scales

    @property
    def values(self) -> int:
        """Elements in the files, as the Hub counts them (a U8 byte is one)."""
        return self.bf16 + self.u8

    @property
    def nbytes(self) -> int:
        """Bytes of the tensor data: 2 per bf16 value, 1 per U8 element."""
        return 2 * self.bf16 + self.u8


def mxfp4_checkpoint(spec: Spec) -> Mxfp4Checkpoint:
    """Split a release with MXFP4 routed experts by storage type, as gpt-oss ships.

    Each expert weight matrix is grouped along its input dimension in runs of `MXFP4_GROUP`;
    a group takes 16 bytes of 4-bit values and 1 byte of scale.

    Args:
        spec: A mixture-of-experts architecture whose expert matrices' input widths are
            multiples of `MXFP4_GROUP`.

    Returns:
        The elements stored as bf16 and as U8.

    Raises:
        LLMSizeError: If the spec has no routed experts, or an expert matrix's input width
            does not hold whole groups.
    """
    experts = [(r, c, n) for key, r, c, n in linear_shapes(spec) if key.startswith("experts.")]
    if spec.moe is None or not experts:
        raise LLMSizeError(f"spec.moe must have routed experts for MXFP4, got none ({spec.name})")
    for _, cols, _ in experts:
        if cols % MXFP4_GROUP:
            raise LLMSizeError(
                f"expert input width must be a multiple of {MXFP4_GROUP}, got {cols} ({spec.name})"
            )
    quantized = sum(r * c * n for r, c, n in experts)
    bf16 = counts(spec).stored - quantized
    return Mxfp4Checkpoint(bf16, quantized // 2, quantized // MXFP4_GROUP, quantized)


def hub_split(spec: Spec, config: Mapping[str, Any]) -> dict[str, int]:
    """A release's stored elements per safetensors dtype, as the Hub's API reports them.

    The format is the config's ``quantization_config.quant_method``: ``mxfp4`` (`mxfp4_checkpoint`:
    BF16 and U8), ``fp8`` with square blocks (`fp8_checkpoint`: BF16, F8_E4M3 and F32), or none
    (every stored value BF16).

    Args:
        spec: The architecture read from ``config``.
        config: The release's ``config.json`` (a preset's ``config``).

    Returns:
        ``{dtype: elements}``; its values sum to the Hub's total, and ``DTYPE_BYTES`` prices
        them.
    """
    quant = config.get("quantization_config")
    method = quant.get("quant_method") if isinstance(quant, Mapping) else None
    if method == "mxfp4":
        m = mxfp4_checkpoint(spec)
        return {"BF16": m.bf16, "U8": m.u8}
    if spec.quant_block:
        f = fp8_checkpoint(spec)
        return {"BF16": f.bf16, "F8_E4M3": f.fp8, "F32": f.fp32}
    return {"BF16": counts(spec).checkpoint}


# --- GGUF Q4_K_M --------------------------------------------------------------------------

# (weights per block, bytes per block) of the ggml types a Q4_K_M file uses (ggml-common.h);
# q4_K and q8_0 come from the dtype registry.
_BLOCKS: dict[str, tuple[int, int]] = {
    "q6_K": (256, 210),
    "q5_K": (256, 176),
    "q5_0": (32, 22),
    "q5_1": (32, 24),
    "f32": (1, 4),
}
for _name, _key in (("q4_K", "q4_k"), ("q8_0", "q8_0")):
    _dt = get_dtype(_key)
    assert _dt.block is not None and _dt.block_bytes is not None
    _BLOCKS[_name] = (_dt.block, _dt.block_bytes)

# A row (ne[0], the matrix's input width) must hold whole blocks; llama.cpp falls back to a
# 32-weight type when it does not (llama-quant.cpp, tensor_type_fallback).
_FALLBACK = {"q4_K": "q5_0", "q5_K": "q5_1", "q6_K": "q8_0"}


@dataclass(frozen=True)
class GGUFMix:
    """A GGUF file's tensors grouped by role and ggml type.

    Attributes:
        groups: ``(role, ggml type, values)`` per group, in file order; roles are the GGUF
            tensor names without the layer prefix (``attn_v``, ``ffn_down``, ``output``...),
            and ``norms`` for the 1-D tensors (norms, and biases where the model has them).
    """

    groups: tuple[tuple[str, str, int], ...]

    @property
    def values(self) -> int:
        """Every value in the file's tensors."""
        return sum(n for _, _, n in self.groups)

    def bytes_of(self, role: str | None = None, ggml_type: str | None = None) -> int:
        """Bytes of the groups with this role and/or type (all groups by default)."""
        return sum(
            _type_bytes(t, n)
            for r, t, n in self.groups
            if role in (None, r) and ggml_type in (None, t)
        )

    def values_of(self, ggml_type: str) -> int:
        """Values stored in ``ggml_type``."""
        return sum(n for _, t, n in self.groups if t == ggml_type)

    @property
    def nbytes(self) -> int:
        """Bytes of the tensor data (the file adds its metadata, a few MB of vocabulary)."""
        return self.bytes_of()

    @property
    def all_q4_k(self) -> int:
        """Bytes if every value were Q4_K, as a single-format estimate assumes."""
        return weights_bytes(self.values, "q4_k")

    @property
    def over_q4_k(self) -> int:
        """Bytes the mix takes beyond `all_q4_k`."""
        return self.nbytes - self.all_q4_k

    def extra(self, *roles: str) -> int:
        """Bytes the groups of ``roles`` take beyond the same values in Q4_K."""
        values = sum(n for r, _, n in self.groups if r in roles)
        return sum(self.bytes_of(r) for r in set(roles)) - weights_bytes(values, "q4_k")


def _type_bytes(ggml_type: str, values: int) -> int:
    block, size = _BLOCKS[ggml_type]
    n = Fraction(values * size, block)
    assert n.denominator == 1, (ggml_type, values)
    return int(n)


def _use_more_bits(i: int, n: int) -> bool:
    """llama.cpp's choice of layers that get more bits: the first and last eighth, every third."""
    return i < n // 8 or i >= 7 * n // 8 or (i - n // 8) % 3 == 2


def more_bits_layers(layers: int) -> tuple[int, ...]:
    """The layers (from 0) whose ``attn_v`` and ``ffn_down`` Q4_K_M stores in Q6_K.

    Raises:
        LLMSizeError: If ``layers`` is not a positive integer.
    """
    check_int("layers", layers)
    return tuple(i for i in range(layers) if _use_more_bits(i, layers))


def _fit(ggml_type: str, row: int) -> str:
    block = _BLOCKS[ggml_type][0]
    if row % block == 0:
        return ggml_type
    fallback = _FALLBACK[ggml_type]
    return fallback if row % _BLOCKS[fallback][0] == 0 else "f32"


def _check_llama_like(spec: Spec) -> None:
    if spec.encoder or spec.moe is not None or spec.mla is not None or spec.max_positions:
        raise LLMSizeError(
            "spec must be a dense decoder with standard attention and rotary positions for the"
            f" Q4_K_M rule, got {spec.name!r}"
        )


def _layer_types(spec: Spec, i: int) -> list[tuple[str, str, int, int]]:
    """(role, type, row length, values) of the weight matrices of layer ``i``."""
    d, q, kv = spec.width, spec.heads * spec.head_dim, spec.kv_heads * spec.head_dim
    more = _use_more_bits(i, spec.layers)
    # llama.cpp classes an 80-layer Llama with GQA as 70B and gives its attn_v Q5_K.
    big = spec.layers == 80 and spec.kv_heads < spec.heads
    v_type = "q6_K" if more else ("q5_K" if big else "q4_K")
    mats = [("attn_q", "q4_K", d, q * d), ("attn_k", "q4_K", d, kv * d)]
    mats += [("attn_v", v_type, d, kv * d), ("attn_output", "q4_K", q, q * d)]
    if spec.gated_ffn:
        mats.append(("ffn_gate", "q4_K", d, spec.ffn * d))
    mats.append(("ffn_up", "q4_K", d, spec.ffn * d))
    mats.append(("ffn_down", "q6_K" if more else "q4_K", spec.ffn, spec.ffn * d))
    return mats


def _one_d(spec: Spec) -> int:
    """Values in 1-D tensors (norms, biases): never quantized, f32 in a converted GGUF."""
    matrices = sum(rows * cols * n for _, rows, cols, n in linear_shapes(spec))
    embeddings = spec.vocab * spec.width * (1 if spec.tied_embeddings else 2)
    return counts(spec).total - matrices - embeddings


def q4_k_m(spec: Spec) -> GGUFMix:
    """The tensors of ``spec`` as llama.cpp's ``llama-quantize ... Q4_K_M`` writes them.

    Per layer ``i`` of ``L``: ``attn_v`` and ``ffn_down`` in Q6_K when ``use_more_bits(i, L)``
    (``i < L/8``, ``i >= 7L/8`` or ``(i - L/8) % 3 == 2``: half the layers of a 32-layer
    model), else Q4_K; every other weight matrix in Q4_K; the output head in Q6_K (the token
    embedding too when it is tied, since it then doubles as the head); norms and biases stay
    f32. A row that does not hold whole 256-weight blocks falls back as llama.cpp does (Q4_K
    to Q5_0, Q6_K to Q8_0). Models with experts, MLA, fused QKV tensors (Phi-3) or the Falcon
    architecture follow other branches of the rule and are not covered.

    Args:
        spec: A dense decoder with standard attention and no learned position table.

    Returns:
        The tensors grouped by role and type.

    Raises:
        LLMSizeError: If the spec is outside the rule's scope.
    """
    _check_llama_like(spec)
    d = spec.width
    head = "q6_K" if d % 256 == 0 else "q8_0"
    groups: dict[tuple[str, str], int] = {}
    embed = [("token_embd", head if spec.tied_embeddings else _fit("q4_K", d), spec.vocab * d)]
    if not spec.tied_embeddings:
        embed.append(("output", head, spec.vocab * d))
    for role, t, n in embed:
        groups[(role, t)] = groups.get((role, t), 0) + n
    for i in range(spec.layers):
        for role, t, row, n in _layer_types(spec, i):
            key = (role, _fit(t, row))
            groups[key] = groups.get(key, 0) + n
    groups[("norms", "f32")] = _one_d(spec)
    mix = GGUFMix(tuple((r, t, n) for (r, t), n in groups.items()))
    assert mix.values == counts(spec).total, (mix.values, counts(spec).total)
    return mix

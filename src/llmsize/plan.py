"""Will it fit? Bytes per GPU of a model served with tensor, pipeline and expert parallelism.

Every byte count is an exact ``int``; the time bounds built on these figures are in
`llmsize.bounds`. How the model is laid out (the layout vLLM and SGLang use):

* **Tensor parallelism** (``tp`` ranks) cuts every weight matrix of the layers, the embedding
  (vocabulary-parallel) and the output head into ``tp`` equal shards (rounded up). Norms,
  MoE routers and MLA's down-projections (``q_down``, ``kv_down``) are small and replicated.
* **Pipeline parallelism** (``pp`` stages) splits the layers into contiguous runs, the first
  ``L mod pp`` stages one layer longer; the first stage holds the embedding, the last the
  final norm and the head (and a copy of a tied embedding when ``pp > 1``). The busiest stage
  decides whether the model fits.
* **Expert parallelism** (``ep``, 1 or ``tp``): with ``ep = tp`` each rank of a stage holds
  ``ceil(E / ep)`` whole experts instead of a ``1/tp`` slice of every expert.
* **KV cache**: `llmsize.memory.kv_cache_by_kind` gives the cache of each layer kind (sliding
  windows and linear-attention states included); each layer's share follows it. Attention
  layers keep ``K / tp`` KV heads per rank, and one whole head on each rank when there are
  fewer KV heads than ranks (each head then stored ``tp / K`` times); MLA's latent is not split
  by head and every rank keeps all of it; a fixed state (linear attention) is split by heads.
* **Reserve**: a named, configurable share of each GPU's memory kept for activations, the
  CUDA context and the engine's buffers: `RESERVE`, 1/10, vLLM's default
  ``gpu_memory_utilization=0.9``. On Apple's unified memory it is taken from the share the GPU
  may use (`llmsize.hardware.GPU.gpu_share`), and the rest counts as reserved too.

Weights: the layers' matrices are stored in ``dtype`` and the routed experts in
``expert_dtype`` (default ``dtype``; ``"mxfp4"`` is gpt-oss's release format). When ``dtype``
is 8 bits or narrower and not a GGUF format, the embedding, head, norms and routers stay in
bf16, as the fp8 and MXFP4 releases keep them. Multi-token-prediction modules are not loaded
(engines load them only for speculative decoding).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from math import ceil
from typing import Any

from llmsize.count import counts
from llmsize.dtypes import DType, get_dtype
from llmsize.errors import LLMSizeError, check_int
from llmsize.hardware import GPU, get_gpu
from llmsize.layers import Mixer
from llmsize.memory import kv_cache_by_kind, weights_bytes
from llmsize.spec import Spec, check_spec

__all__ = [
    "MXFP4",
    "PARTS",
    "RESERVE",
    "PerGPU",
    "Plan",
    "Split",
    "WeightFormats",
    "plan",
    "resolve_dtype",
    "stage_cache",
    "stage_weights",
    "weight_formats",
]

RESERVE = Fraction(1, 10)
"""Share of each GPU's memory kept back for activations and the runtime (vLLM's default
``gpu_memory_utilization=0.9`` leaves a tenth)."""

PARTS: tuple[str, ...] = ("embedding", "layers", "experts", "head", "kv_cache", "reserve")
"""Keys of `Plan.per_gpu`, in order."""

MXFP4 = DType(
    "mxfp4",
    "gguf",  # the registry's block arithmetic: ceil(n / 32) blocks of 17 bytes
    Fraction(17 * 8, 32),
    32,
    17,
    None,
    {
        "en": "OCP MXFP4: blocks of 32 4-bit (E2M1) weights sharing one 8-bit power-of-two"
        " scale, 17 bytes per 32 weights (4.25 bits).",
        "zh": "OCP MXFP4：每块 32 个 4 位（E2M1）权重共用一个 8 位 2 的幂缩放因子，"
        "每 32 个权重 17 字节（4.25 位）。",
    },
    {
        "en": "OCP Microscaling Formats (MX) Specification v1.0",
        "zh": "OCP 微缩放格式（MX）规范 v1.0",
    },
)
"""gpt-oss's expert format, for ``expert_dtype`` (not in `llmsize.dtypes.DTYPES`)."""


def resolve_dtype(dtype: str | DType) -> DType:
    """A storage format by name: `llmsize.dtypes.get_dtype`, plus ``"mxfp4"``."""
    if isinstance(dtype, str) and dtype.strip().lower() == "mxfp4":
        return MXFP4
    return get_dtype(dtype)


@dataclass(frozen=True)
class Split:
    """How the GPUs share the model: ``tp x pp`` GPUs, experts spread over ``ep`` ranks."""

    tp: int = 1
    pp: int = 1
    ep: int = 1

    @property
    def gpus(self) -> int:
        """GPUs the split takes."""
        return self.tp * self.pp


class PerGPU:
    """What a plan holds on its busiest GPU: ``per_gpu`` bytes by item, against ``gpu``."""

    gpu: GPU
    per_gpu: dict[str, int]

    @property
    def used(self) -> int:
        """Bytes on the busiest GPU: every item, the reserve included where there is one."""
        return sum(self.per_gpu.values())

    @property
    def fits(self) -> bool:
        """Whether the busiest GPU holds them."""
        return self.used <= self.gpu.memory


@dataclass(frozen=True)
class Plan(PerGPU):
    """Bytes on the busiest GPU, and whether they fit.

    Attributes:
        model: The model's name.
        gpu: The accelerator.
        split: Tensor, pipeline and expert parallel sizes.
        dtype: Weight format of the layers' matrices.
        expert_dtype: Weight format of the routed experts.
        kv_dtype: KV-cache format.
        context: Tokens per sequence.
        batch: Sequences served together.
        per_gpu: Bytes by `PARTS` on the busiest GPU (the stage with the most bytes).
        stages: Total bytes of one GPU of each pipeline stage.
    """

    model: str
    gpu: GPU
    split: Split
    dtype: str
    expert_dtype: str
    kv_dtype: str
    context: int
    batch: int
    per_gpu: dict[str, int]
    stages: tuple[int, ...] = field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for JSON output."""
        return {
            "model": self.model,
            "gpu": self.gpu.id,
            "gpus": self.split.gpus,
            "tp": self.split.tp,
            "pp": self.split.pp,
            "ep": self.split.ep,
            "dtype": self.dtype,
            "expert_dtype": self.expert_dtype,
            "kv_dtype": self.kv_dtype,
            "context": self.context,
            "batch": self.batch,
            "capacity_bytes": self.gpu.memory,
            "used_bytes": self.used,
            "fits": self.fits,
            "per_gpu_bytes": dict(self.per_gpu),
        }


# --- checks --------------------------------------------------------------------------------


def check_split(spec: Spec, split: Split, gpus: int) -> Split:
    """Check that ``split`` suits ``spec`` on ``gpus`` GPUs; return it.

    Raises:
        LLMSizeError: Naming the size that does not divide what it must.
    """
    check_int("gpus", gpus)
    tp, pp, ep = (
        check_int(n, v) for n, v in (("tp", split.tp), ("pp", split.pp), ("ep", split.ep))
    )
    if tp * pp != gpus:
        raise LLMSizeError(f"tp x pp must equal gpus ({gpus}), got {tp} x {pp}")
    if spec.heads % tp:
        raise LLMSizeError(f"tp must divide the attention heads ({spec.heads}), got {tp}")
    k = spec.kv_heads
    if spec.mla is None and k % tp and tp % k:
        raise LLMSizeError(f"tp must divide the KV heads ({k}) or be a multiple of them, got {tp}")
    if pp > spec.layers:
        raise LLMSizeError(f"pp must be at most the layers ({spec.layers}), got {pp}")
    if ep not in (1, tp):
        raise LLMSizeError(f"ep must be 1 or tp ({tp}), got {ep}")
    if ep > 1 and spec.moe is None:
        raise LLMSizeError(f"ep must be 1 for a model without experts, got {ep}")
    return split


# --- weights -------------------------------------------------------------------------------

_REPLICATED = frozenset({"router", "q_down", "kv_down"})


def _block_shares(spec: Spec) -> dict[str, tuple[int, int, int]]:
    """Per-layer ``(replicated, sharded, experts)`` parameters of each kind of block."""
    out: dict[str, tuple[int, int, int]] = {}
    for group in counts(spec).breakdown.find("layers").children:
        rep = shard = experts = 0
        for part in group.children:
            for leaf in part.leaves():
                n = leaf.per_layer
                if leaf.key == "experts":
                    experts += n
                elif "norm" in leaf.key or leaf.key in _REPLICATED:
                    rep += n
                else:
                    shard += n
        out[group.key] = (rep, shard, experts)
    return out


def stage_layers(layers: int, pp: int) -> list[range]:
    """The layer indices of each of ``pp`` stages: contiguous, the first ``layers % pp`` longer."""
    base, extra = divmod(layers, pp)
    out, start = [], 0
    for s in range(pp):
        end = start + base + (1 if s < extra else 0)
        out.append(range(start, end))
        start = end
    return out


@dataclass(frozen=True)
class WeightFormats:
    """Storage of the layers' matrices, the routed experts, and the parts kept wide."""

    matrix: DType
    expert: DType
    high: DType


def weight_formats(dtype: str | DType, expert_dtype: str | DType | None) -> WeightFormats:
    """The formats of a plan (see the module docstring: bf16 beside 8-bit or narrower)."""
    matrix = resolve_dtype(dtype)
    expert = resolve_dtype(expert_dtype) if expert_dtype is not None else matrix
    narrow = matrix.bits <= 8 and matrix.kind != "gguf"
    return WeightFormats(matrix, expert, get_dtype("bf16") if narrow else matrix)


def _expert_share(spec: Spec, experts: int, split: Split) -> int:
    """Expert parameters one rank holds: whole experts under EP, a 1/tp slice otherwise."""
    if split.ep > 1 and spec.moe is not None:
        e = spec.moe.num_experts
        return experts // e * -(-e // split.ep)
    return -(-experts // split.tp)


def stage_weights(spec: Spec, split: Split, fmt: WeightFormats) -> list[dict[str, int]]:
    """Weight bytes of one GPU of each stage: embedding, layers, experts, head."""
    shares, plan_ = _block_shares(spec), spec.layer_plan
    tree, tp = counts(spec).breakdown, split.tp
    table = tree.get("embeddings")
    stages = stage_layers(spec.layers, split.pp)
    out = []
    for s, layer_range in enumerate(stages):
        rep = shard = experts = 0
        for i in layer_range:
            r, sh, ex = shares[plan_[i].block.key]
            rep, shard, experts = rep + r, shard + sh, experts + ex
        last = s == len(stages) - 1
        top = sum(p.params for p in tree.children if p.key not in ("embeddings", "layers", "head"))
        head = tree.get("head") if last else 0
        if last and split.pp > 1 and spec.tied_embeddings:
            head = table
        layers = weights_bytes(-(-shard // tp), fmt.matrix) + weights_bytes(
            rep + (top if last else 0), fmt.high
        )
        out.append(
            {
                "embedding": weights_bytes(-(-table // tp), fmt.high) if s == 0 else 0,
                "layers": layers,
                "experts": weights_bytes(_expert_share(spec, experts, split), fmt.expert),
                "head": weights_bytes(-(-head // tp), fmt.high),
            }
        )
    return out


# --- KV cache ------------------------------------------------------------------------------


def layer_cache(spec: Spec, context: int, batch: int, kv_dtype: str) -> list[int]:
    """Bytes each layer's cache takes for ``batch`` sequences of ``context`` tokens.

    `llmsize.memory.kv_cache_by_kind` gives each kind's total; a layer holds its kind's total
    divided by the layers of that kind (rounded up, so never under).
    """
    by_kind = kv_cache_by_kind(spec, context, batch, kv_dtype)
    kinds: list[str] = [layer.mixer.kind for layer in spec.layer_plan]
    tally = Counter(kinds)
    each = {k: -(-total // tally[k]) for k, total in by_kind.items()}
    return [each.get(k, 0) for k in kinds]


def rank_cache(spec: Spec, layer_bytes: int, state_only: bool, tp: int) -> int:
    """One tensor-parallel rank's share of one layer's cache (see the module docstring)."""
    if state_only:
        return -(-layer_bytes // tp)
    if spec.mla is not None:
        return layer_bytes
    k = spec.kv_heads
    return -(-layer_bytes * max(k // tp, 1) // k)


def _state_only(mixer: Mixer, context: int) -> bool:
    """Whether a layer keeps a fixed state and no tokens (linear attention, Mamba...)."""
    return bool(mixer.state_elements) and not mixer.cached_tokens(context)


def stage_cache(spec: Spec, split: Split, context: int, batch: int, kv_dtype: str) -> list[int]:
    """KV-cache bytes on one GPU of each stage."""
    per_layer = layer_cache(spec, context, batch, kv_dtype)
    plan_ = spec.layer_plan
    return [
        sum(
            rank_cache(spec, per_layer[i], _state_only(plan_[i].mixer, context), split.tp)
            for i in stage
        )
        for stage in stage_layers(spec.layers, split.pp)
    ]


# --- the plan ------------------------------------------------------------------------------


def plan(
    spec: Spec,
    gpu: str | GPU,
    gpus: int = 1,
    *,
    split: Split | None = None,
    dtype: str | DType = "bf16",
    expert_dtype: str | DType | None = None,
    kv_dtype: str | None = None,
    context: int = 8192,
    batch: int = 1,
    reserve: Fraction = RESERVE,
) -> Plan:
    """Bytes per GPU of ``spec`` served on ``gpus`` GPUs of one kind, and whether it fits.

    Args:
        spec: A decoder.
        gpu: A catalog key (`llmsize.hardware.get_gpu`) or a `GPU`.
        gpus: How many GPUs.
        split: Tensor/pipeline/expert sizes; default all GPUs in one tensor-parallel group.
        dtype: Weight format of the layers' matrices.
        expert_dtype: Weight format of the routed experts (default ``dtype``).
        kv_dtype: KV-cache format (default: the weights' if bf16, fp16 or fp32, else bf16).
        context: Tokens per sequence.
        batch: Sequences.
        reserve: Share of each GPU's memory kept for activations and the runtime.

    Returns:
        A `Plan`.

    Raises:
        LLMSizeError: For an unknown GPU or format, a size that is not a positive integer, or
            a split that does not suit the model.
    """
    device = get_gpu(gpu)
    check_spec(spec)
    split = check_split(spec, split or Split(tp=check_int("gpus", gpus)), gpus)
    fmt = weight_formats(dtype, expert_dtype)
    kv = kv_dtype or (fmt.matrix.name if fmt.matrix.name in ("bf16", "fp16", "fp32") else "bf16")
    check_int("context", context)
    check_int("batch", batch)
    if not 0 <= reserve < 1:
        raise LLMSizeError(f"reserve must be at least 0 and below 1, got {reserve}")
    weights = stage_weights(spec, split, fmt)
    cache = stage_cache(spec, split, context, batch, kv)
    held = ceil(device.memory * (1 - device.gpu_share * (1 - Fraction(reserve))))
    totals = tuple(sum(w.values()) + c + held for w, c in zip(weights, cache, strict=True))
    worst = max(range(len(totals)), key=totals.__getitem__)
    per_gpu = {**weights[worst], "kv_cache": cache[worst], "reserve": held}
    names = (fmt.matrix.name, fmt.expert.name, kv)
    return Plan(spec.name, device, split, *names, context, batch, per_gpu, totals)

"""Training and fine-tuning per GPU: ZeRO stages, tensor/pipeline parallelism, LoRA, QLoRA.

Every byte count is an exact ``int``. The bytes per parameter of mixed-precision Adam are
`llmsize.training`'s conventions (16 as in the ZeRO paper, 18 as in the Hugging Face guide);
activations are `llmsize.training.activation_bytes` (Korthikanti et al. 2022).

* **Model parallelism**: ``tp x pp`` ranks each hold an equal share of the parameters
  (rounded up); the other ``dp = gpus / (tp x pp)`` ranks are data parallel.
* **ZeRO** (Rajbhandari et al. 2019, section 5) over the ``dp`` ranks: stage 1 partitions the
  optimizer state (fp32 master, momentum, variance), stage 2 the gradients too, stage 3 the
  working weights too (`zero_bytes`, layout ``"paper"``). DeepSpeed's own estimators count
  differently (layout ``"deepspeed"``): ZeRO-2 keeps the 16-bit weights and gradients whole
  and partitions 16 bytes per parameter, ``4P + int(16P / N)``; ZeRO-3 partitions 18 and adds
  4 bytes per parameter of the largest layer for gathering, ``4 * largest + int(18P / N)``
  (deepspeed/runtime/zero/stage_1_and_2.py and stage3.py,
  ``estimate_zero2_model_states_mem_needs``/``estimate_zero3_...``, no offload).
* **LoRA** (Hu et al. 2021): the base stays frozen in 16 bits; each targeted ``out x in``
  matrix gains ``r * (in + out)`` trainable parameters, trained with Adam in full.
* **QLoRA** (Dettmers et al. 2023): the base's linear layers in 4-bit NF4 with double
  quantization: 4 bits per weight, one 8-bit scale per block of 64 and one fp32 scale per 256
  of those blocks (``8/64 + 32/(64*256) = 0.127`` bits per weight, section 3); the embedding,
  head and norms stay 16-bit. The scales are counted over all linear weights as one run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from llmsize.count import counts
from llmsize.errors import LLMSizeError, check_int
from llmsize.hardware import GPU, get_gpu
from llmsize.plan import PerGPU
from llmsize.spec import Spec, check_spec
from llmsize.training import TRAINING_CONVENTIONS, Recompute, activation_bytes, training_bytes

__all__ = [
    "LORA_TARGETS",
    "TrainPlan",
    "largest_layer",
    "lora_params",
    "nf4_bytes",
    "train_plan",
    "zero_bytes",
]

LORA_TARGETS: tuple[str, ...] = ("q", "k", "v", "o", "gate", "up", "down")
"""Matrices LoRA can target (and does by default): attention and MLP projections."""

Layout = Literal["paper", "deepspeed"]


def zero_bytes(
    params: int,
    stage: int,
    dp: int,
    convention: str = "16",
    *,
    layout: Layout = "paper",
    largest: int = 0,
) -> dict[str, int]:
    """Model-state bytes on one of ``dp`` data-parallel ranks under ZeRO ``stage``.

    Args:
        params: Parameters this rank's model-parallel group holds.
        stage: ZeRO stage, 0 to 3.
        dp: Data-parallel ranks the states are partitioned over.
        convention: ``"16"`` or ``"18"`` bytes per parameter (layout ``"paper"`` only).
        layout: ``"paper"`` or ``"deepspeed"`` (see the module docstring; stages 2 and 3).
        largest: Parameters of the largest layer (DeepSpeed's ZeRO-3 gather buffer).

    Returns:
        Bytes by item: ``weights``, ``gradients``, ``optimizer`` for the paper;
        ``weights``, ``gradients``, ``partitioned`` (ZeRO-2) or ``gather``, ``partitioned``
        (ZeRO-3) for DeepSpeed.

    Raises:
        LLMSizeError: For a stage other than 0 to 3 or an unknown layout.
    """
    check_int("stage", stage, minimum=0)
    if stage > 3:
        raise LLMSizeError(f"stage must be 0, 1, 2 or 3, got {stage}")
    check_int("dp", dp)
    if layout == "deepspeed":
        if stage == 2:
            return {
                "weights": 2 * params,
                "gradients": 2 * params,
                "partitioned": 16 * params // dp,
            }
        if stage == 3:
            return {"gather": 4 * largest, "partitioned": 18 * params // dp}
        raise LLMSizeError(f"stage must be 2 or 3 for DeepSpeed's estimators, got {stage}")
    if layout != "paper":
        raise LLMSizeError(f"layout must be 'paper' or 'deepspeed', got {layout!r}")
    state = training_bytes(params, convention)

    def part(nbytes: int, from_stage: int) -> int:
        return -(-nbytes // dp) if stage >= from_stage else nbytes

    return {
        "weights": part(state.weights, 3),
        "gradients": part(state.gradients, 2),
        "optimizer": part(state.master + state.momentum + state.variance, 1),
    }


def largest_layer(spec: Spec) -> int:
    """Parameters of the largest single module: the largest leaf of the breakdown.

    The embedding or head for most models, a layer's fused experts for MoE models in
    transformers 5 (DeepSpeed's ``model_to_params`` takes each module's own parameters).
    """
    tree = counts(check_spec(spec)).breakdown
    return max(leaf.per_layer for leaf in tree.leaves())


# --- LoRA and QLoRA ------------------------------------------------------------------------


def _shapes(spec: Spec, moe: bool) -> dict[str, list[tuple[int, int, int]]]:
    """``(in, out, copies)`` of each LoRA target in one layer."""
    d, n, k, h = spec.width, spec.heads, spec.kv_heads, spec.head_dim
    q = n * h * (2 if spec.attention_output_gate else 1)
    out: dict[str, list[tuple[int, int, int]]] = {
        "q": [(d, q, 1)],
        "k": [(d, k * h, 1)],
        "v": [(d, k * h, 1)],
        "o": [(n * h, d, 1)],
    }
    mlps = [(spec.ffn, 1)]
    if moe and spec.moe is not None:
        m = spec.moe
        mlps = [(m.expert_ffn, m.num_experts)]
        if m.num_shared_experts:
            mlps.append((m.shared_ffn, m.num_shared_experts))
    gated = [(d, f, c) for f, c in mlps] if spec.gated_ffn else []
    out.update(
        {"gate": gated, "up": [(d, f, c) for f, c in mlps], "down": [(f, d, c) for f, c in mlps]}
    )
    return out


def lora_params(spec: Spec, rank: int, targets: tuple[str, ...] = LORA_TARGETS) -> int:
    """Trainable LoRA parameters: ``rank * (in + out)`` for each targeted matrix of each layer.

    Attention targets apply to attention layers; MLP targets to dense MLPs and to every routed
    and shared expert of MoE layers.

    Raises:
        LLMSizeError: For an unknown target, or attention targets on an MLA model.
    """
    check_int("rank", rank)
    for t in targets:
        if t not in LORA_TARGETS:
            raise LLMSizeError(f"targets must be among {', '.join(LORA_TARGETS)}, got {t!r}")
    attention = {"q", "k", "v", "o"} & set(targets)
    if spec.mla is not None and attention:
        raise LLMSizeError(f"targets {sorted(attention)} are not modeled for MLA ({spec.name})")
    total = 0
    for layer in check_spec(spec).layer_plan:
        shapes = _shapes(spec, layer.moe)
        for t in targets:
            if (t in attention and layer.mixer.family != "attention") or (
                t not in attention and not layer.mlp
            ):
                continue
            total += sum(rank * (i + o) * c for i, o, c in shapes[t])
    return total


def nf4_bytes(params: int) -> int:
    """Bytes of ``params`` weights in NF4 with QLoRA's double quantization (module docstring)."""
    check_int("params", params, minimum=0)
    blocks = -(-params // 64)
    return -(-params // 2) + blocks + 4 * -(-blocks // 256)


def _linear_params(spec: Spec) -> int:
    """Parameters of the layers' linear matrices (what bitsandbytes quantizes)."""
    layers = counts(spec).breakdown.find("layers")
    return sum(
        leaf.params
        for leaf in layers.leaves()
        if "norm" not in leaf.key and "bias" not in leaf.key and leaf.key != "sinks"
    )


# --- the plan ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainPlan(PerGPU):
    """Bytes of training on one GPU, by item, and whether they fit."""

    model: str
    gpu: GPU
    gpus: int
    method: str
    per_gpu: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for JSON output."""
        return {
            "model": self.model,
            "gpu": self.gpu.id,
            "gpus": self.gpus,
            "method": self.method,
            "capacity_bytes": self.gpu.memory,
            "used_bytes": self.used,
            "fits": self.fits,
            "per_gpu_bytes": dict(self.per_gpu),
        }


def _adapter(
    spec: Spec, rank: int, four_bit: bool, convention: str, targets: tuple[str, ...]
) -> dict[str, int]:
    total = counts(spec).total
    linear = _linear_params(spec)
    base = nf4_bytes(linear) + 2 * (total - linear) if four_bit else 2 * total
    adapters = training_bytes(lora_params(spec, rank, targets), convention).total
    return {"base_weights": base, "adapters": adapters}


def train_plan(
    spec: Spec,
    gpu: str | GPU,
    gpus: int = 1,
    *,
    zero: int | None = None,
    lora: int | None = None,
    qlora: int | None = None,
    tp: int = 1,
    pp: int = 1,
    seq: int = 4096,
    batch: int = 1,
    recompute: Recompute = "selective",
    convention: str = "16",
    targets: tuple[str, ...] = LORA_TARGETS,
) -> TrainPlan:
    """Bytes per GPU of full training under ZeRO, or of LoRA/QLoRA fine-tuning (one GPU's view).

    Exactly one of ``zero`` (a stage), ``lora`` or ``qlora`` (a rank, on ``targets``) is given.
    Activations are per micro-batch of ``batch`` sequences of ``seq`` tokens, split by ``tp``
    and ``pp``.

    Raises:
        LLMSizeError: For a bad size, an unknown GPU, or not exactly one method.
    """
    device = get_gpu(gpu)
    methods = {k: v for k, v in (("zero", zero), ("lora", lora), ("qlora", qlora)) if v is not None}
    if len(methods) != 1:
        raise LLMSizeError(f"method must be one of zero, lora or qlora, got {sorted(methods)}")
    check_int("gpus", gpus)
    if gpus % (check_int("tp", tp) * check_int("pp", pp)):
        raise LLMSizeError(f"tp x pp must divide gpus ({gpus}), got {tp} x {pp}")
    if convention not in TRAINING_CONVENTIONS:
        raise LLMSizeError(f"convention must be '16' or '18', got {convention!r}")
    ((method, value),) = methods.items()
    acts = -(-activation_bytes(spec, seq, batch, recompute, tp) // pp)
    if method == "zero":
        shard = -(-counts(spec).total // (tp * pp))
        items = zero_bytes(shard, value, gpus // (tp * pp), convention)
    else:
        items = _adapter(spec, check_int(method, value), method == "qlora", convention, targets)
    return TrainPlan(spec.name, device, gpus, f"{method}:{value}", {**items, "activations": acts})

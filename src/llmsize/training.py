"""Bytes of training: Adam's mixed-precision model state, and activations.

Every byte count is an exact Python ``int``. Sources:

* Training state: Rajbhandari et al. 2019, "ZeRO: Memory Optimizations Toward Training Trillion
  Parameter Models" (16 bytes per parameter), and the Hugging Face Transformers guide "Model
  training anatomy" / GPU memory usage (18 bytes per parameter).
* Activations: Korthikanti et al. 2022, "Reducing Activation Recomputation in Large Transformer
  Models" (Table 2).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from fractions import Fraction
from math import ceil
from typing import Any, Literal

from llmsize.errors import LLMSizeError, check_bool, check_int
from llmsize.spec import Spec, check_spec
from llmsize.text import Text

__all__ = [
    "TRAINING_CONVENTIONS",
    "Recompute",
    "TrainingConvention",
    "TrainingMemory",
    "activation_bytes",
    "training_bytes",
]


# --- training state ------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainingConvention:
    """A published way of counting Adam's mixed-precision training state, bytes per parameter.

    Attributes:
        key: ``"16"`` or ``"18"``.
        weights: Bytes per parameter of the low-precision working weights.
        gradients: Bytes per parameter of the gradients.
        master: Bytes per parameter of the fp32 master copy of the weights.
        momentum: Bytes per parameter of Adam's first moment.
        variance: Bytes per parameter of Adam's second moment.
        source: Citation.
        description: What the convention assumes, in each language (`llmsize.text.Text`).
    """

    key: str
    weights: int
    gradients: int
    master: int
    momentum: int
    variance: int
    source: str
    description: Text = field(hash=False)

    @property
    def total(self) -> int:
        """Bytes per parameter, all items together."""
        return self.weights + self.gradients + self.master + self.momentum + self.variance


TRAINING_CONVENTIONS: dict[str, TrainingConvention] = {
    "16": TrainingConvention(
        key="16",
        weights=2,
        gradients=2,
        master=4,
        momentum=4,
        variance=4,
        source=(
            "Rajbhandari, Rasley, Ruwase, He 2019, 'ZeRO: Memory Optimizations Toward Training"
            " Trillion Parameter Models' (arXiv:1910.02054), section 3.1: 2Ψ + 2Ψ + 12Ψ = 16Ψ"
        ),
        description={
            "en": "fp16/bf16 weights (2) and gradients (2); Adam keeps an fp32 master copy,"
            " momentum and variance (4 + 4 + 4 = 12).",
            "zh": "fp16/bf16 权重（2）与梯度（2）；Adam 另存 fp32 主权重、一阶矩与二阶矩"
            "（4 + 4 + 4 = 12）。",
        },
    ),
    "18": TrainingConvention(
        key="18",
        weights=2,
        gradients=4,
        master=4,
        momentum=4,
        variance=4,
        source=(
            "Hugging Face Transformers documentation, 'Model training anatomy' (GPU memory"
            " usage): weights 6 bytes (fp32 + half copy), gradients 4 bytes (fp32),"
            " AdamW states 8 bytes"
        ),
        description={
            "en": "Half-precision working copy (2) beside fp32 weights (4), gradients kept in"
            " fp32 (4), AdamW momentum and variance in fp32 (4 + 4).",
            "zh": "半精度工作副本（2）加 fp32 权重（4），梯度以 fp32 保存（4），"
            "AdamW 一阶矩与二阶矩为 fp32（4 + 4）。",
        },
    ),
}
"""The training-state conventions `training_bytes` knows, by key."""


@dataclass(frozen=True)
class TrainingMemory:
    """Bytes of model state for mixed-precision Adam training, item by item.

    Activations are not included (see `activation_bytes`).

    Attributes:
        convention: Key of the `TrainingConvention` used.
        params: Parameters trained.
        weights: Low-precision working weights.
        gradients: Gradients.
        master: fp32 master weights.
        momentum: Adam first moment.
        variance: Adam second moment.
        total: Sum of the items.
    """

    convention: str
    params: int
    weights: int
    gradients: int
    master: int
    momentum: int
    variance: int
    total: int

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for JSON output."""
        return asdict(self)


def training_bytes(params: int, convention: str = "16") -> TrainingMemory:
    """Model-state bytes for training ``params`` parameters with mixed-precision Adam.

    ``"16"`` follows ZeRO (bf16 weights and gradients, fp32 master/momentum/variance);
    ``"18"`` follows the Hugging Face "Model training anatomy" guide (gradients in fp32). See
    `TRAINING_CONVENTIONS` for the item-by-item figures and citations.

    Args:
        params: Trainable parameters.
        convention: ``"16"`` or ``"18"`` (bytes per parameter).

    Returns:
        A `TrainingMemory`.

    Raises:
        LLMSizeError: If ``params`` is not a non-negative integer or ``convention`` is unknown.
    """
    check_int("params", params, minimum=0)
    conv = TRAINING_CONVENTIONS.get(convention) if isinstance(convention, str) else None
    if conv is None:
        known = ", ".join(repr(k) for k in TRAINING_CONVENTIONS)
        raise LLMSizeError(f"convention must be one of {known}, got {convention!r}")
    return TrainingMemory(
        convention=conv.key,
        params=params,
        weights=conv.weights * params,
        gradients=conv.gradients * params,
        master=conv.master * params,
        momentum=conv.momentum * params,
        variance=conv.variance * params,
        total=conv.total * params,
    )


# --- activations ---------------------------------------------------------------------------

Recompute = Literal["none", "selective", "full"]


def activation_bytes(
    spec: Spec,
    seq: int,
    batch: int,
    recompute: Recompute = "none",
    tensor_parallel: int = 1,
    sequence_parallel: bool = False,
) -> int:
    """Activation bytes the ``L`` transformer layers keep for the backward pass.

    Korthikanti et al. 2022, "Reducing Activation Recomputation in Large Transformer Models",
    Table 2, with ``s`` = ``seq``, ``b`` = ``batch``, ``h`` = ``spec.width``, ``a`` =
    ``spec.heads``, ``t`` = ``tensor_parallel``; bytes per layer:

    ============================  ======================================
    no recomputation              ``sbh(10 + 24/t + 5as/(ht))``
    ... with sequence parallel    ``sbh(34/t + 5as/(ht))``
    selective recomputation       ``sbh(10 + 24/t)``
    ... with sequence parallel    ``sbh(34/t)``
    full recomputation            ``2sbh`` (only each layer's input)
    ============================  ======================================

    With ``t = 1`` the first row is the paper's ``sbh(34 + 5as/h)``. The formula assumes
    16-bit activations, 1-byte dropout masks and a GPT-style block (MHA, a ``4h`` two-matrix
    MLP), so for GQA, SwiGLU or MoE models it is the paper's estimate, not an exact count.
    With ``t > 1`` the figure is per tensor-parallel rank. Embedding, final-norm and output-head
    activations are left out, as in the paper's per-layer analysis. The exact value
    ``L * per_layer`` is computed with fractions and rounded up to a whole byte.

    Args:
        spec: The architecture.
        seq: Sequence length ``s``.
        batch: Micro-batch size ``b``.
        recompute: ``"none"``, ``"selective"`` or ``"full"``.
        tensor_parallel: Tensor-parallel degree ``t``.
        sequence_parallel: Whether sequence parallelism splits the non-tensor-parallel parts
            (layer norms, dropouts) across the ``t`` ranks too.

    Returns:
        Bytes for all ``L`` layers.

    Raises:
        LLMSizeError: If a size is not a positive integer or ``recompute`` is unknown.
    """
    check_spec(spec)
    s = check_int("seq", seq)
    b = check_int("batch", batch)
    t = check_int("tensor_parallel", tensor_parallel)
    check_bool("sequence_parallel", sequence_parallel)
    per_layer = _per_token_layer(spec, s, t, recompute, sequence_parallel)
    return ceil(spec.layers * s * b * spec.width * per_layer)


def _per_token_layer(
    spec: Spec, s: int, t: int, recompute: object, sequence_parallel: bool
) -> Fraction:
    """Bytes per layer divided by ``sbh``: the bracket of Korthikanti et al.'s Table 2."""
    core = Fraction(34, t) if sequence_parallel else 10 + Fraction(24, t)
    if recompute == "none":
        return core + Fraction(5 * spec.heads * s, spec.width * t)
    if recompute == "selective":
        return core
    if recompute == "full":
        return Fraction(2)
    raise LLMSizeError(f"recompute must be 'none', 'selective' or 'full', got {recompute!r}")

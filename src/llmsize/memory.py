"""Bytes: weight storage formats, the KV cache, training state and activations.

Every byte count is an exact Python ``int``. Bytes per parameter are kept as
`fractions.Fraction` (4-bit formats and block formats are not whole bytes); a figure is
rounded only when it is formatted for display (`llmsize.fmt`).

Sources for the figures used here:

* GGUF block layouts: ggml's ``ggml-common.h`` (``block_q8_0``, ``block_q4_0``, ``block_q4_K``).
* DeepSeek-V3's FP8 checkpoint: ``quantization_config`` with ``weight_block_size: [128, 128]`` and
  one ``float32`` ``weight_scale_inv`` entry per 128x128 tile of each weight matrix.
* Training state: Rajbhandari et al. 2019, "ZeRO: Memory Optimizations Toward Training Trillion
  Parameter Models" (16 bytes per parameter), and the Hugging Face Transformers guide "Model
  training anatomy" / GPU memory usage (18 bytes per parameter).
* Activations: Korthikanti et al. 2022, "Reducing Activation Recomputation in Large Transformer
  Models" (Table 2).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from fractions import Fraction
from math import ceil
from typing import Any, Literal

from llmsize.errors import LLMSizeError
from llmsize.spec import Spec

__all__ = [
    "DTYPES",
    "DTYPE_ALIASES",
    "GB",
    "KB",
    "MB",
    "TB",
    "TRAINING_CONVENTIONS",
    "DType",
    "GiB",
    "KiB",
    "MiB",
    "TiB",
    "TrainingConvention",
    "TrainingMemory",
    "activation_bytes",
    "bytes_per_param",
    "get_dtype",
    "kv_cache_bytes",
    "kv_cache_bytes_per_token",
    "kv_cache_naive_mla_bytes_per_token",
    "matrix_bytes",
    "to_gb_gib",
    "training_bytes",
    "weights_bytes",
]

# --- units ---------------------------------------------------------------------------------

KB = 10**3
"""Kilobyte (SI): 1,000 bytes."""
MB = 10**6
"""Megabyte (SI): 1,000,000 bytes."""
GB = 10**9
"""Gigabyte (SI): 10^9 bytes. Disk and download sizes are usually quoted in these."""
TB = 10**12
"""Terabyte (SI): 10^12 bytes."""
KiB = 2**10
"""Kibibyte (binary): 1,024 bytes."""
MiB = 2**20
"""Mebibyte (binary): 1,048,576 bytes."""
GiB = 2**30
"""Gibibyte (binary): 2^30 bytes. GPU memory (an "80 GB" card) is really counted in these."""
TiB = 2**40
"""Tebibyte (binary): 2^40 bytes."""


def _check_int(name: str, value: object, *, minimum: int = 1) -> int:
    """Return ``value`` if it is an int (not a bool) of at least ``minimum``, else raise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise LLMSizeError(f"{name} must be an integer, got {value!r}")
    if value < minimum:
        bound = "positive" if minimum == 1 else f">= {minimum}"
        raise LLMSizeError(f"{name} must be {bound}, got {value!r}")
    return value


def to_gb_gib(nbytes: int) -> tuple[Fraction, Fraction]:
    """Express a byte count in SI gigabytes and binary gibibytes, exactly.

    Args:
        nbytes: A byte count.

    Returns:
        ``(nbytes / GB, nbytes / GiB)`` as fractions.

    Raises:
        LLMSizeError: If ``nbytes`` is not a non-negative integer.
    """
    _check_int("nbytes", nbytes, minimum=0)
    return Fraction(nbytes, GB), Fraction(nbytes, GiB)


# --- storage formats -----------------------------------------------------------------------

DTypeKind = Literal["float", "int", "gguf", "fp8_block"]


@dataclass(frozen=True)
class DType:
    """A weight (or cache) storage format and its exact size.

    Attributes:
        name: Canonical key in `DTYPES` (``"bf16"``, ``"q4_k"``...).
        kind: ``"float"`` or ``"int"`` for plain element formats, ``"gguf"`` for ggml block
            quantisation (each block of ``block`` weights stored in ``block_bytes`` bytes,
            scales included), ``"fp8_block"`` for one byte per weight plus one ``float32``
            scale per ``tile`` x ``tile`` tile of each weight matrix (DeepSeek-V3).
        bits: Exact bits per weight, scales included (8.5 for ``q8_0``).
        block: Weights that share one scale: the GGUF block size, or ``tile * tile`` for
            ``fp8_block``; ``None`` for a plain format without scales.
        block_bytes: Bytes per GGUF block (scales included); ``None`` otherwise.
        tile: Side of the square scale tile of an ``fp8_block`` format; ``None`` otherwise.
        description_en: One-line English description for the site.
        description_zh: The same in Chinese.
        source: Where the layout is specified.
    """

    name: str
    kind: DTypeKind
    bits: Fraction
    block: int | None
    block_bytes: int | None
    tile: int | None
    description_en: str
    description_zh: str
    source: str

    @property
    def bytes_per_param(self) -> Fraction:
        """Exact bytes per weight (for ``fp8_block``, the whole-tile average, see module docs)."""
        return self.bits / 8

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form; fractions are given as ``"num/den"`` strings."""
        return {
            "name": self.name,
            "kind": self.kind,
            "bits": str(self.bits),
            "bytes_per_param": str(self.bytes_per_param),
            "block": self.block,
            "block_bytes": self.block_bytes,
            "tile": self.tile,
            "description_en": self.description_en,
            "description_zh": self.description_zh,
            "source": self.source,
        }


def _plain(name: str, kind: DTypeKind, bits: Fraction, en: str, zh: str, source: str) -> DType:
    return DType(name, kind, bits, None, None, None, en, zh, source)


def _gguf(name: str, block: int, block_bytes: int, en: str, zh: str) -> DType:
    source = f"ggml ggml-common.h: block_{name.replace('_k', '_K')}"
    return DType(
        name, "gguf", Fraction(8 * block_bytes, block), block, block_bytes, None, en, zh, source
    )


_IEEE = "IEEE 754-2008"
_OCP_FP8 = "OCP 8-bit Floating Point Specification (OFP8) / NVIDIA H100 FP8 formats"

DTYPES: dict[str, DType] = {
    d.name: d
    for d in (
        _plain(
            "fp64",
            "float",
            Fraction(64),
            "IEEE double precision, 8 bytes.",
            "IEEE 双精度浮点，8 字节。",
            _IEEE,
        ),
        _plain(
            "fp32",
            "float",
            Fraction(32),
            "IEEE single precision, 4 bytes.",
            "IEEE 单精度浮点，4 字节。",
            _IEEE,
        ),
        _plain(
            "tf32",
            "float",
            Fraction(32),
            "TensorFloat-32: an NVIDIA tensor-core compute mode with 19 significant bits"
            " (1 sign, 8 exponent, 10 mantissa), stored in an ordinary 4-byte fp32 word.",
            "TensorFloat-32：NVIDIA 张量核心的计算模式，有效位 19 位（1 符号、8 指数、10 尾数），"
            "存储时仍占一个 4 字节的 fp32 字。",
            "NVIDIA Ampere architecture whitepaper (TF32)",
        ),
        _plain(
            "bf16",
            "float",
            Fraction(16),
            "bfloat16: fp32's 8-bit exponent with a 7-bit mantissa, 2 bytes.",
            "bfloat16：与 fp32 相同的 8 位指数、7 位尾数，2 字节。",
            "Google Brain bfloat16 format",
        ),
        _plain(
            "fp16",
            "float",
            Fraction(16),
            "IEEE half precision, 2 bytes.",
            "IEEE 半精度浮点，2 字节。",
            _IEEE,
        ),
        _plain(
            "fp8_e4m3",
            "float",
            Fraction(8),
            "8-bit float with 4 exponent and 3 mantissa bits, 1 byte (no scales counted).",
            "8 位浮点，4 位指数、3 位尾数，1 字节（不计缩放因子）。",
            _OCP_FP8,
        ),
        _plain(
            "fp8_e5m2",
            "float",
            Fraction(8),
            "8-bit float with 5 exponent and 2 mantissa bits, 1 byte (no scales counted).",
            "8 位浮点，5 位指数、2 位尾数，1 字节（不计缩放因子）。",
            _OCP_FP8,
        ),
        _plain(
            "int8",
            "int",
            Fraction(8),
            "8-bit integer, 1 byte (no scales counted).",
            "8 位整数，1 字节（不计缩放因子）。",
            "two's-complement int8",
        ),
        _plain(
            "int4",
            "int",
            Fraction(4),
            "4-bit integer, two per byte (no scales counted).",
            "4 位整数，每字节两个（不计缩放因子）。",
            "two 4-bit values packed per byte",
        ),
        _gguf(
            "q8_0",
            32,
            34,
            "GGUF Q8_0: blocks of 32 int8 weights plus one fp16 scale, 34 bytes per 32 weights"
            " (8.5 bits).",
            "GGUF Q8_0：每块 32 个 int8 权重加一个 fp16 缩放因子，每 32 个权重 34 字节（8.5 位）。",
        ),
        _gguf(
            "q4_0",
            32,
            18,
            "GGUF Q4_0: blocks of 32 4-bit weights plus one fp16 scale, 18 bytes per 32 weights"
            " (4.5 bits).",
            "GGUF Q4_0：每块 32 个 4 位权重加一个 fp16 缩放因子，每 32 个权重 18 字节（4.5 位）。",
        ),
        _gguf(
            "q4_k",
            256,
            144,
            "GGUF Q4_K: super-blocks of 256 4-bit weights with fp16 scale and min and 6-bit"
            " sub-block scales, 144 bytes per 256 weights (4.5 bits).",
            "GGUF Q4_K：每个超级块 256 个 4 位权重，含 fp16 缩放与最小值及 6 位子块缩放，"
            "每 256 个权重 144 字节（4.5 位）。",
        ),
        DType(
            "fp8_block128",
            "fp8_block",
            # 8 bits per weight plus one 32-bit scale per 128 x 128 = 16384 weights.
            Fraction(8) + Fraction(32, 128 * 128),
            128 * 128,
            None,
            128,
            "DeepSeek-V3 FP8: fp8_e4m3 weights, 1 byte each, plus one fp32 scale per 128x128"
            " tile of each weight matrix (exact per matrix; 4/16384 bytes per weight on average).",
            "DeepSeek-V3 FP8：fp8_e4m3 权重每个 1 字节，另外每个权重矩阵的每个 128x128 块一个"
            " fp32 缩放因子（按矩阵精确计算；平均每个权重 4/16384 字节）。",
            "DeepSeek-V3 config.json quantization_config weight_block_size [128, 128]",
        ),
    )
}
"""Storage formats by canonical name. Aliases (``"fp8"``, ``"bfloat16"``...) are in
`DTYPE_ALIASES`; look names up with `get_dtype`."""

DTYPE_ALIASES: dict[str, str] = {
    "fp8": "fp8_e4m3",
    "e4m3": "fp8_e4m3",
    "e5m2": "fp8_e5m2",
    "float64": "fp64",
    "double": "fp64",
    "float32": "fp32",
    "float": "fp32",
    "bfloat16": "bf16",
    "float16": "fp16",
    "half": "fp16",
    "fp8_block": "fp8_block128",
}
"""Other accepted names for entries of `DTYPES` (matched case-insensitively)."""


def get_dtype(dtype: str | DType) -> DType:
    """Look up a storage format by name or alias, case-insensitively.

    Args:
        dtype: A key of `DTYPES`, an alias from `DTYPE_ALIASES`, or a
            `DType` (returned as is).

    Returns:
        The `DType`.

    Raises:
        LLMSizeError: If the name is unknown.
    """
    if isinstance(dtype, DType):
        return dtype
    if not isinstance(dtype, str):
        raise LLMSizeError(f"dtype must be a string, got {dtype!r}")
    key = dtype.strip().lower()
    key = DTYPE_ALIASES.get(key, key)
    try:
        return DTYPES[key]
    except KeyError:
        known = ", ".join(DTYPES)
        raise LLMSizeError(f"dtype must be one of {known}, got {dtype!r}") from None


def bytes_per_param(dtype: str | DType) -> Fraction:
    """Exact bytes per weight of a storage format, scales included.

    For ``fp8_block128`` this is ``1 + 4/16384``, the average over whole 128x128 tiles; use
    `matrix_bytes` for an exact per-matrix figure.

    Args:
        dtype: A storage format name (see `get_dtype`).

    Returns:
        Bytes per weight as a fraction (``Fraction(17, 16)`` for ``q8_0``).

    Raises:
        LLMSizeError: If the name is unknown.
    """
    return get_dtype(dtype).bytes_per_param


def weights_bytes(params: int, dtype: str | DType = "bf16") -> int:
    """Bytes to store ``params`` weights in ``dtype``, as a whole number of bytes.

    * Plain formats: ``ceil(params * bytes_per_param)`` (an odd count of int4 weights still
      takes a whole last byte).
    * GGUF block formats: ``ceil(params / block) * block_bytes``. This is exact for a GGUF file
      because ggml quantises every tensor row in whole blocks and the row length must be a
      multiple of the block size; here all weights are treated as one run, so at most one
      partly filled block is added. Real GGUF files keep some tensors (norms, often the
      embeddings or head) in other types; this figure assumes every weight is in ``dtype``.
    * ``fp8_block128`` without matrix shapes: ``params + 4 * ceil(params / 16384)``, i.e. one
      fp32 scale per 16384 weights, as if every matrix were made of whole 128x128 tiles. The
      exact figure depends on each matrix's shape (partial tiles at the edges get a scale too);
      sum `matrix_bytes` over the matrices for it.

    Args:
        params: Number of weights.
        dtype: A storage format name (see `get_dtype`).

    Returns:
        The byte count.

    Raises:
        LLMSizeError: If ``params`` is not a non-negative integer or ``dtype`` is unknown.
    """
    _check_int("params", params, minimum=0)
    dt = get_dtype(dtype)
    if dt.kind == "gguf":
        assert dt.block is not None and dt.block_bytes is not None
        return -(-params // dt.block) * dt.block_bytes
    if dt.kind == "fp8_block":
        assert dt.block is not None
        return params + 4 * -(-params // dt.block)
    return ceil(params * dt.bytes_per_param)


def matrix_bytes(rows: int, cols: int, dtype: str | DType = "bf16") -> int:
    """Exact bytes of one ``rows x cols`` weight matrix stored in ``dtype``.

    * Plain formats: ``ceil(rows * cols * bytes_per_param)``.
    * GGUF block formats: each of the ``rows`` rows is quantised along its ``cols`` elements in
      blocks, ``rows * ceil(cols / block) * block_bytes`` (ggml requires ``cols`` to be a
      multiple of the block; a partial block is counted whole here).
    * ``fp8_block128``: ``rows * cols`` bytes of fp8 plus a ``ceil(rows/128) x ceil(cols/128)``
      grid of fp32 scales (DeepSeek-V3's ``weight_scale_inv``).

    Args:
        rows: Rows of the matrix (output features of a linear layer in PyTorch's layout).
        cols: Columns (input features).
        dtype: A storage format name (see `get_dtype`).

    Returns:
        The byte count.

    Raises:
        LLMSizeError: If a size is not a positive integer or ``dtype`` is unknown.
    """
    _check_int("rows", rows)
    _check_int("cols", cols)
    dt = get_dtype(dtype)
    if dt.kind == "gguf":
        assert dt.block is not None and dt.block_bytes is not None
        return rows * -(-cols // dt.block) * dt.block_bytes
    if dt.kind == "fp8_block":
        assert dt.tile is not None
        scales = -(-rows // dt.tile) * -(-cols // dt.tile)
        return rows * cols + 4 * scales
    return ceil(rows * cols * dt.bytes_per_param)


def _vector_bytes(elements: int, dt: DType) -> int:
    """Bytes of one cached vector of ``elements`` values (one KV-cache row)."""
    if dt.kind == "fp8_block":
        raise LLMSizeError(
            f"dtype {dt.name!r} is a weight format with 128x128 scale tiles, not a KV-cache format"
        )
    if dt.kind == "gguf":
        assert dt.block is not None and dt.block_bytes is not None
        return -(-elements // dt.block) * dt.block_bytes
    return ceil(elements * dt.bytes_per_param)


# --- KV cache ------------------------------------------------------------------------------


def _check_decoder(spec: Spec) -> None:
    if not isinstance(spec, Spec):
        raise LLMSizeError(f"spec must be a Spec, got {spec!r}")
    if spec.encoder:
        raise LLMSizeError(f"spec.encoder is true for {spec.name!r}: an encoder keeps no KV cache")


def kv_cache_bytes_per_token(spec: Spec, dtype: str | DType = "bf16") -> int:
    """KV-cache bytes one token adds, as the model is served.

    * MHA / GQA / MQA: a key and a value vector of ``H`` values for each of ``K`` KV heads in
      each of ``L`` layers: ``2 * L * K * H * bytes``.
    * MLA (DeepSeek-V2/V3): only the compressed latent and the shared rotary key are cached,
      one vector of ``kv_lora_rank + qk_rope_head_dim`` per layer:
      ``L * (kv_lora_rank + qk_rope_head_dim) * bytes`` (how DeepSeek's own inference code and
      vLLM/SGLang serve it). See `kv_cache_naive_mla_bytes_per_token` for the
      decompressed per-head K/V.

    For a GGUF block format each cached vector is quantised in whole blocks along its length
    (as llama.cpp's ``--cache-type-k q8_0`` does).

    Args:
        spec: A decoder architecture.
        dtype: Storage format of the cache (see `get_dtype`).

    Returns:
        Bytes per token.

    Raises:
        LLMSizeError: If ``dtype`` is unknown or not a cache format, or ``spec`` is an encoder.
    """
    _check_decoder(spec)
    dt = get_dtype(dtype)
    if spec.mla is not None:
        latent = spec.mla.kv_lora_rank + spec.mla.qk_rope_head_dim
        return spec.layers * _vector_bytes(latent, dt)
    return 2 * spec.layers * _vector_bytes(spec.kv_heads * spec.head_dim, dt)


def kv_cache_naive_mla_bytes_per_token(spec: Spec, dtype: str | DType = "bf16") -> int:
    """KV-cache bytes per token if an MLA model cached its decompressed per-head keys and values.

    Each of ``N`` heads in each of ``L`` layers would keep a key of
    ``qk_nope_head_dim + qk_rope_head_dim`` values and a value of ``v_head_dim`` values:
    ``L * N * (qk_nope + qk_rope + v_head_dim) * bytes``. This is what a plain attention
    implementation (e.g. transformers' own ``DynamicCache`` for DeepSeek-V3) stores; the
    latent cache of `kv_cache_bytes_per_token` is what MLA was designed for.

    Args:
        spec: A decoder with ``spec.mla`` set.
        dtype: Storage format of the cache (see `get_dtype`).

    Returns:
        Bytes per token.

    Raises:
        LLMSizeError: If ``spec`` has no MLA, is an encoder, or ``dtype`` is unknown.
    """
    _check_decoder(spec)
    if spec.mla is None:
        raise LLMSizeError(f"spec.mla is None for {spec.name!r}: the model does not use MLA")
    dt = get_dtype(dtype)
    mla = spec.mla
    per_head = _vector_bytes(mla.qk_head_dim, dt) + _vector_bytes(mla.v_head_dim, dt)
    return spec.layers * spec.heads * per_head


def kv_cache_bytes(spec: Spec, context: int, batch: int = 1, dtype: str | DType = "bf16") -> int:
    """KV-cache bytes for ``batch`` sequences of ``context`` tokens each.

    Args:
        spec: A decoder architecture.
        context: Tokens held per sequence (prompt plus generated).
        batch: Number of sequences.
        dtype: Storage format of the cache (see `get_dtype`).

    Returns:
        ``kv_cache_bytes_per_token(spec, dtype) * context * batch``.

    Raises:
        LLMSizeError: If ``context`` or ``batch`` is not a positive integer, or as
            `kv_cache_bytes_per_token`.
    """
    _check_int("context", context)
    _check_int("batch", batch)
    return kv_cache_bytes_per_token(spec, dtype) * context * batch


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
        description_en: What the convention assumes, in English.
        description_zh: The same in Chinese.
    """

    key: str
    weights: int
    gradients: int
    master: int
    momentum: int
    variance: int
    source: str
    description_en: str
    description_zh: str

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
        description_en=(
            "fp16/bf16 weights (2) and gradients (2); Adam keeps an fp32 master copy, momentum"
            " and variance (4 + 4 + 4 = 12)."
        ),
        description_zh=(
            "fp16/bf16 权重（2）与梯度（2）；Adam 另存 fp32 主权重、一阶矩与二阶矩"
            "（4 + 4 + 4 = 12）。"
        ),
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
        description_en=(
            "Half-precision working copy (2) beside fp32 weights (4), gradients kept in fp32"
            " (4), AdamW momentum and variance in fp32 (4 + 4)."
        ),
        description_zh=(
            "半精度工作副本（2）加 fp32 权重（4），梯度以 fp32 保存（4），"
            "AdamW 一阶矩与二阶矩为 fp32（4 + 4）。"
        ),
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
    _check_int("params", params, minimum=0)
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
    if not isinstance(spec, Spec):
        raise LLMSizeError(f"spec must be a Spec, got {spec!r}")
    s = _check_int("seq", seq)
    b = _check_int("batch", batch)
    t = _check_int("tensor_parallel", tensor_parallel)
    if not isinstance(sequence_parallel, bool):
        raise LLMSizeError(f"sequence_parallel must be true or false, got {sequence_parallel!r}")
    h, a = spec.width, spec.heads
    sbh = s * b * h
    attention = Fraction(5 * a * s, h * t)
    if recompute == "none":
        core = Fraction(34, t) if sequence_parallel else 10 + Fraction(24, t)
        per_layer = sbh * (core + attention)
    elif recompute == "selective":
        per_layer = sbh * (Fraction(34, t) if sequence_parallel else 10 + Fraction(24, t))
    elif recompute == "full":
        per_layer = Fraction(2 * sbh)
    else:
        raise LLMSizeError(f"recompute must be 'none', 'selective' or 'full', got {recompute!r}")
    return ceil(spec.layers * per_layer)

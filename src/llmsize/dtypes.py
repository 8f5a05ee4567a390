"""Storage formats and byte units: the dtype registry, GGUF and fp8 block formats included.

Bytes per parameter are kept as `fractions.Fraction` (4-bit formats and block formats are not
whole bytes); a figure is rounded only when it is formatted for display (`llmsize.fmt`).

Sources for the layouts:

* GGUF block layouts: ggml's ``ggml-common.h`` (``block_q8_0``, ``block_q4_0``, ``block_q4_K``).
* DeepSeek-V3's FP8 checkpoint: ``quantization_config`` with ``weight_block_size: [128, 128]`` and
  one ``float32`` ``weight_scale_inv`` entry per 128x128 tile of each weight matrix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

from llmsize.errors import LLMSizeError, check_int
from llmsize.text import Text

__all__ = [
    "DTYPES",
    "DTYPE_ALIASES",
    "GB",
    "KB",
    "KV_CACHE_DTYPES",
    "MB",
    "TB",
    "DType",
    "GiB",
    "KiB",
    "MiB",
    "TiB",
    "bytes_per_param",
    "get_dtype",
    "get_kv_dtype",
    "to_gb_gib",
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


def to_gb_gib(nbytes: int) -> tuple[Fraction, Fraction]:
    """Express a byte count in SI gigabytes and binary gibibytes, exactly.

    Args:
        nbytes: A byte count.

    Returns:
        ``(nbytes / GB, nbytes / GiB)`` as fractions.

    Raises:
        LLMSizeError: If ``nbytes`` is not a non-negative integer.
    """
    check_int("nbytes", nbytes, minimum=0)
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
        description: One-line description for the site, in each language
            (`llmsize.text.Text`).
        source: Where the layout is specified, in each language (`llmsize.text.Text`).
    """

    name: str
    kind: DTypeKind
    bits: Fraction
    block: int | None
    block_bytes: int | None
    tile: int | None
    description: Text = field(hash=False)
    source: Text = field(hash=False)

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
            "description": dict(self.description),
            "source": dict(self.source),
        }


def _plain(name: str, kind: DTypeKind, bits: int, description: Text, source: Text) -> DType:
    return DType(name, kind, Fraction(bits), None, None, None, description, source)


def _gguf(name: str, block: int, block_bytes: int, description: Text) -> DType:
    block_name = f"block_{name.replace('_k', '_K')}"
    source = {
        "en": f"ggml ggml-common.h: {block_name}",
        "zh": f"ggml 的 ggml-common.h：{block_name}",
    }
    bits = Fraction(8 * block_bytes, block)
    return DType(name, "gguf", bits, block, block_bytes, None, description, source)


_IEEE: Text = {"en": "IEEE 754-2008", "zh": "IEEE 754-2008"}
_OCP_FP8: Text = {
    "en": "OCP 8-bit Floating Point Specification (OFP8) / NVIDIA H100 FP8 formats",
    "zh": "OCP 8 位浮点规范（OFP8）/ NVIDIA H100 的 FP8 格式",
}

DTYPES: dict[str, DType] = {
    d.name: d
    for d in (
        _plain(
            "fp64",
            "float",
            64,
            {"en": "IEEE double precision, 8 bytes.", "zh": "IEEE 双精度浮点，8 字节。"},
            _IEEE,
        ),
        _plain(
            "fp32",
            "float",
            32,
            {"en": "IEEE single precision, 4 bytes.", "zh": "IEEE 单精度浮点，4 字节。"},
            _IEEE,
        ),
        _plain(
            "tf32",
            "float",
            32,
            {
                "en": "TensorFloat-32: a compute format of NVIDIA's tensor cores, not a storage"
                " format. 19 bits in all (1 sign, 8 exponent, 10 mantissa: 11 significant bits with"
                " the implicit leading one); the tensors stay ordinary 4-byte fp32 words.",
                "zh": "TensorFloat-32：NVIDIA 张量核心的计算格式，不是存储格式。共 19 位"
                "（1 位符号、8 位指数、10 位尾数，连同隐含的首位共 11 位有效位）；"
                "张量仍以普通的 4 字节 fp32 存放。",
            },
            {
                "en": "NVIDIA Ampere architecture whitepaper (TF32)",
                "zh": "NVIDIA Ampere 架构白皮书（TF32）",
            },
        ),
        _plain(
            "bf16",
            "float",
            16,
            {
                "en": "bfloat16: fp32's 8-bit exponent, but a 7-bit mantissa (fp32 has 23), 2"
                " bytes.",
                "zh": "bfloat16：指数与 fp32 一样是 8 位，尾数却只有 7 位（fp32 为 23 位），"
                "2 字节。",
            },
            {"en": "Google Brain bfloat16 format", "zh": "Google Brain 的 bfloat16 格式"},
        ),
        _plain(
            "fp16",
            "float",
            16,
            {"en": "IEEE half precision, 2 bytes.", "zh": "IEEE 半精度浮点，2 字节。"},
            _IEEE,
        ),
        _plain(
            "fp8_e4m3",
            "float",
            8,
            {
                "en": "8-bit float with 4 exponent and 3 mantissa bits, 1 byte (no scales"
                " counted).",
                "zh": "8 位浮点，4 位指数、3 位尾数，1 字节（不计缩放因子）。",
            },
            _OCP_FP8,
        ),
        _plain(
            "fp8_e5m2",
            "float",
            8,
            {
                "en": "8-bit float with 5 exponent and 2 mantissa bits, 1 byte (no scales"
                " counted).",
                "zh": "8 位浮点，5 位指数、2 位尾数，1 字节（不计缩放因子）。",
            },
            _OCP_FP8,
        ),
        _plain(
            "int8",
            "int",
            8,
            {
                "en": "8-bit integer, 1 byte (no scales counted).",
                "zh": "8 位整数，1 字节（不计缩放因子）。",
            },
            {"en": "two's-complement int8", "zh": "二进制补码 int8"},
        ),
        _plain(
            "int4",
            "int",
            4,
            {
                "en": "4-bit integer, two per byte (no scales counted).",
                "zh": "4 位整数，每字节两个（不计缩放因子）。",
            },
            {"en": "two 4-bit values packed per byte", "zh": "每字节打包两个 4 位数"},
        ),
        _gguf(
            "q8_0",
            32,
            34,
            {
                "en": "GGUF Q8_0: blocks of 32 int8 weights plus one fp16 scale, 34 bytes per 32"
                " weights (8.5 bits).",
                "zh": "GGUF Q8_0：每块 32 个 int8 权重加一个 fp16 缩放因子，每 32 个权重 34 字节"
                "（8.5 位）。",
            },
        ),
        _gguf(
            "q4_0",
            32,
            18,
            {
                "en": "GGUF Q4_0: blocks of 32 4-bit weights plus one fp16 scale, 18 bytes per 32"
                " weights (4.5 bits).",
                "zh": "GGUF Q4_0：每块 32 个 4 位权重加一个 fp16 缩放因子，每 32 个权重 18 字节"
                "（4.5 位）。",
            },
        ),
        _gguf(
            "q4_k",
            256,
            144,
            {
                "en": "GGUF Q4_K: super-blocks of 256 4-bit weights with fp16 scale and min and"
                " 6-bit sub-block scales, 144 bytes per 256 weights (4.5 bits).",
                "zh": "GGUF Q4_K：每个超级块 256 个 4 位权重，含 fp16 缩放与最小值及 6 位子块缩放，"
                "每 256 个权重 144 字节（4.5 位）。",
            },
        ),
        DType(
            "fp8_block128",
            "fp8_block",
            # 8 bits per weight plus one 32-bit scale per 128 x 128 = 16384 weights.
            Fraction(8) + Fraction(32, 128 * 128),
            128 * 128,
            None,
            128,
            {
                "en": "DeepSeek-V3 FP8: fp8_e4m3 weights, 1 byte each, plus one fp32 scale per"
                " 128x128 tile of each weight matrix (exact per matrix; 4/16384 bytes per weight"
                " on average).",
                "zh": "DeepSeek-V3 FP8：fp8_e4m3 权重每个 1 字节，另外每个权重矩阵的每个 128x128"
                " 块一个 fp32 缩放因子（按矩阵精确计算；平均每个权重 4/16384 字节）。",
            },
            {
                "en": "DeepSeek-V3 config.json quantization_config weight_block_size [128, 128]",
                "zh": "DeepSeek-V3 的 config.json：quantization_config 的"
                " weight_block_size [128, 128]",
            },
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

KV_CACHE_DTYPES: tuple[str, ...] = ("fp32", "bf16", "fp16", "fp8_e4m3", "fp8_e5m2", "q8_0", "q4_0")
"""Formats a KV cache is really kept in, as the serving engines name them: llama.cpp's
``--cache-type-k``/``-v`` (f32, f16, bf16, q8_0, q4_0) and vLLM's ``--kv-cache-dtype``
(fp8_e4m3, fp8_e5m2). Not tf32 (a compute mode, stored as fp32), not q4_k (a weight format
llama.cpp does not accept for its cache), not 128x128 weight tiles."""


def get_kv_dtype(dtype: str | DType) -> DType:
    """Look up a storage format for the KV cache: one of `KV_CACHE_DTYPES` (or an alias).

    Args:
        dtype: A name, alias or `DType`, as for `get_dtype`.

    Returns:
        The `DType`.

    Raises:
        LLMSizeError: If the name is unknown or not a KV cache format.
    """
    found = get_dtype(dtype)
    if found.name not in KV_CACHE_DTYPES:
        choices = ", ".join(KV_CACHE_DTYPES)
        raise LLMSizeError(f"kv_dtype must be a KV cache format ({choices}), got {found.name!r}")
    return found


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
    `llmsize.memory.matrix_bytes` for an exact per-matrix figure.

    Args:
        dtype: A storage format name (see `get_dtype`).

    Returns:
        Bytes per weight as a fraction (``Fraction(17, 16)`` for ``q8_0``).

    Raises:
        LLMSizeError: If the name is unknown.
    """
    return get_dtype(dtype).bytes_per_param

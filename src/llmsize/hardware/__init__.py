"""Accelerators as data: memory in exact bytes, bandwidth, dense peaks, interconnect.

The rows live in `llmsize.hardware._catalog` in the units their vendors quote; this module
turns them into exact integers (`GPU`). Every figure has its source in ``SOURCES.md`` beside
this file. How a vendor's "GB" is read is kept with each part (`GPU.memory_basis`): a
driver-reported total in MiB where one was found, otherwise the vendor's "GB" of a DRAM part
read as GiB (DRAM comes in binary sizes), as the file says for each part.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import Any

from llmsize.dtypes import DType, get_dtype
from llmsize.errors import LLMSizeError
from llmsize.hardware._catalog import ROWS
from llmsize.text import Text

__all__ = ["GPU", "PEAK_KEYS", "get_gpu", "gpu_ids", "gpus"]

PEAK_KEYS: tuple[str, ...] = ("bf16", "fp16", "fp8", "int8")
"""The dense peaks each part may have, in FLOP/s (operations per second for int8)."""

_UNITS = {"MiB": 2**20, "GiB": 2**30, "GB": 10**9}

_ALIASES = {
    "a100": "a100-80gb",
    "h100": "h100-sxm",
    "h100-80gb": "h100-sxm",
    "h200-141gb": "h200",
    "3090": "rtx-3090",
    "4080": "rtx-4080",
    "4090": "rtx-4090",
    "5080": "rtx-5080",
    "5090": "rtx-5090",
    "910b": "ascend-910b",
}


@dataclass(frozen=True)
class GPU:
    """One accelerator, its figures as exact integers.

    Attributes:
        id: Catalog key (``"h100-sxm"``).
        name: Display name in each language.
        vendor: ``"nvidia"``, ``"amd"``, ``"apple"``, ``"huawei"``, ``"intel"`` or ``"google"``.
        kind: ``"datacenter"``, ``"consumer"`` or ``"unified"`` (Apple's memory shared with the
            CPU).
        memory: Memory in bytes.
        memory_basis: How ``memory`` was read: ``"MiB"`` (a driver-reported total),
            ``"GiB"`` (the vendor's "GB" read as binary) or ``"GB"`` (decimal).
        memory_type: ``"HBM3"``, ``"GDDR6X"``...
        bandwidth: Memory bandwidth in bytes per second.
        peaks: Dense peaks by `PEAK_KEYS` key, in operations per second, ``None`` where absent.
        link: The interconnect between parts, in each language.
        note: A remark for the site, in each language, or ``None``.
        gpu_share: The part of ``memory`` the GPU may use: 1, or for Apple's unified memory
            the share macOS lets Metal wire by default (its ``recommendedMaxWorkingSetSize``).
    """

    id: str
    name: Text
    vendor: str
    kind: str
    memory: int
    memory_basis: str
    memory_type: str
    bandwidth: int
    peaks: dict[str, int | None]
    link: Text
    note: Text | None = None
    gpu_share: Fraction = Fraction(1)

    def peak(self, dtype: str | DType = "bf16") -> int:
        """The dense peak a matrix product over weights stored in ``dtype`` can reach at most.

        bf16, fp16, fp8 and int8 weights use their own tensor path where the part has one.
        Any other format (fp32, 4-bit and block formats, fp8 on a part without fp8) is
        dequantized before or inside the product, so the part's fastest path of all bounds it.

        Args:
            dtype: The weights' storage format.

        Returns:
            Operations per second.
        """
        name = get_dtype(dtype).name
        key = {"bf16": "bf16", "fp16": "fp16", "int8": "int8"}.get(name)
        if name.startswith("fp8"):
            key = "fp8"
        found = self.peaks.get(key) if key else None
        if found is None and key in ("bf16", "fp16"):
            found = self.peaks["fp16" if key == "bf16" else "bf16"]
        return found if found is not None else max(p for p in self.peaks.values() if p)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for JSON output."""
        return {
            "id": self.id,
            "name": dict(self.name),
            "vendor": self.vendor,
            "kind": self.kind,
            "memory_bytes": self.memory,
            "memory_basis": self.memory_basis,
            "memory_type": self.memory_type,
            "gpu_share": str(self.gpu_share),
            "bandwidth_bytes_per_s": self.bandwidth,
            "peak_ops_per_s": dict(self.peaks),
            "link": dict(self.link),
            "note": dict(self.note) if self.note else None,
        }


def _exact(text: str, scale: int) -> int:
    value = Decimal(text) * scale
    if value != value.to_integral_value():
        raise LLMSizeError(f"hardware figure {text!r} x {scale} is not a whole number")
    return int(value)


def _gpu(row: dict[str, Any]) -> GPU:
    amount, unit = row["memory"]
    note = row.get("note")
    return GPU(
        id=row["id"],
        name={"en": row["name"], "zh": row["zh"]},
        vendor=row["vendor"],
        kind=row["kind"],
        memory=_exact(amount, _UNITS[unit]),
        memory_basis=unit,
        memory_type=row["memory_type"],
        bandwidth=_exact(row["bandwidth"], 10**9),
        peaks={
            k: None if row["tflops"][k] is None else _exact(row["tflops"][k], 10**12)
            for k in PEAK_KEYS
        },
        link={"en": row["link"][0], "zh": row["link"][1]},
        note={"en": note[0], "zh": note[1]} if note else None,
        gpu_share=Fraction(row.get("gpu_share", "1")),
    )


@cache
def _all() -> dict[str, GPU]:
    return {row["id"]: _gpu(row) for row in ROWS}


def gpus() -> list[GPU]:
    """Every accelerator of the catalog, in display order."""
    return list(_all().values())


def gpu_ids() -> list[str]:
    """Catalog keys, in display order."""
    return list(_all())


def get_gpu(name: str | GPU) -> GPU:
    """Look an accelerator up by catalog key or a short alias (``"h100"``, ``"4090"``).

    Args:
        name: A key of `gpu_ids`, an alias, or a `GPU` (returned as is).

    Returns:
        The `GPU`.

    Raises:
        LLMSizeError: If the name is unknown.
    """
    if isinstance(name, GPU):
        return name
    key = name.strip().lower() if isinstance(name, str) else ""
    key = _ALIASES.get(key, key)
    found = _all().get(key)
    if found is None:
        raise LLMSizeError(f"gpu must be one of {', '.join(_all())}, got {name!r}")
    return found

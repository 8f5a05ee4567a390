"""What a checkpoint's files hold, summed from their safetensors headers: plain data out.

`measure` sums the tensors of `llmsize.safetensors` headers into what a reader wants to know:

* stored values in total and per dtype, and the bytes (tensor data, and files on disk);
* packed formats reported as what they are: MXFP4 (``*_blocks`` U8 tensors of 16 bytes per 32
  four-bit weights, with one U8 ``*_scales`` exponent per block, as gpt-oss stores its experts),
  fp8 matrices with their scale tensors (``weight_scale_inv``, ``weight_scale``,
  ``input_scale``), and other integer-packed tensors (GGUF-style U8, AWQ/GPTQ I32), whose
  weights depend on a format the header does not state;
* ``weights``: the values as weights: every stored value, MXFP4 blocks counted as the two
  weights each byte holds, scale tensors left out. This is the figure to set beside the
  architecture's stored count (`llmsize.count.Counts.stored`); ``values`` is the one to set
  beside the checkpoint count (scales included) and the Hub's "safetensors parameters";
* a breakdown by top-level module: language model, vision tower, projector, audio, MTP;
* the largest tensors.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from llmsize.safetensors import Header, Tensor

__all__ = ["GROUPS", "Group", "Measured", "Packed", "Share", "measure"]

GROUPS = ("language_model", "vision", "projector", "audio", "mtp")
"""The top-level parts of `Measured.groups`, in order."""

_FP8 = frozenset({"F8_E4M3", "F8_E5M2"})
_INTS = frozenset({"U8", "I8", "U16", "I16", "U32", "I32", "U64", "I64"})
_SCALE_SUFFIXES = ("_scale_inv", "_scales", "_scale")
_MTP_MARKERS = frozenset({"eh_proj", "enorm", "hnorm", "shared_head"})
_LAYER = re.compile(r"^(.*?\.layers\.\d+)\.")
_PARTS = re.compile(
    r"(?:^|\.)(?:(?P<mtp>mtp)|(?P<vision>vision\w*|visual|vit|image_\w+|patch_embed)"
    r"|(?P<projector>\w*projector\w*|mm_proj\w*)|(?P<audio>audio\w*|speech\w*))(?:\.|$)"
)
_LARGEST = 10
_NO_DIGITS = str.maketrans("", "", "0123456789")


@dataclass(frozen=True)
class Share:
    """Tensors, stored values and bytes of one dtype."""

    tensors: int
    values: int
    nbytes: int


@dataclass(frozen=True)
class Packed:
    """Tensors stored in a packed or scaled format, reported as what they are.

    Attributes:
        kind: ``"mxfp4"``, ``"fp8"`` or ``"int"`` (integer-packed, format not stated).
        tensors: The packed tensors (scales not included).
        values: Their stored values (bytes, for U8 blocks).
        weights: The weights they hold (two per MXFP4 byte; ``None`` for ``"int"``).
        scales: Values of their scale tensors.
        scale_tensors: How many scale tensors.
        nbytes: Bytes of the packed tensors and their scales.
    """

    kind: str
    tensors: int
    values: int
    weights: int | None
    scales: int
    scale_tensors: int
    nbytes: int


@dataclass(frozen=True)
class Group:
    """One top-level part of the checkpoint (`GROUPS`) and the name prefixes found in it."""

    key: str
    prefixes: tuple[str, ...]
    tensors: int
    values: int
    nbytes: int


@dataclass(frozen=True)
class Measured:
    """Everything `measure` finds; ``to_dict`` gives it as JSON-ready plain data.

    Attributes:
        files: How many files.
        tensors: How many tensors.
        values: Every stored value (the Hub's safetensors parameter figure).
        weights: ``values`` with MXFP4 blocks as weights and scale tensors left out.
        scales: Values of scale tensors.
        nbytes: Bytes of tensor data.
        file_bytes: Bytes on disk: tensor data plus headers.
        dtypes: `Share` per dtype, largest first.
        packed: `Packed` per packed kind found.
        groups: `Group` per top-level part found, in `GROUPS` order.
        largest: The largest tensors by bytes.
    """

    files: int
    tensors: int
    values: int
    weights: int
    scales: int
    nbytes: int
    file_bytes: int
    dtypes: dict[str, Share]
    packed: tuple[Packed, ...]
    groups: tuple[Group, ...]
    largest: tuple[Tensor, ...]

    def to_dict(self) -> dict[str, Any]:
        """The figures as plain data (ints, strings and lists); ``nbytes`` written ``bytes``."""
        return {
            "files": self.files,
            "tensors": self.tensors,
            "values": self.values,
            "weights": self.weights,
            "scales": self.scales,
            "bytes": self.nbytes,
            "file_bytes": self.file_bytes,
            "dtypes": {k: _plain(s) for k, s in self.dtypes.items()},
            "packed": [_plain(p) for p in self.packed],
            "groups": [_plain(g) for g in self.groups],
            "largest": [
                {"name": t.name, "dtype": t.dtype, "shape": list(t.shape), "bytes": t.nbytes}
                for t in self.largest
            ],
        }


def _plain(item: Share | Packed | Group) -> dict[str, Any]:
    """A row as JSON: ``nbytes`` written ``bytes``, tuples as lists."""
    out = {("bytes" if k == "nbytes" else k): v for k, v in vars(item).items()}
    return {k: list(v) if isinstance(v, tuple) else v for k, v in out.items()}


def _scale_base(name: str) -> str | None:
    """``x.weight`` for ``x.weight_scale_inv``/``x.input_scale``, ``x_blocks`` for ``x_scales``."""
    if name.endswith(".input_scale"):
        return name[: -len("input_scale")] + "weight"
    for suffix in _SCALE_SUFFIXES:
        if name.endswith(suffix):
            base = name[: -len(suffix)]
            return base + "_blocks" if suffix == "_scales" else base
    return None


def _kind(t: Tensor) -> str | None:
    """The packed kind of a tensor, if it is one."""
    if t.dtype == "U8" and t.name.endswith("_blocks") and t.shape[-1:] == (16,):
        return "mxfp4"
    if t.dtype in _FP8:
        return "fp8"
    if t.dtype in _INTS:
        return "int"
    return None


def _packed(tensors: Sequence[Tensor]) -> tuple[tuple[Packed, ...], set[str]]:
    """The packed kinds and the names of the scale tensors that belong to packed tensors."""
    kinds = {t.name: k for t in tensors if (k := _kind(t)) is not None}
    scales: dict[str, list[Tensor]] = {}
    for t in tensors:
        base = _scale_base(t.name)
        if base is not None and base in kinds:
            scales.setdefault(kinds[base], []).append(t)
    scale_names = {t.name for ts in scales.values() for t in ts}
    own: dict[str, list[Tensor]] = {}
    for t in tensors:
        kind = kinds.get(t.name)
        if kind is not None and t.name not in scale_names:
            own.setdefault(kind, []).append(t)
    out = []
    for kind in ("mxfp4", "fp8", "int"):
        if kind not in own:
            continue
        values = sum(t.values for t in own[kind])
        sc = scales.get(kind, [])
        weights = 2 * values if kind == "mxfp4" else values if kind == "fp8" else None
        nbytes = sum(t.nbytes for t in own[kind]) + sum(t.nbytes for t in sc)
        scale_values = sum(t.values for t in sc)
        out.append(Packed(kind, len(own[kind]), values, weights, scale_values, len(sc), nbytes))
    return tuple(out), scale_names


def _mtp_layers(tensors: Iterable[Tensor]) -> set[str]:
    """``model.layers.N`` prefixes holding a multi-token-prediction module (DeepSeek-V3's)."""
    out = set()
    for t in tensors:
        if not any(marker in t.name for marker in _MTP_MARKERS):
            continue
        m = _LAYER.match(t.name)
        if m and _MTP_MARKERS & set(t.name[m.end() :].split(".")):
            out.add(m.group(1))
    return out


def _part(name: str) -> str:
    found = _PARTS.search(name)
    return (found.lastgroup or "language_model") if found else "language_model"


def _prefix(name: str) -> str:
    """The top-level module: up to two name parts before a layer number, the leaf left out."""
    parts = name.split(".")[:-1] or [name]
    head = []
    for part in parts:
        if part.isdigit():
            break
        head.append(part)
    return ".".join(head[:2]) or parts[0]


def _groups(tensors: Sequence[Tensor]) -> tuple[Group, ...]:
    mtp = tuple(prefix + "." for prefix in _mtp_layers(tensors))
    parts: dict[str, list[Tensor]] = {}
    prefixes: dict[str, set[str]] = {}
    known: dict[str, tuple[str, str]] = {}  # name without digits: (part, prefix)
    for t in tensors:
        key = t.name.translate(_NO_DIGITS)
        if key not in known:
            known[key] = _part(t.name), _prefix(t.name)
        part, prefix = known[key]
        if mtp and t.name.startswith(mtp):
            part = "mtp"
        parts.setdefault(part, []).append(t)
        prefixes.setdefault(part, set()).add(prefix)
    out = []
    for key in GROUPS:
        own = parts.get(key, [])
        if own:
            values, nbytes = sum(t.values for t in own), sum(t.nbytes for t in own)
            out.append(Group(key, tuple(sorted(prefixes[key])), len(own), values, nbytes))
    return tuple(out)


def _size(t: Tensor) -> int:
    return t.nbytes


def _size_name(t: Tensor) -> tuple[int, str]:
    return -t.nbytes, t.name


def measure(headers: Sequence[Header]) -> Measured:
    """Sum the headers of one checkpoint (one file, or every shard).

    Args:
        headers: From `llmsize.safetensors.read_path` (or the Hub, or the browser).

    Returns:
        A `Measured`.
    """
    tensors = [t for h in headers for t in h.tensors]
    dtypes: dict[str, list[int]] = {}
    for t in tensors:
        row = dtypes.setdefault(t.dtype, [0, 0, 0])
        row[0], row[1], row[2] = row[0] + 1, row[1] + t.values, row[2] + t.nbytes
    packed, scale_names = _packed(tensors)
    values = sum(t.values for t in tensors)
    scales = sum(t.values for t in tensors if t.name in scale_names)
    mxfp4 = sum(p.values for p in packed if p.kind == "mxfp4")
    ordered = sorted(dtypes.items(), key=lambda kv: (-kv[1][2], kv[0]))
    return Measured(
        files=len(headers),
        tensors=len(tensors),
        values=values,
        weights=values - scales + mxfp4,
        scales=scales,
        nbytes=sum(h.data_bytes for h in headers),
        file_bytes=sum(h.file_bytes for h in headers),
        dtypes={k: Share(*row) for k, row in ordered},
        packed=packed,
        groups=_groups(tensors),
        largest=tuple(sorted(heapq.nlargest(_LARGEST, tensors, key=_size), key=_size_name)),
    )

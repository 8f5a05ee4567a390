"""Read a GGUF file's header: its tensors and their quantization types, never a weight.

A GGUF file (llama.cpp's format) opens with ``GGUF``, a version (2 or 3), the tensor and
key-value counts, the key-value pairs (the tokenizer's vocabulary among them), then one entry per
tensor: name, shape, ggml type and data offset. This reader walks that header with the standard
library only, skipping over the values it does not need, so it runs under Pyodide too and never
touches the data. The `gguf` package llama.cpp publishes has a full reader, but it maps the whole
file with numpy; it serves the tests here as the writer and as the oracle for `GGML_TYPES`.

Values per tensor are the product of its shape; bytes are ``values / block * block_bytes`` of
its ggml type (Q4_K: 144 bytes per 256 weights).
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from llmsize.errors import LLMSizeError

__all__ = [
    "GGML_TYPES",
    "HEADER_LIMIT",
    "GGUFHeader",
    "GGUFTensor",
    "parse",
    "read_file",
    "summary",
]

GGML_TYPES: dict[int, tuple[str, int, int]] = {
    0: ("F32", 1, 4),
    1: ("F16", 1, 2),
    2: ("Q4_0", 32, 18),
    3: ("Q4_1", 32, 20),
    6: ("Q5_0", 32, 22),
    7: ("Q5_1", 32, 24),
    8: ("Q8_0", 32, 34),
    9: ("Q8_1", 32, 40),
    10: ("Q2_K", 256, 84),
    11: ("Q3_K", 256, 110),
    12: ("Q4_K", 256, 144),
    13: ("Q5_K", 256, 176),
    14: ("Q6_K", 256, 210),
    15: ("Q8_K", 256, 292),
    16: ("IQ2_XXS", 256, 66),
    17: ("IQ2_XS", 256, 74),
    18: ("IQ3_XXS", 256, 98),
    19: ("IQ1_S", 256, 50),
    20: ("IQ4_NL", 32, 18),
    21: ("IQ3_S", 256, 110),
    22: ("IQ2_S", 256, 82),
    23: ("IQ4_XS", 256, 136),
    24: ("I8", 1, 1),
    25: ("I16", 1, 2),
    26: ("I32", 1, 4),
    27: ("I64", 1, 8),
    28: ("F64", 1, 8),
    29: ("IQ1_M", 256, 56),
    30: ("BF16", 1, 2),
    34: ("TQ1_0", 256, 54),
    35: ("TQ2_0", 256, 66),
    39: ("MXFP4", 32, 17),
    40: ("NVFP4", 64, 36),
    41: ("Q1_0", 128, 18),
}
"""ggml type id: (name, values per block, bytes per block), as ggml's ``ggml_type_traits``."""

HEADER_LIMIT = 256 << 20
"""The most header bytes read (a large vocabulary takes a few megabytes)."""

_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q"}
_SCALARS |= {11: "<q", 12: "<d"}
_STRING, _ARRAY = 8, 9
_DEPTH = 8


@dataclass(frozen=True)
class GGUFTensor:
    """One tensor: name, shape (ggml's order, fastest first), type name, values and bytes."""

    name: str
    shape: tuple[int, ...]
    type: str
    values: int
    nbytes: int


@dataclass(frozen=True)
class GGUFHeader:
    """A GGUF header: version, architecture (``general.architecture``), tensors, header bytes."""

    file: str
    version: int
    architecture: str
    tensors: tuple[GGUFTensor, ...]
    header_bytes: int


class _Cursor:
    """Reads little-endian fields from a stream, counting bytes against `HEADER_LIMIT`."""

    def __init__(self, stream: BinaryIO, where: str) -> None:
        self.stream, self.where, self.pos = stream, where, 0

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > HEADER_LIMIT:
            raise LLMSizeError(f"{self.where}: GGUF header larger than {HEADER_LIMIT} bytes")
        data = self.stream.read(n)
        if len(data) != n:
            raise LLMSizeError(f"{self.where}: truncated GGUF header (at byte {self.pos})")
        self.pos += n
        return data

    def unpack(self, form: str) -> Any:
        return struct.unpack(form, self.take(struct.calcsize(form)))[0]

    def string(self) -> str:
        try:
            return self.take(self.unpack("<Q")).decode("utf-8")
        except UnicodeDecodeError:
            raise LLMSizeError(
                f"{self.where}: malformed GGUF header (a name is not UTF-8)"
            ) from None


def _value(cur: _Cursor, kind: int, depth: int = 0) -> object:
    """One key-value's value; arrays are skipped (their items are not needed) but read past."""
    if kind in _SCALARS:
        return cur.unpack(_SCALARS[kind])
    if kind == _STRING:
        return cur.string()
    if kind == _ARRAY and depth < _DEPTH:
        item, n = cur.unpack("<I"), cur.unpack("<Q")
        if item in _SCALARS:
            cur.take(n * struct.calcsize(_SCALARS[item]))
        else:
            for _ in range(n):
                _value(cur, item, depth + 1)
        return None
    raise LLMSizeError(f"{cur.where}: malformed GGUF header (value type {kind})")


def _tensor(cur: _Cursor) -> GGUFTensor:
    name = cur.string()
    dims = cur.unpack("<I")
    if dims > 8:
        raise LLMSizeError(f"{cur.where}: tensor {name!r} has {dims} dimensions (at most 8)")
    shape = tuple(cur.unpack("<Q") for _ in range(dims))
    type_id = cur.unpack("<I")
    cur.unpack("<Q")  # data offset
    if type_id not in GGML_TYPES:
        raise LLMSizeError(f"{cur.where}: tensor {name!r} has an unknown ggml type {type_id}")
    type_name, block, block_bytes = GGML_TYPES[type_id]
    values = 1
    for d in shape:
        values *= d
    if shape and shape[0] % block:
        raise LLMSizeError(
            f"{cur.where}: tensor {name!r} rows of {shape[0]} are not {type_name} blocks"
        )
    return GGUFTensor(name, shape, type_name, values, values // block * block_bytes)


def parse(stream: BinaryIO, where: str) -> GGUFHeader:
    """Read a GGUF header from a binary stream (a file, or the first bytes in a `io.BytesIO`).

    Raises:
        LLMSizeError: Not GGUF, an unsupported version, a truncated or malformed header.
    """
    cur = _Cursor(stream, where)
    if cur.take(4) != b"GGUF":
        raise LLMSizeError(f"{where}: not a GGUF file (no 'GGUF' magic)")
    version = cur.unpack("<I")
    if version not in (2, 3):
        raise LLMSizeError(f"{where}: GGUF version {version} is not supported (2 or 3)")
    n_tensors, n_kv = cur.unpack("<Q"), cur.unpack("<Q")
    architecture = ""
    for _ in range(n_kv):
        key = cur.string()
        value = _value(cur, cur.unpack("<I"))
        if key == "general.architecture" and isinstance(value, str):
            architecture = value
    tensors = tuple(_tensor(cur) for _ in range(n_tensors))
    return GGUFHeader(where, version, architecture, tensors, cur.pos)


def read_file(path: str | Path) -> GGUFHeader:
    """Read a ``.gguf`` file's header.

    Raises:
        LLMSizeError: The file cannot be read or its header is bad.
    """
    try:
        with open(path, "rb") as f:
            return parse(f, str(path))
    except OSError as err:
        raise LLMSizeError(f"{path}: cannot read file ({err.strerror or err})") from None


def parse_bytes(data: bytes, where: str) -> GGUFHeader:
    """`parse` over the first bytes of a file (as the browser slices them)."""
    return parse(io.BytesIO(data), where)


def summary(header: GGUFHeader) -> dict[str, Any]:
    """Plain data: tensors, values and bytes in total and per ggml type (largest first)."""
    types: dict[str, list[int]] = {}
    for t in header.tensors:
        row = types.setdefault(t.type, [0, 0, 0])
        row[0], row[1], row[2] = row[0] + 1, row[1] + t.values, row[2] + t.nbytes
    ordered = sorted(types.items(), key=lambda kv: (-kv[1][2], kv[0]))
    return {
        "file": header.file,
        "version": header.version,
        "architecture": header.architecture,
        "tensors": len(header.tensors),
        "values": sum(t.values for t in header.tensors),
        "bytes": sum(t.nbytes for t in header.tensors),
        "header_bytes": header.header_bytes,
        "types": {k: {"tensors": a, "values": b, "bytes": c} for k, (a, b, c) in ordered},
    }

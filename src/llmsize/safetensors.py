"""Read safetensors headers: every tensor's name, dtype and shape, never a weight.

A ``.safetensors`` file begins with an 8-byte little-endian length ``N``, then ``N`` bytes of
JSON: ``{"name": {"dtype": "BF16", "shape": [..], "data_offsets": [begin, end]}, ...}`` with an
optional ``"__metadata__"`` map of strings; the tensors' bytes follow. This module reads only the
first ``8 + N`` bytes of each file, with the standard library alone (so it also runs under
Pyodide in the browser), and checks the header the way the safetensors library does: known
dtypes, byte spans that match the shapes, spans that tile the data without gap or overlap, and a
data section that ends where the file ends. A length above `HEADER_LIMIT` is refused before
anything is read. Anything wrong is one `LLMSizeError` line that names the file.

A folder is read through ``model.safetensors.index.json`` when it has one (only the files it
names, each tensor checked to be where the index says), else every ``*.safetensors`` file in it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from llmsize.errors import LLMSizeError

__all__ = [
    "DTYPE_BITS",
    "HEADER_LIMIT",
    "INDEX_NAME",
    "Header",
    "Tensor",
    "header_length",
    "parse_header",
    "parse_index",
    "read_file",
    "read_path",
]

HEADER_LIMIT = 100_000_000
"""The largest header accepted, in bytes: the safetensors library's own limit (100 MB)."""

INDEX_NAME = "model.safetensors.index.json"
"""The file that maps each tensor of a sharded checkpoint to its shard."""

DTYPE_BITS: dict[str, int] = {
    "BOOL": 8,
    "F4": 4,
    "F6_E2M3": 6,
    "F6_E3M2": 6,
    "U8": 8,
    "I8": 8,
    "F8_E5M2": 8,
    "F8_E4M3": 8,
    "F8_E8M0": 8,
    "I16": 16,
    "U16": 16,
    "F16": 16,
    "BF16": 16,
    "I32": 32,
    "U32": 32,
    "F32": 32,
    "C64": 64,
    "F64": 64,
    "I64": 64,
    "U64": 64,
}
"""Bits per value of every dtype the safetensors format defines."""

_VALUE_LIMIT = 1 << 64
"""A tensor holding more values than this is a lying header (and not worth multiplying out)."""
_INDEX_LIMIT = 256 << 20
_KEYS = frozenset({"dtype", "shape", "data_offsets"})


class Tensor(NamedTuple):
    """One tensor as its header describes it (a named tuple: a checkpoint has ~10**5 of them).

    Attributes:
        name: The tensor's name (``model.layers.0.mlp.up_proj.weight``).
        dtype: The safetensors dtype (``BF16``, ``F8_E4M3``, ``U8``...).
        shape: Its shape.
        values: The product of the shape: the values stored (bytes for ``U8``).
        nbytes: Its bytes in the file.
        file: The file that holds it.
    """

    name: str
    dtype: str
    shape: tuple[int, ...]
    values: int
    nbytes: int
    file: str


@dataclass(frozen=True)
class Header:
    """One file's header.

    Attributes:
        file: The file's name.
        header_bytes: The header's bytes, its 8-byte length included.
        data_bytes: The bytes of the tensors that follow it.
        tensors: Its tensors, in the order of their data.
        metadata: The ``__metadata__`` map (empty if none).
    """

    file: str
    header_bytes: int
    data_bytes: int
    tensors: tuple[Tensor, ...]
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def file_bytes(self) -> int:
        """The file's size: header and data."""
        return self.header_bytes + self.data_bytes


def header_length(prefix: bytes, where: str, file_size: int | None = None) -> int:
    """The JSON header's length from a file's first 8 bytes, checked before anything is read.

    Args:
        prefix: At least the first 8 bytes of the file.
        where: How messages name the file.
        file_size: The file's size, when known.

    Returns:
        ``N``, the number of JSON bytes after the first 8.

    Raises:
        LLMSizeError: Fewer than 8 bytes, a length under 2, over `HEADER_LIMIT`, or past the
            end of the file.
    """
    if len(prefix) < 8:
        raise LLMSizeError(f"{where}: not a safetensors file (shorter than 8 bytes)")
    n = int.from_bytes(prefix[:8], "little")
    if n < 2:
        raise LLMSizeError(f"{where}: not a safetensors file (header length {n})")
    if n > HEADER_LIMIT:
        raise LLMSizeError(
            f"{where}: not a safetensors file (header length {n} bytes, more than the"
            f" {HEADER_LIMIT} safetensors allows); nothing was read"
        )
    if file_size is not None and 8 + n > file_size:
        raise LLMSizeError(
            f"{where}: truncated safetensors file (header of {n} bytes, file of {file_size})"
        )
    return n


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        twice = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        raise ValueError(f"tensor {twice!r} appears twice")
    return out


def _json(data: bytes, where: str) -> object:
    """The header's JSON; any malformation is one line."""
    try:
        return json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except UnicodeDecodeError:
        raise LLMSizeError(f"{where}: malformed safetensors header (not UTF-8)") from None
    except RecursionError:
        raise LLMSizeError(f"{where}: malformed safetensors header (nested too deeply)") from None
    except ValueError as err:
        reason = " ".join(str(err).split())[:160]
        raise LLMSizeError(f"{where}: malformed safetensors header ({reason})") from None


def _int(value: object) -> bool:
    return type(value) is int and value >= 0  # not a bool


def _tensor(name: str, entry: object, where: str) -> tuple[Tensor, int]:
    """One header entry as a `Tensor`, with its begin offset; checked like safetensors does."""
    bad = f"{where}: tensor {name!r}"
    if type(entry) is not dict or len(entry) != 3 or not _KEYS.issuperset(entry):
        raise LLMSizeError(f"{bad} must have exactly 'dtype', 'shape' and 'data_offsets'")
    dtype, shape, offsets = entry["dtype"], entry["shape"], entry["data_offsets"]
    if not isinstance(dtype, str) or dtype not in DTYPE_BITS:
        raise LLMSizeError(f"{bad} has an unknown dtype {dtype!r}")
    if type(shape) is not list:
        raise LLMSizeError(f"{bad}: shape must be a list of non-negative integers, got {shape!r}")
    values = 1
    for d in shape:
        if not _int(d):
            raise LLMSizeError(
                f"{bad}: shape must be a list of non-negative integers, got {shape!r}"
            )
        values *= d
        if values > _VALUE_LIMIT:
            raise LLMSizeError(f"{bad}: shape {shape} holds more than 2**64 values")
    if not (type(offsets) is list and len(offsets) == 2 and _int(offsets[0]) and _int(offsets[1])):
        raise LLMSizeError(f"{bad}: data_offsets must be two non-negative integers")
    begin, end = offsets
    if begin > end:
        raise LLMSizeError(f"{bad}: data_offsets [{begin}, {end}] run backwards")
    bits = values * DTYPE_BITS[dtype]
    if bits % 8 or bits // 8 != end - begin:
        raise LLMSizeError(
            f"{bad}: shape {shape} of {dtype} takes {bits / 8:g} bytes, but data_offsets"
            f" span {end - begin}"
        )
    return Tensor(name, dtype, tuple(shape), values, end - begin, where), begin


def _metadata(value: object, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise LLMSizeError(f"{where}: '__metadata__' must map names to strings")
    return dict(value)


def parse_header(
    data: bytes, where: str, file_size: int | None = None, length: int | None = None
) -> Header:
    """Parse a safetensors header.

    Args:
        data: The file's first bytes: the 8-byte length and the JSON (more is ignored), or the
            JSON alone when ``length`` is given.
        where: The file's name, for the header and for messages.
        file_size: The file's size, when known: the data must end exactly there.
        length: The JSON's length when ``data`` starts at the JSON (already read by
            `header_length`).

    Returns:
        The `Header`.

    Raises:
        LLMSizeError: One line naming ``where``: truncated, malformed JSON, unknown dtype, a
            shape that does not match its byte span, spans with a gap or an overlap, data that
            does not end where the file does.
    """
    if length is None:
        length = header_length(data, where, file_size)
        data = data[8:]
    if len(data) < length:
        raise LLMSizeError(f"{where}: truncated safetensors header ({len(data)} of {length} bytes)")
    top = _json(data[:length], where)
    if not isinstance(top, dict):
        raise LLMSizeError(f"{where}: malformed safetensors header (not a JSON object)")
    metadata = _metadata(top.pop("__metadata__"), where) if "__metadata__" in top else {}
    spans = sorted((_tensor(name, entry, where) for name, entry in top.items()), key=_order)
    end = 0
    for tensor, begin in spans:
        if begin != end:
            kind = "overlaps the tensor before it" if begin < end else "leaves a gap before it"
            raise LLMSizeError(f"{where}: tensor {tensor.name!r} {kind} (byte {begin}, not {end})")
        end += tensor.nbytes
    if file_size is not None and 8 + length + end != file_size:
        raise LLMSizeError(
            f"{where}: the header says the data ends at byte {8 + length + end}, but the file"
            f" has {file_size} bytes (truncated or not a safetensors file)"
        )
    tensors = tuple(t for t, _ in spans)
    return Header(where, 8 + length, end, tensors, metadata)


def _order(item: tuple[Tensor, int]) -> tuple[int, int]:
    return item[1], item[0].nbytes


def read_file(path: str | Path, name: str | None = None) -> Header:
    """Read one file's header: its first ``8 + N`` bytes, nothing more.

    Args:
        path: A ``.safetensors`` file.
        name: How to name the file (its path by default).

    Raises:
        LLMSizeError: The file cannot be read, or its header is bad (see `parse_header`).
    """
    where = name or str(path)
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            n = header_length(f.read(8), where, size)
            data = f.read(n)
    except OSError as err:
        raise LLMSizeError(f"{where}: cannot read file ({err.strerror or err})") from None
    return parse_header(data, where, size, length=n)


def parse_index(text: bytes | str, where: str) -> dict[str, str]:
    """The ``weight_map`` of a ``model.safetensors.index.json``: tensor name to file name.

    Raises:
        LLMSizeError: Malformed JSON, no ``weight_map`` object, or a file name that is not a
            plain ``.safetensors`` name in the same folder.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    index = _json(data, where)
    weight_map = index.get("weight_map") if isinstance(index, dict) else None
    if not isinstance(weight_map, dict) or not weight_map:
        raise LLMSizeError(f"{where}: key 'weight_map' must map tensor names to file names")
    for file in set(weight_map.values()):
        plain = isinstance(file, str) and file == Path(file).name and file not in ("", ".", "..")
        if not plain or not str(file).endswith(".safetensors"):
            raise LLMSizeError(f"{where}: weight_map names {file!r}, not a .safetensors file")
    return weight_map


def check_index(weight_map: dict[str, str], headers: list[Header], where: str) -> None:
    """Every tensor of the index is in the file it names.

    Raises:
        LLMSizeError: Naming the first tensor that is not where the index says.
    """
    held = {(t.name, Path(h.file).name) for h in headers for t in h.tensors}
    for name, file in weight_map.items():
        if (name, file) not in held:
            raise LLMSizeError(f"{where}: tensor {name!r} is not in {file}, as the index says")


def _folder_files(folder: Path) -> tuple[list[Path], dict[str, str] | None]:
    index = folder / INDEX_NAME
    if index.is_file():
        if index.stat().st_size > _INDEX_LIMIT:
            raise LLMSizeError(f"{index}: index larger than {_INDEX_LIMIT} bytes")
        weight_map = parse_index(index.read_bytes(), str(index))
        return [folder / f for f in sorted(set(weight_map.values()))], weight_map
    files = sorted(p for p in folder.glob("*.safetensors") if p.is_file())
    if not files:
        raise LLMSizeError(f"{folder}: no *.safetensors file and no {INDEX_NAME}")
    return files, None


def read_path(path: str | Path) -> list[Header]:
    """The headers of a ``.safetensors`` file, or of every shard of a folder.

    Args:
        path: A file, or a folder with ``model.safetensors.index.json`` or ``*.safetensors``.

    Returns:
        One `Header` per file, in file-name order.

    Raises:
        LLMSizeError: A missing file, a bad header, or an index that does not match the files.
    """
    p = Path(path)
    if not p.is_dir():
        if not p.is_file():
            raise LLMSizeError(f"{path}: no such file or folder")
        return [read_file(p)]
    files, weight_map = _folder_files(p)
    headers = [read_file(f) for f in files]
    if weight_map is not None:
        check_index(weight_map, headers, str(p / INDEX_NAME))
    return headers

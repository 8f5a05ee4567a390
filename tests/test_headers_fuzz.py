"""Fuzzed safetensors and GGUF headers end in llmsize's own one-line error, never a traceback.

Random bytes, truncated JSON, negative or overflowing offsets, shapes whose product does not
match the byte span, lying lengths: each either parses into a consistent header or raises
`LLMSizeError`; and a header that claims a huge length is refused before it is read.
"""

from __future__ import annotations

import json
import struct
import tracemalloc
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as s

from llmsize import gguf
from llmsize.errors import LLMSizeError
from llmsize.safetensors import DTYPE_BITS, Header, parse_header, read_file

FUZZ = settings(max_examples=200, deadline=None)


def outcome(data: bytes, file_size: int | None = None) -> Header | None:
    try:
        header = parse_header(data, "fuzz.safetensors", file_size)
    except LLMSizeError as err:
        message = str(err)
        assert message.startswith("fuzz.safetensors") and "\n" not in message
        return None
    # Whatever parses is consistent: spans tile the data and match their shapes.
    assert sum(t.nbytes for t in header.tensors) == header.data_bytes
    for t in header.tensors:
        assert t.values * DTYPE_BITS[t.dtype] == 8 * t.nbytes
    return header


def framed(text: bytes, claim: int | None = None) -> bytes:
    return (len(text) if claim is None else claim).to_bytes(8, "little") + text


@FUZZ
@given(s.binary(max_size=256))
def test_random_bytes(data: bytes) -> None:
    outcome(data)
    outcome(framed(data))


integers = s.one_of(
    s.integers(min_value=-(2**70), max_value=2**70),
    s.integers(min_value=0, max_value=64),
    s.sampled_from([0, 1, 2**63 - 1, 2**63, 2**64, -1]),
)
entries = s.fixed_dictionaries(
    {
        "dtype": s.one_of(s.sampled_from(sorted(DTYPE_BITS)), s.text(max_size=6)),
        "shape": s.one_of(s.lists(integers, max_size=5), integers, s.none()),
        "data_offsets": s.one_of(s.lists(integers, min_size=0, max_size=3), s.text(max_size=3)),
    },
    optional={"extra": s.integers()},
)


@FUZZ
@given(
    s.dictionaries(s.text(max_size=8), entries, max_size=6),
    s.one_of(s.none(), s.integers(min_value=0, max_value=2**64 - 1)),
    s.one_of(s.none(), s.integers(min_value=0, max_value=400)),
    s.booleans(),
)
def test_structured_headers(
    tensors: dict[str, object], claim: int | None, cut: int | None, metadata: bool
) -> None:
    top: dict[str, object] = dict(tensors)
    if metadata:
        top["__metadata__"] = {"format": "pt"} if cut is None else [cut]
    text = json.dumps(top).encode()
    data = framed(text, claim)
    if cut is not None:
        data = data[:cut]
    outcome(data)
    outcome(data, file_size=len(data))


@FUZZ
@given(s.lists(s.integers(min_value=0, max_value=2**20), min_size=1, max_size=4), s.integers(0, 99))
def test_spans_must_match_shapes(shape: list[int], shift: int) -> None:
    values = 1
    for d in shape:
        values *= d
    span = 2 * values + shift
    text = json.dumps({"w": {"dtype": "BF16", "shape": shape, "data_offsets": [0, span]}})
    header = outcome(framed(text.encode()))
    assert (header is not None) == (shift == 0 and values <= 2**64)


def test_lying_length_allocates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "lie.safetensors"
    path.write_bytes(framed(b"{}", claim=99_000_000))  # under the limit, past the end
    tracemalloc.start()
    try:
        read_file(path)
    except LLMSizeError as err:
        assert "truncated" in str(err) and str(path) in str(err)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 1 << 20


def gguf_bytes(n_tensors: int, n_kv: int, body: bytes) -> bytes:
    return b"GGUF" + struct.pack("<IQQ", 3, n_tensors, n_kv) + body


@FUZZ
@given(
    s.integers(0, 2**64 - 1) | s.integers(0, 4),
    s.integers(0, 2**64 - 1) | s.integers(0, 4),
    s.binary(max_size=300),
)
def test_gguf_fuzz(n_tensors: int, n_kv: int, body: bytes) -> None:
    for data in (gguf_bytes(n_tensors, n_kv, body), body):
        try:
            gguf.parse_bytes(data, "fuzz.gguf")
        except LLMSizeError as err:
            assert str(err).startswith("fuzz.gguf") and "\n" not in str(err)

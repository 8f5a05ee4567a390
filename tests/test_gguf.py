"""GGUF headers: files written by llama.cpp's ``gguf`` package, read back by llmsize.gguf.

The ``gguf`` package is the oracle twice: its writer makes the files (quantized with its own
``quants.quantize``), and its ``GGML_QUANT_SIZES`` table is what `llmsize.gguf.GGML_TYPES`
must equal. Its own reader (``GGUFReader``) gives the tensor bytes to compare with.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from llmsize import gguf as ours
from llmsize.cli import main
from llmsize.errors import LLMSizeError

gguf = pytest.importorskip("gguf")
np = pytest.importorskip("numpy")

Q = gguf.GGMLQuantizationType


def test_type_table_is_ggmls() -> None:
    theirs = {t.value: (t.name, *GGML) for t, GGML in gguf.GGML_QUANT_SIZES.items()}
    assert {k: v for k, v in theirs.items() if k in ours.GGML_TYPES} == ours.GGML_TYPES
    assert set(ours.GGML_TYPES) <= set(theirs)


def write(path: Path) -> dict[str, tuple[str, int]]:
    """A small GGUF with a vocabulary, f32/f16 tensors and Q8_0/Q4_0 tensors; name -> (type, n)."""
    writer = gguf.GGUFWriter(path, "llama")
    writer.add_block_count(1)
    writer.add_token_list([f"tok{i}" for i in range(300)])
    writer.add_token_scores([0.0] * 300)
    rng = np.random.default_rng(0)
    plan = {
        "token_embd.weight": (Q.F16, (300, 64)),
        "blk.0.attn_norm.weight": (Q.F32, (64,)),
        "blk.0.attn_q.weight": (Q.Q8_0, (64, 64)),
        "blk.0.ffn_up.weight": (Q.Q4_0, (128, 64)),
    }
    out = {}
    for name, (qtype, shape) in plan.items():
        data = rng.standard_normal(shape, dtype=np.float32)
        if qtype == Q.F16:
            writer.add_tensor(name, data.astype(np.float16))
        elif qtype == Q.F32:
            writer.add_tensor(name, data)
        else:
            packed = gguf.quants.quantize(data, qtype)
            writer.add_tensor(name, packed, raw_shape=packed.shape, raw_dtype=qtype)
        out[name] = (qtype.name, int(np.prod(shape)))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return out


def test_read_matches_writer_and_reader(tmp_path: Path) -> None:
    path = tmp_path / "tiny.gguf"
    plan = write(path)
    header = ours.read_file(path)
    assert header.architecture == "llama" and header.version == 3
    assert {t.name: (t.type, t.values) for t in header.tensors} == plan
    theirs = {t.name: int(t.n_bytes) for t in gguf.GGUFReader(path).tensors}
    assert {t.name: t.nbytes for t in header.tensors} == theirs
    data = ours.summary(header)
    assert data["types"]["Q4_0"] == {"tensors": 1, "values": 128 * 64, "bytes": 128 * 64 // 32 * 18}
    assert data["bytes"] == sum(theirs.values())


def test_cli_gguf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "tiny.gguf"
    write(path)
    assert main(["count", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["gguf"]
    assert data["tensors"] == 4 and set(data["types"]) == {"F16", "F32", "Q8_0", "Q4_0"}
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(SystemExit):
        main(["count", str(path)])
    assert "truncated GGUF header" in capsys.readouterr().err


def test_not_gguf(tmp_path: Path) -> None:
    path = tmp_path / "x.gguf"
    path.write_bytes(b"GGML" + bytes(20))
    with pytest.raises(LLMSizeError, match="no 'GGUF' magic"):
        ours.read_file(path)

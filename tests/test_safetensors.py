"""Safetensors headers: real files written by the safetensors package, read back header-only.

Covers bf16, fp8 with scale tensors, U8-packed MXFP4 blocks, a sharded folder with and without
its index, the cross-check against a config beside the files, the CLI, and bad files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from llmsize.cli import main
from llmsize.crosscheck import cross_check
from llmsize.errors import LLMSizeError
from llmsize.headers import measure
from llmsize.hfconfig import from_dict
from llmsize.safetensors import HEADER_LIMIT, parse_header, read_file, read_path

torch = pytest.importorskip("torch")
st = pytest.importorskip("safetensors.torch")

TINY = {
    "model_type": "llama",
    "hidden_size": 64,
    "intermediate_size": 128,
    "num_hidden_layers": 2,
    "num_attention_heads": 4,
    "num_key_value_heads": 2,
    "vocab_size": 100,
    "tie_word_embeddings": False,
}


def llama_tensors(config: dict[str, object], dtype: object) -> dict[str, object]:
    """The state dict transformers' LlamaForCausalLM saves, with zeros of ``dtype``."""
    d, f, v = (
        int(config["hidden_size"]),
        int(config["intermediate_size"]),
        int(config["vocab_size"]),
    )  # type: ignore[call-overload]
    kv = int(config["num_key_value_heads"]) * d // int(config["num_attention_heads"])  # type: ignore[call-overload]
    out = {"model.embed_tokens.weight": (v, d), "model.norm.weight": (d,), "lm_head.weight": (v, d)}
    for i in range(int(config["num_hidden_layers"])):  # type: ignore[call-overload]
        p = f"model.layers.{i}."
        out |= {
            p + "self_attn.q_proj.weight": (d, d),
            p + "self_attn.k_proj.weight": (kv, d),
            p + "self_attn.v_proj.weight": (kv, d),
            p + "self_attn.o_proj.weight": (d, d),
            p + "mlp.gate_proj.weight": (f, d),
            p + "mlp.up_proj.weight": (f, d),
            p + "mlp.down_proj.weight": (d, f),
            p + "input_layernorm.weight": (d,),
            p + "post_attention_layernorm.weight": (d,),
        }
    return {k: torch.zeros(s, dtype=dtype) for k, s in out.items()}


def numel(tensors: dict[str, object]) -> int:
    return sum(t.numel() for t in tensors.values())  # type: ignore[attr-defined]


def test_bf16_single_file(tmp_path: Path) -> None:
    tensors = llama_tensors(TINY, torch.bfloat16)
    path = tmp_path / "model.safetensors"
    st.save_file(tensors, path)
    header = read_file(path)
    assert header.file_bytes == os.path.getsize(path)
    assert {t.name for t in header.tensors} == set(tensors)
    m = measure([header])
    assert m.values == m.weights == numel(tensors) and m.scales == 0
    assert m.nbytes == 2 * numel(tensors) and list(m.dtypes) == ["BF16"]
    assert m.largest[0].nbytes == 2 * 128 * 64 and m.packed == ()
    check = cross_check(from_dict(TINY), m, [header])
    assert check.agree and check.extras == () and check.stored == numel(tensors)


def test_tied_head_stored_twice_is_named(tmp_path: Path) -> None:
    config = TINY | {"tie_word_embeddings": True}
    tensors = llama_tensors(config, torch.float16)
    st.save_file(tensors, tmp_path / "model.safetensors")
    headers = read_path(tmp_path / "model.safetensors")
    check = cross_check(from_dict(config), measure(headers), headers)
    assert [(t.key, t.values) for t in check.extras] == [("tied_head", 100 * 64)]
    assert check.agree


def test_fp8_with_scales(tmp_path: Path) -> None:
    tensors = {
        "layer.weight": torch.zeros((256, 384), dtype=torch.float8_e4m3fn),
        "layer.weight_scale_inv": torch.zeros((2, 3), dtype=torch.float32),
        "other.weight": torch.zeros((128, 128), dtype=torch.float8_e5m2),
        "other.input_scale": torch.zeros((), dtype=torch.float32),
        "norm.weight": torch.zeros((384,), dtype=torch.bfloat16),
    }
    st.save_file(tensors, tmp_path / "m.safetensors")
    m = measure(read_path(tmp_path / "m.safetensors"))
    assert m.values == 256 * 384 + 6 + 128 * 128 + 1 + 384
    assert m.scales == 7 and m.weights == m.values - 7
    (fp8,) = m.packed
    assert (fp8.kind, fp8.tensors, fp8.weights, fp8.scale_tensors) == (
        "fp8",
        2,
        256 * 384 + 128 * 128,
        2,
    )
    assert m.dtypes["F8_E4M3"].nbytes == 256 * 384 and m.dtypes["F32"].values == 7


def test_mxfp4_blocks_are_weights(tmp_path: Path) -> None:
    experts, rows, cols = 4, 64, 96
    tensors = {
        "model.layers.0.mlp.experts.down_proj_blocks": torch.zeros(
            (experts, rows, cols // 32, 16), dtype=torch.uint8
        ),
        "model.layers.0.mlp.experts.down_proj_scales": torch.zeros(
            (experts, rows, cols // 32), dtype=torch.uint8
        ),
        "model.layers.0.mlp.experts.down_proj_bias": torch.zeros(
            (experts, rows), dtype=torch.bfloat16
        ),
        "model.embed_tokens.weight": torch.zeros((10, 64), dtype=torch.bfloat16),
    }
    st.save_file(tensors, tmp_path / "m.safetensors")
    m = measure(read_path(tmp_path / "m.safetensors"))
    (mx,) = m.packed
    assert (
        mx.kind == "mxfp4"
        and mx.weights == experts * rows * cols
        and mx.scales == experts * rows * 3
    )
    assert m.weights == experts * rows * cols + experts * rows + 640
    assert m.values == experts * rows * 3 * 17 + experts * rows + 640  # what the Hub counts


@pytest.mark.parametrize("with_index", [True, False])
def test_sharded_folder(tmp_path: Path, with_index: bool) -> None:
    tensors = llama_tensors(TINY, torch.bfloat16)
    names = sorted(tensors)
    shards = {
        "model-00001-of-00002.safetensors": names[:10],
        "model-00002-of-00002.safetensors": names[10:],
    }
    for file, part in shards.items():
        st.save_file({k: tensors[k] for k in part}, tmp_path / file)
    if with_index:
        weight_map = {k: f for f, part in shards.items() for k in part}
        index = {"metadata": {"total_size": 2 * numel(tensors)}, "weight_map": weight_map}
        (tmp_path / "model.safetensors.index.json").write_text(json.dumps(index))
        (tmp_path / "stray.safetensors").write_bytes(b"not read: the index does not name it")
    headers = read_path(tmp_path)
    assert len(headers) == 2
    m = measure(headers)
    assert m.values == numel(tensors) and m.nbytes == 2 * numel(tensors)
    assert m.file_bytes == sum(os.path.getsize(tmp_path / f) for f in shards)


def test_index_that_lies_names_the_tensor(tmp_path: Path) -> None:
    st.save_file({"a": torch.zeros(4)}, tmp_path / "x.safetensors")
    index = {"weight_map": {"a": "x.safetensors", "b": "x.safetensors"}}
    (tmp_path / "model.safetensors.index.json").write_text(json.dumps(index))
    with pytest.raises(LLMSizeError, match=r"tensor 'b' is not in x.safetensors"):
        read_path(tmp_path)
    index = {"weight_map": {"a": "../x.safetensors"}}
    (tmp_path / "model.safetensors.index.json").write_text(json.dumps(index))
    with pytest.raises(LLMSizeError, match=r"not a \.safetensors file"):
        read_path(tmp_path)


def test_cli_folder_with_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tensors = llama_tensors(TINY, torch.bfloat16)
    st.save_file(tensors, tmp_path / "model.safetensors")
    (tmp_path / "config.json").write_text(json.dumps(TINY))
    assert main(["count", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["measured"]["values"] == numel(tensors)
    assert data["measured"]["dtypes"]["BF16"]["bytes"] == 2 * numel(tensors)
    assert data["architecture"]["agree"] and data["architecture"]["stored"] == numel(tensors)
    for lang, word in (("en", "agree exactly"), ("zh", "完全一致")):
        assert main(["count", str(tmp_path), "--lang", lang]) == 0
        out = capsys.readouterr().out
        assert word in out and "BF16" in out and "model.embed_tokens" in out


def test_cli_bad_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.safetensors"
    path.write_bytes((HEADER_LIMIT + 1).to_bytes(8, "little") + b"{}")
    with pytest.raises(SystemExit) as exit_:
        main(["count", str(path)])
    err = capsys.readouterr().err
    assert (
        exit_.value.code == 2
        and err.count("\n") == 1
        and str(path) in err
        and "nothing was read" in err
    )


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda b: b[:5], "shorter than 8 bytes"),
        (lambda b: b[:40], "truncated"),
        (lambda b: b + b"x", "the file has"),
        (lambda b: (2**63).to_bytes(8, "little") + b[8:], "more than"),
        (lambda b: b.replace(b'"F32"', b'"F33"'), "unknown dtype"),
        (lambda b: b.replace(b"[4]", b"[5]"), "takes 20 bytes"),
        (lambda b: b.replace(b"[0,16]", b"[1,17]"), "leaves a gap"),
    ],
)
def test_bad_headers(tmp_path: Path, mutate: object, message: str) -> None:
    path = tmp_path / "m.safetensors"
    st.save_file({"a": torch.zeros(4)}, path)
    path.write_bytes(mutate(path.read_bytes()))  # type: ignore[operator]
    with pytest.raises(LLMSizeError, match=message) as err:
        read_file(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_header_only_parse_needs_no_data() -> None:
    text = (
        b'{"w": {"dtype": "BF16", "shape": [1000000, 1000000], "data_offsets": [0, 2000000000000]}}'
    )
    header = parse_header(len(text).to_bytes(8, "little") + text, "remote.safetensors")
    assert header.data_bytes == 2 * 10**12 and header.tensors[0].values == 10**12


def test_count_files_imports_nothing_heavy(tmp_path: Path) -> None:
    import subprocess
    import sys

    st.save_file(llama_tensors(TINY, torch.bfloat16), tmp_path / "model.safetensors")
    (tmp_path / "config.json").write_text(json.dumps(TINY))
    (tmp_path / "tiny.gguf").write_bytes(b"GGUF" + (3).to_bytes(4, "little") + bytes(16))
    code = (
        "import sys, llmsize.cli as c\n"
        "for path in sys.argv[1:]: c.main(['count', path, '--json'])\n"
        "heavy = {'numpy', 'matplotlib', 'torch', 'transformers', 'huggingface_hub',"
        " 'safetensors', 'gguf'} & set(sys.modules)\n"
        "sys.stderr.write(repr(sorted(heavy)))"
    )
    args = [sys.executable, "-c", code, str(tmp_path), str(tmp_path / "tiny.gguf")]
    out = subprocess.run(args, capture_output=True, text=True, check=True)
    assert out.stderr == "[]" and '"agree": true' in out.stdout and '"tensors": 0' in out.stdout


def test_dropped_files_as_the_page_passes_them(tmp_path: Path) -> None:
    from llmsize.dropped import measure_files, measure_files_json

    tensors = llama_tensors(TINY, torch.bfloat16)
    st.save_file(tensors, tmp_path / "model.safetensors")
    data = (tmp_path / "model.safetensors").read_bytes()
    n = int.from_bytes(data[:8], "little")
    names, sizes = ["model.safetensors", "config.json"], [len(data), 0]
    blobs = [data[: 8 + n], json.dumps(TINY).encode()]
    out = json.loads(measure_files_json(names, sizes, blobs, "zh"))
    assert out["files"] == 1 and out["dtypes"][0][0] == "BF16"
    assert out["check"] == ["按架构算出的量与文件完全一致。"]
    assert out["rows"][0][1] == f"{numel(tensors):,}"
    lying = measure_files(["model.safetensors"], [len(data) - 1], [data[: 8 + n]])
    assert "model.safetensors" in lying["error"] and "\n" not in lying["error"]
    assert (
        "no .safetensors file"
        in measure_files(["config.json"], [1], [json.dumps(TINY).encode()])["error"]
    )


def test_gpt2_masks_are_named(tmp_path: Path) -> None:
    """GPT-2's original file stores a causal mask per block (attn.bias): named, not a weight."""
    d, layers, positions, vocab = 32, 2, 16, 50
    config = {"model_type": "gpt2", "n_embd": d, "n_layer": layers, "n_head": 4}
    config |= {"n_positions": positions, "vocab_size": vocab}
    shapes: dict[str, tuple[int, ...]] = {"wte.weight": (vocab, d), "wpe.weight": (positions, d)}
    for i in range(layers):
        p = f"h.{i}."
        shapes |= {p + "ln_1.weight": (d,), p + "ln_1.bias": (d,), p + "ln_2.weight": (d,)}
        shapes |= {p + "ln_2.bias": (d,), p + "attn.c_attn.weight": (d, 3 * d)}
        shapes |= {p + "attn.c_attn.bias": (3 * d,), p + "attn.c_proj.weight": (d, d)}
        shapes |= {p + "attn.c_proj.bias": (d,), p + "mlp.c_fc.weight": (d, 4 * d)}
        shapes |= {p + "mlp.c_fc.bias": (4 * d,), p + "mlp.c_proj.weight": (4 * d, d)}
        shapes |= {p + "mlp.c_proj.bias": (d,), p + "attn.bias": (1, 1, positions, positions)}
    shapes |= {"ln_f.weight": (d,), "ln_f.bias": (d,)}
    st.save_file({k: torch.zeros(s) for k, s in shapes.items()}, tmp_path / "model.safetensors")
    headers = read_path(tmp_path)
    check = cross_check(from_dict(config), measure(headers), headers)
    assert [(t.key, t.values) for t in check.extras] == [("masks", layers * positions**2)]
    assert check.agree

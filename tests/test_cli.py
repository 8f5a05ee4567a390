"""The command line, run as a user runs it: a separate process, stdout, stderr, exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from llmsize.calculator import calculate
from llmsize.cli import main

LLAMA = {
    "model_type": "llama",
    "hidden_size": 4096,
    "intermediate_size": 11008,
    "num_hidden_layers": 32,
    "num_attention_heads": 32,
    "vocab_size": 32000,
}


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "llmsize", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


@pytest.fixture
def llama_config(tmp_path: Path) -> Path:
    path = tmp_path / "config.json"
    path.write_text(json.dumps(LLAMA), encoding="utf-8")
    return path


def leaves(node: dict) -> list[int]:
    if "parts" not in node:
        return [node["params"]]
    return [x for child in node["parts"].values() for x in leaves(child)]


def test_count_json(llama_config: Path) -> None:
    out = run("count", str(llama_config), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["total"] == data["active"] == 6_738_415_616
    assert isinstance(data["non_embedding"], int)
    assert sum(leaves(data["breakdown"])) == data["total"]


def test_count_table_in_both_languages(llama_config: Path) -> None:
    en = run("count", str(llama_config))
    zh = run("count", str(llama_config), "--lang", "zh")
    assert "6,738,415,616" in en.stdout and "6.74B" in en.stdout
    assert "67.4亿" in zh.stdout and "注意力" in zh.stdout


def test_memory_json(llama_config: Path) -> None:
    out = run(
        "memory",
        str(llama_config),
        "--dtype",
        "bf16",
        "--context",
        "4096",
        "--batch",
        "2",
        "--json",
    )
    data = json.loads(out.stdout)
    mem = data["memory"]
    assert (data["context"], data["batch"]) == (4096, 2)
    assert mem["weights"] == 2 * 6_738_415_616
    assert mem["kv_per_token"] == 512 * 1024
    assert mem["kv_total"] == 512 * 1024 * 4096 * 2
    assert mem["weights_kv"] == mem["weights"] + mem["kv_total"]
    assert (mem["training_16"], mem["training_18"]) == (16 * 6_738_415_616, 18 * 6_738_415_616)
    assert data["kv_cache_bytes"] == mem["kv_total"]
    assert data["kv_cache_by_kind"] == {"full": mem["kv_total"]}


def test_memory_json_splits_the_cache_by_layer_kind() -> None:
    """gpt-oss-120b at 128k: 18 sliding layers keep 127 tokens each, 18 full layers all of them."""
    args = ["--context", "131072", "--batch", "2", "--json"]
    data = json.loads(run("memory", "gpt-oss-120b", *args).stdout)
    row = 2 * 8 * 64 * 2  # key + value: 8 KV heads of 64 values, bf16
    split = {"sliding": 18 * 127 * row * 2, "full": 18 * 131072 * row * 2}
    assert data["kv_cache_by_kind"] == split
    assert data["kv_cache_bytes"] == sum(split.values()) == data["memory"]["kv_total"]
    assert data["memory"]["kv_kind_sliding"] == split["sliding"]
    table = run("memory", "gpt-oss-120b", "--context", "131072", "--lang", "zh").stdout
    assert "其中滑动窗口层（18 层：窗口 128）" in table


@pytest.mark.parametrize("model", ["deepseek-v3", "llama-2-7b", "bert-base-uncased", "gpt-oss-20b"])
def test_memory_rows_are_the_calculators(model: str) -> None:
    """The CLI and the calculator show the same rows: same keys, labels and figures."""
    args = ["--dtype", "q4_k", "--kv-dtype", "fp8", "--context", "8192", "--batch", "3"]
    data = json.loads(run("memory", model, *args, "--json").stdout)
    calc = calculate(model, None, "q4_k", "fp8", 8192, 3, "zh")
    assert data["memory"] == {row["key"]: row["bytes"] for row in calc["memory"]}
    table = run("memory", model, *args, "--lang", "zh").stdout
    for row in calc["memory"]:
        assert f"{row['label']}  " in table and row["exact"] in table and row["text"] in table


def test_memory_kv_dtype(llama_config: Path) -> None:
    data = json.loads(run("memory", str(llama_config), "--kv-dtype", "fp8", "--json").stdout)
    assert data["kv_dtype"] == "fp8_e4m3" and data["memory"]["kv_per_token"] == 256 * 1024


def test_presets_lists_claims() -> None:
    out = run("presets", "--json")
    assert out.returncode == 0, out.stderr
    items = {p["id"]: p for p in json.loads(out.stdout)}
    assert "deepseek-v3" in items and "llama-2-7b" in items
    assert any(c["text"] == "671B" for c in items["deepseek-v3"]["claims"])


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["count", "no-such-model"], "'no-such-model' is not a preset"),
        (["count", "missing/config.json"], "cannot read file"),
        (["memory", "llama-2-7b", "--dtype", "fp7"], "'fp7'"),
        (["memory", "llama-2-7b", "--context", "0"], "--context must be positive, got 0"),
        (["memory", "llama-2-7b", "--batch", "x"], "--batch must be an integer, got 'x'"),
        (["memory", "llama-2-7b", "--kv-dtype", "fp8_block"], "must be a KV cache format"),
        (["count", "gpt2", "--lang", "fr"], "invalid choice: 'fr'"),
        (["count"], "the following arguments are required: model"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_bad_input_is_one_line_exit_2(args: list[str], needle: str) -> None:
    out = run(*args)
    assert out.returncode == 2
    assert out.stdout == ""
    assert out.stderr.count("\n") == 1 and out.stderr.startswith("llmsize: error: ")
    assert needle in out.stderr
    assert "Traceback" not in out.stderr


def test_bad_config_values_exit_2(tmp_path: Path) -> None:
    for change in ({"hidden_size": -4096}, {"model_type": "mamba"}):
        path = tmp_path / "config.json"
        path.write_text(json.dumps({**LLAMA, **change}), encoding="utf-8")
        out = run("count", str(path))
        assert out.returncode == 2 and out.stderr.count("\n") == 1
    path.write_text("{not json", encoding="utf-8")
    assert "malformed JSON" in run("count", str(path)).stderr


def test_hub_id_from_local_cache(tmp_path: Path) -> None:
    commit = "0123456789abcdef0123456789abcdef01234567"
    repo = tmp_path / "hub" / "models--acme--tiny-llama"
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(commit, encoding="utf-8")
    snapshot = repo / "snapshots" / commit
    snapshot.mkdir(parents=True)
    (snapshot / "config.json").write_text(json.dumps(LLAMA), encoding="utf-8")
    env = {"HF_HUB_CACHE": str(tmp_path / "hub"), "HF_HUB_OFFLINE": "1"}
    out = run("count", "acme/tiny-llama", "--json", env=env)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["total"] == 6_738_415_616
    missing = run("count", "acme/not-cached", env=env)
    assert missing.returncode == 2 and "HF_HUB_OFFLINE is set" in missing.stderr


def test_cli_imports_nothing_heavy() -> None:
    code = (
        "import sys, llmsize.cli; heavy = {'numpy', 'matplotlib', 'torch', 'transformers',"
        " 'huggingface_hub'} & set(sys.modules); print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_kv_dtype_must_be_a_cache_format(capsys: pytest.CaptureFixture[str]) -> None:
    # tf32 is a compute mode and q4_k a weight format: no serving engine keeps a cache in them.
    for bad in ("tf32", "q4_k"):
        with pytest.raises(SystemExit) as exit_:
            main(["memory", "llama-2-7b", "--kv-dtype", bad])
        assert exit_.value.code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "must be a KV cache format" in err and repr(bad) in err


def test_kv_dtype_defaults_to_bf16_beside_weight_only_formats() -> None:
    from llmsize import counts, presets
    from llmsize.report import memory_rows

    spec = presets.load("llama-2-7b")
    mem = memory_rows(spec, counts(spec).total, dtype="q4_k", context=4096)
    assert mem.kv_dtype == "bf16"
    # Llama-2-7B keeps 32 layers x 2 x 4,096 values per token: 524,288 bytes in bf16.
    assert mem.get("kv_per_token") == 524_288


def test_summary_keeps_close_counts_apart_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    # DeepSeek-V3 stores 684,489,845,504 parameters in 684,531,386,000 checkpoint values: both
    # are 6845亿 at three digits.
    assert main(["count", "deepseek-v3", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "6844.9亿" in out and "6845.3亿" in out

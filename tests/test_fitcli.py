"""``llmsize fit``, ``gpus`` and ``train`` from the command line."""

from __future__ import annotations

import json

import pytest

from llmsize.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_fit_json_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys,
        "fit",
        "deepseek-v3",
        "--gpu",
        "h200",
        "--gpus",
        "8",
        "--dtype",
        "fp8_block128",
        "--json",
    )
    data = json.loads(out)
    assert code == 0 and data["fits"] is True and data["min_gpus"] == 8
    for key in ("per_gpu_bytes", "max_context", "max_batch", "decode_tokens_per_s_bound"):
        assert key in data
    assert data["prefill_seconds_bound"] > 0
    assert set(data["per_gpu_bytes"]) == {
        "embedding",
        "layers",
        "experts",
        "head",
        "kv_cache",
        "reserve",
    }


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--gpu", "h1000"), "gpu must be one of"),
        (("--gpu", "h100", "--gpus", "3"), "tp must divide the attention heads (32), got 3"),
        (("--gpu", "h100", "--gpus", "0"), "--gpus must be positive"),
    ],
)
def test_fit_bad_input(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    code, _, err = _run(capsys, "fit", "llama-3.1-8b", *argv)
    assert code == 2 and message in err and err.count("\n") == 1


def test_gpus_and_train(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "gpus", "--json")
    assert code == 0 and len(json.loads(out)) >= 26
    code, out, _ = _run(
        capsys, "train", "llama-3.1-8b", "--gpu", "4090", "--qlora", "16", "--lang", "zh"
    )
    assert code == 0 and "放得下" in out
    code, _, err = _run(capsys, "train", "llama-3.1-8b", "--gpu", "4090")
    assert code == 2 and err.count("\n") == 1

"""The 2025–2026 text families: what each reader makes of its config, and errors naming its keys.

A malformed config of each new family makes ``llmsize count`` exit 2 with one line that names
the key as that family's config writes it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from llmsize import counts
from llmsize.cli import main
from llmsize.hfconfig import from_dict
from llmsize_oracle.cases_text import TEXT

# One malformed config per new family: (case, change, what the one-line error must say).
BAD: dict[str, tuple[str, dict[str, Any], str]] = {
    "qwen3_5_text": (
        "qwen3.5-27b-text",
        {"layer_types": ["full_attention"]},
        "key 'layer_types' must be a list of one of",
    ),
    "qwen3_5_moe_text": (
        "qwen3.5-35b-a3b-text",
        {"num_experts_per_tok": 257},
        "key 'num_experts_per_tok' (257) must not exceed 'num_experts' (256)",
    ),
}


@pytest.mark.parametrize("model_type", sorted(BAD))
def test_bad_config_exits_2_naming_the_key(
    model_type: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case, change, needle = BAD[model_type]
    assert TEXT[case]["model_type"] == model_type
    path = tmp_path / "config.json"
    path.write_text(json.dumps({**TEXT[case], **change}), encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["count", str(path)])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert err.count("\n") == 1 and needle in err and "Traceback" not in err


def test_qwen3_5_is_qwen3_next_layers_with_a_dense_or_moe_mlp() -> None:
    dense = counts(from_dict(TEXT["qwen3.5-27b-text"])).breakdown.find("layers")
    assert [c.key for c in dense.children] == ["dense_layers", "linear_attention_dense_layers"]
    assert [c.layers for c in dense.children] == [16, 48]
    moe = from_dict(TEXT["qwen3.5-397b-a17b-text"])
    assert moe.moe_layer_count == moe.layers == 60

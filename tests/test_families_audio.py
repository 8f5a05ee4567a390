"""Gemma 4 with vision and audio (``gemma4``): the audio part beside the vision part.

``test_recorded_audio`` compares llmsize's ``Counts.audio`` with the split ``scripts/oracle.py
--write`` recorded (no torch); ``test_live_audio`` (marker ``oracle``) rebuilds each case with an
audio encoder on the meta device and counts its ``audio_tower`` and ``embed_audio``
(`llmsize_oracle.meta.transformers_audio`). Totals, vision splits and MoE actives are checked
with every other case (``test_oracle``, ``test_oracle_vlm``, ``test_oracle_active``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from llmsize import counts
from llmsize.audio import Audio
from llmsize.cli import main
from llmsize.errors import LLMSizeError
from llmsize.hfconfig import from_dict
from llmsize.part import Part
from llmsize.spec import Spec
from llmsize.text import LABELS
from llmsize_oracle import record
from llmsize_oracle.cases_vlm import VLM
from llmsize_oracle.cases_vlm_gemma4 import GEMMA4_VLM

RECORD = record()
WITH_AUDIO = sorted(
    name for name, config in GEMMA4_VLM.items() if config.get("audio_config") is not None
)


def test_audio_record_names_vlm_cases_only() -> None:
    assert set(RECORD["audio"]) <= set(VLM)
    assert set(RECORD["audio"]) == set(WITH_AUDIO)


@pytest.mark.parametrize("case", sorted(VLM))
def test_recorded_audio(case: str) -> None:
    c = counts(from_dict(VLM[case], where=case))
    assert c.audio == RECORD["audio"].get(case, 0)
    if c.audio:
        assert c.breakdown.get("audio") == c.audio
        assert c.to_dict()["audio"] == c.audio


@pytest.mark.oracle
@pytest.mark.parametrize("case", WITH_AUDIO)
def test_live_audio(case: str) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from llmsize_oracle.meta import transformers_audio

    assert counts(from_dict(VLM[case], where=case)).audio == transformers_audio(VLM[case])


def test_audio_counts_in_total_and_active_but_not_non_embedding() -> None:
    config: dict[str, Any] = json.loads(json.dumps(VLM["gemma-4-e2b"]))
    whole = counts(from_dict(config))
    config["audio_config"] = None
    text = counts(from_dict(config))
    assert whole.total - text.total == whole.audio == whole.active - text.active > 0
    assert whole.non_embedding - text.non_embedding == whole.audio
    assert whole.vision == text.vision > 0


def _keys(part: Part) -> set[str]:
    return {part.key}.union(*(_keys(child) for child in part.children))


def test_every_audio_breakdown_key_has_a_label() -> None:
    keys = _keys(counts(from_dict(VLM["gemma-4-e2b"])).breakdown.find("audio"))
    assert {"audio", "audio_stem", "audio_layers", "light_conv", "projector"} <= keys
    assert keys <= set(LABELS)


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ({"subsampling_conv_channels": [128]}, "'subsampling_conv_channels' must be a list of two"),
        ({"subsampling_conv_channels": [0, 32]}, "'subsampling_conv_channels' must be positive"),
        ({"conv_kernel_size": 0}, "audio_config: key 'conv_kernel_size' must be positive"),
        ({"model_type": "whisper"}, "audio_config: key 'model_type' 'whisper' is not supported"),
    ],
)
def test_bad_audio_config_names_its_key(change: dict[str, Any], needle: str) -> None:
    config: dict[str, Any] = json.loads(json.dumps(VLM["gemma4-vlm-small-moe-untied"]))
    config["audio_config"].update(change)
    with pytest.raises(LLMSizeError, match=needle):
        from_dict(config, where="config.json")


def test_vision_kv_heads_error_names_the_vision_key() -> None:
    config: dict[str, Any] = json.loads(json.dumps(VLM["gemma-4-26b-a4b"]))
    config["vision_config"]["num_key_value_heads"] = 5
    with pytest.raises(LLMSizeError, match=r"vision_config: key .num_key_value_heads. \(5\) must"):
        from_dict(config, where="config.json")


def test_audio_checks_its_fields() -> None:
    with pytest.raises(LLMSizeError, match=r"audio\.channels must be two integers"):
        Audio(width=8, layers=1, heads=2, channels=(4,), kernel=3, output=8)  # type: ignore[arg-type]
    with pytest.raises(LLMSizeError, match=r"spec\.audio must be an Audio or None, got 3"):
        Spec("x", 1, 8, 1, 1, 8, 8, 8, audio=3)  # type: ignore[arg-type]


def test_cli_shows_the_audio_part(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "config.json"
    path.write_text(json.dumps(VLM["gemma-4-e2b"]), encoding="utf-8")
    assert main(["count", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Audio encoder and projector" in out and "307,183,904" in out
    assert "every audio token" in out
    assert main(["count", str(path), "--lang", "zh"]) == 0
    assert "音频编码器与投影层" in capsys.readouterr().out


@pytest.mark.parametrize(("lang", "words"), [("en", "audio encoder"), ("zh", "音频编码器")])
def test_calculator_says_what_the_audio_part_is(lang: str, words: str) -> None:
    from llmsize.calculator import calculate

    result = calculate("", json.dumps(VLM["gemma-4-e2b"]), "bf16", "bf16", 4096, 1, lang)
    audio = next(row for row in result["summary"] if row["key"] == "audio")
    assert audio["params"] == RECORD["audio"]["gemma-4-e2b"]
    assert any(words in note for note in result["notes"])
    assert any(row["key"] == "audio" and row["depth"] == 0 for row in result["breakdown"])

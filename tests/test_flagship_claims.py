"""Today's flagships: each published figure against the exact count of its authors' definition.

The verdicts pin how every label relates to the exact count (rounded, or cut off), so that a
changed config, reader or convention that moves one shows here; sources are in the presets'
``SOURCES.md``.
"""

from __future__ import annotations

import pytest

from llmsize import counts, presets
from llmsize.claims import exact_for, verdict

# (preset, claim label) -> (exact count of the claim's definition, verdict)
FLAGSHIP_CLAIMS = {
    ("gpt-oss-120b", "5.1B"): (5_132_849_472, "rounded"),  # output head in, input embedding out
    ("gpt-oss-20b", "3.6B"): (3_608_307_264, "rounded"),
    ("deepseek-v3.2", "671B"): (671_877_929_216, "truncated"),  # V3's figure; + the indexers
    ("deepseek-v3.2", "37B"): (37_477_128_448, "rounded"),
    ("deepseek-v3.2", "685B"): (685_396_870_288, "rounded"),  # the Hub's checkpoint figure
    ("kimi-k2", "1T"): (1_026_408_209_408, "rounded"),
    ("kimi-k2", "32B"): (32_861_477_888, "truncated"),
    ("qwen3.5-397b-a17b", "397B"): (396_802_360_816, "rounded"),  # the whole release
    ("qwen3.5-397b-a17b", "17B"): (17_349_040_896, "rounded"),  # per text token
    ("qwen3-next-80b-a3b", "80B"): (79_674_391_296, "rounded"),
    ("qwen3-next-80b-a3b", "3B"): (3_874_929_408, "truncated"),
    ("qwen3-next-80b-a3b", "79B"): (79_052_061_440, "rounded"),
    ("qwen3-235b-a22b", "235B"): (235_093_634_560, "rounded"),
    ("qwen3-235b-a22b", "22B"): (22_190_763_520, "rounded"),
    ("qwen3-235b-a22b", "234B"): (233_848_974_848, "rounded"),
    ("llama-4-scout", "109B"): (108_641_793_536, "rounded"),
    ("llama-4-scout", "17B"): (17_172_894_720, "rounded"),
    ("llama-4-maverick", "400B"): (401_583_781_376, "rounded"),
    ("llama-4-maverick", "17B"): (17_184_691_200, "rounded"),
    ("glm-4.5-air", "106B"): (106_852_245_504, "truncated"),
    ("glm-4.5-air", "12B"): (13_424_123_904, "not_rounding"),
    ("gemma-4-26b-a4b", "25.2B"): (25_233_141_760, "rounded"),  # the language model's
    ("gemma-4-26b-a4b", "3.8B"): (3_822_530_560, "rounded"),  # per text token
    ("gemma-3-27b", "27B"): (27_432_406_640, "rounded"),
    ("gemma-3-27b", "25,600M"): (25_599_716_096, "rounded"),  # the language model's
}


@pytest.mark.parametrize(("preset_id", "label"), sorted(FLAGSHIP_CLAIMS))
def test_claim_against_its_exact_count(preset_id: str, label: str) -> None:
    preset = presets.get(preset_id)
    claim = next(c for c in preset.claims if c.text == label)
    exact = exact_for(preset, claim)
    assert (exact, verdict(exact, claim.text)) == FLAGSHIP_CLAIMS[(preset_id, label)]


def test_glm_active_rounds_only_without_both_vocabulary_tables() -> None:
    c = counts(presets.load("glm-4.5-air"))
    tables = c.total - c.non_embedding  # embedding and untied head
    assert verdict(c.active - tables, "12B") == "rounded"


def test_vision_releases_count_their_vision_part() -> None:
    for preset_id, vision in {
        "gemma-3-27b": 423_060_336,
        "gemma-4-26b-a4b": 572_792_112,
        "llama-4-scout": 871_932_416,
        "llama-4-maverick": 871_932_416,
        "qwen3.5-397b-a17b": 456_010_480,
    }.items():
        assert counts(presets.load(preset_id)).vision == vision, preset_id

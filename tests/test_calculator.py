"""The calculator page's Python side: llmsize.calculator and the config.json text reader.

Every figure it returns must be the library's own (counts, memory, fmt), every bad input must
come back as llmsize's one-line message rather than an exception, and the result must be plain
JSON data (the page gets it through ``json.dumps``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from llmsize import LLMSizeError, counts, fmt, memory, presets, training
from llmsize.calculator import CONFIG_WHERE, calculate, preset_config
from llmsize.count import Part
from llmsize.hfconfig import from_json, read_config

LLAMA2_7B_TOTAL = 6_738_415_616  # the Hub's safetensors total for meta-llama/Llama-2-7b-hf


def calc(model: str = "deepseek-v3", config: str | None = None, **kw: Any) -> dict[str, Any]:
    args: dict[str, Any] = {
        "dtype": "bf16",
        "kv_dtype": "bf16",
        "context": 4096,
        "batch": 1,
        "lang": "en",
    }
    args.update(kw)
    return calculate(model, config, **args)


def rows(result: dict[str, Any], name: str) -> dict[str, dict[str, Any]]:
    return {row["key"]: row for row in result[name]}


# --- figures are the library's ----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_deepseek_v3_totals_are_the_librarys(lang: str) -> None:
    c = counts(presets.load("deepseek-v3"))
    out = calc(lang=lang)
    assert out["model"] == "DeepSeek-V3" and out["source"] == "preset"
    assert out["total"] == {
        "key": "total",
        "label": "总参数量" if lang == "zh" else "Total parameters",
        "params": c.total,
        "count": fmt.count(c.total, lang),
        "exact": fmt.exact(c.total, lang),
    }
    assert out["active"]["params"] == c.active
    assert out["active"]["count"] == fmt.count(c.active, lang)
    summary = rows(out, "summary")
    for key in ("total", "active", "non_embedding", "stored", "checkpoint"):
        assert summary[key]["params"] == getattr(c, key)


@pytest.mark.parametrize("preset_id", presets.ids())
def test_every_preset_matches_counts_and_memory(preset_id: str) -> None:
    spec = presets.load(preset_id)
    c = counts(spec)
    out = calc(preset_id, dtype="q4_k", kv_dtype="fp8", context=8192, batch=3)
    assert out["total"]["params"] == c.total
    assert out["active"]["params"] == c.active
    mem = rows(out, "memory")
    assert mem["weights"]["bytes"] == out["weights_bytes"] == memory.weights_bytes(c.total, "q4_k")
    assert mem["weights"]["text"] == fmt.bytes_both(memory.weights_bytes(c.total, "q4_k"))
    assert mem["training_16"]["bytes"] == training.training_bytes(c.total, "16").total
    assert mem["training_18"]["bytes"] == training.training_bytes(c.total, "18").total
    if spec.encoder:
        assert out["kv_cache_bytes"] is None and "kv_total" not in mem
    else:
        kv = memory.kv_cache_bytes(spec, 8192, 3, "fp8_e4m3")
        assert mem["kv_total"]["bytes"] == out["kv_cache_bytes"] == kv
        assert mem["kv_per_token"]["bytes"] == memory.kv_cache_bytes_per_token(spec, "fp8_e4m3")
        assert mem["weights_kv"]["bytes"] == out["weights_bytes"] + kv
    assert ("kv_naive_per_token" in mem) == (spec.mla is not None)
    assert [r["key"] for r in out["chart"]] == [
        k for k in ("weights", "kv_total", "training_16", "training_18") if k in mem
    ]
    assert json.loads(json.dumps(out)) == out  # plain JSON data, nothing lost


def test_breakdown_is_the_tree_depth_first() -> None:
    out = calc("deepseek-v3", lang="zh")
    tree = counts(presets.load("deepseek-v3")).breakdown

    def walk(part: Part, depth: int, path: str) -> list[tuple[str, int, int, str]]:
        found = []
        for child in part.children:
            key = f"{path}.{child.key}" if path else child.key
            name = fmt.label(child.key, "zh")
            if child.children and child.layers > 1:  # a group of layers says how many
                name += f" ×{child.layers}"
            found.append((key, depth, child.params, name))
            found += walk(child, depth + 1, key)
        return found

    expected = walk(tree, 0, "")
    got = [(r["path"], r["depth"], r["params"], r["label"]) for r in out["breakdown"]]
    assert got == expected
    top = [r for r in out["breakdown"] if r["depth"] == 0]
    assert sum(r["params"] for r in top) == out["total"]["params"]
    experts = next(r for r in out["breakdown"] if r["path"].endswith("moe.experts"))
    assert experts["label"] == "路由专家" and experts["layers"] == 58
    assert experts["share"] == fmt.percent(experts["params"], out["total"]["params"], "zh")


def test_a_pasted_config_is_read_like_the_preset() -> None:
    preset = presets.get("llama-2-7b")
    out = calc("deepseek-v3", json.dumps(preset.config))  # the text wins over the preset
    assert out["source"] == "config"
    assert out["total"]["params"] == LLAMA2_7B_TOTAL
    assert out["total"]["exact"] == "6,738,415,616"
    # The model's own name comes from _name_or_path, else its model_type.
    assert out["model"] == "llama"
    named = calc(config=json.dumps({**preset.config, "_name_or_path": "meta/x"}))
    assert named["model"] == "meta/x"


def test_blank_config_text_means_the_preset() -> None:
    assert calc("gpt2", "  \n ")["source"] == "preset"
    assert calc("GPT2", None)["total"]["params"] == counts(presets.load("gpt2")).total


def test_preset_config_round_trips() -> None:
    for preset_id in presets.ids():
        text = preset_config(preset_id)["config"]
        assert counts(from_json(text)).total == counts(presets.load(preset_id)).total
    assert preset_config("nope")["error"].startswith("unknown preset 'nope'")
    assert "error" in preset_config(3)  # type: ignore[arg-type]


def test_notes() -> None:
    bert = calc("bert-base-uncased")
    assert bert["encoder"] and bert["notes"] == [
        "An encoder keeps no KV cache: it reads the whole input at once."
    ]
    long = calc("llama-2-7b", context=100_000, lang="zh")
    assert len(long["notes"]) == 1 and "4,096" in long["notes"][0]
    assert calc("llama-2-7b", context=4096)["notes"] == []


# --- bad input: one line, never an exception -----------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"config": "{"}, "config.json: malformed JSON at line 1 column 2:"),
        ({"config": '{"a": 1,}'}, "config.json: malformed JSON at line 1 column 9:"),
        ({"config": "[1, 2]"}, "config.json: expected a JSON object, got list"),
        ({"config": '{"model_type": "mamba"}'}, "key 'model_type' 'mamba' is not supported"),
        (
            {"config": json.dumps({**presets.get("llama-2-7b").config, "hidden_size": -4096})},
            "config.json: key 'hidden_size' must be positive, got -4096",
        ),
        (
            {"config": json.dumps({**presets.get("llama-2-7b").config, "vocab_size": None})},
            "config.json: key 'vocab_size' must be an integer, got null",
        ),
        ({"config": '{"a": ' + "9" * 5000 + "}"}, "config.json: malformed JSON: Exceeds"),
        ({"config": "[" * 100_000}, "config.json: malformed JSON"),
        ({"config": 12}, "config_text must be JSON text, got int"),
        ({"model": "gpt-5"}, "unknown preset 'gpt-5'"),
        ({"model": ""}, "model must be a preset id or a pasted config.json, got ''"),
        ({"dtype": "fp7"}, "dtype must be one of"),
        ({"kv_dtype": "fp8_block128"}, "must be a KV cache format"),
        ({"context": 0}, "context must be positive, got 0"),
        ({"context": -5}, "context must be positive, got -5"),
        ({"context": 1.5}, "context must be an integer, got 1.5"),
        ({"context": float("nan")}, "context must be an integer, got nan"),
        ({"context": None}, "context must be an integer, got None"),
        ({"context": True}, "context must be an integer, got True"),
        ({"batch": 0}, "batch must be positive, got 0"),
        ({"lang": "fr"}, "lang must be 'en' or 'zh', got 'fr'"),
    ],
)
def test_bad_input_is_one_line(kwargs: dict[str, Any], message: str) -> None:
    model = kwargs.pop("model", "llama-2-7b")
    config = kwargs.pop("config", None)
    out = calc(model, config, **kwargs)
    assert set(out) == {"error"}, out
    assert out["error"].startswith(message) or message in out["error"], out["error"]
    assert "\n" not in out["error"]


def test_malformed_json_reads_as_read_config_says(tmp_path: Path) -> None:
    for text in ("{", '{"model_type": "llama",}', "{'single': 1}", "", "nul"):
        path = tmp_path / "config.json"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(LLMSizeError) as from_file:
            read_config(path)
        with pytest.raises(LLMSizeError) as from_text:
            from_json(text)
        assert str(from_text.value) == str(from_file.value).replace(str(path), CONFIG_WHERE)
        # A blank box means "use the preset"; any other text goes through the reader.
        if text.strip():
            assert calc(config=text)["error"] == str(from_text.value)


@settings(max_examples=200, deadline=None)
@given(
    text=st.one_of(
        st.text(max_size=200),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
            lambda children: (
                st.lists(children, max_size=4)
                | st.dictionaries(st.text(max_size=10), children, max_size=4)
            ),
            max_leaves=12,
        ).map(json.dumps),
    ),
    context=st.one_of(st.integers(-3, 10**7), st.floats(allow_nan=True), st.none()),
)
def test_arbitrary_input_never_raises(text: str, context: Any) -> None:
    out = calc("llama-2-7b", text, context=context)
    assert "error" in out or "total" in out
    json.dumps(out)


def test_a_model_with_several_layer_kinds_says_what_its_cache_is() -> None:
    """gpt-oss-120b: the note names its layer kinds and the every-layer estimate (9.66 GB)."""
    data = calculate("gpt-oss-120b", None, "bf16", "bf16", 131072, 1, "en")
    assert data["notes"][0].startswith("Not every layer of gpt-oss-120b keeps every token.")
    assert "18 sliding (window 128) + 18 full" in data["notes"][0] and "9.66 GB" in data["notes"][0]
    keys = [row["key"] for row in data["memory"]]
    assert keys[keys.index("kv_total") + 1 :][:2] == ["kv_kind_sliding", "kv_kind_full"]
    zh = calculate("gpt-oss-120b", None, "bf16", "bf16", 131072, 1, "zh")["notes"][0]
    assert "18 层滑动窗口（窗口 128） + 18 层全注意力" in zh
    assert calculate("llama-2-7b", None, "bf16", "bf16", 4096, 1, "en")["notes"] == []

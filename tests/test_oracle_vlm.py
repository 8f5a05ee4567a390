"""The vision part of the vision-language cases against transformers' built model.

``test_recorded_vision`` compares llmsize's ``Counts.vision`` with the split ``scripts/oracle.py
--write`` recorded (fast, no torch); ``test_live_vision`` (marker ``oracle``) rebuilds each model
on the meta device and counts what lies outside its language model and ``lm_head``
(`llmsize_oracle.meta.transformers_vision`). Totals and MoE actives are checked with every other
case by ``test_oracle`` and ``test_oracle_active``.
"""

from __future__ import annotations

import pytest

from llmsize import counts
from llmsize.hfconfig import from_dict
from llmsize_oracle import record
from llmsize_oracle.cases_vlm import VLM

RECORD = record()


def test_record_covers_every_vlm_case() -> None:
    assert set(RECORD["vision"]) == set(VLM)


@pytest.mark.parametrize("case", sorted(VLM))
def test_recorded_vision(case: str) -> None:
    c = counts(from_dict(VLM[case], where=case))
    assert c.vision == RECORD["vision"][case]
    assert c.breakdown.get("vision") == c.vision
    assert c.breakdown.params == c.total == RECORD["figures"][case]


@pytest.mark.oracle
@pytest.mark.parametrize("case", sorted(VLM))
def test_live_vision(case: str) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from llmsize_oracle.meta import transformers_vision

    assert counts(from_dict(VLM[case], where=case)).vision == transformers_vision(VLM[case])


@pytest.mark.oracle
def test_mllama_text_cache_equals_formula() -> None:
    """Reading text only, Mllama's cross-attention layers hold nothing; the others T tokens.

    transformers' cache after a prompt and a few steps, per layer (fp32, batch 2), against
    ``kv_cache_by_kind``: the full layers' keys and values, and 0 for the cross layers (the
    image's keys and values, which an image would add, depend on the image, not on T).
    """
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    from llmsize.memory import kv_cache_by_kind

    config = VLM["mllama-small-tiles"]
    spec = from_dict(config)
    text = {**config["text_config"], "pad_token_id": None}
    cfg = transformers.AutoConfig.for_model(**{**config, "text_config": text})
    torch.manual_seed(0)
    model = transformers.AutoModelForImageTextToText.from_config(cfg).eval()
    for prompt, steps in ((1, 0), (5, 0), (5, 3)):
        with torch.no_grad():
            out = model(input_ids=torch.randint(0, 1000, (2, prompt)), use_cache=True)
            for _ in range(steps):
                step = torch.randint(0, 1000, (2, 1))
                out = model(input_ids=step, use_cache=True, past_key_values=out.past_key_values)
        by_kind: dict[str, int] = {}
        for layer, held in zip(spec.layer_plan, out.past_key_values.layers, strict=True):
            tensors = [t for t in (held.keys, held.values) if isinstance(t, torch.Tensor)]
            size = sum(t.numel() * t.element_size() for t in tensors)
            by_kind[layer.mixer.kind] = by_kind.get(layer.mixer.kind, 0) + size
        assert by_kind == kv_cache_by_kind(spec, prompt + steps, 2, "fp32")

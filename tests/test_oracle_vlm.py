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

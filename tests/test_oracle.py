"""llmsize's totals against transformers' own models.

Two layers: ``test_recorded`` compares against figures recorded by ``scripts/oracle.py`` (fast,
no torch needed); ``test_live`` (marker ``oracle``) rebuilds each model on the meta device with
the installed transformers and compares again, so a drifting transformers or a stale record is
caught. CI installs torch and transformers and runs both.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from llmsize import counts
from llmsize.hfconfig import from_dict
from tests.oracle.cases import all_cases

CASES = all_cases()

RECORD = json.loads((Path(__file__).parent / "oracle" / "figures.json").read_text("utf-8"))


def test_record_covers_every_case() -> None:
    assert set(RECORD["figures"]) == set(CASES)


def test_every_model_type_is_covered() -> None:
    from llmsize.hfconfig import SUPPORTED_MODEL_TYPES

    covered = {config["model_type"] for config in CASES.values()}
    assert covered == set(SUPPORTED_MODEL_TYPES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_recorded(case: str) -> None:
    assert counts(from_dict(CASES[case], where=case)).total == RECORD["figures"][case]


@pytest.mark.oracle
@pytest.mark.parametrize("case", sorted(CASES))
def test_live(case: str) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from scripts.oracle import transformers_count

    assert counts(from_dict(CASES[case], where=case)).total == transformers_count(CASES[case])

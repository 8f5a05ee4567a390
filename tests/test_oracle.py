"""llmsize's totals against transformers' own models.

Two layers: ``test_recorded`` compares against the figures ``scripts/oracle.py --write``
recorded (``llmsize_oracle.record()``; fast, no torch needed); ``test_live`` (marker ``oracle``)
rebuilds each model on the meta device with the installed transformers
(``llmsize_oracle.meta``) and compares again, so a drifting transformers or a stale record is
caught. CI installs torch and transformers and runs both.
"""

from __future__ import annotations

import pytest

from llmsize import counts
from llmsize.hfconfig import from_dict
from llmsize_oracle import all_cases, record

CASES = all_cases()

RECORD = record()


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
    from llmsize_oracle.meta import transformers_count

    assert counts(from_dict(CASES[case], where=case)).total == transformers_count(CASES[case])

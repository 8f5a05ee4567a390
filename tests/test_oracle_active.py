"""Active counts of the MoE cases against an independent walk of transformers' built model.

``llmsize_oracle.meta.transformers_active`` builds each model on the meta device and adds up
its parameters, taking ``num_experts_per_tok`` rows of every routed expert tensor and every
other parameter whole; that must equal llmsize's ``active``.
"""

from __future__ import annotations

import pytest

from llmsize import counts
from llmsize.hfconfig import from_dict
from llmsize_oracle import all_cases

MOE = {
    name: config
    for name, config in all_cases().items()
    if from_dict(config, where=name).moe is not None
}


def test_moe_cases_exist() -> None:
    assert {"preset:gpt-oss-120b", "preset:gpt-oss-20b", "gpt-oss-small"} <= set(MOE)


@pytest.mark.oracle
@pytest.mark.parametrize("case", sorted(MOE))
def test_active_matches_module_walk(case: str) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from llmsize_oracle.meta import transformers_active

    assert counts(from_dict(MOE[case], where=case)).active == transformers_active(MOE[case])

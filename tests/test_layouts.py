"""Every preset with a published safetensors layout: the architecture count reproduces it.

The fixture is the header-only file the published layout describes (`llmsize_oracle.layouts`);
its own published figures (tensor count, value count, index ``total_size``) are checked first,
then the architecture's stored count, the checkpoint count and the split per dtype
(`llmsize.checkpoints.hub_split`) against what the header measures.
"""

from __future__ import annotations

from functools import cache

import pytest

from llmsize import presets
from llmsize.checkpoints import hub_split
from llmsize.crosscheck import cross_check
from llmsize.headers import Measured, measure
from llmsize.safetensors import Header, parse_header
from llmsize_oracle.layouts import LAYOUTS, header


@cache
def measured(preset: str) -> tuple[Header, Measured]:
    h = parse_header(header(LAYOUTS[preset]), f"{preset}.safetensors")
    return h, measure([h])


@pytest.mark.parametrize("preset", sorted(LAYOUTS))
def test_published_figures(preset: str) -> None:
    layout, (_, m) = LAYOUTS[preset], measured(preset)
    if layout.tensors is not None:
        assert m.tensors == layout.tensors
    if layout.values is not None:
        assert m.values == layout.values
    if layout.total_size is not None:
        assert m.nbytes == layout.total_size


@pytest.mark.parametrize("preset", sorted(LAYOUTS))
def test_architecture_reproduces_layout(preset: str) -> None:
    h, m = measured(preset)
    p = presets.get(preset)
    check = cross_check(p.spec, m, [h])
    assert check.agree and check.weights == check.stored
    assert {k: s.values for k, s in m.dtypes.items()} == hub_split(p.spec, p.config)
    extras = {t.key: t.values for t in check.extras}
    if preset == "deepseek-v3":  # scales predicted by the 128x128 blocks: nothing extra
        assert extras == {} and m.values == check.checkpoint
        assert {t.key for t in check.beyond} == {"router_bias", "mtp"}
        assert [g.key for g in m.groups] == ["language_model", "mtp"]
    else:  # gpt-oss: one U8 exponent per 32 weights, which the architecture does not count
        (mx,) = m.packed
        assert extras == {"scales": mx.scales}
        assert mx.weights == 2 * mx.values and 32 * mx.scales == mx.weights

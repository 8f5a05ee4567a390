"""Named training runs against the papers' own tables."""

from __future__ import annotations

from fractions import Fraction

import pytest

from llmsize.errors import LLMSizeError
from llmsize.fmt import sci
from llmsize.runs import CHINCHILLA_TABLE3, RUNS, get, ids

PF_DAY = 10**15 * 86_400


def test_ids() -> None:
    assert ids() == ["gpt3", "gopher", "chinchilla", "deepseek-v3"]
    assert all(get(i).id == i for i in ids())


def test_gpt3_table_d1() -> None:
    # Brown et al. 2020, Table D.1: GPT-3 175B, Params (M) 174,600, 300 billion tokens,
    # 3.14E+23 FLOPs, 3.64E+03 petaflop/s-days.
    gpt3 = get("gpt3")
    assert gpt3.params == 174_604_259_328  # the exact count, within 0.003% of 174,600M
    assert sci(6 * 174_600 * 10**6 * 300 * 10**9) == sci(gpt3.six_nd) == "3.14 × 10²³"
    assert sci(gpt3.reported_flops or 0) == "3.14 × 10²³"
    assert sci(round(Fraction(gpt3.six_nd, PF_DAY))) == sci(gpt3.reported_pf_days or 0)
    assert gpt3.budget == 314 * 10**21


def test_gopher_budget_is_table3_gopher_unit() -> None:
    # Hoffmann et al. 2022, Table 3: the 67B row needs 5.76e+23 FLOPs, "1" in Gopher units;
    # Figure 2 calls 5.76 x 10^23 the FLOPs used to train Gopher; Appendix F recounts 6.3 x 10^23.
    gopher = get("gopher")
    row = next(p for p in CHINCHILLA_TABLE3 if p.params == 67 * 10**9)
    assert gopher.reported_flops == row.flops
    assert gopher.recount_flops == 630 * 10**21
    # 6ND from the rounded 280B and 300B tokens: 5.04 x 10^23, 12.5% under the published budget.
    assert gopher.six_nd == 504 * 10**21
    assert Fraction(gopher.six_nd, row.flops) == Fraction(7, 8)


def test_chinchilla_matches_gopher_budget() -> None:
    # Section 4: 70B parameters, 1.4T tokens, "the same number of FLOPs" as Gopher.
    chinchilla = get("chinchilla")
    assert (chinchilla.params, chinchilla.tokens) == (70 * 10**9, 1_400 * 10**9)
    assert chinchilla.tokens_per_param == 20
    assert chinchilla.reported_flops is None
    assert chinchilla.budget == get("gopher").reported_flops
    assert chinchilla.six_nd == 588 * 10**21  # 2.1% over the budget
    assert abs(Fraction(chinchilla.six_nd, chinchilla.budget or 1) - 1) < Fraction(3, 100)


def test_deepseek_v3() -> None:
    # Technical report: 37B activated parameters, 14.8T tokens, no FLOP figure.
    ds = get("deepseek-v3")
    assert ds.params == 37_552_282_624
    assert round(Fraction(ds.params, 10**9)) == 38  # the report truncates to "37B"
    assert ds.six_nd == 6 * 37_552_282_624 * 14_800 * 10**9
    assert ds.budget is None


def test_table3_is_six_nd() -> None:
    # Table 3's FLOPs are 6 * N * D of its own rounded columns, to within the rounding of D.
    for row in CHINCHILLA_TABLE3:
        assert abs(Fraction(6 * row.params * row.tokens, row.flops) - 1) < Fraction(5, 100)


def test_runs_hashable_and_keyed() -> None:
    assert set(RUNS) == set(ids())
    assert (get("gopher").reported_key, get("gopher").six_nd_key) == (
        "gopher.train_flops",
        "gopher.train_flops_6nd",
    )
    assert len({hash(r) for r in RUNS.values()}) == len(RUNS)


@pytest.mark.parametrize("bad", ["gpt4", None, 3])
def test_get_rejects(bad: object) -> None:
    with pytest.raises(LLMSizeError, match="run must be one of") as info:
        get(bad)  # type: ignore[arg-type]
    assert "\n" not in str(info.value)

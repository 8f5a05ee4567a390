"""Named training runs: what their authors published, and the ``6ND`` estimate beside it.

A page that states a run's training compute (GPT-3's, Gopher's...) reads it here, so each figure
has one home. Two quantities are kept apart and never mixed up:

* `Run.reported_flops`: the FLOPs the authors published, or ``None`` when they published none;
* `Run.six_nd`: ``6 * N * D`` (`llmsize.flops.training_flops`) from this module's ``N`` and
  ``D``. ``N`` is the exact count of the run's preset when llmsize has one (the active count, for
  an MoE model), otherwise the size the paper states.

The two rarely agree to the digit: the papers count FLOPs in more detail (attention, embeddings;
Hoffmann et al. 2022, Appendix F) and round their sizes. Pages mark the figures as named
quantities with the keys ``<id>.train_flops`` (reported) and ``<id>.train_flops_6nd``
(estimate), so each key has one value across the site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from llmsize import presets
from llmsize.count import counts
from llmsize.errors import LLMSizeError
from llmsize.flops import training_flops
from llmsize.text import Text

__all__ = ["CHINCHILLA_TABLE3", "RUNS", "Projection", "Run", "get", "ids"]

# Brown et al. 2020, "Language Models are Few-Shot Learners"; Hoffmann et al. 2022, "Training
# Compute-Optimal Large Language Models"; Rae et al. 2021, "Scaling Language Models: Methods,
# Analysis & Insights from Training Gopher".
_BROWN = {"en": "Brown et al. 2020, Table D.1", "zh": "Brown 等，2020，表 D.1"}
_HOFFMANN = {"en": "Hoffmann et al. 2022", "zh": "Hoffmann 等，2022"}


@dataclass(frozen=True)
class Run:
    """One published pre-training run.

    Attributes:
        id: Short key (``"gpt3"``), the prefix of the run's named figures.
        name: Display name (``"GPT-3"``).
        published_params: The parameter count as the paper states it.
        tokens: Pre-training tokens ``D``.
        source: Where the size and tokens are stated (`llmsize.text.Text`).
        preset: The llmsize preset whose exact count is ``N``, or ``None``.
        reported_flops: Training FLOPs as the authors published them, or ``None``.
        reported_source: Where ``reported_flops`` is stated.
        reported_pf_days: The same compute in petaflop/s-days, if published.
        budget_of: The run whose reported budget this one was trained to match, if any.
        recount_flops: A later, more detailed count of the same run by other authors.
        recount_source: Where ``recount_flops`` is stated.
    """

    id: str
    name: str
    published_params: int
    tokens: int
    source: Text = field(hash=False)
    preset: str | None = None
    reported_flops: int | None = None
    reported_source: Text | None = field(default=None, hash=False)
    reported_pf_days: int | None = None
    budget_of: str | None = None
    recount_flops: int | None = None
    recount_source: Text | None = field(default=None, hash=False)

    @property
    def params(self) -> int:
        """``N`` of the estimate: the preset's exact active count, else the published size."""
        if self.preset is None:
            return self.published_params
        return counts(presets.load(self.preset)).active

    @property
    def six_nd(self) -> int:
        """Training FLOPs by ``6 * N * D``."""
        return training_flops(self.params, self.tokens)

    @property
    def tokens_per_param(self) -> Fraction:
        """Training tokens per parameter, ``D / N``."""
        return Fraction(self.tokens, self.params)

    @property
    def reported_key(self) -> str:
        """Named-figure key of the reported compute: ``"gpt3.train_flops"``."""
        return f"{self.id}.train_flops"

    @property
    def six_nd_key(self) -> str:
        """Named-figure key of the ``6ND`` estimate: ``"gpt3.train_flops_6nd"``."""
        return f"{self.id}.train_flops_6nd"

    @property
    def budget(self) -> int | None:
        """The published compute budget: the run's own, or the one it was trained to match."""
        if self.reported_flops is not None:
            return self.reported_flops
        return get(self.budget_of).reported_flops if self.budget_of else None


RUNS: dict[str, Run] = {
    run.id: run
    for run in (
        Run(
            id="gpt3",
            name="GPT-3",
            # Table D.1: "Params (M) 174,600", 300 billion tokens, 3.14E+23 FLOPs,
            # 3.64E+03 petaflop/s-days, 6 FLOPs per parameter per token.
            published_params=174_600_000_000,
            tokens=300 * 10**9,
            source=_BROWN,
            preset="gpt3-175b",
            reported_flops=314 * 10**21,
            reported_source=_BROWN,
            reported_pf_days=3_640,
        ),
        Run(
            id="gopher",
            name="Gopher",
            # Hoffmann et al. 2022, Table 1 (280B, 300B tokens); the budget 5.76 x 10^23 is the
            # value of Rae et al. 2021 (Gopher), used as "the number of FLOPs used to train
            # Gopher" in Figure 2; Appendix F recounts it as 6.3 x 10^23.
            published_params=280 * 10**9,
            tokens=300 * 10**9,
            source={"en": _HOFFMANN["en"] + ", Table 1", "zh": _HOFFMANN["zh"] + "，表 1"},
            reported_flops=576 * 10**21,
            reported_source={
                "en": "Rae et al. 2021, as cited by " + _HOFFMANN["en"] + ", Figure 2",
                "zh": "Rae 等，2021，转引自 " + _HOFFMANN["zh"] + "，图 2",
            },
            recount_flops=63 * 10**22,
            recount_source={
                "en": _HOFFMANN["en"] + ", Appendix F",
                "zh": _HOFFMANN["zh"] + "，附录 F",
            },
        ),
        Run(
            id="chinchilla",
            name="Chinchilla",
            # Section 4: 70B parameters for 1.4T tokens; "Both Chinchilla and Gopher have been
            # trained for the same number of FLOPs".
            published_params=70 * 10**9,
            tokens=1_400 * 10**9,
            source={"en": _HOFFMANN["en"] + ", section 4", "zh": _HOFFMANN["zh"] + "，第 4 节"},
            budget_of="gopher",
        ),
        Run(
            id="deepseek-v3",
            name="DeepSeek-V3",
            # Abstract: 671B total, 37B activated, pre-trained on 14.8 trillion tokens; the cost
            # is given in H800 GPU hours, not FLOPs.
            published_params=37 * 10**9,
            tokens=14_800 * 10**9,
            source={
                "en": "DeepSeek-V3 Technical Report, 2024, abstract",
                "zh": "DeepSeek-V3 技术报告，2024，摘要",
            },
            preset="deepseek-v3",
        ),
    )
}
"""The runs the site names, by id."""


def ids() -> list[str]:
    """The ids of `RUNS`, in the order the site lists them."""
    return list(RUNS)


def get(run_id: str | None) -> Run:
    """The run ``run_id`` (``"gpt3"``, ``"gopher"``, ``"chinchilla"``, ``"deepseek-v3"``).

    Raises:
        LLMSizeError: If there is no such run.
    """
    if run_id not in RUNS:
        raise LLMSizeError(f"run must be one of {', '.join(RUNS)}, got {run_id!r}")
    return RUNS[run_id]


@dataclass(frozen=True)
class Projection:
    """One row of Hoffmann et al. 2022, Table 3 (Approach 1): a compute-optimal size.

    Attributes:
        params: Model size.
        flops: The training FLOPs the paper projects for it.
        tokens: The training tokens the paper projects for it.
    """

    params: int
    flops: int
    tokens: int


CHINCHILLA_TABLE3: tuple[Projection, ...] = (
    Projection(400 * 10**6, 192 * 10**17, 8_000 * 10**6),
    Projection(1 * 10**9, 121 * 10**18, 20_200 * 10**6),
    Projection(10 * 10**9, 123 * 10**20, 205_100 * 10**6),
    Projection(67 * 10**9, 576 * 10**21, 1_500 * 10**9),
    Projection(175 * 10**9, 385 * 10**22, 3_700 * 10**9),
    Projection(280 * 10**9, 990 * 10**22, 5_900 * 10**9),
)
"""Hoffmann et al. 2022, Table 3, as printed (the 520B, 1T and 10T rows left out); the 67B row's
FLOPs are Gopher's budget ("1" in the table's Gopher units)."""

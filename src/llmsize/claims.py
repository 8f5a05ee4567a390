"""Published figures against exact counts: what a claim counts, how its label rounds, the gap.

A preset's claims (`llmsize.presets.Claim`) are figures as their authors print them: ``"7B"``,
``"46.7B"``, ``"7,751,248,896"``. This module says which exact count each one describes, whether
the label is a rounding of it, and how far off it is, in one convention for the whole site:

* **The count a claim describes** is the preset's count of the claim's kind (``total``,
  ``active``...), except where the authors state another definition: DeepSeek's and OpenAI's
  activated figures leave out the input embedding, and DeepSeek-V3's "685B" is every value of the
  Hub checkpoint.
* **The gap** is ``(claim - exact) / exact``: the base is the exact count and the sign is the
  claim's, so ``+`` means the label overstates (`gap`; `llmsize.fmt.gap` prints it).
"""

from __future__ import annotations

from fractions import Fraction

from llmsize.count import Counts, counts
from llmsize.errors import LLMSizeError
from llmsize.presets import Claim, Preset
from llmsize.spec import MoE

__all__ = [
    "CONVENTIONS",
    "VERDICTS",
    "convention",
    "exact_for",
    "gap",
    "gap_key",
    "label_digits",
    "label_value",
    "shared_expert_units",
    "verdict",
]

#: Claims whose authors state a definition of their own: (preset id, claim kind) -> convention.
#: ``active_less_input``: activated parameters without the input embedding (a table lookup
#: multiplies nothing), as DeepSeek's README_WEIGHTS and model cards state, and as OpenAI's
#: gpt-oss model card counts them (the output head in, the input embedding out).
#: ``checkpoint``: every value of every tensor in the released checkpoint, as the Hub sums it.
#: ``active_text``: a vision-language model's active count without its vision tower and
#: projector (and audio encoder), which run on images (audio) only: what one text token touches
#: (Meta's, Qwen's and Google's Gemma 4 figures).
#: ``total_text``: the language model's total, the vision (and audio) part left out, as Google's
#: Gemma 4 card lists the vision encoder on a row of its own.
#: ``non_embedding_text``: the language model's non-embedding count, the vision part left out as
#: the Gemma 3 report's Table 1 lists it apart.
CONVENTIONS: dict[tuple[str, str], str] = {
    ("deepseek-v3", "active"): "active_less_input",
    ("deepseek-v2-lite", "active"): "active_less_input",
    ("gpt-oss-120b", "active"): "active_less_input",
    ("gpt-oss-20b", "active"): "active_less_input",
    ("deepseek-v3", "stored"): "checkpoint",
    ("deepseek-v3.2", "active"): "active_less_input",
    ("deepseek-v3.2", "stored"): "checkpoint",
    ("gemma-3-27b", "non_embedding"): "non_embedding_text",
    ("gemma-4-26b-a4b", "total"): "total_text",
    ("gemma-4-26b-a4b", "active"): "active_text",
    ("llama-4-scout", "active"): "active_text",
    ("llama-4-maverick", "active"): "active_text",
    ("qwen3.5-397b-a17b", "active"): "active_text",
}

#: How a label relates to the exact count, in the order pages list them.
VERDICTS = ("rounded", "truncated", "exact", "not_rounding")

_UNITS = {"K": 10**3, "M": 10**6, "B": 10**9, "T": 10**12}


def convention(preset: Preset, claim: Claim) -> str | None:
    """The definition the authors state for ``claim``, or None for the plain count of its kind."""
    return CONVENTIONS.get((preset.id, claim.kind))


def exact_for(preset: Preset, claim: Claim, count: Counts | None = None) -> int:
    """The exact count that ``claim`` describes, under the authors' own definition.

    Args:
        preset: The model the claim is about.
        claim: One of ``preset.claims``.
        count: ``counts(preset.spec)``, if the caller has it already.

    Returns:
        The exact figure of the same definition.
    """
    c = count if count is not None else counts(preset.spec)
    rule = convention(preset, claim)
    if rule == "active_less_input":
        return c.active - c.breakdown.get("embeddings.token")
    if rule == "checkpoint":
        return c.checkpoint
    if rule == "active_text":
        return c.active - c.vision - c.audio
    if rule == "total_text":
        return c.total - c.vision - c.audio
    if rule == "non_embedding_text":
        vision = preset.spec.vision
        return c.non_embedding - (c.vision - (vision.position_params if vision else 0)) - c.audio
    value: int = getattr(c, claim.kind)
    return value


def label_value(text: str) -> tuple[Fraction, Fraction]:
    """A label's value and the place of its last significant digit.

    Args:
        text: A published figure: ``"110M"``, ``"46.7B"``, ``"70B"``, ``"7,751,248,896"``.

    Returns:
        ``(value, place)``: ``"110M"`` -> (110,000,000, 10,000,000); ``"46.7B"`` ->
        (46,700,000,000, 100,000,000); an integer written out in full has place 1 unless it
        ends in zeros.

    Raises:
        LLMSizeError: If ``text`` is not a number with an optional K, M, B or T.
    """
    body = text.replace(",", "") if isinstance(text, str) else ""
    unit = _UNITS.get(body[-1:], 1)
    if body[-1:] in _UNITS:
        body = body[:-1]
    whole, _, frac = body.partition(".")
    if not (whole + frac).isdigit() or not whole:
        raise LLMSizeError(f"text must be a figure such as '46.7B', got {text!r}")
    digits = (whole + frac).rstrip("0")
    zeros = len(whole + frac) - len(digits)
    place = Fraction(unit, 10 ** len(frac)) * 10**zeros
    return Fraction(body) * unit, place


def label_digits(text: str) -> int:
    """Significant digits of a label: ``"6.53B"`` -> 3, ``"70B"`` -> 1, ``"110M"`` -> 2."""
    value, place = label_value(text)
    return max(1, len(str(int(value / place))))


def verdict(exact: int, text: str) -> str:
    """How a label relates to the exact figure: one of `VERDICTS`.

    ``exact`` if it is every digit; ``rounded`` if rounding the exact count half up at the
    label's last significant digit gives the label; ``truncated`` if dropping the digits does;
    otherwise ``not_rounding``.

    Args:
        exact: The exact count of the label's definition (`exact_for`).
        text: The label as published.

    Returns:
        The verdict key.
    """
    value, place = label_value(text)
    if value == exact:
        return "exact"
    units = Fraction(exact) / place
    if int(units + Fraction(1, 2)) * place == value:
        return "rounded"
    if int(units) * place == value:
        return "truncated"
    return "not_rounding"


def gap(claim: int, exact: int) -> Fraction:
    """``(claim - exact) / exact``: the site's one claim-vs-exact convention.

    Args:
        claim: The published figure as an integer (`llmsize.presets.Claim.value`).
        exact: The exact count it describes (not zero).

    Returns:
        The gap as an exact fraction; positive when the claim overstates.

    Raises:
        LLMSizeError: If ``exact`` is zero.
    """
    if exact == 0:
        raise LLMSizeError("exact must not be zero")
    return Fraction(claim - exact, exact)


def gap_key(preset: Preset, claim: Claim) -> str:
    """The name pages mark a claim's gap with: ``"gap.gemma-7b.total"``.

    When the preset has several claims of the same kind (GPT-2's "117M" and "124M"), the
    label is appended: ``"gap.gpt2.total.117M"``. Two pages that state the same claim's gap use
    the same key, and the site's named-figure test checks that they agree.
    """
    same_kind = [c for c in preset.claims if c.kind == claim.kind]
    key = f"gap.{preset.id}.{claim.kind}"
    return key if len(same_kind) <= 1 else f"{key}.{claim.text}"


def shared_expert_units(moe: MoE) -> int:
    """Shared experts counted in routed-expert widths, as the models' authors count them.

    A config may give the shared experts as a count (DeepSeek: ``n_shared_experts`` = 2 of
    width 1,408) or as one fused MLP whose width is several experts' (Qwen1.5-MoE-A2.7B:
    ``shared_expert_intermediate_size`` = 5,632 = 4 × 1,408, which Qwen describe as 4 shared
    experts). Either way the parameters are the same; this returns how many expert widths the
    shared part spans.

    Args:
        moe: The mixture-of-experts part of a spec.

    Returns:
        ``num_shared_experts * shared_ffn / expert_ffn`` when that divides exactly, else
        ``num_shared_experts``.
    """
    width = moe.num_shared_experts * moe.shared_ffn
    if width and width % moe.expert_ffn == 0:
        return width // moe.expert_ffn
    return moe.num_shared_experts

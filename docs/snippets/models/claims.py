# Real models: every preset, every published figure against its exact count, and why they differ.
# Needs md.py, models/common.py and models/published.py included first.
from llmsize import claims, fmt
from llmsize.text import LABELS, say

_PRESETS_HEADER = (
    HEADS["model"],
    {"en": "Architecture", "zh": "结构"},
    LABELS["head"],
    LABELS["total"],
    HEADS["exactly"],
    LABELS["active"],
)
_PRESETS = {
    "same": {"en": "= total", "zh": "同总数"},
    "fused": {
        "en": "{name}'s config gives its shared experts as one fused MLP:"
        " `shared_expert_intermediate_size` = {width} = {units} × {expert}, the width of"
        " {units} routed experts (`moe_intermediate_size`). {org} describe them as {units}"
        " shared experts, and the tables here count them so; the parameters are the same"
        " either way.",
        "zh": "{name} 的配置把共享专家写成一个合并的 MLP：`shared_expert_intermediate_size` ="
        " {width} = {units} × {expert}，即 {units} 个路由专家（`moe_intermediate_size`）的宽度。"
        "{org}称之为 {units} 个共享专家，本页的表格也这样计数；两种写法的参数量相同。",
    },
}
# Who describe the fused shared MLP as several experts: Qwen's blog post "Qwen1.5-MoE: Matching
# 7B Model Performance with 1/3 Activated Parameters" (March 2024): "4 shared experts and 60
# routing experts with 4 activated".
_FUSED_BY = {"qwen1.5-moe-a2.7b": {"en": "Qwen", "zh": "Qwen 团队"}}


def presets_table(lang):
    """Every preset, family by family: architecture, output head, exact total and active."""
    rows = []
    for i in ORDER:
        c = COUNTS[i]
        active = fmt.count(c.active, lang) if c.active != c.total else say(_PRESETS["same"], lang)
        rows.append([PRESETS[i].name, architecture(i, lang), head_kind(i, lang)])
        rows[-1] += [f"**{fmt.count(c.total, lang)}**", fmt.exact(c.total, lang), active]
    return table(_PRESETS_HEADER, rows, "lllrrr", lang)


def shared_note(lang):
    """The models whose shared experts are one fused MLP, with the widths that say how many."""
    notes = []
    for i in ORDER:
        if not fused_shared(SPECS[i]):
            continue
        m = SPECS[i].moe
        units = claims.shared_expert_units(m)
        assert units * m.expert_ffn == m.shared_ffn
        notes.append(
            say(
                _PRESETS["fused"],
                lang,
                name=PRESETS[i].name,
                width=fmt.exact(m.shared_ffn, lang),
                units=fmt.exact(units, lang),
                expert=fmt.exact(m.expert_ffn, lang),
                org=say(_FUSED_BY[i], lang),
            )
        )
    assert notes == [] or "qwen1.5-moe-a2.7b" in _FUSED_BY
    return "\n\n".join(notes)


# What a claim counts: a count definition (fmt.label), or a definition its authors state
# (llmsize.claims.CONVENTIONS): DeepSeek's "checkpoint" is a count definition too.
_LESS_INPUT = {
    "en": "Active per token, input embedding left out",
    "zh": "每个词元激活的参数量，不计输入嵌入",
}


_OWN_KINDS = {
    "active_less_input": _LESS_INPUT,
    "total_text": {
        "en": "Total, language model only (vision encoder left out)",
        "zh": "总参数量（仅语言模型，不计视觉编码器）",
    },
    "active_text": {
        "en": "Active per text token (vision encoder left out)",
        "zh": "每个文本词元激活的参数量（不计视觉编码器）",
    },
    "non_embedding_text": {
        "en": "Non-embedding, language model only",
        "zh": "非嵌入参数量（仅语言模型）",
    },
}


def _kind(kind, lang):
    return say(_OWN_KINDS[kind], lang) if kind in _OWN_KINDS else fmt.label(kind, lang)


VERDICT = {
    "exact": {"en": "exact", "zh": "精确"},
    "rounded": {"en": "rounded", "zh": "取整"},
    "truncated": {"en": "cut off, not rounded", "zh": "截断而非四舍五入"},
    "not_rounding": {"en": "not a rounding of it", "zh": "并非对它取整"},
}
_LABEL_IS = {"en": "The label is", "zh": "这个数字是"}
_CLAIMS_HEADER = (
    HEADS["model"],
    HEADS["published"],
    HEADS["count"],
    {"en": "Exact, same definition", "zh": "同一口径的精确值"},
    GAP_HEAD,
    _LABEL_IS,
)
_CLAIMS = {
    "source": {"en": "Source: ", "zh": "出处："},
    "colon": {"en": ": ", "zh": "："},
}


def claims_table(lang):
    """Every published figure beside the exact count it describes, with the gap."""
    rows, last = [], None
    for i, claim in all_claims():
        exact = exact_of(i, claim)
        kind = claims.convention(PRESETS[i], claim) or claim.kind
        name = PRESETS[i].name if i != last else ""
        last = i
        rows.append([name, f"**{published(claim, lang)}**", _kind(kind, lang)])
        rows[-1] += [fmt.exact(exact, lang), gap_cell(i, claim, lang)]
        rows[-1].append(say(VERDICT[claims.verdict(exact, claim.text)], lang))
    return table(_CLAIMS_HEADER, rows, "lrlrrl", lang)


def reasons(lang):
    """Why each published figure differs, with its source: a list, one item per claim."""
    out = []
    for i in ORDER:
        if not PRESETS[i].claims:
            continue
        out.append(f"**{PRESETS[i].name}**\n")
        for claim in PRESETS[i].claims:
            colon, source = say(_CLAIMS["colon"], lang), say(_CLAIMS["source"], lang)
            reason = say(claim.reason, lang)
            out.append(
                f"- **{published(claim, lang)}**{colon}{reason} *{source}{say(claim.source, lang)}*"
            )
        out.append("")
    return "\n".join(out)


_VERDICTS_HEADER = (_LABEL_IS, HEADS["how_many"], {"en": "Which", "zh": "哪些"})


def verdict_counts(lang):
    """How many labels are exact, rounded, cut off, or neither, and which."""
    groups = {}
    for i, claim in all_claims():
        key = claims.verdict(exact_of(i, claim), claim.text)
        groups.setdefault(key, []).append(f"{PRESETS[i].name} {published(claim, lang)}")
    rows = [
        [say(VERDICT[key], lang), fmt.exact(len(groups[key]), lang)] + [listing(groups[key], lang)]
        for key in claims.VERDICTS
        if key in groups
    ]
    return table(_VERDICTS_HEADER, rows, "lrl", lang)

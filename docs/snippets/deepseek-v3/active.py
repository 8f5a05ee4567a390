# DeepSeek-V3 page: what one token uses against what the model stores, and DeepSeek's own count.
# Needs md.py, deepseek-v3/common.py and models/published.py included first (charts.py for chart).
from llmsize import fmt
from llmsize.claims import exact_for
from llmsize.text import LABELS, say

_ACTIVE_HEADER = (
    HEADS["part"],
    {"en": "In the model", "zh": "模型中共有"},
    {"en": "One token uses", "zh": "一个词元用到"},
    {"en": "How much of it", "zh": "用到多少"},
    {"en": "Share used", "zh": "使用比例"},
)
# Part key: (name, or None for the breakdown's label of _LABEL_KEY[key]; what one token uses).
_PARTS = {
    "embedding": (
        None,
        {
            "en": "reads one row of {d} values: a lookup, no multiplication",
            "zh": "只读取其中一行（{d} 个数）：查表，不做乘法",
        },
    ),
    "attention": (
        {"en": "Attention, all {layers} layers", "zh": "注意力，全部 {layers} 层"},
        {"en": "all of it, in every layer", "zh": "全部，每一层都用"},
    ),
    "dense_ffn": (
        {"en": "Dense FFN, first {dense} layers", "zh": "稠密前馈网络，前 {dense} 层"},
        {"en": "all of it", "zh": "全部"},
    ),
    "router": (
        None,
        {"en": "all of it: scores every expert", "zh": "全部：给每个专家打分"},
    ),
    "shared": (
        None,
        {"en": "all of it, in every MoE layer", "zh": "全部，每个 MoE 层都用"},
    ),
    "routed": (
        None,
        {"en": "{k} of {e} in each MoE layer", "zh": "每个 MoE 层 {e} 个中选 {k} 个"},
    ),
    "norms": (None, {"en": "all of them", "zh": "全部"}),
    "head": (
        None,
        {
            "en": "all of it: a score for every token of the vocabulary",
            "zh": "全部：给词表中每个词元打分",
        },
    ),
}
_LABEL_KEY = {
    "embedding": "token",
    "router": "router",
    "shared": "shared_experts",
    "routed": "experts",
    "norms": "norms",
    "head": "head",
}


def _active_parts():
    """(key, total params, params one token uses) for each part of the model."""
    per_expert = MOEL.get("moe.experts") // (MOE.num_experts * MOEL.layers)
    routed_active = per_expert * MOE.experts_per_token * MOEL.layers
    norms = DENSE.get("norms") + MOEL.get("norms") + TREE.get("final_norm")
    attention = DENSE.get("attention") + MOEL.get("attention")
    shared = MOEL.get("moe.shared_experts")
    parts = [
        ("embedding", EMB, EMB),
        ("attention", attention, attention),
        ("dense_ffn", DENSE.get("mlp"), DENSE.get("mlp")),
        ("router", MOEL.get("moe.router"), MOEL.get("moe.router")),
        ("shared", shared, shared),
        ("routed", MOEL.get("moe.experts"), routed_active),
        ("norms", norms, norms),
        ("head", HEAD, HEAD),
    ]
    assert sum(p[1] for p in parts) == C.total
    assert sum(p[2] for p in parts) == C.active
    return parts


def _part_words(key, lang):
    """(name, what one token uses) of a part."""
    fields = {
        "layers": fmt.exact(V3.layers, lang),
        "dense": fmt.exact(V3.dense_layer_count, lang),
        "d": fmt.exact(D, lang),
        "k": fmt.exact(MOE.experts_per_token, lang),
        "e": fmt.exact(MOE.num_experts, lang),
    }
    name, used = _PARTS[key]
    shown = fmt.label(_LABEL_KEY[key], lang) if name is None else say(name, lang, **fields)
    return shown, say(used, lang, **fields)


def active_table(lang):
    """What one token touches, part by part, against what the model stores."""
    rows = []
    for key, total, used in _active_parts():
        name, how = _part_words(key, lang)
        rows.append([name, fmt.count(total, lang), fmt.count(used, lang), how])
        rows[-1].append(fmt.percent(used, total, lang))
    rows.append([f"**{say(HEADS['whole_model'], lang)}**", f"**{fmt.count(C.total, lang)}**"])
    rows[-1] += [f"**{fmt.count(C.active, lang)}**", fmt.exact(C.active, lang)]
    rows[-1].append(f"**{fmt.percent(C.active, C.total, lang)}**")
    return table(_ACTIVE_HEADER, rows, "lrrlr", lang)


_DEEPSEEK_ACTIVE_HEADER = (
    HEADS["count"],
    HEADS["params"],
    HEADS["exactly"],
    {"en": "Rounded as DeepSeek does", "zh": "按 DeepSeek 的写法取整"},
)
_DEEPSEEK_ACTIVE = {
    "llmsize": {
        "en": "{active}, llmsize (both vocabulary matrices)",
        "zh": "{active}，llmsize（两个词表矩阵都计入）",
    },
    "less": {"en": "less the input embedding (a lookup)", "zh": "减去输入嵌入（只是查表）"},
    "deepseek": {"en": "DeepSeek’s activated parameters", "zh": "DeepSeek 的激活参数量"},
    "36.6B": {"en": "README_WEIGHTS", "zh": "README_WEIGHTS"},
    "37B": {"en": "report, README", "zh": "技术报告、README"},
}


def deepseek_active(lang):
    """llmsize's active count against DeepSeek's, which leave out the input embedding."""
    claims = {c.text: c for c in PRESET.claims if c.kind == "active"}
    without = exact_for(PRESET, claims["36.6B"])
    assert without == C.active - EMB
    # Independent source: deepseek-ai/DeepSeek-V3 README_WEIGHTS.md, "Activation parameters:
    # 36.6B (including 0.9B for the output Head)"; the technical report's abstract, "37B activated".
    assert fmt.count(without, "en") == "36.6B"
    assert fmt.count(without, "en", digits=2) == "37B"
    assert (HEAD + 50_000_000) // 100_000_000 == 9  # 0.9B for the output head
    said = " · ".join(
        published(claims[t], lang, say(_DEEPSEEK_ACTIVE[t], lang)) for t in ("36.6B", "37B")
    )
    rows = [
        [
            say(_DEEPSEEK_ACTIVE["llmsize"], lang, active=fmt.label("active", lang)),
            fmt.count(C.active, lang),
            fmt.exact(C.active, lang),
            "",
        ],
        [
            say(_DEEPSEEK_ACTIVE["less"], lang),
            f"−{fmt.count(EMB, lang)}",
            f"−{fmt.exact(EMB, lang)}",
            "",
        ],
        [f"**{say(_DEEPSEEK_ACTIVE['deepseek'], lang)}**", f"**{fmt.count(without, lang)}**"]
        + [f"**{fmt.exact(without, lang)}**", said],
    ]
    return table(_DEEPSEEK_ACTIVE_HEADER, rows, "lrrr", lang)


_CHART = {
    "groups": [LABELS["total"], LABELS["active"]],
    "rest": {
        "en": "Embedding, head, dense FFN, shared expert, routers, norms",
        "zh": "嵌入、输出头、稠密前馈、共享专家、路由器、归一化",
    },
    "title": {
        "en": "DeepSeek-V3: {total} parameters in total, {active} used per token",
        "zh": "DeepSeek-V3：共 {total}参数，每个词元用到 {active}",
    },
    "ylabel": HEADS["params"],
}


def chart(lang):
    """Stacked bars: the total and the active count, split into the same parts."""
    # Three series, bottom to top: attention, everything else every token uses, routed experts.
    attention, experts = fmt.label("attention", lang), fmt.label("experts", lang)
    rest = say(_CHART["rest"], lang)
    merged = {attention: (0, 0), rest: (0, 0), experts: (0, 0)}
    for key, total, used in _active_parts():
        name = {"attention": attention, "routed": experts}.get(key, rest)
        a, b = merged[name]
        merged[name] = (a + total, b + used)
    series = [(name, [t, u]) for name, (t, u) in merged.items()]
    title = say(
        _CHART["title"], lang, total=fmt.count(C.total, lang), active=fmt.count(C.active, lang)
    )
    return stacked(
        [say(g, lang) for g in _CHART["groups"]],
        series,
        title,
        ylabel=say(_CHART["ylabel"], lang),
        value_format=lambda v: fmt.count(v, lang),
    )

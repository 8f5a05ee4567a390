# DeepSeek-V3 page: a dense layer against an MoE layer, and the whole model part by part.
# Needs md.py and deepseek-v3/common.py included first.
from llmsize import fmt
from llmsize.text import say

_LAYERS_HEADER = (
    HEADS["part"],
    HEADS["formula"],
    {"en": "Dense layer", "zh": "稠密层"},
    {"en": "MoE layer", "zh": "MoE 层"},
)
_LAYERS = {
    "see_above": {"en": "see above", "zh": "见上表"},
    "norms": {"en": "Two RMSNorms", "zh": "两个 RMSNorm"},
    "dense_ffn": {"en": "Dense FFN (gate, up, down)", "zh": "稠密前馈网络（门控、升维、降维）"},
    "one_expert": {"en": "One expert", "zh": "单个专家"},
    "one_layer": HEADS["one_layer"],
    "layers": {"en": "Layers of this kind", "zh": "这种层的层数"},
    "all_layers": {"en": "All layers of this kind", "zh": "这种层合计"},
    "through": {"en": "FFN width one token passes through", "zh": "一个词元实际经过的前馈宽度"},
    "vs": {"en": "`F` vs `(k + 1)·f`", "zh": "`F` 与 `(k + 1)·f`"},
    "note": {
        "en": "One MoE layer holds {ratio} the parameters of a dense layer;"
        " {share} of it is routed experts.",
        "zh": "一个 MoE 层的参数量是稠密层的 {ratio}，其中 {share} 是路由专家。",
    },
}


def layer_table(lang):
    """The two kinds of layer side by side, per layer and over the stack."""
    experts = MOEL.find("moe.experts").per_layer
    attn, norms = DENSE.find("attention").per_layer, DENSE.find("norms").per_layer
    assert norms == MOEL.find("norms").per_layer
    through = (MOE.experts_per_token + MOE.num_shared_experts) * MOE.expert_ffn
    assert through == V3.ffn
    w = {key: say(text, lang) for key, text in _LAYERS.items() if key != "note"}
    rows = [
        [
            fmt.label("attention", lang),
            w["see_above"],
            fmt.exact(attn, lang),
            fmt.exact(attn, lang),
        ],
        [w["norms"], "`2·D`", fmt.exact(norms, lang), fmt.exact(norms, lang)],
        [w["dense_ffn"], "`3·D·F`", fmt.exact(DENSE.find("mlp").per_layer, lang), DASH],
        [
            fmt.label("router", lang),
            "`D·E`",
            DASH,
            fmt.exact(MOEL.find("moe.router").per_layer, lang),
        ],
        [w["one_expert"], "`3·D·f`", DASH, f"({fmt.exact(experts // MOE.num_experts, lang)})"],
        [fmt.label("experts", lang), "`E·3·D·f`", DASH, fmt.exact(experts, lang)],
        [fmt.label("shared_experts", lang), "`3·D·f`", DASH]
        + [fmt.exact(MOEL.find("moe.shared_experts").per_layer, lang)],
        [f"**{w['one_layer']}**", "", f"**{fmt.exact(DENSE.per_layer, lang)}**"]
        + [f"**{fmt.exact(MOEL.per_layer, lang)}**"],
        [w["layers"], "", fmt.exact(DENSE.layers, lang), fmt.exact(MOEL.layers, lang)],
        [f"**{w['all_layers']}**", "", f"**{fmt.count(DENSE.params, lang)}**"]
        + [f"**{fmt.count(MOEL.params, lang)}**"],
        [w["through"], w["vs"], fmt.exact(V3.ffn, lang), fmt.exact(through, lang)],
    ]
    return table(_LAYERS_HEADER, rows, "llrr", lang)


def layer_note(lang):
    """How much larger an MoE layer is than a dense one, and how much of it is experts."""
    experts = MOEL.find("moe.experts").per_layer
    return say(
        _LAYERS["note"],
        lang,
        ratio=fmt.times(MOEL.per_layer, DENSE.per_layer, lang),
        share=fmt.percent(experts, MOEL.per_layer, lang),
    )


_BREAKDOWN_HEADER = (HEADS["part"], HEADS["params"], HEADS["exactly"], HEADS["share_total"])
_BREAKDOWN = {
    "dense_ffn": {"en": "Dense FFN", "zh": "稠密前馈网络"},
    "note": {
        "en": "Routed experts: {e} of all parameters. Attention in all {layers} layers: {a}."
        " Embedding and output head together: {v}.",
        "zh": "路由专家占全部参数的 {e}；全部 {layers} 层的注意力占 {a}；嵌入和输出头合起来占 {v}。",
    },
}


def _rows_of(lang):
    """(indent, label, params) for the whole-model breakdown."""
    out = [(0, fmt.label("token", lang), EMB)]
    for group in (DENSE, MOEL):
        name = fmt.both(fmt.label(group.key, lang), f"×{fmt.exact(group.layers, lang)}", lang)
        out.append((0, name, group.params))
        for part in group.children:
            if part.key == "moe":
                out += [(1, fmt.label(sub.key, lang), sub.params) for sub in part.children]
            elif part.key == "mlp":
                out.append((1, say(_BREAKDOWN["dense_ffn"], lang), part.params))
            else:
                out.append((1, fmt.label(part.key, lang), part.params))
    out.append((0, fmt.label("final_norm", lang), TREE.get("final_norm")))
    out.append((0, fmt.label("head", lang), HEAD))
    return out


def breakdown_table(lang):
    """Where the parameters sit, as a share of the total."""
    rows, top = [], 0
    for indent, name, n in _rows_of(lang):
        share = fmt.percent(n, C.total, lang)
        if indent == 0:
            top += n
            rows.append(
                [f"**{name}**", f"**{fmt.count(n, lang)}**", fmt.exact(n, lang), f"**{share}**"]
            )
        else:
            rows.append([f"&emsp;{name}", fmt.count(n, lang), fmt.exact(n, lang), share])
    assert top == C.total
    total = say(HEADS["sum"], lang)
    rows.append(
        [f"**{total}**", f"**{fmt.count(C.total, lang)}**", f"**{fmt.exact(C.total, lang)}**"]
    )
    rows[-1].append(fmt.percent(C.total, C.total, lang))
    return table(_BREAKDOWN_HEADER, rows, "lrrr", lang)


def breakdown_note(lang):
    """The shares of experts, attention and vocabulary tables in the total."""
    attention = DENSE.get("attention") + MOEL.get("attention")
    return say(
        _BREAKDOWN["note"],
        lang,
        e=fmt.percent(MOEL.get("moe.experts"), C.total, lang),
        a=fmt.percent(attention, C.total, lang),
        v=fmt.percent(EMB + HEAD, C.total, lang),
        layers=fmt.exact(V3.layers, lang),
    )

# Real models: the headline gaps as a chart, and the oracle that checks every exact count.
# Needs md.py, models/common.py and models/published.py included first (charts.py for the chart).
from llmsize import claims, fmt, stored
from llmsize.text import say

_CHART = {
    "label": {"en": "{name} ({label})", "zh": "{name}：{label}"},
    "title": {
        "en": "Headline figure against the exact total, (label − exact) / exact in percent"
        " (orange: the label overstates, blue: it understates)",
        "zh": "标称数字与精确总参数量之差，（标签 − 精确值）/ 精确值，以百分比计"
        "（橙色：标签偏高；蓝色：标签偏低）",
    },
}


def headline_chart(lang):
    """How far each model's headline total is from its exact count, in percent."""
    labels, values, texts, colors = [], [], [], []
    for i in ORDER:
        claim = PRESETS[i].claim("total")
        if claim is None:
            continue
        exact = exact_of(i, claim)
        labels.append(
            say(_CHART["label"], lang, name=PRESETS[i].name, label=published(claim, lang))
        )
        values.append(float(abs(claims.gap(claim.value, exact)) * 100))  # bar length only
        texts.append(fmt.gap(claim.value, exact, lang))
        colors.append(PALETTE[1] if claim.value > exact else PALETTE[0])
    return hbar(labels, values, say(_CHART["title"], lang), texts, colors=colors)


_ORACLE = {
    "same_head": {"en": "Same", "zh": "是否一致"},
    "same": {"en": "✓ matches transformers", "zh": "✓ 与 transformers 一致"},
    "gpt2": {
        "en": "What is compared is the model's parameters, not a file's values. GPT-2's file on"
        " the Hub also stores each block's causal attention mask (`attn.bias`, {positions} ×"
        " {positions} values in each of its {layers} blocks), a constant, not a parameter:"
        " transformers does not count it (recent versions no longer create it, and skip it when"
        " loading). The Hub's"
        " safetensors total for openai-community/gpt2, {hub}, is the {total} parameters plus"
        " those {masks} mask values.",
        "zh": "这里比较的是模型的参数，而不是文件里的数值。Hub 上 GPT-2 的文件还为每个块存了一份因果"
        "注意力掩码（`attn.bias`，{layers} 个块各 {positions} × {positions} 个数），它是常量，不是参数："
        "transformers 不把它算作参数（较新的版本已不再创建它，加载时也会跳过）。因此 Hub 对 openai-community/gpt2 的"
        " safetensors 统计是 {hub}，即 {total} 个参数加上这 {masks} 个掩码数值。",
    },
}
# The Hub's safetensors metadata of openai-community/gpt2: {"F32": 137022720}, also the example
# table of the safetensors documentation ("Metadata Parsing": gpt2, single-file, F32 137022720).
HUB_GPT2 = 137_022_720


def oracle_table(lang):
    """Each total against transformers' own count of the same config."""
    version = ORACLE["transformers"]
    header = [HEADS["model"], "llmsize", f"transformers {version}", _ORACLE["same_head"]]
    rows = []
    for i in ORDER:
        mine, theirs = COUNTS[i].total, ORACLE["figures"][f"preset:{i}"]
        same = say(_ORACLE["same"], lang) if mine == theirs else "✗"
        rows.append([PRESETS[i].name, fmt.exact(mine, lang), fmt.exact(theirs, lang), same])
    return table(header, rows, "lrrc", lang)


def gpt2_hub(lang):
    """What the Hub's figure for GPT-2 counts: the parameters and the stored causal masks."""
    spec, total = SPECS["gpt2"], COUNTS["gpt2"].total
    masks = stored.gpt2_mask_values(spec)
    assert total + masks == HUB_GPT2
    x = {"positions": spec.max_positions, "layers": spec.layers, "hub": HUB_GPT2}
    x |= {"total": total, "masks": masks}
    fields = {k: fmt.exact(n, lang) for k, n in x.items()}
    return say(_ORACLE["gpt2"], lang, **fields)

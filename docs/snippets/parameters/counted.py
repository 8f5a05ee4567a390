# Parameters page, counted: GPT-2 and Llama-2-7B component by component, their published
# figures, where the parameters sit, and the 12·L·D² rule's gap. A fence includes md.py (and
# charts.py for a chart; models/published.py for the claims, as the Real models page writes
# them), then this file, and prints e.g. formulas("gpt2", "zh").
#
# Two independent routes meet in every formula table: a formula written out below from the
# spec's fields (V·D, 4·D² + 4·D...) and llmsize's breakdown tree. The coarse parts and the
# rule's gap are llmsize.anatomy's; GQA's saving is llmsize.serving's.
from llmsize import counts, fmt, presets
from llmsize.anatomy import categories, rule_gap
from llmsize.serving import gqa_saving
from llmsize.text import LABELS, say

gpt2 = presets.load("gpt2")
llama2 = presets.load("llama-2-7b")
assert counts(gpt2).total == 124_439_808
assert counts(llama2).total == 6_738_415_616

MODELS = {"gpt2": gpt2, "llama-2-7b": llama2}

# --- formulas, component by component -------------------------------------------------------

# Each row: (label key, formula, note or None, formula evaluated from the spec's fields,
# breakdown path, per_layer). A row whose formula disagrees with the tree fails the build.


def _gpt2_rows(s):
    d, f, v, p = s.width, s.ffn, s.vocab, s.max_positions
    return [
        ("token", "V·D", None, v * d, "embeddings.token", False),
        ("position", "P·D", None, p * d, "embeddings.position", False),
        ("attention", "4·D² + 4·D", None, 4 * d * d + 4 * d, "layers.dense_layers.attention", True),
        ("mlp", "2·D·F + F + D", None, 2 * d * f + f + d, "layers.dense_layers.mlp", True),
        ("norms", "2 × 2·D", None, 2 * 2 * d, "layers.dense_layers.norms", True),
        ("final_norm", "2·D", None, 2 * d, "final_norm", False),
        ("head", "0", "tied", 0, "head", False),
    ]


def _llama_rows(s):
    d, f, v = s.width, s.ffn, s.vocab
    return [
        ("token", "V·D", None, v * d, "embeddings.token", False),
        ("position", "0", "RoPE", 0, "embeddings.position", False),
        ("attention", "4·D²", None, 4 * d * d, "layers.dense_layers.attention", True),
        ("mlp", "3·D·F", None, 3 * d * f, "layers.dense_layers.mlp", True),
        ("norms", "2 × D", None, 2 * d, "layers.dense_layers.norms", True),
        ("final_norm", "D", None, d, "final_norm", False),
        ("head", "V·D", None, v * d, "head", False),
    ]


_ROWS = {"gpt2": _gpt2_rows, "llama-2-7b": _llama_rows}
_FORMULAS_HEADER = (
    {"en": "Component", "zh": "组件"},
    HEADS["formula"],
    HEADS["per_layer"],
    {"en": "× layers", "zh": "× 层数"},
    HEADS["sum"],
)
_FORMULA_NOTES = {"tied": {"en": "tied", "zh": "共享"}, "RoPE": {"en": "RoPE", "zh": "RoPE"}}


def _formula_row(tree, spec, row, lang):
    """(cells, total) of one component; the formula must equal llmsize's breakdown."""
    key, formula, note, value, path, per_layer = row
    cell = f"`{formula}`"
    if note:
        cell = fmt.both(cell, say(_FORMULA_NOTES[note], lang), lang)
    if per_layer:
        part = tree.find(path)
        assert part.layers == spec.layers
        assert value == part.per_layer, (key, value, part.per_layer)
        whole = value * spec.layers
        cells = [fmt.exact(value, lang), f"×{spec.layers}", fmt.exact(whole, lang)]
    else:
        assert value == tree.get(path), (key, value, tree.get(path))
        whole = value
        cells = [DASH, DASH, fmt.exact(whole, lang)]
    return [fmt.label(key, lang), cell] + cells, whole


def formulas(model, lang):
    """Markdown table: each component's formula, its value per layer and in total."""
    spec = MODELS[model]
    c = counts(spec)
    rows, total = [], 0
    for row in _ROWS[model](spec):
        cells, whole = _formula_row(c.breakdown, spec, row, lang)
        rows.append(cells)
        total += whole
    assert total == c.total
    rows.append([f"**{say(HEADS['sum'], lang)}**", "", "", "", f"**{fmt.exact(total, lang)}**"])
    return table(_FORMULAS_HEADER, rows, "llrrr", lang)


# --- the published figures ------------------------------------------------------------------

_CLAIMS_HEADER = (
    {"en": "Stated", "zh": "说法"},
    HEADS["source"],
    {"en": "Why it differs from the exact {exact}", "zh": "与精确值 {exact} 的差别"},
)


def claims(model, lang):
    """Markdown table: the model's published figures, their sources and why they differ."""
    exact = fmt.exact(counts(MODELS[model]).total, lang)
    rows = []
    for claim in presets.get(model).claims:
        rows.append([published(claim, lang), say(claim.source, lang), say(claim.reason, lang)])
    header = [say(h, lang, exact=exact) for h in _CLAIMS_HEADER]
    return table(header, rows, "rll")


# --- what changes from GPT-2 to Llama-2-7B -----------------------------------------------------

_DIFF = {
    "header": {"en": "Design choice", "zh": "设计选择"},
    "effect": {"en": "Effect on the count", "zh": "对参数量的影响"},
    "yes": {"en": "yes", "zh": "有"},
    "no": {"en": "no", "zh": "无"},
    "learned": {"en": "learned table, `P × D`", "zh": "可学习的表，`P × D`"},
    "rope": {"en": "RoPE (no parameters)", "zh": "RoPE（无参数）"},
    "gated": {
        "en": "gated (SwiGLU), 3 matrices, `F` = {f}",
        "zh": "门控（SwiGLU），3 个矩阵，`F` = {f}",
    },
    "plain": {
        "en": "plain (GELU), 2 matrices, `F` = {f}",
        "zh": "普通（GELU），2 个矩阵，`F` = {f}",
    },
    "layernorm": {"en": "LayerNorm (scale + shift)", "zh": "LayerNorm（缩放 + 平移）"},
    "rmsnorm": {"en": "RMSNorm (scale only)", "zh": "RMSNorm（只有缩放）"},
    "tied": {"en": "tied to the token embedding", "zh": "与词元嵌入共享"},
    "untied": {"en": "its own `V × D` matrix", "zh": "独立的 `V × D` 矩阵"},
}
_DESIGN = (
    (
        "position",
        {"en": "Position encoding", "zh": "位置编码"},
        {"en": "`P·D` fewer", "zh": "少了 `P·D`"},
    ),
    (
        "ffn",
        {"en": "Feed-forward block", "zh": "前馈网络"},
        {"en": "`3·D·F` instead of `2·D·F`", "zh": "`3·D·F` 而不是 `2·D·F`"},
    ),
    (
        "norm",
        {"en": "Normalisation", "zh": "归一化"},
        {"en": "`D` per norm instead of `2·D`", "zh": "每个归一化 `D` 而不是 `2·D`"},
    ),
    (
        "bias",
        {"en": "Biases on linear layers", "zh": "线性层的偏置"},
        {"en": "none of the `+ 4·D` and `+ F + D` terms", "zh": "没有 `+ 4·D` 和 `+ F + D` 这些项"},
    ),
    ("head", LABELS["head"], {"en": "`V·D` more", "zh": "多出 `V·D`"}),
)


def _design(s, what, lang):
    """One spec's cell of the design-choice table."""
    if what == "position":
        key = "learned" if s.max_positions else "rope"
    elif what == "ffn":
        return say(_DIFF["gated" if s.gated_ffn else "plain"], lang, f=fmt.exact(s.ffn, lang))
    elif what == "norm":
        key = s.norm
    elif what == "bias":
        key = "yes" if (s.qkv_bias or s.o_bias or s.mlp_bias) else "no"
    else:
        key = "tied" if s.tied_embeddings else "untied"
    return say(_DIFF[key], lang)


def differences(lang):
    """Markdown table: the design choices that make Llama-2-7B's formulas differ from GPT-2's."""
    header = [say(_DIFF["header"], lang), gpt2.name, llama2.name, say(_DIFF["effect"], lang)]
    rows = [
        [say(name, lang), _design(gpt2, what, lang), _design(llama2, what, lang), say(effect, lang)]
        for what, name, effect in _DESIGN
    ]
    return table(header, rows, "llll")


# --- where the parameters sit: chart ------------------------------------------------------------

_BIASES = {"en": "Biases", "zh": "偏置"}
_CHART = {
    "weights": {"en": "weights", "zh": "权重"},
    "title": {"en": "Where the {n} parameters of {name} sit", "zh": "{name} 的 {n}参数分布在哪里"},
    "value": {"en": "{n} · {share}", "zh": "{n} · {share}"},
}
_ZERO_NOTE = {
    "head": {"en": "0 (tied: reuses the token embedding)", "zh": "0（与词元嵌入共享）"},
    "position": {"en": "0 (RoPE has no parameters)", "zh": "0（RoPE 没有参数）"},
}


def _category_label(key, lang):
    if key == "biases":
        return say(_BIASES, lang)
    if key in ("attention", "mlp"):
        return fmt.both(fmt.label(key, lang), say(_CHART["weights"], lang), lang)
    return fmt.label(key, lang)


def _value_text(key, n, total, lang):
    """Bar annotation: compact count and share, or why a part is empty."""
    if n == 0:
        return say(_ZERO_NOTE[key], lang) if key in _ZERO_NOTE else fmt.exact(0, lang)
    return say(_CHART["value"], lang, n=fmt.count(n, lang), share=fmt.share(n, total, lang))


def breakdown_chart(model, lang):
    """Inline SVG: horizontal bars of where ``model``'s parameters sit."""
    spec = MODELS[model]
    total = counts(spec).total
    parts = categories(spec)
    assert sum(n for _, n in parts) == total
    labels = [_category_label(key, lang) for key, _ in parts]
    texts = [_value_text(key, n, total, lang) for key, n in parts]
    title = say(_CHART["title"], lang, n=fmt.count(total, lang), name=spec.name)
    return hbar(labels, [n for _, n in parts], title, texts)


# --- the 12·L·D² rule ------------------------------------------------------------------------

_RULE_MODELS = ("gpt2", "gpt3-175b", "llama-2-7b", "llama-3-8b")
_RULE_HEADER = (
    HEADS["model"],
    "`12·L·D²`",
    HEADS["exact_non_embedding"],
    {"en": "Gap", "zh": "差值"},
    _BIASES,
    LABELS["norms"],
    {"en": "Attention ≠ `4·D²`", "zh": "注意力 ≠ `4·D²`"},
    {"en": "FFN ≠ `8·D²`", "zh": "前馈网络 ≠ `8·D²`"},
)


def _attention_cell(model, g, lang):
    """The attention cause. For Llama-3-8B it is exactly what GQA saves, a figure other pages
    state too, so it carries that figure's mark (with the saving, a positive count, as value)."""
    text = fmt.exact(g.attention, lang, signed=True)
    saving = gqa_saving(presets.load(model))
    if saving and -g.attention == saving:
        return named(f"gqa.{model}.params_saved", saving, text)
    return text


def twelve_ld2(lang):
    """Markdown table: ``12·L·D²`` beside the exact non-embedding count, gap explained."""
    rows = []
    for model in _RULE_MODELS:
        spec = presets.load(model)
        g = rule_gap(spec)
        assert g.gap == g.biases + g.norms + g.attention + g.mlp
        gap = fmt.both(
            fmt.exact(g.gap, lang, signed=True), fmt.percent(g.gap, g.rule, lang, digits=2), lang
        )
        rows.append(
            [spec.name, fmt.exact(g.rule, lang), fmt.exact(g.exact, lang), gap]
            + [fmt.exact(n, lang, signed=True) for n in (g.biases, g.norms)]
            + [_attention_cell(model, g, lang), fmt.exact(g.mlp, lang, signed=True)]
        )
    return table(_RULE_HEADER, rows, "lrrrrrrr", lang)

# Parameters page, shapes: the notation, how wide the query heads are against D, the gated FFN,
# and GPT-2's checkpoint tensor by tensor. A fence includes md.py, then this file, and prints
# one function in its language, e.g. notation("zh"). Figures come from llmsize (presets,
# counts, anatomy); the tensor list is typed from the checkpoint, a route independent of both.
from llmsize import counts, fmt, presets
from llmsize.anatomy import query_width
from llmsize.text import say

gpt2 = presets.load("gpt2")
llama2 = presets.load("llama-2-7b")
# openai-community/gpt2 on the Hub; also sum(p.numel()) in transformers.
assert counts(gpt2).total == 124_439_808
# meta-llama/Llama-2-7b-hf on the Hub; also sum(p.numel()) in transformers.
assert counts(llama2).total == 6_738_415_616

# --- notation -------------------------------------------------------------------------------

# (symbol, spec field or None); the meanings are the site's notation (md.py).
_SYMBOLS = (
    ("L", "layers"),
    ("D", "width"),
    ("N", "heads"),
    ("K", "kv_heads"),
    ("H", "head_dim"),
    ("F", "ffn"),
    ("V", "vocab"),
    ("P", "max_positions"),
    ("T", None),
)
assert [symbol for symbol, _ in _SYMBOLS] == list(NOTATION)
_NO_TABLE = {"en": "none (RoPE)", "zh": "无（RoPE）"}
_ANY = {"en": "any", "zh": "任意"}


def _symbol_cell(spec, field, lang):
    if field is None:
        return say(_ANY, lang)
    if field == "max_positions" and not spec.max_positions:
        return say(_NO_TABLE, lang)
    return fmt.exact(getattr(spec, field), lang)


def notation(lang):
    """Markdown table: the notation, with each symbol's value in GPT-2 and Llama-2-7B."""
    header = [HEADS["symbol"], HEADS["meaning"], gpt2.name, llama2.name]
    rows = [
        [f"`{symbol}`", say(NOTATION[symbol], lang)]
        + [_symbol_cell(spec, field, lang) for spec in (gpt2, llama2)]
        for symbol, field in _SYMBOLS
    ]
    return table(header, rows, "llrr", lang)


# --- query heads against the width ----------------------------------------------------------

_HEADS_HEADER = (
    HEADS["model"],
    {"en": "`N`", "zh": "`N`"},
    {"en": "`H`", "zh": "`H`"},
    {"en": "`N·H`", "zh": "`N·H`"},
    {"en": "`D`", "zh": "`D`"},
    {"en": "`N·H` against `D`", "zh": "`N·H` 与 `D` 之比"},
)
_HEADS_NOTE = {
    "en": "Of the {n} models llmsize bundles, {square} have `N·H = D`. In the other {other}, the"
    " query heads together are wider than the model ({wider} models) or narrower ({narrower}):",
    "zh": "llmsize 自带的 {n} 个模型中，有 {square} 个取 `N·H = D`。其余 {other} 个模型的查询头"
    "合起来与模型宽度不同：{wider} 个更宽，{narrower} 个更窄：",
}
_MLA_NOTE = {
    "en": "For the MLA models ({names}), `H` is the query/key size of a head, its rotary part"
    " included.",
    "zh": "对 MLA 模型（{names}）来说，`H` 指每个头的查询/键维度，含旋转位置编码部分。",
}


def heads_table(lang):
    """Sentence and table: which bundled models have N·H = D, and the ones that do not."""
    specs = [presets.load(i) for i in presets.ids()]
    other = [s for s in specs if query_width(s) != s.width]
    wider = sum(query_width(s) > s.width for s in other)
    note = say(
        _HEADS_NOTE,
        lang,
        n=fmt.exact(len(specs), lang),
        square=fmt.exact(len(specs) - len(other), lang),
        other=fmt.exact(len(other), lang),
        wider=fmt.exact(wider, lang),
        narrower=fmt.exact(len(other) - wider, lang),
    )
    rows = []
    for s in other:
        per_head = query_width(s) // s.heads
        rows.append(
            [s.name, fmt.exact(s.heads, lang), fmt.exact(per_head, lang)]
            + [fmt.exact(query_width(s), lang), fmt.exact(s.width, lang)]
            + [fmt.times(query_width(s), s.width, lang)]
        )
    mla = listing([s.name for s in other if s.mla is not None], lang)
    out = [note, table(_HEADS_HEADER, rows, "lrrrrr", lang)]
    return "\n\n".join(out + ([say(_MLA_NOTE, lang, names=mla)] if mla else []))


# --- the gated FFN ----------------------------------------------------------------------------

_FFN = {
    "en": "In {name}, `F` = {f}, so `3·D·F` = {gated} per layer against `8·D²` = {plain}: only"
    " {extra} more ({pct}).",
    "zh": "以 {name} 为例：`F` = {f}，每层 `3·D·F` = {gated}，而 `8·D²` = {plain}，只多出 {extra_pct}。",
}


def ffn_per_layer(lang):
    """One sentence: Llama-2-7B's gated FFN per layer against a plain ``4D`` one."""
    d, f = llama2.width, llama2.ffn
    # Meta's reference code sizes the gated FFN as two thirds of 4D, rounded up to a multiple
    # of 256 (llama/model.py, FeedForward: multiple_of=256). The preset's F must follow it.
    assert f == -(-(2 * 4 * d // 3) // 256) * 256
    gated, plain = 3 * d * f, 8 * d * d
    extra, pct = fmt.exact(gated - plain, lang), fmt.percent(gated - plain, plain, lang, digits=2)
    return say(
        _FFN,
        lang,
        name=llama2.name,
        f=fmt.exact(f, lang),
        gated=fmt.exact(gated, lang),
        plain=fmt.exact(plain, lang),
        extra=extra,
        pct=pct,
        extra_pct=fmt.both(extra, pct, lang),
    )


# --- GPT-2's checkpoint, tensor by tensor ----------------------------------------------------

# The parameter tensors of model.safetensors in openai-community/gpt2, as that file names and
# shapes them (GPT-2's Conv1D layers store weights as [in, out]). Typed from the checkpoint, not
# derived from the spec: a third route to the same total. Block 0 stands for h.0 ... h.11.
_GPT2_GLOBAL = [("wte.weight", (50257, 768)), ("wpe.weight", (1024, 768))]
_GPT2_BLOCK = [
    ("h.0.ln_1.weight", (768,)),
    ("h.0.ln_1.bias", (768,)),
    ("h.0.attn.c_attn.weight", (768, 2304)),
    ("h.0.attn.c_attn.bias", (2304,)),
    ("h.0.attn.c_proj.weight", (768, 768)),
    ("h.0.attn.c_proj.bias", (768,)),
    ("h.0.ln_2.weight", (768,)),
    ("h.0.ln_2.bias", (768,)),
    ("h.0.mlp.c_fc.weight", (768, 3072)),
    ("h.0.mlp.c_fc.bias", (3072,)),
    ("h.0.mlp.c_proj.weight", (3072, 768)),
    ("h.0.mlp.c_proj.bias", (768,)),
]
_GPT2_FINAL = [("ln_f.weight", (768,)), ("ln_f.bias", (768,))]
_GPT2_BLOCKS = 12

_TENSOR_ROLE = {
    "wte.weight": {"en": "token embedding, `V × D`", "zh": "词元嵌入表，`V × D`"},
    "wpe.weight": {"en": "position embedding, `P × D`", "zh": "位置嵌入表，`P × D`"},
    "ln_1.weight": {"en": "LayerNorm before attention: scale", "zh": "注意力前的 LayerNorm：缩放"},
    "ln_1.bias": {"en": "LayerNorm before attention: shift", "zh": "注意力前的 LayerNorm：平移"},
    "attn.c_attn.weight": {
        "en": "Q, K and V side by side, `D × 3D`",
        "zh": "Q、K、V 拼在一起，`D × 3D`",
    },
    "attn.c_attn.bias": {"en": "Q, K and V biases", "zh": "Q、K、V 的偏置"},
    "attn.c_proj.weight": {
        "en": "attention output projection, `D × D`",
        "zh": "注意力输出投影，`D × D`",
    },
    "attn.c_proj.bias": {"en": "its bias", "zh": "输出投影的偏置"},
    "ln_2.weight": {"en": "LayerNorm before the MLP: scale", "zh": "前馈网络前的 LayerNorm：缩放"},
    "ln_2.bias": {"en": "LayerNorm before the MLP: shift", "zh": "前馈网络前的 LayerNorm：平移"},
    "mlp.c_fc.weight": {"en": "MLP up projection, `D × F`", "zh": "前馈网络升维，`D × F`"},
    "mlp.c_fc.bias": {"en": "its bias", "zh": "升维的偏置"},
    "mlp.c_proj.weight": {"en": "MLP down projection, `F × D`", "zh": "前馈网络降维，`F × D`"},
    "mlp.c_proj.bias": {"en": "its bias", "zh": "降维的偏置"},
    "ln_f.weight": {"en": "final LayerNorm: scale", "zh": "最终 LayerNorm：缩放"},
    "ln_f.bias": {"en": "final LayerNorm: shift", "zh": "最终 LayerNorm：平移"},
}
_TENSORS = {
    "header": (HEADS["tensor"], HEADS["shape"], HEADS["values"], HEADS["what"]),
    "block": {"en": "One block, `h.0`", "zh": "一个块（`h.0`）"},
    "blocks": {"en": "All blocks, `h.0` … `h.{last}`", "zh": "全部块，`h.0` … `h.{last}`"},
    "total": HEADS["whole_checkpoint"],
    "tied": {
        "en": "no tensor: the output head reuses `wte.weight`",
        "zh": "没有单独的张量：输出头复用 `wte.weight`",
    },
}


def _numel(shape):
    n = 1
    for side in shape:
        n *= side
    return n


def _tensor_row(name, shape, lang):
    key = name.split(".", 2)[-1] if name.startswith("h.") else name
    dims = " × ".join(fmt.exact(s, lang) for s in shape)
    return [f"`{name}`", dims, fmt.exact(_numel(shape), lang), say(_TENSOR_ROLE[key], lang)]


def checkpoint_tensors(lang):
    """Markdown table: GPT-2's parameter tensors as its checkpoint stores them, summed."""
    block = sum(_numel(s) for _, s in _GPT2_BLOCK)
    blocks = _GPT2_BLOCKS * block
    total = sum(_numel(s) for _, s in _GPT2_GLOBAL + _GPT2_FINAL) + blocks
    # The checkpoint's own tensors give the Hub's figure, and llmsize's count agrees.
    assert total == 124_439_808 == counts(gpt2).total
    assert block == counts(gpt2).breakdown.find("layers").per_layer
    all_blocks = say(_TENSORS["blocks"], lang, last=_GPT2_BLOCKS - 1)
    rows = [_tensor_row(n, s, lang) for n, s in _GPT2_GLOBAL + _GPT2_BLOCK]
    rows.append([f"**{say(_TENSORS['block'], lang)}**", "", f"**{fmt.exact(block, lang)}**", ""])
    rows.append([f"**{all_blocks}**", f"×{_GPT2_BLOCKS}", f"**{fmt.exact(blocks, lang)}**", ""])
    rows += [_tensor_row(n, s, lang) for n, s in _GPT2_FINAL]
    rows.append(["`lm_head`", "", fmt.exact(0, lang), say(_TENSORS["tied"], lang)])
    rows.append([f"**{say(_TENSORS['total'], lang)}**", "", f"**{fmt.exact(total, lang)}**", ""])
    return table(_TENSORS["header"], rows, "llrl", lang)

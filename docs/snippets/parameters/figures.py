# Parameters page: where a transformer's parameters live, counted two ways that must agree.
# A page includes this file, then prints e.g. formulas("gpt2", "zh"). Chart fences include
# charts.py first (for hbar).
#
# Two independent routes meet in every table here: a formula written out below from the spec's
# fields (V·D, 4·D² + 4·D...) and llmsize's breakdown tree. Each total is also pinned to a figure
# from outside llmsize (the Hub / transformers count, a checkpoint's tensor listing).
from llmsize import Spec, approx, counts, fmt, presets
from llmsize.count import linear_shapes
from llmsize.text import say

gpt2 = presets.load("gpt2")
llama2 = presets.load("llama-2-7b")
# openai-community/gpt2 on the Hub; also sum(p.numel()) in transformers.
assert counts(gpt2).total == 124_439_808
# meta-llama/Llama-2-7b-hf on the Hub; also sum(p.numel()) in transformers.
assert counts(llama2).total == 6_738_415_616

MODELS = {"gpt2": gpt2, "llama-2-7b": llama2}
DASH = "—"

# --- notation -------------------------------------------------------------------------------

_SYMBOLS = [
    # (symbol, spec field or None, English meaning, Chinese meaning)
    ("L", "layers", "layers (transformer blocks)", "层数（Transformer 块的个数）"),
    (
        "D",
        "width",
        "model width: the size of every hidden-state vector",
        "模型宽度：每个隐藏状态向量的长度",
    ),
    ("N", "heads", "query heads per layer", "每层的查询头数"),
    (
        "K",
        "kv_heads",
        "key/value heads per layer (`K = N` unless grouped)",
        "每层的键/值头数（不分组时 `K = N`）",
    ),
    ("H", "head_dim", "size of one head", "每个头的维度"),
    ("F", "ffn", "hidden width of the feed-forward block", "前馈网络的中间层宽度"),
    ("V", "vocab", "vocabulary: rows of the token-embedding table", "词表大小：词嵌入表的行数"),
    ("P", "max_positions", "rows of a learned position table", "可学习位置嵌入表的行数"),
    ("T", None, "tokens in the input: not part of the model", "输入的词元数：不属于模型本身"),
]
_NOTATION_HEADER = {
    "en": "| Symbol | Meaning | {a} | {b} |",
    "zh": "| 符号 | 含义 | {a} | {b} |",
}
_NO_TABLE = {"en": "none (RoPE)", "zh": "无（RoPE）"}
_ANY = {"en": "any", "zh": "任意"}


def notation(lang: str) -> str:
    """Markdown table: the notation, with each symbol's value in GPT-2 and Llama-2-7B."""
    rows = [_NOTATION_HEADER[lang].format(a=gpt2.name, b=llama2.name), "|---|---|--:|--:|"]
    for symbol, field, en, zh in _SYMBOLS:
        cells = []
        for spec in (gpt2, llama2):
            if field is None:
                cells.append(_ANY[lang])
            elif field == "max_positions" and not spec.max_positions:
                cells.append(_NO_TABLE[lang])
            else:
                cells.append(fmt.exact(getattr(spec, field), lang))
        meaning = zh if lang == "zh" else en
        rows.append(f"| `{symbol}` | {meaning} | {cells[0]} | {cells[1]} |")
    return "\n".join(rows)


# --- GPT-2's checkpoint, tensor by tensor ----------------------------------------------------

# The parameter tensors of model.safetensors in openai-community/gpt2, as that file names and
# shapes them (GPT-2's Conv1D layers store weights as [in, out]). Typed from the checkpoint, not
# derived from the spec: a third route to the same total. Block 0 stands for h.0 ... h.11.
_GPT2_GLOBAL = [
    ("wte.weight", (50257, 768)),
    ("wpe.weight", (1024, 768)),
]
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
_GPT2_FINAL = [
    ("ln_f.weight", (768,)),
    ("ln_f.bias", (768,)),
]
_GPT2_BLOCKS = 12

_TENSOR_ROLE = {
    "wte.weight": ("token embedding, `V × D`", "词嵌入表，`V × D`"),
    "wpe.weight": ("position embedding, `P × D`", "位置嵌入表，`P × D`"),
    "ln_1.weight": ("LayerNorm before attention: scale", "注意力前的 LayerNorm：缩放"),
    "ln_1.bias": ("LayerNorm before attention: shift", "注意力前的 LayerNorm：平移"),
    "attn.c_attn.weight": ("Q, K and V side by side, `D × 3D`", "Q、K、V 拼在一起，`D × 3D`"),
    "attn.c_attn.bias": ("Q, K and V biases", "Q、K、V 的偏置"),
    "attn.c_proj.weight": ("attention output projection, `D × D`", "注意力输出投影，`D × D`"),
    "attn.c_proj.bias": ("its bias", "输出投影的偏置"),
    "ln_2.weight": ("LayerNorm before the MLP: scale", "前馈网络前的 LayerNorm：缩放"),
    "ln_2.bias": ("LayerNorm before the MLP: shift", "前馈网络前的 LayerNorm：平移"),
    "mlp.c_fc.weight": ("MLP up projection, `D × F`", "前馈网络升维，`D × F`"),
    "mlp.c_fc.bias": ("its bias", "升维的偏置"),
    "mlp.c_proj.weight": ("MLP down projection, `F × D`", "前馈网络降维，`F × D`"),
    "mlp.c_proj.bias": ("its bias", "降维的偏置"),
    "ln_f.weight": ("final LayerNorm: scale", "最终 LayerNorm：缩放"),
    "ln_f.bias": ("final LayerNorm: shift", "最终 LayerNorm：平移"),
}
_TENSORS_HEADER = {
    "en": "| Tensor | Shape | Numbers | What it is |",
    "zh": "| 张量 | 形状 | 数值个数 | 作用 |",
}
_TENSORS_BLOCK_TOTAL = {
    "en": "One block, `h.0`",
    "zh": "一个块（`h.0`）",
}
_TENSORS_ALL_BLOCKS = {
    "en": "All blocks, `h.0` … `h.{last}`",
    "zh": "全部块，`h.0` … `h.{last}`",
}
_TENSORS_TOTAL = {"en": "Whole checkpoint", "zh": "整个权重文件"}
_TIED = {
    "en": "no tensor: the output head reuses `wte.weight`",
    "zh": "没有单独的张量：输出头复用 `wte.weight`",
}


def _numel(shape: tuple[int, ...]) -> int:
    n = 1
    for side in shape:
        n *= side
    return n


def _role(name: str, lang: str) -> str:
    key = name.split(".", 2)[-1] if name.startswith("h.") else name
    en, zh = _TENSOR_ROLE[key]
    return zh if lang == "zh" else en


def checkpoint_tensors(lang: str) -> str:
    """Markdown table: GPT-2's parameter tensors as its checkpoint stores them, summed."""
    rows = [_TENSORS_HEADER[lang], "|---|---|--:|---|"]

    def row(name: str, shape: tuple[int, ...]) -> str:
        dims = " × ".join(fmt.exact(s, lang) for s in shape)
        return f"| `{name}` | {dims} | {fmt.exact(_numel(shape), lang)} | {_role(name, lang)} |"

    rows += [row(n, s) for n, s in _GPT2_GLOBAL]
    rows += [row(n, s) for n, s in _GPT2_BLOCK]
    block = sum(_numel(s) for _, s in _GPT2_BLOCK)
    rows.append(f"| **{_TENSORS_BLOCK_TOTAL[lang]}** | | **{fmt.exact(block, lang)}** | |")
    blocks = _GPT2_BLOCKS * block
    all_blocks = _TENSORS_ALL_BLOCKS[lang].format(last=_GPT2_BLOCKS - 1)
    rows.append(f"| **{all_blocks}** | ×{_GPT2_BLOCKS} | **{fmt.exact(blocks, lang)}** | |")
    rows += [row(n, s) for n, s in _GPT2_FINAL]
    rows.append(f"| `lm_head` | | {fmt.exact(0, lang)} | {_TIED[lang]} |")
    total = (
        sum(_numel(s) for _, s in _GPT2_GLOBAL) + blocks + sum(_numel(s) for _, s in _GPT2_FINAL)
    )
    # The checkpoint's own tensors give the Hub's figure, and llmsize's count agrees.
    assert total == 124_439_808 == counts(gpt2).total
    assert block == counts(gpt2).breakdown.find("layers").per_layer
    rows.append(f"| **{_TENSORS_TOTAL[lang]}** | | **{fmt.exact(total, lang)}** | |")
    return "\n".join(rows)


# --- formulas, component by component -------------------------------------------------------

# Each row: (label key, formula as shown, formula evaluated from the spec's fields, breakdown
# path, per_layer). The formulas are written out here by hand; the breakdown is llmsize's tree.
# A row whose formula disagrees with the tree fails the build.


def _gpt2_rows(s: Spec) -> list:
    d, f, v, p = s.width, s.ffn, s.vocab, s.max_positions
    return [
        ("token", "V·D", v * d, "embeddings.token", False),
        ("position", "P·D", p * d, "embeddings.position", False),
        ("attention", "4·D² + 4·D", 4 * d * d + 4 * d, "layers.dense_layers.attention", True),
        ("mlp", "2·D·F + F + D", 2 * d * f + f + d, "layers.dense_layers.mlp", True),
        ("norms", "2 × 2·D", 2 * 2 * d, "layers.dense_layers.norms", True),
        ("final_norm", "2·D", 2 * d, "final_norm", False),
        ("head", "0 (tied)", 0, "head", False),
    ]


def _llama_rows(s: Spec) -> list:
    d, f, v = s.width, s.ffn, s.vocab
    return [
        ("token", "V·D", v * d, "embeddings.token", False),
        ("position", "0 (RoPE)", 0, "embeddings.position", False),
        ("attention", "4·D²", 4 * d * d, "layers.dense_layers.attention", True),
        ("mlp", "3·D·F", 3 * d * f, "layers.dense_layers.mlp", True),
        ("norms", "2 × D", 2 * d, "layers.dense_layers.norms", True),
        ("final_norm", "D", d, "final_norm", False),
        ("head", "V·D", v * d, "head", False),
    ]


_ROWS = {"gpt2": _gpt2_rows, "llama-2-7b": _llama_rows}
_FORMULAS_HEADER = {
    "en": "| Component | Formula | Per layer | × layers | Total |",
    "zh": "| 组件 | 公式 | 每层 | × 层数 | 合计 |",
}
_TOTAL = {"en": "Total", "zh": "总计"}
_FORMULA_WORDS = {
    "en": {"tied": "tied", "RoPE": "RoPE"},
    "zh": {"tied": "共享", "RoPE": "RoPE"},
}


def _formula_cell(formula: str, lang: str) -> str:
    for word in ("tied", "RoPE"):
        if f"({word})" in formula:
            bare = formula.replace(f" ({word})", "")
            note = _FORMULA_WORDS[lang][word]
            return f"`{bare}` ({note})" if lang == "en" else f"`{bare}`（{note}）"
    return f"`{formula}`"


def formulas(model: str, lang: str) -> str:
    """Markdown table: each component's formula, its value per layer and in total."""
    spec = MODELS[model]
    c = counts(spec)
    tree = c.breakdown
    rows = [_FORMULAS_HEADER[lang], "|---|---|--:|--:|--:|"]
    total = 0
    for key, formula, value, path, per_layer in _ROWS[model](spec):
        # Route 1: the formula above, evaluated from the spec. Route 2: llmsize's breakdown.
        if per_layer:
            part = tree.find(path)
            assert part.layers == spec.layers
            assert value == part.per_layer, (key, value, part.per_layer)
            whole = value * spec.layers
            cells = f"{fmt.exact(value, lang)} | ×{spec.layers} | {fmt.exact(whole, lang)}"
        else:
            assert value == tree.get(path), (key, value, tree.get(path))
            whole = value
            cells = f"{DASH} | {DASH} | {fmt.exact(whole, lang)}"
        total += whole
        rows.append(f"| {fmt.label(key, lang)} | {_formula_cell(formula, lang)} | {cells} |")
    assert total == c.total
    rows.append(f"| **{_TOTAL[lang]}** | | | | **{fmt.exact(total, lang)}** |")
    return "\n".join(rows)


_CLAIMS_HEADER = {
    "en": "| Stated | Where | Why it differs from the exact {exact} |",
    "zh": "| 说法 | 出处 | 与精确值 {exact} 的差别 |",
}


def claims(model: str, lang: str) -> str:
    """Markdown table: the model's published figures, their sources and why they differ."""
    exact = fmt.exact(counts(MODELS[model]).total, lang)
    rows = [_CLAIMS_HEADER[lang].format(exact=exact), "|--:|---|---|"]
    for claim in presets.get(model).claims:
        rows.append(f"| {claim.text} | {claim.source} | {say(claim.reason, lang)} |")
    return "\n".join(rows)


# --- what changes from GPT-2 to Llama-2-7B -----------------------------------------------------

_DIFF_HEADER = {
    "en": "| Design choice | {a} | {b} | Effect on the count |",
    "zh": "| 设计选择 | {a} | {b} | 对参数量的影响 |",
}
_YES_NO = {"en": ("yes", "no"), "zh": ("有", "无")}


def differences(lang: str) -> str:
    """Markdown table: the design choices that make Llama-2-7B's formulas differ from GPT-2's."""
    yes, no = _YES_NO[lang]

    def pos(s: Spec) -> str:
        if s.max_positions:
            return "learned table, `P × D`" if lang == "en" else "可学习的表，`P × D`"
        return "RoPE" + (" (no parameters)" if lang == "en" else "（无参数）")

    def ffn(s: Spec) -> str:
        n = fmt.exact(s.ffn, lang)
        if s.gated_ffn:
            return (
                f"gated (SwiGLU), 3 matrices, `F` = {n}"
                if lang == "en"
                else f"门控（SwiGLU），3 个矩阵，`F` = {n}"
            )
        return (
            f"plain (GELU), 2 matrices, `F` = {n}"
            if lang == "en"
            else f"普通（GELU），2 个矩阵，`F` = {n}"
        )

    def norm(s: Spec) -> str:
        if s.norm == "layernorm":
            return "LayerNorm (scale + shift)" if lang == "en" else "LayerNorm（缩放 + 平移）"
        return "RMSNorm (scale only)" if lang == "en" else "RMSNorm（只有缩放）"

    def bias(s: Spec) -> str:
        return yes if (s.qkv_bias or s.o_bias or s.mlp_bias) else no

    def head(s: Spec) -> str:
        if s.tied_embeddings:
            return "tied to the token embedding" if lang == "en" else "与词嵌入共享"
        return "its own `V × D` matrix" if lang == "en" else "独立的 `V × D` 矩阵"

    effects = {
        "en": [
            ("Position embedding", pos, "`P·D` fewer"),
            ("Feed-forward block", ffn, "`3·D·F` instead of `2·D·F`"),
            ("Normalisation", norm, "`D` per norm instead of `2·D`"),
            ("Biases on linear layers", bias, "none of the `+ 4·D` and `+ F + D` terms"),
            ("Output head", head, "`V·D` more"),
        ],
        "zh": [
            ("位置编码", pos, "少了 `P·D`"),
            ("前馈网络", ffn, "`3·D·F` 而不是 `2·D·F`"),
            ("归一化", norm, "每个归一化 `D` 而不是 `2·D`"),
            ("线性层的偏置", bias, "没有 `+ 4·D` 和 `+ F + D` 这些项"),
            ("输出头", head, "多出 `V·D`"),
        ],
    }
    rows = [_DIFF_HEADER[lang].format(a=gpt2.name, b=llama2.name), "|---|---|---|---|"]
    for what, fn, effect in effects[lang]:
        rows.append(f"| {what} | {fn(gpt2)} | {fn(llama2)} | {effect} |")
    return "\n".join(rows)


# --- where the parameters sit: chart ------------------------------------------------------------

_BIASES = {"en": "Biases", "zh": "偏置"}
_WEIGHTS = {"en": "{part} (weights)", "zh": "{part}（权重）"}
_CHART_TITLE = {
    "en": "Where the {n} parameters of {name} sit",
    "zh": "{name} 的 {n}参数分布在哪里",
}


def categories(spec: Spec) -> list[tuple[str, int]]:
    """(label key, parameters) of each coarse part; weights and biases split apart."""
    c = counts(spec)
    tree = c.breakdown
    shapes = linear_shapes(spec)
    attn_w = sum(r * k * n for key, r, k, n in shapes if key in ("q", "k", "v", "o"))
    mlp_w = sum(r * k * n for key, r, k, n in shapes if key.startswith("mlp."))
    layers = tree.find("layers")
    attn, mlp = layers.get("dense_layers.attention"), layers.get("dense_layers.mlp")
    norms = layers.get("dense_layers.norms") + tree.get("final_norm") + tree.get("embeddings.norm")
    parts = [
        ("token", tree.get("embeddings.token")),
        ("position", tree.get("embeddings.position")),
        ("attention", attn_w),
        ("mlp", mlp_w),
        ("biases", (attn - attn_w) + (mlp - mlp_w)),
        ("norms", norms),
        ("head", tree.get("head")),
    ]
    assert sum(n for _, n in parts) == c.total
    return parts


def _category_label(key: str, lang: str) -> str:
    if key == "biases":
        return _BIASES[lang]
    if key in ("attention", "mlp"):
        return _WEIGHTS[lang].format(part=fmt.label(key, lang))
    return fmt.label(key, lang)


_ZERO_NOTE = {
    "head": {"en": "0 (tied: reuses the token embedding)", "zh": "0（与词嵌入共享）"},
    "position": {"en": "0 (RoPE has no parameters)", "zh": "0（RoPE 没有参数）"},
}


def _value_text(spec: Spec, key: str, n: int, total: int, lang: str) -> str:
    """Bar annotation: compact count and share, or why a part is empty."""
    if n == 0:
        return _ZERO_NOTE[key][lang] if key in _ZERO_NOTE else fmt.exact(0, lang)
    # Shares under one percent get a second decimal, so a small part does not read as 0.0%.
    digits = 1 if 100 * n >= total else 2
    return f"{fmt.count(n, lang)} · {fmt.percent(n, total, lang, digits=digits)}"


def breakdown_chart(model: str, lang: str) -> str:
    """Inline SVG: horizontal bars of where ``model``'s parameters sit."""
    spec = MODELS[model]
    total = counts(spec).total
    parts = categories(spec)
    labels = [_category_label(key, lang) for key, _ in parts]
    values = [n for _, n in parts]
    texts = [_value_text(spec, key, n, total, lang) for key, n in parts]
    title = _CHART_TITLE[lang].format(n=fmt.count(total, lang), name=spec.name)
    return hbar(labels, values, title, texts)


# --- the 12·L·D² rule ------------------------------------------------------------------------

_RULE_MODELS = ("gpt2", "gpt3-175b", "llama-2-7b", "llama-3-8b")
_RULE_HEADER = {
    "en": (
        "| Model | `12·L·D²` | Exact, non-embedding | Gap | Biases | Norms"
        " | Attention ≠ `4·D²` | FFN ≠ `8·D²` |"
    ),
    "zh": (
        "| 模型 | `12·L·D²` | 精确非嵌入参数 | 差值 | 偏置 | 归一化"
        " | 注意力 ≠ `4·D²` | 前馈网络 ≠ `8·D²` |"
    ),
}


def rule_gap(spec: Spec) -> dict[str, int]:
    """The exact non-embedding count against ``12·L·D²``, and the gap split by cause."""
    c = counts(spec)
    rule = approx.twelve_ld2(spec.layers, spec.width)
    L, d = spec.layers, spec.width
    shapes = linear_shapes(spec)
    attn_w = sum(r * k * n for key, r, k, n in shapes if key in ("q", "k", "v", "o"))
    mlp_w = sum(r * k * n for key, r, k, n in shapes if key.startswith("mlp."))
    parts = {name: n for name, n in categories(spec)}
    out = {
        "rule": rule,
        "exact": c.non_embedding,
        "gap": c.non_embedding - rule,
        "biases": parts["biases"],
        "norms": parts["norms"],
        "attention": attn_w - 4 * d * d * L,
        "mlp": mlp_w - 8 * d * d * L,
    }
    # The four causes account for the whole gap.
    causes = sum(out[k] for k in ("biases", "norms", "attention", "mlp"))
    assert out["gap"] == causes
    return out


def _signed(n: int, lang: str) -> str:
    if n == 0:
        return fmt.exact(0, lang)
    text = fmt.exact(n, lang)
    return text if n < 0 else "+" + text


def twelve_ld2(lang: str) -> str:
    """Markdown table: ``12·L·D²`` beside the exact non-embedding count, gap explained."""
    rows = [_RULE_HEADER[lang], "|---|--:|--:|--:|--:|--:|--:|--:|"]
    for model in _RULE_MODELS:
        spec = presets.load(model)
        g = rule_gap(spec)
        gap = f"{_signed(g['gap'], lang)} ({fmt.percent(g['gap'], g['rule'], lang, digits=2)})"
        rows.append(
            f"| {spec.name} | {fmt.exact(g['rule'], lang)} | {fmt.exact(g['exact'], lang)}"
            f" | {gap} | {_signed(g['biases'], lang)} | {_signed(g['norms'], lang)}"
            f" | {_signed(g['attention'], lang)} | {_signed(g['mlp'], lang)} |"
        )
    return "\n".join(rows)


def ffn_per_layer(lang: str) -> str:
    """One sentence: Llama-2-7B's gated FFN per layer against a plain ``4D`` one."""
    d, f = llama2.width, llama2.ffn
    # Meta's reference code sizes the gated FFN as two thirds of 4D, rounded up to a multiple
    # of 256 (llama/model.py, FeedForward: multiple_of=256). The preset's F must follow it.
    assert f == -(-(2 * 4 * d // 3) // 256) * 256
    gated, plain = 3 * d * f, 8 * d * d
    extra = fmt.percent(gated - plain, plain, lang, digits=2)
    if lang == "zh":
        return (
            f"以 {llama2.name} 为例：`F` = {fmt.exact(f, lang)}，每层 `3·D·F` ="
            f" {fmt.exact(gated, lang)}，而 `8·D²` = {fmt.exact(plain, lang)}，"
            f"只多出 {fmt.exact(gated - plain, lang)}（{extra}）。"
        )
    return (
        f"In {llama2.name}, `F` = {fmt.exact(f, lang)}, so `3·D·F` = {fmt.exact(gated, lang)}"
        f" per layer against `8·D²` = {fmt.exact(plain, lang)}: only"
        f" {fmt.exact(gated - plain, lang)} more ({extra})."
    )

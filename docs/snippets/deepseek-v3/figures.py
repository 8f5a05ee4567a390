# "How 671B is reached": DeepSeek-V3 counted from its real config.json.
# A page includes this file, then prints e.g. config_table("zh"). Every table takes a language.
import dataclasses
import json

import llmsize_oracle
from llmsize import counts, flops, fmt, memory, presets
from llmsize.approx import stack
from llmsize.article import ARTICLE_LAYERS, ARTICLE_WIDTH
from llmsize.count import block_scales, linear_shapes

PRESET = presets.get("deepseek-v3")
CONFIG = PRESET.config
V3 = PRESET.spec
C = counts(V3)
TREE = C.breakdown
MOE = V3.moe
MLA = V3.mla
D, N, V = V3.width, V3.heads, V3.vocab

# Independent source 1, the architecture as DeepSeek-AI 2024 (arXiv:2412.19437) §4.2 describes
# it: 61 layers, hidden 7168, 128 heads of 128, KV compression 512, query compression 1536,
# decoupled RoPE 64; MoE from the fourth layer on, 1 shared + 256 routed experts of width 2048,
# 8 routed per token. The reader must see the same model in config.json.
assert (V3.layers, D, N, V3.dense_layer_count, V3.moe_layer_count) == (
    61,
    7168,
    128,
    3,
    58,
)
assert (MLA.q_lora_rank, MLA.kv_lora_rank, MLA.qk_rope_head_dim) == (
    1536,
    512,
    64,
)
assert (MLA.qk_nope_head_dim, MLA.v_head_dim) == (128, 128)
assert (MOE.num_experts, MOE.experts_per_token, MOE.num_shared_experts) == (
    256,
    8,
    1,
)
assert (MOE.expert_ffn, V3.ffn, V) == (2048, 18432, 129280)
# Independent source 2, transformers: its DeepseekV3ForCausalLM built from this config on the
# meta device has exactly this many parameters (recorded in llmsize_oracle's figures.json).
assert C.total == 671_026_404_352
# Independent source 3, the Hugging Face Hub: the safetensors metadata of deepseek-ai/DeepSeek-V3
# reports {"BF16": 3918786560, "F8_E4M3": 680571043840, "F32": 41555600}.
HUB = {"F8_E4M3": 680_571_043_840, "BF16": 3_918_786_560, "F32": 41_555_600}
HUB_TOTAL = 684_531_386_000
assert sum(HUB.values()) == HUB_TOTAL

EMB = TREE.get("embeddings.token")
HEAD = TREE.get("head")
DENSE = TREE.find("layers.dense_layers")
MOEL = TREE.find("layers.moe_layers")


ORACLE = llmsize_oracle.record()
assert ORACLE["figures"]["preset:deepseek-v3"] == C.total


def _t(lang, en, zh):
    return zh if lang == "zh" else en


def _n(n, lang):
    return fmt.count(n, lang)


def _x(n, lang):
    return fmt.exact(n, lang)


def _row(*cells):
    """One Markdown table row."""
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _times(a, b, lang):
    """``a / b`` as a multiple: "19.7 times" / "19.7 倍"."""
    n = fmt.ratio(a, b, lang).lstrip("×")
    return _t(lang, f"{n} times", f"{n} 倍")


def _paren(lang, text):
    """``text`` in parentheses: ASCII with a space in English, full-width in Chinese."""
    return _t(lang, f" ({text})", f"（{text}）")


def _fine(n, lang):
    """Enough digits to tell 684.49B from 684.53B (684B/685B; 6844.9亿/6845.3亿)."""
    return fmt.count(n, lang, digits=5 if lang == "zh" else 3)


# --- the article's guess against the real shape ---------------------------------------------------


def shape_table(lang):
    """The article's dense example, a dense model of DeepSeek-V3's shape, and DeepSeek-V3."""
    rows = [
        _t(
            lang,
            "| Model | Layers `L` | Width `D` | Parameters | Counted how |",
            "| 模型 | 层数 `L` | 宽度 `D` | 参数量 | 怎么算的 |",
        ),
        "|---|--:|--:|--:|---|",
    ]
    article = stack(ARTICLE_LAYERS, ARTICLE_WIDTH)
    shaped = stack(V3.layers, D)
    rows.append(
        _t(lang, "| The article's example (dense) |", "| 原文的例子（稠密） |")
        + f" {_x(ARTICLE_LAYERS, lang)} | {_x(ARTICLE_WIDTH, lang)} | {_n(article, lang)} | "
        + _t(lang, "`12·L·D²` |", "`12·L·D²` |")
    )
    rows.append(
        _t(lang, "| A dense model of DeepSeek-V3's shape |", "| DeepSeek-V3 形状的稠密模型 |")
        + f" {_x(V3.layers, lang)} | {_x(D, lang)} | {_n(shaped, lang)} | `12·L·D²` |"
    )
    rows.append(
        "| **DeepSeek-V3** |"
        + f" {_x(V3.layers, lang)} | {_x(D, lang)} | **{_n(C.total, lang)}** | "
        + _t(lang, "exact, from its config.json |", "精确值，由 config.json 算出 |")
    )
    assert V3.layers < ARTICLE_LAYERS and D < ARTICLE_WIDTH
    return "\n".join(rows)


# --- the config -----------------------------------------------------------------------------------

_KEYS = [
    ("num_hidden_layers", "`L`", "transformer layers", "Transformer 层数"),
    (
        "first_k_dense_replace",
        "",
        "leading layers that keep a dense FFN",
        "开头保留稠密前馈网络的层数",
    ),
    ("moe_layer_freq", "", "every layer after them is an MoE layer", "此后每一层都是 MoE 层"),
    (
        "hidden_size",
        "`D`",
        "model width: the length of every vector on the main stream",
        "模型宽度：主干上每个向量的长度",
    ),
    ("num_attention_heads", "`N`", "attention heads", "注意力头数"),
    (
        "q_lora_rank",
        "`r_q`",
        "query latent: queries are made from a vector this long",
        "查询潜向量的长度：查询由它升维得到",
    ),
    (
        "kv_lora_rank",
        "`r_kv`",
        "key/value latent: the compressed vector the KV cache keeps",
        "键值潜向量的长度：KV 缓存保存的压缩向量",
    ),
    (
        "qk_rope_head_dim",
        "`d_rope`",
        "per-head query/key part that carries rotary positions",
        "每个头的查询/键中携带旋转位置编码的部分",
    ),
    (
        "qk_nope_head_dim",
        "`d_nope`",
        "per-head query/key part without positions",
        "每个头的查询/键中不带位置编码的部分",
    ),
    ("v_head_dim", "`d_v`", "per-head value size", "每个头的值向量长度"),
    (
        "intermediate_size",
        "`F`",
        "hidden width of the dense FFN (first {dense} layers)",
        "稠密前馈网络（前 {dense} 层）的隐藏宽度",
    ),
    ("n_routed_experts", "`E`", "routed experts per MoE layer", "每个 MoE 层的路由专家数"),
    (
        "num_experts_per_tok",
        "`k`",
        "routed experts each token is sent to",
        "每个词元被送往的路由专家数",
    ),
    ("n_shared_experts", "", "experts every token passes through", "每个词元都经过的共享专家数"),
    ("moe_intermediate_size", "`f`", "hidden width of one expert", "单个专家的隐藏宽度"),
    (
        "vocab_size",
        "`V`",
        "vocabulary: rows of the embedding and of the output head",
        "词表大小：嵌入矩阵和输出头的行数",
    ),
    (
        "tie_word_embeddings",
        "",
        "the output head is its own matrix, not the embedding reused",
        "输出头是独立的矩阵，不复用嵌入矩阵",
    ),
    (
        "num_nextn_predict_layers",
        "",
        "multi-token-prediction modules shipped beside the model",
        "随模型一起发布的多词元预测模块数",
    ),
]


def config_table(lang):
    """The config.json keys that fix the parameter count, with what each one means."""
    rows = [
        _t(
            lang,
            "| config.json key | Value | Symbol | Meaning |",
            "| config.json 键 | 值 | 符号 | 含义 |",
        ),
        "|---|--:|:-:|---|",
    ]
    for key, symbol, en, zh in _KEYS:
        value = CONFIG[key]
        shown = json.dumps(value) if isinstance(value, bool) else _x(value, lang)
        meaning = _t(lang, en, zh).format(dense=_x(V3.dense_layer_count, lang))
        rows.append(f"| `{key}` | {shown} | {symbol} | {meaning} |")
    block = CONFIG["quantization_config"]["weight_block_size"]
    rows.append(
        f"| `quantization_config` | `{CONFIG['quantization_config']['quant_method']}`, "
        f"{_x(block[0], lang)}×{_x(block[1], lang)} | | "
        + _t(
            lang,
            "the released weights are fp8 with one scale per tile",
            "发布的权重为 fp8，每个方块一个缩放因子",
        )
        + " |"
    )
    # The config and the spec llmsize reads from it say the same thing.
    assert CONFIG["first_k_dense_replace"] == V3.dense_layer_count
    assert block == [V3.quant_block, V3.quant_block]
    return "\n".join(rows)


# --- attention ------------------------------------------------------------------------------------

_ATTN = [
    # key, formula, shape (in -> out) as sizes, English, Chinese
    (
        "q_down",
        "D·r_q",
        lambda: (D, MLA.q_lora_rank),
        "compress the token's vector to the query latent",
        "把词元的向量压缩成查询潜向量",
    ),
    ("q_norm", "r_q", None, "RMSNorm weights on that latent", "该潜向量上的 RMSNorm 权重"),
    (
        "q_up",
        "r_q·N·(d_nope + d_rope)",
        lambda: (MLA.q_lora_rank, N * MLA.qk_head_dim),
        "expand it to all heads' queries",
        "升维成所有头的查询",
    ),
    (
        "kv_down",
        "D·(r_kv + d_rope)",
        lambda: (D, MLA.kv_lora_rank + MLA.qk_rope_head_dim),
        "compress to the key/value latent plus one shared rotary key",
        "压缩成键值潜向量，外加一个所有头共享的旋转位置键",
    ),
    (
        "kv_norm",
        "r_kv",
        None,
        "RMSNorm weights on the key/value latent",
        "键值潜向量上的 RMSNorm 权重",
    ),
    (
        "kv_up",
        "r_kv·N·(d_nope + d_v)",
        lambda: (MLA.kv_lora_rank, N * (MLA.qk_nope_head_dim + MLA.v_head_dim)),
        "expand the latent to every head's key and value",
        "把潜向量升维成每个头的键和值",
    ),
    (
        "o",
        "N·d_v·D",
        lambda: (N * MLA.v_head_dim, D),
        "mix the heads back into one vector of width D",
        "把各头的输出混合回一个宽度为 D 的向量",
    ),
]


def attention_table(lang):
    """Multi-head latent attention, projection by projection, for one layer and for all."""
    rows = [
        _t(
            lang,
            "| Part | Shape (in → out) | Formula | One layer | All layers | What it does |",
            "| 部分 | 形状（输入 → 输出） | 公式 | 每层 | 全部层 | 作用 |",
        ),
        "|---|--:|---|--:|--:|---|",
    ]
    per_layer_sum = 0
    for key, formula, shape, en, zh in _ATTN:
        one = MOEL.find(f"attention.{key}").per_layer
        every = DENSE.get(f"attention.{key}") + MOEL.get(f"attention.{key}")
        if shape is None:
            shape_text = f"{_x(one, lang)}"
        else:
            a, b = shape()
            assert a * b == one
            shape_text = f"{_x(a, lang)} → {_x(b, lang)}"
        per_layer_sum += one
        rows.append(
            f"| {fmt.label(key, lang)} | {shape_text} | `{formula}` | {_x(one, lang)}"
            f" | {_n(every, lang)} | {_t(lang, en, zh)} |"
        )
    every = DENSE.get("attention") + MOEL.get("attention")
    assert (
        per_layer_sum == MOEL.find("attention").per_layer == DENSE.find("attention").per_layer
    )
    rows.append(
        f"| **{_t(lang, 'Attention', '注意力合计')}** | | | **{_x(per_layer_sum, lang)}** | "
        f"**{_n(every, lang)}** | {_t(lang, 'the same in all', '全部')} {_x(V3.layers, lang)} "
        f"{_t(lang, 'layers', '层都一样')} |"
    )
    return "\n".join(rows)


def attention_vs_mha(lang):
    """One MLA layer against plain multi-head attention with the same heads and width."""
    mla = MOEL.find("attention").per_layer
    # Plain MHA with N heads of d_nope + d_rope for queries and keys and d_v for values.
    qk, v = MLA.qk_head_dim, MLA.v_head_dim
    mha = D * N * qk * 2 + D * N * v + N * v * D
    return _t(
        lang,
        f"One MLA layer holds {_n(mla, lang)} parameters; plain multi-head attention with the same"
        f" {_x(N, lang)} heads and head sizes (queries and keys of {_x(qk, lang)}, values of"
        f" {_x(v, lang)}) would hold {_n(mha, lang)}: {fmt.percent(mla, mha, lang)} of it.",
        f"一层 MLA 有 {_n(mla, lang)}参数；同样 {_x(N, lang)} 个头、同样头尺寸（查询和键"
        f" {_x(qk, lang)} 维、值 {_x(v, lang)} 维）的普通多头注意力会有 {_n(mha, lang)}，"
        f"MLA 只有它的 {fmt.percent(mla, mha, lang)}。",
    )


# --- a dense layer against an MoE layer -----------------------------------------------------------


def layer_table(lang):
    """The two kinds of layer side by side, per layer and over the stack."""
    dense_mlp = DENSE.find("mlp").per_layer
    router = MOEL.find("moe.router").per_layer
    experts = MOEL.find("moe.experts").per_layer
    shared = MOEL.find("moe.shared_experts").per_layer
    one_expert = experts // MOE.num_experts
    attn = DENSE.find("attention").per_layer
    norms = DENSE.find("norms").per_layer
    assert norms == MOEL.find("norms").per_layer
    dash = "—"
    rows = [
        _t(
            lang,
            "| Part | Formula | Dense layer | MoE layer |",
            "| 部分 | 公式 | 稠密层 | MoE 层 |",
        ),
        "|---|---|--:|--:|",
        _row(
            fmt.label("attention", lang),
            _t(lang, "see above", "见上表"),
            _x(attn, lang),
            _x(attn, lang),
        ),
        _row(_t(lang, "Two RMSNorms", "两个 RMSNorm"), "`2·D`", _x(norms, lang), _x(norms, lang)),
        f"| {_t(lang, 'Dense FFN (gate, up, down)', '稠密前馈网络（门控、升维、降维）')} | `3·D·F`"
        f" | {_x(dense_mlp, lang)} | {dash} |",
        f"| {fmt.label('router', lang)} | `D·E` | {dash} | {_x(router, lang)} |",
        f"| {_t(lang, 'One expert', '单个专家')} | `3·D·f` | {dash} | ({_x(one_expert, lang)}) |",
        f"| {fmt.label('experts', lang)} | `E·3·D·f` | {dash} | {_x(experts, lang)} |",
        f"| {fmt.label('shared_experts', lang)} | `3·D·f` | {dash} | {_x(shared, lang)} |",
    ]
    dense_layer, moe_layer = DENSE.per_layer, MOEL.per_layer
    rows.append(
        _row(
            f"**{_t(lang, 'One layer', '每层合计')}**",
            "",
            f"**{_x(dense_layer, lang)}**",
            f"**{_x(moe_layer, lang)}**",
        )
    )
    rows.append(
        _row(
            _t(lang, "Layers of this kind", "这种层的层数"),
            "",
            _x(DENSE.layers, lang),
            _x(MOEL.layers, lang),
        )
    )
    rows.append(
        _row(
            f"**{_t(lang, 'All layers of this kind', '这种层合计')}**",
            "",
            f"**{_n(DENSE.params, lang)}**",
            f"**{_n(MOEL.params, lang)}**",
        )
    )
    through = (MOE.experts_per_token + MOE.num_shared_experts) * MOE.expert_ffn
    rows.append(
        f"| {_t(lang, 'FFN width one token passes through', '一个词元实际经过的前馈宽度')}"
        f" | `F` {_t(lang, 'vs', '与')} `(k + 1)·f` | {_x(V3.ffn, lang)} | {_x(through, lang)} |"
    )
    assert through == V3.ffn
    return "\n".join(rows)


# --- the whole model ------------------------------------------------------------------------------


def _rows_of(lang):
    """(indent, label, params) for the whole-model breakdown."""
    out = [(0, fmt.label("token", lang), EMB)]
    for group in (DENSE, MOEL):
        name = fmt.label(group.key, lang)
        times = _t(lang, f" (×{_x(group.layers, lang)})", f"（×{_x(group.layers, lang)}）")
        out.append((0, name + times, group.params))
        for part in group.children:
            if part.key == "moe":
                for sub in part.children:
                    out.append((1, fmt.label(sub.key, lang), sub.params))
            elif part.key == "mlp":
                out.append((1, _t(lang, "Dense FFN", "稠密前馈网络"), part.params))
            else:
                out.append((1, fmt.label(part.key, lang), part.params))
    out.append((0, fmt.label("final_norm", lang), TREE.get("final_norm")))
    out.append((0, fmt.label("head", lang), HEAD))
    return out


def breakdown_table(lang):
    """Where the parameters sit, as a share of the total."""
    rows = [
        _t(
            lang,
            "| Part | Parameters | Exactly | Share of the total |",
            "| 部分 | 参数量 | 精确值 | 占总量 |",
        ),
        "|---|--:|--:|--:|",
    ]
    top = 0
    for indent, name, n in _rows_of(lang):
        if indent == 0:
            top += n
            share = fmt.percent(n, C.total, lang)
            rows.append(_row(f"**{name}**", f"**{_n(n, lang)}**", _x(n, lang), f"**{share}**"))
        else:
            share = fmt.percent(n, C.total, lang)
            rows.append(_row(f"&emsp;{name}", _n(n, lang), _x(n, lang), share))
    assert top == C.total
    total = _t(lang, "Total", "合计")
    rows.append(
        _row(
            f"**{total}**",
            f"**{_n(C.total, lang)}**",
            f"**{_x(C.total, lang)}**",
            fmt.percent(C.total, C.total, lang),
        )
    )
    return "\n".join(rows)


# --- total against active -------------------------------------------------------------------------


def _active_parts():
    """(key, total params, params one token uses) for each part of the model."""
    per_expert = MOEL.get("moe.experts") // (MOE.num_experts * MOEL.layers)
    routed_active = per_expert * MOE.experts_per_token * MOEL.layers
    norms = DENSE.get("norms") + MOEL.get("norms") + TREE.get("final_norm")
    attention = DENSE.get("attention") + MOEL.get("attention")
    parts = [
        ("embedding", EMB, EMB),
        ("attention", attention, attention),
        ("dense_ffn", DENSE.get("mlp"), DENSE.get("mlp")),
        ("router", MOEL.get("moe.router"), MOEL.get("moe.router")),
        ("shared", MOEL.get("moe.shared_experts"), MOEL.get("moe.shared_experts")),
        ("routed", MOEL.get("moe.experts"), routed_active),
        ("norms", norms, norms),
        ("head", HEAD, HEAD),
    ]
    assert sum(p[1] for p in parts) == C.total
    assert sum(p[2] for p in parts) == C.active
    return parts


def _part_name(key, lang):
    names = {
        "embedding": (f"{fmt.label('token', 'en')}", f"{fmt.label('token', 'zh')}"),
        "attention": (
            f"Attention, all {_x(V3.layers, 'en')} layers",
            f"注意力，全部 {_x(V3.layers, 'zh')} 层",
        ),
        "dense_ffn": (
            f"Dense FFN, first {_x(V3.dense_layer_count, 'en')} layers",
            f"稠密前馈网络，前 {_x(V3.dense_layer_count, 'zh')} 层",
        ),
        "router": ("Routers", "路由器"),
        "shared": ("Shared expert", "共享专家"),
        "routed": ("Routed experts", "路由专家"),
        "norms": ("Norms", "归一化"),
        "head": (fmt.label("head", "en"), fmt.label("head", "zh")),
    }
    return _t(lang, *names[key])


def _what_a_token_uses(key, lang):
    k, e = MOE.experts_per_token, MOE.num_experts
    what = {
        "embedding": (
            f"reads one row of {_x(D, 'en')} values: a lookup, no multiplication",
            f"只读取其中一行（{_x(D, 'zh')} 个数）：查表，不做乘法",
        ),
        "attention": ("all of it, in every layer", "全部，每一层都用"),
        "dense_ffn": ("all of it", "全部"),
        "router": ("all of it: scores every expert", "全部：给每个专家打分"),
        "shared": ("all of it, in every MoE layer", "全部，每个 MoE 层都用"),
        "routed": (f"{k} of {e} in each MoE layer", f"每个 MoE 层 {e} 个中选 {k} 个"),
        "norms": ("all of them", "全部"),
        "head": (
            "all of it: a score for every token of the vocabulary",
            "全部：给词表中每个词元打分",
        ),
    }
    return _t(lang, *what[key])


def active_table(lang):
    """What one token touches, part by part, against what the model stores."""
    rows = [
        _t(
            lang,
            "| Part | In the model | One token uses | How much of it | Share used |",
            "| 部分 | 模型中共有 | 一个词元用到 | 用到多少 | 使用比例 |",
        ),
        "|---|--:|--:|---|--:|",
    ]
    for key, total, used in _active_parts():
        rows.append(
            f"| {_part_name(key, lang)} | {_n(total, lang)} | {_n(used, lang)}"
            f" | {_what_a_token_uses(key, lang)} | {fmt.percent(used, total, lang)} |"
        )
    rows.append(
        _row(
            f"**{_t(lang, 'Whole model', '整个模型')}**",
            f"**{_n(C.total, lang)}**",
            f"**{_n(C.active, lang)}**",
            _x(C.active, lang),
            f"**{fmt.percent(C.active, C.total, lang)}**",
        )
    )
    return "\n".join(rows)


def deepseek_active(lang):
    """llmsize's active count against DeepSeek's, which leave out the input embedding."""
    without = C.active - EMB
    # Independent source: deepseek-ai/DeepSeek-V3 README_WEIGHTS.md, "Activation parameters:
    # 36.6B (including 0.9B for the output Head)"; the technical report's abstract, "37B activated".
    assert fmt.count(without, "en") == "36.6B"
    assert fmt.count(without, "en", digits=2) == "37B"
    assert (
        HEAD + 50_000_000
    ) // 100_000_000 == 9  # 0.9B for the output head
    claims = {c.text: c for c in PRESET.claims if c.kind == "active"}
    rows = [
        _t(
            lang,
            "| Count | Parameters | Exactly | Rounded as DeepSeek does |",
            "| 口径 | 参数量 | 精确值 | 按 DeepSeek 的写法取整 |",
        ),
        "|---|--:|--:|--:|",
        _row(
            _t(
                lang,
                "Active per token, llmsize (both vocabulary matrices)",
                "每个词元激活，llmsize（两个词表矩阵都计入）",
            ),
            _n(C.active, lang),
            _x(C.active, lang),
            "",
        ),
        _row(
            _t(lang, "less the input embedding (a lookup)", "减去输入嵌入（只是查表）"),
            f"−{_n(EMB, lang)}",
            f"−{_x(EMB, lang)}",
            "",
        ),
        _row(
            f"**{_t(lang, 'DeepSeek’s activated parameters', 'DeepSeek 的激活参数量')}**",
            f"**{_n(without, lang)}**",
            f"**{_x(without, lang)}**",
            claims["36.6B"].text
            + _t(lang, " (README_WEIGHTS)", "（README_WEIGHTS）")
            + " · "
            + claims["37B"].text
            + _t(lang, " (report, README)", "（技术报告、README）"),
        ),
    ]
    return "\n".join(rows)


def chart(lang):
    """Stacked bars: the total and the active count, split into the same parts."""
    parts = _active_parts()
    groups = [_t(lang, "Total", "总参数量"), _t(lang, "Active per token", "每个词元激活")]
    # Three series, bottom to top: attention, everything else every token uses, routed experts.
    attention = fmt.label("attention", lang)
    rest = _t(
        lang,
        "Embedding, head, dense FFN, shared expert, routers, norms",
        "嵌入、输出头、稠密前馈、共享专家、路由器、归一化",
    )
    experts = fmt.label("experts", lang)
    merged = {attention: (0, 0), rest: (0, 0), experts: (0, 0)}
    for key, total, used in parts:
        name = {"attention": attention, "routed": experts}.get(key, rest)
        a, b = merged[name]
        merged[name] = (a + total, b + used)
    series = [(name, [t, u]) for name, (t, u) in merged.items()]
    title = _t(
        lang,
        f"DeepSeek-V3: {fmt.count(C.total, lang)} parameters in total,"
        f" {fmt.count(C.active, lang)} used per token",
        f"DeepSeek-V3：共 {fmt.count(C.total, lang)}参数，每个词元用到 {fmt.count(C.active, lang)}",
    )
    return stacked(
        groups,
        series,
        title,
        ylabel=_t(lang, "parameters", "参数量"),
        value_format=lambda v: fmt.count(v, lang),
    )


# --- stored and checkpoint ------------------------------------------------------------------------


def _mtp_parts():
    """(name en, name zh, params) of the multi-token-prediction module, as stored."""
    block = MOEL.per_layer
    bias = MOE.num_experts  # its router's correction bias
    parts = [
        ("enorm and hnorm (two RMSNorms)", "enorm 和 hnorm（两个 RMSNorm）", 2 * D),
        ("eh_proj (`2D → D`)", "eh_proj（`2D → D`）", 2 * D * D),
        ("one more MoE layer (`model.layers.61`)", "再一个 MoE 层（`model.layers.61`）", block),
        ("its router's correction bias", "其路由器的校正偏置", bias),
        ("shared_head norm", "shared_head 归一化", D),
        ("its copy of the embedding", "它自带的一份嵌入矩阵", V * D),
        ("its copy of the output head", "它自带的一份输出头", V * D),
    ]
    return parts


def stored_table(lang):
    """From the main model's total to the Hub's figure, term by term."""
    router_bias = MOE.num_experts * V3.moe_layer_count
    mtp = _mtp_parts()
    mtp_total = sum(p[2] for p in mtp)
    scales = block_scales(V3, V3.quant_block)
    assert C.total + router_bias + mtp_total == C.stored
    assert C.stored + scales == C.checkpoint == HUB_TOTAL
    assert fmt.count(C.checkpoint, "en") == "685B"
    rows = [
        _t(lang, "| | Parameters | Exactly |", "| | 参数量 | 精确值 |"),
        "|---|--:|--:|",
        _row(
            f"**{_t(lang, 'Main model (the total)', '主模型（总参数量）')}**",
            f"**{_fine(C.total, lang)}**",
            _x(C.total, lang),
        ),
    ]
    biases = f"`e_score_correction_bias`{_t(lang, ', ', '，')}"
    biases += f"{_x(V3.moe_layer_count, lang)} × {_x(MOE.num_experts, lang)}"
    rows.append(
        _row(
            "+ " + _t(lang, "router correction biases", "路由器校正偏置") + _paren(lang, biases),
            _n(router_bias, lang),
            _x(router_bias, lang),
        )
    )
    rows.append(
        _row(
            "+ " + _t(lang, "multi-token-prediction module", "多词元预测模块"),
            _n(mtp_total, lang),
            _x(mtp_total, lang),
        )
    )
    for en, zh, n in mtp:
        rows.append(_row(f"&emsp;{_t(lang, en, zh)}", _n(n, lang), _x(n, lang)))
    rows.append(
        _row(
            f"**= {_t(lang, 'stored weights', '存储的权重')}**",
            f"**{_fine(C.stored, lang)}**",
            _x(C.stored, lang),
        )
    )
    tile = f"{_x(V3.quant_block, lang)}×{_x(V3.quant_block, lang)}"
    per_tile = _t(
        lang,
        f"`weight_scale_inv`, one per {tile} tile",
        f"`weight_scale_inv`，每个 {tile} 方块一个",
    )
    rows.append(
        _row(
            "+ " + _t(lang, "fp8 scale factors", "fp8 缩放因子") + _paren(lang, per_tile),
            _n(scales, lang),
            _x(scales, lang),
        )
    )
    rows.append(
        _row(
            f"**= {_t(lang, 'every value in the checkpoint', '权重文件中的全部数值')}**",
            f"**{_fine(C.checkpoint, lang)}**",
            _x(C.checkpoint, lang),
        )
    )
    return "\n".join(rows)


def dtype_table(lang):
    """The checkpoint by storage type, computed, against the Hub's own figures."""
    fp8 = sum(rows * cols * n for _, rows, cols, n in linear_shapes(V3, mtp=True))
    router_bias = MOE.num_experts * (V3.moe_layer_count + V3.mtp_layers)
    scales = block_scales(V3, V3.quant_block)
    f32 = scales + router_bias
    bf16 = C.stored - fp8 - router_bias
    # Independent source: the Hub's safetensors metadata, term by term.
    assert fp8 == HUB["F8_E4M3"]
    assert bf16 == HUB["BF16"]
    assert f32 == HUB["F32"]
    # What the bf16 part is made of: four vocabulary matrices (embedding and head, main model and
    # MTP copies), the routers, eh_proj and every norm.
    routers = MOEL.get("moe.router") + MOEL.find("moe.router").per_layer * V3.mtp_layers
    tables = 2 * (EMB + HEAD)
    eh = 2 * D * D
    norms = bf16 - tables - routers - eh
    assert norms == (
        DENSE.get("norms")
        + MOEL.get("norms")
        + TREE.get("final_norm")
        + (V3.layers + V3.mtp_layers) * (MLA.q_lora_rank + MLA.kv_lora_rank)
        + MOEL.find("norms").per_layer
        + 3 * D
    )
    what = {
        "F8_E4M3": (
            f"every attention and FFN matrix (experts included) of the {_x(V3.layers, 'en')} layers"
            " and of the MTP layer",
            f"{_x(V3.layers, 'zh')} 层和 MTP 层中所有注意力与前馈网络矩阵（含全部专家）",
        ),
        "BF16": (
            f"embedding and output head (twice: main model and MTP copies) {_n(tables, 'en')},"
            f" routers {_n(routers, 'en')}, eh_proj {_n(eh, 'en')}, norms {_n(norms, 'en')}",
            f"嵌入与输出头（主模型和 MTP 各一份）{_n(tables, 'zh')}，路由器 {_n(routers, 'zh')}，"
            f"eh_proj {_n(eh, 'zh')}，归一化 {_n(norms, 'zh')}",
        ),
        "F32": (
            f"fp8 scale factors {_n(scales, 'en')},"
            f" router correction biases {_x(router_bias, 'en')}",
            f"fp8 缩放因子 {_n(scales, 'zh')}，路由器校正偏置 {_x(router_bias, 'zh')}",
        ),
    }
    computed = {"F8_E4M3": fp8, "BF16": bf16, "F32": f32}
    size = {"F8_E4M3": 1, "BF16": 2, "F32": 4}
    rows = [
        _t(
            lang,
            "| Storage type | What it holds | llmsize | The Hub reports | Bytes |",
            "| 存储类型 | 内容 | llmsize 算出 | Hub 报告 | 字节数 |",
        ),
        "|---|---|--:|--:|--:|",
    ]
    for dtype in ("F8_E4M3", "BF16", "F32"):
        en, zh = what[dtype]
        text = _t(lang, en, zh)
        rows.append(
            f"| `{dtype}` | {text} | {_x(computed[dtype], lang)} | {_x(HUB[dtype], lang)}"
            f" | {fmt.bytes_(computed[dtype] * size[dtype], lang=lang)} |"
        )
    nbytes = sum(computed[k] * size[k] for k in computed)
    rows.append(
        _row(
            f"**{_t(lang, 'Total', '合计')}**",
            "",
            f"**{_x(sum(computed.values()), lang)}**",
            f"**{_x(HUB_TOTAL, lang)}**",
            f"**{fmt.bytes_both(nbytes, lang)}**",
        )
    )
    return "\n".join(rows)


# --- a dense 671B ---------------------------------------------------------------------------------


def _dense_variants():
    """DeepSeek-V3, its all-dense twin, and a dense model of the same total, built as specs."""
    all_dense = dataclasses.replace(V3, name="all-dense", moe=None, mtp_layers=0)
    per_layer = DENSE.per_layer
    outside = C.total - TREE.get("layers")
    layers = round((C.total - outside) / per_layer)
    same_total = dataclasses.replace(V3, name="dense-671B", layers=layers, moe=None, mtp_layers=0)
    return all_dense, same_total


def dense_table(lang):
    """What a dense model would cost against the MoE: parameters, compute per token, memory."""
    all_dense, same_total = _dense_variants()
    rows = [
        _t(
            lang,
            "| Model | Layers | Parameters (total) | Used per token"
            " | Forward FLOPs per token (`2N`) | Weights in bf16 | Weights in fp8 |",
            "| 模型 | 层数 | 总参数量 | 每个词元用到"
            " | 每个词元的前向计算量（`2N`） | bf16 权重 | fp8 权重 |",
        ),
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    names = [
        (V3, _t(lang, "**DeepSeek-V3** (MoE, as released)", "**DeepSeek-V3**（MoE，实际发布的）")),
        (
            all_dense,
            _t(
                lang,
                f"Every layer dense, like its first {V3.dense_layer_count}",
                f"每层都稠密，像它的前 {V3.dense_layer_count} 层那样",
            ),
        ),
        (
            same_total,
            _t(
                lang,
                "A dense model of the same total, built from its dense layer",
                "同样总参数量的稠密模型，由它的稠密层堆成",
            ),
        ),
    ]
    for spec, name in names:
        c = counts(spec)
        rows.append(
            f"| {name} | {_x(spec.layers, lang)} | {_n(c.total, lang)} | {_n(c.active, lang)}"
            f" | {_n(flops.two_n_flops_per_token(spec), lang)}"
            f" | {fmt.bytes_(memory.weights_bytes(c.total, 'bf16'), lang=lang)}"
            f" | {fmt.bytes_(memory.weights_bytes(c.total, 'fp8_e4m3'), lang=lang)} |"
        )
    return "\n".join(rows)


# --- the KV cache ---------------------------------------------------------------------------------


def kv_table(lang):
    """What one token adds to the KV cache with MLA's latent, and with full per-head K/V."""
    latent = memory.kv_cache_bytes_per_token(V3, "bf16")
    naive = memory.kv_cache_naive_mla_bytes_per_token(V3, "bf16")
    # DeepSeek-V2 paper (arXiv:2405.04434), Table 1: MLA caches (d_c + d_h^R)·l = (9/2)·d_h·l
    # elements per token; with d_h = 128 and l = 61 layers, in 2-byte bf16.
    assert latent == 9 * 128 // 2 * 61 * 2 == 70_272
    ctx = V3.context_length
    rows = [
        _t(
            lang,
            "| What is cached per layer | Values per token | Bytes per token (bf16)"
            f" | At {_x(ctx, lang)} tokens |",
            "| 每层缓存什么 | 每个词元的数值个数 | 每个词元的字节数（bf16）"
            f" | {_x(ctx, lang)} 个词元时 |",
        ),
        "|---|--:|--:|--:|",
        _row(
            _t(lang, "MLA latent + shared rotary key", "MLA 潜向量 + 共享旋转位置键")
            + _paren(lang, "`r_kv + d_rope`"),
            _x(latent // 2, lang),
            fmt.bytes_(latent, "B", lang),
            fmt.bytes_both(latent * ctx, lang),
        ),
        _row(
            _t(lang, "Full keys and values of every head", "每个头完整的键和值")
            + _paren(lang, "`N·(d_nope + d_rope + d_v)`"),
            _x(naive // 2, lang),
            fmt.bytes_(naive, "B", lang),
            fmt.bytes_both(naive * ctx, lang),
        ),
    ]
    return "\n".join(rows)


# --- DeepSeek's own figures -----------------------------------------------------------------------


def claims_table(lang):
    """Each figure DeepSeek publishes, with the exact count it rounds and where it is stated."""
    matching = {
        "671B": (C.total, ("the main model's total", "主模型的总参数量")),
        "37B": (
            C.active - EMB,
            ("active per token less the input embedding", "每个词元激活减去输入嵌入"),
        ),
        "36.6B": (C.active - EMB, ("the same, one more digit", "同上，多保留一位")),
        "685B": (
            C.checkpoint,
            (
                "every value in the Hub checkpoint (main model, MTP module, buffers, fp8 scales)",
                "Hub 权重文件中的全部数值（主模型、MTP 模块、缓冲区、fp8 缩放因子）",
            ),
        ),
    }
    rows = [
        _t(
            lang,
            "| DeepSeek says | It is | Exactly | Source |",
            "| DeepSeek 的说法 | 对应的是 | 精确值 | 出处 |",
        ),
        "|--:|---|--:|---|",
    ]
    for claim in PRESET.claims:
        n, (en, zh) = matching[claim.text]
        digits = len(claim.text.rstrip("B").replace(".", ""))
        assert fmt.count(n, "en", digits=digits) == claim.text
        rows.append(f"| **{claim.text}** | {_t(lang, en, zh)} | {_x(n, lang)} | {claim.source} |")
    return "\n".join(rows)


def counters_table(lang):
    """Three counters, three answers: llmsize, transformers and the Hub."""
    theirs = ORACLE["figures"]["preset:deepseek-v3"]
    rows = [
        _t(
            lang,
            "| Who counts | What it counts | Parameters | Exactly |",
            "| 谁来数 | 数的是什么 | 参数量 | 精确值 |",
        ),
        "|---|---|--:|--:|",
        _row(
            "llmsize, `counts(spec).total`",
            _t(lang, "the main model: every trained weight", "主模型：全部可训练的权重"),
            _n(C.total, lang),
            _x(C.total, lang),
        ),
        _row(
            f"transformers {ORACLE['transformers']}, `sum(p.numel() for p in model.parameters())`",
            _t(
                lang,
                "the same: it builds no MTP layer, and the router correction bias is a buffer,"
                " not a parameter",
                "同上：它不构建 MTP 层，路由器校正偏置是缓冲区而不是参数",
            ),
            _n(theirs, lang),
            _x(theirs, lang),
        ),
        _row(
            _t(lang, "The Hub (safetensors metadata)", "Hub（safetensors 元数据）"),
            _t(
                lang,
                "every value in every tensor of the checkpoint",
                "权重文件中每个张量的每个数值",
            ),
            _n(HUB_TOTAL, lang),
            _x(HUB_TOTAL, lang),
        ),
    ]
    return "\n".join(rows)


# --- sentences printed under the tables -----------------------------------------------------------


def layer_note(lang):
    experts = MOEL.find("moe.experts").per_layer
    ratio = _times(MOEL.per_layer, DENSE.per_layer, lang)
    share = fmt.percent(experts, MOEL.per_layer, lang)
    return _t(
        lang,
        f"One MoE layer holds {ratio} the parameters of a dense layer;"
        f" {share} of it is routed experts.",
        f"一个 MoE 层的参数量是稠密层的 {ratio}，其中 {share} 是路由专家。",
    )


def breakdown_note(lang):
    experts = MOEL.get("moe.experts")
    attention = DENSE.get("attention") + MOEL.get("attention")
    vocab = EMB + HEAD
    e, a = fmt.percent(experts, C.total, lang), fmt.percent(attention, C.total, lang)
    v, layers = fmt.percent(vocab, C.total, lang), _x(V3.layers, lang)
    return _t(
        lang,
        f"Routed experts: {e} of all parameters. Attention in all {layers} layers: {a}."
        f" Embedding and output head together: {v}.",
        f"路由专家占全部参数的 {e}；全部 {layers} 层的注意力占 {a}；嵌入和输出头合起来占 {v}。",
    )


def dense_note(lang):
    _, same_total = _dense_variants()
    ratio = _times(flops.two_n_flops_per_token(same_total), flops.two_n_flops_per_token(V3), lang)
    return _t(
        lang,
        f"The dense model of the same size would spend {ratio} as much compute on every token.",
        f"同样大小的稠密模型，每个词元的计算量是 DeepSeek-V3 的 {ratio}。",
    )


def kv_note(lang):
    naive = memory.kv_cache_naive_mla_bytes_per_token(V3)
    ratio = _times(naive, memory.kv_cache_bytes_per_token(V3), lang)
    return _t(
        lang,
        f"Full keys and values would take {ratio} the memory of the latent.",
        f"缓存完整的键和值，所需显存是缓存潜向量的 {ratio}。",
    )

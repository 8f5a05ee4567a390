# DeepSeek-V3 page: the article's guess against the real shape, the config keys, and attention.
# Needs md.py and deepseek-v3/common.py included first.
import json

from llmsize import fmt, variants
from llmsize.approx import stack
from llmsize.article import ARTICLE_LAYERS, ARTICLE_WIDTH
from llmsize.text import say

_SHAPE_HEADER = (
    HEADS["model"],
    HEADS["layers"],
    HEADS["width"],
    HEADS["params"],
    {"en": "Counted how", "zh": "怎么算的"},
)
_SHAPE = {
    "article": {"en": "The article's example (dense)", "zh": "原文的例子（稠密）"},
    "shaped": {"en": "A dense model of DeepSeek-V3's shape", "zh": "DeepSeek-V3 形状的稠密模型"},
    "exact": {"en": "exact, from its config.json", "zh": "精确值，由 config.json 算出"},
}


def shape_table(lang):
    """The article's dense example, a dense model of DeepSeek-V3's shape, and DeepSeek-V3."""
    article = stack(ARTICLE_LAYERS, ARTICLE_WIDTH)
    shaped = stack(V3.layers, D)
    assert V3.layers < ARTICLE_LAYERS and D < ARTICLE_WIDTH
    rows = [
        [say(_SHAPE["article"], lang), ARTICLE_LAYERS, ARTICLE_WIDTH, article, "`12·L·D²`"],
        [say(_SHAPE["shaped"], lang), V3.layers, D, shaped, "`12·L·D²`"],
        ["**DeepSeek-V3**", V3.layers, D, C.total, say(_SHAPE["exact"], lang)],
    ]
    for row in rows:
        row[1:3] = [fmt.exact(n, lang) for n in row[1:3]]
        row[3] = fmt.count(row[3], lang)
    rows[2][3] = f"**{rows[2][3]}**"
    return table(_SHAPE_HEADER, rows, "lrrrl", lang)


# config.json key, symbol, meaning (the site's notation, md.py, where the symbol is one of it).
_KEYS = [
    ("num_hidden_layers", "`L`", NOTATION["L"]),
    (
        "first_k_dense_replace",
        "",
        {"en": "leading layers that keep a dense FFN", "zh": "开头保留稠密前馈网络的层数"},
    ),
    (
        "moe_layer_freq",
        "",
        {"en": "every layer after them is an MoE layer", "zh": "此后每一层都是 MoE 层"},
    ),
    ("hidden_size", "`D`", NOTATION["D"]),
    ("num_attention_heads", "`N`", NOTATION["N"]),
    (
        "q_lora_rank",
        "`r_q`",
        {
            "en": "query latent: queries are made from a vector this long",
            "zh": "查询潜向量的长度：查询由它升维得到",
        },
    ),
    (
        "kv_lora_rank",
        "`r_kv`",
        {
            "en": "key/value latent: the compressed vector the KV cache keeps",
            "zh": "键值潜向量的长度：KV 缓存保存的压缩向量",
        },
    ),
    (
        "qk_rope_head_dim",
        "`d_rope`",
        {
            "en": "per-head query/key part that carries rotary positions",
            "zh": "每个头的查询/键中携带旋转位置编码的部分",
        },
    ),
    (
        "qk_nope_head_dim",
        "`d_nope`",
        {
            "en": "per-head query/key part without positions",
            "zh": "每个头的查询/键中不带位置编码的部分",
        },
    ),
    ("v_head_dim", "`d_v`", {"en": "per-head value size", "zh": "每个头的值向量长度"}),
    (
        "intermediate_size",
        "`F`",
        {
            "en": "hidden width of the dense FFN (first {dense} layers)",
            "zh": "稠密前馈网络（前 {dense} 层）的隐藏宽度",
        },
    ),
    (
        "n_routed_experts",
        "`E`",
        {"en": "routed experts per MoE layer", "zh": "每个 MoE 层的路由专家数"},
    ),
    (
        "num_experts_per_tok",
        "`k`",
        {"en": "routed experts each token is sent to", "zh": "每个词元被送往的路由专家数"},
    ),
    (
        "n_shared_experts",
        "",
        {"en": "experts every token passes through", "zh": "每个词元都经过的共享专家数"},
    ),
    (
        "moe_intermediate_size",
        "`f`",
        {"en": "hidden width of one expert", "zh": "单个专家的隐藏宽度"},
    ),
    ("vocab_size", "`V`", NOTATION["V"]),
    (
        "tie_word_embeddings",
        "",
        {
            "en": "the output head is its own matrix, not the embedding reused",
            "zh": "输出头是独立的矩阵，不复用嵌入矩阵",
        },
    ),
    (
        "num_nextn_predict_layers",
        "",
        {
            "en": "multi-token-prediction modules shipped beside the model",
            "zh": "随模型一起发布的多词元预测模块数",
        },
    ),
]
_CONFIG_HEADER = (
    {"en": "config.json key", "zh": "config.json 键"},
    HEADS["value"],
    HEADS["symbol"],
    HEADS["meaning"],
)
_CONFIG = {
    "fp8": {
        "en": "the released weights are fp8 with one scale per tile",
        "zh": "发布的权重为 fp8，每个方块一个缩放因子",
    },
}


def config_table(lang):
    """The config.json keys that fix the parameter count, with what each one means."""
    rows = []
    for key, symbol, meaning in _KEYS:
        value = CONFIG[key]
        shown = json.dumps(value) if isinstance(value, bool) else fmt.exact(value, lang)
        dense = fmt.exact(V3.dense_layer_count, lang)
        rows.append([f"`{key}`", shown, symbol, say(meaning, lang, dense=dense)])
    quant = CONFIG["quantization_config"]
    block = quant["weight_block_size"]
    tile = f"{fmt.exact(block[0], lang)}×{fmt.exact(block[1], lang)}"
    rows.append(["`quantization_config`", f"`{quant['quant_method']}`, {tile}", ""])
    rows[-1].append(say(_CONFIG["fp8"], lang))
    # The config and the spec llmsize reads from it say the same thing.
    assert CONFIG["first_k_dense_replace"] == V3.dense_layer_count
    assert block == [V3.quant_block, V3.quant_block]
    return table(_CONFIG_HEADER, rows, "lrcl", lang)


# Attention, projection by projection: key, formula, shape (in -> out) or None, what it does.
_ATTN = [
    (
        "q_down",
        "D·r_q",
        lambda: (D, MLA.q_lora_rank),
        {
            "en": "compress the token's vector to the query latent",
            "zh": "把词元的向量压缩成查询潜向量",
        },
    ),
    (
        "q_norm",
        "r_q",
        None,
        {"en": "RMSNorm weights on that latent", "zh": "该潜向量上的 RMSNorm 权重"},
    ),
    (
        "q_up",
        "r_q·N·(d_nope + d_rope)",
        lambda: (MLA.q_lora_rank, N * MLA.qk_head_dim),
        {"en": "expand it to all heads' queries", "zh": "升维成所有头的查询"},
    ),
    (
        "kv_down",
        "D·(r_kv + d_rope)",
        lambda: (D, MLA.kv_lora_rank + MLA.qk_rope_head_dim),
        {
            "en": "compress to the key/value latent plus one shared rotary key",
            "zh": "压缩成键值潜向量，外加一个所有头共享的旋转位置键",
        },
    ),
    (
        "kv_norm",
        "r_kv",
        None,
        {"en": "RMSNorm weights on the key/value latent", "zh": "键值潜向量上的 RMSNorm 权重"},
    ),
    (
        "kv_up",
        "r_kv·N·(d_nope + d_v)",
        lambda: (MLA.kv_lora_rank, N * (MLA.qk_nope_head_dim + MLA.v_head_dim)),
        {
            "en": "expand the latent to every head's key and value",
            "zh": "把潜向量升维成每个头的键和值",
        },
    ),
    (
        "o",
        "N·d_v·D",
        lambda: (N * MLA.v_head_dim, D),
        {
            "en": "mix the heads back into one vector of width D",
            "zh": "把各头的输出混合回一个宽度为 D 的向量",
        },
    ),
]
_ATTENTION_HEADER = (
    HEADS["part"],
    {"en": "Shape (in → out)", "zh": "形状（输入 → 输出）"},
    HEADS["formula"],
    HEADS["per_layer"],
    {"en": "All layers", "zh": "全部层"},
    {"en": "What it does", "zh": "作用"},
)
_ATTENTION = {
    "sum": {"en": "Attention", "zh": "注意力合计"},
    "same": {"en": "the same in all {n} layers", "zh": "全部 {n} 层都一样"},
    "vs_mha": {
        "en": "One MLA layer holds {mla} parameters; plain multi-head attention with the same {n}"
        " heads and head sizes (queries and keys of {qk}, values of {v}) would hold {mha}:"
        " {share} of it.",
        "zh": "一层 MLA 有 {mla}参数；同样 {n} 个头、同样头维度（查询和键 {qk} 维、值 {v} 维）的"
        "普通多头注意力会有 {mha}，MLA 只有它的 {share}。",
    },
}


def attention_table(lang):
    """Multi-head latent attention, projection by projection, for one layer and for all."""
    rows, per_layer_sum = [], 0
    for key, formula, shape, what in _ATTN:
        one = MOEL.find(f"attention.{key}").per_layer
        every = DENSE.get(f"attention.{key}") + MOEL.get(f"attention.{key}")
        if shape is None:
            shape_text = fmt.exact(one, lang)
        else:
            a, b = shape()
            assert a * b == one
            shape_text = f"{fmt.exact(a, lang)} → {fmt.exact(b, lang)}"
        per_layer_sum += one
        rows.append([fmt.label(key, lang), shape_text, f"`{formula}`", fmt.exact(one, lang)])
        rows[-1] += [fmt.count(every, lang), say(what, lang)]
    every = DENSE.get("attention") + MOEL.get("attention")
    assert per_layer_sum == MOEL.find("attention").per_layer == DENSE.find("attention").per_layer
    same = say(_ATTENTION["same"], lang, n=fmt.exact(V3.layers, lang))
    rows.append(
        [f"**{say(_ATTENTION['sum'], lang)}**", "", "", f"**{fmt.exact(per_layer_sum, lang)}**"]
    )
    rows[-1] += [f"**{fmt.count(every, lang)}**", same]
    return table(_ATTENTION_HEADER, rows, "lrlrrl", lang)


def attention_vs_mha(lang):
    """One MLA layer against plain multi-head attention with the same heads and width."""
    mla = MOEL.find("attention").per_layer
    mha = variants.mha_attention_params(V3)
    return say(
        _ATTENTION["vs_mha"],
        lang,
        mla=fmt.count(mla, lang),
        n=fmt.exact(N, lang),
        qk=fmt.exact(MLA.qk_head_dim, lang),
        v=fmt.exact(MLA.v_head_dim, lang),
        mha=fmt.count(mha, lang),
        share=fmt.percent(mla, mha, lang),
    )

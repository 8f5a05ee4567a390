# The calculator page's tables: what each figure of the results counts (figures("en")), and
# the model_type values a pasted config may have (model_types("zh")). Row names are the
# labels the results show (llmsize.text: LABELS for the counts, MEMORY for the bytes), so the
# two cannot be worded differently. The form itself: form.py.
from llmsize import fmt, hfconfig, training
from llmsize.text import MEMORY, say

# A label's fields ({dtype}, {context}...) are set in the form; the table shows them blank.
BLANK = "…"

_HEAD = {
    "en": "| Figure | How llmsize computes it |",
    "zh": "| 数字 | llmsize 怎么算 |",
}
_ROWS = {
    "total": {
        "en": "Every trained weight, with shared (tied) matrices counted once: what"
        " `sum(p.numel() for p in model.parameters())` gives in transformers. This is the"
        " headline figure.",
        "zh": "模型全部可训练的权重，共享（绑定）的矩阵只算一次，即 transformers 中"
        " `sum(p.numel() for p in model.parameters())` 的结果，也就是常说的那个数。",
    },
    "active": {
        "en": "What one token runs through: everything except the routed experts, plus the"
        " experts the router picks for it in each MoE layer. Equal to the total for a dense"
        " model.",
        "zh": "一个词元实际经过的部分：除路由专家以外的全部参数，"
        "加上每个 MoE 层里路由器为它选中的专家。稠密模型的激活参数量等于总参数量。",
    },
    "non_embedding": {
        "en": "The total without the vocabulary-sized tables (token, position and token-type"
        " embeddings, and an output head that is not tied to the embedding).",
        "zh": "总数减去与词表大小成正比的几张表（词元嵌入、位置嵌入、分段嵌入，以及未与嵌入共享的"
        "输出头）。",
    },
    "stored": {
        "en": "What the released files hold: the total plus DeepSeek-V3's multi-token-prediction"
        " module and router correction biases. For an fp8 release, the checkpoint row adds the"
        " scale factors stored beside the weights.",
        "zh": "发布的权重文件里存了什么：总数，"
        "加上 DeepSeek-V3 的多词元预测模块和路由器的校正偏置。"
        "对 fp8 版本，“权重文件数值总数”一行还计入与权重一同保存的缩放因子。",
    },
    "weights": {
        "en": "Total parameters × bytes per parameter of the chosen format, rounded up to whole"
        " bytes; GGUF formats are counted in whole blocks, scales included. Every weight is"
        " assumed to be in that one format, while real files often keep norms (and sometimes"
        " the embeddings) in a wider one.",
        "zh": "总参数量 × 所选格式每个参数的字节数，向上取整到整字节；GGUF 格式按整块计算，"
        "缩放因子计算在内。这里假定所有权重都用同一种格式，而实际的权重文件常把归一化层"
        "（有时还有嵌入）保留为更宽的格式。",
    },
    "kv_per_token": {
        "en": "Per token, a key and a value vector for each KV head in each layer: `2·L·K·H`"
        " values, so grouped-query attention saves by making `K` small. MLA caches one"
        " compressed latent and one shared rotary key per layer instead:"
        " `L·(kv_lora_rank + qk_rope_head_dim)` values. The formats offered are the ones"
        " serving engines keep a KV cache in (llama.cpp's `--cache-type-k`, vLLM's"
        " `--kv-cache-dtype`).",
        "zh": "每个词元在每一层、每个键值头上各存一个键向量和一个值向量，共 `2·L·K·H` 个数值；"
        "分组查询注意力（GQA）靠减小 `K` 来省显存。MLA 则每层只缓存一个压缩后的潜向量和"
        "一个共享的旋转位置键，共 `L·(kv_lora_rank + qk_rope_head_dim)` 个数值。"
        "可选的格式是推理引擎实际用来存 KV 缓存的那些（llama.cpp 的 `--cache-type-k`、"
        "vLLM 的 `--kv-cache-dtype`）。",
    },
    "kv_naive_per_token": {
        "en": "Only for MLA: the cache if each head's decompressed key and value were kept, as a"
        " plain attention implementation does. The gap is what MLA saves.",
        "zh": "仅对 MLA：如果像普通注意力实现那样，把每个头解压后的键和值都缓存下来，需要多少。"
        "两者之差就是 MLA 省下的部分。",
    },
    "kv_total": {
        "en": "Per token × context length × batch. An encoder such as BERT keeps no KV cache.",
        "zh": "每个词元的量 × 上下文长度 × 批大小。BERT 这样的编码器没有 KV 缓存。",
    },
}
_LIST = {"en": ", ", "zh": "、"}
_TRAINING = {
    "en": "{description} Source: {source}. Activations are not included.",
    "zh": "{description}出处：{source}。不含激活值。",
}


def _name(key, lang):
    """The label the results give row ``key``, its fields left blank."""
    if key in MEMORY:
        return say(MEMORY[key], lang, dtype=BLANK, context=BLANK, batch=BLANK)
    return fmt.label(key, lang)


def figures(lang):
    """Markdown table: what each figure of the calculator counts, training conventions included."""
    rows = [_HEAD[lang], "|---|---|"]
    for key, text in _ROWS.items():
        rows.append(f"| {_name(key, lang)} | {say(text, lang)} |")
    for key, conv in training.TRAINING_CONVENTIONS.items():
        name = say(MEMORY["training"], lang, n=key)
        text = say(_TRAINING, lang, description=say(conv.description, lang), source=conv.source)
        rows.append(f"| {name} | {text} |")
    return "\n".join(rows)


def model_types(lang):
    """The ``model_type`` values a pasted config may have, as inline code."""
    return say(_LIST, lang).join(f"`{m}`" for m in hfconfig.SUPPORTED_MODEL_TYPES)

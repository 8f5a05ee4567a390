# The Chinese term of each concept, and the variants the site does not use: ONE table.
# The Glossary prints it (zh_terms_table in glossary/table.py) and tests/docs/test_zh_terms.py
# reads this file and fails when a rejected variant appears in the prose of a Chinese page or in
# the text of the built Chinese site (snippet output and charts included).
#
# Each entry: the concept in English, the accepted Chinese term, and the rejected variants. A
# variant is a literal string, or a pair (how the Glossary shows it, a regular expression) for a
# pattern such as a figure followed by 次浮点运算. A page that must quote a variant on purpose
# wraps it in <span class="zh-rejected">...</span>, as the Glossary does.
ZH_TERMS = {
    "kv_heads": {
        "en": "key/value head",
        "zh": "键值头",
        "rejected": ["键/值头", "KV 头", "KV头"],
    },
    "head_dim": {
        "en": "head size (head dimension)",
        "zh": "头维度",
        "rejected": ["每个头的维度", "头尺寸", "头的大小"],
    },
    "width": {
        "en": "hidden size, model width",
        "zh": "隐藏维度（模型宽度）",
        "rejected": ["隐藏层维度", "隐层维度"],
    },
    "residual_stream": {
        "en": "residual stream",
        "zh": "残差流",
        "rejected": ["主干"],
    },
    "token_embedding": {
        "en": "token embedding",
        "zh": "词元嵌入",
        "rejected": ["词嵌入"],
    },
    "token": {
        "en": "token",
        "zh": "词元",
        "rejected": ["令牌"],
    },
    "vocab": {
        "en": "vocabulary",
        "zh": "词表",
        "rejected": ["词汇表"],
    },
    "ffn": {
        "en": "feed-forward network (FFN)",
        "zh": "前馈网络",
        "rejected": ["前馈层"],
    },
    "forward_pass": {
        "en": "forward pass",
        "zh": "前向计算",
        "rejected": ["前向传播"],
    },
    "latent": {
        "en": "latent vector (MLA)",
        "zh": "潜向量",
        "rejected": ["隐向量", "潜在向量"],
    },
    "kv_cache": {
        "en": "KV cache",
        "zh": "KV 缓存",
        "rejected": ["键值缓存", "KV缓存"],
    },
    "batch": {
        "en": "batch size",
        "zh": "批大小",
        "rejected": ["批量大小", "批次大小"],
    },
    "moe": {
        "en": "mixture of experts",
        "zh": "混合专家",
        "rejected": ["专家混合"],
    },
    "active": {
        "en": "active parameters",
        "zh": "激活参数量",
        "rejected": ["活跃参数"],
    },
    "parameter_count": {
        "en": "parameter count",
        "zh": "参数量",
        "rejected": ["参数数量"],
    },
    "checkpoint": {
        "en": "checkpoint",
        "zh": "权重文件",
        "rejected": ["检查点"],
    },
    "recomputation": {
        "en": "(activation) recomputation; recomputing in general",
        "zh": "重计算；泛指时说“重新计算”",
        "rejected": ["重算"],
    },
    "scaling_laws": {
        "en": "scaling laws",
        "zh": "缩放定律",
        "rejected": ["规模定律", "扩展定律"],
    },
    "flops": {
        "en": "FLOPs: the concept, and a count after a figure",
        "zh": "浮点运算次数；数字后写 FLOPs",
        "rejected": [("数字后写“次浮点运算”", r"[0-9⁰¹²³⁴⁵⁶⁷⁸⁹][ \u00a0]*次浮点运算")],
    },
}

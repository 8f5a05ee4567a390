# Glossary: the terms of two groups, "basics" (parameters and vectors) and "shape" (the shape of
# a model). Each term: its key, group, name and meaning in both languages ({"en", "zh"}), its
# notation letter if it has one, and the worked example (glossary/examples.py) if any. The
# Chinese names follow the Chinese-term table (glossary/zh_terms.py); glossary/table.py checks it.
_GL_TERMS_A = [
    {
        "key": "parameter",
        "group": "basics",
        "term": {"en": "parameter", "zh": "参数"},
        "symbol": "",
        "meaning": {
            "en": (
                "A number the model learned in training: one entry of a weight matrix, a bias or a"
                " norm's scale. Fixed once training ends, whatever the input."
            ),
            "zh": "模型在训练中学到的一个数：权重矩阵、偏置或归一化缩放系数中的一个元素。训练结束后就固定下来，与输入无关。",
        },
        "example": None,
    },
    {
        "key": "parameter_count",
        "group": "basics",
        "term": {"en": "parameter count", "zh": "参数量"},
        "symbol": "",
        "meaning": {
            "en": (
                "How many parameters a model has: the figure in its name. Sources differ in what they"
                " include; see active and non-embedding parameters."
            ),
            "zh": "模型的参数个数，也就是模型名里的那个数。不同来源统计的范围不同，参见“激活参数量”“非嵌入参数量”。",
        },
        "example": _gl_ex_count,
    },
    {
        "key": "billion",
        "group": "basics",
        "term": {"en": "B, as in 7B or 671B", "zh": "B（如 7B、671B）"},
        "symbol": "",
        "meaning": {
            "en": (
                "Billion, a count of parameters. Not bytes and not bits: until a dtype is chosen, the"
                " count says nothing about storage. Not the batch size B either."
            ),
            "zh": "英文 billion（十亿）的缩写，数的是参数个数，既不是字节也不是比特：选定数据类型之前，它说明不了要占多少存储。也不要和批大小 B 混淆。",
        },
        "example": _gl_ex_billion,
    },
    {
        "key": "weight",
        "group": "basics",
        "term": {"en": "weight", "zh": "权重"},
        "symbol": "",
        "meaning": {
            "en": (
                "A parameter in a matrix that multiplies vectors (a linear layer, an embedding table)."
                " Loosely, all of a model's parameters, as in “open weights”."
            ),
            "zh": "与向量相乘的矩阵（线性层、嵌入表）中的参数。宽泛地说也指模型的全部参数，如“开放权重”。",
        },
        "example": None,
    },
    {
        "key": "bias",
        "group": "basics",
        "term": {"en": "bias", "zh": "偏置"},
        "symbol": "",
        "meaning": {
            "en": (
                "A vector added after a matrix multiply. GPT-2 and BERT have them everywhere, Qwen2 on"
                " Q/K/V only, Llama, Mistral and DeepSeek nowhere."
            ),
            "zh": "矩阵乘法之后加上的向量。GPT-2 和 BERT 处处都有，Qwen2 只在 Q/K/V 上有，Llama、Mistral 和 DeepSeek 都没有。",
        },
        "example": None,
    },
    {
        "key": "vector",
        "group": "basics",
        "term": {"en": "vector", "zh": "向量"},
        "symbol": "",
        "meaning": {
            "en": (
                "An ordered list of numbers. In a transformer, the data: each token travels through the"
                " model as a vector of D numbers. How many there are depends on the input."
            ),
            "zh": "一组有序的数。在 Transformer 里，向量是数据：每个词元以一个含 D 个数的向量穿过模型。向量有多少个，取决于输入。",
        },
        "example": _gl_ex_dims("width", ("deepseek-v3",)),
    },
    {
        "key": "activation",
        "group": "basics",
        "term": {"en": "activation", "zh": "激活值"},
        "symbol": "",
        "meaning": {
            "en": (
                "A vector computed during a forward pass: hidden states, queries, keys, values, FFN"
                " intermediates. Exists only while the model runs; training keeps activations for the"
                " backward pass, which is why they cost memory."
            ),
            "zh": "前向计算中算出的向量：隐藏状态、查询、键、值、前馈网络的中间结果。只在模型运行时存在；训练时要留到反向传播，所以很占显存。",
        },
        "example": None,
    },
    {
        "key": "token",
        "group": "basics",
        "term": {"en": "token", "zh": "词元"},
        "symbol": "",
        "meaning": {
            "en": (
                "The unit of text a model reads and writes: a word, part of a word, a character or a"
                " byte, from a vocabulary of V entries."
            ),
            "zh": "模型读写文本的单位：一个词、词的一部分、一个字或一个字节，取自大小为 V 的词表。也常直接叫 token。",
        },
        "example": None,
    },
    {
        "key": "embedding",
        "group": "basics",
        "term": {"en": "embedding", "zh": "嵌入"},
        "symbol": "",
        "meaning": {
            "en": (
                "The V × D table that turns each token id into its first vector; also the vector it"
                " gives."
            ),
            "zh": "把词元编号变成第一个向量的 V × D 参数表；也指查表得到的那个向量。",
        },
        "example": _gl_ex_embedding,
    },
    {
        "key": "hidden_state",
        "group": "basics",
        "term": {"en": "hidden state", "zh": "隐藏状态"},
        "symbol": "",
        "meaning": {
            "en": (
                "The vector of D numbers a token has between layers (the residual stream): each layer"
                " reads it and adds its result to it."
            ),
            "zh": "词元在层与层之间的那个 D 维向量（残差流）：每一层读取它，再把自己的结果加回去。",
        },
        "example": None,
    },
    {
        "key": "forward_pass",
        "group": "basics",
        "term": {"en": "forward pass", "zh": "前向计算"},
        "symbol": "",
        "meaning": {
            "en": (
                "One run of the model over its input tokens, from the embeddings to the output scores."
                " Training adds a backward pass that computes a gradient for every parameter."
            ),
            "zh": "模型对输入词元完整运行一遍，从嵌入到输出打分。训练还要做反向传播，为每个参数算出梯度。",
        },
        "example": None,
    },
    {
        "key": "width",
        "group": "shape",
        "term": {"en": "hidden size, model width", "zh": "隐藏维度（模型宽度）"},
        "symbol": "D",
        "meaning": {
            "en": "Length of every hidden state; `hidden_size` in config.json (`n_embd` in GPT-2's).",
            "zh": "每个隐藏状态的长度；config.json 中的 `hidden_size`（GPT-2 叫 `n_embd`）。",
        },
        "example": _gl_ex_dims("width", ("llama-2-7b", "deepseek-v3")),
    },
    {
        "key": "layers",
        "group": "shape",
        "term": {"en": "layers", "zh": "层数"},
        "symbol": "L",
        "meaning": {
            "en": (
                "Transformer blocks stacked in the model, each attention followed by an FFN;"
                " `num_hidden_layers`."
            ),
            "zh": "模型中堆叠的 Transformer 块数，每块先注意力、后前馈网络；`num_hidden_layers`。",
        },
        "example": _gl_ex_dims("layers", ("llama-2-7b", "deepseek-v3")),
    },
    {
        "key": "heads",
        "group": "shape",
        "term": {"en": "attention heads", "zh": "注意力头数"},
        "symbol": "N",
        "meaning": {
            "en": (
                "Query heads per layer: attention runs this many times side by side, each on vectors of"
                " size H; `num_attention_heads`. The source article and `llmsize.approx` call it H."
            ),
            "zh": "每层的查询头数：注意力并行算这么多份，每份作用在长度为 H 的向量上；`num_attention_heads`。原文和 `llmsize.approx` 把它记作 H。",
        },
        "example": _gl_ex_dims("heads", ("llama-2-7b", "deepseek-v3")),
    },
    {
        "key": "kv_heads",
        "group": "shape",
        "term": {"en": "key/value heads", "zh": "键值头数"},
        "symbol": "K",
        "meaning": {
            "en": (
                "Heads of keys and values; several query heads may share one (see GQA);"
                " `num_key_value_heads`."
            ),
            "zh": "键和值的头数；多个查询头可以共用一个（见 GQA）；`num_key_value_heads`。",
        },
        "example": _gl_ex_dims("kv_heads", ("llama-2-7b", "llama-3.1-8b")),
    },
    {
        "key": "head_dim",
        "group": "shape",
        "term": {"en": "head size", "zh": "头维度"},
        "symbol": "H",
        "meaning": {
            "en": (
                "Length of one head's query, key and value vectors; usually D/N but not always;"
                " `head_dim`."
            ),
            "zh": "一个头的查询、键、值向量的长度；通常等于 D/N，但并非总是如此；`head_dim`。",
        },
        "example": _gl_ex_head_dim,
    },
    {
        "key": "ffn_width",
        "group": "shape",
        "term": {"en": "FFN width", "zh": "前馈网络宽度"},
        "symbol": "F",
        "meaning": {
            "en": (
                "Width the feed-forward block expands each vector to; `intermediate_size`. About `4·D`"
                " in GPT-2 and BERT, about `8·D/3` in gated (SwiGLU) FFNs."
            ),
            "zh": "前馈网络把向量扩展到的宽度；`intermediate_size`。GPT-2 和 BERT 约为 `4·D`，门控（SwiGLU）前馈网络约为 `8·D/3`。",
        },
        "example": _gl_ex_ffn,
    },
    {
        "key": "vocab",
        "group": "shape",
        "term": {"en": "vocabulary", "zh": "词表大小"},
        "symbol": "V",
        "meaning": {
            "en": "Number of distinct tokens: the rows of the embedding table; `vocab_size`.",
            "zh": "不同词元的个数，即嵌入表的行数；`vocab_size`。",
        },
        "example": _gl_ex_dims("vocab", ("llama-2-7b", "llama-3.1-8b")),
    },
    {
        "key": "tokens",
        "group": "shape",
        "term": {"en": "sequence length, tokens", "zh": "序列长度（词元数）"},
        "symbol": "T",
        "meaning": {
            "en": (
                "Tokens in the input (while generating, plus those produced so far). The parameters do"
                " not depend on it; activations, the KV cache and compute do."
            ),
            "zh": "输入中的词元数（生成时再加上已生成的）。参数量与它无关；激活值、KV 缓存和计算量都随它增长。",
        },
        "example": None,
    },
    {
        "key": "batch",
        "group": "shape",
        "term": {"en": "batch size", "zh": "批大小"},
        "symbol": "B",
        "meaning": {
            "en": "Sequences processed together. Not the B of 7B.",
            "zh": "同时处理的序列条数。和 7B 里的 B 不是一回事。",
        },
        "example": None,
    },
    {
        "key": "attention",
        "group": "shape",
        "term": {"en": "attention", "zh": "注意力"},
        "symbol": "",
        "meaning": {
            "en": (
                "The part of a layer where each token looks at the others: its query is scored against"
                " every key, and the scores mix the values. Four matrices per layer: Q, K, V and"
                " output."
            ),
            "zh": "层中让每个词元“看”其他词元的部分：用它的查询给每个键打分，再按分数混合各个值。每层四个矩阵：Q、K、V 和输出投影。",
        },
        "example": None,
    },
    {
        "key": "ffn",
        "group": "shape",
        "term": {"en": "feed-forward network (FFN, MLP)", "zh": "前馈网络（FFN、MLP）"},
        "symbol": "",
        "meaning": {
            "en": (
                "The part of a layer applied to each token on its own: widen to F, apply a"
                " nonlinearity, narrow back to D. Two matrices, three when gated; the largest part of a"
                " dense layer."
            ),
            "zh": "层中对每个词元单独作用的部分：扩展到 F 维，经过非线性函数，再压回 D 维。两个矩阵，门控时三个；是稠密层中最大的部分。",
        },
        "example": _gl_ex_ffn_share,
    },
    {
        "key": "norm",
        "group": "shape",
        "term": {"en": "norm (LayerNorm, RMSNorm)", "zh": "归一化（LayerNorm、RMSNorm）"},
        "symbol": "",
        "meaning": {
            "en": (
                "Rescales a vector before attention and before the FFN. RMSNorm learns D scales,"
                " LayerNorm D scales and D biases: a tiny share of the count."
            ),
            "zh": "在注意力和前馈网络之前重新缩放向量。RMSNorm 学习 D 个缩放系数，LayerNorm 再加 D 个偏置，在参数量中占比极小。",
        },
        "example": _gl_ex_norms,
    },
    {
        "key": "head",
        "group": "shape",
        "term": {"en": "output head (LM head)", "zh": "输出头"},
        "symbol": "",
        "meaning": {
            "en": (
                "The V × D matrix that turns the last hidden state into a score (logit) for every token"
                " of the vocabulary."
            ),
            "zh": "把最后的隐藏状态变成词表中每个词元的打分（logit）的 V × D 矩阵。",
        },
        "example": None,
    },
    {
        "key": "tied_embeddings",
        "group": "shape",
        "term": {"en": "tied embeddings", "zh": "共享嵌入（权重绑定）"},
        "symbol": "",
        "meaning": {
            "en": (
                "The output head reuses the embedding table, so the V × D matrix is counted once;"
                " `tie_word_embeddings`."
            ),
            "zh": "输出头直接复用嵌入表，这个 V × D 矩阵只算一次；`tie_word_embeddings`。",
        },
        "example": _gl_ex_tied,
    },
    {
        "key": "non_embedding",
        "group": "shape",
        "term": {"en": "non-embedding parameters", "zh": "非嵌入参数量"},
        "symbol": "",
        "meaning": {
            "en": (
                "The count without the vocabulary tables (embeddings, a position table, an untied"
                " head). Kaplan et al. (2020) fit their scaling laws to it; Chinchilla (Hoffmann et al."
                " 2022) counts total parameters instead, and Pearce & Song (2024, “Reconciling Kaplan"
                " and Chinchilla Scaling Laws”) trace much of the gap between the two laws to this"
                " difference."
            ),
            "zh": (
                "去掉词表相关的表（词元嵌入、位置嵌入表、未共享的输出头）后的参数量。Kaplan 等人（"
                "2020）的缩放定律按它拟合；Chinchilla（Hoffmann 等，2022）用的"
                "却是总参数量。Pearce 与 Song（2024，《Reconciling Kapla"
                "n and Chinchilla Scaling Laws》）指出，两条定律的差异很大一"
                "部分就来自这一口径之别。"
            ),
        },
        "example": _gl_ex_non_embedding,
    },
]

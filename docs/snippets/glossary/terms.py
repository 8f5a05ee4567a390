# The site's vocabulary: ONE table of terms, English and Chinese side by side, so every page
# words a term the same way. The glossary prints it; any page may include this file and call
# term("kv_cache", "zh") -> "KV 缓存" (or symbol("width") -> "D").
#
# Each row: key, group, English term, Chinese term, symbol, meaning (en), meaning (zh), and an
# optional example computed by llmsize in the page's language (no figure is typed here).
# Public: TERMS, TERM_GROUPS, SYMBOLS, term(), symbol(), meaning() and the glossary's *_table()
# functions. Private names start with _gl_, so including this file beside another page's snippet
# shadows none of that snippet's helpers.
from collections import namedtuple

from llmsize import counts, dtypes, flops, fmt, memory, presets, training

GlossaryTerm = namedtuple("GlossaryTerm", "key group en zh symbol meaning_en meaning_zh example")


def _gl_spec(model):
    return presets.load(model)


def _gl_counts(model):
    return counts(presets.load(model))


def _gl_bytes_per(dtype, lang):
    """Bytes per parameter of a dtype, as a short number ("2", "0.5", "4.5")."""
    b = dtypes.bytes_per_param(dtype)
    text = str(b.numerator) if b.denominator == 1 else str(float(b))
    return text + (" B" if lang == "en" else " 字节")


def _gl_eg(lang, text):
    return ("e.g. " if lang == "en" else "例：") + text


# --- examples (each computed; lang is "en" or "zh") ------------------------------------------


def _gl_ex_count(lang):
    # transformers' count of the model built from its config (tests/oracle)
    assert _gl_counts("deepseek-v3").total == 671_026_404_352
    n = fmt.exact(_gl_counts("deepseek-v3").total, lang)
    return f"e.g. DeepSeek-V3: {n}" if lang == "en" else f"例：DeepSeek-V3 共 {n} 个"


def _gl_ex_billion(lang):
    n = _gl_counts("deepseek-v3").total
    zh = fmt.count(n, "zh")
    if lang == "en":
        return f"1B = {fmt.exact(10**9, lang)}; DeepSeek-V3's {fmt.count(n, lang)} is {zh}"
    return f"1B = {fmt.count(10**9, lang)}；DeepSeek-V3 的 {fmt.count(n, 'en')} 即 {zh}"


def _gl_ex_dims(field, models):
    def example(lang):
        values = [(_gl_spec(m).name, fmt.exact(getattr(_gl_spec(m), field), lang)) for m in models]
        if lang == "en":
            return "e.g. " + ", ".join(f"{name}: {v}" for name, v in values)
        return "例：" + "，".join(f"{name} 为 {v}" for name, v in values)

    return example


def _gl_ex_embedding(lang):
    # The Hub's parameter count of meta-llama/Llama-2-7b-hf
    assert _gl_counts("llama-2-7b").total == 6_738_415_616
    s = _gl_spec("llama-2-7b")
    n = _gl_counts("llama-2-7b").breakdown.get("embeddings.token")
    v, d = fmt.exact(s.vocab, lang), fmt.exact(s.width, lang)
    if lang == "en":
        return f"e.g. {s.name}: {v} × {d} = {fmt.count(n, lang)}"
    return f"例：{s.name} 为 {v} × {d} = {fmt.count(n, lang)}"


def _gl_ex_head_dim(lang):
    # Gemma report (Gemma Team 2024), Table 1: d_model, heads, head size
    g = _gl_spec("gemma-7b")
    assert (g.width, g.heads, g.head_dim) == (3072, 16, 256)
    s = _gl_spec("gemma-7b")
    nh, d = fmt.exact(s.heads * s.head_dim, lang), fmt.exact(s.width, lang)
    n, h = fmt.exact(s.heads, lang), fmt.exact(s.head_dim, lang)
    if lang == "en":
        return f"e.g. {s.name}: N × H = {n} × {h} = {nh}, wider than D = {d}"
    return f"例：{s.name} 的 N × H = {n} × {h} = {nh}，比 D = {d} 还宽"


def _gl_ex_ffn(lang):
    values = []
    for m in ("gpt2", "llama-2-7b"):
        s = _gl_spec(m)
        values.append((s.name, fmt.ratio(s.ffn, s.width, lang).lstrip("×")))
    if lang == "en":
        return "e.g. " + ", ".join(f"{name}: F/D = {r}" for name, r in values)
    return "例：" + "，".join(f"{name} 的 F/D = {r}" for name, r in values)


def _gl_ex_ffn_share(lang):
    c = _gl_counts("llama-2-7b")
    share = fmt.percent(c.breakdown.get("layers.dense_layers.mlp"), c.total, lang)
    if lang == "en":
        return f"e.g. {share} of Llama-2-7B"
    return f"例：占 Llama-2-7B 的 {share}"


def _gl_ex_norms(lang):
    c = _gl_counts("llama-2-7b")
    n = c.breakdown.get("layers.dense_layers.norms") + c.breakdown.get("final_norm")
    share = fmt.percent(n, c.total, lang, 4)
    if lang == "en":
        return f"e.g. Llama-2-7B: {fmt.exact(n, lang)}, or {share}"
    return f"例：Llama-2-7B 共 {fmt.exact(n, lang)} 个，占 {share}"


def _gl_ex_tied(lang):
    s = _gl_spec("gpt2")
    n = s.vocab * s.width
    if lang == "en":
        return f"e.g. an untied GPT-2 head would add {fmt.count(n, lang)}"
    return f"例：GPT-2 若不共享，输出头要多出 {fmt.count(n, lang)}"


def _gl_ex_non_embedding(lang):
    # Qwen2.5-7B model card: "Number of Parameters (Non-Embedding): 6.53B"
    assert fmt.count(_gl_counts("qwen2.5-7b").non_embedding) == "6.53B"
    c = _gl_counts("qwen2.5-7b")
    t, n = fmt.count(c.total, lang), fmt.count(c.non_embedding, lang)
    if lang == "en":
        return f"e.g. Qwen2.5-7B: {t} in all, {n} non-embedding"
    return f"例：Qwen2.5-7B 总计 {t}，非嵌入 {n}"


def _gl_ex_mha(lang):
    models = ("gpt2", "llama-2-7b")
    for m in models:
        assert _gl_spec(m).kv_heads == _gl_spec(m).heads
    values = [(_gl_spec(m).name, fmt.exact(_gl_spec(m).heads, lang)) for m in models]
    if lang == "en":
        return "e.g. " + ", ".join(f"{name}: N = K = {n}" for name, n in values)
    return "例：" + "，".join(f"{name} 的 N = K = {n}" for name, n in values)


def _gl_ex_gqa(lang):
    s = _gl_spec("llama-3.1-8b")
    n, k = fmt.exact(s.heads, lang), fmt.exact(s.kv_heads, lang)
    share = fmt.exact(s.heads // s.kv_heads, lang)
    if lang == "en":
        return f"e.g. {s.name}: N = {n}, K = {k}, a cache 1/{share} the size"
    return f"例：{s.name} 的 N = {n}，K = {k}，缓存只有 MHA 的 1/{share}"


def _gl_ex_mla(lang):
    # DeepSeek-V3 report, section 4.2: KV compression dimension and rotary key size
    m = _gl_spec("deepseek-v3").mla
    assert (m.kv_lora_rank, m.qk_rope_head_dim) == (512, 64)
    s = _gl_spec("deepseek-v3")
    latent = fmt.bytes_(memory.kv_cache_bytes_per_token(s, "bf16"), lang=lang)
    naive = fmt.bytes_(memory.kv_cache_naive_mla_bytes_per_token(s, "bf16"), lang=lang)
    if lang == "en":
        return f"e.g. DeepSeek-V3 in bf16: {latent} per token instead of {naive}"
    return f"例：DeepSeek-V3 用 bf16 时每个词元 {latent}，不压缩则要 {naive}"


def _gl_ex_kv(lang):
    s = _gl_spec("llama-2-7b")
    per = memory.kv_cache_bytes_per_token(s, "bf16")
    if lang == "en":
        return f"e.g. Llama-2-7B in bf16: {fmt.bytes_both(per, lang)} per token"
    return f"例：Llama-2-7B 用 bf16 时每个词元 {fmt.bytes_both(per, lang)}"


def _gl_ex_context(lang):
    return _gl_ex_dims("context_length", ("llama-2-7b", "llama-3.1-8b", "deepseek-v3"))(lang)


def _gl_ex_moe(lang):
    # DeepSeek-V3 report, section 4.2: one shared and 256 routed experts, 8 per token
    m = _gl_spec("deepseek-v3").moe
    assert (m.num_shared_experts, m.num_experts, m.experts_per_token) == (1, 256, 8)
    m = _gl_spec("deepseek-v3").moe
    e, k = fmt.exact(m.num_experts, lang), fmt.exact(m.experts_per_token, lang)
    if lang == "en":
        return f"e.g. DeepSeek-V3: {k} of {e} routed experts per token"
    return f"例：DeepSeek-V3 每个词元从 {e} 个路由专家中选 {k} 个"


def _gl_ex_routed(lang):
    c = _gl_counts("deepseek-v3")
    share = fmt.percent(c.breakdown.get("layers.moe_layers.moe.experts"), c.total, lang)
    if lang == "en":
        return f"e.g. {share} of DeepSeek-V3"
    return f"例：占 DeepSeek-V3 的 {share}"


def _gl_ex_active(lang):
    c = _gl_counts("deepseek-v3")
    a, t = fmt.count(c.active, lang), fmt.count(c.total, lang)
    if lang == "en":
        return f"e.g. DeepSeek-V3: {a} of {t}"
    return f"例：DeepSeek-V3 为 {t}中的 {a}"


def _gl_ex_mtp(lang):
    c = _gl_counts("deepseek-v3")
    extra = fmt.count(c.stored - c.total, lang)
    if lang == "en":
        return f"e.g. DeepSeek-V3's module adds {extra} to the checkpoint"
    return f"例：DeepSeek-V3 的这个模块让权重文件多出 {extra}"


def _gl_ex_checkpoint(lang):
    # The Hub's safetensors total for deepseek-ai/DeepSeek-V3
    assert _gl_counts("deepseek-v3").checkpoint == 684_531_386_000
    c = _gl_counts("deepseek-v3")
    t, k = fmt.count(c.total, lang), fmt.count(c.checkpoint, lang)
    if lang == "en":
        return f"e.g. DeepSeek-V3: {t} parameters, {k} values on the Hub"
    return f"例：DeepSeek-V3 有 {t}参数，Hub 上统计为 {k}个数值"


def _gl_ex_dtype(lang):
    # IEEE 754 binary32, bfloat16, OCP FP8: 4, 2 and 1 bytes
    assert [dtypes.bytes_per_param(d) for d in ("fp32", "bf16", "fp8")] == [4, 2, 1]
    parts = [f"{d} {_gl_bytes_per(d, lang)}" for d in ("fp32", "bf16", "fp8", "int4")]
    return _gl_eg(lang, ", ".join(parts) if lang == "en" else "，".join(parts))


def _gl_ex_quant(lang):
    # ggml's block_q4_0: an fp16 scale and 16 bytes of 4-bit weights per 32 weights
    assert dtypes.get_dtype("q4_0").bits * 32 == (2 + 16) * 8
    bits = dtypes.get_dtype("q4_0").bits
    text = str(float(bits)) if bits.denominator != 1 else str(bits.numerator)
    if lang == "en":
        return f"e.g. GGUF Q4_0 stores {text} bits per weight, scales included"
    return f"例：GGUF Q4_0 连同缩放因子每个权重占 {text} 位"


def _gl_ex_gib(lang):
    # SI giga (10^9) and IEC 80000-13 gibi (2^30)
    assert (dtypes.GB, dtypes.GiB) == (1_000_000_000, 1_073_741_824)
    gb, gib = fmt.exact(dtypes.GB, lang), fmt.exact(dtypes.GiB, lang)
    more = fmt.percent(dtypes.GiB - dtypes.GB, dtypes.GB, lang)
    if lang == "en":
        return f"1 GB = {gb} bytes; 1 GiB = {gib} bytes, {more} more"
    return f"1 GB = {gb} 字节；1 GiB = {gib} 字节，多 {more}"


def _gl_ex_training(lang):
    # ZeRO (Rajbhandari et al. 2019) 16 bytes/param; HF "Model training anatomy" 18
    assert [c.total for c in training.TRAINING_CONVENTIONS.values()] == [16, 18]
    k = [fmt.exact(c.total, lang) for c in training.TRAINING_CONVENTIONS.values()]
    if lang == "en":
        return f"weights, gradients and Adam's state: {' or '.join(k)} bytes per parameter"
    return f"权重、梯度和 Adam 状态合计每个参数 {' 或 '.join(k)} 字节"


def _gl_ex_flops(lang):
    # Kaplan et al. 2020: C = 6ND for training, 2N per token forward
    assert flops.TRAINING_FLOPS_PER_PARAM_TOKEN == 6
    s = _gl_spec("llama-2-7b")
    per_param = flops.two_n_flops_per_token(s) // flops.matmul_params(s)
    train = flops.TRAINING_FLOPS_PER_PARAM_TOKEN
    p, t = fmt.exact(per_param, lang), fmt.exact(train, lang)
    if lang == "en":
        return f"about {p} per active parameter per token forward, {t} for training"
    return f"前向每个激活参数每个词元约 {p} 次，训练约 {t} 次"


# --- the table -------------------------------------------------------------------------------

TERM_GROUPS = {
    "basics": ("Parameters and vectors", "参数与向量"),
    "shape": ("The shape of a model", "模型的形状"),
    "attention": ("Attention and the KV cache", "注意力与 KV 缓存"),
    "moe": ("Mixture of experts", "混合专家"),
    "storage": ("Storage and compute", "存储与计算"),
}

_GL_ROWS = [
    # --- Parameters and vectors
    (
        "parameter",
        "basics",
        "parameter",
        "参数",
        "",
        "A number the model learned in training: one entry of a weight matrix, a bias or a norm's"
        " scale. Fixed once training ends, whatever the input.",
        "模型在训练中学到的一个数：权重矩阵、偏置或归一化缩放系数中的一个元素。训练结束后就固定下"
        "来，与输入无关。",
        None,
    ),
    (
        "parameter_count",
        "basics",
        "parameter count",
        "参数量",
        "",
        "How many parameters a model has: the figure in its name. Sources differ in what they"
        " include; see active and non-embedding parameters.",
        "模型的参数个数，也就是模型名里的那个数。不同来源统计的范围不同，参见“激活参数量”“非嵌入"
        "参数量”。",
        _gl_ex_count,
    ),
    (
        "billion",
        "basics",
        "B, as in 7B or 671B",
        "B（如 7B、671B）",
        "",
        "Billion, a count of parameters. Not bytes and not bits: until a dtype is chosen, the"
        " count says nothing about storage. Not the batch size B either.",
        "英文 billion（十亿）的缩写，数的是参数个数，既不是字节也不是比特：选定数据类型之前，它说"
        "明不了要占多少存储。也不要和批大小 B 混淆。",
        _gl_ex_billion,
    ),
    (
        "weight",
        "basics",
        "weight",
        "权重",
        "",
        "A parameter in a matrix that multiplies vectors (a linear layer, an embedding table)."
        " Loosely, all of a model's parameters, as in “open weights”.",
        "与向量相乘的矩阵（线性层、嵌入表）中的参数。宽泛地说也指模型的全部参数，如“开放权重”。",
        None,
    ),
    (
        "bias",
        "basics",
        "bias",
        "偏置",
        "",
        "A vector added after a matrix multiply. GPT-2 and BERT have them everywhere, Qwen2 on"
        " Q/K/V only, Llama, Mistral and DeepSeek nowhere.",
        "矩阵乘法之后加上的向量。GPT-2 和 BERT 处处都有，Qwen2 只在 Q/K/V 上有，Llama、Mistral 和"
        " DeepSeek 都没有。",
        None,
    ),
    (
        "vector",
        "basics",
        "vector",
        "向量",
        "",
        "An ordered list of numbers. In a transformer, the data: each token travels through the"
        " model as a vector of D numbers. How many there are depends on the input.",
        "一组有序的数。在 Transformer 里，向量是数据：每个词元以一个含 D 个数的向量穿过模型。向量"
        "有多少个，取决于输入。",
        _gl_ex_dims("width", ("deepseek-v3",)),
    ),
    (
        "activation",
        "basics",
        "activation",
        "激活值",
        "",
        "A vector computed during a forward pass: hidden states, queries, keys, values, FFN"
        " intermediates. Exists only while the model runs; training keeps activations for the"
        " backward pass, which is why they cost memory.",
        "前向计算中算出的向量：隐藏状态、查询、键、值、前馈网络的中间结果。只在模型运行时存在；训"
        "练时要留到反向传播，所以很占显存。",
        None,
    ),
    (
        "token",
        "basics",
        "token",
        "词元",
        "",
        "The unit of text a model reads and writes: a word, part of a word, a character or a"
        " byte, from a vocabulary of V entries.",
        "模型读写文本的单位：一个词、词的一部分、一个字或一个字节，取自大小为 V 的词表。也常直接"
        "叫 token。",
        None,
    ),
    (
        "embedding",
        "basics",
        "embedding",
        "嵌入",
        "",
        "The V × D table that turns each token id into its first vector; also the vector it gives.",
        "把词元编号变成第一个向量的 V × D 参数表；也指查表得到的那个向量。",
        _gl_ex_embedding,
    ),
    (
        "hidden_state",
        "basics",
        "hidden state",
        "隐藏状态",
        "",
        "The vector of D numbers a token has between layers (the residual stream): each layer"
        " reads it and adds its result to it.",
        "词元在层与层之间的那个 D 维向量（残差流）：每一层读取它，再把自己的结果加回去。",
        None,
    ),
    (
        "forward_pass",
        "basics",
        "forward pass",
        "前向计算",
        "",
        "One run of the model over its input tokens, from the embeddings to the output scores."
        " Training adds a backward pass that computes a gradient for every parameter.",
        "模型对输入词元完整运行一遍，从嵌入到输出打分。训练还要做反向传播，为每个参数算出梯度。",
        None,
    ),
    # --- The shape of a model
    (
        "width",
        "shape",
        "hidden size, model width",
        "隐藏维度（模型宽度）",
        "D",
        "Length of every hidden state; `hidden_size` in config.json (`n_embd` in GPT-2's).",
        "每个隐藏状态的长度；config.json 中的 `hidden_size`（GPT-2 叫 `n_embd`）。",
        _gl_ex_dims("width", ("llama-2-7b", "deepseek-v3")),
    ),
    (
        "layers",
        "shape",
        "layers",
        "层数",
        "L",
        "Transformer blocks stacked in the model, each attention followed by an FFN;"
        " `num_hidden_layers`.",
        "模型中堆叠的 Transformer 块数，每块先注意力、后前馈网络；`num_hidden_layers`。",
        _gl_ex_dims("layers", ("llama-2-7b", "deepseek-v3")),
    ),
    (
        "heads",
        "shape",
        "attention heads",
        "注意力头数",
        "N",
        "Query heads per layer: attention runs this many times side by side, each on vectors of"
        " size H; `num_attention_heads`. The source article and `llmsize.approx` call it H.",
        "每层的查询头数：注意力并行算这么多份，每份作用在长度为 H 的向量上；`num_attention_heads`"
        "。原文和 `llmsize.approx` 把它记作 H。",
        _gl_ex_dims("heads", ("llama-2-7b", "deepseek-v3")),
    ),
    (
        "kv_heads",
        "shape",
        "key/value heads",
        "键值头数",
        "K",
        "Heads of keys and values; several query heads may share one (see GQA);"
        " `num_key_value_heads`.",
        "键和值的头数；多个查询头可以共用一个（见 GQA）；`num_key_value_heads`。",
        _gl_ex_dims("kv_heads", ("llama-2-7b", "llama-3.1-8b")),
    ),
    (
        "head_dim",
        "shape",
        "head size",
        "头维度",
        "H",
        "Length of one head's query, key and value vectors; usually D/N but not always;"
        " `head_dim`.",
        "一个头的查询、键、值向量的长度；通常等于 D/N，但并非总是如此；`head_dim`。",
        _gl_ex_head_dim,
    ),
    (
        "ffn_width",
        "shape",
        "FFN width",
        "前馈网络宽度",
        "F",
        "Width the feed-forward block expands each vector to; `intermediate_size`. About `4·D` in"
        " GPT-2 and BERT, about `8·D/3` in gated (SwiGLU) FFNs.",
        "前馈网络把向量扩展到的宽度；`intermediate_size`。GPT-2 和 BERT 约为 `4·D`，门控（SwiGLU"
        "）前馈网络约为 `8·D/3`。",
        _gl_ex_ffn,
    ),
    (
        "vocab",
        "shape",
        "vocabulary",
        "词表大小",
        "V",
        "Number of distinct tokens: the rows of the embedding table; `vocab_size`.",
        "不同词元的个数，即嵌入表的行数；`vocab_size`。",
        _gl_ex_dims("vocab", ("llama-2-7b", "llama-3.1-8b")),
    ),
    (
        "tokens",
        "shape",
        "sequence length, tokens",
        "序列长度（词元数）",
        "T",
        "Tokens in the input (while generating, plus those produced so far). The parameters do"
        " not depend on it; activations, the KV cache and compute do.",
        "输入中的词元数（生成时再加上已生成的）。参数量与它无关；激活值、KV 缓存和计算量都随它增"
        "长。",
        None,
    ),
    (
        "batch",
        "shape",
        "batch size",
        "批大小",
        "B",
        "Sequences processed together. Not the B of 7B.",
        "同时处理的序列条数。和 7B 里的 B 不是一回事。",
        None,
    ),
    (
        "attention",
        "shape",
        "attention",
        "注意力",
        "",
        "The part of a layer where each token looks at the others: its query is scored against"
        " every key, and the scores mix the values. Four matrices per layer: Q, K, V and output.",
        "层中让每个词元“看”其他词元的部分：用它的查询给每个键打分，再按分数混合各个值。每层四个矩"
        "阵：Q、K、V 和输出投影。",
        None,
    ),
    (
        "ffn",
        "shape",
        "feed-forward network (FFN, MLP)",
        "前馈网络（FFN、MLP）",
        "",
        "The part of a layer applied to each token on its own: widen to F, apply a nonlinearity,"
        " narrow back to D. Two matrices, three when gated; the largest part of a dense layer.",
        "层中对每个词元单独作用的部分：扩展到 F 维，经过非线性函数，再压回 D 维。两个矩阵，门控时"
        "三个；是稠密层中最大的部分。",
        _gl_ex_ffn_share,
    ),
    (
        "norm",
        "shape",
        "norm (LayerNorm, RMSNorm)",
        "归一化（LayerNorm、RMSNorm）",
        "",
        "Rescales a vector before attention and before the FFN. RMSNorm learns D scales,"
        " LayerNorm D scales and D biases: a tiny share of the count.",
        "在注意力和前馈网络之前重新缩放向量。RMSNorm 学习 D 个缩放系数，LayerNorm 再加 D 个偏置，"
        "在参数量中占比极小。",
        _gl_ex_norms,
    ),
    (
        "head",
        "shape",
        "output head (LM head)",
        "输出头",
        "",
        "The V × D matrix that turns the last hidden state into a score (logit) for every token"
        " of the vocabulary.",
        "把最后的隐藏状态变成词表中每个词元的打分（logit）的 V × D 矩阵。",
        None,
    ),
    (
        "tied_embeddings",
        "shape",
        "tied embeddings",
        "共享词嵌入（权重绑定）",
        "",
        "The output head reuses the embedding table, so the V × D matrix is counted once;"
        " `tie_word_embeddings`.",
        "输出头直接复用嵌入表，这个 V × D 矩阵只算一次；`tie_word_embeddings`。",
        _gl_ex_tied,
    ),
    (
        "non_embedding",
        "shape",
        "non-embedding parameters",
        "非嵌入参数量",
        "",
        "The count without the vocabulary tables (embeddings, a position table, an untied head):"
        " the figure scaling laws use.",
        "去掉词表相关的表（词嵌入、位置嵌入表、未共享的输出头）后的参数量，缩放定律用的就是它。",
        _gl_ex_non_embedding,
    ),
    # --- Attention and the KV cache
    (
        "mha",
        "attention",
        "MHA (multi-head attention)",
        "多头注意力（MHA）",
        "",
        "Every query head has its own key and value head: K = N.",
        "每个查询头都有自己的键头和值头：K = N。",
        _gl_ex_mha,
    ),
    (
        "gqa",
        "attention",
        "GQA (grouped-query attention)",
        "分组查询注意力（GQA）",
        "",
        "Each group of N/K query heads shares one key/value head: 1 < K < N. The KV cache shrinks"
        " by N/K; the parameters barely change.",
        "每 N/K 个查询头共用一组键值头：1 < K < N。KV 缓存缩小为原来的 K/N，参数量几乎不变。",
        _gl_ex_gqa,
    ),
    (
        "mqa",
        "attention",
        "MQA (multi-query attention)",
        "多查询注意力（MQA）",
        "",
        "All query heads share a single key/value head: K = 1.",
        "所有查询头共用一组键值头：K = 1。",
        None,
    ),
    (
        "mla",
        "attention",
        "MLA (multi-head latent attention)",
        "多头潜在注意力（MLA）",
        "",
        "DeepSeek-V2/V3: keys and values are rebuilt from one compressed latent vector per token"
        " and layer, and only that latent (with a small shared rotary key) is cached.",
        "DeepSeek-V2/V3 的注意力：键和值由每个词元、每层一个压缩后的潜向量还原出来，缓存里只存这"
        "个潜向量（外加一个各头共用、带旋转位置编码的小键向量）。",
        _gl_ex_mla,
    ),
    (
        "kv_cache",
        "attention",
        "KV cache",
        "KV 缓存",
        "",
        "Keys and values of earlier tokens, kept while generating so they are not recomputed:"
        " `2·L·K·H` numbers per token, times T and B. Memory, not parameters.",
        "生成时保存下来的先前词元的键和值，免得重复计算：每个词元 `2·L·K·H` 个数，再乘以 T 和 B。"
        "它占显存，但不是参数。",
        _gl_ex_kv,
    ),
    (
        "context_length",
        "attention",
        "context length",
        "上下文长度",
        "",
        "The most tokens a model is built to attend to at once: the largest T.",
        "模型一次能关注的最多词元数，即 T 的上限。",
        _gl_ex_context,
    ),
    # --- Mixture of experts
    (
        "moe",
        "moe",
        "mixture of experts (MoE)",
        "混合专家（MoE）",
        "",
        "A layer whose FFN is split into many experts, of which a router picks a few for each"
        " token. The total grows with the number of experts, per-token compute with the number"
        " picked.",
        "把前馈网络拆成许多专家、由路由器为每个词元挑选其中几个的层。总参数量随专家总数增长，每个"
        "词元的计算量只随选中的个数增长。",
        _gl_ex_moe,
    ),
    (
        "dense",
        "moe",
        "dense",
        "稠密",
        "",
        "A model or layer without experts: every parameter is used for every token, so active"
        " equals total.",
        "没有专家的模型或层：每个词元都用到全部参数，激活参数量等于总参数量。",
        None,
    ),
    (
        "routed_expert",
        "moe",
        "routed expert",
        "路由专家",
        "",
        "An expert a token passes through only if the router picks it for that token.",
        "只有被路由器选中时，词元才会经过的专家。",
        _gl_ex_routed,
    ),
    (
        "shared_expert",
        "moe",
        "shared expert",
        "共享专家",
        "",
        "An expert every token passes through, beside the routed ones (DeepSeek, Qwen-MoE).",
        "每个词元都会经过的专家，与路由专家并列（DeepSeek、Qwen-MoE）。",
        None,
    ),
    (
        "router",
        "moe",
        "router (gate)",
        "路由器（门控网络）",
        "",
        "A small matrix with one row per expert that scores the experts for each token; the top"
        " few get the token.",
        "为每个词元给各专家打分的小矩阵，每个专家一行；得分最高的几个专家处理这个词元。",
        None,
    ),
    (
        "active",
        "moe",
        "active parameters",
        "激活参数量",
        "",
        "What one token passes through: everything shared plus the experts it is routed to. Sets"
        " per-token compute, not memory: every expert must still be loaded.",
        "一个词元实际经过的参数：全部共享部分，加上它被路由到的专家。它决定每个词元的计算量，而不"
        "是显存：所有专家仍须载入。",
        _gl_ex_active,
    ),
    (
        "mtp",
        "moe",
        "multi-token prediction (MTP)",
        "多词元预测（MTP）",
        "",
        "An extra module trained to predict a further token ahead. DeepSeek-V3 ships it in its"
        " checkpoint (it can speed up decoding), but it is not part of the main model's count.",
        "额外训练来多预测一个后续词元的模块。DeepSeek-V3 把它放在权重文件里（可用于加速解码），但"
        "它不计入主模型的参数量。",
        _gl_ex_mtp,
    ),
    # --- Storage and compute
    (
        "checkpoint",
        "storage",
        "checkpoint",
        "检查点（权重文件）",
        "",
        "The files holding the trained parameters (safetensors, GGUF…). They may hold more than"
        " the main model (an MTP module, quantization scales) or less (a tied table once).",
        "存放训练好的参数的文件（safetensors、GGUF 等）。里面可能比主模型多（MTP 模块、量化缩放因"
        "子），也可能少（共享的表只存一份）。",
        _gl_ex_checkpoint,
    ),
    (
        "dtype",
        "storage",
        "dtype (fp32, bf16, fp8, int4…)",
        "数据类型（fp32、bf16、fp8、int4 等）",
        "",
        "How each number is stored, which sets the bytes per parameter. The parameter count does"
        " not depend on it.",
        "每个数的存储格式，决定每个参数占多少字节。参数量与它无关。",
        _gl_ex_dtype,
    ),
    (
        "quantization",
        "storage",
        "quantization",
        "量化",
        "",
        "Storing weights in fewer bits (int8, int4, fp8), usually in blocks sharing a scale"
        " factor. Changes the bytes, never the parameter count.",
        "用更少的位数存储权重（int8、int4、fp8），通常按块共用一个缩放因子。改变的是字节数，从不"
        "改变参数量。",
        _gl_ex_quant,
    ),
    (
        "gb_gib",
        "storage",
        "GB vs GiB",
        "GB 与 GiB",
        "",
        "GB is a power of ten (disks, downloads, the Hub); GiB a power of two (memory, most"
        " tools).",
        "GB 以十的幂计（硬盘、下载、Hub），GiB 以二的幂计（内存、显存，以及大多数工具）。",
        _gl_ex_gib,
    ),
    (
        "gpu_memory",
        "storage",
        "GPU memory (VRAM, HBM)",
        "显存",
        "",
        "The accelerator's own memory. Inference must fit the weights, the KV cache and"
        " activations; training adds gradients and optimizer state.",
        "加速卡自带的内存。推理时要放下权重、KV 缓存和激活值；训练时还要加上梯度和优化器状态。",
        None,
    ),
    (
        "optimizer_state",
        "storage",
        "optimizer state",
        "优化器状态",
        "",
        "What the optimizer keeps per parameter; Adam stores two moments, and mixed precision"
        " adds an fp32 master copy.",
        "优化器为每个参数保存的量；Adam 保存一阶矩和二阶矩，混合精度训练还要一份 fp32 主权重。",
        _gl_ex_training,
    ),
    (
        "flops",
        "storage",
        "FLOPs",
        "浮点运算次数",
        "",
        "Floating-point operations; a multiply-add counts as two. Kaplan et al. write training as"
        " `6ND` with N parameters and D tokens, not this site's N and D. Not FLOP/s, a speed.",
        "浮点运算的次数，一次乘加算两次。Kaplan 等人把训练量写成 `6ND`，其中 N 是参数量、D 是训练"
        "词元数，与本站的 N、D 不同。不要与衡量速度的 FLOP/s 混淆。",
        _gl_ex_flops,
    ),
]

TERMS = {row[0]: GlossaryTerm(*row) for row in _GL_ROWS}


def _gl_check_terms():
    """Every term exists in both languages, in a known group, with a meaning in both."""
    for t in TERMS.values():
        assert t.group in TERM_GROUPS, t
        assert t.en.strip() and t.zh.strip(), f"{t.key}: the term is missing a language"
        assert t.meaning_en.strip() and t.meaning_zh.strip(), f"{t.key}: a meaning is missing"
        # The English columns hold no Chinese; the Chinese meaning is Chinese.
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in t.en + t.meaning_en), t.key
        assert any("\u4e00" <= ch <= "\u9fff" for ch in t.meaning_zh), t.key


assert len(TERMS) == len(_GL_ROWS), "duplicate term keys"
_gl_check_terms()

# The site's notation: one letter per size, the same on every page.
SYMBOLS = {t.symbol: t.key for t in TERMS.values() if t.symbol}
assert list(SYMBOLS) == ["D", "L", "N", "K", "H", "F", "V", "T", "B"], SYMBOLS


def term(key, lang):
    """The term ``key`` in ``lang`` ("en" or "zh"), as the whole site writes it."""
    t = TERMS[key]
    return t.zh if lang == "zh" else t.en


def symbol(key):
    """The notation letter of ``key`` ("width" -> "D"), or "" if it has none."""
    return TERMS[key].symbol


def meaning(key, lang):
    """What ``key`` means, in ``lang``, with its computed example if it has one."""
    t = TERMS[key]
    text = t.meaning_zh if lang == "zh" else t.meaning_en
    if t.example is not None:
        example = t.example(lang)
        text += f" ({example})" if lang == "en" else f"（{example}）"
    return text


_GL_HEADER = {
    "en": "| Term | 中文 | Symbol | Meaning |",
    "zh": "| 英文 | 中文 | 符号 | 含义 |",
}


def _gl_cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


def glossary_table(group, lang):
    """Markdown table of the terms of ``group`` in ``lang``."""
    rows = [_GL_HEADER[lang], "|---|---|:-:|---|"]
    for t in TERMS.values():
        if t.group != group:
            continue
        sym = f"`{t.symbol}`" if t.symbol else ""
        rows.append(
            f"| {_gl_cell(t.en)} | {_gl_cell(t.zh)} | {sym} | {_gl_cell(meaning(t.key, lang))} |"
        )
    return "\n".join(rows)


# --- notation --------------------------------------------------------------------------------

# Letter -> config.json key (Llama-style, GPT-2's in brackets); T and B come from the input.
_GL_CONFIG_KEYS = {
    "D": "`hidden_size` (`n_embd`)",
    "L": "`num_hidden_layers` (`n_layer`)",
    "N": "`num_attention_heads` (`n_head`)",
    "K": "`num_key_value_heads`",
    "H": "`head_dim`",
    "F": "`intermediate_size` (`n_inner`)",
    "V": "`vocab_size`",
}
_GL_SPEC_FIELDS = {
    "D": "width",
    "L": "layers",
    "N": "heads",
    "K": "kv_heads",
    "H": "head_dim",
    "F": "ffn",
    "V": "vocab",
}
GLOSSARY_NOTATION_MODELS = ("gpt2", "llama-2-7b", "llama-3.1-8b")


# Pinned to the papers' own tables, not to llmsize: GPT-2 (Radford et al. 2019, Table 2),
# Llama 2 (Touvron et al. 2023, Table 1), Llama 3 (Llama 3 Herd paper, Table 3).
def _gl_check_notation():
    gpt2, llama2, llama3 = (_gl_spec(m) for m in ("gpt2", "llama-2-7b", "llama-3.1-8b"))
    assert (gpt2.layers, gpt2.width) == (12, 768)
    assert (llama2.layers, llama2.width) == (32, 4096)
    assert (llama3.layers, llama3.width, llama3.ffn) == (32, 4096, 14336)
    assert (llama3.heads, llama3.kv_heads, llama3.vocab) == (32, 8, 128_256)
    # The bias row names families; their real configs (the presets) must agree.
    for m in ("gpt2", "bert-base-uncased"):
        assert _gl_spec(m).qkv_bias and _gl_spec(m).o_bias and _gl_spec(m).mlp_bias, m
    assert _gl_spec("qwen2.5-7b").qkv_bias and not _gl_spec("qwen2.5-7b").o_bias
    for m in ("llama-2-7b", "llama-3.1-8b", "mistral-7b", "deepseek-v3"):
        spec = _gl_spec(m)
        assert not (spec.qkv_bias or spec.o_bias or spec.mlp_bias), m


_gl_check_notation()


def notation_table(lang):
    """Markdown table: each letter of the site's notation, its config key and example values."""
    names = [_gl_spec(m).name for m in GLOSSARY_NOTATION_MODELS]
    head = {"en": "| Symbol | Stands for | config.json |", "zh": "| 符号 | 含义 | config.json |"}
    rows = [head[lang] + "".join(f" {n} |" for n in names), "|:-:|---|---|" + "--:|" * len(names)]
    for sym, key in SYMBOLS.items():
        if sym in _GL_SPEC_FIELDS:
            values = [
                fmt.exact(getattr(_gl_spec(m), _GL_SPEC_FIELDS[sym]), lang)
                for m in GLOSSARY_NOTATION_MODELS
            ]
            where = _GL_CONFIG_KEYS[sym]
        else:
            values = ["—"] * len(GLOSSARY_NOTATION_MODELS)
            where = "—"
        cells = "".join(f" {v} |" for v in values)
        rows.append(f"| `{sym}` | {term(key, lang)} | {where} |{cells}")
    return "\n".join(rows)


# --- numbers in two languages ----------------------------------------------------------------


def numbers_table(lang):
    """Markdown table: the same figures as the English and the Chinese pages print them."""
    ds = _gl_counts("deepseek-v3")
    figures = [
        ({"en": "M (million)", "zh": "M（百万）"}, 10**6),
        ({"en": "亿 (yi)", "zh": "亿"}, 10**8),
        ({"en": "B (billion)", "zh": "B（十亿）"}, 10**9),
        ({"en": "T (trillion)", "zh": "T（万亿）"}, 10**12),
        ({"en": "GPT-2, total", "zh": "GPT-2 总参数量"}, _gl_counts("gpt2").total),
        ({"en": "Llama-2-7B, total", "zh": "Llama-2-7B 总参数量"}, _gl_counts("llama-2-7b").total),
        ({"en": "DeepSeek-V3, active", "zh": "DeepSeek-V3 激活参数量"}, ds.active),
        ({"en": "DeepSeek-V3, total", "zh": "DeepSeek-V3 总参数量"}, ds.total),
    ]
    head = {"en": "| Figure | Exactly | English | 中文 |", "zh": "| 数 | 精确值 | English | 中文 |"}
    rows = [head[lang], "|---|--:|--:|--:|"]
    for what, n in figures:
        en, zh = fmt.count(n, "en"), fmt.count(n, "zh")
        rows.append(f"| {what[lang]} | {fmt.exact(n, lang)} | {en} | {zh} |")
    weights = memory.weights_bytes(ds.total, "bf16")
    what = {"en": "DeepSeek-V3 in bf16, bytes", "zh": "DeepSeek-V3 的 bf16 权重字节数"}[lang]
    rows.append(
        f"| {what} | {fmt.exact(weights, lang)} | {fmt.bytes_both(weights, 'en')}"
        f" | {fmt.bytes_both(weights, 'zh')} |"
    )
    return "\n".join(rows)

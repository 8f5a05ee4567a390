# Glossary: the worked example of each term that has one, computed by llmsize from the model's
# real configuration in the page's language (no figure is typed here). Each _gl_ex_* function
# takes lang ("en" or "zh"); the term rows (glossary/terms_*.py) point at them. Private names
# start with _gl_ so that this file shadows nothing of another snippet included beside it.
from fractions import Fraction

from llmsize import counts, dtypes, flops, fmt, memory, presets, serving, training
from llmsize.text import say

_GL_EX = {
    "count": {"en": "e.g. DeepSeek-V3: {n}", "zh": "例：DeepSeek-V3 共 {n} 个"},
    "billion": {
        "en": "1B = {exact}; DeepSeek-V3's {en} is {zh}",
        "zh": "1B = {count}；DeepSeek-V3 的 {en} 即 {zh}",
    },
    "dims": {"en": "e.g. {items}", "zh": "例：{items}"},
    "dim": {"en": "{name}: {v}", "zh": "{name} 为 {v}"},
    "embedding": {"en": "e.g. {name}: {v} × {d} = {n}", "zh": "例：{name} 为 {v} × {d} = {n}"},
    "head_dim": {
        "en": "e.g. {name}: N × H = {n} × {h} = {nh}, wider than D = {d}",
        "zh": "例：{name} 的 N × H = {n} × {h} = {nh}，比 D = {d} 还宽",
    },
    "ffn": {"en": "{name}: F/D = {r}", "zh": "{name} 的 F/D = {r}"},
    "share": {"en": "e.g. {share} of {name}", "zh": "例：占 {name} 的 {share}"},
    "norms": {"en": "e.g. {name}: {n}, or {share}", "zh": "例：{name} 共 {n} 个，占 {share}"},
    "tied": {
        "en": "e.g. an untied GPT-2 head would add {n}",
        "zh": "例：GPT-2 若不共享，输出头要多出 {n}",
    },
    "non_embedding": {
        "en": "e.g. {name}: {t} in all, {n} non-embedding",
        "zh": "例：{name} 总计 {t}，非嵌入 {n}",
    },
    "mha": {"en": "{name}: N = K = {n}", "zh": "{name} 的 N = K = {n}"},
    "gqa": {
        "en": "e.g. {name}: N = {n}, K = {k}, a cache 1/{g} the size, and {saved} fewer"
        " parameters than with K = N, {share} of its count",
        "zh": "例：{name} 的 N = {n}，K = {k}，缓存只有 MHA 的 1/{g}，参数量比 K = N 时少"
        " {saved}，占其参数量的 {share}",
    },
    "mla": {
        "en": "e.g. DeepSeek-V3 in bf16: {latent} per token instead of {naive}",
        "zh": "例：DeepSeek-V3 用 bf16 时每个词元 {latent}，不压缩则要 {naive}",
    },
    "kv": {
        "en": "e.g. Llama-2-7B in bf16: {per} per token",
        "zh": "例：Llama-2-7B 用 bf16 时每个词元 {per}",
    },
    "moe": {
        "en": "e.g. DeepSeek-V3: {k} of {e} routed experts per token",
        "zh": "例：DeepSeek-V3 每个词元从 {e} 个路由专家中选 {k} 个",
    },
    "active": {"en": "e.g. DeepSeek-V3: {a} of {t}", "zh": "例：DeepSeek-V3 为 {t}中的 {a}"},
    "mtp": {
        "en": "e.g. DeepSeek-V3's module adds {n} to the checkpoint",
        "zh": "例：DeepSeek-V3 的这个模块让权重文件多出 {n}",
    },
    "checkpoint": {
        "en": "e.g. DeepSeek-V3: {t} parameters, {k} values on the Hub",
        "zh": "例：DeepSeek-V3 有 {t}参数，Hub 上统计为 {k}个数值",
    },
    "dtype": {"en": "{d}: {per}", "zh": "{d} 为{per}"},
    "quant": {
        "en": "e.g. GGUF Q4_0 stores {bits} bits per weight, scales included",
        "zh": "例：GGUF Q4_0 连同缩放因子每个权重占 {bits} 位",
    },
    "gib": {
        "en": "1 GB = {gb} bytes; 1 GiB = {gib} bytes, {more} more",
        "zh": "1 GB = {gb} 字节；1 GiB = {gib} 字节，多 {more}",
    },
    "training": {
        "en": "weights, gradients and Adam's state: {a} or {b} bytes per parameter",
        "zh": "权重、梯度和 Adam 状态合计每个参数 {a} 或 {b} 字节",
    },
    "flops": {
        "en": "about {p} per active parameter per token forward, {t} for training",
        "zh": "前向计算中每个激活参数每个词元约 {p} FLOPs，训练约 {t} FLOPs",
    },
}


def _gl_spec(model):
    return presets.load(model)


def _gl_counts(model):
    return counts(presets.load(model))


def _gl_list(lang, items):
    """``e.g. a, b`` / ``例：a，b``: examples joined in the page's language."""
    return say(_GL_EX["dims"], lang, items=clauses(items, lang))


def _gl_ex_count(lang):
    # transformers' count of the model built from its config (the llmsize_oracle package)
    assert _gl_counts("deepseek-v3").total == 671_026_404_352
    return say(_GL_EX["count"], lang, n=fmt.exact(_gl_counts("deepseek-v3").total, lang))


def _gl_ex_billion(lang):
    n = _gl_counts("deepseek-v3").total
    return say(
        _GL_EX["billion"],
        lang,
        exact=fmt.exact(10**9, lang),
        count=fmt.count(10**9, lang),
        en=fmt.count(n, "en"),
        zh=fmt.count(n, "zh"),
    )


def _gl_ex_dims(field, models):
    def example(lang):
        items = [
            say(
                _GL_EX["dim"],
                lang,
                name=_gl_spec(m).name,
                v=fmt.exact(getattr(_gl_spec(m), field), lang),
            )
            for m in models
        ]
        return _gl_list(lang, items)

    return example


def _gl_ex_embedding(lang):
    # The Hub's parameter count of meta-llama/Llama-2-7b-hf
    assert _gl_counts("llama-2-7b").total == 6_738_415_616
    s = _gl_spec("llama-2-7b")
    n = _gl_counts("llama-2-7b").breakdown.get("embeddings.token")
    v, d = fmt.exact(s.vocab, lang), fmt.exact(s.width, lang)
    return say(_GL_EX["embedding"], lang, name=s.name, v=v, d=d, n=fmt.count(n, lang))


def _gl_ex_head_dim(lang):
    # Gemma report (Gemma Team 2024), Table 1: d_model, heads, head size
    s = _gl_spec("gemma-7b")
    assert (s.width, s.heads, s.head_dim) == (3072, 16, 256)
    return say(
        _GL_EX["head_dim"],
        lang,
        name=s.name,
        n=fmt.exact(s.heads, lang),
        h=fmt.exact(s.head_dim, lang),
        nh=fmt.exact(s.heads * s.head_dim, lang),
        d=fmt.exact(s.width, lang),
    )


def _gl_ex_ffn(lang):
    items = []
    for m in ("gpt2", "llama-2-7b"):
        s = _gl_spec(m)
        r = fmt.decimal(Fraction(s.ffn, s.width), lang, places=2)
        items.append(say(_GL_EX["ffn"], lang, name=s.name, r=r))
    return _gl_list(lang, items)


def _gl_ex_share(model, path):
    """The example "e.g. 64.0% of Llama-2-7B": the part at ``path`` of ``model``'s total."""

    def example(lang):
        c, name = _gl_counts(model), _gl_spec(model).name
        share = fmt.percent(c.breakdown.get(path), c.total, lang)
        return say(_GL_EX["share"], lang, share=share, name=name)

    return example


_gl_ex_ffn_share = _gl_ex_share("llama-2-7b", "layers.dense_layers.mlp")


def _gl_ex_norms(lang):
    c = _gl_counts("llama-2-7b")
    n = c.breakdown.get("layers.dense_layers.norms") + c.breakdown.get("final_norm")
    share = fmt.percent(n, c.total, lang, 4)
    return say(_GL_EX["norms"], lang, name="Llama-2-7B", n=fmt.exact(n, lang), share=share)


def _gl_ex_tied(lang):
    s = _gl_spec("gpt2")
    return say(_GL_EX["tied"], lang, n=fmt.count(s.vocab * s.width, lang))


def _gl_ex_non_embedding(lang):
    # Qwen2.5-7B model card: "Number of Parameters (Non-Embedding): 6.53B"
    assert fmt.count(_gl_counts("qwen2.5-7b").non_embedding) == "6.53B"
    c = _gl_counts("qwen2.5-7b")
    t, n = fmt.count(c.total, lang), fmt.count(c.non_embedding, lang)
    return say(_GL_EX["non_embedding"], lang, name="Qwen2.5-7B", t=t, n=n)


def _gl_ex_mha(lang):
    models = ("gpt2", "llama-2-7b")
    assert all(_gl_spec(m).kv_heads == _gl_spec(m).heads for m in models)
    items = [
        say(_GL_EX["mha"], lang, name=_gl_spec(m).name, n=fmt.exact(_gl_spec(m).heads, lang))
        for m in models
    ]
    return _gl_list(lang, items)


def _gl_ex_gqa(lang):
    s = _gl_spec("llama-3-8b")
    saved = serving.gqa_saving(s)
    return say(
        _GL_EX["gqa"],
        lang,
        name=s.name,
        n=fmt.exact(s.heads, lang),
        k=fmt.exact(s.kv_heads, lang),
        g=fmt.exact(s.heads // s.kv_heads, lang),
        saved=named("gqa.llama-3-8b.params_saved", saved, fmt.count(saved, lang)),
        share=fmt.percent(saved, counts(s).total, lang),
    )


def _gl_ex_mla(lang):
    # DeepSeek-V3 report, section 4.2: KV compression dimension and rotary key size
    s = _gl_spec("deepseek-v3")
    assert (s.mla.kv_lora_rank, s.mla.qk_rope_head_dim) == (512, 64)
    latent = fmt.bytes_(memory.kv_cache_bytes_per_token(s, "bf16"), lang=lang)
    naive = fmt.bytes_(memory.kv_cache_naive_mla_bytes_per_token(s, "bf16"), lang=lang)
    return say(_GL_EX["mla"], lang, latent=latent, naive=naive)


def _gl_ex_kv(lang):
    per = memory.kv_cache_bytes_per_token(_gl_spec("llama-2-7b"), "bf16")
    return say(_GL_EX["kv"], lang, per=fmt.bytes_both(per, lang))


def _gl_ex_context(lang):
    return _gl_ex_dims("context_length", ("llama-2-7b", "llama-3.1-8b", "deepseek-v3"))(lang)


def _gl_ex_moe(lang):
    # DeepSeek-V3 report, section 4.2: one shared and 256 routed experts, 8 per token
    m = _gl_spec("deepseek-v3").moe
    assert (m.num_shared_experts, m.num_experts, m.experts_per_token) == (1, 256, 8)
    return say(
        _GL_EX["moe"],
        lang,
        e=fmt.exact(m.num_experts, lang),
        k=fmt.exact(m.experts_per_token, lang),
    )


_gl_ex_routed = _gl_ex_share("deepseek-v3", "layers.moe_layers.moe.experts")


def _gl_ex_active(lang):
    c = _gl_counts("deepseek-v3")
    return say(_GL_EX["active"], lang, a=fmt.count(c.active, lang), t=fmt.count(c.total, lang))


def _gl_ex_mtp(lang):
    c = _gl_counts("deepseek-v3")
    return say(_GL_EX["mtp"], lang, n=fmt.count(c.stored - c.total, lang))


def _gl_ex_checkpoint(lang):
    # The Hub's safetensors total for deepseek-ai/DeepSeek-V3
    c = _gl_counts("deepseek-v3")
    assert c.checkpoint == 684_531_386_000
    return say(
        _GL_EX["checkpoint"], lang, t=fmt.count(c.total, lang), k=fmt.count(c.checkpoint, lang)
    )


def _gl_ex_dtype(lang):
    # IEEE 754 binary32, bfloat16, OCP FP8: 4, 2 and 1 bytes
    assert [dtypes.bytes_per_param(d) for d in ("fp32", "bf16", "fp8")] == [4, 2, 1]
    items = [
        say(_GL_EX["dtype"], lang, d=d, per=fmt.per_param(dtypes.bytes_per_param(d), lang))
        for d in ("fp32", "bf16", "fp8", "int4")
    ]
    return _gl_list(lang, items)


def _gl_ex_quant(lang):
    # ggml's block_q4_0: an fp16 scale and 16 bytes of 4-bit weights per 32 weights
    bits = dtypes.get_dtype("q4_0").bits
    assert bits * 32 == (2 + 16) * 8
    return say(_GL_EX["quant"], lang, bits=fmt.decimal(bits, lang))


def _gl_ex_gib(lang):
    # SI giga (10^9) and IEC 80000-13 gibi (2^30)
    assert (dtypes.GB, dtypes.GiB) == (1_000_000_000, 1_073_741_824)
    more = fmt.percent(dtypes.GiB - dtypes.GB, dtypes.GB, lang)
    return say(
        _GL_EX["gib"],
        lang,
        gb=fmt.exact(dtypes.GB, lang),
        gib=fmt.exact(dtypes.GiB, lang),
        more=more,
    )


def _gl_ex_training(lang):
    # ZeRO (Rajbhandari et al. 2019) 16 bytes/param; HF "Model training anatomy" 18
    totals = [c.total for c in training.TRAINING_CONVENTIONS.values()]
    assert totals == [16, 18]
    a, b = (fmt.exact(t, lang) for t in totals)
    return say(_GL_EX["training"], lang, a=a, b=b)


def _gl_ex_flops(lang):
    # Kaplan et al. 2020: C = 6ND for training, 2N per token forward
    assert flops.TRAINING_FLOPS_PER_PARAM_TOKEN == 6
    s = _gl_spec("llama-2-7b")
    per_param = flops.two_n_flops_per_token(s) // flops.matmul_params(s)
    p, t = fmt.exact(per_param, lang), fmt.exact(flops.TRAINING_FLOPS_PER_PARAM_TOKEN, lang)
    return say(_GL_EX["flops"], lang, p=p, t=t)

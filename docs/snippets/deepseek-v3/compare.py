# DeepSeek-V3 page: dense twins, the KV cache with and without MLA, and DeepSeek's own figures.
# Needs md.py and deepseek-v3/common.py included first (models/published.py for claims_table).
from llmsize import counts, flops, fmt, memory, variants
from llmsize.claims import exact_for, label_digits
from llmsize.text import LABELS, say

_DENSE_HEADER = (
    HEADS["model"],
    {"en": "Layers", "zh": "层数"},
    LABELS["total"],
    {"en": "Used per token", "zh": "每个词元用到"},
    HEADS["forward_2n"],
    {"en": "Weights in bf16", "zh": "bf16 权重"},
    {"en": "Weights in fp8", "zh": "fp8 权重"},
)
_DENSE = {
    "v3": {"en": "**DeepSeek-V3** (MoE, as released)", "zh": "**DeepSeek-V3**（MoE，实际发布的）"},
    "all_dense": {
        "en": "Every layer dense, like its first {n}",
        "zh": "每层都稠密，像它的前 {n} 层那样",
    },
    "same_total": {
        "en": "A dense model of the same total, built from its dense layer",
        "zh": "同样总参数量的稠密模型，由它的稠密层堆成",
    },
    "note": {
        "en": "The dense model of the same size would spend {ratio} as much compute on every token.",
        "zh": "同样大小的稠密模型，每个词元的计算量是 DeepSeek-V3 的 {ratio}。",
    },
}


def dense_table(lang):
    """What a dense model would cost against the MoE: parameters, compute per token, memory."""
    names = [
        (V3, say(_DENSE["v3"], lang)),
        (
            variants.all_dense(V3),
            say(_DENSE["all_dense"], lang, n=fmt.exact(V3.dense_layer_count, lang)),
        ),
        (variants.dense_same_total(V3), say(_DENSE["same_total"], lang)),
    ]
    rows = []
    for spec, name in names:
        c = counts(spec)
        rows.append(
            [
                name,
                fmt.exact(spec.layers, lang),
                fmt.count(c.total, lang),
                fmt.count(c.active, lang),
            ]
        )
        rows[-1] += [
            fmt.count(flops.two_n_flops_per_token(spec), lang),
            fmt.bytes_(memory.weights_bytes(c.total, "bf16"), lang=lang),
            fmt.bytes_(memory.weights_bytes(c.total, "fp8_e4m3"), lang=lang),
        ]
    return table(_DENSE_HEADER, rows, "lrrrrrr", lang)


def dense_note(lang):
    """How much more compute per token the dense model of the same total would spend."""
    same = flops.two_n_flops_per_token(variants.dense_same_total(V3))
    ratio = fmt.times(same, flops.two_n_flops_per_token(V3), lang)
    return say(_DENSE["note"], lang, ratio=ratio)


# The context length DeepSeek state: the README's model table and the technical report (§4.3,
# long-context extension with YaRN to 32K, then 128K) both say "128K".
README_CONTEXT = "128K"
_KV_HEADER = (
    {"en": "What each layer caches", "zh": "每层缓存什么"},
    {"en": "Values per token, one layer", "zh": "每层每个词元的数值个数"},
    {
        "en": "Bytes per token, all {layers} layers (bf16)",
        "zh": "每个词元的字节数，全部 {layers} 层（bf16）",
    },
    {"en": "At {ctx} tokens", "zh": "{ctx} 个词元时"},
)
_KV = {
    "latent": {"en": "MLA latent + shared rotary key", "zh": "MLA 潜向量 + 共享旋转位置键"},
    "full": {"en": "Full keys and values of every head", "zh": "每个头完整的键和值"},
    "note": {
        "en": "Full keys and values would take {ratio} the memory of the latent.",
        "zh": "缓存完整的键和值，所需显存是缓存潜向量的 {ratio}。",
    },
    "context": {
        "en": "The last column fills the model's `max_position_embeddings`, {ctx}: the"
        " {original} positions it was pretrained with times the YaRN factor {factor} in"
        " `rope_scaling`, the most positions the config lets it encode. DeepSeek state a"
        " context length of {readme} (README and technical report): the length the model was"
        " extended to and evaluated at.",
        "zh": "最后一列按模型的 `max_position_embeddings`（{ctx}）计算：它等于预训练时的 {original}"
        " 个位置乘以 `rope_scaling` 中的 YaRN 系数 {factor}，是配置允许模型编码的最多位置数。"
        "DeepSeek 公布的上下文长度是 {readme}（README 和技术报告），即模型经扩展训练并评测过的长度。",
    },
}


def kv_table(lang):
    """What one token adds to the KV cache with MLA's latent, and with full per-head K/V."""
    latent = memory.kv_cache_bytes_per_token(V3, "bf16")
    naive = memory.kv_cache_naive_mla_bytes_per_token(V3, "bf16")
    # DeepSeek-V2 paper (arXiv:2405.04434), Table 1: MLA caches (d_c + d_h^R)·l = (9/2)·d_h·l
    # elements per token; with d_h = 128 and l = 61 layers, in 2-byte bf16.
    assert latent == 9 * 128 // 2 * 61 * 2 == 70_272
    one, full = (
        variants.kv_values_per_layer(V3),
        variants.kv_values_per_layer(V3, decompressed=True),
    )
    assert one * V3.layers * 2 == latent and full * V3.layers * 2 == naive
    ctx = V3.context_length
    fields = {"layers": fmt.exact(V3.layers, lang), "ctx": fmt.exact(ctx, lang)}
    header = [say(h, lang, **fields) for h in _KV_HEADER]
    rows = [
        [fmt.both(say(_KV["latent"], lang), "`r_kv + d_rope`", lang), fmt.exact(one, lang)]
        + [fmt.bytes_exact(latent, lang), fmt.bytes_both(latent * ctx, lang)],
        [
            fmt.both(say(_KV["full"], lang), "`N·(d_nope + d_rope + d_v)`", lang),
            fmt.exact(full, lang),
        ]
        + [fmt.bytes_exact(naive, lang), fmt.bytes_both(naive * ctx, lang)],
    ]
    return table(header, rows, "lrrr")


def kv_note(lang):
    """How much larger the decompressed cache is, and which context the table fills."""
    naive = memory.kv_cache_naive_mla_bytes_per_token(V3)
    ratio = fmt.times(naive, memory.kv_cache_bytes_per_token(V3), lang)
    yarn = CONFIG["rope_scaling"]
    original, factor = yarn["original_max_position_embeddings"], yarn["factor"]
    assert original * factor == CONFIG["max_position_embeddings"] == V3.context_length
    context = say(
        _KV["context"],
        lang,
        ctx=fmt.exact(V3.context_length, lang),
        original=fmt.exact(original, lang),
        factor=fmt.exact(factor, lang),
        readme=README_CONTEXT,
    )
    return say(_KV["note"], lang, ratio=ratio) + "\n\n" + context


_CLAIMS_HEADER = (
    {"en": "DeepSeek says", "zh": "DeepSeek 的说法"},
    {"en": "It is", "zh": "对应的是"},
    HEADS["exactly"],
    HEADS["source"],
)
# What each figure is, in the words of this table (a figure, its definition and its scope).
_CLAIMS = {
    "671B": {"en": "the main model's total", "zh": "主模型的总参数量"},
    "37B": {"en": "active per token less the input embedding", "zh": "每个词元激活减去输入嵌入"},
    "36.6B": {"en": "the same, one more digit", "zh": "同上，多保留一位"},
    "685B": {
        "en": "every value in the Hub checkpoint (main model, MTP module, buffers, fp8 scales)",
        "zh": "Hub 权重文件中的全部数值（主模型、MTP 模块、缓冲区、fp8 缩放因子）",
    },
}


def claims_table(lang):
    """Each figure DeepSeek publishes, with the exact count it rounds and where it is stated."""
    rows = []
    for claim in PRESET.claims:
        n = exact_for(PRESET, claim, C)
        assert fmt.count(n, "en", digits=label_digits(claim.text)) == claim.text
        rows.append([f"**{published(claim, lang)}**", say(_CLAIMS[claim.text], lang)])
        rows[-1] += [fmt.exact(n, lang), say(claim.source, lang)]
    return table(_CLAIMS_HEADER, rows, "rlrl", lang)

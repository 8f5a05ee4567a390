# DeepSeek-V3 page: three counters, the terms from the model to the Hub's figure, storage types.
# Needs md.py and deepseek-v3/common.py included first.
from llmsize import checkpoints, fmt, stored
from llmsize.shapes import block_scales, linear_shapes
from llmsize.text import say

_COUNTERS_HEADER = (
    {"en": "Who counts", "zh": "谁来数"},
    {"en": "What it counts", "zh": "数的是什么"},
    HEADS["params"],
    HEADS["exactly"],
)
_COUNTERS = {
    "llmsize": {"en": "the main model: every trained weight", "zh": "主模型：全部可训练的权重"},
    "transformers": {
        "en": "the same: it builds no MTP layer, and the router correction bias is a buffer,"
        " not a parameter",
        "zh": "同上：它不构建 MTP 层，路由器校正偏置是缓冲区而不是参数",
    },
    "hub": {"en": "The Hub (safetensors metadata)", "zh": "Hub（safetensors 元数据）"},
    "hub_counts": {
        "en": "every value in every tensor of the checkpoint",
        "zh": "权重文件中每个张量的每个数值",
    },
}


def counters_table(lang):
    """Three counters, three answers: llmsize, transformers and the Hub."""
    theirs = ORACLE["figures"]["preset:deepseek-v3"]
    short = fmt.distinct([C.total, theirs, HUB_TOTAL], lang)
    w = {key: say(text, lang) for key, text in _COUNTERS.items()}
    rows = [
        ["llmsize, `counts(spec).total`", w["llmsize"], short[0], fmt.exact(C.total, lang)],
        [
            f"transformers {ORACLE['transformers']}, `sum(p.numel() for p in model.parameters())`",
            w["transformers"],
            short[1],
            fmt.exact(theirs, lang),
        ],
        [w["hub"], w["hub_counts"], short[2], fmt.exact(HUB_TOTAL, lang)],
    ]
    return table(_COUNTERS_HEADER, rows, "llrr", lang)


# Each term of the MTP module as stored (keys of llmsize.stored.mtp_parts).
_MTP = {
    "input_norms": {"en": "enorm and hnorm (two RMSNorms)", "zh": "enorm 和 hnorm（两个 RMSNorm）"},
    "eh_proj": {"en": "eh_proj (`2D → D`)", "zh": "eh_proj（`2D → D`）"},
    "block": {
        "en": "one more MoE layer (`model.layers.{index}`)",
        "zh": "再一个 MoE 层（`model.layers.{index}`）",
    },
    "router_bias": {"en": "its router's correction bias", "zh": "其路由器的校正偏置"},
    "head_norm": {"en": "shared_head norm", "zh": "shared_head 归一化"},
    "embedding": {"en": "its copy of the embedding", "zh": "它自带的一份嵌入矩阵"},
    "head": {"en": "its copy of the output head", "zh": "它自带的一份输出头"},
}
_STORED = {
    "total": {"en": "Main model (the total)", "zh": "主模型（总参数量）"},
    "router_bias": {"en": "router correction biases", "zh": "路由器校正偏置"},
    "mtp": {"en": "multi-token-prediction module", "zh": "多词元预测模块"},
    "scales": {"en": "fp8 scale factors", "zh": "fp8 缩放因子"},
    "per_tile": {
        "en": "`weight_scale_inv`, one per {tile} tile",
        "zh": "`weight_scale_inv`，每个 {tile} 方块一个",
    },
}


def stored_table(lang):
    """From the main model's total to the Hub's figure, term by term."""
    extra = dict(stored.beyond_model(V3))
    mtp = stored.mtp_parts(V3)
    scales = checkpoints.fp8_checkpoint(V3).scales
    assert C.total + sum(extra.values()) == C.stored
    assert C.stored + scales == C.checkpoint == HUB_TOTAL
    assert fmt.count(C.checkpoint, "en") == "685B"
    short = dict(
        zip(
            ("total", "stored", "checkpoint"), fmt.distinct([C.total, C.stored, C.checkpoint], lang)
        )
    )
    w = {key: say(text, lang) for key, text in _STORED.items() if key != "per_tile"}
    w |= {key: fmt.label(key, lang) for key in ("stored", "checkpoint")}
    shape = f"{fmt.exact(V3.moe_layer_count, lang)} × {fmt.exact(MOE.num_experts, lang)}"
    biases = clauses(["`e_score_correction_bias`", shape], lang)
    tile = f"{fmt.exact(V3.quant_block, lang)}×{fmt.exact(V3.quant_block, lang)}"
    rows = [
        [f"**{w['total']}**", f"**{short['total']}**", fmt.exact(C.total, lang)],
        ["+ " + fmt.both(w["router_bias"], biases, lang), fmt.count(extra["router_bias"], lang)]
        + [fmt.exact(extra["router_bias"], lang)],
        ["+ " + w["mtp"], fmt.count(extra["mtp"], lang), fmt.exact(extra["mtp"], lang)],
    ]
    for key, n in mtp:
        name = say(_MTP[key], lang, index=V3.layers)
        rows.append([f"&emsp;{name}", fmt.count(n, lang), fmt.exact(n, lang)])
    per_tile = say(_STORED["per_tile"], lang, tile=tile)
    rows += [
        [f"**= {w['stored']}**", f"**{short['stored']}**", fmt.exact(C.stored, lang)],
        [
            "+ " + fmt.both(w["scales"], per_tile, lang),
            fmt.count(scales, lang),
            fmt.exact(scales, lang),
        ],
        [f"**= {w['checkpoint']}**", f"**{short['checkpoint']}**", fmt.exact(C.checkpoint, lang)],
    ]
    return table(["", HEADS["params"], HEADS["exactly"]], rows, "lrr", lang)


_DTYPES_HEADER = (
    {"en": "Storage type", "zh": "存储类型"},
    HEADS["holds"],
    {"en": "llmsize", "zh": "llmsize 算出"},
    {"en": "The Hub reports", "zh": "Hub 报告"},
    HEADS["bytes"],
)
_DTYPES = {
    "F8_E4M3": {
        "en": "every attention and FFN matrix (experts included) of the {layers} layers and of"
        " the MTP layer",
        "zh": "{layers} 层和 MTP 层中所有注意力与前馈网络矩阵（含全部专家）",
    },
    "BF16": {
        "en": "embedding and output head (twice: main model and MTP copies) {vocab},"
        " routers {routers}, eh_proj {eh_proj}, norms {norms}",
        "zh": "嵌入与输出头（主模型和 MTP 各一份）{vocab}，路由器 {routers}，"
        "eh_proj {eh_proj}，归一化 {norms}",
    },
    "F32": {
        "en": "fp8 scale factors {scales}, router correction biases {biases}",
        "zh": "fp8 缩放因子 {scales}，路由器校正偏置 {biases}",
    },
}


def dtype_table(lang):
    """The checkpoint by storage type, computed, against the Hub's own figures."""
    split = checkpoints.fp8_checkpoint(V3)
    computed = {"F8_E4M3": split.fp8, "BF16": split.bf16, "F32": split.fp32}
    # Independent source: the Hub's safetensors metadata, term by term.
    assert computed == HUB
    # The same split, worked from the shapes: every attention and MLP matrix is fp8.
    assert split.fp8 == sum(r * c * n for _, r, c, n in linear_shapes(V3, mtp=True))
    assert split.scales == block_scales(V3, V3.quant_block)
    fields = {
        "F8_E4M3": {"layers": fmt.exact(V3.layers, lang)},
        "BF16": {k: fmt.count(n, lang) for k, n in stored.bf16_parts(V3)},
        "F32": {
            "scales": fmt.count(split.scales, lang),
            "biases": fmt.exact(split.router_bias, lang),
        },
    }
    size = {"F8_E4M3": 1, "BF16": 2, "F32": 4}
    rows = []
    for dtype, n in computed.items():
        rows.append([f"`{dtype}`", say(_DTYPES[dtype], lang, **fields[dtype]), fmt.exact(n, lang)])
        rows[-1] += [fmt.exact(HUB[dtype], lang), fmt.bytes_(n * size[dtype], lang=lang)]
    assert sum(computed[k] * size[k] for k in computed) == split.nbytes
    rows.append(
        [f"**{say(HEADS['sum'], lang)}**", "", f"**{fmt.exact(split.values, lang)}**"]
        + [f"**{fmt.exact(HUB_TOTAL, lang)}**", f"**{fmt.bytes_both(split.nbytes, lang)}**"]
    )
    return table(_DTYPES_HEADER, rows, "llrrr", lang)

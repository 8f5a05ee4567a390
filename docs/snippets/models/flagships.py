# Real models: today's flagships (their layer kinds, published against exact total and active) and
# what their released files hold, per storage type. Needs md.py, models/common.py and
# models/published.py included first.
from llmsize import fmt, report
from llmsize.checkpoints import DTYPE_BYTES, MXFP4_GROUP, hub_split, mxfp4_checkpoint
from llmsize.text import LABELS, say

# Newest first within each maker; a preset named here must exist.
FLAGSHIPS = (
    "gpt-oss-120b",
    "gpt-oss-20b",
    "deepseek-v3.2",
    "deepseek-v3",
    "kimi-k2",
    "qwen3.5-397b-a17b",
    "qwen3-next-80b-a3b",
    "qwen3-235b-a22b",
    "llama-4-maverick",
    "llama-4-scout",
    "glm-4.5-air",
    "gemma-4-26b-a4b",
    "gemma-3-27b",
)
assert set(FLAGSHIPS) <= set(PRESETS)


def layer_kinds(preset_id, lang):
    """The layers by kind: "18 sliding (window 128) + 18 full" (llmsize.report.layer_kinds)."""
    return report.layer_kinds(SPECS[preset_id], lang)


_FLAG_HEADER = (
    HEADS["model"],
    {"en": "Layers by kind", "zh": "各类层"},
    {"en": "Published total", "zh": "公布的总参数量"},
    {"en": "Exact total", "zh": "精确的总参数量"},
    {"en": "Published active", "zh": "公布的激活参数量"},
    {"en": "Exact active, same definition", "zh": "同一口径的精确激活参数量"},
    {"en": "Of the total: vision", "zh": "总数中的视觉部分"},
)
_NONE = {"en": "none published", "zh": "未公布"}
_DENSE = {"en": "= total (dense)", "zh": "同总数（稠密）"}


def _claim_pair(preset_id, kind, lang):
    """(published label, exact count of its definition) of the preset's first claim of kind."""
    claim = PRESETS[preset_id].claim(kind)
    if claim is None:
        return say(_NONE, lang), None
    return f"**{published(claim, lang)}**", exact_of(preset_id, claim)


def flagships_table(lang):
    """Each flagship: its layer kinds, and its published total and active beside the exact ones."""
    rows = []
    for i in FLAGSHIPS:
        c = COUNTS[i]
        total_label, _ = _claim_pair(i, "total", lang)
        active_label, active = _claim_pair(i, "active", lang)
        if SPECS[i].moe is None:
            active_cell = say(_DENSE, lang)
        else:
            active_cell = fmt.exact(c.active if active is None else active, lang)
        rows.append([PRESETS[i].name, layer_kinds(i, lang), total_label, fmt.exact(c.total, lang)])
        vision = fmt.count(c.vision, lang) if c.vision else "—"
        rows[-1] += [active_label, active_cell, vision]
    return table(_FLAG_HEADER, rows, "llrrrrr", lang)


# --- What the released files hold -----------------------------------------------------------

# Totals published for the files themselves, pinned here so that a change cannot pass unnoticed.
# gpt-oss-20b: model.safetensors.index.json's metadata.total_size (bytes); gpt-oss-120b: the tensor
# bytes of its fifteen safetensors files; deepseek-v3: the Hub API's elements per dtype.
PUBLISHED_BYTES = {"gpt-oss-20b": 13_761_264_768, "gpt-oss-120b": 65_248_815_744}
PUBLISHED_SPLIT = {
    "deepseek-v3": {"BF16": 3_918_786_560, "F8_E4M3": 680_571_043_840, "F32": 41_555_600}
}
RELEASES = ("gpt-oss-120b", "gpt-oss-20b", "deepseek-v3", "deepseek-v3.2", "kimi-k2")
SPLITS = {i: hub_split(SPECS[i], PRESETS[i].config) for i in RELEASES}
BYTES = {i: sum(DTYPE_BYTES[d] * n for d, n in s.items()) for i, s in SPLITS.items()}
for _i, _b in PUBLISHED_BYTES.items():
    assert BYTES[_i] == _b, _i
for _i, _s in PUBLISHED_SPLIT.items():
    assert SPLITS[_i] == _s, _i

_FORMAT = {
    "mxfp4": {"en": "MXFP4 experts, the rest bf16", "zh": "专家为 MXFP4，其余为 bf16"},
    "fp8": {
        "en": "fp8 in {b}×{b} tiles with an fp32 scale each, the rest bf16",
        "zh": "fp8，每个 {b}×{b} 的块配一个 fp32 缩放因子，其余为 bf16",
    },
}
_CHECKED = {
    "gpt-oss-20b": {
        "en": "bytes: the index file's total size",
        "zh": "字节数：索引文件给出的总大小",
    },
    "gpt-oss-120b": {
        "en": "bytes: the tensor data of the published files",
        "zh": "字节数：发布文件中的张量数据",
    },
    "deepseek-v3": {
        "en": "the Hub's elements per storage type",
        "zh": "Hub 按存储类型给出的元素个数",
    },
    "deepseek-v3.2": {
        "en": "the Hub's total and the repository's size, as third-party pages quote them",
        "zh": "第三方页面引用的 Hub 总数和仓库大小",
    },
    "kimi-k2": {
        "en": "computed only: no stored copy of the Hub's figures was found",
        "zh": "仅为计算值：未找到 Hub 数字的存档",
    },
}
_FILES_HEADER = (
    HEADS["model"],
    {"en": "Format", "zh": "格式"},
    {"en": "Elements per storage type", "zh": "各存储类型的元素个数"},
    {"en": "Elements (the Hub's figure)", "zh": "元素总数（Hub 的数字）"},
    LABELS["total"],
    HEADS["bytes"],
    {"en": "Checked against", "zh": "核对依据"},
)


def _format(preset_id, lang):
    if "U8" in SPLITS[preset_id]:
        return say(_FORMAT["mxfp4"], lang)
    return say(_FORMAT["fp8"], lang, b=fmt.exact(SPECS[preset_id].quant_block, lang))


def files_table(lang):
    """Each release's stored elements per storage type, their sum and bytes, and the check."""
    rows = []
    for i in RELEASES:
        split = " · ".join(f"{d} {fmt.exact(n, lang)}" for d, n in SPLITS[i].items())
        rows.append([PRESETS[i].name, _format(i, lang), split])
        rows[-1] += [f"**{fmt.count(sum(SPLITS[i].values()), lang)}**"]
        rows[-1] += [fmt.count(COUNTS[i].total, lang), fmt.bytes_both(BYTES[i], lang)]
        rows[-1].append(say(_CHECKED[i], lang))
    return table(_FILES_HEADER, rows, "llrrrrl", lang)


_MXFP4 = {
    "en": "MXFP4 keeps each expert weight as a {bits}-bit number, two to a byte, and gives every"
    " {g} of them one shared {sbits}-bit scale: {g} weights take {stored} bytes, against {bf16} in"
    " bf16. The safetensors format has no {bits}-bit type, so the files store these bytes as U8"
    " tensors (`*_blocks` and `*_scales`), and the Hub counts every byte as one element:"
    " {name}'s files hold {hub} elements for its {total} parameters.",
    "zh": "MXFP4 把每个专家权重存成一个 {bits} 位的数，两个数占一个字节，每 {g} 个数共用一个 {sbits}"
    " 位的缩放因子：{g} 个权重占 {stored} 个字节，而 bf16 要 {bf16} 个字节。safetensors 格式没有"
    " {bits} 位的数据类型，所以文件把这些字节存成 U8 张量（`*_blocks` 和 `*_scales`），Hub"
    " 把每个字节算作一个元素：{name} 的文件只有 {hub}个元素，而它的参数量是 {total}。",
}


def mxfp4_note(lang, preset_id="gpt-oss-120b"):
    """How MXFP4 packs the experts, and why the Hub's element count is far below the parameters."""
    m = mxfp4_checkpoint(SPECS[preset_id])
    g = MXFP4_GROUP
    stored = (m.blocks + m.scales) * g // m.quantized
    bits, sbits = m.blocks * 8 // m.quantized, m.scales * g * 8 // m.quantized
    return say(
        _MXFP4,
        lang,
        bits=fmt.exact(bits, lang),
        g=fmt.exact(g, lang),
        sbits=fmt.exact(sbits, lang),
        stored=fmt.exact(stored, lang),
        bf16=fmt.exact(2 * g, lang),
        name=PRESETS[preset_id].name,
        hub=fmt.count(sum(SPLITS[preset_id].values()), lang),
        total=fmt.count(COUNTS[preset_id].total, lang),
    )

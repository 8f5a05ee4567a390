"""Bilingual text, in one shape: ``{"en": ..., "zh": ...}``.

Every piece of English/Chinese wording in llmsize (labels of the breakdown, the count
definitions, the rows of the CLI and the calculator, the reasons of presets) is a `Text`:
a mapping from language code to a string, which may hold ``str.format`` fields.
`say` picks the language and fills the fields; `fill` fills them in every language at once.
Nothing else in the library branches on the language to choose words.

The wording shared across modules lives here: `LABELS` (breakdown parts and count
definitions), `MEMORY` (the memory rows of `llmsize.report`) and `UI` (the command line's
tables, the calculator's chart and notes). Wording that belongs to one piece of data stays
with it, in the same shape: `llmsize.dtypes.DType.description`,
`llmsize.training.TrainingConvention.description`, `llmsize.presets.Claim.reason`,
`llmsize.article.WHY`.
"""

from __future__ import annotations

from collections.abc import Mapping

from llmsize.errors import LLMSizeError

__all__ = [
    "LABELS",
    "LANGS",
    "MEMORY",
    "MIXER_LABELS",
    "MIXER_SHORT",
    "UI",
    "Text",
    "check_lang",
    "fill",
    "say",
]

LANGS: tuple[str, ...] = ("en", "zh")
"""Languages every formatter and text accepts."""

Text = Mapping[str, str]
"""Wording in each of `LANGS`: ``{"en": "Weights", "zh": "权重"}``."""


def check_lang(lang: object) -> str:
    """Return ``lang`` if it is one of `LANGS`.

    Args:
        lang: The language code to check.

    Returns:
        The same code.

    Raises:
        LLMSizeError: If ``lang`` is not ``"en"`` or ``"zh"``.
    """
    if not isinstance(lang, str) or lang not in LANGS:
        raise LLMSizeError(f"lang must be 'en' or 'zh', got {lang!r}")
    return lang


def fill(text: Text, /, **values: object) -> Text:
    """``text`` with its fields filled in every language: a new `Text`.

    A value may itself be a `Text` (a figure formatted for each language); each language then
    gets its own wording of it.

    Args:
        text: The wording in both languages.
        **values: Values for the ``str.format`` fields, plain or one per language.

    Returns:
        The filled wording, ``{"en": ..., "zh": ...}``.

    Examples:
        >>> fill({"en": "{n} tokens", "zh": "{n} 个词元"}, n={"en": "4,096", "zh": "4,096"})["zh"]
        '4,096 个词元'
    """
    return {
        lang: say(
            text, lang, **{k: v[lang] if isinstance(v, Mapping) else v for k, v in values.items()}
        )
        for lang in LANGS
    }


def say(text: Text, lang: str, /, **values: object) -> str:
    """``text`` in ``lang``, with its ``{fields}`` filled from ``values``.

    Args:
        text: The wording in both languages.
        lang: ``"en"`` or ``"zh"``.
        **values: Values for the ``str.format`` fields of the wording.

    Returns:
        The text.

    Raises:
        LLMSizeError: If ``lang`` is unknown.

    Examples:
        >>> say({"en": "{n} layers", "zh": "{n} 层"}, "zh", n=61)
        '61 层'
    """
    words = text[check_lang(lang)]
    return words.format(**values) if values else words


LABELS: dict[str, Text] = {
    "model": {"en": "Model", "zh": "模型"},
    "embeddings": {"en": "Embeddings", "zh": "嵌入"},
    "token": {"en": "Token embedding", "zh": "词元嵌入"},
    "position": {"en": "Position embedding", "zh": "位置嵌入"},
    "token_type": {"en": "Token-type embedding", "zh": "分段嵌入"},
    "norm": {"en": "Embedding norm", "zh": "嵌入归一化"},
    "layers": {"en": "Transformer layers", "zh": "Transformer 层"},
    "dense_layers": {"en": "Dense layers", "zh": "稠密层"},
    "moe_layers": {"en": "MoE layers", "zh": "MoE 层"},
    "linear_attention_dense_layers": {
        "en": "Linear-attention dense layers",
        "zh": "线性注意力稠密层",
    },
    "linear_attention_moe_layers": {"en": "Linear-attention MoE layers", "zh": "线性注意力 MoE 层"},
    "linear_attention": {"en": "Linear attention", "zh": "线性注意力"},
    # State-space, short-convolution and single-sublayer layers (llmsize.layers.Block.key).
    "mamba_layers": {"en": "Mamba layers", "zh": "Mamba 层"},
    "mamba_dense_layers": {"en": "Mamba dense layers", "zh": "Mamba 稠密层"},
    "mamba_moe_layers": {"en": "Mamba MoE layers", "zh": "Mamba MoE 层"},
    "attention_layers": {"en": "Attention-only layers", "zh": "纯注意力层"},
    "mlp_layers": {"en": "MLP-only layers", "zh": "纯前馈层"},
    "moe_mlp_layers": {"en": "MoE-only layers", "zh": "纯 MoE 层"},
    "short_conv_dense_layers": {"en": "Short-convolution dense layers", "zh": "短卷积稠密层"},
    "short_conv_moe_layers": {"en": "Short-convolution MoE layers", "zh": "短卷积 MoE 层"},
    "parallel_dense_layers": {
        "en": "Attention + Mamba dense layers",
        "zh": "注意力 + Mamba 稠密层",
    },
    "parallel_moe_layers": {"en": "Attention + Mamba MoE layers", "zh": "注意力 + Mamba MoE 层"},
    "mamba": {"en": "Mamba mixer", "zh": "Mamba 混合器"},
    "short_conv": {"en": "Short-convolution block", "zh": "短卷积模块"},
    "in": {"en": "Input projection", "zh": "输入投影"},
    "x_proj": {"en": "Time-step/B/C projection", "zh": "时间步/B/C 投影"},
    "dt_proj": {"en": "Time-step up-projection", "zh": "时间步升维投影"},
    "d_skip": {"en": "Skip weights (D)", "zh": "跳连权重（D）"},
    "ssm_norms": {"en": "Time-step/B/C norms", "zh": "时间步/B/C 归一化"},
    "qkvz": {"en": "Q/K/V/Z projection", "zh": "Q/K/V/Z 投影"},
    "ba": {"en": "Beta/decay projection", "zh": "β/衰减投影"},
    "conv": {"en": "Short convolution", "zh": "短卷积"},
    "dt_bias": {"en": "Time-step bias", "zh": "时间步偏置"},
    "a_log": {"en": "Decay rates (A_log)", "zh": "衰减率（A_log）"},
    "gated_norm": {"en": "Gated norm", "zh": "门控归一化"},
    "out": {"en": "Output projection", "zh": "输出投影"},
    "attention": {"en": "Attention", "zh": "注意力"},
    "q": {"en": "Q projection", "zh": "Q 投影"},
    "k": {"en": "K projection", "zh": "K 投影"},
    "v": {"en": "V projection", "zh": "V 投影"},
    "o": {"en": "Output projection", "zh": "输出投影"},
    "qkv_bias": {"en": "Q/K/V biases", "zh": "Q/K/V 偏置"},
    "o_bias": {"en": "Output-projection bias", "zh": "输出投影偏置"},
    "qk_norm": {"en": "Q/K norms", "zh": "Q/K 归一化"},
    "sinks": {"en": "Attention sinks", "zh": "注意力汇点"},
    "q_down": {"en": "Q down-projection", "zh": "Q 降维投影"},
    "q_norm": {"en": "Q latent norm", "zh": "Q 潜向量归一化"},
    "q_up": {"en": "Q up-projection", "zh": "Q 升维投影"},
    "kv_down": {"en": "KV down-projection", "zh": "KV 降维投影"},
    "kv_norm": {"en": "KV latent norm", "zh": "KV 潜向量归一化"},
    "kv_up": {"en": "KV up-projection", "zh": "KV 升维投影"},
    "indexers": {"en": "DSA indexers", "zh": "DSA 索引器"},
    "sliding_attention": {"en": "Sliding-window attention", "zh": "滑动窗口注意力"},
    "full_attention": {"en": "Full attention", "zh": "全局注意力"},
    "chunked_attention": {"en": "Chunked attention", "zh": "分块注意力"},
    "kv_shared_sliding_attention": {
        "en": "Sliding-window attention, shared K/V",
        "zh": "滑动窗口注意力（共享 K/V）",
    },
    "kv_shared_full_attention": {
        "en": "Full attention, shared K/V",
        "zh": "全局注意力（共享 K/V）",
    },
    "kv_shared_chunked_attention": {
        "en": "Chunked attention, shared K/V",
        "zh": "分块注意力（共享 K/V）",
    },
    "per_layer_inputs": {"en": "Per-layer inputs", "zh": "逐层输入"},
    "input_gate": {"en": "Input gate", "zh": "输入门控"},
    "input_projection": {"en": "Input projection", "zh": "输入投影"},
    "input_norm": {"en": "Input norm", "zh": "输入归一化"},
    "per_layer_token": {"en": "Per-layer token embedding", "zh": "逐层词元嵌入"},
    "per_layer_projection": {"en": "Per-layer input projection", "zh": "逐层输入投影"},
    "per_layer_norm": {"en": "Per-layer input norm", "zh": "逐层输入归一化"},
    "mlp_widening": {"en": "Second half of the double-wide MLPs", "zh": "双倍宽前馈网络的后一半"},
    "moe_dense_mlp": {"en": "Dense MLP beside the experts", "zh": "专家旁的稠密前馈网络"},
    "router_scales": {"en": "Router scales", "zh": "路由器缩放"},
    "k_norm": {"en": "K norm", "zh": "K 归一化"},
    "head_weights": {"en": "Per-head weights", "zh": "逐头权重"},
    "mlp": {"en": "MLP", "zh": "前馈网络"},
    "gate": {"en": "Gate projection", "zh": "门控投影"},
    "up": {"en": "Up projection", "zh": "升维投影"},
    "down": {"en": "Down projection", "zh": "降维投影"},
    "moe": {"en": "MoE block", "zh": "MoE 模块"},
    "router": {"en": "Router", "zh": "路由器"},
    "experts": {"en": "Routed experts", "zh": "路由专家"},
    "shared_experts": {"en": "Shared experts", "zh": "共享专家"},
    "shared_gate": {"en": "Shared-expert gate", "zh": "共享专家门控"},
    "norms": {"en": "Norms", "zh": "归一化"},
    "final_norm": {"en": "Final norm", "zh": "最终归一化"},
    "head": {"en": "Output head", "zh": "输出头"},
    "pooler": {"en": "Pooler", "zh": "池化层"},
    # The vision part of a vision-language model (llmsize.vision).
    "vision": {"en": "Vision tower and projector", "zh": "视觉编码器与投影层"},
    "vision_embeddings": {"en": "Patch and position embeddings", "zh": "图块与位置嵌入"},
    "patch": {"en": "Patch embedding", "zh": "图块嵌入"},
    "class_token": {"en": "Class token", "zh": "分类词元"},
    "pre_norm": {"en": "Pre-encoder norm", "zh": "编码器前归一化"},
    "encoder_layers": {"en": "Vision encoder layers", "zh": "视觉编码器层"},
    "post_norm": {"en": "Post-encoder norm", "zh": "编码器后归一化"},
    "pooling_head": {"en": "Attention-pooling head", "zh": "注意力池化头"},
    "projector": {"en": "Projector", "zh": "投影层"},
    "adapter": {"en": "Pixel-shuffle adapter", "zh": "像素重排适配层"},
    "deepstack_mergers": {"en": "DeepStack mergers", "zh": "DeepStack 合并层"},
    "projector_norm": {"en": "Norm", "zh": "归一化"},
    "linear_1": {"en": "Linear layer 1", "zh": "线性层 1"},
    "linear_2": {"en": "Linear layer 2", "zh": "线性层 2"},
    "linear_3": {"en": "Linear layer 3", "zh": "线性层 3"},
    "tile_position": {"en": "Tile position embeddings", "zh": "图像分块位置嵌入"},
    "gates": {"en": "Gates", "zh": "门控"},
    "global_layers": {"en": "Gated global encoder layers", "zh": "带门控的全局编码器层"},
    "cross_attention_dense_layers": {"en": "Cross-attention layers", "zh": "交叉注意力层"},
    "cross_attention": {"en": "Cross-attention", "zh": "交叉注意力"},
    # The audio part of a multimodal model (llmsize.audio: Gemma 4's audio encoder).
    "audio": {"en": "Audio encoder and projector", "zh": "音频编码器与投影层"},
    "audio_stem": {"en": "Sub-sampling convolutions", "zh": "下采样卷积"},
    "convolutions": {"en": "Convolutions", "zh": "卷积"},
    "audio_layers": {"en": "Audio encoder layers", "zh": "音频编码器层"},
    "feed_forward": {"en": "Feed-forward modules", "zh": "前馈模块"},
    "relative_k": {"en": "Relative-position K projection", "zh": "相对位置 K 投影"},
    "position_scale": {"en": "Per-dimension scale", "zh": "逐维缩放"},
    "light_conv": {"en": "Light convolution", "zh": "轻量卷积"},
    "output_projection": {"en": "Output projection", "zh": "输出投影"},
    # The count definitions (llmsize.count.Counts), worded once for the CLI, the calculator
    # and the site.
    "total": {"en": "Total parameters", "zh": "总参数量"},
    "active": {"en": "Active per token", "zh": "每个词元激活的参数量"},
    "non_embedding": {"en": "Non-embedding", "zh": "非嵌入参数量"},
    "stored": {"en": "Stored in the checkpoint", "zh": "权重文件中存储的参数量"},
    "checkpoint": {"en": "Checkpoint values incl. scales", "zh": "权重文件数值总数（含缩放因子）"},
}


MEMORY: dict[str, Text] = {
    "weights": {"en": "Weights ({dtype})", "zh": "权重（{dtype}）"},
    "kv_per_token": {"en": "KV cache per token ({dtype})", "zh": "每个词元的 KV 缓存（{dtype}）"},
    "kv_naive_per_token": {
        "en": "KV cache per token if MLA cached full keys and values",
        "zh": "若 MLA 缓存完整的键和值，每个词元的 KV 缓存",
    },
    "kv_total": {
        "en": "KV cache ({context} tokens, batch {batch})",
        "zh": "KV 缓存（{context} 个词元，批大小 {batch}）",
    },
    "weights_kv": {"en": "Weights + KV cache", "zh": "权重 + KV 缓存"},
    "training": {
        "en": "Training state, {n} bytes per parameter",
        "zh": "训练状态，每个参数 {n} 字节",
    },
}
"""Labels of the memory rows (`llmsize.report.memory_rows`), shared by the CLI and the
calculator; ``training`` words the rows ``training_16`` and ``training_18``."""

MIXER_LABELS: dict[str, Text] = {
    "full": {
        "en": "of which full-attention layers ({n}: every token)",
        "zh": "其中全注意力层（{n} 层：保留全部词元）",
    },
    "sliding": {
        "en": "of which sliding-window layers ({n}: window {window})",
        "zh": "其中滑动窗口层（{n} 层：窗口 {window}）",
    },
    "chunked": {
        "en": "of which chunked-attention layers ({n}: chunk {window})",
        "zh": "其中分块注意力层（{n} 层：块长 {window}）",
    },
    "linear": {
        "en": "of which linear-attention layers ({n}: a fixed state)",
        "zh": "其中线性注意力层（{n} 层：固定大小的状态）",
    },
    "mamba": {
        "en": "of which Mamba (state-space) layers ({n}: a fixed state)",
        "zh": "其中 Mamba（状态空间）层（{n} 层：固定大小的状态）",
    },
    "conv": {
        "en": "of which short-convolution layers ({n}: a fixed state)",
        "zh": "其中短卷积层（{n} 层：固定大小的状态）",
    },
    "parallel": {
        "en": "of which attention + Mamba layers ({n}: every token and a fixed state)",
        "zh": "其中注意力与 Mamba 并行的层（{n} 层：全部词元加固定大小的状态）",
    },
    "cross": {
        "en": "of which cross-attention layers ({n}: the image's keys and values, not counted)",
        "zh": "其中交叉注意力层（{n} 层：图像的键和值，未计入）",
    },
    "none": {
        "en": "of which layers without a token mixer ({n}: nothing)",
        "zh": "其中没有词元混合的层（{n} 层：不缓存）",
    },
}
"""Labels of the KV cache's split by layer kind (rows ``kv_kind_<kind>``), one per
`llmsize.layers.MIXER_KINDS` entry; ``{n}`` is the number of layers, ``{window}`` their window."""

MIXER_SHORT: dict[str, Text] = {
    "full": {"en": "{n} full", "zh": "{n} 层全注意力"},
    "full_mla": {"en": "{n} full, MLA", "zh": "{n} 层全注意力（MLA）"},
    "full_dsa": {
        "en": "{n} MLA with a sparse-attention indexer",
        "zh": "{n} 层 MLA，带稀疏注意力索引器",
    },
    "sliding": {"en": "{n} sliding (window {window})", "zh": "{n} 层滑动窗口（窗口 {window}）"},
    "chunked": {"en": "{n} chunked (chunk {window})", "zh": "{n} 层分块注意力（块长 {window}）"},
    "linear": {"en": "{n} Gated DeltaNet", "zh": "{n} 层 Gated DeltaNet"},
    "mamba": {"en": "{n} Mamba", "zh": "{n} 层 Mamba"},
    "conv": {"en": "{n} short convolution", "zh": "{n} 层短卷积"},
    "parallel": {"en": "{n} attention + Mamba", "zh": "{n} 层注意力 + Mamba"},
    "cross": {"en": "{n} cross-attention", "zh": "{n} 层交叉注意力"},
    "none": {"en": "{n} MLP only", "zh": "{n} 层仅前馈网络"},
}
"""The layers of one kind in a few words (``{n}`` layers, ``{window}`` their window), for a
model's list of layer kinds (`llmsize.report.layer_kinds`); ``full_mla`` and ``full_dsa``: full
attention through MLA, without or with DeepSeek Sparse Attention's indexer."""


UI: dict[str, Text] = {
    # Column heads of the command line's, the calculator's and the site's tables.
    "part": {"en": "Part", "zh": "部分"},
    "params": {"en": "Parameters", "zh": "参数量"},
    "share": {"en": "Share", "zh": "占比"},
    "count": {"en": "Count", "zh": "口径"},
    "exactly": {"en": "Exactly", "zh": "精确值"},
    "size": {"en": "Size", "zh": "大小"},
    "bytes": {"en": "Bytes", "zh": "字节数"},
    "preset": {"en": "Preset", "zh": "预设"},
    "claim": {"en": "Official claim", "zh": "官方说法"},
    # The calculator's chart and notes.
    "chart_weights": {"en": "Weights", "zh": "权重"},
    "chart_kv_total": {"en": "KV cache", "zh": "KV 缓存"},
    "chart_training": {"en": "Training ({n} B/param)", "zh": "训练（每个参数 {n} 字节）"},
    "chart_title": {
        "en": "Memory of {model}: weights ({dtype}), KV cache ({context} tokens, batch {batch})"
        " and training state",
        "zh": "{model} 的显存：权重（{dtype}）、KV 缓存（{context} 个词元，批大小 {batch}）"
        "与训练状态",
    },
    "note_vision": {
        "en": "A vision-language model: the total includes the vision tower and projector ({n}),"
        " and so does the active count, whole, since every image token passes through all of it;"
        " the non-embedding count leaves out the tower's position table, as it does the text"
        " model's embeddings.",
        "zh": "这是视觉-语言模型：总参数量包含视觉编码器与投影层（{n}）；每个图像词元都要经过整个"
        "视觉编码器，因此激活参数量也把它整体计入；非嵌入参数量不计视觉编码器的位置嵌入，"
        "与不计文本模型的嵌入同理。",
    },
    "note_audio": {
        "en": "It also has an audio encoder: the total includes it and its projector ({n}), and so"
        " does the active count, whole, since every audio token passes through all of it.",
        "zh": "它还带有音频编码器：总参数量包含音频编码器与投影层（{n}）；每个音频词元都要经过整个"
        "音频编码器，因此激活参数量也把它整体计入。",
    },
    "note_encoder": {
        "en": "An encoder keeps no KV cache: it reads the whole input at once.",
        "zh": "编码器不保留 KV 缓存：它一次读入整段输入。",
    },
    "note_kinds": {
        "en": "Not every layer of {model} keeps every token. Its layers: {layers}. The KV cache"
        " is what each kind keeps, split in the rows below; charging every layer the whole"
        " context would give {naive}.",
        "zh": "{model} 并非每一层都保留全部词元。它的层：{layers}。KV 缓存是各类层所保留内容之和，"
        "下面各行分别列出；若每层都按整段上下文计算，会得到 {naive}。",
    },
    "note_too_long": {
        "en": "The context ({context} tokens) is longer than the {limit} tokens this model was"
        " trained for; the KV cache is computed for it all the same.",
        "zh": "上下文（{context} 个词元）超过了该模型训练时的 {limit} 个词元；"
        "KV 缓存仍按所填长度计算。",
    },
}
"""Wording of the command line's tables and the calculator's chart and notes."""

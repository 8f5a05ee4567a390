"""Bilingual text, in one shape: ``{"en": ..., "zh": ...}``.

Every piece of English/Chinese wording in llmsize (labels of the breakdown, the count
definitions, the rows of the CLI and the calculator, the reasons of presets) is a `Text`:
a mapping from language code to a string, which may hold ``str.format`` fields.
`say` picks the language and fills the fields. Nothing else in the library branches on the
language to choose words.
"""

from __future__ import annotations

from collections.abc import Mapping

from llmsize.errors import LLMSizeError

__all__ = ["LABELS", "LANGS", "Text", "check_lang", "say"]

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
    "token": {"en": "Token embedding", "zh": "词嵌入"},
    "position": {"en": "Position embedding", "zh": "位置嵌入"},
    "token_type": {"en": "Token-type embedding", "zh": "分段嵌入"},
    "norm": {"en": "Embedding norm", "zh": "嵌入归一化"},
    "layers": {"en": "Transformer layers", "zh": "Transformer 层"},
    "dense_layers": {"en": "Dense layers", "zh": "稠密层"},
    "moe_layers": {"en": "MoE layers", "zh": "MoE 层"},
    "attention": {"en": "Attention", "zh": "注意力"},
    "q": {"en": "Q projection", "zh": "Q 投影"},
    "k": {"en": "K projection", "zh": "K 投影"},
    "v": {"en": "V projection", "zh": "V 投影"},
    "o": {"en": "Output projection", "zh": "输出投影"},
    "qkv_bias": {"en": "Q/K/V biases", "zh": "Q/K/V 偏置"},
    "o_bias": {"en": "Output-projection bias", "zh": "输出投影偏置"},
    "qk_norm": {"en": "Q/K norms", "zh": "Q/K 归一化"},
    "q_down": {"en": "Q down-projection", "zh": "Q 降维投影"},
    "q_norm": {"en": "Q latent norm", "zh": "Q 潜向量归一化"},
    "q_up": {"en": "Q up-projection", "zh": "Q 升维投影"},
    "kv_down": {"en": "KV down-projection", "zh": "KV 降维投影"},
    "kv_norm": {"en": "KV latent norm", "zh": "KV 潜向量归一化"},
    "kv_up": {"en": "KV up-projection", "zh": "KV 升维投影"},
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
    # The count definitions (llmsize.count.Counts), worded once for the CLI, the calculator
    # and the site.
    "total": {"en": "Total parameters", "zh": "总参数量"},
    "active": {"en": "Active per token", "zh": "每个词元激活的参数量"},
    "non_embedding": {"en": "Non-embedding", "zh": "非嵌入参数量"},
    "stored": {"en": "Stored in the checkpoint", "zh": "权重文件中存储的参数量"},
    "checkpoint": {"en": "Checkpoint values incl. scales", "zh": "权重文件数值总数（含缩放因子）"},
}

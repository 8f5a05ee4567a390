"""One small reader module per model family, and the registry that maps ``model_type`` to it.

Each module reads one family's ``config.json`` the way transformers builds that model: a key
that is absent takes the family's default from transformers' own config class, and every error
names the key as the family's config writes it (``num_key_value_heads``, ``num_experts_per_tok``,
``n_routed_experts`` …), never an internal field. Adding a family is one module here (registered
with `llmsize.families._registry.reader`), one real config as a fixture and one oracle case.
"""

from __future__ import annotations

from llmsize.families import (  # noqa: F401  (each module registers its readers)
    bert,
    cohere2,
    deepseek,
    deepseek_v32,
    dots1,
    ernie4_5_moe,
    exaone4,
    falcon_h1,
    gemma,
    gemma3_vlm,
    gemma4,
    gemma4_vlm,
    glm,
    glm4_moe_lite,
    gpt2,
    gpt_oss,
    granite,
    hunyuan,
    jamba,
    kimi_k2,
    kimi_k25,
    lfm2,
    lfm2_vl,
    llama,
    llama4,
    llama4_vlm,
    llava,
    mamba2,
    minimax_m2,
    mistral3,
    mllama,
    nemotron_h,
    olmo,
    phi3,
    qwen,
    qwen3_5,
    qwen3_next,
    qwen_vl,
    smollm3,
)
from llmsize.families._registry import READERS, Reader

__all__ = ["READERS", "Reader"]

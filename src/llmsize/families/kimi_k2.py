"""Kimi K2 (``kimi_k2``): DeepSeek-V3's architecture under Moonshot's own ``model_type``.

Kimi-K2's ``config.json`` names ``DeepseekV3ForCausalLM`` and ships remote code that copies
DeepSeek-V3's classes; transformers has no ``kimi_k2`` type of its own. It is read as
``deepseek_v3`` (`llmsize.families.deepseek`): MLA, 384 routed experts and a shared one, the
stored router correction bias, the fp8 block release.
"""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.families._registry import reader
from llmsize.families.deepseek import read_v3
from llmsize.spec import Spec


@reader("kimi_k2")
def read(c: Keys, name: str) -> Spec:
    """Kimi K2 as DeepSeek-V3 (transformers' ``DeepseekV3ForCausalLM``)."""
    return read_v3(c, name)

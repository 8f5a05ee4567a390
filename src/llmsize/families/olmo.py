"""OLMo 2 and OLMo 3 (``olmo2``, ``olmo3``).

Both put each block's two norms after attention and after the MLP (``norm_placement="post"``)
and norm the whole query and key projections (``qk_norm_scope="projection"``). OLMo 3 adds
sliding-window attention: three sliding layers to one full by default, window 4096.
"""

from __future__ import annotations

from typing import Any

from llmsize._hfkeys import Keys
from llmsize.families._common import llama_like, mixers
from llmsize.families._registry import reader
from llmsize.spec import Spec

_DEFAULTS = {"max_position_embeddings": 2048}
_OLMO: dict[str, Any] = {"qk_norm": True, "qk_norm_scope": "projection", "norm_placement": "post"}


@reader("olmo2")
def read_olmo2(c: Keys, name: str) -> Spec:
    """OLMo 2: post-norms, q/k norms over the projections, full attention everywhere."""
    return llama_like(c, name, defaults=_DEFAULTS, **_OLMO)


@reader("olmo3")
def read_olmo3(c: Keys, name: str) -> Spec:
    """OLMo 3: OLMo 2's layout with sliding and full attention (``layer_types``)."""
    layers = mixers(c, window=4096, sliding_every=4)
    return llama_like(c, name, defaults=_DEFAULTS, mixers=layers, **_OLMO)

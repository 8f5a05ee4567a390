"""BERT (``bert``): the encoder with its pooler, as transformers' ``BertModel`` builds it."""

from __future__ import annotations

from llmsize._hfkeys import Keys
from llmsize.families._common import learned_positions
from llmsize.families._registry import reader
from llmsize.spec import Spec


@reader("bert")
def read(c: Keys, name: str) -> Spec:
    """BERT: learned positions and token types, an embedding LayerNorm, a pooler, no head."""
    return learned_positions(
        c,
        name,
        ("hidden_size", "num_attention_heads", "num_hidden_layers", "intermediate_size"),
        positions=("max_position_embeddings", 512),
        token_types=c.integer("type_vocab_size", 2, minimum=0),
        final_norm=False,
        embedding_norm=True,
        pooler=True,
        encoder=True,
    )

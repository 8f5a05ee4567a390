"""llmsize.vectors against the vectors a real forward pass creates (marker ``oracle``).

Each case builds transformers' own model from a small config (random weights, CPU), runs one
pass over a batch of token ids and records, kind by kind, the vectors the pass makes: module
hooks catch the embeddings, every layer's output, the query latents, the MLP and expert inputs of
each down projection, the router's scores and the logits; an attention function registered with
transformers records the queries, keys and values it is handed and the heads' outputs; the KV
cache left after the pass holds what outlives it. A tensor of shape ``(..., n)`` counts as
``prod(...)`` vectors of ``n`` numbers. Nothing here uses llmsize's formulas: llmsize only reads
the same config (``hfconfig.from_dict``) and must report the same table.
"""

from __future__ import annotations

import warnings
from collections import Counter
from typing import Any

import pytest

from llmsize.hfconfig import from_dict
from llmsize.vectors import vectors
from llmsize_oracle.cases import CASES

pytestmark = pytest.mark.oracle

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

BATCH, SEQUENCE = 2, 5

# Dense Llama with multi-head and grouped-query attention; DeepSeek-V3 (MLA + MoE) with and
# without a compressed query; BERT, an encoder (no cache, no output head).
FORWARD_CASES = [
    "llama-mha",
    "llama-gqa-bias",
    "deepseek-v3-small",
    "deepseek-v3-no-qlora",
    "bert-tiny-types",
]


class Recorder:
    """Vectors seen during one pass: kind -> count, and kind -> size (one size per kind)."""

    def __init__(self) -> None:
        self.count: Counter[str] = Counter()
        self.size: dict[str, int] = {}

    def add(self, kind: str, count: int, size: int) -> None:
        assert self.size.setdefault(kind, size) == size, f"{kind}: sizes {self.size[kind]}, {size}"
        self.count[kind] += count

    def tensor(self, kind: str, t: Any) -> None:
        """A tensor ``(..., n)``: ``prod(...)`` vectors of ``n`` numbers."""
        self.add(kind, t.numel() // t.shape[-1], t.shape[-1])

    def output(self, kind: str) -> Any:
        """A forward hook recording a module's output (the first element of a tuple)."""
        return lambda _m, _a, out: self.tensor(kind, out[0] if isinstance(out, tuple) else out)

    def input(self, kind: str) -> Any:
        """A forward pre-hook recording a module's first input."""
        return lambda _m, args: self.tensor(kind, args[0])


def _attention(rec: Recorder) -> str:
    """Register an attention function that records its inputs and output; return its name."""
    from transformers import AttentionInterface
    from transformers.integrations.sdpa_attention import sdpa_attention_forward

    def counting(module: Any, query: Any, key: Any, value: Any, mask: Any, **kw: Any) -> Any:
        for kind, t in (("queries", query), ("keys", key), ("values", value)):
            rec.tensor(kind, t)  # (batch, heads, tokens, head size)
        out, weights = sdpa_attention_forward(module, query, key, value, mask, **kw)
        rec.tensor("attention_outputs", out)  # (batch, tokens, heads, head size)
        return out, weights

    AttentionInterface.register("llmsize_counting", counting)
    return "llmsize_counting"


def _hook_decoder_layer(rec: Recorder, layer: Any) -> None:
    layer.register_forward_hook(rec.output("hidden_states"))
    attn = layer.self_attn
    if getattr(attn, "q_a_proj", None) is not None:
        attn.q_a_proj.register_forward_hook(rec.output("query_latents"))
    if getattr(attn, "kv_a_layernorm", None) is not None:
        attn.kv_a_layernorm.register_forward_hook(rec.output("kv_latents"))
    mlp = layer.mlp
    if not hasattr(mlp, "experts"):
        mlp.down_proj.register_forward_pre_hook(rec.input("mlp_hidden"))
        return
    mlp.gate.register_forward_hook(rec.output("router_logits"))
    mlp.shared_experts.down_proj.register_forward_pre_hook(rec.input("shared_expert_hidden"))

    def routed(experts: Any, args: Any) -> None:
        # (token, expert) pairs the router chose; each makes one vector of the expert's width.
        chosen = args[1]
        pairs = int((chosen < experts.num_experts).sum())
        rec.add("expert_hidden", pairs, experts.down_proj.shape[-1])

    mlp.experts.register_forward_pre_hook(routed)


def _hook_bert(rec: Recorder, model: Any) -> None:
    model.embeddings.register_forward_hook(rec.output("embeddings"))
    for layer in model.encoder.layer:
        layer.register_forward_hook(rec.output("hidden_states"))
        layer.intermediate.register_forward_hook(rec.output("mlp_hidden"))


def _cache(rec: Recorder, cache: Any, mla: bool) -> None:
    """What the cache keeps: keys and values, or MLA's latent and its rotary key."""
    for layer in cache.layers:
        if mla:  # transformers caches the normalised latent as keys, the rotary key as values
            rec.tensor("rope_keys", layer.values)
            tokens = layer.keys.numel() // layer.keys.shape[-1]
            rec.add("kv_cache.latents", tokens, layer.keys.shape[-1] + layer.values.shape[-1])
        else:
            rec.tensor("kv_cache.keys", layer.keys)
            rec.tensor("kv_cache.values", layer.values)


def forward_pass(config: dict[str, Any]) -> Recorder:
    """Run transformers' model of ``config`` once over ``BATCH x SEQUENCE`` tokens; record it."""
    transformers.logging.set_verbosity_error()
    rec = Recorder()
    ids = {"pad_token_id": None, "bos_token_id": None, "eos_token_id": None}
    cfg = transformers.AutoConfig.for_model(**{**ids, **config})
    cfg._attn_implementation = _attention(rec)
    bert = config["model_type"] == "bert"
    auto = transformers.AutoModel if bert else transformers.AutoModelForCausalLM
    torch.manual_seed(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = auto.from_config(cfg).eval()
    if bert:
        _hook_bert(rec, model)
    else:
        model.model.embed_tokens.register_forward_hook(rec.output("embeddings"))
        for layer in model.model.layers:
            _hook_decoder_layer(rec, layer)
        model.lm_head.register_forward_hook(rec.output("logits"))
    tokens = torch.randint(0, cfg.vocab_size, (BATCH, SEQUENCE))
    with torch.no_grad():
        out = model(tokens, use_cache=not bert)
    if not bert:
        _cache(rec, out.past_key_values, mla=config["model_type"] == "deepseek_v3")
    return rec


@pytest.mark.parametrize("case", FORWARD_CASES)
def test_vectors_match_a_forward_pass(case: str) -> None:
    config = CASES[case]
    seen = forward_pass(config)
    v = vectors(from_dict(config, where=case), BATCH * SEQUENCE)
    assert {k.key: (k.count, k.size) for k in v.kinds} == {
        kind: (seen.count[kind], seen.size[kind]) for kind in seen.count
    }
    # So the totals are what the pass made, the cache counted once (it holds vectors above).
    made = [k for k in seen.count if not k.startswith("kv_cache.")]
    assert v.total_vectors == sum(seen.count[k] for k in made)
    assert v.total_elements == sum(seen.count[k] * seen.size[k] for k in made)
    if config["model_type"] == "llama":
        assert seen.count["kv_cache.keys"] == seen.count["keys"]


def test_stream_is_what_output_hidden_states_returns() -> None:
    """``VectorCounts.stream``: transformers returns ``L + 1`` hidden states of ``T`` vectors."""
    config = CASES["llama-gqa-bias"]
    cfg = transformers.AutoConfig.for_model(**config)
    torch.manual_seed(0)
    model = transformers.AutoModelForCausalLM.from_config(cfg).eval()
    with torch.no_grad():
        out = model(torch.randint(0, cfg.vocab_size, (BATCH, SEQUENCE)), output_hidden_states=True)
    returned = sum(h.numel() // h.shape[-1] for h in out.hidden_states)
    assert vectors(from_dict(config, where="llama"), BATCH * SEQUENCE).stream == returned

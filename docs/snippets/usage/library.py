# Library examples for the "Using llmsize" page: each example is shown as code, then run, and
# what it printed is shown below it, so code and output can never drift apart.
# `LANG` in an example becomes the page's language ("en" or "zh"); a line marked `# pin:` runs
# but is not shown: it pins a figure to a source independent of llmsize.
import contextlib
import io

EXAMPLES = {
    "presets": """
from llmsize import counts, presets
from llmsize.text import say

spec = presets.load("llama-2-7b")
print(spec.name, spec.layers, spec.width, spec.heads, spec.kv_heads, spec.attention_kind)

c = counts(spec)
print(c.total, c.active, c.non_embedding, c.stored)
assert c.total == 6_738_415_616  # pin: the Hub's parameter count of meta-llama/Llama-2-7b-hf

claim = presets.get("llama-2-7b").claim("total")
print(claim.text, "|", say(claim.source, LANG))
print(say(claim.reason, LANG))

print(len(presets.ids()), "presets:", ", ".join(presets.ids()[:5]), "...")
""",
    "config": """
import json
import tempfile
from pathlib import Path

from llmsize import LLMSizeError, counts, fmt
from llmsize.hfconfig import from_dict, read_config

config = {  # the size keys of TinyLlama/TinyLlama_v1.1's config.json
    "model_type": "llama",
    "hidden_size": 2048,
    "intermediate_size": 5632,
    "num_hidden_layers": 22,
    "num_attention_heads": 32,
    "num_key_value_heads": 4,
    "vocab_size": 32000,
    "tie_word_embeddings": False,
}
spec = from_dict(config, name="TinyLlama-1.1B")
print(spec.attention_kind, spec.head_dim)  # head_dim is absent: llama's default, D // N
total = counts(spec).total
print(total, fmt.count(total, LANG))
assert total == 1_100_048_384  # pin: transformers' count; its safetensors say F32 1100048384

with tempfile.TemporaryDirectory() as tmp:
    path = Path(tmp, "TinyLlama_v1.1", "config.json")
    path.parent.mkdir()
    path.write_text(json.dumps(config))
    same = read_config(path)  # named after its folder, as the config has no _name_or_path
    print(same.name, counts(same).total == total)

try:
    from_dict({"model_type": "llama", "hidden_size": 2048})
except LLMSizeError as err:
    print(err)
""",
    "breakdown": """
from llmsize import counts, fmt, presets

c = counts(presets.load("deepseek-v3"))
tree = c.breakdown
assert c.total == 671_026_404_352  # pin: transformers' count of deepseek-ai/DeepSeek-V3

experts = tree.get("layers.moe_layers.moe.experts")
print(experts, fmt.percent(experts, c.total, LANG))
print(tree.get("layers.moe_layers.moe.shared_experts"), tree.get("no.such.part"))

moe_layers = tree.find("layers.moe_layers")
print(moe_layers.key, moe_layers.layers, moe_layers.params, moe_layers.per_layer)


def show(part, depth=0):
    for child in part.children:
        label = fmt.label(child.key, LANG)
        times = f" ×{child.layers}" if child.layers > 1 else ""
        amount = fmt.count(child.params, LANG)
        print("  " * depth + f"{label}{times}: {amount}")
        if depth < 1:
            show(child, depth + 1)


show(tree)
print(sum(leaf.params for leaf in tree.leaves()) == c.total)
""",
    "memory": """
from llmsize import counts, fmt, presets
from llmsize.memory import kv_cache_bytes, kv_cache_bytes_per_token, weights_bytes
from llmsize.training import training_bytes

spec = presets.load("llama-3.1-8b")
params = counts(spec).total
assert params == 8_030_261_248  # pin: the Hub's parameter count of meta-llama/Llama-3.1-8B

for dtype in ("bf16", "fp8", "int4", "q4_k"):
    print(dtype, fmt.bytes_both(weights_bytes(params, dtype), LANG))

per_token = kv_cache_bytes_per_token(spec, "bf16")
print(per_token, fmt.bytes_both(per_token, LANG))
kv = kv_cache_bytes(spec, context=spec.context_length, batch=1, dtype="bf16")
print(fmt.exact(spec.context_length, LANG), fmt.bytes_both(kv, LANG))
print(fmt.bytes_both(training_bytes(params, "16").total, LANG))
""",
    "fmt": """
from llmsize import counts, fmt, presets

c = counts(presets.load("llama-2-7b"))
n, emb = c.total, c.breakdown.get("embeddings.token")
size = 2 * n  # bytes in bf16
for lang in ("en", "zh"):
    print(fmt.count(n, lang), fmt.count_long(n, lang), fmt.exact(n, lang))
    print(fmt.bytes_(size, lang=lang), fmt.bytes_(size, "GiB", lang), fmt.bytes_both(size, lang))
    print(fmt.percent(emb, n, lang), fmt.times(n, emb, lang), fmt.label("experts", lang))
""",
    "spec": """
from dataclasses import replace

from llmsize import LLMSizeError, MoE, Spec, counts, fmt

gpt2 = Spec(
    name="GPT-2, by hand",
    layers=12,
    width=768,
    heads=12,
    kv_heads=12,
    head_dim=64,
    ffn=3072,
    vocab=50257,
    gated_ffn=False,
    tied_embeddings=True,
    max_positions=1024,
    qkv_bias=True,
    o_bias=True,
    mlp_bias=True,
    norm="layernorm",
)
print(counts(gpt2).total)
assert counts(gpt2).total == 124_439_808  # pin: transformers' count of openai-community/gpt2

untied = replace(gpt2, tied_embeddings=False)
print(counts(untied).total - counts(gpt2).total)  # one more V x D matrix

experts = replace(gpt2, moe=MoE(num_experts=8, experts_per_token=2, expert_ffn=3072))
c = counts(experts)
print(fmt.count(c.total, LANG), fmt.count(c.active, LANG))

try:
    replace(gpt2, kv_heads=5)
except LLMSizeError as err:
    print(err)
""",
}


def _code(name, lang):
    return EXAMPLES[name].strip("\n").replace("LANG", f'"{lang}"')


def example(name, lang):
    """Markdown: the example's code, then what running it printed."""
    code = _code(name, lang)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, f"<usage example {name}>", "exec"), {"__name__": "__example__"})
    shown = "\n".join(line for line in code.splitlines() if "# pin:" not in line)
    return f"```python\n{shown}\n```\n\n```text\n{out.getvalue().rstrip()}\n```"

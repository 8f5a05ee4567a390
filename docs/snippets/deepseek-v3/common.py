# "How 671B is reached": DeepSeek-V3 counted from its real config.json.
# A fence includes md.py, this file and the file of its tables, then prints e.g.
# config_table("zh"). Every table takes a language; the figures come from llmsize.
import llmsize_oracle
from llmsize import counts, presets

PRESET = presets.get("deepseek-v3")
CONFIG = PRESET.config
V3 = PRESET.spec
C = counts(V3)
TREE = C.breakdown
MOE = V3.moe
MLA = V3.mla
D, N, V = V3.width, V3.heads, V3.vocab

# Independent source 1, the architecture as DeepSeek-AI 2024 (arXiv:2412.19437) §4.2 describes
# it: 61 layers, hidden 7168, 128 heads of 128, KV compression 512, query compression 1536,
# decoupled RoPE 64; MoE from the fourth layer on, 1 shared + 256 routed experts of width 2048,
# 8 routed per token. The reader must see the same model in config.json.
assert (V3.layers, D, N, V3.dense_layer_count, V3.moe_layer_count) == (61, 7168, 128, 3, 58)
assert (MLA.q_lora_rank, MLA.kv_lora_rank, MLA.qk_rope_head_dim) == (1536, 512, 64)
assert (MLA.qk_nope_head_dim, MLA.v_head_dim) == (128, 128)
assert (MOE.num_experts, MOE.experts_per_token, MOE.num_shared_experts) == (256, 8, 1)
assert (MOE.expert_ffn, V3.ffn, V) == (2048, 18432, 129280)
# Independent source 2, transformers: its DeepseekV3ForCausalLM built from this config on the
# meta device has exactly this many parameters (recorded in llmsize_oracle's figures.json).
ORACLE = llmsize_oracle.record()
assert C.total == ORACLE["figures"]["preset:deepseek-v3"] == 671_026_404_352
# Independent source 3, the Hugging Face Hub: the safetensors metadata of deepseek-ai/DeepSeek-V3
# reports {"BF16": 3918786560, "F8_E4M3": 680571043840, "F32": 41555600}.
HUB = {"F8_E4M3": 680_571_043_840, "BF16": 3_918_786_560, "F32": 41_555_600}
HUB_TOTAL = 684_531_386_000
assert sum(HUB.values()) == HUB_TOTAL == C.checkpoint

EMB = TREE.get("embeddings.token")
HEAD = TREE.get("head")
DENSE = TREE.find("layers.dense_layers")
MOEL = TREE.find("layers.moe_layers")

# Memory page: what every fence of docs/memory.md and docs/memory.zh.md shares. A fence includes
# md.py, this file and the file of its topic (formats.py, units.py, kv.py, training.py), then
# prints one function of that file in its language, e.g. dtype_table("zh"). The figures come
# from llmsize (memory, dtypes, checkpoints, serving, training); these files only lay them out.
from llmsize import counts, dtypes, presets
from llmsize.text import say

deepseek_v3 = presets.load("deepseek-v3")
# transformers' count of DeepSeek-V3 built from its config (the llmsize_oracle package)
assert counts(deepseek_v3).total == 671_026_404_352

_DTYPE_NAMES = {
    "fp8_e4m3": {"en": "fp8 (e4m3)", "zh": "fp8（e4m3）"},
    "fp8_e5m2": {"en": "fp8 (e5m2)", "zh": "fp8（e5m2）"},
    "q8_0": {"en": "GGUF Q8_0", "zh": "GGUF Q8_0"},
    "q4_0": {"en": "GGUF Q4_0", "zh": "GGUF Q4_0"},
    "q4_k": {"en": "GGUF Q4_K", "zh": "GGUF Q4_K"},
    "fp8_block128": {
        "en": "fp8 with 128×128 block scales (DeepSeek-V3)",
        "zh": "fp8 加 128×128 分块缩放（DeepSeek-V3）",
    },
}
assert set(_DTYPE_NAMES) <= set(dtypes.DTYPES)


def dtype_name(key, lang):
    """How the page names a storage format (its key where that is already the usual name)."""
    return say(_DTYPE_NAMES[key], lang) if key in _DTYPE_NAMES else key

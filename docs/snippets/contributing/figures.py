# Contributing page: what a new preset can build on, read from the library itself, so the list
# is never out of date. A page includes md.py and this file, then prints model_types("zh").
from llmsize import counts, fmt, presets
from llmsize.hfconfig import SUPPORTED_MODEL_TYPES
from llmsize.text import say

_HEADER = {"en": "Bundled presets of that family", "zh": "该家族已有的预设"}
_NONE = {"en": "none yet: only the oracle's test configs", "zh": "暂无，只有 oracle 的测试配置"}


def model_types(lang):
    """Markdown table: every config.json family llmsize reads, with the presets that use it."""
    by_type = {t: [] for t in SUPPORTED_MODEL_TYPES}
    for preset_id in presets.ids():
        preset = presets.get(preset_id)
        total = fmt.count(counts(preset.spec).total, lang)
        by_type[preset.config["model_type"]].append(fmt.both(f"`{preset_id}`", total, lang))
    rows = [
        [f"`{model_type}`", listing(items, lang) or say(_NONE, lang)]
        for model_type, items in by_type.items()
    ]
    return table(["`model_type`", _HEADER], rows, lang=lang)

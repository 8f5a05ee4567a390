# The calculator page's file drop: a file field (and drop zone) whose safetensors files are
# measured from their headers in the reader's browser by llmsize.dropped.measure_files;
# docs/assets/calculator/files.js slices the first bytes of each file and fills the tables.
# Included after form.py (tag, escape, ROOT, _table); a page prints files_box("en").
from llmsize.dropped import LABELS as FILE_LABELS

FILES_UI = {
    "label": {
        "en": "Measure safetensors files (choose or drop them; a config.json beside them adds the"
        " architecture's count)",
        "zh": "测量 safetensors 文件（选择或拖入；同时放入 config.json 还会列出按架构算出的量）",
    },
    "hint": {
        "en": "Only the first bytes of each file, its header, are read, in this page; nothing is"
        " uploaded.",
        "zh": "只在本页读取每个文件开头的一小段，即文件头；不会上传任何内容。",
    },
    "reading": {"en": "Reading the headers…", "zh": "正在读取文件头……"},
    "dtype": {"en": "Dtype", "zh": "数据类型"},
    "tensors": {"en": "Tensors", "zh": "张量数"},
    "bytes": {"en": "Bytes", "zh": "字节数"},
    "figure": {"en": "Figure", "zh": "项目"},
    "exact": {"en": "Exact", "zh": "精确值"},
    "short": {"en": "Rounded", "zh": "约数"},
}


def files_box(lang):
    """The file field, its hint, status and error lines, the empty result tables, the script."""

    def t(key):
        return escape(say(FILES_UI[key], lang))

    field = tag(
        "input",
        type="file",
        id="calc-files-input",
        multiple=True,
        accept=".safetensors,.json",
        aria_describedby="calc-files-hint calc-files-error",
    )
    dtypes = _table(
        "calc-files-dtypes",
        [say(FILES_UI["dtype"], lang), say(FILES_UI["tensors"], lang)]
        + [say(FILE_LABELS["values"], lang), say(FILES_UI["bytes"], lang)],
        [False, True, True, True],
    )
    rows = _table(
        "calc-files-rows",
        [say(FILES_UI[k], lang) for k in ("figure", "exact", "short")],
        [False, True, True],
    )
    result = tag(
        "div", dtypes + rows + tag("ul", id="calc-files-check"), id="calc-files-result", hidden=True
    )
    box = tag(
        "div",
        tag("label", t("label"), for_="calc-files-input")
        + field
        + tag("p", t("hint"), id="calc-files-hint", class_="calc-hint")
        + tag("p", id="calc-files-status", role="status", hidden=True)
        + tag("p", id="calc-files-error", class_="calc-error", role="alert", hidden=True)
        + result,
        id="calc-files",
        class_="calc-field calc-wide",
        data_lang=lang,
        data_msg_reading=say(FILES_UI["reading"], lang),
    )
    script = tag("script", type="module", src=f"{ROOT[lang]}assets/calculator/files.js")
    return box + "\n" + script

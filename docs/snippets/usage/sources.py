# Model ids on the Using llmsize page: the settings llmsize reads, with the defaults taken from
# llmsize.hubs and llmsize.fetch, and the one line a model id that cannot be had gives.
# Included after usage/cli.py (it uses run and block) and md.py (table, DASH).
import os
import tempfile
from contextlib import contextmanager
from fractions import Fraction

from llmsize import fetch, fmt, hubs

_SECONDS = {"en": "{n} s", "zh": "{n} 秒"}
_HEADS = [
    {"en": "Variable", "zh": "环境变量"},
    {"en": "What it sets", "zh": "作用"},
    {"en": "Default", "zh": "默认值"},
]
_SETTINGS = [
    (
        "HF_ENDPOINT",
        {
            "en": "Where Hub ids are read from: the Hub, or a mirror of it",
            "zh": "从哪里读取 Hub 仓库名：Hub 本身，或它的镜像",
        },
        "hf_endpoint",
    ),
    (
        "HF_TOKEN",
        {
            "en": "Access token for a gated or private model (else the one `hf auth login` saved);"
            " sent to that endpoint only, never printed",
            "zh": "访问受限（gated）或私有模型所用的凭据（access token；未设置时用 `hf auth login` 保存的那个）；"
            "只发给上面那个地址，从不打印",
        },
        None,
    ),
    (
        "HF_HUB_OFFLINE",
        {
            "en": "`1`: read Hub ids from the cache only, without the network",
            "zh": "设为 `1` 时只从缓存读取 Hub 仓库名，不联网",
        },
        None,
    ),
    (
        "HF_HUB_CACHE",
        {
            "en": "huggingface_hub's cache (shared with transformers; `HF_HOME` moves it too)",
            "zh": "huggingface_hub 的缓存（与 transformers 共用；设置 `HF_HOME` 也会移动它）",
        },
        "~/.cache/huggingface/hub",
    ),
    (
        "MODELSCOPE_DOMAIN",
        {
            "en": "Where `modelscope:` ids are read from (a host name, as the modelscope client takes it)",
            "zh": "从哪里读取 `modelscope:` 模型名（主机名，与 modelscope 客户端的用法相同）",
        },
        "modelscope_endpoint",
    ),
    (
        "MODELSCOPE_CACHE",
        {"en": "The modelscope client's cache", "zh": "modelscope 客户端的缓存"},
        "~/.cache/modelscope/hub",
    ),
    (
        "LLMSIZE_TIMEOUT",
        {
            "en": "Seconds a read may take in all, retry included, before it fails",
            "zh": "一次读取（含重试）最多等待的秒数，超时即报错",
        },
        "timeout",
    ),
    (
        "HTTPS_PROXY",
        {"en": "A proxy, as for any Python program", "zh": "代理，与其他 Python 程序相同"},
        None,
    ),
]


def _default(kind, lang):
    """A setting's default, from the library where it keeps one."""
    if kind is None:
        return DASH
    if kind == "hf_endpoint":
        return f"`{hubs.HF_DEFAULT_ENDPOINT}`"
    if kind == "modelscope_endpoint":
        return f"`{hubs.MODELSCOPE_DEFAULT_ENDPOINT.split('://')[1]}`"
    if kind == "timeout":
        return say(_SECONDS, lang, n=fmt.decimal(Fraction(fetch.DEFAULT_TIMEOUT), lang))
    return f"`{kind}`"


def settings(lang):
    """The settings a model id is read with, as a Markdown table."""
    rows = [[f"`{name}`", say(what, lang), _default(kind, lang)] for name, what, kind in _SETTINGS]
    return table(_HEADS, rows, lang=lang)


@contextmanager
def _environment(**names):
    """The environment with ``names`` set, and an empty Hugging Face cache."""
    saved = dict(os.environ)
    with tempfile.TemporaryDirectory() as cache:
        os.environ.update(names, HF_HUB_CACHE=cache)
        try:
            yield
        finally:
            os.environ.clear()
            os.environ.update(saved)


def failure_with(variables, command):
    """``command`` run with environment ``variables`` (and nothing cached): its one line."""
    with _environment(**variables):
        out, err, status = run(command)
    assert status == 2 and not out and err.count("\n") == 1, (command, status, out, err)
    prefix = " ".join(f"{k}={v}" for k, v in variables.items())
    return status, err, block(f"$ {prefix} {command}\n{err}$ echo $?\n{status}")

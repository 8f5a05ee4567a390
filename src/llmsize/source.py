"""Turn what a user names into a `Spec`.

A preset id, a ``config.json`` path (or its folder), a Hub id ``org/name`` or a ModelScope id
``modelscope:org/name``; the two kinds of id are read by `llmsize.hubs`.
"""

from __future__ import annotations

import re
from pathlib import Path

from llmsize import presets
from llmsize.errors import LLMSizeError
from llmsize.hfconfig import read_config
from llmsize.spec import Spec

__all__ = ["MODELSCOPE_PREFIX", "resolve", "resolve_hub", "resolve_modelscope"]

MODELSCOPE_PREFIX = "modelscope:"

_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")


def resolve_hub(repo_id: str, revision: str | None = None) -> Spec:
    """Read ``config.json`` of a Hugging Face Hub model (from ``HF_ENDPOINT`` or the cache).

    See `llmsize.hubs.hub_config`: the standard library only, one short deadline
    (``LLMSIZE_TIMEOUT``), huggingface_hub's cache and ``HF_HUB_OFFLINE`` honoured.

    Args:
        repo_id: ``org/name``.
        revision: Branch, tag or commit; ``main`` when ``None``.

    Raises:
        LLMSizeError: One line saying what failed and what to do.
    """
    from llmsize import hubs  # urllib and ssl load only when a model id is read

    return hubs.hub_config(repo_id, revision or "main")


def resolve_modelscope(repo_id: str, revision: str | None = None) -> Spec:
    """Read ``config.json`` of a ModelScope model (from ``MODELSCOPE_DOMAIN`` or the cache).

    Args:
        repo_id: ``org/name`` on ModelScope (without the ``modelscope:`` prefix).
        revision: Branch or tag; ``master`` when ``None``.

    Raises:
        LLMSizeError: A malformed id, or one line saying what failed and what to do.
    """
    if not _HUB_ID.match(repo_id):
        raise LLMSizeError(f"a ModelScope id is modelscope:org/name, got 'modelscope:{repo_id}'")
    from llmsize import hubs

    return hubs.modelscope_config(repo_id, revision or "master")


def resolve(model: str) -> Spec:
    """A spec from a preset id, a ``config.json`` path (or its folder), a Hub or ModelScope id.

    Presets win over files of the same name; a string that is neither a preset nor an existing
    path is read from ModelScope if it reads ``modelscope:org/name``, and from the Hugging Face
    Hub (or the mirror ``HF_ENDPOINT`` names) if it reads ``org/name``.

    Raises:
        LLMSizeError: Nothing matches, or what matched is not a valid config.
    """
    if not isinstance(model, str) or not model.strip():
        raise LLMSizeError(
            f"model must be a preset id, a config.json path or a model id, got {model!r}"
        )
    if model.lower() in presets.ids():
        return presets.load(model)
    path = Path(model)
    if path.is_dir():
        path = path / "config.json"
        if not path.is_file():
            raise LLMSizeError(f"model {model!r}: folder has no config.json")
        return read_config(path)
    if path.exists() or model.endswith(".json"):
        return read_config(path)
    if model.startswith(MODELSCOPE_PREFIX):
        return resolve_modelscope(model[len(MODELSCOPE_PREFIX) :])
    if _HUB_ID.match(model):
        return resolve_hub(model)
    raise LLMSizeError(
        f"model {model!r} is not a preset (see 'llmsize presets'), a config.json path,"
        " a Hub id (org/name) or a ModelScope id (modelscope:org/name)"
    )

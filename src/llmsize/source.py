"""Turn what a user names (preset, ``config.json`` path, Hub id) into a `Spec`."""

from __future__ import annotations

import os
import re
from pathlib import Path

from llmsize import presets
from llmsize.errors import LLMSizeError
from llmsize.hfconfig import read_config
from llmsize.spec import Spec

__all__ = ["resolve", "resolve_hub"]

_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")


def resolve_hub(repo_id: str, revision: str | None = None) -> Spec:
    """Read ``config.json`` of a Hugging Face Hub model through ``huggingface_hub``.

    The download goes through huggingface_hub's cache, so ``HF_HOME``/``HF_HUB_CACHE`` and
    offline mode (``HF_HUB_OFFLINE=1``) are honoured; only the small config file is fetched.

    Args:
        repo_id: ``org/name``.
        revision: Branch, tag or commit; the default branch when ``None``.

    Raises:
        LLMSizeError: huggingface_hub is not installed, or the config cannot be had.
    """
    try:
        from huggingface_hub import hf_hub_download
    except ImportError:
        raise LLMSizeError(
            f"model {repo_id!r} looks like a Hub id; reading it needs huggingface_hub"
            " (pip install 'llmsize[hub]')"
        ) from None
    try:
        path = hf_hub_download(repo_id, "config.json", revision=revision)
    except Exception as err:  # huggingface_hub raises many kinds; report one line
        offline = " (offline mode: not in the local cache)" if _offline() else ""
        raise LLMSizeError(
            f"model {repo_id!r}: cannot get config.json from the Hub{offline}: {type(err).__name__}"
        ) from None
    return read_config(path, name=repo_id)


def _offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes", "on")


def resolve(model: str) -> Spec:
    """A spec from a preset id, a ``config.json`` path (or its folder), or a Hub id.

    Presets win over files of the same name; a string that is neither a preset nor an existing
    path but looks like ``org/name`` is read from the Hugging Face Hub.

    Raises:
        LLMSizeError: Nothing matches, or what matched is not a valid config.
    """
    if not isinstance(model, str) or not model.strip():
        raise LLMSizeError(
            f"model must be a preset id, a config.json path or a Hub id, got {model!r}"
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
    if _HUB_ID.match(model):
        return resolve_hub(model)
    raise LLMSizeError(
        f"model {model!r} is not a preset (see 'llmsize presets'), a config.json path"
        " or a Hub id (org/name)"
    )

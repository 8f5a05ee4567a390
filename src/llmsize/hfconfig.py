"""Read a Hugging Face ``config.json`` into a `Spec`.

Each supported ``model_type`` is read the way transformers builds that model: a key that is
absent takes the family's default from transformers' own config class (``head_dim`` falls back
to ``hidden_size // num_attention_heads``, ``num_key_value_heads`` to the query heads, an explicit
``q_lora_rank: null`` means no query compression, and so on). The size-defining keys
(``hidden_size``, ``num_hidden_layers``, ``num_attention_heads``, ``vocab_size`` and the FFN
width) must be present. Anything else wrong — malformed JSON, an unknown ``model_type``, a
missing or ill-typed key — raises `LLMSizeError` naming the key.

The family readers and their defaults live in ``llmsize.families`` (one module per family,
registered by ``model_type``), the checked access to each key in ``llmsize._hfkeys``; this
module holds the entry points.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from llmsize._hfkeys import MISSING, Keys
from llmsize.errors import LLMSizeError
from llmsize.families import READERS
from llmsize.spec import Spec

__all__ = ["SUPPORTED_MODEL_TYPES", "from_dict", "from_json", "read_config"]


def _wrap(where: str, build: Callable[[], Spec]) -> Spec:
    """Run ``build`` and turn a spec validation error into one that names the config."""
    try:
        return build()
    except LLMSizeError as err:
        message = str(err)
        if message.startswith(where):
            raise
        raise LLMSizeError(f"{where}: {message}") from None


SUPPORTED_MODEL_TYPES: tuple[str, ...] = tuple(sorted(READERS))
"""The ``model_type`` values llmsize reads."""


def from_dict(config: object, name: str | None = None, where: str = "config") -> Spec:
    """Build a `Spec` from a parsed ``config.json``.

    Args:
        config: The parsed JSON (must be an object).
        name: Display name; defaults to ``_name_or_path`` or the model type.
        where: How errors refer to this config (a file name, a preset id).

    Returns:
        The spec.

    Raises:
        LLMSizeError: Unknown ``model_type``, or a missing/ill-typed/inconsistent key.
    """
    if not isinstance(config, Mapping):
        raise LLMSizeError(f"{where}: expected a JSON object, got {type(config).__name__}")
    model_type = config.get("model_type", MISSING)
    if model_type is MISSING:
        raise LLMSizeError(f"{where}: key 'model_type' is missing")
    if not isinstance(model_type, str) or model_type not in READERS:
        supported = ", ".join(SUPPORTED_MODEL_TYPES)
        raise LLMSizeError(
            f"{where}: key 'model_type' {model_type!r} is not supported (supported: {supported})"
        )
    if name is None:
        raw = config.get("_name_or_path")
        name = raw if isinstance(raw, str) and raw else model_type
    reader = READERS[model_type]
    keys = Keys(config, where)
    return _wrap(where, lambda: reader(keys, name))


def _loads(text: str, where: str) -> object:
    """Parse JSON text; malformed input raises an error naming ``where``, line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise LLMSizeError(
            f"{where}: malformed JSON at line {err.lineno} column {err.colno}: {err.msg}"
        ) from None
    except RecursionError:
        raise LLMSizeError(f"{where}: malformed JSON (nested too deeply)") from None
    except ValueError as err:  # e.g. an integer longer than Python's digit limit
        raise LLMSizeError(f"{where}: malformed JSON: {err}") from None


def from_json(text: str, name: str | None = None, where: str = "config.json") -> Spec:
    """Build a `Spec` from the text of a ``config.json``.

    Parsing and its errors are those of `read_config`, without the file: this is what the
    site's in-browser calculator reads a pasted config with.

    Args:
        text: The JSON text.
        name: Display name; defaults to ``_name_or_path`` or the model type.
        where: How errors refer to this config.

    Returns:
        The spec.

    Raises:
        LLMSizeError: Malformed JSON, or a bad config (as `from_dict`).
    """
    if not isinstance(text, str):
        raise LLMSizeError(f"{where}: expected JSON text, got {type(text).__name__}")
    return from_dict(_loads(text, where), name=name, where=where)


def _read_bytes(path: str | Path) -> bytes:
    """The whole file, read through the bare file descriptor.

    A config is small: most of the time ``open().read()`` takes is spent setting up Python's
    file objects, which plain descriptor reads skip. Errors are the same ``OSError``s.
    """
    fd = os.open(path, os.O_RDONLY)
    try:
        chunks = [os.read(fd, _CHUNK)]
        while chunks[-1]:
            chunks.append(os.read(fd, _CHUNK))
    finally:
        os.close(fd)
    return b"".join(chunks)


_CHUNK = 1 << 20


def read_config(path: str | Path, name: str | None = None) -> Spec:
    """Read a ``config.json`` file.

    Args:
        path: File path.
        name: Display name; defaults to the config's ``_name_or_path``, else the folder name.

    Returns:
        The spec.

    Raises:
        LLMSizeError: Unreadable file, malformed JSON, or a bad config.
    """
    where = str(path)
    try:
        text = _read_bytes(path).decode("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) and err.strerror else type(err).__name__
        raise LLMSizeError(f"{where}: cannot read file ({reason})") from None
    data = _loads(text, where)
    if name is None and isinstance(data, Mapping) and not data.get("_name_or_path"):
        name = (path if isinstance(path, Path) else Path(path)).parent.name or None
    return from_dict(data, name=name, where=where)

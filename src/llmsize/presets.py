"""Bundled presets: real ``config.json`` files of well-known models with their official claims.

Each preset is a JSON file in ``llmsize/presets/`` holding the model's Hugging Face config (or, for
GPT-3, the paper's table expressed as a GPT-2-shaped config), where those numbers come from, and
the figures its authors quote (text, value, source and why it differs from the exact count), so
the site can put claim beside computed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from llmsize.errors import LLMSizeError, check_int
from llmsize.hfconfig import from_dict
from llmsize.spec import Spec
from llmsize.text import LANGS, Text

__all__ = ["Claim", "Preset", "get", "ids", "load"]

CLAIM_KINDS = ("total", "active", "non_embedding", "stored")


@dataclass(frozen=True)
class Claim:
    """An official figure as its source states it.

    Attributes:
        kind: Which count it claims: ``total``, ``active``, ``non_embedding`` or ``stored``.
        text: The figure as written (``"46.7B"``).
        value: The same figure as an integer.
        source: Where it is stated, in each language (`llmsize.text.Text`).
        reason: Why it differs from the exact count, in each language (`llmsize.text.Text`;
            read it with `llmsize.text.say`).
    """

    kind: str
    text: str
    value: int
    source: Text = field(hash=False)
    reason: Text = field(hash=False)


@dataclass(frozen=True)
class Preset:
    """A bundled model.

    Attributes:
        id: Lower-case preset name (``"llama-2-7b"``).
        name: Display name (``"Llama-2-7B"``).
        hf_id: Hugging Face repository the config comes from, or ``None``.
        config_source: Where the config's numbers come from.
        config: The config mapping.
        claims: Official figures.
    """

    id: str
    name: str
    hf_id: str | None
    config_source: str
    config: dict[str, Any]
    claims: tuple[Claim, ...]

    @property
    def spec(self) -> Spec:
        """The architecture read from the config."""
        return from_dict(self.config, name=self.name, where=f"preset {self.id}")

    def claim(self, kind: str) -> Claim | None:
        """The first claim of ``kind``, or ``None``."""
        return next((c for c in self.claims if c.kind == kind), None)


def _package_files() -> dict[str, str]:
    folder = resources.files("llmsize").joinpath("presets")
    return {
        entry.name[: -len(".json")]: entry.read_text(encoding="utf-8")
        for entry in folder.iterdir()
        if entry.name.endswith(".json")
    }


def _text(where: str, name: str, raw: object) -> Text:
    """A claim's bilingual ``name`` field: an object with a string for each of `LANGS`."""
    if not isinstance(raw, dict) or not all(isinstance(raw.get(lang), str) for lang in LANGS):
        raise LLMSizeError(f"{where} {name} must be an object with en and zh strings, got {raw!r}")
    return {lang: raw[lang] for lang in LANGS}


def _claim(preset_id: str, raw: Any) -> Claim:
    where = f"preset {preset_id}: claim"
    if not isinstance(raw, dict):
        raise LLMSizeError(f"{where} must be an object, got {raw!r}")
    reason, source = (_text(where, name, raw.get(name)) for name in ("reason", "source"))
    kind = raw.get("kind")
    if kind not in CLAIM_KINDS:
        raise LLMSizeError(f"{where} kind must be one of {', '.join(CLAIM_KINDS)}, got {kind!r}")
    value = check_int(f"{where} value", raw.get("value"), minimum=None)
    return Claim(
        kind=kind,
        text=str(raw.get("text", "")),
        value=value,
        source=source,
        reason=reason,
    )


@cache
def _all() -> dict[str, Preset]:
    out = {}
    for preset_id, text in sorted(_package_files().items()):
        raw = json.loads(text)
        out[preset_id] = Preset(
            id=preset_id,
            name=raw.get("name", preset_id),
            hf_id=raw.get("hf_id"),
            config_source=raw.get("config_source", ""),
            config=raw["config"],
            claims=tuple(_claim(preset_id, c) for c in raw.get("claims", ())),
        )
    return out


def ids() -> list[str]:
    """All preset ids, sorted."""
    return list(_all())


def get(preset_id: str) -> Preset:
    """The preset named ``preset_id``.

    Raises:
        LLMSizeError: No such preset (the message lists the known ones).
    """
    presets = _all()
    try:
        return presets[preset_id.lower()]
    except KeyError:
        raise LLMSizeError(f"unknown preset {preset_id!r} (known: {', '.join(presets)})") from None


def load(preset_id: str) -> Spec:
    """The `Spec` of preset ``preset_id``."""
    return get(preset_id).spec

"""Where a model id's ``config.json`` lives: the Hugging Face Hub (or a mirror) and ModelScope.

Both are read with the standard library (`llmsize.fetch`), under one short deadline, and kept
in the cache each site's own client uses, so that the next read, or a read with no network,
finds them there:

- the Hub: ``HF_ENDPOINT`` (a mirror such as ``https://hf-mirror.com``), ``HF_TOKEN`` (or the
  token ``hf auth login`` saved), ``HF_HUB_OFFLINE``, and the cache under ``HF_HUB_CACHE`` /
  ``HF_HOME`` in huggingface_hub's layout (``models--org--name/snapshots/<commit>/``);
- ModelScope: ``MODELSCOPE_DOMAIN`` (its own setting: a host name, or a full ``http(s)://`` URL)
  and the cache under ``MODELSCOPE_CACHE`` in the modelscope client's layout
  (``models/org/name/``), through its documented file API
  (``/api/v1/models/{id}/repo?Revision=...&FilePath=config.json``).

A fetch that fails while a cached copy exists reads the cached copy, as huggingface_hub does.
Anything else that fails is an `LLMSizeError` of one line: what failed, and what to do.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from llmsize import fetch
from llmsize.errors import LLMSizeError
from llmsize.hfconfig import from_json, read_config
from llmsize.spec import Spec

__all__ = [
    "HF_DEFAULT_ENDPOINT",
    "HF_MIRROR_EXAMPLE",
    "MODELSCOPE_DEFAULT_ENDPOINT",
    "hf_cache_dir",
    "hf_endpoint",
    "hub_config",
    "modelscope_cache_dir",
    "modelscope_config",
    "modelscope_endpoint",
]

HF_DEFAULT_ENDPOINT = "https://huggingface.co"
HF_MIRROR_EXAMPLE = "https://hf-mirror.com"
MODELSCOPE_DEFAULT_ENDPOINT = "https://www.modelscope.cn"
_COMMIT = re.compile(r"^[0-9a-f]{40}$")
_TRUE = ("1", "true", "yes", "on")


# --- the Hub's settings, as huggingface_hub reads them ------------------------------------


def hf_endpoint() -> str:
    """``HF_ENDPOINT`` without a trailing slash, else ``https://huggingface.co``.

    Raises:
        LLMSizeError: ``HF_ENDPOINT`` is not an ``http(s)://`` URL.
    """
    endpoint = (os.environ.get("HF_ENDPOINT", "").strip() or HF_DEFAULT_ENDPOINT).rstrip("/")
    if not endpoint.startswith(("https://", "http://")):
        raise LLMSizeError(
            f"HF_ENDPOINT must be a URL such as {HF_MIRROR_EXAMPLE}, got {endpoint!r}"
        )
    return endpoint


def _hf_home() -> Path:
    home = os.environ.get("HF_HOME")
    if home:
        return Path(home).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(xdg).expanduser() / "huggingface"


def hf_cache_dir() -> Path:
    """``HF_HUB_CACHE`` (or the older ``HUGGINGFACE_HUB_CACHE``), else ``$HF_HOME/hub``."""
    cache = os.environ.get("HF_HUB_CACHE") or os.environ.get("HUGGINGFACE_HUB_CACHE")
    return Path(cache).expanduser() if cache else _hf_home() / "hub"


def _hf_token() -> str | None:
    """``HF_TOKEN``, else the token file ``hf auth login`` writes; never printed."""
    token = os.environ.get("HF_TOKEN") or os.environ.get("HUGGING_FACE_HUB_TOKEN")
    if token:
        return token.strip() or None
    path = os.environ.get("HF_TOKEN_PATH") or _hf_home() / "token"
    try:
        return Path(path).expanduser().read_text(encoding="utf-8").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def _hf_offline() -> bool:
    flag = os.environ.get("HF_HUB_OFFLINE") or os.environ.get("TRANSFORMERS_OFFLINE") or ""
    return flag.strip().lower() in _TRUE


def _hf_repo_dir(repo_id: str) -> Path:
    return hf_cache_dir() / ("models--" + repo_id.replace("/", "--"))


def _hf_cached(repo_id: str, revision: str) -> Path | None:
    """The cached ``config.json`` of ``revision`` (a branch, tag or commit), if any."""
    repo = _hf_repo_dir(repo_id)
    commit = revision
    if not _COMMIT.match(revision):
        try:
            commit = (repo / "refs" / revision).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return None
    path = repo / "snapshots" / commit / "config.json"
    return path if path.is_file() else None


def _hf_store(repo_id: str, revision: str, answer: fetch.Response) -> None:
    """Keep a fetched config where huggingface_hub looks for it (needs the commit header)."""
    commit = answer.headers.get("x-repo-commit", "").strip()
    if not _COMMIT.match(commit):
        return
    repo = _hf_repo_dir(repo_id)
    _write(repo / "snapshots" / commit / "config.json", answer.body)
    if revision != commit:
        _write(repo / "refs" / revision, commit.encode())


# --- ModelScope's settings, as the modelscope client reads them ---------------------------


def modelscope_endpoint() -> str:
    """``https://`` + ``MODELSCOPE_DOMAIN`` (a full URL is taken as it is), else the default."""
    domain = os.environ.get("MODELSCOPE_DOMAIN", "").strip().rstrip("/")
    if not domain:
        return MODELSCOPE_DEFAULT_ENDPOINT
    return domain if "://" in domain else "https://" + domain


def modelscope_cache_dir(repo_id: str) -> Path:
    """The folder the modelscope client keeps ``repo_id`` in.

    ``$MODELSCOPE_CACHE/models/org/name`` (``MODELSCOPE_CACHE`` defaulting to
    ``~/.cache/modelscope/hub``), with the dots of the name written ``___`` as it does.
    """
    root = os.environ.get("MODELSCOPE_CACHE") or Path.home() / ".cache" / "modelscope" / "hub"
    org, name = repo_id.split("/", 1)
    return Path(root).expanduser() / "models" / org / name.replace(".", "___")


# --- shared -------------------------------------------------------------------------------


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` atomically; a cache that cannot be written is skipped silently."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".llmsize-")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except OSError:
        return


@dataclass(frozen=True)
class _Site:
    """How to name one site in a message, and what a user can do when it fails."""

    typed: str  # the id as the user wrote it
    endpoint: str
    elsewhere: str  # other ways to get the config, for network failures
    denied: str  # what to do on 401/403
    missing: str  # what to do on 404


def _hub_site(repo_id: str, token: bool) -> _Site:
    mirror = "" if os.environ.get("HF_ENDPOINT") else f" (e.g. HF_ENDPOINT={HF_MIRROR_EXAMPLE})"
    denied = (
        "the token sent (HF_TOKEN) has no access to it: accept its licence on the model page"
        if token
        else "accept its licence on the model page, then set HF_TOKEN to an access token"
        " (or run 'hf auth login')"
    )
    return _Site(
        repo_id,
        hf_endpoint(),
        f"set HF_ENDPOINT to a mirror{mirror}, try modelscope:{repo_id},"
        " or pass a local config.json path",
        denied + ", or pass a local config.json path",
        "check the id (a private model needs HF_TOKEN), or pass a local config.json path",
    )


def _modelscope_site(repo_id: str) -> _Site:
    return _Site(
        f"modelscope:{repo_id}",
        modelscope_endpoint(),
        f"set MODELSCOPE_DOMAIN to another ModelScope site, try the Hub id {repo_id},"
        " or pass a local config.json path",
        "accept its licence on the model page, download config.json with the modelscope client"
        f" (modelscope download --model {repo_id} config.json) and pass its path",
        "check the id (ModelScope's can differ from the Hub's), or pass a local config.json path",
    )


def _explain(site: _Site, err: fetch.FetchError) -> LLMSizeError:
    """The one line for a failed fetch: what failed and what to do."""
    where, head = site.endpoint, f"model {site.typed!r}"
    if err.kind != "http":
        wait = "; LLMSIZE_TIMEOUT sets the wait" if err.kind == "timeout" else ""
        reason = f"cannot reach {where} ({err.detail}{wait})"
        return LLMSizeError(f"{head}: {reason} and no copy is cached; {site.elsewhere}")
    status = err.detail + (f", {err.code}" if err.code else "")
    if err.code == "GatedRepo" or (err.status in (401, 403) and err.code != "RepoNotFound"):
        return LLMSizeError(f"{head} is gated or private on {where} ({status}): {site.denied}")
    if err.status in (401, 404) or err.code.endswith("NotFound"):
        return LLMSizeError(
            f"{head}: not found on {where} ({status}): no such model, revision or config.json;"
            f" {site.missing}"
        )
    return LLMSizeError(f"{head}: {where} answered {status}; try again later, {site.elsewhere}")


def _text(answer: fetch.Response) -> str:
    try:
        return answer.body.decode("utf-8")
    except UnicodeDecodeError:
        raise LLMSizeError(f"{answer.url}: config.json is not UTF-8 text") from None


# --- reading a config ---------------------------------------------------------------------


def hub_config(repo_id: str, revision: str = "main") -> Spec:
    """Read ``config.json`` of a Hub model from ``HF_ENDPOINT``, or from the cache.

    Args:
        repo_id: ``org/name``.
        revision: Branch, tag or commit.

    Returns:
        The spec, named ``repo_id``.

    Raises:
        LLMSizeError: One line: offline and not cached, no network, timeout, gated (401/403),
            not found (404), or a bad config (naming the key, as for a file).
    """
    cached = _hf_cached(repo_id, revision)
    token = _hf_token()
    site = _hub_site(repo_id, token is not None)
    if _hf_offline():
        if cached is not None:
            return read_config(cached, name=repo_id)
        raise LLMSizeError(
            f"model {repo_id!r}: HF_HUB_OFFLINE is set and it is not in the Hugging Face cache"
            " (HF_HUB_CACHE); unset HF_HUB_OFFLINE to download it (HF_ENDPOINT for a mirror),"
            " or pass a local config.json path"
        )
    quoted = urllib.parse.quote(revision, safe="")
    url = f"{site.endpoint}/{repo_id}/resolve/{quoted}/config.json"
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        answer = fetch.get(url, headers)
    except fetch.FetchError as err:
        if cached is not None:
            return read_config(cached, name=repo_id)
        raise _explain(site, err) from None
    spec = from_json(_text(answer), name=repo_id, where=url)
    _hf_store(repo_id, revision, answer)
    return spec


def modelscope_config(repo_id: str, revision: str = "master") -> Spec:
    """Read ``config.json`` of a ModelScope model through its file API, or from its cache.

    Args:
        repo_id: ``org/name`` on ModelScope.
        revision: Branch or tag (ModelScope's default branch is ``master``).

    Returns:
        The spec, named ``repo_id``.

    Raises:
        LLMSizeError: One line, as `hub_config`.
    """
    site = _modelscope_site(repo_id)
    cached = modelscope_cache_dir(repo_id) / "config.json"
    query = urllib.parse.urlencode({"Revision": revision, "FilePath": "config.json"})
    url = f"{site.endpoint}/api/v1/models/{repo_id}/repo?{query}"
    try:
        answer = fetch.get(url)
    except fetch.FetchError as err:
        if cached.is_file():
            return read_config(cached, name=repo_id)
        raise _explain(site, err) from None
    text = _text(answer)
    _refusal(text, site)
    spec = from_json(text, name=repo_id, where=url)
    _write(cached, answer.body)
    return spec


def _refusal(text: str, site: _Site) -> None:
    """ModelScope's API may answer 200 with ``{"Success": false, "Message": ...}``."""
    if '"Success"' not in text:
        return
    try:
        data = json.loads(text)
    except ValueError:
        return
    if isinstance(data, dict) and data.get("Success") is False and "model_type" not in data:
        message = " ".join(str(data.get("Message", "")).split())[:200] or "no message"
        raise LLMSizeError(
            f"model {site.typed!r}: {site.endpoint} answered {message!r};"
            " check the id, or pass a local config.json path"
        )

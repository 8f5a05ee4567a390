"""Safetensors headers of a Hub model, read with HTTP range requests: no weight byte is fetched.

For ``org/name`` the files are found through ``model.safetensors.index.json`` (or, without
one, the single ``model.safetensors``), then each file's header is read with two range
requests: its first 8 bytes (the header's length ``N``), then bytes ``8`` to ``8 + N - 1``. A
length above `llmsize.safetensors.HEADER_LIMIT` is refused before the second request. The
requests go through `llmsize.fetch` (standard library, ``LLMSIZE_TIMEOUT``) to ``HF_ENDPOINT``
with the token ``hf auth login`` saved or ``HF_TOKEN``, as `llmsize.hubs` reads configs; a few
files are read at once.
"""

from __future__ import annotations

import re
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

from llmsize import fetch, hubs
from llmsize.errors import LLMSizeError
from llmsize.safetensors import INDEX_NAME, Header, check_index, header_length, parse_header
from llmsize.safetensors import parse_index as _parse_index

__all__ = ["SINGLE_NAME", "WORKERS", "hub_headers"]

SINGLE_NAME = "model.safetensors"
"""The one file of an unsharded checkpoint."""

WORKERS = 8
"""Files whose headers are read at once."""

_TOTAL = re.compile(r"/\s*(\d+)\s*$")


def _url(repo_id: str, revision: str, file: str) -> str:
    quoted = urllib.parse.quote(revision, safe="")
    return f"{hubs.hf_endpoint()}/{repo_id}/resolve/{quoted}/{urllib.parse.quote(file)}"


def _headers(
    token: str | None, first: int | None = None, last: int | None = None
) -> dict[str, str]:
    out = {"Authorization": f"Bearer {token}"} if token else {}
    if first is not None:
        out["Range"] = f"bytes={first}-{last}"
    return out


def _range(url: str, token: str | None, first: int, last: int, where: str) -> fetch.Response:
    """Bytes ``first..last`` of ``url``; a server that sends more is an error, not a download."""
    answer = fetch.get(url, _headers(token, first, last))
    if len(answer.body) != last - first + 1:
        raise LLMSizeError(
            f"{where}: the server answered a range request for {last - first + 1} bytes with"
            f" {len(answer.body)}; it does not serve byte ranges, so no header was read"
        )
    return answer


def _file_header(repo_id: str, revision: str, file: str, token: str | None) -> Header:
    url = _url(repo_id, revision, file)
    first = _range(url, token, 0, 7, file)
    match = _TOTAL.search(first.headers.get("content-range", ""))
    size = int(match.group(1)) if match else None
    n = header_length(first.body, file, size)
    if n > fetch._LIMIT:
        raise LLMSizeError(
            f"{file}: header of {n} bytes, more than the {fetch._LIMIT} llmsize fetches;"
            " download the file and pass its folder"
        )
    body = _range(url, token, 8, 8 + n - 1, file).body
    return parse_header(body, file, size, length=n)


def _files(
    repo_id: str, revision: str, token: str | None
) -> tuple[list[str], dict[str, str] | None]:
    """The checkpoint's files and its weight map (``None`` for a single file)."""
    site = hubs._hub_site(repo_id, token is not None)
    try:
        answer = fetch.get(_url(repo_id, revision, INDEX_NAME), _headers(token))
    except fetch.FetchError as err:
        if err.status != 404:
            raise hubs._explain(site, err) from None
        return [SINGLE_NAME], None
    weight_map = _parse_index(answer.body, f"{repo_id}/{INDEX_NAME}")
    return sorted(set(weight_map.values())), weight_map


def hub_headers(repo_id: str, revision: str = "main") -> list[Header]:
    """The safetensors headers of every file of a Hub model, by range requests.

    Args:
        repo_id: ``org/name``.
        revision: Branch, tag or commit.

    Returns:
        One `Header` per file, in file-name order.

    Raises:
        LLMSizeError: One line: offline, no network, gated, no safetensors files, a server
            that ignores ranges, or a bad header (naming the file).
    """
    if hubs._hf_offline():
        raise LLMSizeError(
            f"model {repo_id!r}: HF_HUB_OFFLINE is set; reading safetensors headers needs the"
            " network (or pass the local folder of the files)"
        )
    token = hubs._hf_token()
    site = hubs._hub_site(repo_id, token is not None)
    files, weight_map = _files(repo_id, revision, token)

    def one(file: str) -> Header:
        return _file_header(repo_id, revision, file, token)

    try:
        with ThreadPoolExecutor(max_workers=min(WORKERS, len(files))) as pool:
            headers = list(pool.map(one, files))
    except fetch.FetchError as err:
        if err.status == 404 and weight_map is None:
            raise LLMSizeError(
                f"model {repo_id!r}: no {INDEX_NAME} and no {SINGLE_NAME} on {site.endpoint};"
                " it may have no safetensors files"
            ) from None
        raise hubs._explain(site, err) from None
    if weight_map is not None:
        check_index(weight_map, headers, f"{repo_id}/{INDEX_NAME}")
    return headers

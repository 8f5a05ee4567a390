"""One small file over HTTP(S), with a hard deadline and no chatter.

The standard library's ``urllib`` does the request (so ``HTTPS_PROXY``/``NO_PROXY`` are honoured
as usual). The whole fetch, name resolution included, runs under one deadline; a failure is a
`FetchError` that says what kind it was, so a caller can write one line that tells the user what
to do. Nothing is logged and nothing is printed.
"""

from __future__ import annotations

import http.client
import os
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field

from llmsize.errors import LLMSizeError

__all__ = ["DEFAULT_TIMEOUT", "FetchError", "Response", "get", "timeout_from_env"]

DEFAULT_TIMEOUT = 4.0
"""Seconds one fetch may take in all, retry included, unless ``LLMSIZE_TIMEOUT`` says otherwise."""

_LIMIT = 16 << 20
"""The largest body read: a config.json is a few kilobytes."""

_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_RETRY_PAUSE = 0.25


@dataclass(frozen=True)
class Response:
    """A successful answer: the body, the final URL and the headers (lower-cased names)."""

    body: bytes
    url: str
    headers: Mapping[str, str] = field(default_factory=dict)


class FetchError(Exception):
    """A fetch that failed.

    Attributes:
        kind: ``"dns"``, ``"refused"``, ``"timeout"``, ``"network"``, ``"tls"``, ``"http"`` or
            ``"too-large"``.
        detail: A short human reason (``"host name not resolved"``, ``"HTTP 404"``).
        status: The HTTP status for ``kind == "http"``, else 0.
        code: The server's ``X-Error-Code`` header, if any (the Hub sends ``GatedRepo``,
            ``RepoNotFound``, ``EntryNotFound``, ``RevisionNotFound``).
    """

    def __init__(self, kind: str, detail: str, status: int = 0, code: str = "") -> None:
        super().__init__(detail)
        self.kind, self.detail, self.status, self.code = kind, detail, status, code


def timeout_from_env() -> float:
    """The deadline in seconds: ``LLMSIZE_TIMEOUT`` if set, else `DEFAULT_TIMEOUT`.

    Raises:
        LLMSizeError: ``LLMSIZE_TIMEOUT`` is not a positive number.
    """
    raw = os.environ.get("LLMSIZE_TIMEOUT", "").strip()
    if not raw:
        return DEFAULT_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value < 1e6:
        raise LLMSizeError(f"LLMSIZE_TIMEOUT must be a positive number of seconds, got {raw!r}")
    return value


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects, but drop the ``Authorization`` header when the host changes."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: object,
        code: int,
        msg: str,
        headers: object,
        newurl: str,
    ) -> urllib.request.Request | None:
        new = super().redirect_request(req, fp, code, msg, headers, newurl)  # type: ignore[arg-type]
        if new is not None and urllib.parse.urlsplit(newurl).netloc != req.host:
            new.remove_header("Authorization")
        return new


_OPENER = urllib.request.build_opener(_SameHostRedirects)


def _classify(err: BaseException, timeout: float) -> FetchError:
    """What went wrong, in one of `FetchError`'s kinds."""
    if isinstance(err, urllib.error.HTTPError):
        code = err.headers.get("X-Error-Code", "") if err.headers else ""
        return FetchError("http", f"HTTP {err.code}", err.code, code)
    reason = err.reason if isinstance(err, urllib.error.URLError) else err
    if isinstance(reason, socket.gaierror):
        return FetchError("dns", "host name not resolved: no network or DNS")
    if isinstance(reason, TimeoutError | socket.timeout):
        return FetchError("timeout", f"no answer within {timeout:g} s")
    if isinstance(reason, ConnectionRefusedError):
        return FetchError("refused", "connection refused")
    if isinstance(reason, ssl.SSLError):
        return FetchError("tls", f"TLS error ({reason.reason or type(reason).__name__})")
    if isinstance(reason, http.client.HTTPException | ConnectionError):
        return FetchError("network", f"connection dropped ({type(reason).__name__})")
    text = reason.strerror if isinstance(reason, OSError) and reason.strerror else str(reason)
    return FetchError("network", text or type(reason).__name__)


def _once(url: str, headers: Mapping[str, str], wait: float, total: float) -> Response:
    """One request that may take ``wait`` seconds per socket operation; raises `FetchError`."""
    request = urllib.request.Request(url, headers=dict(headers))
    try:
        with _OPENER.open(request, timeout=wait) as answer:
            body = answer.read(_LIMIT + 1)
            if len(body) > _LIMIT:
                raise FetchError("too-large", f"answer larger than {_LIMIT} bytes")
            names = {k.lower(): v for k, v in answer.headers.items()}
            return Response(body, answer.geturl(), names)
    except FetchError:
        raise
    except urllib.error.HTTPError as err:
        err.close()  # the error holds the open response
        raise _classify(err, total) from None
    except (OSError, http.client.HTTPException, ValueError) as err:
        raise _classify(err, total) from None


def _attempts(url: str, headers: Mapping[str, str], deadline: float, timeout: float) -> Response:
    """A request, retried once (quietly) on a dropped connection, 429 or 5xx, in time."""
    retried = False
    while True:
        try:
            return _once(url, headers, max(deadline - time.monotonic(), 0.05), timeout)
        except FetchError as err:
            retry = err.kind == "network" or err.status in _RETRY_STATUS
            if retried or not retry or deadline - time.monotonic() < timeout / 2:
                raise
        retried = True
        time.sleep(_RETRY_PAUSE)


def get(
    url: str, headers: Mapping[str, str] | None = None, timeout: float | None = None
) -> Response:
    """GET ``url`` and return its body, all within ``timeout`` seconds.

    The request runs in a daemon thread, so even a name lookup that hangs cannot hold the
    caller past the deadline. A dropped connection, 429 or 5xx is retried once if at least half
    the time is left; nothing else is retried.

    Args:
        url: An ``http://`` or ``https://`` URL.
        headers: Request headers (an ``Authorization`` header is dropped on a redirect to
            another host).
        timeout: Seconds in all; `timeout_from_env` when ``None``.

    Returns:
        The `Response`.

    Raises:
        FetchError: No answer in time, no network, or an HTTP error status.
        LLMSizeError: ``LLMSIZE_TIMEOUT`` is malformed.
    """
    seconds = timeout_from_env() if timeout is None else timeout
    deadline = time.monotonic() + seconds
    result: list[Response | FetchError] = []

    def work() -> None:
        try:
            result.append(_attempts(url, headers or {}, deadline, seconds))
        except FetchError as err:
            result.append(err)
        except Exception as err:  # anything urllib lets through still becomes one line
            result.append(FetchError("network", type(err).__name__))

    thread = threading.Thread(target=work, name="llmsize-fetch", daemon=True)
    thread.start()
    thread.join(seconds + 0.1)
    if not result:
        raise FetchError("timeout", f"no answer within {seconds:g} s")
    outcome = result[0]
    if isinstance(outcome, FetchError):
        raise outcome
    return outcome

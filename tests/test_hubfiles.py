"""Safetensors headers read from a Hub stand-in on 127.0.0.1 by range requests, offline.

The stand-in serves real files (written by the safetensors package) under ``/org/name/resolve``
and honours ``Range: bytes=a-b`` with 206 answers, recording every request and every byte sent,
so the tests can prove that no byte past a header was asked for or sent.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from llmsize.cli import main
from llmsize.errors import LLMSizeError
from llmsize.headers import measure
from llmsize.hubfiles import hub_headers
from llmsize_oracle.layouts import LAYOUTS, header
from tests.test_safetensors import TINY, llama_tensors, numel

torch = pytest.importorskip("torch")
st = pytest.importorskip("safetensors.torch")

_RANGE = re.compile(r"bytes=(\d+)-(\d+)$")


@dataclass
class Hub:
    url: str
    files: dict[str, bytes]  # path -> content
    requests: list[tuple[str, str | None]] = field(default_factory=list)  # (path, Range)
    sent: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # path -> spans sent
    honour_ranges: bool = True
    sizes: dict[str, int] = field(default_factory=dict)  # path -> size a header-only file claims


@pytest.fixture
def hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Hub]:
    for name in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("LLMSIZE_TIMEOUT", "5")
    state = Hub("", {})
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            rng = self.headers.get("Range")
            with lock:
                state.requests.append((self.path, rng))
            body = state.files.get(self.path)
            if body is None:
                self.send_response(404)
                self.send_header("X-Error-Code", "EntryNotFound")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            m = _RANGE.match(rng or "")
            if m and state.honour_ranges:
                first, last = int(m.group(1)), min(int(m.group(2)), len(body) - 1)
                self.send_response(206)
                total = state.sizes.get(self.path, len(body))
                self.send_header("Content-Range", f"bytes {first}-{last}/{total}")
            else:
                first, last = 0, len(body) - 1
                self.send_response(200)
            chunk = body[first : last + 1]
            with lock:
                state.sent.setdefault(self.path, []).append((first, first + len(chunk)))
            self.send_header("Content-Length", str(len(chunk)))
            self.end_headers()
            self.wfile.write(chunk)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    monkeypatch.setenv("HF_ENDPOINT", state.url)
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def publish(hub: Hub, tmp_path: Path, repo: str, config: dict[str, object], shards: int) -> int:
    """Write the tiny llama as ``shards`` files (+ index if more than one); returns header bytes."""
    tensors = llama_tensors(TINY, torch.bfloat16)
    names = sorted(tensors)
    base = f"/{repo}/resolve/main/"
    hub.files[base + "config.json"] = json.dumps(config).encode()
    weight_map, header_bytes = {}, 0
    for i in range(shards):
        file = (
            f"model-{i + 1:05d}-of-{shards:05d}.safetensors" if shards > 1 else "model.safetensors"
        )
        part = names[i::shards]
        path = tmp_path / file
        st.save_file({k: tensors[k] for k in part}, path)
        data = path.read_bytes()
        hub.files[base + file] = data
        header_bytes += 8 + int.from_bytes(data[:8], "little")
        weight_map |= dict.fromkeys(part, file)
    if shards > 1:
        index = {"metadata": {"total_size": 0}, "weight_map": weight_map}
        hub.files[base + "model.safetensors.index.json"] = json.dumps(index).encode()
    return header_bytes


def weight_bytes_sent(hub: Hub) -> int:
    """Bytes sent from past the header of any safetensors file."""
    past = 0
    for path, spans in hub.sent.items():
        if path.endswith(".safetensors"):
            end = 8 + int.from_bytes(hub.files[path][:8], "little")
            past += sum(max(0, b - max(a, end)) for a, b in spans)
    return past


@pytest.mark.parametrize("shards", [1, 3])
def test_headers_only_are_fetched(hub: Hub, tmp_path: Path, shards: int) -> None:
    header_bytes = publish(hub, tmp_path, "acme/tiny", TINY, shards)
    headers = hub_headers("acme/tiny")
    assert measure(headers).values == numel(llama_tensors(TINY, torch.bfloat16))
    ranged = [(p, r) for p, r in hub.requests if p.endswith(".safetensors")]
    assert len(ranged) == 2 * shards and all(r is not None for _, r in ranged)
    assert weight_bytes_sent(hub) == 0
    sent = sum(b - a for p, s in hub.sent.items() if p.endswith(".safetensors") for a, b in s)
    assert sent == header_bytes


def test_cli_measured_with_cross_check(
    hub: Hub, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    publish(hub, tmp_path, "acme/tiny", TINY, 2)
    assert main(["count", "acme/tiny", "--measured", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["architecture"]["agree"] and data["measured"]["files"] == 2
    assert weight_bytes_sent(hub) == 0


def test_unknown_model_type_is_measured(
    hub: Hub, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    publish(hub, tmp_path, "acme/odd", TINY | {"model_type": "no_such_family"}, 1)
    assert main(["count", "acme/odd"]) == 0
    out = capsys.readouterr().out
    assert "'no_such_family' is not supported" in out and "measured from the files" in out
    assert weight_bytes_sent(hub) == 0


def test_server_without_ranges_is_refused(hub: Hub, tmp_path: Path) -> None:
    publish(hub, tmp_path, "acme/tiny", TINY, 1)
    hub.honour_ranges = False
    with pytest.raises(LLMSizeError, match="does not serve byte ranges"):
        hub_headers("acme/tiny")


def test_no_safetensors_on_the_hub(hub: Hub) -> None:
    with pytest.raises(
        LLMSizeError, match=r"no model\.safetensors\.index\.json and no model\.safetensors"
    ):
        hub_headers("acme/none")


def test_huge_claimed_header_is_not_requested(hub: Hub) -> None:
    hub.files["/acme/big/resolve/main/model.safetensors"] = (2**60).to_bytes(8, "little") + b"{}"
    with pytest.raises(LLMSizeError, match="nothing was read"):
        hub_headers("acme/big")
    assert [r for _, r in hub.requests if r] == ["bytes=0-7"]


def test_preset_measured_from_its_hub_repository(
    hub: Hub, capsys: pytest.CaptureFixture[str]
) -> None:
    layout = LAYOUTS["gpt-oss-20b"]
    path = "/openai/gpt-oss-20b/resolve/main/model.safetensors"
    hub.files[path] = header(layout)
    hub.sizes[path] = len(hub.files[path]) + (layout.total_size or 0)
    assert main(["count", "gpt-oss-20b", "--measured", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["architecture"]["agree"] and data["measured"]["bytes"] == layout.total_size
    assert len([r for _, r in hub.requests if r]) == 2 and weight_bytes_sent(hub) == 0
    with pytest.raises(SystemExit):
        main(["count", "gpt3-175b", "--measured"])  # no Hub repository
    assert "--measured needs a Hub id" in capsys.readouterr().err


def test_header_larger_than_a_fetch_is_refused_before_reading(hub: Hub) -> None:
    from llmsize import fetch

    n = fetch._LIMIT + 1
    path = "/acme/wide/resolve/main/model.safetensors"
    hub.files[path] = n.to_bytes(8, "little") + b"{}"
    hub.sizes[path] = 8 + n
    with pytest.raises(LLMSizeError, match="download the file"):
        hub_headers("acme/wide")
    assert [r for _, r in hub.requests if r] == ["bytes=0-7"]

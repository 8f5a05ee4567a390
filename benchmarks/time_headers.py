"""Wall time to read a 160-file sharded checkpoint's safetensors headers locally.

    .venv/bin/python -m benchmarks.time_headers

The checkpoint is DeepSeek-V3's published layout (`llmsize_oracle.layouts`: 91,991 tensors)
split into 160 shards with a ``model.safetensors.index.json``. Each shard is a real file: its
header, then a hole as long as its tensors' data (a sparse file, so the whole 688 GB takes no
disk), so `llmsize.safetensors.read_path` checks every header against the file's size as it
would on real shards. Timed: `read_path` (open, read 8 + N bytes, parse, check the index) and
`llmsize.headers.measure`, cold in a new process and warm; also the ``llmsize count`` command
as a user runs it; and `llmsize.hubfiles.hub_headers` against a 127.0.0.1 stand-in of the Hub
that serves the same folder (two range requests per file, the index first). Prints a Markdown
table.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from llmsize.headers import measure
from llmsize.hubfiles import hub_headers
from llmsize.safetensors import parse_header, read_path
from llmsize_oracle.layouts import LAYOUTS, header

SHARDS = 160


def write_shards(folder: Path) -> int:
    """DeepSeek-V3's layout as ``SHARDS`` sparse shards plus the index; returns their bytes."""
    full = parse_header(header(LAYOUTS["deepseek-v3"]), "all")
    tensors = full.tensors
    per = -(-len(tensors) // SHARDS)
    weight_map, total = {}, 0
    for i in range(SHARDS):
        part = tensors[i * per : (i + 1) * per]
        name = f"model-{i + 1:05d}-of-{SHARDS:05d}.safetensors"
        entries, offset = {}, 0
        for t in part:
            entries[t.name] = {
                "dtype": t.dtype,
                "shape": list(t.shape),
                "data_offsets": [offset, offset + t.nbytes],
            }
            offset += t.nbytes
            weight_map[t.name] = name
        text = json.dumps(entries).encode()
        with open(folder / name, "wb") as f:
            f.write(len(text).to_bytes(8, "little") + text)
            f.truncate(8 + len(text) + offset)
        total += 8 + len(text) + offset
    index = {"metadata": {"total_size": full.data_bytes}, "weight_map": weight_map}
    (folder / "model.safetensors.index.json").write_text(json.dumps(index))
    return total


class _Ranges(http.server.SimpleHTTPRequestHandler):
    """Serves the shard folder at /org/name/resolve/main/, answering Range requests with 206."""

    def do_GET(self) -> None:
        name = self.path.rsplit("/", 1)[-1]
        path = Path(self.directory) / name
        if not path.is_file():
            self.send_error(404)
            return
        size = path.stat().st_size
        first, last = 0, size - 1
        match = re.match(r"bytes=(\d+)-(\d+)$", self.headers.get("Range", ""))
        if match:
            first, last = int(match.group(1)), min(int(match.group(2)), size - 1)
        with open(path, "rb") as f:
            f.seek(first)
            body = f.read(last - first + 1)
        self.send_response(206 if match else 200)
        self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def over_http(folder: Path) -> float:
    """Seconds to read every header from a 127.0.0.1 stand-in of the Hub, by range requests."""
    handler = functools.partial(_Ranges, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    os.environ |= {"HF_ENDPOINT": f"http://127.0.0.1:{server.server_address[1]}"}
    os.environ |= {"NO_PROXY": "127.0.0.1", "LLMSIZE_TIMEOUT": "30"}
    os.environ.pop("HF_HUB_OFFLINE", None)
    try:
        start = time.perf_counter()
        hub_headers("acme/shards")
        return time.perf_counter() - start
    finally:
        server.shutdown()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = write_shards(folder)
        cold = subprocess.run(
            [sys.executable, "-c", _COLD, str(folder)], capture_output=True, text=True, check=True
        ).stdout.split()
        start = time.perf_counter()
        headers = read_path(folder)
        read = time.perf_counter() - start
        m = measure(headers)
        summed = time.perf_counter() - start - read
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "llmsize", "count", str(folder)], capture_output=True, check=True
        )
        command = time.perf_counter() - start
        http_seconds = over_http(folder)
        header_bytes = sum(h.header_bytes for h in headers)
    print(f"{SHARDS} shards, {m.tensors:,} tensors, {size:,} bytes on disk (sparse),")
    print(f"{header_bytes:,} header bytes read; cpu count {os.cpu_count()}\n")
    print("| step | seconds |\n| --- | ---: |")
    print(f"| read_path, new process (cold imports) | {float(cold[0]):.3f} |")
    print(f"| measure, new process | {float(cold[1]):.3f} |")
    print(f"| read_path, warm | {read:.3f} |")
    print(f"| measure, warm | {summed:.3f} |")
    print(f"| `llmsize count FOLDER` as a command | {command:.3f} |")
    print(f"| hub_headers over HTTP, 127.0.0.1, {2 * SHARDS} range requests | {http_seconds:.3f} |")


_COLD = """
import sys, time
t = time.perf_counter()
from llmsize.safetensors import read_path
from llmsize.headers import measure
from llmsize.hubfiles import hub_headers
h = read_path(sys.argv[1]); a = time.perf_counter() - t
measure(h); print(a, time.perf_counter() - t - a)
"""


if __name__ == "__main__":
    main()

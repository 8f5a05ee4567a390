"""Wall time to read a 160-file sharded checkpoint's safetensors headers locally.

    .venv/bin/python -m benchmarks.time_headers

The checkpoint is DeepSeek-V3's published layout (`llmsize_oracle.layouts`: 91,991 tensors)
split into 160 shards with a ``model.safetensors.index.json``. Each shard is a real file: its
header, then a hole as long as its tensors' data (a sparse file, so the whole 688 GB takes no
disk), so `llmsize.safetensors.read_path` checks every header against the file's size as it
would on real shards. Timed: `read_path` (open, read 8 + N bytes, parse, check the index) and
`llmsize.headers.measure`, cold in a new process and warm; also the ``llmsize count`` command
as a user runs it. Prints a Markdown table.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from llmsize.headers import measure
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
        header_bytes = sum(h.header_bytes for h in headers)
    print(f"{SHARDS} shards, {m.tensors:,} tensors, {size:,} bytes on disk (sparse),")
    print(f"{header_bytes:,} header bytes read; cpu count {os.cpu_count()}\n")
    print("| step | seconds |\n| --- | ---: |")
    print(f"| read_path, new process (cold imports) | {float(cold[0]):.3f} |")
    print(f"| measure, new process | {float(cold[1]):.3f} |")
    print(f"| read_path, warm | {read:.3f} |")
    print(f"| measure, warm | {summed:.3f} |")
    print(f"| `llmsize count FOLDER` as a command | {command:.3f} |")


_COLD = """
import sys, time
t = time.perf_counter()
from llmsize.safetensors import read_path
from llmsize.headers import measure
h = read_path(sys.argv[1]); a = time.perf_counter() - t
measure(h); print(a, time.perf_counter() - t - a)
"""


if __name__ == "__main__":
    main()

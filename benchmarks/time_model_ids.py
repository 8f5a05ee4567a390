"""Wall time of each way a model id can fail, run as a user runs it (a separate process).

    .venv/bin/python -m benchmarks.time_model_ids

The Hub mirror and ModelScope are the local stand-ins of tests/standins.py; "no network" is
huggingface.co itself on a machine without it (or a closed port on 127.0.0.1). The never-answering
server runs under the default deadline (LLMSIZE_TIMEOUT unset). Prints a Markdown table.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time

from tests.standins import HANG, Answer, config_answer, standin

LLAMA = {
    "model_type": "llama",
    "hidden_size": 4096,
    "intermediate_size": 11008,
    "num_hidden_layers": 32,
    "num_attention_heads": 32,
    "vocab_size": 32000,
}
HUB = "/acme/m/resolve/main/config.json"
MS = "/api/v1/models/acme/m/repo?Revision=master&FilePath=config.json"
CASES = [
    ("success", config_answer(LLAMA)),
    ("404", Answer(404, b"", {"X-Error-Code": "EntryNotFound"})),
    ("401 gated", Answer(401, b"", {"X-Error-Code": "GatedRepo"})),
    ("403", Answer(403, b"")),
    ("503 (one quiet retry)", Answer(503, b"")),
    ("malformed config.json", config_answer({**LLAMA, "hidden_size": "big"})),
    ("never answers", HANG),
]


def run(model: str, env: dict[str, str]) -> tuple[float, int, str]:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "llmsize", "count", model, "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
    )
    seconds = time.perf_counter() - start
    line = out.stderr.strip() or f"total {json.loads(out.stdout)['total']:,}"
    return seconds, out.returncode, line


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp, standin() as stand:
        for name in ("HF_TOKEN", "HF_HUB_OFFLINE", "LLMSIZE_TIMEOUT", "HF_ENDPOINT"):
            os.environ.pop(name, None)
        base = {"HF_HOME": tmp, "HF_HUB_CACHE": tmp + "/hub", "MODELSCOPE_CACHE": tmp + "/ms"}
        rows.append(("Hub, no network", *run("Qwen/Qwen3-8B", base)))
        offline = {**base, "HF_HUB_OFFLINE": "1"}
        rows.append(("Hub, HF_HUB_OFFLINE=1, not cached", *run("Qwen/Qwen3-8B", offline)))
        closed = {**base, "HF_ENDPOINT": "http://127.0.0.1:9"}
        rows.append(("Hub, closed port", *run("Qwen/Qwen3-8B", closed)))
        rows.append(("ModelScope, no network", *run("modelscope:Qwen/Qwen3-8B", base)))
        sites = {"HF_ENDPOINT": stand.url, "MODELSCOPE_DOMAIN": stand.url, "NO_PROXY": "127.0.0.1"}
        for case, answer in CASES:
            for site, path, model in (
                ("Hub mirror", HUB, "acme/m"),
                ("ModelScope", MS, "modelscope:acme/m"),
            ):
                stand.routes.clear()
                stand.routes[path] = answer
                env = {
                    **base,
                    **sites,
                    "HF_HUB_CACHE": f"{tmp}/{case}",
                    "MODELSCOPE_CACHE": f"{tmp}/{case}",
                }
                rows.append((f"{site}, {case}", *run(model, env)))
    print("| Case | Wall time | Exit | stderr (or result) |\n|---|---:|---:|---|")
    for case, seconds, status, line in rows:
        print(f"| {case} | {seconds:.2f} s | {status} | {line.replace('|', '/')} |")


if __name__ == "__main__":
    main()

"""Benchmark: llmsize counting every preset vs building the same models on the meta device.

Run: ``python benchmarks/bench_count.py`` (needs torch and transformers for the comparison).
Prints per-preset times, the overall speed ratio, and the wall time of ``llmsize count`` as a
fresh process (the figure a shell user feels). Not a test: timings vary by machine.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from llmsize import counts, presets
from llmsize_oracle.meta import transformers_count


def _llmsize_seconds(preset_id: str, repeat: int = 200) -> float:
    spec = presets.load(preset_id)
    start = time.perf_counter()
    for _ in range(repeat):
        counts(spec)
    return (time.perf_counter() - start) / repeat


def _meta_seconds(config: dict) -> tuple[float, int]:
    start = time.perf_counter()
    total = transformers_count(config)  # the oracle's own meta-device build and count
    return time.perf_counter() - start, total


def _cli_seconds(repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "llmsize", "count", "deepseek-v3"],
            check=True,
            capture_output=True,
        )
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    import transformers  # noqa: F401  (import cost kept out of the per-model timings)

    ours_total = meta_total = 0.0
    print(f"{'preset':22} {'llmsize':>12} {'meta build':>12} {'ratio':>10}  same count")
    for preset_id in presets.ids():
        preset = presets.get(preset_id)
        ours = _llmsize_seconds(preset_id)
        meta, total = _meta_seconds(preset.config)
        same = total == counts(preset.spec).total
        ours_total += ours
        meta_total += meta
        print(
            f"{preset_id:22} {ours * 1e6:>10.1f}µs {meta * 1e3:>10.1f}ms {meta / ours:>9.0f}×"
            f"  {same}"
        )
    print(
        f"{'all presets':22} {ours_total * 1e3:>10.2f}ms {meta_total:>11.2f}s "
        f"{meta_total / ours_total:>9.0f}×"
    )
    print(f"llmsize count deepseek-v3, fresh process (median of 5): {_cli_seconds():.3f} s")


if __name__ == "__main__":
    main()

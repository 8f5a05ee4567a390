"""Benchmark: llmsize reading and counting real configs vs transformers building them on meta.

Run: ``python benchmarks/bench_count.py [--repeat N]`` (needs torch and transformers). Not a
test: timings vary by machine and load.

For every bundled preset (each a real model's ``config.json``), the config is written to a
``config.json`` file, then timed two ways, file to result:

* llmsize: ``counts(read_config(path))`` and its five count definitions (total, active,
  non-embedding, stored, checkpoint); also shown with the breakdown tree built, for reference;
* transformers: the file's JSON loaded and the model built on the meta device and counted
  (``llmsize_oracle.meta.transformers_count``, the oracle's own build).

Each side is timed in ``--repeat`` rounds over all configs (default 5; llmsize as 20 batches of
100 calls per round) and the fastest run kept, the least disturbed by other work on the
machine; the rounds spread each config's runs over the whole benchmark. Prints a row per
config, the overall figures (sums over all configs), the line ``throughput ratio: N×``
(transformers' total time over llmsize's), and the wall time of ``llmsize count`` as a fresh
process.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from llmsize import counts, presets
from llmsize.hfconfig import read_config
from llmsize_oracle.meta import transformers_count


def _seconds(run: Callable[[Path], object], path: Path, batch: int) -> float:
    """Seconds per call of ``run(path)``, timed over ``batch`` calls in a row."""
    start = time.perf_counter()
    for _ in range(batch):
        run(path)
    return (time.perf_counter() - start) / batch


def _llmsize(path: Path) -> tuple[int, ...]:
    c = counts(read_config(path))
    return (c.total, c.active, c.non_embedding, c.stored, c.checkpoint)


def _llmsize_tree(path: Path) -> int:
    return counts(read_config(path)).breakdown.params


def _transformers(path: Path) -> int:
    return transformers_count(json.loads(path.read_text(encoding="utf-8")))


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


def _config_files(folder: Path) -> dict[str, Path]:
    files = {}
    for preset_id in presets.ids():
        path = folder / preset_id / "config.json"
        path.parent.mkdir()
        path.write_text(json.dumps(presets.get(preset_id).config), encoding="utf-8")
        files[preset_id] = path
    return files


def _fastest(files: dict[str, Path], repeat: int) -> dict[str, dict[str, float]]:
    """Fastest time per call of each side for each config, over ``repeat`` rounds.

    Each round visits every config in turn, so a config's runs are spread over the whole
    benchmark rather than bunched into one busy (or quiet) moment; llmsize runs 20 batches of 100
    calls per visit.
    """
    sides: dict[str, Callable[[Path], object]] = {
        "ours": _llmsize,
        "tree": _llmsize_tree,
        "meta": _transformers,
    }
    best = {i: dict.fromkeys(sides, float("inf")) for i in files}
    for _ in range(repeat):
        for preset_id, path in files.items():
            for side, run in sides.items():
                batch, batches = (1, 1) if side == "meta" else (100, 20)
                for _ in range(batches):
                    seconds = _seconds(run, path, batch)
                    best[preset_id][side] = min(best[preset_id][side], seconds)
    return best


def _row(preset_id: str, path: Path, t: dict[str, float]) -> bool:
    same = _transformers(path) == _llmsize(path)[0] == _llmsize_tree(path)
    print(
        f"{preset_id:20} {t['ours'] * 1e6:>9.1f}µs {t['tree'] * 1e6:>9.1f}µs"
        f" {t['meta'] * 1e3:>10.1f}ms {t['meta'] / t['ours']:>9.0f}×  {same}"
    )
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per side (default 5)")
    repeat = parser.parse_args().repeat
    import transformers  # noqa: F401  (import cost kept out of the per-model timings)

    print(f"{'config.json':20} {'llmsize':>11} {'+ tree':>11} {'transformers':>12} {'ratio':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        files = _config_files(Path(tmp))
        best = _fastest(files, repeat)
        same = [_row(i, path, best[i]) for i, path in files.items()]
    ours, tree, meta = (sum(t[side] for t in best.values()) for side in ("ours", "tree", "meta"))
    print(
        f"{f'all {len(files)} configs':20} {ours * 1e3:>9.2f}ms {tree * 1e3:>9.2f}ms"
        f" {meta:>11.2f}s {meta / ours:>9.0f}×  {all(same)}"
    )
    print(f"with the breakdown tree built: {meta / tree:.0f}×")
    print(f"throughput ratio: {meta / ours:.0f}×")
    print(f"llmsize count deepseek-v3, fresh process (median of 5): {_cli_seconds():.3f} s")


if __name__ == "__main__":
    main()

"""Count each oracle case with transformers' own model built on the meta device.

Usage: ``python scripts/oracle.py [--write] [--only CASE ...]``. Prints ``case total`` lines;
with ``--write`` it rewrites ``src/llmsize_oracle/figures.json``, the recorded figures the fast
tests and the site compare against (and, under ``vision``, each vision-language case's
parameters outside its language model and audio modules; under ``audio``, those of the cases
with an audio encoder). With ``--only``, just the named cases are counted and written; every
other key of the record stays as it is. Needs ``torch`` and ``transformers``
(``pip install -e '.[oracle]'``).
"""

from __future__ import annotations

import json
import sys

from llmsize_oracle import FIGURES_FILE, all_cases, record
from llmsize_oracle.cases_vlm import VLM
from llmsize_oracle.meta import transformers_audio, transformers_count, transformers_vision


def main() -> None:
    import transformers

    only = set(sys.argv[sys.argv.index("--only") + 1 :]) if "--only" in sys.argv else None
    cases = {n: c for n, c in all_cases().items() if only is None or n in only}
    figures = {name: transformers_count(config) for name, config in cases.items()}
    for name, total in figures.items():
        print(f"{name:28} {total:>18,}")
    if "--write" in sys.argv:
        vlm = {name: config for name, config in VLM.items() if name in cases}
        vision = {name: transformers_vision(config) for name, config in vlm.items()}
        audio = {name: n for name, config in vlm.items() if (n := transformers_audio(config))}
        old = record() if only is not None else {"figures": {}, "vision": {}, "audio": {}}
        out = {
            "transformers": transformers.__version__,
            "figures": {**old["figures"], **figures},
            "vision": {**old["vision"], **vision},
            "audio": {**old.get("audio", {}), **audio},
        }
        FIGURES_FILE.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {FIGURES_FILE}")


if __name__ == "__main__":
    main()
